import http from 'node:http';
import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../../electron/core/backend';
import { memorySettings } from '../../../electron/core/settings';
import { createHostServer } from '../../../electron/host/server';
import { mayCall, OP_NAMES, ROLE_HEADER, ROLES, type OpName, type Role } from '../../../shared/contract';
import type { ChangeEvent } from '../../../shared/domain';
import {
  engagementInput,
  makeTempDir,
  removeTempDir,
  UNKNOWN_ID,
  validInputs,
  workshopInput,
} from '../../fixtures/inputs';
import { signaturePng } from '../../fixtures/png';

const signature = (seed: number) => Buffer.from(signaturePng(seed, 600, 240)).toString('base64');

// The role policy at the HTTP boundary, derived from the contract: every operation a role may not
// call is refused, whatever the operation, so an operation added later is covered here without a
// new test. A request from another device is played by connecting from 127.0.0.2 (the host
// treats only 127.0.0.1 as this machine here).

let dir: string;
let backend: Backend;
let host: ReturnType<typeof createHostServer>;
let port: number;
let seed: { e: string; w: string; d: string; p: string };

interface Answer {
  status: number;
  body: { ok: boolean; value?: unknown; error?: { code: string; message: string } };
}

function post(op: string, input: unknown, opts: { role?: string; from?: string } = {}): Promise<Answer> {
  const data = JSON.stringify(input ?? {});
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        path: `/api/${op}`,
        method: 'POST',
        localAddress: opts.from ?? '127.0.0.1',
        headers: {
          host: `127.0.0.1:${port}`,
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(data),
          ...(opts.role ? { [ROLE_HEADER]: opts.role } : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString()) }),
        );
      },
    );
    req.on('error', reject);
    req.end(data);
  });
}

/** How a caller of `role` reaches the host: a page of this machine says it; a device is elsewhere. */
const as = (role: Role) => (role === 'room-device' ? { from: '127.0.0.2' } : { role });

/** Every row of every table, hashed: any write from a refused call changes it. */
function fingerprint(): string {
  const db = backend.services!.ctx.db;
  const tables = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
    .pluck()
    .all() as string[];
  const h = createHash('sha256');
  for (const t of tables) h.update(t + JSON.stringify(db.prepare(`SELECT * FROM "${t}"`).raw().all()));
  return h.digest('hex');
}

/** A valid input for `op` that names the seeded records, so an allowed call would really act. */
function realInput(op: OpName): unknown {
  const prefix = op.split('.')[0];
  const idOf: Record<string, string> = { engagements: seed.e, workshops: seed.w, participants: seed.p };
  const json = JSON.stringify(validInputs()[op], (key, value) => {
    if (value !== UNKNOWN_ID) return value;
    if (key === 'engagementId') return seed.e;
    if (key === 'dayId') return seed.d;
    if (key === 'participantId' || key === 'survivorId' || key === 'duplicateId') return seed.p;
    if (key === 'id') return idOf[prefix] ?? value;
    return value;
  });
  return JSON.parse(json);
}

beforeEach(async () => {
  dir = makeTempDir('bimtek-roles-');
  backend = createBackend({
    dataDir: dir,
    mode: 'browser',
    version: 'test',
    settings: memorySettings(),
    log: () => {},
  });
  host = createHostServer({
    backend,
    rendererDir: null,
    port: 0,
    isLocal: (a) => a === '127.0.0.1' || a === '::ffff:127.0.0.1',
  });
  const url = new URL(await host.listen());
  port = Number(url.port);
  const h = backend.handlers;
  const e = await h['engagements.create'](engagementInput());
  if (!e.ok) throw new Error('seed');
  const w = await h['workshops.create'](workshopInput(e.value.id));
  const p = await h['participants.create']({
    engagementId: e.value.id,
    name: 'Siti Aminah',
    nip: '198501012010012001',
    phone: '081234567890',
    email: 'siti@kedirikota.go.id',
    agency: 'Diskominfo',
  });
  if (!w.ok || !p.ok) throw new Error('seed');
  await h['engagements.update']({ id: e.value.id, patch: { kioskPin: '2468' } });
  seed = { e: e.value.id, w: w.value.id, d: w.value.days[0].id, p: p.value.id };
});

afterEach(async () => {
  await host.close();
  backend.close();
  removeTempDir(dir);
});

describe('roles at the HTTP boundary (derived from the contract)', () => {
  it.each(ROLES.filter((r) => r !== 'facilitator'))(
    'a %s caller is refused every operation its role may not call, and nothing is written',
    async (role) => {
      const forbidden = OP_NAMES.filter((op) => !mayCall(role, op));
      expect(forbidden.length).toBeGreaterThan(0);
      const before = fingerprint();
      for (const op of forbidden) {
        const r = await post(op, realInput(op), as(role));
        expect(r.status, op).toBe(403);
        expect(r.body.error?.code, op).toBe('FORBIDDEN');
      }
      expect(fingerprint()).toBe(before);
    },
  );

  it('the facilitator (a page of this machine that claims no role) may call everything the contract has', async () => {
    for (const op of OP_NAMES) {
      const r = await post(op, realInput(op));
      expect(r.body.error?.code ?? 'ok', op).not.toBe('FORBIDDEN');
    }
  });

  // A fixed table, not derived: a wrong role given to an operation in the contract fails here.
  it('personal data never reaches another role: no full phone, e-mail or NIP in any answer it may get', async () => {
    await post('attendance.checkIn', { dayId: seed.d, participantId: seed.p, signature: null });
    await backend.handlers['workshops.update']({ id: seed.w, patch: { chairNip: '197001011990031002' } });
    for (const role of ROLES.filter((r) => r !== 'facilitator')) {
      for (const op of OP_NAMES.filter((n) => mayCall(role, n))) {
        const text = JSON.stringify((await post(op, realInput(op), as(role))).body);
        for (const secret of ['081234567890', 'siti@kedirikota.go.id', '198501012010012001', '197001011990031002'])
          expect(text, `${role} ${op}`).not.toContain(secret);
        expect(text, `${role} ${op}`).not.toContain(dir);
      }
    }
  });

  it('a declared role that is not a role is refused, not taken for the facilitator', async () => {
    for (const role of ['Projector', 'admin', 'kiosk, kiosk', ' ']) {
      const r = await post('engagements.list', {}, { role });
      expect(r.status, role).toBe(403);
    }
  });

  it('a self check-in screen cannot replace a signature already given; the facilitator can', async () => {
    const first = signature(1);
    expect(
      (await post('attendance.checkIn', { dayId: seed.d, participantId: seed.p, signature: first }, as('kiosk'))).body
        .ok,
    ).toBe(true);
    const again = await post(
      'attendance.checkIn',
      { dayId: seed.d, participantId: seed.p, signature: signature(2) },
      as('room-device'),
    );
    expect(again.body.error?.code).toBe('CONFLICT');
    // The first signature's crop (made in the job pool after the check-in) is in before comparing.
    await backend.services!.cropQueue.idle();
    const before = fingerprint();
    expect(
      (await post('attendance.checkIn', { dayId: seed.d, participantId: seed.p, signature: signature(3) }, as('kiosk')))
        .body.error?.code,
    ).toBe('CONFLICT');
    expect(fingerprint()).toBe(before);
    expect(
      (await post('attendance.setSignature', { dayId: seed.d, participantId: seed.p, signature: signature(4) })).body
        .ok,
    ).toBe(true);
  });

  it('a device on the room network is a room device whatever role it claims', async () => {
    const r = await post('engagements.list', {}, { from: '127.0.0.2', role: 'facilitator' });
    expect(r.status).toBe(403);
    expect(r.body.error?.code).toBe('FORBIDDEN');
  });

  it('the projector reads a workshop without the NIPs of chair and note-taker', async () => {
    await backend.handlers['workshops.update']({ id: seed.w, patch: { chairNip: '197001011990031002' } });
    const r = await post('workshops.get', { id: seed.w }, { role: 'projector' });
    expect(r.body.ok).toBe(true);
    expect(JSON.stringify(r.body)).not.toContain('197001011990031002');
    const own = await post('workshops.get', { id: seed.w });
    expect(JSON.stringify(own.body)).toContain('197001011990031002');
  });
});

describe('PIN tries are counted per caller', () => {
  it('a device guessing at the door locks itself out, not the facilitator', async () => {
    for (let i = 0; i < 5; i++) {
      const wrong = await post('engagements.verifyPin', { id: seed.e, pin: '0000' }, { from: '127.0.0.2' });
      expect(wrong.body.value).toEqual({ ok: false });
    }
    // Locked: even the right PIN is refused to that device for now…
    const locked = await post('engagements.verifyPin', { id: seed.e, pin: '2468' }, { from: '127.0.0.2' });
    expect(locked.body.value).toEqual({ ok: false });
    // …while the facilitator's window and the laptop's self check-in page still open with it.
    expect((await post('engagements.verifyPin', { id: seed.e, pin: '2468' })).body.value).toEqual({ ok: true });
    expect((await post('engagements.verifyPin', { id: seed.e, pin: '2468' }, { role: 'kiosk' })).body.value).toEqual({
      ok: true,
    });
  });
});

describe('live events are filtered for the subscriber role', () => {
  function subscribe(role: Role): { events: ChangeEvent[]; close(): void; ready: Promise<void> } {
    const events: ChangeEvent[] = [];
    let req: http.ClientRequest;
    const ready = new Promise<void>((resolve) => {
      req = http.get(
        { host: '127.0.0.1', port, path: `/api/events?role=${role}`, headers: { host: `127.0.0.1:${port}` } },
        (res) => {
          let buf = '';
          res.on('data', (c: Buffer) => {
            buf += c.toString();
            if (buf.includes(': connected')) resolve();
            let i: number;
            while ((i = buf.indexOf('\n\n')) >= 0) {
              const block = buf.slice(0, i);
              buf = buf.slice(i + 2);
              const data = block.split('\n').find((l) => l.startsWith('data: '));
              if (data) events.push(JSON.parse(data.slice(6)) as ChangeEvent);
            }
          });
        },
      );
    });
    return { events, ready, close: () => req.destroy() };
  }

  it('a check-in reaches the projector with its counts; a new person reaches it without the person', async () => {
    const projector = subscribe('projector');
    const facilitator = subscribe('facilitator');
    await Promise.all([projector.ready, facilitator.ready]);
    await post('attendance.checkIn', { dayId: seed.d, participantId: seed.p, signature: null });
    await post('participants.create', { engagementId: seed.e, name: 'Budi', phone: '085612345678' });
    await new Promise<void>((r) => {
      const t = setInterval(() => {
        if (projector.events.length >= 2 && facilitator.events.length >= 2) {
          clearInterval(t);
          r();
        }
      }, 5);
    });
    const checkIn = projector.events.find((e) => e.entity === 'attendance')!;
    expect(checkIn).toMatchObject({ dayId: seed.d, record: { participantId: seed.p, status: 'hadir' } });
    expect(checkIn.agencies).toEqual([{ agency: 'Diskominfo', present: 1, expected: 1 }]);
    const person = projector.events.find((e) => e.entity === 'participant')!;
    expect(person).not.toHaveProperty('record');
    expect(JSON.stringify(projector.events)).not.toContain('085612345678');
    expect(facilitator.events.find((e) => e.entity === 'participant')!.record).toMatchObject({ phone: '085612345678' });
    projector.close();
    facilitator.close();
  });
});

describe('files as bytes: POST /files/<op>', () => {
  function postRaw(
    p: string,
    input: unknown,
    from = '127.0.0.1',
  ): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
    const data = JSON.stringify(input);
    return new Promise((resolve, reject) => {
      const req = http.request(
        {
          host: '127.0.0.1',
          port,
          path: p,
          method: 'POST',
          localAddress: from,
          headers: {
            host: `127.0.0.1:${port}`,
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(data),
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () =>
            resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
          );
        },
      );
      req.on('error', reject);
      req.end(data);
    });
  }

  it('answers the same file as the JSON operation, as bytes with its name', async () => {
    const input = { engagementId: seed.e, format: 'csv' };
    const json = await post('participants.export', input);
    const raw = await postRaw('/files/participants.export', input);
    expect(raw.status).toBe(200);
    expect(raw.headers['content-type']).toBe('text/csv');
    const value = json.body.value as { fileName: string; data: string };
    expect(decodeURIComponent(String(raw.headers['x-file-name']))).toBe(value.fileName);
    expect(raw.body.equals(Buffer.from(value.data, 'base64'))).toBe(true);
    expect(raw.body.toString('utf8')).toContain('Siti Aminah');
  });

  it('is refused like the JSON route, and serves file operations only', async () => {
    const device = await postRaw('/files/participants.export', { engagementId: seed.e, format: 'csv' }, '127.0.0.2');
    expect(device.status).toBe(403);
    expect(JSON.parse(device.body.toString()).error.code).toBe('FORBIDDEN');
    const bad = await postRaw('/files/participants.export', { engagementId: seed.e, format: 'pdf' });
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body.toString()).error.code).toBe('VALIDATION');
    const notAFile = await postRaw('/files/engagements.delete', { id: seed.e });
    expect(notAFile.status).toBe(404);
    expect((await post('engagements.get', { id: seed.e })).body.ok).toBe(true);
  });
});
