import { chromium } from '@playwright/test';
import fs from 'node:fs';
import { DEFAULT_WEIGHTS, rankQuickWins, type ScoreRow } from '../../shared/followups';
import { chartItems } from '../../renderer/features/quickwins/chart-items';
import { api, startBrowserHost } from './browser-host';
import { latencyRow, ms, notMeasured, percentile, type Row } from './stats';

// `performance` is the global one on purpose: the page functions below use theirs, and an imported
// binding would be renamed by the bundler inside them.
const CANDIDATES = 60;
const SCORERS = 12;
const RANK_RUNS = 2000;
const RANK_BUDGET_MS = 16;
const SCORES = 100;
const PROJECTOR_BUDGET_MS = 100;
const GROUPS = 12;

/** A rating 1–5 that varies with its inputs, the same on every run. */
const rate = (a: number, b: number, c: number) => 1 + ((a * 7 + b * 3 + c * 5) % 5);

/**
 * What the screen and the projector redo on every score: `rankQuickWins` over 60 candidates × 12
 * scorers (720 score rows), joined with the candidates' names for the charts.
 */
async function benchRanking(): Promise<Row> {
  const candidates = Array.from({ length: CANDIDATES }, (_, i) => ({
    key: `group-${i % GROUPS}/step/row${i}`,
    name: `Usulan quick win ${i + 1}`,
    groupName: `Kelompok ${(i % GROUPS) + 1}`,
    dimension: 'governance',
  }));
  const scores: ScoreRow[] = [];
  for (let s = 0; s < SCORERS; s++)
    for (let i = 0; i < CANDIDATES; i++)
      scores.push({
        candidateKey: candidates[i].key,
        scorer: `Kelompok ${s + 1}`,
        scores: { impact: rate(i, s, 0), feasibility: rate(i, s, 1), cost: rate(i, s, 2), innovation: rate(i, s, 3) },
      });
  const times: number[] = [];
  let sink = 0;
  for (let run = 0; run < RANK_RUNS + 100; run++) {
    // One score changes between runs, as in the room.
    const r = scores[run % scores.length];
    r.scores = { ...r.scores, impact: 1 + (run % 5) };
    const t0 = performance.now();
    const ranking = rankQuickWins(candidates, scores, DEFAULT_WEIGHTS);
    const items = chartItems(candidates, ranking, [candidates[0].key]);
    const t = performance.now() - t0;
    sink += items[0].total;
    if (run >= 100) times.push(t);
  }
  if (!Number.isFinite(sink)) throw new Error('ranking gave no total');
  const p99 = percentile(times, 99);
  return {
    what: `quick-win ranking recomputed (${CANDIDATES} candidates × ${SCORERS} scorers, ${RANK_RUNS} runs)`,
    figure: `p50 ${ms(percentile(times, 50))}, p99 ${ms(p99)}, max ${ms(Math.max(...times))}`,
    budget: `p99 ≤ ${RANK_BUDGET_MS} ms`,
    ok: p99 <= RANK_BUDGET_MS,
  };
}

/**
 * A score while the projector shows the ranking: from the score request (sent by a page, timed on
 * the browser's wall clock) to the projector page's bar carrying the new total (`data-total`).
 * 12 groups with 5 proposals each, 12 scorers who scored them all.
 */
async function benchProjectorChart(root: string): Promise<Row> {
  const what = `quick-win score → projector chart updated (Chromium; ${CANDIDATES} candidates × ${SCORERS} scorers; ${SCORES} scores)`;
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!fs.existsSync(executablePath)) return notMeasured(what, `no browser at ${executablePath}`, PROJECTOR_BUDGET_MS);
  const { base, stop } = await startBrowserHost(root, 'bimtek-bench-quickwins-');
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
      agencies: ['Diskominfo', 'Bappeda', 'Bapenda'],
    });
    const w = await api(base, 'workshops.create', {
      engagementId: e.id,
      stage: 'tahap-2',
      title: 'Bimtek Tahap II',
      days: [{ date: '2019-07-10', startTime: '08:00', endTime: '15:30' }],
    });
    const dayId = w.days[0].id;
    const step = await api(base, 'agenda.addStep', {
      dayId,
      step: { kind: 'diskusi-kelompok', title: 'Usulan quick win', plannedMinutes: 60, formId: 'quick-win-proposal' },
    });
    const keys: string[] = [];
    const perGroup = CANDIDATES / GROUPS;
    for (let g = 0; g < GROUPS; g++) {
      const group = await api(base, 'groups.create', { dayId, name: `Kelompok ${g + 1}` });
      const cell = (path: string, value: unknown) =>
        api(base, 'outputs.setCell', { groupId: group.id, stepId: step.id, path, value });
      const rows = Array.from({ length: perGroup }, (_, r) => `row${r + 1}`);
      await cell('proposals/#rows', rows);
      for (const r of rows) {
        await cell(`proposals/${r}/name`, `Usulan ${r} kelompok ${g + 1}`);
        await cell(`proposals/${r}/dimension`, 'governance');
        await cell(`proposals/${r}/agency`, 'Diskominfo');
        keys.push(`${group.id}/${step.id}/${r}`);
      }
    }
    for (let s = 0; s < SCORERS; s++)
      for (let i = 0; i < keys.length; i++) {
        // The first candidate leads by far, so its bar stays among those the projector shows.
        const v = (c: number) => (i === 0 ? 5 : Math.min(4, rate(i, s, c)));
        await api(base, 'quickwins.score', {
          workshopId: w.id,
          candidateKey: keys[i],
          scorer: `Kelompok ${s + 1}`,
          scores: { impact: v(0), feasibility: v(1), cost: v(2), innovation: v(3) },
        });
      }
    await api(base, 'projector.set', { workshopId: w.id, patch: { mode: 'quickwins', dayId } });

    const watched = keys[0];
    const projector = await browser.newPage({ viewport: { width: 1024, height: 768 } });
    await projector.goto(`${base}#/present/${w.id}`);
    const selector = `g.qw-bar[data-key="${watched}"] .qw-bar__fill`;
    await projector.waitForSelector(selector, { timeout: 20_000 });
    await projector.evaluate((selector) => {
      const win = window as unknown as { __seen: { t: number; total: string | null }[] };
      win.__seen = [];
      new MutationObserver(() =>
        win.__seen.push({
          t: performance.timeOrigin + performance.now(),
          total: document.querySelector(selector)?.getAttribute('data-total') ?? null,
        }),
      ).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-total'] });
    }, selector);
    // The score comes from a page of the same browser (the scoring screen or a group's device would send it).
    const sender = await browser.newPage();
    await sender.goto(`${base}healthz`);
    const score = (impact: number) =>
      sender.evaluate(
        async ({ base, input }) => {
          const t0 = performance.timeOrigin + performance.now();
          const res = await fetch(`${base}api/quickwins.score`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(input),
          });
          if (!(await res.json()).ok) throw new Error('refused');
          return t0;
        },
        {
          base,
          input: {
            workshopId: w.id,
            candidateKey: watched,
            scorer: 'Kelompok 1',
            scores: { impact, feasibility: 5, cost: 5, innovation: 5 },
          },
        },
      );
    const lat: number[] = [];
    let shown = await projector.$eval(selector, (el) => el.getAttribute('data-total'));
    for (let i = 0; i < SCORES + 5; i++) {
      // 5 and 4 in turn: the leader's total changes with every score.
      const t0 = await score(i % 2 === 0 ? 4 : 5);
      const handle = await projector.waitForFunction(
        ({ after, before }) => {
          const seen = (window as unknown as { __seen: { t: number; total: string | null }[] }).__seen;
          const hit = seen.find((s) => s.t >= after && s.total !== null && s.total !== before);
          return hit ? [hit.t, hit.total] : null;
        },
        { after: t0, before: shown },
        { timeout: 10_000, polling: 5 },
      );
      const [t1, total] = (await handle.jsonValue()) as [number, string];
      shown = total;
      if (i >= 5) lat.push(t1 - t0);
      await projector.evaluate(() => {
        (window as unknown as { __seen: unknown[] }).__seen.length = 0;
      });
    }
    return latencyRow(what, lat, SCORES, PROJECTOR_BUDGET_MS);
  } catch (err) {
    return notMeasured(what, err, PROJECTOR_BUDGET_MS);
  } finally {
    await browser.close();
    stop();
  }
}

/** Quick wins: the ranking recomputed at its largest, and the projector's chart following a score. */
export async function benchQuickWins(root: string): Promise<Row[]> {
  return [await benchRanking(), await benchProjectorChart(root)];
}
