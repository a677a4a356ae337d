// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ProjectorView } from '../../shared/agenda';
import { DEFAULT_WEIGHTS, rankQuickWins, type QuickWinBoard, type ScoreRow } from '../../shared/followups';

vi.mock('../../renderer/lib/api', () => import('../fixtures/fake-api'));
const { fakeApi } = await import('../fixtures/fake-api');
const { QuickWinScoring } = await import('../../renderer/features/quickwins/scoring');
const { QuickWinBoardView } = await import('../../renderer/features/quickwins/quickwins-page');
const { placeLabels, spreadDots } = await import('../../renderer/features/quickwins/charts');
const { ProjectorQuickWins } = await import('../../renderer/features/quickwins/projector-quickwins');
const { readDraft } = await import('../../renderer/lib/drafts');

const W = '5d1c2a44-8a3e-4b8e-9a0f-6c7d8e9f0a12';
const G1 = '00000000-0000-4000-8000-000000000001';
const G2 = '00000000-0000-4000-8000-000000000002';
const S = '00000000-0000-4000-8000-0000000000aa';

const candidates = [
  {
    key: `${G1}/${S}/row1`,
    groupId: G1,
    groupName: 'Kelompok 1',
    name: 'Aplikasi e-SPTPD',
    dimension: 'governance',
    agency: 'Bapenda',
    description: '',
    months: 6,
  },
  {
    key: `${G1}/${S}/row2`,
    groupId: G1,
    groupName: 'Kelompok 1',
    name: 'Command center',
    dimension: 'governance',
    agency: 'Diskominfo',
    description: '',
    months: 12,
  },
  {
    key: `${G2}/${S}/row1`,
    groupId: G2,
    groupName: 'Kelompok 2',
    name: 'Bank sampah digital',
    dimension: 'environment',
    agency: 'DLH',
    description: '',
    months: 9,
  },
];
const [A, B, C] = candidates.map((c) => c.key);
const sc = (impact: number, feasibility: number, cost: number, innovation: number) => ({
  impact,
  feasibility,
  cost,
  innovation,
});

function board(scores: ScoreRow[], over: Partial<QuickWinBoard> = {}): QuickWinBoard {
  return { workshopId: W, weights: DEFAULT_WEIGHTS, candidates, scores, chosen: [], ...over };
}

const barKeys = (root: HTMLElement = document.body) =>
  [...root.querySelectorAll('[data-testid="qw-bars"] g.qw-bar')].map((g) => g.getAttribute('data-key'));

beforeEach(() => {
  localStorage.clear();
  fakeApi.reset((op, input) => {
    if (op === 'quickwins.score') return { ok: true, value: input };
    if (op === 'quickwins.setWeights') return { ok: true, value: board([]) };
    return { ok: false, error: { code: 'INTERNAL', message: 'x' } };
  });
});
afterEach(cleanup);

const radio = (criterion: string, name: string, value: number) =>
  within(screen.getByRole('group', { name: `${criterion} untuk ${name}` })).getByRole('radio', { name: String(value) });

describe('QuickWinScoring', () => {
  it('saves a candidate once all four criteria are rated, keeping a half-rated one as a draft', async () => {
    render(<QuickWinScoring workshopId={W} candidates={candidates} scores={[]} scorer="Kelompok 2" />);
    fireEvent.click(radio('Dampak', 'Command center', 4));
    fireEvent.click(radio('Kelayakan', 'Command center', 2));
    fireEvent.click(radio('Biaya', 'Command center', 3));
    expect(fakeApi.calls.filter((c) => c.op === 'quickwins.score')).toHaveLength(0);
    expect(screen.getByText('Isi keempat kriteria agar nilai tersimpan (3/4).')).toBeTruthy();
    expect(readDraft(`quickwin-scores:${W}:kelompok 2`)).toEqual({ [B]: { impact: 4, feasibility: 2, cost: 3 } });

    await act(async () => {
      fireEvent.click(radio('Inovasi', 'Command center', 5));
    });
    expect(fakeApi.calls).toEqual([
      {
        op: 'quickwins.score',
        input: { workshopId: W, candidateKey: B, scorer: 'Kelompok 2', scores: sc(4, 2, 3, 5) },
      },
    ]);
    expect(readDraft(`quickwin-scores:${W}:kelompok 2`)).toBeNull();
  });

  it("starts from the scorer's stored ratings (any case) and sends every change after", async () => {
    const stored: ScoreRow[] = [
      { candidateKey: A, scorer: 'KELOMPOK 2', scores: sc(3, 3, 3, 3) },
      { candidateKey: A, scorer: 'Kelompok 1', scores: sc(5, 5, 5, 5) },
    ];
    render(<QuickWinScoring workshopId={W} candidates={candidates} scores={stored} scorer="kelompok 2" />);
    expect((radio('Dampak', 'Aplikasi e-SPTPD', 3) as HTMLInputElement).checked).toBe(true);
    await act(async () => {
      fireEvent.click(radio('Inovasi', 'Aplikasi e-SPTPD', 4));
    });
    expect(fakeApi.calls.map((c) => (c.input as { scores: unknown }).scores)).toEqual([sc(3, 3, 3, 4)]);
  });

  it('a refusal stays on the row with its reason, and the ratings stay', async () => {
    fakeApi.reset(() => ({
      ok: false,
      error: {
        code: 'VALIDATION',
        message: 'Isian belum benar.',
        key: 'errors.invalidInput',
        details: { issues: [{ path: ['scores', 'impact'], code: 'scoreRange' }] },
      },
    }));
    render(<QuickWinScoring workshopId={W} candidates={candidates} scores={[]} scorer="Bu Rina" />);
    for (const c of ['Dampak', 'Kelayakan', 'Biaya']) fireEvent.click(radio(c, 'Bank sampah digital', 2));
    await act(async () => {
      fireEvent.click(radio('Inovasi', 'Bank sampah digital', 2));
    });
    expect(screen.getByRole('alert').textContent).toBe('Nilai 1 sampai 5.');
    expect((radio('Inovasi', 'Bank sampah digital', 2) as HTMLInputElement).checked).toBe(true);
  });

  it('without a scorer nothing can be rated, and it says why', () => {
    render(<QuickWinScoring workshopId={W} candidates={candidates} scores={[]} scorer="  " />);
    expect(screen.getByText('Isi dulu nama penilai.')).toBeTruthy();
    const input = radio('Dampak', 'Command center', 4);
    expect(input.matches(':disabled')).toBe(true);
    fireEvent.click(input);
    expect(fakeApi.calls).toHaveLength(0);
  });
});

describe('ranking and charts', () => {
  const first: ScoreRow[] = [
    { candidateKey: A, scorer: 'Kelompok 1', scores: sc(5, 4, 4, 3) },
    { candidateKey: B, scorer: 'Kelompok 1', scores: sc(3, 2, 2, 3) },
    { candidateKey: C, scorer: 'Kelompok 1', scores: sc(4, 4, 4, 4) },
  ];

  it('a new score re-orders the bars, the table and the matrix follow', () => {
    const { rerender } = render(<QuickWinBoardView board={board(first)} />);
    const before = rankQuickWins(candidates, first, DEFAULT_WEIGHTS).map((r) => r.key);
    expect(barKeys()).toEqual(before);
    expect(before[0]).toBe(A);
    expect(document.querySelectorAll('[data-testid="qw-matrix"] g.qw-dot')).toHaveLength(3);

    // A second scorer thinks little of the leader: it drops below C.
    const more = [...first, { candidateKey: A, scorer: 'Kelompok 2', scores: sc(1, 1, 1, 1) }];
    rerender(<QuickWinBoardView board={board(more)} />);
    const after = rankQuickWins(candidates, more, DEFAULT_WEIGHTS);
    expect(barKeys()).toEqual(after.map((r) => r.key));
    expect(barKeys()).not.toEqual(before);
    const bar = document.querySelector(`g.qw-bar[data-key="${after[0].key}"] .qw-bar__fill`)!;
    expect(bar.getAttribute('data-total')).toBe(after[0].total.toFixed(3));
    const rows = [...screen.getByTestId('qw-ranking').querySelectorAll('tbody tr')].map((r) =>
      r.getAttribute('data-key'),
    );
    expect(rows).toEqual(after.map((r) => r.key));
  });

  it('weights re-rank at once; all zero is refused with the reason and never sent', async () => {
    render(<QuickWinBoardView board={board(first)} />);
    const weights = screen.getByRole('region', { name: 'Bobot kriteria' });
    for (const c of ['Dampak', 'Kelayakan', 'Biaya', 'Inovasi'])
      fireEvent.change(within(weights).getByLabelText(c), { target: { value: '0' } });
    expect(screen.getByTestId('qw-weights-error').textContent).toBe('Semua bobot nol: isi paling sedikit satu bobot.');
    expect(screen.getByTestId('qw-weights-sum').textContent).toContain('Jumlah bobot: 0');
    // Innovation alone: C (4) is above A (3) and B (3).
    fireEvent.change(within(weights).getByLabelText('Inovasi'), { target: { value: '100' } });
    expect(screen.queryByTestId('qw-weights-error')).toBeNull();
    expect(barKeys()[0]).toBe(C);
    await waitFor(() => expect(fakeApi.calls.filter((c) => c.op === 'quickwins.setWeights')).toHaveLength(1));
    expect(fakeApi.calls.find((c) => c.op === 'quickwins.setWeights')!.input).toEqual({
      workshopId: W,
      weights: { impact: 0, feasibility: 0, cost: 0, innovation: 100 },
    });
  });

  it('a weight out of range says so and is not sent', async () => {
    render(<QuickWinBoardView board={board(first)} />);
    const weights = screen.getByRole('region', { name: 'Bobot kriteria' });
    fireEvent.change(within(weights).getByLabelText('Biaya'), { target: { value: '150' } });
    expect(within(weights).getByRole('alert').textContent).toBe('Bobot 0 sampai 100.');
    await new Promise((r) => setTimeout(r, 500));
    expect(fakeApi.calls.filter((c) => c.op === 'quickwins.setWeights')).toHaveLength(0);
  });

  it('unchoosing one that became an action item asks, and "keep" sends actions: keep', async () => {
    fakeApi.reset((op, input) => {
      const i = input as { actions: string };
      if (op === 'quickwins.choose' && i.actions === 'ask')
        return {
          ok: false,
          error: { code: 'CONFLICT', message: 'x', key: 'errors.quickWinHasAction', params: { count: 1 } },
        };
      return { ok: true, value: { candidateKey: A, actionId: null } };
    });
    render(<QuickWinBoardView board={board(first, { chosen: [{ candidateKey: A, actionId: S }] })} />);
    const pick = screen.getByRole('button', { name: 'Pilih Aplikasi e-SPTPD' });
    expect(pick.getAttribute('aria-pressed')).toBe('true');
    expect(document.querySelectorAll('g.qw-bar.is-chosen')).toHaveLength(1);
    await act(async () => {
      fireEvent.click(pick);
    });
    const ask = screen.getByRole('alertdialog');
    await act(async () => {
      fireEvent.click(within(ask).getByRole('button', { name: 'Batalkan, tindak lanjut tetap disimpan' }));
    });
    expect(fakeApi.calls.map((c) => (c.input as { actions: string }).actions)).toEqual(['ask', 'keep']);
    expect(screen.queryByRole('alertdialog')).toBeNull();
  });
});

describe('matrix labels', () => {
  const plot = { left: 40, top: 10, right: 540, bottom: 410 };
  const font = 14;
  const boxOf = (l: { x: number; y: number; anchor: 'start' | 'end'; text: string }) => {
    const w = l.text.length * font * 0.58;
    const x0 = l.anchor === 'start' ? l.x : l.x - w;
    return { x0, x1: x0 + w, y0: l.y - font / 2, y1: l.y + font / 2 };
  };
  const overlapping = (ls: ({ x: number; y: number; anchor: 'start' | 'end'; text: string } | null)[]) => {
    const boxes = ls.filter((l) => l !== null).map(boxOf);
    const out: string[] = [];
    for (let i = 0; i < boxes.length; i++) {
      if (boxes[i].x0 < plot.left || boxes[i].x1 > plot.right) out.push(`${i} outside`);
      for (let j = i + 1; j < boxes.length; j++) {
        const [a, b] = [boxes[i], boxes[j]];
        if (a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1) out.push(`${i}/${j}`);
      }
    }
    return out;
  };

  it('labels of dots close together neither overlap nor leave the plot, and keep whole names where there is room', () => {
    const dots = [
      { cx: 460, cy: 60, text: 'Posyandu online' },
      { cx: 460, cy: 60, text: '2. Aplikasi e-SPTPD pajak daerah' },
      { cx: 165, cy: 60, text: 'Command center kota' },
      { cx: 480, cy: 160, text: 'Bank sampah digital' },
    ];
    const labels = placeLabels(dots, { plot, font, dot: 11 });
    expect(labels.map((l) => l?.text)).toEqual(dots.map((d) => d.text));
    expect(overlapping(labels)).toEqual([]);
  });

  it('in a crowd, the dots without room go unnamed (their rank is in the circle) rather than overlap', () => {
    const dots = Array.from({ length: 60 }, (_, i) => ({
      cx: 280 + (i % 7) * 4,
      cy: 200 + (i % 5) * 3,
      text: `Layanan digital ${i + 1} untuk warga kota`,
    }));
    const labels = placeLabels(dots, { plot, font, dot: 11 });
    expect(overlapping(labels)).toEqual([]);
    // The leader always has its name (shortened if it must be).
    expect(labels[0]?.text.startsWith('Layanan digital 1')).toBe(true);
    expect(labels.filter((l) => l === null).length).toBeGreaterThan(0);
  });
});

describe('matrix dots', () => {
  it('dots on the same spot are moved apart so each rank shows, and stay in the plot; lone dots stay put', () => {
    const plot = { left: 40, top: 10, right: 540, bottom: 410 };
    const r = 11;
    const dots = [...Array.from({ length: 8 }, () => ({ cx: 535, cy: 15 })), { cx: 200, cy: 300 }];
    const at = spreadDots(dots, r, plot);
    for (let i = 0; i < 8; i++) {
      expect(at[i].cx - r).toBeGreaterThanOrEqual(plot.left);
      expect(at[i].cx + r).toBeLessThanOrEqual(plot.right);
      expect(at[i].cy - r).toBeGreaterThanOrEqual(plot.top);
      for (let j = i + 1; j < 8; j++)
        expect(Math.hypot(at[i].cx - at[j].cx, at[i].cy - at[j].cy)).toBeGreaterThanOrEqual(2 * r);
    }
    expect(at[8]).toEqual({ cx: 200, cy: 300 });
  });
});

describe('projector', () => {
  it('draws the ranking the core sent, chosen ones marked', () => {
    const scores: ScoreRow[] = [
      { candidateKey: A, scorer: 'Kelompok 1', scores: sc(2, 2, 2, 2) },
      { candidateKey: C, scorer: 'Kelompok 1', scores: sc(5, 5, 4, 4) },
    ];
    const view = {
      followup: {
        quickwins: {
          candidates: candidates.map(({ key, name, dimension, groupName }) => ({ key, name, dimension, groupName })),
          ranking: rankQuickWins(candidates, scores, DEFAULT_WEIGHTS),
          chosen: [C],
        },
        decisions: null,
        followups: null,
      },
    } as unknown as ProjectorView;
    render(<ProjectorQuickWins view={view} />);
    expect(barKeys()).toEqual([C, A, B]);
    expect(document.querySelector('g.qw-bar.is-chosen')!.getAttribute('data-key')).toBe(C);
    // Unscored B is a bar at zero but no dot; the matrix says how many it leaves out.
    expect(document.querySelectorAll('g.qw-dot')).toHaveLength(2);
    expect(screen.getByText('1 usulan belum dinilai, tidak tampil di matriks.')).toBeTruthy();
    expect(screen.getAllByRole('img').map((i) => i.getAttribute('aria-labelledby'))).toHaveLength(2);
  });
});
