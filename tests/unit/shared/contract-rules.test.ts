import { describe, expect, it } from 'vitest';
import { affects, contract, eventFor, mayCall, OP_NAMES, opDef, opsFor, ROLES } from '../../../shared/contract';
import { patchRegister } from '../../../shared/contract/participants';
import type { Participant } from '../../../shared/attendance';
import { ENTITIES, type ChangeEvent } from '../../../shared/domain';

/** Ids as the store makes them (the record is parsed with the contract's schema). */
const uuid = (n: string) => `5b0e7a52-1d4f-4c1e-9a53-${n.padStart(12, '0')}`;
const person = (id: string, name: string, engagementId = 'E'): Participant => ({
  id: uuid(id),
  engagementId: uuid(engagementId === 'E' ? 'e' : 'f'),
  name,
  nip: '198501012010011001',
  position: '',
  agency: 'Diskominfo',
  phone: '081234567890',
  email: 'x@kedirikota.go.id',
  gender: '',
  role: 'peserta',
  createdAt: '2019-08-28T01:00:00.000Z',
  updatedAt: '2019-08-28T01:00:00.000Z',
});

describe('the contract declares everything about each operation', () => {
  it.each(OP_NAMES)('%s: a kind, roles, and what it reads or changes', (name) => {
    const def = opDef(name);
    expect(def.roles.length).toBeGreaterThan(0);
    expect(def.roles).toContain('facilitator');
    for (const e of [...def.reads, ...def.changes]) expect(ENTITIES).toContain(e);
    if (def.kind === 'mutation') {
      expect(def.changes.length).toBeGreaterThan(0);
      // The projector is read-only.
      expect(def.roles).not.toContain('projector');
    } else expect(def.changes).toEqual([]);
  });

  it('only self check-in reaches the kiosk and room devices', () => {
    const selfCheckin = [
      'app.info',
      'settings.get',
      'engagements.get',
      'engagements.emblem',
      'engagements.verifyPin',
      'workshops.get',
      'participants.list',
      'attendance.day',
      'attendance.checkIn',
    ];
    expect(opsFor('kiosk').sort()).toEqual(selfCheckin.sort());
    // A room device may also pair itself with a group.
    expect(opsFor('room-device').sort()).toEqual([...selfCheckin, 'devices.pair'].sort());
  });

  it('a paired group device reaches its group output and nothing of the register', () => {
    expect(opsFor('group-device').sort()).toEqual(
      [
        'app.info',
        'settings.get',
        'devices.pair',
        'devices.me',
        'outputs.get',
        'outputs.setCell',
        'outputs.sign',
        'outputs.setStatus',
        // Scoring quick wins as its group (the core holds it to its own workshop).
        'quickwins.board',
        'quickwins.score',
      ].sort(),
    );
    expect(opsFor('facilitator')).toEqual(OP_NAMES);
  });

  it('signatures, exports and imports stay with the facilitator', () => {
    for (const role of ROLES.filter((r) => r !== 'facilitator')) {
      for (const op of [
        'attendance.signature',
        'participants.export',
        'documents.attendanceList',
        'participants.importPreview',
      ] as const)
        expect(mayCall(role, op)).toBe(false);
    }
  });
});

describe('refetch rules derived from reads and scope', () => {
  const ev = (e: Partial<ChangeEvent>): ChangeEvent => ({ entity: 'participant', id: 'p', action: 'updated', ...e });

  it('ignores entities a query does not read', () => {
    expect(affects('engagements.get', { id: 'E' }, ev({ entity: 'participant', engagementId: 'E' }))).toBe(false);
    expect(affects('participants.list', { engagementId: 'E' }, ev({ entity: 'settings' }))).toBe(false);
  });

  it('ignores another engagement, workshop or day', () => {
    expect(affects('participants.list', { engagementId: 'E' }, ev({ engagementId: 'F' }))).toBe(false);
    expect(affects('participants.list', { engagementId: 'E' }, ev({ engagementId: 'E' }))).toBe(true);
    const att = ev({ entity: 'attendance', dayId: 'D2', engagementId: 'E' });
    expect(affects('attendance.day', { dayId: 'D1' }, att)).toBe(false);
    expect(affects('attendance.day', { dayId: 'D2' }, att)).toBe(true);
  });

  it('a single-record query follows its own record only', () => {
    expect(affects('workshops.get', { id: 'W' }, ev({ entity: 'workshop', id: 'V' }))).toBe(false);
    expect(affects('workshops.get', { id: 'W' }, ev({ entity: 'workshop', id: 'W' }))).toBe(true);
  });
});

describe('patching an open register', () => {
  const list = [person('1', 'Agus'), person('2', 'Dewi'), person('3', 'Rina')];

  it('inserts a new person in name order, replaces an edited one, removes a deleted one', () => {
    const added = patchRegister(
      list,
      { entity: 'participant', id: '4', action: 'created', engagementId: 'E', record: person('4', 'Budi') },
      'E',
    );
    expect(added!.map((p) => p.name)).toEqual(['Agus', 'Budi', 'Dewi', 'Rina']);
    const renamed = patchRegister(
      list,
      { entity: 'participant', id: uuid('1'), action: 'updated', engagementId: 'E', record: person('1', 'Yusuf') },
      'E',
    );
    expect(renamed!.map((p) => p.name)).toEqual(['Dewi', 'Rina', 'Yusuf']);
    const removed = patchRegister(
      list,
      { entity: 'participant', id: uuid('2'), action: 'deleted', engagementId: 'E' },
      'E',
    );
    expect(removed!.map((p) => p.id)).toEqual([uuid('1'), uuid('3')]);
  });

  it('ignores another engagement, and asks for a reload after a bulk change or a malformed record', () => {
    expect(
      patchRegister(
        list,
        { entity: 'participant', id: '9', action: 'created', engagementId: 'F', record: person('9', 'X', 'F') },
        'E',
      ),
    ).toBe(list);
    expect(
      patchRegister(list, { entity: 'participant', id: '*', action: 'created', engagementId: 'E' }, 'E'),
    ).toBeUndefined();
    expect(
      patchRegister(
        list,
        { entity: 'participant', id: '9', action: 'created', engagementId: 'E', record: { id: '9' } },
        'E',
      ),
    ).toBeUndefined();
  });
});

describe('events as each role sees them', () => {
  const created: ChangeEvent = {
    entity: 'participant',
    id: '1',
    action: 'created',
    engagementId: 'E',
    record: person('1', 'Agus'),
  };

  it('the facilitator gets everything; self check-in screens get no contact data; the projector no person', () => {
    expect(eventFor('facilitator', created)).toBe(created);
    expect(eventFor('kiosk', created)!.record).toMatchObject({ phone: '0812••••7890', email: '' });
    expect(eventFor('projector', created)).not.toHaveProperty('record');
    expect(eventFor('projector', { entity: 'settings', id: 'preferences', action: 'updated' })).not.toBeNull();
  });

  it('a role that reads nothing of an entity gets none of its events', () => {
    // No self check-in query reads the list of engagements: settings changes still reach it.
    expect(contract['engagements.list'].roles).not.toContain('kiosk');
    expect(eventFor('kiosk', { entity: 'engagement', id: 'E', action: 'updated' })).not.toBeNull();
    for (const role of ROLES) {
      for (const entity of ENTITIES) {
        const readable = opsFor(role).some((n) => opDef(n).reads.includes(entity));
        // A group device hears events of its own group (see below).
        const e = { entity, id: 'x', action: 'updated' as const, groupId: 'G' };
        expect(eventFor(role, e, { groupId: 'G' }) !== null, `${role} ${entity}`).toBe(readable);
      }
    }
  });

  it('a group device hears its own group only, and nothing without a live token', () => {
    const write = {
      entity: 'output' as const,
      id: 'o',
      action: 'updated' as const,
      groupId: 'G1',
      record: { path: 'x' },
    };
    expect(eventFor('group-device', write, { groupId: 'G1' })).toEqual(write);
    expect(eventFor('group-device', write, { groupId: 'G2' })).toBeNull();
    expect(eventFor('group-device', write, { groupId: null })).toBeNull();
    expect(eventFor('group-device', { ...write, groupId: undefined }, { groupId: 'G1' })).toBeNull();
    expect(
      eventFor('group-device', { entity: 'group', id: 'G2', action: 'updated', groupId: 'G2' }, { groupId: 'G1' }),
    ).toBeNull();
    // The facilitator hears every group; the projector no output cell at all.
    expect(eventFor('facilitator', write)).toEqual(write);
    expect(eventFor('projector', write)).toBeNull();
  });
});
