import { createHash } from 'node:crypto';
import http from 'node:http';
import type { Database } from 'better-sqlite3';
import { contract, OP_NAMES, ROLE_HEADER, type OpName } from '../../shared/contract';
import { request, seededRandom, type Answer } from '../crash/host-process';
import type { Backend } from '../../electron/core/backend';
import { engagementInput, validInputs, workshopInput } from '../fixtures/inputs';
import { signaturePng } from '../fixtures/png';
import { generate, inputSchema, mutate, ODD_STRINGS, type GenContext } from './generate';

/**
 * Fuzzing at the boundary, over HTTP against a browser-mode host: generated inputs for every
 * contract operation (from its schema, and mutations of a valid input), under every role, plus
 * raw HTTP abuse. Every answer must be < 500 and never INTERNAL; a successful answer must match
 * the operation's output schema; and a refused call must leave the database exactly as it was
 * (a fingerprint of every table before and after).
 */

export interface FuzzFigures {
  calls: number;
  accepted: number;
  refused: number;
  internal: number;
  status5xx: number;
  /** Requests the host never answered (a reset connection, a hang, a crash). */
  crashes: number;
  changedByRefused: number;
  invalidAnswers: number;
  byCode: Record<string, number>;
  seed: number;
  problems: string[];
}

/** A digest of every row of every table: equal digests, equal data. */
export function fingerprint(db: Database): string {
  const hash = createHash('sha256');
  const tables = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .all() as { name: string }[];
  for (const { name } of tables) {
    hash.update(`\n#${name}\n`);
    for (const row of db.prepare(`SELECT * FROM "${name}" ORDER BY rowid`).iterate())
      hash.update(JSON.stringify(row, (_k, v: unknown) => (Buffer.isBuffer(v) ? v.toString('base64') : v)));
  }
  return hash.digest('hex');
}

/** Ids of every record (engagements, workshops, days, participants, attendance rows). */
export function recordIds(db: Database): string[] {
  return (
    db
      .prepare(
        `SELECT id FROM engagements UNION ALL SELECT id FROM workshops UNION ALL SELECT id FROM workshop_days
         UNION ALL SELECT id FROM participants UNION ALL SELECT id FROM attendance`,
      )
      .all() as { id: string }[]
  ).map((r) => r.id);
}

export interface FuzzOptions {
  base: string;
  calls: number;
  seed: number;
  db: Database;
  /**
   * Waits for the background work earlier accepted calls started (signatures cropped in the job
   * pool after a check-in), so a refused call is not blamed for what that work writes.
   */
  settle?: () => Promise<void>;
}

const ROLES = ['facilitator', 'projector', 'kiosk', 'room-device', 'admin', ''];
const VALID = validInputs() as Record<OpName, unknown>;

export async function runFuzz(opts: FuzzOptions): Promise<FuzzFigures> {
  const random = seededRandom(opts.seed);
  // One kept-alive connection, as a browser uses: an earlier refusal must not spoil the next call.
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const host = new URL(opts.base).host;
  const f: FuzzFigures = {
    calls: 0,
    accepted: 0,
    refused: 0,
    internal: 0,
    status5xx: 0,
    crashes: 0,
    changedByRefused: 0,
    invalidAnswers: 0,
    byCode: {},
    seed: opts.seed,
    problems: [],
  };
  const problem = (p: string) => {
    if (f.problems.length < 30) f.problems.push(p.slice(0, 400));
  };
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];

  let ids = recordIds(opts.db);
  let previous = '';
  for (let i = 0; i < opts.calls; i++) {
    if (i % 50 === 0) ids = recordIds(opts.db);
    const ctx: GenContext = { random, ids };
    await opts.settle?.();
    const before = fingerprint(opts.db);
    let op: OpName | null = null;
    let label = '';
    let answer: Answer;
    try {
      if (random() < 0.8) {
        op = pick(OP_NAMES);
        const input =
          random() < 0.5 ? generate(inputSchema(op), ctx, VALID[op] as never) : mutate(VALID[op] as never, ctx);
        const headers: http.OutgoingHttpHeaders = { 'content-type': 'application/json', host };
        if (random() < 0.3) headers[ROLE_HEADER] = pick(ROLES);
        const route = random() < 0.1 ? `/files/${op}` : `/api/${op}`;
        const body = JSON.stringify(input) ?? '';
        label = `${route} ${String(headers[ROLE_HEADER] ?? '')} ${body.slice(0, 200)}`;
        answer = await request(opts.base, 'POST', route, headers, body, agent);
      } else {
        const abuse = rawAbuse(random, host);
        label = `${abuse.label} ${abuse.method} ${abuse.path}`;
        answer = await request(opts.base, abuse.method, abuse.path, abuse.headers, abuse.body, agent);
      }
    } catch (e) {
      f.calls++;
      f.crashes++;
      problem(`no answer: ${(e as Error).message} to ${label} (after: ${previous})`);
      continue;
    }
    f.calls++;
    previous = `${label.slice(0, 80)} → ${answer.status}`;
    if (answer.status >= 500) {
      f.status5xx++;
      problem(`${answer.status} for ${label}`);
    }
    let envelope: Envelope | null = null;
    try {
      envelope = JSON.parse(answer.body) as Envelope;
    } catch {
      envelope = null; // a file, a page, or an empty refusal (405, 421)
    }
    const refused = answer.status >= 400 || envelope?.ok === false;
    if (envelope?.ok === false) {
      const code = envelope.error?.code ?? '?';
      f.byCode[code] = (f.byCode[code] ?? 0) + 1;
      if (code === 'INTERNAL') {
        f.internal++;
        problem(`INTERNAL for ${label}`);
      }
    }
    if (refused) {
      f.refused++;
      if (fingerprint(opts.db) !== before) {
        f.changedByRefused++;
        problem(`refused call changed the data: ${label}`);
      }
    } else {
      f.accepted++;
      f.byCode.ok = (f.byCode.ok ?? 0) + 1;
      if (op && envelope?.ok === true && !contract[op].output.safeParse(envelope.value).success) {
        f.invalidAnswers++;
        problem(`answer of ${op} does not match its output schema: ${answer.body.slice(0, 200)}`);
      }
    }
  }
  agent.destroy();
  return f;
}

interface Envelope {
  ok?: boolean;
  value?: unknown;
  error?: { code?: string };
}

interface RawRequest {
  label: string;
  method: string;
  path: string;
  headers: http.OutgoingHttpHeaders;
  body?: string | Buffer;
}

/** Requests no page of ours sends: broken JSON, bad bytes, odd methods, names and paths. */
function rawAbuse(random: () => number, host: string): RawRequest {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
  const op = pick(OP_NAMES);
  const json = { 'content-type': 'application/json', host };
  const cases: (() => RawRequest)[] = [
    () => ({
      label: 'bad JSON',
      method: 'POST',
      path: `/api/${op}`,
      headers: json,
      body: pick(['{', '{"a":', 'nul', '[1,]', "{'a':1}"]),
    }),
    () => ({
      label: 'JSON that is not an object',
      method: 'POST',
      path: `/api/${op}`,
      headers: json,
      body: pick(['null', '[]', '"x"', '1e999', 'true', '-0']),
    }),
    () => ({
      label: 'wrong content type',
      method: 'POST',
      path: `/api/${op}`,
      headers: {
        'content-type': pick(['text/plain', 'multipart/form-data; boundary=x', 'application/x-www-form-urlencoded']),
        host,
      },
      body: 'a=1&b=2',
    }),
    () => ({
      label: 'invalid UTF-8',
      method: 'POST',
      path: `/api/${op}`,
      headers: json,
      body: Buffer.concat([
        Buffer.from('{"name":"'),
        Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0xed, 0xa0, 0x80]),
        Buffer.from('"}'),
      ]),
    }),
    () => ({
      label: 'oversized body',
      method: 'POST',
      path: `/api/${op}`,
      headers: json,
      body: Buffer.alloc(9 * 1024 * 1024, 0x61),
    }),
    () => ({
      label: 'deeply nested JSON',
      method: 'POST',
      path: `/api/${op}`,
      headers: json,
      body: '['.repeat(200_000) + ']'.repeat(200_000),
    }),
    () => ({
      label: 'other method',
      method: pick(['GET', 'PUT', 'DELETE', 'PATCH', 'OPTIONS']),
      path: `/api/${op}`,
      headers: json,
      body: '{}',
    }),
    () => ({
      label: 'odd operation name',
      method: 'POST',
      path: `/api/${pick(['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'engagements', '', '%zz', 'engagements.create/../app.info', safeEncode(pick(ODD_STRINGS)).slice(0, 200)])}`,
      headers: json,
      body: '{}',
    }),
    () => ({
      label: 'odd file route',
      method: 'POST',
      path: `/files/${pick(['__proto__', 'engagements.create', 'constructor', op])}`,
      headers: json,
      body: '{}',
    }),
    () => ({
      label: 'odd upload',
      method: 'POST',
      path: `/upload/${pick(['__proto__', 'engagements.create', 'packages.preview', 'packages.import', op])}?fileName=${safeEncode(pick(ODD_STRINGS)).slice(0, 200)}`,
      headers: {
        host,
        'content-type': 'application/octet-stream',
        ...(random() < 0.3 ? { [ROLE_HEADER]: pick(['kiosk', 'admin', 'projector']) } : {}),
      },
      body: pick(['', 'BIMTEK-PACKAGE 1\n', 'PK\u0003\u0004', '{}', pick(ODD_STRINGS)]),
    }),
    () => ({
      label: 'foreign Host',
      method: 'POST',
      path: `/api/${op}`,
      headers: { ...json, host: pick(['evil.example', 'localhost.evil.example:80', '']) },
      body: '{}',
    }),
    () => ({
      label: 'foreign Origin',
      method: 'POST',
      path: `/api/${op}`,
      headers: { ...json, origin: pick(['http://evil.example', 'null', 'file://']) },
      body: '{}',
    }),
    () => ({
      label: 'static path',
      method: 'GET',
      path: pick([
        '/../../etc/passwd',
        '/%2e%2e/%2e%2e/etc/passwd',
        '/index.html%00',
        '/assets/../../package.json',
        '/%zz',
        '/healthz?x=%zz',
      ]),
      headers: { host },
    }),
    () => ({
      label: 'events with a bad role',
      method: 'GET',
      path: `/api/events?role=${pick(['admin', '', '%zz'])}`,
      headers: { host },
    }),
  ];
  return pick(cases)();
}

/** A path segment for any string (a lone surrogate cannot be percent-encoded: sent as it is). */
function safeEncode(v: string): string {
  try {
    return encodeURIComponent(v);
  } catch {
    return v.replace(/[\uD800-\uDFFF]/g, '%ED%A0%80');
  }
}

/** Records of every kind, so generated ids name real things (of the right kind or not). */
export async function seedForFuzz(b: Backend): Promise<void> {
  const ok = async (op: string, input: unknown) => {
    const r = await b.handlers.dispatch(op, input);
    if (!r.ok) throw new Error(`${op}: ${JSON.stringify(r.error)}`);
    return r.value as { id: string; days: { id: string }[] };
  };
  for (const region of ['Kediri', 'Malang']) {
    const e = await ok('engagements.create', engagementInput({ regionName: region }));
    const w = await ok('workshops.create', workshopInput(e.id));
    for (let i = 0; i < 3; i++) {
      const p = await ok('participants.create', {
        engagementId: e.id,
        name: `Peserta ${region} ${i}`,
        role: 'peserta',
      });
      const signature = Buffer.from(signaturePng(i + 1, 90, 30)).toString('base64');
      await ok('attendance.checkIn', { dayId: w.days[0].id, participantId: p.id, signature });
    }
  }
}
