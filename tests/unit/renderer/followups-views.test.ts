import { describe, expect, it } from 'vitest';
import { evidenceBoard, provenDone } from '../../../renderer/features/actions/evidence-board';
import { reviewItems } from '../../../renderer/features/actions/followup-review';
import { PAGE_SECONDS, pageAt } from '../../../renderer/features/actions/projector-followups';
import type { ActionItem } from '../../../shared/followups';

let n = 0;
function item(over: Partial<ActionItem>): ActionItem {
  n += 1;
  return {
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    engagementId: '00000000-0000-4000-8000-000000000000',
    workshopId: null,
    stepId: null,
    decisionId: null,
    quickWinKey: null,
    title: `Item ${n}`,
    kind: 'lainnya',
    programme: '',
    dimension: '',
    agency: '',
    person: '',
    dueDate: '',
    status: 'belum',
    evidenceNumber: '',
    evidenceDate: '',
    notes: '',
    history: [{ at: '2019-08-28T02:00:00.000Z', status: 'belum', note: '' }],
    attachments: [],
    createdAt: '2019-08-28T02:00:00.000Z',
    updatedAt: '2019-08-28T02:00:00.000Z',
    ...over,
  };
}

describe('legal-evidence board', () => {
  it('groups evidence kinds per dimension and programme; cancelled and other kinds left out', () => {
    const perwali = item({
      kind: 'payung-hukum',
      dimension: 'governance',
      programme: 'e-SPTPD',
      status: 'selesai',
      evidenceNumber: 'Perwali Nomor 12 Tahun 2019',
    });
    const sop = item({ kind: 'sop', dimension: 'governance', programme: 'e-SPTPD', status: 'proses' });
    const budget = item({ kind: 'anggaran', dimension: 'governance', programme: 'e-SPTPD' });
    const cancelled = item({ kind: 'sk', dimension: 'governance', programme: 'e-SPTPD', status: 'batal' });
    const loose = item({ kind: 'sk', dimension: '', programme: '' });
    const board = evidenceBoard([loose, sop, perwali, budget, cancelled]);
    expect(board.map((d) => d.dimension)).toEqual(['governance', '']);
    const row = board[0].programmes[0];
    expect(row.programme).toBe('e-SPTPD');
    expect(row.cells['payung-hukum']).toEqual([perwali]);
    expect(row.cells.sk).toEqual([]);
    expect(row.cells.sop).toEqual([sop]);
    expect(board[1].programmes[0].cells.sk).toEqual([loose]);
  });

  it('a tick only for selesai with a document number', () => {
    expect(provenDone({ status: 'selesai', evidenceNumber: 'SK Nomor 5' })).toBe(true);
    expect(provenDone({ status: 'selesai', evidenceNumber: ' ' })).toBe(false);
    expect(provenDone({ status: 'proses', evidenceNumber: 'SK Nomor 5' })).toBe(false);
  });
});

describe('review of earlier stages', () => {
  const here = '11111111-1111-4111-8111-111111111111';
  const earlier = '22222222-2222-4222-8222-222222222222';
  it('open items of other workshops, overdue first; settled today stays, settled before goes; own items left out', () => {
    const later = item({ workshopId: earlier, dueDate: '2020-06-30' });
    const late = item({ workshopId: earlier, dueDate: '2019-12-31', status: 'proses' });
    const own = item({ workshopId: here });
    const doneToday = item({
      workshopId: earlier,
      status: 'selesai',
      history: [{ at: '2020-01-15T03:00:00.000Z', status: 'selesai', note: '' }],
    });
    const doneBefore = item({
      workshopId: earlier,
      status: 'selesai',
      history: [{ at: '2019-10-01T03:00:00.000Z', status: 'selesai', note: '' }],
    });
    const loose = item({ workshopId: null });
    const out = reviewItems([later, own, doneToday, late, doneBefore, loose], here, '2020-01-15', 'WIB');
    expect(out.map((a) => a.id)).toEqual([late.id, later.id, loose.id, doneToday.id]);
  });
});

describe('projector paging', () => {
  it('turns pages every PAGE_SECONDS and wraps around', () => {
    expect(pageAt(3, 6, 0)).toEqual({ page: 0, pages: 1, from: 0, to: 6 });
    expect(pageAt(13, 6, PAGE_SECONDS)).toEqual({ page: 1, pages: 3, from: 6, to: 12 });
    expect(pageAt(13, 6, PAGE_SECONDS * 3).page).toBe(0);
    expect(pageAt(0, 6, 100)).toMatchObject({ page: 0, pages: 1 });
  });
});
