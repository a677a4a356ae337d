import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../../electron/core/backend';
import { LATEST_SCHEMA_VERSION } from '../../../electron/core/store/migrations/index';
import { memorySettings } from '../../../electron/core/settings';
import { DB_FILE_NAME } from '../../../electron/core/store/store';
import { bodyLimit, createHostServer, MAX_BODY_BYTES } from '../../../electron/host/server';
import { contract, type Role } from '../../../shared/contract';
import { MINUTES_LIMITS } from '../../../shared/minutes';
import type { AppErrorShape } from '../../../shared/errors';
import { MESSAGES } from '../../../shared/messages';
import { engagementInput, makeTempDir, removeTempDir, UNKNOWN_ID } from '../../fixtures/inputs';

type Host = ReturnType<typeof createHostServer>;

let dir: string;
let backend: Backend;
let host: Host | null;
let base: string;
let port: number;

/** Start a host on a free port, on a fresh data folder (or on `dataDir` as prepared by the test). */
async function start(
  opts: {
    rendererDir?: string | null;
    language?: 'id' | 'en';
    host?: string;
  } = {},
) {
  backend = createBackend({
    dataDir: path.join(dir, 'data'),
    mode: 'browser',
    version: 'test',
    settings: memorySettings({ language: opts.language ?? 'id' }),
    log: () => {},
  });
  host = createHostServer({
    backend,
    rendererDir: opts.rendererDir ?? null,
    port: 0,
    ...(opts.host ? { host: opts.host } : {}),
  });
  base = await host.listen();
  port = Number(new URL(base).port);
}

interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/**
 * A request with full control of Host and Origin (fetch sets those itself). A guard turns a
 * request the server never answers into a failed test instead of a hung run.
 */
function raw(
  method: string,
  urlPath: string,
  headers: http.OutgoingHttpHeaders = {},
  body?: string | Buffer,
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method, path: urlPath, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: Buffer.concat(chunks).toString('utf8'),
        }),
      );
      res.on('error', reject);
    });
    req.setTimeout(5000, () => req.destroy(new Error(`no answer to ${method} ${urlPath}`)));
    req.on('error', reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

async function api(op: string, input: unknown) {
  const res = await fetch(`${base}api/${op}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(input),
  });
  return {
    status: res.status,
    body: (await res.json()) as {
      ok: boolean;
      value?: unknown;
      error: AppErrorShape;
    },
  };
}

async function engagementCount(): Promise<number> {
  const r = await backend.handlers['engagements.list']({});
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value.length;
}

beforeEach(() => {
  dir = makeTempDir('bimtek-host-');
  host = null;
});

afterEach(async () => {
  if (host) {
    const closing = host.close();
    host.server.closeAllConnections();
    await closing;
  }
  backend?.close();
  removeTempDir(dir);
});

describe('listen and /healthz', () => {
  it('listens on 127.0.0.1 and reports health as JSON', async () => {
    await start();
    expect(base).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(port).toBeGreaterThan(0);

    const res = await fetch(`${base}healthz`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await res.json()).toMatchObject({
      ok: true,
      name: 'Bimtek Studio',
      version: 'test',
      schemaVersion: LATEST_SCHEMA_VERSION,
      store: { status: 'ready' },
    });
  });

  it('reports ok:false and why when the data file is damaged', async () => {
    fs.mkdirSync(path.join(dir, 'data'));
    fs.writeFileSync(path.join(dir, 'data', DB_FILE_NAME), 'not a database at all');
    await start();
    const body = await (await fetch(`${base}healthz`)).json();
    expect(body).toMatchObject({
      ok: false,
      store: { status: 'failed', reason: 'corrupt' },
    });
    const r = await api('engagements.list', {});
    expect(r.body).toMatchObject({
      ok: false,
      error: { code: 'STORE_UNAVAILABLE' },
    });
  });
});

describe('POST /api/<operation>', () => {
  it('engagements.create stores the engagement and returns it', async () => {
    await start();
    const r = await api('engagements.create', engagementInput());
    expect(r.status).toBe(200);
    expect(r.body.ok).toBe(true);
    const created = contract['engagements.create'].output.parse(r.body.value);
    expect(created).toMatchObject({
      regionName: 'Kediri',
      province: 'Jawa Timur',
      year: 2019,
      timeZone: 'WIB',
    });

    const list = await api('engagements.list', {});
    expect(contract['engagements.list'].output.parse(list.body.value).map((e) => e.id)).toEqual([created.id]);
    expect(await engagementCount()).toBe(1);
  });

  it('an empty body is an empty input', async () => {
    await start();
    const res = await fetch(`${base}api/engagements.list`, { method: 'POST' });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, value: [] });
  });

  it('an unknown id comes back as NOT_FOUND in the envelope', async () => {
    await start({ language: 'en' });
    const r = await api('engagements.get', { id: UNKNOWN_ID });
    expect(r.body).toEqual({
      ok: false,
      error: {
        code: 'NOT_FOUND',
        message: 'Engagement not found.',
        key: 'errors.engagementNotFound',
        details: { id: UNKNOWN_ID },
      },
    });
  });

  it('malformed JSON is 400 VALIDATION and writes nothing', async () => {
    await start();
    const res = await fetch(`${base}api/engagements.create`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"regionName": "Kediri",',
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: MESSAGES.id.errors.invalidInput },
    });
    expect(await engagementCount()).toBe(0);
  });

  it('JSON of the wrong shape is 400 VALIDATION with the fields named', async () => {
    await start();
    const r = await api('engagements.create', {
      ...engagementInput(),
      year: 1999,
      extra: true,
    });
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('VALIDATION');
    expect(r.body.error.details?.issues).toEqual(
      expect.arrayContaining([
        { path: ['year'], code: 'yearRange' },
        { path: ['extra'], code: 'unknownField' },
      ]),
    );
    expect(await engagementCount()).toBe(0);
  });

  it('an unknown operation is 404 UNKNOWN_OPERATION', async () => {
    await start();
    for (const op of ['nope', '__proto__', 'constructor', 'engagements']) {
      const r = await api(op, {});
      expect(r.status, op).toBe(404);
      expect(r.body, op).toMatchObject({
        ok: false,
        error: { code: 'UNKNOWN_OPERATION' },
      });
    }
  });

  it('any method but POST is 405 with Allow: POST', async () => {
    await start();
    for (const [method, p] of [
      ['GET', '/api/x'],
      ['GET', '/api/engagements.list'],
      ['PUT', '/api/engagements.create'],
      ['DELETE', '/api/engagements.delete'],
    ]) {
      const res = await raw(method, p, { host: `127.0.0.1:${port}` });
      expect(res.status, `${method} ${p}`).toBe(405);
      expect(res.headers.allow).toBe('POST');
    }
    expect(await engagementCount()).toBe(0);
  });
});

describe('guards against other sites', () => {
  it('answers 421 to a Host header that is not ours (DNS rebinding), and writes nothing', async () => {
    await start();
    expect((await raw('GET', '/healthz', { host: 'evil.example' })).status).toBe(421);
    expect((await raw('GET', '/healthz', { host: `evil.example:${port}` })).status).toBe(421);
    const post = await raw(
      'POST',
      '/api/engagements.create',
      { host: 'evil.example', 'content-type': 'application/json' },
      JSON.stringify(engagementInput()),
    );
    expect(post.status).toBe(421);
    expect((await raw('GET', '/api/events', { host: 'evil.example' })).status).toBe(421);
    expect(await engagementCount()).toBe(0);
  });

  it('accepts our own Host names', async () => {
    await start();
    expect((await raw('GET', '/healthz', { host: `127.0.0.1:${port}` })).status).toBe(200);
    expect((await raw('GET', '/healthz', { host: `localhost:${port}` })).status).toBe(200);
  });

  it('answers 403 to an API call from another origin, and writes nothing', async () => {
    await start();
    for (const origin of ['http://evil.example', `http://evil.example:${port}`, 'null', `https://127.0.0.1:${port}`]) {
      const res = await raw(
        'POST',
        '/api/engagements.create',
        {
          host: `127.0.0.1:${port}`,
          origin,
          'content-type': 'application/json',
        },
        JSON.stringify(engagementInput()),
      );
      expect(res.status, origin).toBe(403);
      expect(JSON.parse(res.body)).toMatchObject({ ok: false });
    }
    expect(await engagementCount()).toBe(0);
  });

  it('answers FORBIDDEN (not VALIDATION) to a foreign Origin, whatever the route and the body', async () => {
    await start();
    const bodies = [JSON.stringify(engagementInput()), '{not json', '', JSON.stringify({ unexpected: 1 })];
    const routes = ['/api/engagements.create', '/api/no.such', '/files/participants.export', '/api/app.info'];
    for (const origin of ['http://evil.example', 'null', `http://localhost:${port}`, 'file://']) {
      for (const route of routes) {
        for (const body of bodies) {
          const res = await raw(
            'POST',
            route,
            { host: `127.0.0.1:${port}`, origin, 'content-type': 'application/json' },
            body,
          );
          const what = `${origin} ${route} ${body}`;
          expect(res.status, what).toBe(403);
          expect((JSON.parse(res.body) as { error: AppErrorShape }).error.code, what).toBe('FORBIDDEN');
        }
      }
    }
    expect(await engagementCount()).toBe(0);
  });

  it('accepts an API call from its own origin', async () => {
    await start();
    const res = await raw(
      'POST',
      '/api/engagements.create',
      {
        host: `127.0.0.1:${port}`,
        origin: `http://127.0.0.1:${port}`,
        'content-type': 'application/json',
      },
      JSON.stringify(engagementInput()),
    );
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toMatchObject({ ok: true });
    expect(await engagementCount()).toBe(1);
  });
});

describe('GET /api/events', () => {
  it('streams a change event after a mutation', async () => {
    await start();
    const abort = new AbortController();
    const res = await fetch(`${base}api/events`, { signal: abort.signal });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const reader = (res.body as ReadableStream<Uint8Array>).getReader();
    const decoder = new TextDecoder();
    let text = '';
    const readUntil = async (needle: string | RegExp) => {
      while (!(typeof needle === 'string' ? text.includes(needle) : needle.test(text))) {
        const { value, done } = await reader.read();
        if (done) throw new Error(`stream ended before ${String(needle)}: ${text}`);
        text += decoder.decode(value, { stream: true });
      }
    };
    try {
      await readUntil(': connected');
      await api('engagements.list', {});
      const created = await api('engagements.create', engagementInput());
      const id = (created.body.value as { id: string }).id;
      await api('engagements.update', { id, patch: { year: 2020 } });

      await readUntil(/event: change\ndata: .*\n\n[\s\S]*event: change\ndata: .*\n\n/);
      const events = [...text.matchAll(/event: change\ndata: (.*)\n\n/g)].map((m) => JSON.parse(m[1]));
      expect(events).toEqual([
        { entity: 'engagement', id, action: 'created', engagementId: id },
        { entity: 'engagement', id, action: 'updated', engagementId: id },
      ]);
    } finally {
      abort.abort();
      await reader.cancel().catch(() => {});
    }
  });
});

describe('the renderer files', () => {
  function rendererDir(): string {
    const root = path.join(dir, 'renderer');
    fs.mkdirSync(path.join(root, 'assets'), { recursive: true });
    fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>Bimtek Studio</title>');
    fs.writeFileSync(path.join(root, 'assets', 'app.js'), 'console.log("app")');
    fs.writeFileSync(path.join(dir, 'secret.txt'), 'SECRET');
    return root;
  }

  it('without a renderer folder, / is 404', async () => {
    await start();
    expect((await fetch(base)).status).toBe(404);
  });

  it('serves index.html with a strict CSP, and client routes get the app', async () => {
    await start({ rendererDir: rendererDir() });
    for (const p of ['', 'workshops/123']) {
      const res = await fetch(`${base}${p}`);
      expect(res.status).toBe(200);
      expect(await res.text()).toContain('<title>Bimtek Studio</title>');
      expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
      expect(res.headers.get('content-security-policy')).not.toContain('unsafe-eval');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
    }
    const js = await fetch(`${base}assets/app.js`);
    expect(js.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(await js.text()).toBe('console.log("app")');
    expect((await fetch(`${base}assets/missing.js`)).status).toBe(404);
  });

  it('never serves a file outside the renderer folder', async () => {
    await start({ rendererDir: rendererDir() });
    for (const p of ['/../secret.txt', '/..%2fsecret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt']) {
      const res = await raw('GET', p, { host: `127.0.0.1:${port}` });
      expect(res.body, p).not.toContain('SECRET');
    }
  });
});

describe('requests a stranger could send', () => {
  // Each of these must get an answer, and the host must keep serving afterwards.
  async function stillServing() {
    const res = await fetch(`${base}healthz`);
    expect(res.status).toBe(200);
  }

  it('a Host header that is not a valid host name is 421, not a crash', async () => {
    await start();
    const res = await raw('GET', '/healthz', { host: 'a b' });
    expect(res.status).toBe(421);
    await stillServing();
  });

  it('an API path with broken percent-encoding is answered, not a crash', async () => {
    await start();
    const res = await raw('POST', '/api/%E0%A4%A', { host: `127.0.0.1:${port}` }, '{}');
    expect([400, 404]).toContain(res.status);
    expect(JSON.parse(res.body)).toMatchObject({ ok: false });
    await stillServing();
  });

  it('a page path with broken percent-encoding is answered, not a crash', async () => {
    // Any web page could send this (e.g. <img src="http://127.0.0.1:PORT/%E0%A4%A">).
    await start({
      rendererDir: (() => {
        const root = path.join(dir, 'renderer');
        fs.mkdirSync(root, { recursive: true });
        fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html>');
        return root;
      })(),
    });
    const res = await raw('GET', '/%E0%A4%A', { host: `127.0.0.1:${port}` });
    expect([400, 404]).toContain(res.status);
    await stillServing();
  });

  it('a body over the limit is answered 413 VALIDATION tooLong', async () => {
    await start();
    const big = Buffer.alloc(9 * 1024 * 1024, 'a');
    const res = await raw(
      'POST',
      '/api/engagements.create',
      {
        host: `127.0.0.1:${port}`,
        'content-type': 'application/json',
        'content-length': big.length,
      },
      big,
    );
    expect(res.status).toBe(413);
    expect(JSON.parse(res.body)).toMatchObject({
      ok: false,
      error: {
        code: 'VALIDATION',
        details: { issues: [{ path: [], code: 'tooLong' }] },
      },
    });
    expect(await engagementCount()).toBe(0);
    await stillServing();
  });
});

describe('room-network mode (bound to every interface)', () => {
  it("accepts an API call from a participant's browser on its own origin", async () => {
    // A browser sends Origin on every POST, same-origin ones included.
    await start({ host: '0.0.0.0' });
    const lan = `192.168.1.10:${port}`;
    const res = await raw(
      'POST',
      '/api/engagements.create',
      {
        host: lan,
        origin: `http://${lan}`,
        'content-type': 'application/json',
      },
      JSON.stringify(engagementInput()),
    );
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toMatchObject({ ok: true });
    expect(await engagementCount()).toBe(1);
  });

  it('still refuses an API call from another site', async () => {
    await start({ host: '0.0.0.0' });
    const res = await raw(
      'POST',
      '/api/engagements.create',
      {
        host: `192.168.1.10:${port}`,
        origin: 'http://evil.example',
        'content-type': 'application/json',
      },
      JSON.stringify(engagementInput()),
    );
    expect(res.status).toBe(403);
    expect(await engagementCount()).toBe(0);
  });

  it("a phone's photo for the minutes may be larger, from the facilitator's own page only", () => {
    const caller = (role: Role) => ({ role, key: 'test' });
    const photo = bodyLimit('minutes.addPhoto', caller('facilitator'));
    // A 40 MB photo as base64 fits; nothing else grows.
    expect(photo).toBeGreaterThan((MINUTES_LIMITS.photoBytes * 4) / 3);
    expect(bodyLimit('minutes.addPhoto', caller('room-device'))).toBe(MAX_BODY_BYTES);
    expect(bodyLimit('minutes.addPhoto', caller('kiosk'))).toBe(MAX_BODY_BYTES);
    expect(bodyLimit('engagements.create', caller('facilitator'))).toBe(MAX_BODY_BYTES);
  });
});
