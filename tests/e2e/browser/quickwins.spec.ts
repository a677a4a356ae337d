import AxeBuilder from '@axe-core/playwright';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { rankQuickWins, type ScoreRow, type Scores } from '../../../shared/followups';
import { snap, uniqueRegion } from './helpers';

async function api<T = any>(request: APIRequestContext, op: string, input: unknown): Promise<T> {
  const r = await request.post(`/api/${op}`, { data: input });
  const body = await r.json();
  if (!body.ok) throw new Error(`${op}: ${JSON.stringify(body.error)}`);
  return body.value as T;
}

const PROPOSALS = [
  {
    group: 'Kelompok 1',
    rows: [
      { id: 'row1', name: 'Aplikasi e-SPTPD pajak daerah', dimension: 'governance', agency: 'Bapenda', months: 6 },
      { id: 'row2', name: 'Command center kota', dimension: 'governance', agency: 'Diskominfo', months: 12 },
    ],
  },
  {
    group: 'Kelompok 2',
    rows: [
      { id: 'row1', name: 'Bank sampah digital', dimension: 'environment', agency: 'DLH', months: 9 },
      { id: 'row2', name: 'Posyandu online', dimension: 'living', agency: 'Dinas Kesehatan', months: 8 },
    ],
  },
];

/** An engagement, a one-day workshop with a quick-win step, two groups whose proposals are filled in (API). */
async function seed(request: APIRequestContext) {
  const e = await api(request, 'engagements.create', {
    regionName: uniqueRegion('Kediri'),
    regionKind: 'kota',
    province: 'Jawa Timur',
    year: 2019,
    timeZone: 'WIB',
    agencies: ['Bapenda', 'Diskominfo', 'DLH', 'Dinas Kesehatan'],
  });
  const w = await api(request, 'workshops.create', {
    engagementId: e.id,
    stage: 'tahap-2',
    title: 'Bimtek Tahap II',
    days: [{ date: '2019-07-10', startTime: '08:00', endTime: '15:30' }],
  });
  const dayId = w.days[0].id as string;
  const step = await api(request, 'agenda.addStep', {
    dayId,
    step: { kind: 'diskusi-kelompok', title: 'Usulan quick win', plannedMinutes: 60, formId: 'quick-win-proposal' },
  });
  const names = new Map<string, string>();
  const groupIds = new Map<string, string>();
  for (const p of PROPOSALS) {
    const g = await api(request, 'groups.create', { dayId, name: p.group });
    groupIds.set(p.group, g.id);
    const cell = (path: string, value: unknown) =>
      api(request, 'outputs.setCell', { groupId: g.id, stepId: step.id, path, value });
    await cell(
      'proposals/#rows',
      p.rows.map((r) => r.id),
    );
    for (const r of p.rows) {
      await cell(`proposals/${r.id}/name`, r.name);
      await cell(`proposals/${r.id}/dimension`, r.dimension);
      await cell(`proposals/${r.id}/agency`, r.agency);
      await cell(`proposals/${r.id}/months`, r.months);
      names.set(`${g.id}/${step.id}/${r.id}`, r.name);
    }
  }
  return { engagementId: e.id as string, workshopId: w.id as string, dayId, names, groupIds };
}

/** Scores as [impact, feasibility, cost, innovation]. */
const s = (v: [number, number, number, number]): Scores => ({
  impact: v[0],
  feasibility: v[1],
  cost: v[2],
  innovation: v[3],
});
const BY_KELOMPOK_1: Record<string, Scores> = {
  'Aplikasi e-SPTPD pajak daerah': s([5, 4, 4, 3]),
  'Command center kota': s([4, 2, 1, 5]),
  'Bank sampah digital': s([3, 5, 5, 3]),
  'Posyandu online': s([4, 4, 3, 4]),
};
const BY_KELOMPOK_2: Record<string, [number, number, number, number]> = {
  'Aplikasi e-SPTPD pajak daerah': [4, 5, 4, 3],
  'Command center kota': [5, 2, 2, 4],
  'Bank sampah digital': [2, 4, 4, 2],
  'Posyandu online': [5, 5, 4, 4],
};
const CRITERIA_ID = ['Dampak', 'Kelayakan', 'Biaya', 'Inovasi'];

/** axe's serious and critical findings on a page (as tests/e2e/browser/a11y.spec.ts counts them). */
async function axeFindings(page: Page, exclude?: string): Promise<string[]> {
  const builder = new AxeBuilder({ page });
  const result = await (exclude ? builder.exclude(exclude) : builder).analyze();
  return [...result.violations, ...result.incomplete.filter((v) => v.id !== 'color-contrast')]
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id}: ${v.help} — ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(' '))
          .join(', ')}`,
    );
}

async function barOrder(root: Page | ReturnType<Page['locator']>) {
  return root
    .locator('[data-testid="qw-bars"] g.qw-bar')
    .evaluateAll((gs) => gs.map((g) => g.getAttribute('data-key')));
}

test.describe('quick wins', () => {
  test.describe.configure({ timeout: 180_000 });

  test('two scorers → live ranking, bar chart and matrix on the screen and the projector; two chosen become action items', async ({
    page,
    browser,
    request,
  }, testInfo) => {
    const { engagementId, workshopId, dayId, names } = await seed(request);
    const keyOf = new Map([...names].map(([k, n]) => [n, k]));

    // Scorer one: the laptop, through the API, as "Kelompok 1".
    for (const [name, scores] of Object.entries(BY_KELOMPOK_1)) {
      await api(request, 'quickwins.score', {
        workshopId,
        candidateKey: keyOf.get(name),
        scorer: 'Kelompok 1',
        scores,
      });
    }
    // A score outside 1–5 is refused with the reason, and nothing changes.
    const refused = await (
      await request.post('/api/quickwins.score', {
        data: { workshopId, candidateKey: keyOf.get('Posyandu online'), scorer: 'Kelompok 1', scores: s([6, 4, 3, 4]) },
      })
    ).json();
    expect(refused.ok).toBe(false);
    expect(refused.error.details.issues).toEqual([{ path: ['scores', 'impact'], code: 'scoreRange' }]);
    expect((await api(request, 'quickwins.board', { workshopId })).scores).toHaveLength(4);

    // The screen, from the workshop page's link.
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto(`/#/engagements/${engagementId}/workshops/${workshopId}`);
    await page.getByRole('link', { name: 'Quick win', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'Memilih quick win' })).toBeVisible();
    await expect(page.locator('.qw-score-row')).toHaveCount(4);

    // Weights: all zero is refused with the reason; the store keeps the last valid ones.
    const weight = (label: string) => page.locator('.qw-weights').getByLabel(label, { exact: true });
    for (const c of CRITERIA_ID) await weight(c).fill('0');
    await expect(page.getByTestId('qw-weights-error')).toHaveText('Semua bobot nol: isi paling sedikit satu bobot.');
    await expect(page.getByTestId('qw-weights-sum')).toContainText('Jumlah bobot: 0');
    await page.waitForTimeout(600);
    const kept = (await api(request, 'quickwins.board', { workshopId })).weights as Record<string, number>;
    expect(Object.values(kept).some((w) => w > 0)).toBe(true);
    const weights = { impact: 40, feasibility: 30, cost: 10, innovation: 20 };
    await weight('Dampak').fill('40');
    await weight('Kelayakan').fill('30');
    await weight('Biaya').fill('10');
    await weight('Inovasi').fill('20');
    await expect(page.getByTestId('qw-weights-sum')).toContainText('Jumlah bobot: 100');
    await expect(page.getByTestId('qw-weights-error')).toHaveCount(0);
    await expect
      .poll(async () => (await api(request, 'quickwins.board', { workshopId })).weights, { timeout: 5000 })
      .toEqual(weights);

    // Scorer two: "Kelompok 2" through the UI, each criterion a radio group.
    await page.getByLabel('Penilai', { exact: true }).fill('Kelompok 2');
    for (const [name, v] of Object.entries(BY_KELOMPOK_2)) {
      for (let i = 0; i < 4; i++) {
        await page
          .getByRole('group', { name: `${CRITERIA_ID[i]} untuk ${name}` })
          .getByRole('radio', { name: String(v[i]) })
          .check();
      }
    }
    // Keyboard: arrows move within a criterion and save the change.
    const posyanduCost = page.getByRole('group', { name: 'Biaya untuk Posyandu online' });
    await posyanduCost.getByRole('radio', { name: '4' }).focus();
    await page.keyboard.press('ArrowLeft');
    await expect(posyanduCost.getByRole('radio', { name: '3' })).toBeChecked();
    BY_KELOMPOK_2['Posyandu online'][2] = 3;

    const expectedScores: ScoreRow[] = [];
    for (const [name, sc] of Object.entries(BY_KELOMPOK_1))
      expectedScores.push({ candidateKey: keyOf.get(name)!, scorer: 'Kelompok 1', scores: sc });
    for (const [name, v] of Object.entries(BY_KELOMPOK_2))
      expectedScores.push({ candidateKey: keyOf.get(name)!, scorer: 'Kelompok 2', scores: s(v) });
    await expect
      .poll(async () => (await api(request, 'quickwins.board', { workshopId })).scores.length, { timeout: 5000 })
      .toBe(8);
    const board = await api(request, 'quickwins.board', { workshopId });
    expect(board.scores.filter((r: ScoreRow) => r.scorer === 'Kelompok 2')).toHaveLength(4);
    const expected = rankQuickWins(board.candidates, expectedScores, weights);

    // The ranking on the screen: table, bars and matrix in the expected order.
    const table = page.getByTestId('qw-ranking');
    await expect(table.locator('tbody tr').first()).toContainText(names.get(expected[0].key)!);
    await expect
      .poll(() => table.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-key'))))
      .toEqual(expected.map((r) => r.key));
    expect(await barOrder(page)).toEqual(expected.map((r) => r.key));
    await expect(page.locator('[data-testid="qw-matrix"] g.qw-dot')).toHaveCount(4);
    await expect(page.locator('.qw-matrix__quadrants')).toContainText('Quick win');
    const top = page.locator(`[data-testid="qw-bars"] g.qw-bar[data-key="${expected[0].key}"] .qw-bar__fill`);
    await expect(top).toHaveAttribute('data-total', expected[0].total.toFixed(3));

    // The console's panel puts the ranking on the projector.
    const console_ = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await console_.goto(`/#/engagements/${engagementId}/workshops/${workshopId}/days/${dayId}/run`);
    const panel = console_.getByRole('region', { name: 'Quick win' });
    await expect(panel).toContainText('4 usulan · 4 sudah dinilai · 0 dipilih');
    await panel.getByRole('button', { name: 'Tampilkan peringkat quick win' }).click();
    await expect(panel.getByRole('button', { name: 'Tampilkan peringkat quick win' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    expect((await api(request, 'projector.view', { workshopId })).mode).toBe('quickwins');
    await snap(console_, testInfo, 'console-quickwins-1366');
    await console_.close();
    // A context of its own: axe (below) needs a page made by a context.
    const projectorContext = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    const projector = await projectorContext.newPage();
    await projector.goto(`/#/present/${workshopId}`);
    const slide = projector.getByTestId('projector-quickwins');
    await expect(slide).toBeVisible();
    await expect(slide.getByText('Peringkat quick win')).toBeVisible();
    await expect(slide.locator('g.qw-bar')).toHaveCount(4);
    await expect(slide.locator('g.qw-dot')).toHaveCount(4);
    expect(await barOrder(projector)).toEqual(expected.map((r) => r.key));

    // A new score reaches the projector without a reload: the last one's bar moves to the top.
    const last = expected[expected.length - 1].key;
    await api(request, 'quickwins.score', {
      workshopId,
      candidateKey: last,
      scorer: 'Pak Andi',
      scores: s([5, 5, 5, 5]),
    });
    await expect.poll(() => barOrder(projector), { timeout: 5000 }).not.toEqual(expected.map((r) => r.key));
    const rescored = rankQuickWins(
      board.candidates,
      [...expectedScores, { candidateKey: last, scorer: 'Pak Andi', scores: s([5, 5, 5, 5]) }],
      weights,
    );
    await expect.poll(() => barOrder(projector)).toEqual(rescored.map((r) => r.key));
    await expect.poll(() => barOrder(page)).toEqual(rescored.map((r) => r.key));

    // Choose two (per dimension, on the screen): they become action items.
    const chooseTop = [rescored[0].key, rescored[1].key];
    for (const k of chooseTop) {
      await page.getByRole('button', { name: `Pilih ${names.get(k)}` }).click();
      await expect(page.getByRole('button', { name: `Pilih ${names.get(k)}` })).toHaveAttribute('aria-pressed', 'true');
    }
    const actions = await api(request, 'actions.list', { engagementId });
    expect(actions.map((a: { quickWinKey: string }) => a.quickWinKey).sort()).toEqual([...chooseTop].sort());
    for (const a of actions) {
      expect(a.title).toBe(`Quick win: ${names.get(a.quickWinKey)}`);
      expect(a.dueDate >= '2020-01-10' && a.dueDate <= '2020-07-10').toBe(true);
    }
    // Chosen ones are marked on the projector too.
    await expect(slide.locator('g.qw-bar.is-chosen')).toHaveCount(2);

    expect(await axeFindings(page), 'the screen').toEqual([]);
    // The full-screen button is the projector page's own (faded on purpose until pointed at), not the slide's.
    expect(await axeFindings(projector, '.projector-fullscreen'), 'the projector').toEqual([]);
    await snap(page, testInfo, 'quickwins-1366');
    await page.setViewportSize({ width: 1024, height: 768 });
    await snap(page, testInfo, 'quickwins-1024');
    await snap(projector, testInfo, 'projector-quickwins-1366');
    await projector.setViewportSize({ width: 1024, height: 768 });
    await expect(slide.locator('g.qw-bar')).toHaveCount(4);
    await snap(projector, testInfo, 'projector-quickwins-1024');

    // Unchoosing one that became an action item asks; "keep" leaves the action item.
    const second = chooseTop[1];
    await page.getByRole('button', { name: `Pilih ${names.get(second)}` }).click();
    const ask = page.getByRole('alertdialog');
    await expect(ask).toContainText('sudah menjadi tindak lanjut');
    await ask.getByRole('button', { name: 'Batalkan, tindak lanjut tetap disimpan' }).click();
    await expect(page.getByRole('button', { name: `Pilih ${names.get(second)}` })).toHaveAttribute(
      'aria-pressed',
      'false',
    );
    expect(await api(request, 'actions.list', { engagementId })).toHaveLength(2);
    expect((await api(request, 'quickwins.board', { workshopId })).chosen).toHaveLength(1);
    await projectorContext.close();
  });

  test('a full room — 12 groups × 5 proposals, 12 scorers — stays readable on the projector at 1024×768', async ({
    page,
    request,
  }, testInfo) => {
    const e = await api(request, 'engagements.create', {
      regionName: uniqueRegion('Kediri'),
      regionKind: 'kota',
      province: 'Jawa Timur',
      year: 2019,
      timeZone: 'WIB',
      agencies: ['Diskominfo'],
    });
    const w = await api(request, 'workshops.create', {
      engagementId: e.id,
      stage: 'tahap-2',
      title: 'Bimtek Tahap II',
      days: [{ date: '2019-07-10', startTime: '08:00', endTime: '15:30' }],
    });
    const dayId = w.days[0].id;
    const step = await api(request, 'agenda.addStep', {
      dayId,
      step: { kind: 'diskusi-kelompok', title: 'Usulan quick win', plannedMinutes: 60, formId: 'quick-win-proposal' },
    });
    const keys: string[] = [];
    const dims = ['governance', 'branding', 'economy', 'living', 'society', 'environment'];
    for (let g = 0; g < 12; g++) {
      const group = await api(request, 'groups.create', { dayId, name: `Kelompok ${g + 1}` });
      const cell = (path: string, value: unknown) =>
        api(request, 'outputs.setCell', { groupId: group.id, stepId: step.id, path, value });
      const rows = ['row1', 'row2', 'row3', 'row4', 'row5'];
      await cell('proposals/#rows', rows);
      for (const [r, row] of rows.entries()) {
        await cell(`proposals/${row}/name`, `Layanan digital ${g + 1}.${r + 1} untuk warga kota`);
        await cell(`proposals/${row}/dimension`, dims[(g + r) % dims.length]);
        keys.push(`${group.id}/${step.id}/${row}`);
      }
    }
    // Each proposal has its own standing (drawn once, the same every run); the scorers differ by a point either way.
    let seed = 20190710;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const standing = keys.map(() => [0, 1, 2, 3].map(() => 1 + Math.floor(next() * 5)));
    const clamp = (v: number) => Math.min(5, Math.max(1, v));
    const base = (i: number, c: number) => standing[i][c];
    for (let sc = 0; sc < 12; sc++)
      for (const [i, key] of keys.entries())
        await api(request, 'quickwins.score', {
          workshopId: w.id,
          candidateKey: key,
          scorer: `Kelompok ${sc + 1}`,
          scores: s(
            [0, 1, 2, 3].map((c) => clamp(base(i, c) + Math.floor(next() * 3) - 1)) as [number, number, number, number],
          ),
        });
    await api(request, 'projector.set', { workshopId: w.id, patch: { mode: 'quickwins', dayId } });

    for (const viewport of [
      { width: 1024, height: 768 },
      { width: 1366, height: 768 },
    ]) {
      await page.setViewportSize(viewport);
      await page.goto(`/#/present/${w.id}`);
      const slide = page.getByTestId('projector-quickwins');
      await expect(slide.locator('g.qw-bar')).toHaveCount(8);
      // The top eight in both charts; the rest are counted under each.
      await expect(slide.getByText('+52 usulan lain')).toHaveCount(2);
      await expect(slide.locator('g.qw-dot')).toHaveCount(8);
      // Every label is drawn inside its chart, and the slide fits the screen.
      const outside = await page.evaluate(() =>
        [...document.querySelectorAll('[data-testid="qw-matrix"] svg, [data-testid="qw-bars"] svg')].flatMap((svg) => {
          const box = svg.getBoundingClientRect();
          return [...svg.querySelectorAll('text')]
            .map((t) => t.getBoundingClientRect())
            .filter(
              (r) =>
                r.left < box.left - 2 || r.right > box.right + 2 || r.top < box.top - 2 || r.bottom > box.bottom + 2,
            )
            .map((r) => `${r.left},${r.top}`);
        }),
      );
      expect(outside).toEqual([]);
      const stage = await page.locator('.projector-stage').boundingBox();
      const shown = await slide.boundingBox();
      expect(shown!.y + shown!.height).toBeLessThanOrEqual(stage!.y + stage!.height + 1);
      await snap(page, testInfo, `projector-full-room-${viewport.width}`);
    }
    // The screen plots all 60 dots (named where there is room), the top 15 bars, and ranks all 60 in its table.
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto(`/#/engagements/${e.id}/workshops/${w.id}/quickwins`);
    await expect(page.locator('[data-testid="qw-matrix"] g.qw-dot')).toHaveCount(60);
    await expect(page.locator('[data-testid="qw-bars"] g.qw-bar')).toHaveCount(15);
    await expect(page.getByTestId('qw-bars').getByText('+45 usulan lain')).toBeVisible();
    await expect(page.getByTestId('qw-ranking').locator('tbody tr')).toHaveCount(60);
    await page.getByRole('heading', { name: 'Peringkat', exact: true }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: testInfo.outputPath('quickwins-full-room-ranking-1366.png') });
  });

  test('a paired device scores as its group in its "Nilai quick win" tab', async ({ browser, request }, testInfo) => {
    const { workshopId, names, groupIds } = await seed(request);
    const coded = await api(request, 'groups.pairCode', { id: groupIds.get('Kelompok 2') });
    const pairing = await api(request, 'devices.pair', { code: coded.pairing.code, label: 'Tablet Kelompok 2' });
    const context = await browser.newContext({ viewport: { width: 360, height: 640 } });
    const device = await context.newPage();
    await device.goto('/healthz');
    await device.evaluate(
      ([key, value]) => localStorage.setItem(key, value),
      [`bimtek.device.${new URL(device.url()).origin}`, JSON.stringify(pairing)],
    );
    await device.goto('/#/group');
    await device.getByRole('tab', { name: 'Nilai quick win' }).click();
    const name = 'Aplikasi e-SPTPD pajak daerah';
    for (const [i, c] of CRITERIA_ID.entries())
      await device
        .getByRole('group', { name: `${c} untuk ${name}` })
        .getByRole('radio', { name: String([5, 4, 3, 2][i]) })
        .check();
    await expect(device.locator(`.qw-score-row`).filter({ hasText: name })).toContainText('Tersimpan');
    const key = [...names].find(([, n]) => n === name)![0];
    const board = await api(request, 'quickwins.board', { workshopId });
    expect(board.scores).toEqual([{ candidateKey: key, scorer: 'Kelompok 2', scores: s([5, 4, 3, 2]) }]);
    await snap(device, testInfo, 'device-quickwins-360');
    await context.close();
  });
});
