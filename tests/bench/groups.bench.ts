import { chromium } from '@playwright/test';
// `performance` is Node's global here: an import would be renamed by the bundler, also inside the
// functions sent to the page (where only the browser's global exists).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createBackend, type Backend } from '../../electron/core/backend';
import type { Caller } from '../../electron/core/handlers';
import { memorySettings } from '../../electron/core/settings';
import { api, startBrowserHost } from './browser-host';
import { latencyRow, ms, notMeasured, percentile, type Row } from './stats';

const GROUPS = 12;
const OUTPUTS_PER_GROUP = 25;
const SAVES = 2000;
const EDITS = 100;
const SAVE_BUDGET_MS = 5;
const PROJECTOR_BUDGET_MS = 100;

/** Forms whose fields take plain text lists at a top-level key, to fill quickly and realistically. */
const LIST_FORMS = [
  { formId: 'swot', path: 'strengths' },
  { formId: 'vision-mission', path: 'missions' },
  { formId: 'strategy', path: 'strategies' },
] as const;

async function must<T>(p: Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

/**
 * A day of group work at its largest: 12 groups, each with 25 outputs already filled (25 form
 * steps), every group with a paired device. Returns what the measurements need.
 */
async function seed(b: Backend) {
  const h = b.handlers;
  const e = await must(
    h['engagements.create']({
      regionName: 'Kediri',
      regionKind: 'kota',
      province: 'Jawa Timur',
      year: 2019,
      timeZone: 'WIB',
      agencies: ['Diskominfo', 'Bappeda', 'Dinas Kesehatan'],
    }),
  );
  const w = await must(
    h['workshops.create']({
      engagementId: e.id,
      stage: 'tahap-3',
      title: 'Bimtek Tahap III',
      days: [{ date: '2019-08-29', startTime: '08:00', endTime: '15:30' }],
    }),
  );
  const dayId = w.days[0].id;
  const steps: { id: string; formId: string; path: string }[] = [];
  for (let i = 0; i < OUTPUTS_PER_GROUP; i++) {
    const f = LIST_FORMS[i % LIST_FORMS.length];
    const s = await must(
      h['agenda.addStep']({
        dayId,
        step: { kind: 'diskusi-kelompok', title: `Diskusi ${i + 1}`, plannedMinutes: 30, formId: f.formId },
      }),
    );
    steps.push({ id: s.id, ...f });
  }
  const groups: { id: string; device: Caller }[] = [];
  for (let g = 0; g < GROUPS; g++) {
    const group = await must(h['groups.create']({ dayId, name: `Kelompok ${g + 1}` }));
    const coded = await must(h['groups.pairCode']({ id: group.id }));
    const pairing = await must(h['devices.pair']({ code: coded.pairing!.code, label: `Laptop ${g + 1}` }));
    groups.push({ id: group.id, device: { role: 'group-device', key: `bench:${g}`, device: pairing.token } });
    for (const s of steps) {
      const items = Array.from({ length: 8 }, (_, k) => `Butir ${k + 1} kelompok ${g + 1} langkah ${s.id.slice(0, 4)}`);
      await must(h['outputs.setCell']({ groupId: group.id, stepId: s.id, path: s.path, value: items }));
    }
  }
  return { e, w, dayId, steps, groups };
}

/**
 * Saving a field of a group output, handler → durable commit, in a store holding 12 groups × 25
 * outputs; every other save comes from the group's paired device (its token resolved in the core).
 */
async function benchSaves(): Promise<Row> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bimtek-bench-groups-'));
  const backend = createBackend({ dataDir: dir, mode: 'browser', version: 'bench', settings: memorySettings() });
  try {
    const { steps, groups } = await seed(backend);
    const h = backend.handlers;
    const times: number[] = [];
    for (let i = 0; i < SAVES + 50; i++) {
      const g = groups[i % groups.length];
      const s = steps[i % steps.length];
      const input = { groupId: g.id, stepId: s.id, path: s.path, value: [`Isian ke-${i}`, 'Butir kedua'] };
      const t0 = performance.now();
      const r = await h['outputs.setCell'](input, i % 2 === 0 ? undefined : g.device);
      const t = performance.now() - t0;
      if (!r.ok) throw new Error(r.error.message);
      if (i >= 50) times.push(t);
    }
    const p99 = percentile(times, 99);
    return {
      what: `group output field saved, handler → durable commit (${GROUPS} groups × ${OUTPUTS_PER_GROUP} outputs; ${SAVES} saves, half from paired devices)`,
      figure: `p50 ${ms(percentile(times, 50))}, p99 ${ms(p99)}`,
      budget: `p99 ≤ ${SAVE_BUDGET_MS} ms`,
      ok: p99 <= SAVE_BUDGET_MS,
    };
  } finally {
    backend.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * A group edits its output while the projector presents it: from the edit request (sent by a page,
 * timed on the browser's wall clock) to the projector page's DOM showing the new text.
 */
async function benchProjectorFollows(root: string): Promise<Row> {
  const what = `group edit → projector page shows it (Chromium; ${GROUPS} groups × ${OUTPUTS_PER_GROUP} outputs; ${EDITS} edits)`;
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!fs.existsSync(executablePath)) return notMeasured(what, `no browser at ${executablePath}`, PROJECTOR_BUDGET_MS);
  const { base, stop } = await startBrowserHost(root, 'bimtek-bench-pleno-');
  const browser = await chromium.launch({
    executablePath,
    args: ['--disable-gpu', '--disable-background-networking', '--no-first-run'],
  });
  try {
    // Seeded over HTTP, as the facilitator's page would.
    const e = await api(base, 'engagements.create', {
      regionName: 'Kediri',
      regionKind: 'kota',
      province: 'Jawa Timur',
      year: 2019,
      timeZone: 'WIB',
    });
    const w = await api(base, 'workshops.create', {
      engagementId: e.id,
      stage: 'tahap-3',
      title: 'Bimtek Tahap III',
      days: [{ date: '2019-08-29', startTime: '08:00', endTime: '15:30' }],
    });
    const dayId = w.days[0].id;
    const steps: string[] = [];
    for (let i = 0; i < OUTPUTS_PER_GROUP; i++) {
      const s = await api(base, 'agenda.addStep', {
        dayId,
        step: { kind: 'diskusi-kelompok', title: `Diskusi ${i + 1}`, plannedMinutes: 30, formId: 'swot' },
      });
      steps.push(s.id);
    }
    await api(base, 'agenda.addStep', { dayId, step: { kind: 'pleno', title: 'Pleno', plannedMinutes: 120 } });
    const groups: string[] = [];
    for (let g = 0; g < GROUPS; g++) {
      const group = await api(base, 'groups.create', { dayId, name: `Kelompok ${g + 1}`, topic: 'governance' });
      groups.push(group.id);
      for (const stepId of steps)
        await api(base, 'outputs.setCell', {
          groupId: group.id,
          stepId,
          path: 'strengths',
          value: ['Command center', 'SDM TIK', 'Aplikasi layanan publik'],
        });
    }
    const shown = { groupId: groups[3], stepId: steps[OUTPUTS_PER_GROUP - 1] };
    await api(base, 'projector.set', { workshopId: w.id, patch: { mode: 'group', dayId, ...shown } });

    const projector = await browser.newPage({ viewport: { width: 1024, height: 768 } });
    await projector.goto(`${base}#/present/${w.id}`);
    await projector.waitForFunction(() => document.body.textContent?.includes('Command center'), null, {
      timeout: 20_000,
    });
    await projector.evaluate(() => {
      const win = window as unknown as { __seen: { t: number; text: string }[] };
      win.__seen = [];
      new MutationObserver(() =>
        win.__seen.push({ t: performance.timeOrigin + performance.now(), text: document.body.textContent ?? '' }),
      ).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    // The edit comes from a page of the same browser (the group's capture screen would send it).
    const sender = await browser.newPage();
    await sender.goto(`${base}healthz`);
    const edit = (marker: string) =>
      sender.evaluate(
        async ({ base, input }) => {
          const t0 = performance.timeOrigin + performance.now();
          const res = await fetch(`${base}api/outputs.setCell`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(input),
          });
          if (!(await res.json()).ok) throw new Error('refused');
          return t0;
        },
        { base, input: { ...shown, path: 'strengths', value: ['Command center', marker] } },
      );
    const lat: number[] = [];
    for (let i = 0; i < EDITS + 5; i++) {
      const marker = `Penanda ${i} ${Math.random().toString(36).slice(2, 8)}`;
      const t0 = await edit(marker);
      const handle = await projector.waitForFunction(
        ({ after, marker }) => {
          const seen = (window as unknown as { __seen: { t: number; text: string }[] }).__seen;
          const hit = seen.find((s) => s.t >= after && s.text.includes(marker));
          return hit ? hit.t : null;
        },
        { after: t0, marker },
        { timeout: 10_000, polling: 5 },
      );
      const t1 = (await handle.jsonValue()) as number;
      if (i >= 5) lat.push(t1 - t0);
      await projector.evaluate(() => {
        (window as unknown as { __seen: unknown[] }).__seen.length = 0;
      });
    }
    return latencyRow(what, lat, EDITS, PROJECTOR_BUDGET_MS);
  } catch (err) {
    return notMeasured(what, err, PROJECTOR_BUDGET_MS);
  } finally {
    await browser.close();
    stop();
  }
}

/** Group work at its largest: saving a field, and the projector following an edit. */
export async function benchGroups(root: string): Promise<Row[]> {
  return [await benchSaves(), await benchProjectorFollows(root)];
}
