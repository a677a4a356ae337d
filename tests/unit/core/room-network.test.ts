import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../../electron/core/backend';
import { memorySettings } from '../../../electron/core/settings';
import { createHostServer } from '../../../electron/host/server';
import { mayCall } from '../../../shared/contract';
import { makeTempDir, removeTempDir } from '../../fixtures/inputs';

// A tablet on the room network is played by treating every request as coming from elsewhere.
let dir: string;
let backend: Backend;
let host: ReturnType<typeof createHostServer>;
let url: string;

const post = async (op: string, input: unknown) => {
  const res = await fetch(`${url}api/${op}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(input),
  });
  return { status: res.status, body: await res.json() };
};

beforeEach(async () => {
  dir = makeTempDir();
  backend = createBackend({ dataDir: dir, mode: 'browser', version: 'test', settings: memorySettings() });
  host = createHostServer({ backend, rendererDir: null, port: 0, isLocal: () => false });
  url = await host.listen();
});
afterEach(async () => {
  await host.close();
  backend.close();
  removeTempDir(dir);
});

describe('room-network mode', () => {
  it('lets a door tablet check in but not edit, export or read signatures', async () => {
    const e = await backend.handlers['engagements.create']({
      regionName: 'Kediri',
      regionKind: 'kota',
      province: 'Jawa Timur',
      year: 2019,
      timeZone: 'WIB',
    });
    if (!e.ok) throw new Error('seed');
    const w = await backend.handlers['workshops.create']({
      engagementId: e.value.id,
      stage: 'tahap-3',
      title: 'Bimtek',
      days: [{ date: '2019-08-28', startTime: '09:00', endTime: '15:30' }],
    });
    const p = await backend.handlers['participants.create']({
      engagementId: e.value.id,
      name: 'Siti',
      phone: '081234567890',
      email: 'siti@kedirikota.go.id',
    });
    if (!w.ok || !p.ok) throw new Error('seed');
    const dayId = w.value.days[0].id;

    const list = await post('participants.list', { engagementId: e.value.id });
    expect(list.body.value[0]).toMatchObject({ name: 'Siti', phone: '0812••••7890', email: '' });
    expect(JSON.stringify(list.body)).not.toContain('081234567890');

    const checkIn = await post('attendance.checkIn', { dayId, participantId: p.value.id, signature: null });
    expect(checkIn.body.ok).toBe(true);

    for (const [op, input] of [
      ['engagements.update', { id: e.value.id, patch: { kioskPin: '1234' } }],
      ['participants.export', { engagementId: e.value.id, format: 'csv' }],
      ['attendance.signature', { dayId, participantId: p.value.id }],
      ['documents.attendanceList', { dayId, blank: false }],
      ['participants.delete', { id: p.value.id }],
    ] as const) {
      const r = await post(op, input);
      expect(r.status, op).toBe(403);
      expect(r.body.error.code).toBe('FORBIDDEN');
      expect(r.body.error.message).toMatch(/daftar hadir mandiri/);
    }
    expect(mayCall('room-device', 'engagements.update')).toBe(false);
    const still = await backend.handlers['participants.list']({ engagementId: e.value.id });
    expect(still.ok && still.value.length).toBe(1);
  });
});
