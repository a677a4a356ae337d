import { describe, expect, it } from 'vitest';
import { WorkshopPatch } from '../../../shared/domain';
import { WORKSHOP_COLUMNS } from '../../../electron/core/workshops/service';
import { signaturePng } from '../../fixtures/png';
import { useTestBackend } from '../../fixtures/backend';
import { engagementInput, workshopInput } from '../../fixtures/inputs';

/*
 * Merge-readiness as the services live it: nothing a user removes leaves the table (it gets a
 * deleted_at), every read skips what was removed, and ids and created_at stay put across edits.
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

const t = useTestBackend('bimtek-soft-delete-');
const { ok, db } = t;
const dayRow = (id: string) => db().prepare('SELECT * FROM workshop_days WHERE id = ?').get(id) as Record<string, any>;
const attendanceRows = (participantId: string) =>
  db().prepare('SELECT * FROM attendance WHERE participant_id = ? ORDER BY day_id').all(participantId) as Record<
    string,
    any
  >[];

async function kediri() {
  const e = await ok('engagements.create', engagementInput());
  const w = await ok('workshops.create', workshopInput(e.id));
  return { e, w, day1: w.days[0], day2: w.days[1] };
}

describe('workshop days', () => {
  it('a removed day is marked deleted, kept in the table, and skipped by every read', async () => {
    const { e, w, day1, day2 } = await kediri();
    t.clock.clock = '2019-08-21T03:00:00.000Z';
    const updated = await ok('workshops.update', { id: w.id, patch: { days: [day2] } });

    expect(updated.days.map((d: any) => d.id)).toEqual([day2.id]);
    expect((await ok('workshops.get', { id: w.id })).days.map((d: any) => d.id)).toEqual([day2.id]);
    expect((await ok('workshops.list', { engagementId: e.id }))[0].days.map((d: any) => d.id)).toEqual([day2.id]);
    const r = await t.backend().handlers.dispatch('attendance.day', { dayId: day1.id });
    expect(r.ok ? null : r.error.code).toBe('NOT_FOUND');

    expect(dayRow(day1.id)).toMatchObject({
      date: '2019-08-28',
      deleted_at: '2019-08-21T03:00:00.000Z',
      updated_at: '2019-08-21T03:00:00.000Z',
      created_at: '2019-08-20T02:00:00.000Z',
    });
  });

  it('a removed day that comes back with its id is revived with the new values', async () => {
    const { w, day1, day2 } = await kediri();
    t.clock.clock = '2019-08-21T03:00:00.000Z';
    await ok('workshops.update', { id: w.id, patch: { days: [day2] } });
    t.clock.clock = '2019-08-22T04:00:00.000Z';
    const back = await ok('workshops.update', {
      id: w.id,
      patch: { days: [{ ...day1, startTime: '08:30' }, day2] },
    });
    expect(back.days).toEqual([{ ...day1, startTime: '08:30' }, day2]);
    expect(dayRow(day1.id)).toMatchObject({
      deleted_at: null,
      start_time: '08:30',
      created_at: '2019-08-20T02:00:00.000Z',
      updated_at: '2019-08-22T04:00:00.000Z',
    });
    expect((await ok('attendance.day', { dayId: day1.id })).day.id).toBe(day1.id);
  });

  it('an edit that leaves a day as it was keeps its updated_at (a merge must not see a change)', async () => {
    const { w, day1, day2 } = await kediri();
    t.clock.clock = '2019-08-21T03:00:00.000Z';
    await ok('workshops.update', { id: w.id, patch: { days: [day1, { ...day2, endTime: '12:00' }] } });
    expect(dayRow(day1.id).updated_at).toBe('2019-08-20T02:00:00.000Z');
    expect(dayRow(day2.id).updated_at).toBe('2019-08-21T03:00:00.000Z');
  });

  it('a removed day no longer decides the order of the workshop list', async () => {
    const e = await ok('engagements.create', engagementInput());
    const later = await ok(
      'workshops.create',
      workshopInput(e.id, { title: 'Tahap III', days: [{ date: '2019-08-28', startTime: '09:00', endTime: null }] }),
    );
    const early = await ok(
      'workshops.create',
      workshopInput(e.id, {
        stage: 'tahap-2',
        title: 'Tahap II',
        days: [
          { date: '2019-08-01', startTime: '09:00', endTime: null },
          { date: '2019-09-10', startTime: '09:00', endTime: null },
        ],
      }),
    );
    const titles = async () => (await ok('workshops.list', { engagementId: e.id })).map((w: any) => w.title);
    expect(await titles()).toEqual(['Tahap II', 'Tahap III']);
    await ok('workshops.update', { id: early.id, patch: { days: [early.days[1]] } });
    expect(await titles()).toEqual(['Tahap III', 'Tahap II']);
    expect(later.days).toHaveLength(1);
  });
});

describe('attendance rows', () => {
  it('get a UUID and created_at once; edits change updated_at only', async () => {
    const { e, day1 } = await kediri();
    const p = await ok('participants.create', {
      engagementId: e.id,
      name: 'Siti Nurhayati',
      nip: '198503152010012002',
    });
    t.clock.clock = '2019-08-28T01:58:00.000Z';
    await ok('attendance.checkIn', { dayId: day1.id, participantId: p.id, signature: b64(signaturePng(2)) });
    const [first] = attendanceRows(p.id);
    expect(first.id).toMatch(UUID);
    expect(first).toMatchObject({ created_at: t.clock.clock, updated_at: t.clock.clock, deleted_at: null });

    t.clock.clock = '2019-08-28T08:30:00.000Z';
    await ok('attendance.checkOut', { dayId: day1.id, participantId: p.id });
    const [after] = attendanceRows(p.id);
    expect(after).toMatchObject({
      id: first.id,
      created_at: '2019-08-28T01:58:00.000Z',
      updated_at: '2019-08-28T08:30:00.000Z',
      check_out_at: '2019-08-28T08:30:00.000Z',
    });
  });

  it("a merge marks the duplicate's rows deleted instead of deleting them, and the day sheet shows one person", async () => {
    const { e, day1, day2 } = await kediri();
    const add = (name: string, nip = '') => ok('participants.create', { engagementId: e.id, name, nip });
    const survivor = await add('Rahmat Hidayat, S.T.', '197912302005011003');
    const duplicate = await add('Rahmat Hidayat');
    t.clock.clock = '2019-08-28T02:00:00.000Z';
    // Day 1: the survivor only said "izin", the duplicate signed in: the signed presence wins.
    await ok('attendance.setStatus', { dayId: day1.id, participantId: survivor.id, status: 'izin' });
    await ok('attendance.checkIn', { dayId: day1.id, participantId: duplicate.id, signature: b64(signaturePng(4)) });
    // Day 2: only the duplicate has a row; it moves to the survivor.
    await ok('attendance.setStatus', { dayId: day2.id, participantId: duplicate.id, status: 'sakit' });
    const survivorDay1 = attendanceRows(survivor.id)[0].id;
    const duplicateRows = attendanceRows(duplicate.id);

    t.clock.clock = '2019-08-29T01:00:00.000Z';
    await ok('participants.merge', { survivorId: survivor.id, duplicateId: duplicate.id });

    const sheet1 = await ok('attendance.day', { dayId: day1.id });
    expect(sheet1.entries.map((x: any) => [x.participantId, x.status, x.hasSignature])).toEqual([
      [survivor.id, 'hadir', true],
    ]);
    const sheet2 = await ok('attendance.day', { dayId: day2.id });
    expect(sheet2.entries.map((x: any) => [x.participantId, x.status])).toEqual([[survivor.id, 'sakit']]);

    const rows = db().prepare('SELECT * FROM attendance').all() as Record<string, any>[];
    const byId = new Map(rows.map((r) => [r.id, r]));
    // The survivor's own row of day 1 took the signed presence and kept its id.
    expect(byId.get(survivorDay1)).toMatchObject({ participant_id: survivor.id, status: 'hadir', deleted_at: null });
    const dupDay1 = duplicateRows.find((r) => r.day_id === day1.id)!;
    const dupDay2 = duplicateRows.find((r) => r.day_id === day2.id)!;
    expect(byId.get(dupDay1.id)).toMatchObject({
      participant_id: duplicate.id,
      deleted_at: '2019-08-29T01:00:00.000Z',
    });
    expect(byId.get(dupDay2.id)).toMatchObject({
      participant_id: survivor.id,
      deleted_at: null,
      updated_at: '2019-08-29T01:00:00.000Z',
    });
    expect(rows).toHaveLength(3);
  });

  it('a removed day with live attendance still cannot be removed', async () => {
    const { e, w, day1, day2 } = await kediri();
    const p = await ok('participants.create', { engagementId: e.id, name: 'Budi Santoso' });
    await ok('attendance.checkIn', { dayId: day1.id, participantId: p.id });
    const r = await t.backend().handlers.dispatch('workshops.update', { id: w.id, patch: { days: [day2] } });
    expect(r.ok ? null : r.error.code).toBe('CONFLICT');
    expect(dayRow(day1.id).deleted_at).toBeNull();
  });
});

describe('the workshop field list', () => {
  it('names every field of the shared schema except the days, each with a real column', () => {
    const fields = Object.keys(WorkshopPatch.shape).filter((k) => k !== 'days');
    expect(Object.keys(WORKSHOP_COLUMNS).sort()).toEqual(fields.sort());
    const columns = new Map(
      (db().pragma('table_info(workshops)') as { name: string; notnull: number }[]).map((c) => [c.name, c.notnull]),
    );
    for (const { column, kind } of Object.values(WORKSHOP_COLUMNS)) {
      expect(columns.get(column), column).toBe(kind === 'nullable' ? 0 : 1);
    }
  });

  it('every field is written to its column on create and update, and read back', async () => {
    const e = await ok('engagements.create', engagementInput());
    const input = workshopInput(e.id, {
      stage: 'custom',
      customStageName: 'Coaching Clinic',
      chairNip: '196805121994031007',
      mentors: ['Dr. Ir. Sri Wahyuni, M.T.', 'Andi Pratama'],
    });
    const w = await ok('workshops.create', input);
    const row = () => db().prepare('SELECT * FROM workshops WHERE id = ?').get(w.id) as Record<string, unknown>;
    for (const [field, { column, kind }] of Object.entries(WORKSHOP_COLUMNS)) {
      const value = (input as Record<string, unknown>)[field];
      expect(row()[column], field).toEqual(kind === 'json' ? JSON.stringify(value) : value);
      expect(w[field], field).toEqual(value);
    }
    const patch = { venue: 'Hotel Insumo Palace', mentors: ['Mentor Kominfo'], invitationDate: null };
    const u = await ok('workshops.update', { id: w.id, patch });
    expect(row()).toMatchObject({
      venue: 'Hotel Insumo Palace',
      mentors_json: '["Mentor Kominfo"]',
      invitation_date: null,
    });
    expect(u).toMatchObject(patch);
  });
});
