import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../../electron/core/backend';
import { memorySettings } from '../../../electron/core/settings';
import { createHostServer } from '../../../electron/host/server';
import { DEVICE_HEADER } from '../../../shared/contract';
import { makeTempDir, removeTempDir } from '../../fixtures/inputs';

// Another device on the room network: every request is treated as coming from elsewhere.
let dir: string;
let backend: Backend;
let host: ReturnType<typeof createHostServer>;
let url: string;

const post = async (op: string, input: unknown, token?: string) => {
  const res = await fetch(`${url}api/${op}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { [DEVICE_HEADER]: token } : {}) },
    body: JSON.stringify(input),
  });
  return { status: res.status, body: await res.json() };
};

async function must<T>(p: Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

/** The change events a device's stream delivers, collected until `stop`. */
function listen(token: string) {
  const seen: { entity: string; groupId?: string; record?: unknown }[] = [];
  const ac = new AbortController();
  const done = (async () => {
    const res = await fetch(`${url}api/events?role=group-device&device=${encodeURIComponent(token)}`, {
      signal: ac.signal,
    });
    const reader = res.body!.getReader();
    let buf = '';
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buf += new TextDecoder().decode(value);
        let i;
        while ((i = buf.indexOf('\n\n')) >= 0) {
          const chunk = buf.slice(0, i);
          buf = buf.slice(i + 2);
          const data = chunk.split('\n').find((l) => l.startsWith('data: '));
          if (data) seen.push(JSON.parse(data.slice(6)));
        }
      }
    } catch {
      // aborted
    }
  })();
  return {
    seen,
    async stop() {
      ac.abort();
      await done;
    },
  };
}

const settle = () => new Promise((r) => setTimeout(r, 150));

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

describe('a paired group device over the room network', () => {
  it('pairs with a code, then reaches its own group output only, hears only its group, and loses all on revoke', async () => {
    const h = backend.handlers;
    const e = await must(
      h['engagements.create']({
        regionName: 'Kediri',
        regionKind: 'kota',
        province: 'Jawa Timur',
        year: 2019,
        timeZone: 'WIB',
      }),
    );
    const w = await must(
      h['workshops.create']({
        engagementId: e.id,
        stage: 'tahap-1',
        title: 'Bimtek Tahap I',
        days: [{ date: '2019-07-10', startTime: '08:00', endTime: '15:30' }],
      }),
    );
    const dayId = w.days[0].id;
    const step = await must(
      h['agenda.addStep']({
        dayId,
        step: { kind: 'diskusi-kelompok', title: 'SWOT', plannedMinutes: 60, formId: 'swot' },
      }),
    );
    await must(h['participants.create']({ engagementId: e.id, name: 'Siti', phone: '081234567890' }));
    const g1 = await must(h['groups.create']({ dayId, name: 'Kelompok 1', topic: 'governance' }));
    const g2 = await must(h['groups.create']({ dayId, name: 'Kelompok 2', topic: 'economy' }));
    const coded = await must(h['groups.pairCode']({ id: g1.id }));

    // A wrong code pairs nothing; the right one (typed loosely) gives a token.
    expect((await post('devices.pair', { code: 'ZZZ-ZZZ' })).body.error.code).toBe('VALIDATION');
    const paired = await post('devices.pair', { code: ` ${coded.pairing!.code.toLowerCase()} `, label: 'HP Bappeda' });
    expect(paired.body.ok).toBe(true);
    const token: string = paired.body.value.token;
    expect(paired.body.value.groupId).toBe(g1.id);

    const stream = listen(token);
    await settle();
    const mine = await post(
      'outputs.setCell',
      { groupId: g1.id, stepId: step.id, path: 'strengths', value: ['Command center'] },
      token,
    );
    expect(mine.body.ok).toBe(true);
    expect(mine.body.value.meta.by).toBe('HP Bappeda');
    expect((await post('devices.me', {}, token)).body.value.group.name).toBe('Kelompok 1');

    // Not another group's output, not the register (which a door tablet may read), not the groups.
    for (const [op, input] of [
      ['outputs.get', { groupId: g2.id, stepId: step.id }],
      ['outputs.setCell', { groupId: g2.id, stepId: step.id, path: 'strengths', value: ['x'] }],
      ['participants.list', { engagementId: e.id }],
      ['groups.list', { workshopId: w.id }],
      ['attendance.checkIn', { dayId, participantId: g1.id }],
    ] as const) {
      const r = await post(op, input, token);
      expect(r.status, op).toBe(403);
      expect(JSON.stringify(r.body)).not.toContain('081234567890');
    }

    // The facilitator writes in both groups: the device hears its own group's write only.
    await must(h['outputs.setCell']({ groupId: g1.id, stepId: step.id, path: 'threats', value: ['Banjir'] }));
    await must(h['outputs.setCell']({ groupId: g2.id, stepId: step.id, path: 'threats', value: ['Inflasi'] }));
    await settle();
    const outputs = stream.seen.filter((x) => x.entity === 'output');
    expect(outputs.length).toBeGreaterThanOrEqual(2);
    expect(outputs.every((x) => x.groupId === g1.id)).toBe(true);
    expect(JSON.stringify(stream.seen)).not.toContain('Inflasi');

    // Revoked: every call is refused with the reason, and the stream falls silent.
    await must(h['groups.revokeDevice']({ deviceId: paired.body.value.deviceId }));
    const before = stream.seen.length;
    const refused = await post('outputs.get', { groupId: g1.id, stepId: step.id }, token);
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toMatch(/tidak lagi terhubung/);
    await must(h['outputs.setCell']({ groupId: g1.id, stepId: step.id, path: 'threats', value: ['Kekeringan'] }));
    await settle();
    expect(stream.seen.slice(before).filter((x) => x.entity === 'output')).toEqual([]);
    await stream.stop();
  });
});
