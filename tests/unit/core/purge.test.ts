import { describe, expect, it } from 'vitest';
import { purgeDeleted } from '../../../electron/core/store/purge';
import { emblemPng, signaturePng } from '../../fixtures/png';
import { useTestBackend } from '../../fixtures/backend';
import { engagementInput, STEP, workshopInput } from '../../fixtures/inputs';

const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

const t = useTestBackend('bimtek-purge-');
const { ok, db } = t;
const count = (table: string) => (db().prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
const ids = (table: string) => db().prepare(`SELECT id FROM ${table} ORDER BY id`).pluck().all() as string[];
const ZERO = {
  decisions: 0,
  actions: 0,
  actionHistory: 0,
  actionAttachments: 0,
  quickwinSettings: 0,
  quickwinScores: 0,
  quickwinChoices: 0,
  groups: 0,
  groupMembers: 0,
  groupOutputs: 0,
  outputCells: 0,
  groupDevices: 0,
  runEvents: 0,
  agendaSteps: 0,
  attendance: 0,
  participants: 0,
  workshopDays: 0,
  workshops: 0,
  engagements: 0,
  signatureCrops: 0,
  minutes: 0,
  minutesSections: 0,
  minutesPhotos: 0,
  minutesVersions: 0,
  blobs: 0,
};

/** Kota Kediri with a Tahap III of two days and three people, two of them checked in (one signed). */
async function kediri() {
  const e = await ok('engagements.create', engagementInput());
  await ok('engagements.setEmblem', { id: e.id, image: b64(emblemPng(32, 40)) });
  const w = await ok('workshops.create', workshopInput(e.id));
  const add = (name: string, nip = '') => ok('participants.create', { engagementId: e.id, name, nip });
  const siti = await add('Siti Nurhayati, S.Kom.', '198503152010012002');
  const budi = await add('Budi Santoso');
  const rahmat = await add('Rahmat Hidayat, S.T.', '197912302005011003');
  const [day1, day2] = w.days.map((d: any) => d.id as string);
  await ok('attendance.checkIn', { dayId: day1, participantId: siti.id, signature: b64(signaturePng(7)) });
  await ok('attendance.checkIn', { dayId: day1, participantId: rahmat.id });
  // Siti's signature cropped to its ink (two more blobs, one signature_crops row).
  await t.backend().services!.cropQueue.idle();
  return { e, w, day1, day2, siti, budi, rahmat };
}

describe('purgeDeleted', () => {
  it('removes nothing when nothing was deleted, or only later than the cut-off', async () => {
    const { siti } = await kediri();
    t.clock.clock = '2019-09-01T00:00:00.000Z';
    await ok('participants.delete', { id: siti.id });
    const before = ['engagements', 'workshops', 'workshop_days', 'participants', 'attendance', 'blobs'].map(count);

    expect(purgeDeleted(db(), '2019-09-01T00:00:00.000Z')).toEqual(ZERO);
    expect(['engagements', 'workshops', 'workshop_days', 'participants', 'attendance', 'blobs'].map(count)).toEqual(
      before,
    );
  });

  it('removes a deleted person with their attendance and their now unused signature; the rest stays', async () => {
    const { e, day1, siti, budi, rahmat } = await kediri();
    t.clock.clock = '2019-09-01T00:00:00.000Z';
    await ok('participants.delete', { id: siti.id });

    expect(purgeDeleted(db(), '2019-10-01T00:00:00.000Z')).toEqual({
      ...ZERO,
      participants: 1,
      attendance: 1,
      // The signature and its two crops go with the last row naming it.
      signatureCrops: 1,
      blobs: 3,
    });
    expect(ids('participants')).toEqual([budi.id, rahmat.id].sort());
    expect((await ok('attendance.day', { dayId: day1 })).entries.map((x: any) => x.participantId)).toEqual([rahmat.id]);
    // The emblem is still used by the letterhead.
    expect((await ok('engagements.emblem', { id: e.id })).dataUrl).toMatch(/^data:image\/png;base64,/);
    expect(count('blobs')).toBe(1);
    expect(db().pragma('foreign_key_check')).toEqual([]);
  });

  it('removes a removed workshop day, and a deleted workshop with its days', async () => {
    const { e, w, day1, day2 } = await kediri();
    const other = await ok('workshops.create', workshopInput(e.id, { stage: 'tahap-4', title: 'Tahap IV' }));
    t.clock.clock = '2019-09-01T00:00:00.000Z';
    await ok('workshops.update', { id: w.id, patch: { days: [{ ...w.days[0] }] } });
    await ok('workshops.delete', { id: other.id });

    expect(purgeDeleted(db(), '2019-10-01T00:00:00.000Z')).toEqual({ ...ZERO, workshopDays: 3, workshops: 1 });
    expect(ids('workshops')).toEqual([w.id]);
    expect(ids('workshop_days')).toEqual([day1]);
    expect(ids('workshop_days')).not.toContain(day2);
  });

  it('removes a deleted engagement with everything under it, deleted or not', async () => {
    const { e, day1, siti: sitiRow } = await kediri();
    // The agenda, the run log and the projector state of its workshop go with it, and its group
    // work: groups, members, outputs, cells (a signature among them) and paired devices.
    const step = await ok('agenda.addStep', { dayId: day1, step: STEP });
    await ok('run.command', { dayId: day1, command: 'start', expectedStepId: null });
    const sheet = await ok('agenda.addStep', { dayId: day1, step: { ...STEP, formId: 'commitment' } });
    const group = await ok('groups.create', { dayId: day1, name: 'Kepala OPD' });
    const siti = sitiRow.id as string;
    await ok('groups.moveMember', { dayId: day1, participantId: siti, groupId: group.id });
    await ok('groups.update', { id: group.id, patch: { rapporteurId: siti } });
    const ref = { groupId: group.id, stepId: sheet.id };
    await ok('outputs.setCell', { ...ref, path: 'statement', value: 'Kami berkomitmen.' });
    await ok('outputs.sign', { ...ref, path: 'signatories/kadis1/signature', signature: b64(signaturePng(11)) });
    const coded = await ok('groups.pairCode', { id: group.id });
    await ok('devices.pair', { code: coded.pairing.code });
    await ok('projector.set', {
      workshopId: step.workshopId,
      patch: { mode: 'group', groupId: group.id, stepId: sheet.id },
    });
    // Follow-ups: a decision with its action item (status history, a PDF as evidence), weights.
    const decision = await ok('decisions.create', { dayId: day1, text: 'Perwali disusun.' });
    const action = await ok('actions.create', { engagementId: e.id, decisionId: decision.id, title: 'Perwali' });
    await ok('actions.update', { id: action.id, patch: { status: 'proses' } });
    const pdf = Buffer.from('%PDF-1.4 x').toString('base64');
    await ok('actions.attach', { id: action.id, fileName: 'perwali.pdf', data: pdf });
    const weights = { impact: 1, feasibility: 1, cost: 1, innovation: 1 };
    await ok('quickwins.setWeights', { workshopId: step.workshopId, weights });
    await ok('minutes.saveSection', {
      workshopId: step.workshopId,
      key: 'opening',
      blocks: [{ kind: 'p', text: 'Rapat dibuka.' }],
    });
    const keep = await ok('engagements.create', engagementInput({ regionName: 'Madiun' }));
    await ok('workshops.create', workshopInput(keep.id, { template: 'tahap-1' }));
    const kept = count('agenda_steps') - 2;
    t.clock.clock = '2019-09-01T00:00:00.000Z';
    await ok('engagements.delete', { id: e.id });

    expect(purgeDeleted(db(), '2019-10-01T00:00:00.000Z')).toEqual({
      quickwinChoices: 0,
      quickwinScores: 0,
      quickwinSettings: 1,
      actionHistory: 2,
      actionAttachments: 1,
      actions: 1,
      decisions: 1,
      outputCells: 2,
      groupOutputs: 1,
      groupDevices: 1,
      groupMembers: 1,
      groups: 1,
      runEvents: 1,
      agendaSteps: 2,
      attendance: 2,
      participants: 3,
      workshopDays: 2,
      workshops: 1,
      engagements: 1,
      signatureCrops: 1,
      minutes: 1,
      minutesSections: 1,
      minutesPhotos: 0,
      minutesVersions: 0,
      // Emblem, signature and its two crops, the commitment signature, the PDF.
      blobs: 6,
    });
    expect(ids('engagements')).toEqual([keep.id]);
    expect(count('workshops')).toBe(1);
    expect(count('workshop_days')).toBe(2);
    expect(count('participants') + count('attendance') + count('blobs') + count('signature_crops')).toBe(0);
    expect(count('agenda_steps')).toBe(kept);
    expect(count('run_events') + count('projector_state')).toBe(0);
    for (const table of [
      'groups',
      'group_members',
      'group_outputs',
      'output_cells',
      'group_devices',
      'decisions',
      'actions',
      'action_history',
      'action_attachments',
      'quickwin_settings',
      'minutes',
      'minutes_sections',
    ])
      expect(count(table), table).toBe(0);
    expect(db().pragma('foreign_key_check')).toEqual([]);
  });

  it('keeps a deleted person who still stands in for someone on a row that stays', async () => {
    const { day1, budi, rahmat } = await kediri();
    await ok('attendance.checkIn', { dayId: day1, participantId: rahmat.id });
    await ok('attendance.setStatus', {
      dayId: day1,
      participantId: budi.id,
      status: 'diwakili',
      representedById: rahmat.id,
    });
    t.clock.clock = '2019-09-01T00:00:00.000Z';
    await ok('participants.delete', { id: rahmat.id });

    expect(purgeDeleted(db(), '2019-10-01T00:00:00.000Z')).toEqual(ZERO);
    expect(ids('participants')).toContain(rahmat.id);
    const entry = (await ok('attendance.day', { dayId: day1 })).entries.find((x: any) => x.participantId === budi.id);
    expect(entry.representedById).toBe(rahmat.id);
  });

  it('removes attendance rows marked deleted by a merge, keeping the survivor', async () => {
    const { e, day1, siti } = await kediri();
    const twin = await ok('participants.create', { engagementId: e.id, name: 'Siti Nurhayati' });
    await ok('attendance.setStatus', { dayId: day1, participantId: twin.id, status: 'izin' });
    t.clock.clock = '2019-09-01T00:00:00.000Z';
    await ok('participants.merge', { survivorId: siti.id, duplicateId: twin.id });

    expect(purgeDeleted(db(), '2019-10-01T00:00:00.000Z')).toEqual({ ...ZERO, attendance: 1, participants: 1 });
    expect(ids('participants')).toContain(siti.id);
    expect(ids('participants')).not.toContain(twin.id);
  });

  it('is one transaction: when one delete fails, nothing is removed', async () => {
    const { e } = await kediri();
    // Something outside the purge's knowledge still refers to the engagement.
    db().exec('CREATE TABLE notes (id TEXT PRIMARY KEY, engagement_id TEXT REFERENCES engagements(id))');
    db().prepare("INSERT INTO notes VALUES ('n1', ?)").run(e.id);
    t.clock.clock = '2019-09-01T00:00:00.000Z';
    await ok('engagements.delete', { id: e.id });
    const before = ['engagements', 'workshops', 'workshop_days', 'participants', 'attendance', 'blobs'].map(count);

    expect(() => purgeDeleted(db(), '2019-10-01T00:00:00.000Z')).toThrow(/FOREIGN KEY/);
    expect(['engagements', 'workshops', 'workshop_days', 'participants', 'attendance', 'blobs'].map(count)).toEqual(
      before,
    );
  });
});
