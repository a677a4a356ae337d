import { describe, expect, it } from 'vitest';
import type { Caller } from '../../../electron/core/handlers';
import { addMonths } from '../../../electron/core/followups/service';
import { eventFor, type OpName, type OpOutput } from '../../../shared/contract';
import type { ChangeEvent } from '../../../shared/domain';
import { rankQuickWins, type ScoreRow } from '../../../shared/followups';
import { useTestBackend } from '../../fixtures/backend';
import { engagementInput, STEP, workshopInput } from '../../fixtures/inputs';
import { emblemPng } from '../../fixtures/png';

const t = useTestBackend('bimtek-followups-');
const { ok } = t;

async function refused(op: string, input: unknown, caller?: Caller) {
  const r = await t.backend().handlers.dispatch(op as never, input, caller);
  if (r.ok) throw new Error(`${op} was accepted`);
  return r.error;
}

async function callAs<K extends OpName>(op: K, input: unknown, caller: Caller): Promise<OpOutput<K>> {
  const r = await t.backend().handlers[op](input, caller);
  if (!r.ok) throw new Error(`${op}: ${r.error.message}`);
  return r.value as OpOutput<K>;
}

/** Tahap III on 28 August 2019 with two groups that each proposed quick wins. */
async function tahap3() {
  const e = await ok('engagements.create', { ...engagementInput(), agencies: ['Bapenda', 'Dinas Kesehatan'] });
  const w = await ok('workshops.create', {
    ...workshopInput(e.id),
    days: [{ date: '2019-08-28', startTime: '08:00', endTime: '16:00' }],
  });
  const dayId = w.days[0].id as string;
  const step = await ok('agenda.addStep', {
    dayId,
    step: { ...STEP, kind: 'diskusi-kelompok', title: 'Usulan quick win', formId: 'quick-win-proposal' },
  });
  const g1 = await ok('groups.create', { dayId, name: 'Kelompok 1', topic: 'governance' });
  const g2 = await ok('groups.create', { dayId, name: 'Kelompok 2', topic: 'living' });
  const propose = async (
    groupId: string,
    rows: { id: string; name: string; dimension: string; agency: string; months?: number }[],
  ) => {
    const ref = { groupId, stepId: step.id };
    await ok('outputs.setCell', { ...ref, path: 'proposals/#rows', value: rows.map((r) => r.id) });
    for (const r of rows) {
      await ok('outputs.setCell', { ...ref, path: `proposals/${r.id}/name`, value: r.name });
      await ok('outputs.setCell', { ...ref, path: `proposals/${r.id}/dimension`, value: r.dimension });
      await ok('outputs.setCell', { ...ref, path: `proposals/${r.id}/agency`, value: r.agency });
      if (r.months) await ok('outputs.setCell', { ...ref, path: `proposals/${r.id}/months`, value: r.months });
    }
  };
  await propose(g1.id, [
    { id: 'sptpd1', name: 'e-SPTPD', dimension: 'governance', agency: 'Bapenda', months: 8 },
    { id: 'blank1', name: '', dimension: 'governance', agency: '' },
  ]);
  await propose(g2.id, [{ id: 'homecare', name: 'Home Care', dimension: 'living', agency: 'Dinas Kesehatan' }]);
  const key = (g: string, row: string) => `${g}/${step.id}/${row}`;
  return { e, w, dayId, step, g1, g2, sptpd: key(g1.id, 'sptpd1'), homecare: key(g2.id, 'homecare') };
}

describe('quick-win ranking (pure)', () => {
  it('weighs the mean of every scorer per criterion, highest first, ties sharing a rank', () => {
    const s = (candidateKey: string, scorer: string, impact: number, feasibility: number): ScoreRow => ({
      candidateKey,
      scorer,
      scores: { impact, feasibility, cost: 3, innovation: 3 },
    });
    const ranking = rankQuickWins(
      [{ key: 'a' }, { key: 'b' }, { key: 'c' }, { key: 'none' }],
      [s('a', 'K1', 5, 5), s('a', 'K2', 3, 3), s('b', 'K1', 4, 4), s('c', 'K1', 4, 4), s('ghost', 'K1', 5, 5)],
      { impact: 50, feasibility: 50, cost: 0, innovation: 0 },
    );
    expect(ranking.map((r) => [r.key, r.total, r.rank, r.scorers])).toEqual([
      ['a', 4, 1, 2],
      ['b', 4, 1, 1],
      ['c', 4, 1, 1],
      ['none', 0, 4, 0],
    ]);
    const weighted = rankQuickWins([{ key: 'x' }], [s('x', 'K1', 5, 1)], {
      impact: 3,
      feasibility: 1,
      cost: 0,
      innovation: 0,
    });
    expect(weighted[0].total).toBeCloseTo(4);
  });
});

describe('quick wins of a workshop', () => {
  it('gathers named proposals of all groups; scores, weights and choice; a chosen one becomes an action item', async () => {
    const { w, sptpd, homecare } = await tahap3();
    const board = await ok('quickwins.board', { workshopId: w.id });
    expect(board.candidates.map((c: any) => [c.name, c.groupName, c.dimension, c.agency])).toEqual([
      ['e-SPTPD', 'Kelompok 1', 'governance', 'Bapenda'],
      ['Home Care', 'Kelompok 2', 'living', 'Dinas Kesehatan'],
    ]);

    const scores = { impact: 5, feasibility: 4, cost: 3, innovation: 4 };
    await ok('quickwins.score', { workshopId: w.id, candidateKey: sptpd, scorer: 'Kelompok 1', scores });
    // The same scorer again replaces its scores; another name is another scorer.
    await ok('quickwins.score', {
      workshopId: w.id,
      candidateKey: sptpd,
      scorer: 'kelompok 1',
      scores: { ...scores, impact: 4 },
    });
    await ok('quickwins.score', { workshopId: w.id, candidateKey: homecare, scorer: 'Bu Sekda', scores });
    // A proposal row without a name is no candidate, and cannot be scored.
    const unnamed = sptpd.replace('sptpd1', 'blank1');
    expect(
      (await refused('quickwins.score', { workshopId: w.id, candidateKey: unnamed, scorer: 'K', scores })).key,
    ).toBe('errors.candidateNotFound');
    const after = await ok('quickwins.board', { workshopId: w.id });
    expect(after.scores).toHaveLength(2);

    expect(
      (
        await refused('quickwins.score', {
          workshopId: w.id,
          candidateKey: sptpd,
          scorer: 'X',
          scores: { ...scores, cost: 6 },
        })
      ).details?.issues,
    ).toContainEqual({ path: ['scores', 'cost'], code: 'scoreRange' });
    expect(
      (
        await refused('quickwins.setWeights', {
          workshopId: w.id,
          weights: { impact: 0, feasibility: 0, cost: 0, innovation: 0 },
        })
      ).details?.issues?.[0].code,
    ).toBe('weightsZero');
    await ok('quickwins.setWeights', {
      workshopId: w.id,
      weights: { impact: 1, feasibility: 1, cost: 1, innovation: 1 },
    });

    const chosen = await ok('quickwins.choose', { workshopId: w.id, candidateKey: sptpd, chosen: true });
    const actions = await ok('actions.list', { engagementId: w.engagementId });
    expect(actions).toHaveLength(1);
    expect(actions[0]).toMatchObject({
      id: chosen.actionId,
      title: 'Quick win: e-SPTPD',
      programme: 'e-SPTPD',
      agency: 'Bapenda',
      dimension: 'governance',
      status: 'belum',
      quickWinKey: sptpd,
    });
    // Eight months from the workshop (its proposal says 8; within 6–12).
    expect(actions[0].dueDate).toBe('2020-04-28');
    expect(addMonths('2019-08-31', 6)).toBe('2020-02-29');
    // Home Care gives no months: twelve.
    await ok('quickwins.choose', { workshopId: w.id, candidateKey: homecare, chosen: true });
    const homeCareItem = (await ok('actions.list', { engagementId: w.engagementId })).find(
      (x: any) => x.title === 'Quick win: Home Care',
    );
    expect(homeCareItem.dueDate).toBe('2020-08-28');

    // Unchoosing asks what becomes of the action item, then keeps or deletes it.
    expect((await refused('quickwins.choose', { workshopId: w.id, candidateKey: sptpd, chosen: false })).key).toBe(
      'errors.quickWinHasAction',
    );
    await ok('quickwins.choose', { workshopId: w.id, candidateKey: sptpd, chosen: false, actions: 'delete' });
    expect((await ok('actions.list', { engagementId: w.engagementId })).map((a: any) => a.title)).toEqual([
      'Quick win: Home Care',
    ]);
  });

  it('a paired device scores as its group, in its own workshop only', async () => {
    const { w, g1, sptpd } = await tahap3();
    const coded = await ok('groups.pairCode', { id: g1.id });
    const p = await ok('devices.pair', { code: coded.pairing.code, label: 'HP' });
    const device: Caller = { role: 'group-device', key: 'remote:1', device: p.token };
    const scores = { impact: 5, feasibility: 5, cost: 5, innovation: 5 };
    const row = await callAs(
      'quickwins.score',
      { workshopId: w.id, candidateKey: sptpd, scorer: 'Sekda', scores },
      device,
    );
    expect(row.scorer).toBe('Kelompok 1');
    const other = await ok('workshops.create', workshopInput(w.engagementId));
    expect((await refused('quickwins.board', { workshopId: other.id }, device)).key).toBe('errors.otherGroup');
    expect(
      (await refused('quickwins.choose', { workshopId: w.id, candidateKey: sptpd, chosen: true }, device)).code,
    ).toBe('FORBIDDEN');
  });

  it('the projector in quick-win mode follows every score with its ranking', async () => {
    const { w, dayId, sptpd, homecare } = await tahap3();
    await ok('projector.set', { workshopId: w.id, patch: { mode: 'quickwins', dayId } });
    const seen: ChangeEvent[] = [];
    t.backend().bus.subscribe((e) => seen.push(e));
    await ok('quickwins.score', {
      workshopId: w.id,
      candidateKey: homecare,
      scorer: 'K2',
      scores: { impact: 5, feasibility: 5, cost: 4, innovation: 4 },
    });
    const view = seen.find((e) => e.entity === 'projector')?.record as any;
    expect(view.followup.quickwins.ranking[0].key).toBe(homecare);
    expect(view.followup.quickwins.candidates.map((c: any) => c.name)).toEqual(['e-SPTPD', 'Home Care']);
    expect(
      eventFor(
        'projector',
        seen.find((e) => e.entity === 'projector')!,
      ),
    ).not.toBeNull();
    expect(view.followup.quickwins.ranking.find((r: any) => r.key === sptpd).scorers).toBe(0);
  });
});

describe('decisions', () => {
  it('a day of a deleted workshop takes no decision, and nothing is stored', async () => {
    const { w, dayId } = await tahap3();
    await ok('workshops.delete', { id: w.id });
    const err = await refused('decisions.create', { dayId, text: 'Perwali disusun.' });
    expect(err.code).toBe('NOT_FOUND');
    const n = t.db().prepare('SELECT count(*) FROM decisions').pluck().get();
    expect(n).toBe(0);
  });

  it('captured with their step, edited, and deleting one that produced action items asks first', async () => {
    const { e, w, dayId, step } = await tahap3();
    const d = await ok('decisions.create', {
      dayId,
      stepId: step.id,
      text: 'Perwali Smart City disusun sebelum Tahap IV.',
    });
    await ok('decisions.create', { dayId, text: 'SOP Command Center disusun Diskominfo.' });
    expect((await ok('decisions.list', { workshopId: w.id })).map((x: any) => x.position)).toEqual([0, 1]);
    expect((await refused('decisions.create', { dayId, text: '   ' })).details?.issues).toContainEqual({
      path: ['text'],
      code: 'required',
    });

    const a = await ok('actions.create', {
      engagementId: e.id,
      workshopId: w.id,
      decisionId: d.id,
      title: 'Menyusun Perwali Smart City',
      kind: 'payung-hukum',
      agency: 'Bagian Hukum',
      dueDate: '2019-12-31',
    });
    const ask = await refused('decisions.delete', { id: d.id });
    expect(ask.key).toBe('errors.decisionHasActions');
    expect(ask.message).toContain('1');
    await ok('decisions.delete', { id: d.id, actions: 'keep' });
    expect((await ok('actions.list', { engagementId: e.id })).map((x: any) => x.id)).toEqual([a.id]);
    await ok('decisions.restore', { id: d.id });
    await ok('decisions.delete', { id: d.id, actions: 'delete' });
    expect(await ok('actions.list', { engagementId: e.id })).toEqual([]);
  });
});

describe('action items across stages', () => {
  it('status changes make a dated history; a due date before the workshop is refused; evidence is kept', async () => {
    const { e, w } = await tahap3();
    expect(
      (
        await refused('actions.create', {
          engagementId: e.id,
          workshopId: w.id,
          title: 'Perwali',
          dueDate: '2019-08-01',
        })
      ).details?.issues,
    ).toContainEqual({ path: ['dueDate'], code: 'dueBeforeWorkshop' });
    const a = await ok('actions.create', {
      engagementId: e.id,
      workshopId: w.id,
      title: 'Menyusun Perwali',
      kind: 'payung-hukum',
      programme: 'Masterplan',
      dimension: 'governance',
      dueDate: '2019-12-31',
    });
    t.clock.clock = '2019-09-23T03:00:00.000Z';
    await ok('actions.update', { id: a.id, patch: { status: 'proses', statusNote: 'Draf di Bagian Hukum' } });
    t.clock.clock = '2019-10-01T03:00:00.000Z';
    const done = await ok('actions.update', {
      id: a.id,
      patch: { status: 'selesai', evidenceNumber: 'Perwali Nomor 12 Tahun 2019', evidenceDate: '2019-09-23' },
    });
    expect(done.history.map((h: any) => [h.status, h.note, h.at.slice(0, 10)])).toEqual([
      ['belum', '', '2019-08-20'],
      ['proses', 'Draf di Bagian Hukum', '2019-09-23'],
      ['selesai', '', '2019-10-01'],
    ]);
    expect(done.evidenceNumber).toBe('Perwali Nomor 12 Tahun 2019');

    const pdf = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
    const withPdf = await ok('actions.attach', {
      id: a.id,
      fileName: 'perwali-12-2019.pdf',
      data: pdf.toString('base64'),
    });
    expect(withPdf.attachments).toMatchObject([
      { fileName: 'perwali-12-2019.pdf', mime: 'application/pdf', bytes: pdf.length },
    ]);
    const png = await ok('actions.attach', {
      id: a.id,
      fileName: 'foto.png',
      data: Buffer.from(emblemPng(20, 20)).toString('base64'),
    });
    expect(png.attachments[1].mime).toBe('image/png');
    expect(
      (
        await refused('actions.attach', {
          id: a.id,
          fileName: 'x.docx',
          data: Buffer.from('PK\u0003\u0004 not a pdf').toString('base64'),
        })
      ).details?.issues,
    ).toContainEqual({ path: ['data'], code: 'notPdfOrImage' });
    const file = await ok('actions.attachment', { id: a.id, attachmentId: withPdf.attachments[0].id });
    expect(Buffer.from(file.data, 'base64')).toEqual(pdf);
    const removed = await ok('actions.removeAttachment', { id: a.id, attachmentId: withPdf.attachments[0].id });
    expect(removed.attachments.map((x: any) => x.fileName)).toEqual(['foto.png']);
  });

  it('an item from Tahap III is in the Tahap IV review on the projector, overdue marked, and follows its status', async () => {
    const { e, w } = await tahap3();
    const a = await ok('actions.create', {
      engagementId: e.id,
      workshopId: w.id,
      title: 'SK Dewan Smart City',
      kind: 'sk',
      agency: 'Bagian Organisasi',
      person: 'Pak Budi',
      dueDate: '2019-09-15',
    });
    const w4 = await ok('workshops.create', {
      ...workshopInput(e.id, { title: 'Bimtek Tahap IV' }),
      stage: 'tahap-4',
      template: 'tahap-4',
      days: [{ date: '2019-09-23', startTime: '08:00', endTime: '15:30' }],
    });
    // The Tahap IV agenda opens with the review of Tahap III.
    const agenda = await ok('agenda.get', { workshopId: w4.id });
    expect(agenda.days[0].steps.some((s: any) => s.kind === 'review-tindak-lanjut')).toBe(true);

    t.clock.clock = '2019-09-23T02:00:00.000Z';
    await ok('projector.set', { workshopId: w4.id, patch: { mode: 'followups' } });
    const view = await ok('projector.view', { workshopId: w4.id });
    expect(view.followup.followups).toEqual([
      {
        id: a.id,
        title: 'SK Dewan Smart City',
        kind: 'sk',
        agency: 'Bagian Organisasi',
        dueDate: '2019-09-15',
        status: 'belum',
        overdue: true,
      },
    ]);
    expect(JSON.stringify(view)).not.toContain('Pak Budi');

    const seen: ChangeEvent[] = [];
    t.backend().bus.subscribe((ev) => seen.push(ev));
    await ok('actions.update', {
      id: a.id,
      patch: { status: 'selesai', evidenceNumber: 'SK Wali Kota Nomor 188/45/2019' },
    });
    const live = seen.find((ev) => ev.entity === 'projector' && ev.workshopId === w4.id)?.record as any;
    expect(live.followup.followups[0]).toMatchObject({ status: 'selesai', overdue: false });
  });
});
