import { describe, expect, it } from 'vitest';
import { eventFor, type OpName, type OpOutput } from '../../../shared/contract';
import { DIMENSION_IDS } from '../../../shared/dimensions';
import type { ChangeEvent } from '../../../shared/domain';
import type { Caller } from '../../../electron/core/handlers';
import { useTestBackend } from '../../fixtures/backend';
import { engagementInput, STEP, workshopInput } from '../../fixtures/inputs';
import { signaturePng } from '../../fixtures/png';

const signaturePngBase64 = () => Buffer.from(signaturePng()).toString('base64');

const t = useTestBackend('bimtek-groups-');
const { ok } = t;

const AGENCIES = ['Diskominfo', 'Bappeda', 'Dinas Kesehatan', 'Dinas Pendidikan', 'Dinas Perhubungan', 'DLH'];

/** Tahap III over two days, 30 people registered (5 per OPD), 24 of them present on day 2. */
async function workshop() {
  const e = await ok('engagements.create', { ...engagementInput(), agencies: AGENCIES });
  const w = await ok('workshops.create', {
    ...workshopInput(e.id),
    days: [
      { date: '2019-08-28', startTime: '08:00', endTime: '16:00' },
      { date: '2019-08-29', startTime: '08:00', endTime: '16:00' },
    ],
    template: 'tahap-3',
  });
  const day2 = w.days[1].id as string;
  const people: { id: string; agency: string }[] = [];
  for (let i = 0; i < 30; i++) {
    const agency = AGENCIES[i % AGENCIES.length];
    const p = await ok('participants.create', { engagementId: e.id, name: `Peserta ${i + 1}`, agency });
    people.push({ id: p.id, agency });
  }
  // Six people did not come on day 2 (one per OPD).
  for (const p of people.slice(0, 24)) await ok('attendance.checkIn', { dayId: day2, participantId: p.id });
  const agenda = await ok('agenda.get', { workshopId: w.id });
  const steps = agenda.days[1].steps as { id: string; formId: string | null; kind: string }[];
  return { e, w, day2, people, steps };
}

/** Call as `caller` and unwrap (fails the test on a refusal). */
async function callAs<K extends OpName>(op: K, input: unknown, caller: Caller): Promise<OpOutput<K>> {
  const r = await t.backend().handlers[op](input, caller);
  if (!r.ok) throw new Error(`${op}: ${r.error.message}`);
  return r.value as OpOutput<K>;
}

async function refused(op: string, input: unknown, caller?: Caller) {
  const r = await t.backend().handlers.dispatch(op as never, input, caller);
  if (r.ok) throw new Error(`${op} was accepted`);
  return r.error;
}

function events() {
  const seen: ChangeEvent[] = [];
  t.backend().bus.subscribe((e) => seen.push(e));
  return seen;
}

/** A day-2 step of the form, added when the template has none. */
async function formStep(day2: string, formId: string) {
  const s = await ok('agenda.addStep', {
    dayId: day2,
    afterId: null,
    step: { ...STEP, kind: 'diskusi-kelompok', formId },
  });
  return s.id as string;
}

describe('groups of a day', () => {
  it('"bagi otomatis" makes six dimension groups of the people present, sizes even and OPDs mixed', async () => {
    const { w, day2, people } = await workshop();
    const { groups } = await ok('groups.autoAssign', { dayId: day2, count: 6 });
    expect(groups.map((g: any) => g.topic)).toEqual(DIMENSION_IDS);
    expect(groups.map((g: any) => g.name)).toEqual([1, 2, 3, 4, 5, 6].map((n) => `Kelompok ${n}`));
    const sizes = groups.map((g: any) => g.memberIds.length);
    expect(sizes.reduce((a: number, b: number) => a + b, 0)).toBe(24);
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
    const agencyOf = new Map(people.map((p) => [p.id, p.agency]));
    for (const g of groups) {
      const counts = new Map<string, number>();
      for (const m of g.memberIds) counts.set(agencyOf.get(m)!, (counts.get(agencyOf.get(m)!) ?? 0) + 1);
      // 4 present per OPD over 6 groups: nobody shares a group with a colleague of the same OPD.
      expect(Math.max(...counts.values())).toBe(1);
    }
    // Absent people are not put in a group.
    const assigned = new Set(groups.flatMap((g: any) => g.memberIds));
    for (const p of people.slice(24)) expect(assigned.has(p.id)).toBe(false);

    const view = await ok('groups.list', { workshopId: w.id });
    const day = view.days[1];
    expect(day.candidates.filter((c: any) => c.present)).toHaveLength(24);
    expect(view.agencies).toEqual(AGENCIES);
  });

  it('moves a person between groups, keeps one group per person per day, and a rapporteur must be a member', async () => {
    const { day2, people } = await workshop();
    const a = await ok('groups.create', { dayId: day2, name: 'Kelompok A', topic: 'governance' });
    const b = await ok('groups.create', { dayId: day2, name: 'Kelompok B' });
    const p = people[0].id;
    await ok('groups.moveMember', { dayId: day2, participantId: p, groupId: a.id });
    await ok('groups.moveMember', { dayId: day2, participantId: people[1].id, groupId: a.id, index: 0 });
    let list = (await ok('groups.moveMember', { dayId: day2, participantId: people[2].id, groupId: b.id })).groups;
    expect(list[0].memberIds).toEqual([people[1].id, p]);

    const err = await refused('groups.update', { id: b.id, patch: { rapporteurId: p } });
    expect(err.details?.issues).toContainEqual({ path: ['patch', 'rapporteurId'], code: 'notAMember' });
    await ok('groups.update', { id: a.id, patch: { rapporteurId: p, facilitator: 'Mentor Kominfo' } });

    list = (await ok('groups.moveMember', { dayId: day2, participantId: p, groupId: b.id, index: 0 })).groups;
    expect(list[0].memberIds).toEqual([people[1].id]);
    expect(list[1].memberIds).toEqual([p, people[2].id]);
    // Left the group: no longer its rapporteur.
    expect(list[0].rapporteurId).toBeNull();

    // Delete takes the members out; restore brings the group and its members back.
    await ok('groups.delete', { id: b.id });
    const afterDelete = await ok('groups.list', { workshopId: list[0].workshopId });
    expect(afterDelete.days[1].groups.map((g: any) => g.id)).toEqual([a.id]);
    const restored = await ok('groups.restore', { id: b.id });
    expect(restored.memberIds).toEqual([p, people[2].id]);
  });
});

describe('outputs, cell by cell', () => {
  it('checks each cell against the form definition and keeps what was written', async () => {
    const { day2 } = await workshop();
    const g = await ok('groups.create', { dayId: day2, name: 'Kelompok 1', topic: 'governance' });
    const swot = await formStep(day2, 'swot');
    const ref = { groupId: g.id, stepId: swot };

    expect((await refused('outputs.setCell', { ...ref, path: 'strengths', value: 'not a list' })).code).toBe(
      'VALIDATION',
    );
    expect((await refused('outputs.setCell', { ...ref, path: 'nonsense', value: 'x' })).details?.issues).toContainEqual(
      {
        path: ['path'],
        code: 'invalid',
      },
    );
    expect((await refused('outputs.setCell', { ...ref, path: 'dimension', value: 'smart-food' })).code).toBe(
      'VALIDATION',
    );
    const long = await refused('outputs.setCell', { ...ref, path: 'strengths', value: ['x'.repeat(501)] });
    expect(long.details?.issues?.[0].code).toBe('tooLong');

    await ok('outputs.setCell', { ...ref, path: 'dimension', value: 'governance' });
    await ok('outputs.setCell', { ...ref, path: 'strengths', value: ['Command center sudah ada', 'Aplikasi e-SPTPD'] });
    const out = await ok('outputs.get', ref);
    expect(out.formId).toBe('swot');
    expect(out.values).toEqual({
      dimension: 'governance',
      strengths: ['Command center sudah ada', 'Aplikasi e-SPTPD'],
    });
    expect(out.meta.strengths).toMatchObject({ version: 1, by: '' });
  });

  it('a table cell, its row order and a rating are written by path; required fields block "done" but lose nothing', async () => {
    const { day2 } = await workshop();
    const g = await ok('groups.create', { dayId: day2, name: 'Kelompok 1' });
    const issues = await formStep(day2, 'issue-analysis');
    const ref = { groupId: g.id, stepId: issues };
    await ok('outputs.setCell', { ...ref, path: 'issues/#rows', value: ['row1a', 'row2b'] });
    await ok('outputs.setCell', { ...ref, path: 'issues/row1a/issue', value: 'Data kependudukan belum terpadu' });
    await ok('outputs.setCell', {
      ...ref,
      path: 'issues/row1a/agency',
      value: 'Dinas Kependudukan dan Pencatatan Sipil',
    });
    expect((await refused('outputs.setCell', { ...ref, path: 'issues/bad id!/issue', value: 'x' })).code).toBe(
      'VALIDATION',
    );

    const notYet = await refused('outputs.setStatus', { ...ref, status: 'done' });
    expect(notYet.code).toBe('VALIDATION');
    expect(notYet.message).toContain('2');
    expect(notYet.details?.issues).toEqual([
      { path: ['dimension'], code: 'required' },
      { path: ['issues', 'row2b', 'issue'], code: 'required' },
    ]);
    expect((await ok('outputs.get', ref)).values['issues/row1a/issue']).toBe('Data kependudukan belum terpadu');

    await ok('outputs.setCell', { ...ref, path: 'dimension', value: 'governance' });
    await ok('outputs.setCell', { ...ref, path: 'issues/#rows', value: ['row1a'] });
    const done = await ok('outputs.setStatus', { ...ref, status: 'done' });
    expect(done).toMatchObject({ status: 'done', filled: 3 });

    const readiness = await formStep(day2, 'readiness');
    const rref = { groupId: g.id, stepId: readiness };
    expect((await refused('outputs.setCell', { ...rref, path: 'elements/struktur-sdm/rating', value: 6 })).code).toBe(
      'VALIDATION',
    );
    expect((await refused('outputs.setCell', { ...rref, path: 'elements/not-a-row/rating', value: 3 })).code).toBe(
      'VALIDATION',
    );
    await ok('outputs.setCell', { ...rref, path: 'elements/struktur-sdm/rating', value: 3 });
  });

  it('two writers on one cell: the later wins for that cell only, and the first learns it was overwritten', async () => {
    const { day2 } = await workshop();
    const g = await ok('groups.create', { dayId: day2, name: 'Kelompok 1' });
    const step = await formStep(day2, 'vision-mission');
    const ref = { groupId: g.id, stepId: step };
    const first = await ok('outputs.setCell', {
      ...ref,
      path: 'vision',
      value: 'Kediri kota cerdas',
      baseVersion: null,
    });
    await ok('outputs.setCell', { ...ref, path: 'missions', value: ['Layanan publik digital'] });
    // A second writer saw version 1 and writes; then the first writes from its stale version 1.
    await ok('outputs.setCell', { ...ref, path: 'vision', value: 'Kediri kota cerdas dan bahagia', baseVersion: 1 });
    const stale = await ok('outputs.setCell', { ...ref, path: 'vision', value: 'Kediri Harmoni', baseVersion: 1 });
    expect(first.overwrote).toBe(false);
    expect(stale.overwrote).toBe(true);
    const out = await ok('outputs.get', ref);
    expect(out.values).toEqual({ vision: 'Kediri Harmoni', missions: ['Layanan publik digital'] });
    expect(out.meta.vision.version).toBe(3);
  });

  it('signs a signature cell of the commitment sheet: the image is stored, the cell holds its hash', async () => {
    const { day2 } = await workshop();
    const g = await ok('groups.create', { dayId: day2, name: 'Kepala OPD' });
    const step = await formStep(day2, 'commitment');
    const w = await ok('outputs.sign', {
      groupId: g.id,
      stepId: step,
      path: 'signatories/kadis1/signature',
      signature: signaturePngBase64(),
    });
    expect(w.value).toMatch(/^[0-9a-f]{64}$/);
    const blob = t.db().prepare('SELECT mime FROM blobs WHERE hash = ?').get(w.value) as { mime: string };
    expect(blob.mime).toBe('image/png');
    // Only a signature column takes a signature.
    expect(
      (
        await refused('outputs.sign', {
          groupId: g.id,
          stepId: step,
          path: 'statement',
          signature: signaturePngBase64(),
        })
      ).code,
    ).toBe('VALIDATION');
  });
});

describe('paired group devices', () => {
  async function paired() {
    const base = await workshop();
    const g1 = await ok('groups.create', { dayId: base.day2, name: 'Kelompok 1', topic: 'governance' });
    const g2 = await ok('groups.create', { dayId: base.day2, name: 'Kelompok 2', topic: 'economy' });
    const step = await formStep(base.day2, 'swot');
    const coded = await ok('groups.pairCode', { id: g1.id });
    expect(coded.pairing.code).toMatch(/^[A-HJ-NP-Z2-9]{6}$/);
    const door: Caller = { role: 'room-device', key: 'remote:10.0.0.7' };
    // Typed as people read it off the screen: lower case, with a dash.
    const code = coded.pairing.code.toLowerCase().replace(/^(...)/, '$1-');
    const pairing = await callAs('devices.pair', { code, label: 'Laptop Bappeda' }, door);
    const device: Caller = { role: 'group-device', key: 'remote:10.0.0.7', device: pairing.token };
    return { ...base, g1, g2, step, device, pairing };
  }

  it('a code from the projector gives a token for that group only: its output and nothing else', async () => {
    const { w, g1, g2, step, device, e, day2 } = await paired();
    const me = await callAs('devices.me', {}, device);
    expect(me.group).toEqual({ id: g1.id, name: 'Kelompok 1', topic: 'governance' });
    expect(me.steps.map((s) => s.id)).toContain(step);

    const write = await callAs(
      'outputs.setCell',
      { groupId: g1.id, stepId: step, path: 'threats', value: ['Banjir'] },
      device,
    );
    expect(write.meta.by).toBe('Laptop Bappeda');
    expect((await callAs('outputs.get', { groupId: g1.id, stepId: step }, device)).values.threats).toEqual(['Banjir']);

    // Another group, the register, the groups list, attendance: refused.
    expect((await refused('outputs.get', { groupId: g2.id, stepId: step }, device)).key).toBe('errors.otherGroup');
    expect(
      (await refused('outputs.setCell', { groupId: g2.id, stepId: step, path: 'threats', value: [] }, device)).code,
    ).toBe('FORBIDDEN');
    for (const [op, input] of [
      ['participants.list', { engagementId: e.id }],
      ['groups.list', { workshopId: w.id }],
      ['attendance.day', { dayId: day2 }],
      ['workshops.get', { id: w.id }],
    ] as const)
      expect((await refused(op, input, device)).code).toBe('FORBIDDEN');

    // The facilitator sees the device and who wrote the cell.
    const list = await ok('groups.list', { workshopId: w.id });
    expect(list.days[1].groups[0].devices.map((d: any) => d.label)).toEqual(['Laptop Bappeda']);
  });

  it('a revoked device is refused at once, an expired or wrong code pairs nothing, and guessing locks out', async () => {
    const { g1, step, device, pairing } = await paired();
    await ok('groups.revokeDevice', { deviceId: pairing.deviceId });
    expect((await refused('devices.me', {}, device)).key).toBe('errors.deviceRevoked');
    expect(
      (await refused('outputs.setCell', { groupId: g1.id, stepId: step, path: 'threats', value: [] }, device)).key,
    ).toBe('errors.deviceRevoked');
    // A made-up token is no better.
    expect((await refused('devices.me', {}, { ...device, device: 'forged' })).key).toBe('errors.deviceRevoked');

    const coded = await ok('groups.pairCode', { id: g1.id });
    t.clock.clock = new Date(Date.parse(t.clock.clock) + 31 * 60_000).toISOString();
    const guesser: Caller = { role: 'room-device', key: 'remote:10.0.0.99' };
    expect((await refused('devices.pair', { code: coded.pairing.code }, guesser)).key).toBe('errors.pairCodeWrong');
    for (let i = 0; i < 7; i++) await refused('devices.pair', { code: 'ZZZZZZ' }, guesser);
    expect((await refused('devices.pair', { code: 'ZZZZZZ' }, guesser)).key).toBe('errors.pairLocked');
    // The lock is the guesser's: another device with a fresh code still pairs.
    const fresh = await ok('groups.pairCode', { id: g1.id });
    const other = await t.backend().handlers.dispatch(
      'devices.pair',
      { code: fresh.pairing.code },
      {
        role: 'room-device',
        key: 'remote:10.0.0.8',
      },
    );
    expect(other.ok).toBe(true);
  });

  it("a device's events are its own group's only", async () => {
    const { g1, g2, step, device } = await paired();
    const seen = events();
    await ok('outputs.setCell', { groupId: g1.id, stepId: step, path: 'threats', value: ['Banjir'] });
    await ok('outputs.setCell', { groupId: g2.id, stepId: step, path: 'threats', value: ['Inflasi'] });
    const outputs = seen.filter((e) => e.entity === 'output');
    expect(outputs.map((e) => e.groupId)).toEqual([g1.id, g2.id]);
    const groupId = t.backend().deviceGroup(device.device!);
    expect(groupId).toBe(g1.id);
    const visible = outputs.map((e) => eventFor('group-device', e, { groupId })).filter(Boolean);
    expect(visible).toHaveLength(1);
    expect((visible[0]!.record as any).value).toEqual(['Banjir']);
  });
});

describe('presenting a group on the projector', () => {
  it('shows the group output with its presentation timer and the next group, and follows every edit', async () => {
    const { w, day2 } = await workshop();
    const g1 = await ok('groups.create', { dayId: day2, name: 'Kelompok 1', topic: 'governance' });
    await ok('groups.create', { dayId: day2, name: 'Kelompok 2', topic: 'economy' });
    const step = await formStep(day2, 'swot');
    await ok('outputs.setCell', { groupId: g1.id, stepId: step, path: 'strengths', value: ['Command center'] });
    await ok('projector.set', {
      workshopId: w.id,
      patch: { mode: 'group', dayId: day2, groupId: g1.id, stepId: step },
    });
    const view = await ok('projector.view', { workshopId: w.id });
    expect(view.group).toMatchObject({
      name: 'Kelompok 1',
      formId: 'swot',
      values: { strengths: ['Command center'] },
      index: 0,
      count: 2,
      next: 'Kelompok 2',
      page: 0,
    });
    expect(view.group.plannedSeconds).toBeGreaterThan(0);

    const seen = events();
    await ok('outputs.setCell', {
      groupId: g1.id,
      stepId: step,
      path: 'strengths',
      value: ['Command center', 'SDM TIK'],
    });
    const projected = seen.find((e) => e.entity === 'projector');
    expect((projected?.record as any).group.values.strengths).toEqual(['Command center', 'SDM TIK']);
    // The projector role hears the projector event with its view, never the output cell itself.
    expect(eventFor('projector', projected!)).not.toBeNull();
  });

  it('pairing mode lists each group with a live code', async () => {
    const { w, day2 } = await workshop();
    const g1 = await ok('groups.create', { dayId: day2, name: 'Kelompok 1' });
    await ok('groups.create', { dayId: day2, name: 'Kelompok 2' });
    const coded = await ok('groups.pairCode', { id: g1.id });
    await ok('projector.set', { workshopId: w.id, patch: { mode: 'pairing', dayId: day2 } });
    const view = await ok('projector.view', { workshopId: w.id });
    expect(view.pairing).toEqual([
      { groupId: g1.id, name: 'Kelompok 1', code: coded.pairing.code, expiresAt: coded.pairing.expiresAt },
    ]);
  });
});

describe('a merge of two register entries', () => {
  it("gives the duplicate's group place and rapporteur role to the survivor", async () => {
    const { day2, people } = await workshop();
    const g = await ok('groups.create', { dayId: day2, name: 'Kelompok 1' });
    const [survivor, duplicate] = [people[0].id, people[1].id];
    await ok('groups.moveMember', { dayId: day2, participantId: duplicate, groupId: g.id });
    await ok('groups.update', { id: g.id, patch: { rapporteurId: duplicate } });
    await ok('participants.merge', { survivorId: survivor, duplicateId: duplicate });
    const after = (await ok('groups.list', { workshopId: g.workshopId })).days[1].groups[0];
    expect(after.memberIds).toEqual([survivor]);
    expect(after.rapporteurId).toBe(survivor);
  });
});
