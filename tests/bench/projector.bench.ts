import { chromium, type Page } from '@playwright/test';
import fs from 'node:fs';
import { api, startBrowserHost } from './browser-host';
import { ms, percentile, type Row } from './stats';

const ACTIONS = 200;
const BUDGET_MS = 100;

/** What the projector shows now, as the room would read it. */
interface Shown {
  title: string | null;
  blank: boolean;
}

/**
 * Console action → projector DOM, in Debian's Chromium with two pages of one browser against the
 * browser-mode host: the console (facilitator) and the projector page (projector role). Each action
 * is a key on the console — → next step, ← previous step, B blank, B again — and the time runs from
 * the keydown in the console to the moment the projector's DOM shows the result (a MutationObserver
 * there), both read on the same wall clock (`performance.timeOrigin + now()` of each page).
 */
export async function benchProjector(root: string): Promise<Row[]> {
  const what = `console action → projector page DOM updated (Chromium, two pages; ${ACTIONS} actions: next, previous, blank, unblank)`;
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!fs.existsSync(executablePath)) {
    return [
      { what, figure: `not measured: no browser at ${executablePath}`, budget: `p99 ≤ ${BUDGET_MS} ms`, ok: false },
    ];
  }
  const { base, stop } = await startBrowserHost(root, 'bimtek-bench-projector-');
  const browser = await chromium.launch({
    executablePath,
    args: ['--disable-gpu', '--disable-background-networking', '--no-first-run'],
  });
  try {
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
      title: 'Bimtek Tahap III Penyusunan Masterplan Smart City Kota Kediri',
      days: [
        { date: '2019-08-28', startTime: '08:00', endTime: '16:00' },
        { date: '2019-08-29', startTime: '08:00', endTime: '15:30' },
      ],
      venue: 'Ruang Joyoboyo, Balai Kota Kediri',
      template: 'tahap-3',
    });
    const day = w.days[0].id;
    const { days } = await api(base, 'agenda.get', { workshopId: w.id });
    const titles: string[] = days[0].steps.map((s: { title: string }) => s.title);
    await api(base, 'projector.set', { workshopId: w.id, patch: { mode: 'step', dayId: day } });
    await api(base, 'run.command', { dayId: day, command: 'start', expectedStepId: null });

    const consolePage = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await consolePage.goto(`${base}#/engagements/${e.id}/workshops/${w.id}/days/${day}/run`);
    await consolePage.getByTestId('current-title').waitFor();
    const projector = await browser.newPage({ viewport: { width: 1024, height: 768 } });
    await projector.goto(`${base}#/present/${w.id}`);
    await projector.getByTestId('projector-title').waitFor();
    await projector.evaluate(() => {
      const win = window as unknown as { __seen: { t: number; title: string | null; blank: boolean }[] };
      win.__seen = [];
      const read = () => ({
        t: performance.timeOrigin + performance.now(),
        title: document.querySelector('[data-testid="projector-title"]')?.textContent ?? null,
        blank: document.querySelector('[data-testid="projector-blank"]') !== null,
      });
      new MutationObserver(() => win.__seen.push(read())).observe(document.body, {
        subtree: true,
        childList: true,
        characterData: true,
      });
    });

    const press = (key: string) =>
      consolePage.evaluate((k) => {
        const t0 = performance.timeOrigin + performance.now();
        window.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true }));
        return t0;
      }, key);
    const consoleShows = (title: string) =>
      consolePage.waitForFunction(
        (t) => document.querySelector('[data-testid="current-title"]')?.textContent === t,
        title,
      );
    const projectorShows = async (p: Page, after: number, want: Shown): Promise<number> => {
      const handle = await p.waitForFunction(
        ({ after, want }) => {
          const seen = (window as unknown as { __seen: { t: number; title: string | null; blank: boolean }[] }).__seen;
          const hit = seen.find((s) => s.t >= after && s.title === want.title && s.blank === want.blank);
          return hit ? hit.t : null;
        },
        { after, want },
        { timeout: 10_000, polling: 5 },
      );
      return (await handle.jsonValue()) as number;
    };

    const cycle: { key: string; want: Shown; console?: string }[] = [
      { key: 'ArrowRight', want: { title: titles[1], blank: false }, console: titles[1] },
      { key: 'ArrowLeft', want: { title: titles[0], blank: false }, console: titles[0] },
      { key: 'b', want: { title: titles[0], blank: true } },
      { key: 'b', want: { title: titles[0], blank: false } },
    ];
    // Warm-up: one round, not counted (the first action also compiles code in both pages).
    const run = async (n: number, out: number[]) => {
      for (let i = 0; i < n; i++) {
        const a = cycle[i % cycle.length];
        const t0 = await press(a.key);
        const t1 = await projectorShows(projector, t0, a.want);
        out.push(t1 - t0);
        // The console must have its own answer before the next key, or it acts on a stale step.
        if (a.console) await consoleShows(a.console);
        else
          await consolePage.waitForFunction(
            (blank) => document.querySelector('button[aria-keyshortcuts="B"]')?.getAttribute('aria-pressed') === blank,
            String(a.want.blank),
          );
        await new Promise((r) => setTimeout(r, 20));
      }
    };
    await run(cycle.length, []);
    const lat: number[] = [];
    await run(ACTIONS, lat);
    if (process.env.BENCH_VERBOSE) console.log('console → projector (ms):', lat.map((d) => d.toFixed(1)).join(' '));
    const p99 = percentile(lat, 99);
    return [
      {
        what,
        figure: `p50 ${ms(percentile(lat, 50))}, p99 ${ms(p99)}, max ${ms(Math.max(...lat))}`,
        budget: `p99 ≤ ${BUDGET_MS} ms`,
        ok: lat.length === ACTIONS && p99 <= BUDGET_MS,
      },
    ];
  } finally {
    await browser.close();
    stop();
  }
}
