import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../../electron/core/backend';
import { memorySettings } from '../../../electron/core/settings';
import { createHostServer, MAX_BODY_BYTES } from '../../../electron/host/server';
import { ROLE_HEADER } from '../../../shared/contract';
import type { AppErrorShape } from '../../../shared/errors';
import { MESSAGES } from '../../../shared/messages';
import { fingerprint } from '../../fuzz/fuzz';
import { engagementInput, makeTempDir, removeTempDir } from '../../fixtures/inputs';

/** Two laptops in browser mode, each a host on its own data folder. */
interface Laptop {
  backend: Backend;
  host: ReturnType<typeof createHostServer>;
  port: number;
  dataDir: string;
}

let dir: string;
let laptops: Laptop[];

async function laptop(name: string): Promise<Laptop> {
  const dataDir = path.join(dir, name);
  const backend = createBackend({
    dataDir,
    mode: 'browser',
    version: 'test',
    settings: memorySettings(),
    log: () => {},
  });
  const host = createHostServer({ backend, rendererDir: null, port: 0 });
  const port = Number(new URL(await host.listen()).port);
  const l = { backend, host, port, dataDir };
  laptops.push(l);
  return l;
}

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** A request whose body is a buffer or a file streamed from disk; the answer's body is collected. */
function request(
  l: Laptop,
  urlPath: string,
  opts: { headers?: http.OutgoingHttpHeaders; body?: Buffer | string; bodyFile?: string; saveTo?: string } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const headers: http.OutgoingHttpHeaders = { ...opts.headers };
    if (opts.bodyFile) headers['content-length'] = fs.statSync(opts.bodyFile).size;
    const req = http.request({ host: '127.0.0.1', port: l.port, method: 'POST', path: urlPath, headers }, (res) => {
      const chunks: Buffer[] = [];
      const out = opts.saveTo && res.statusCode === 200 ? fs.createWriteStream(opts.saveTo) : null;
      res.on('data', (c: Buffer) => (out ? out.write(c) : chunks.push(c)));
      res.on('end', () => {
        const done = () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) });
        if (out) out.end(done);
        else done();
      });
      res.on('error', reject);
    });
    req.setTimeout(60_000, () => req.destroy(new Error(`no answer to ${urlPath}`)));
    req.on('error', reject);
    if (opts.bodyFile) fs.createReadStream(opts.bodyFile).pipe(req);
    else req.end(opts.body);
  });
}

const json = (a: Answer) => JSON.parse(a.body.toString('utf8')) as { ok: boolean; value?: any; error: AppErrorShape };

async function api(l: Laptop, op: string, input: unknown) {
  return json(
    await request(l, `/api/${op}`, { headers: { 'content-type': 'application/json' }, body: JSON.stringify(input) }),
  );
}

const tmpFiles = (l: Laptop) => {
  const t = path.join(l.dataDir, 'tmp');
  return fs.existsSync(t) ? fs.readdirSync(t) : [];
};

/** Until `check` holds (a file removed after the answer went out), at most 2 s. */
async function eventually(check: () => boolean) {
  for (let i = 0; i < 100 && !check(); i++) await new Promise((r) => setTimeout(r, 20));
  return check();
}

const BIG = 20 * 1024 * 1024;

/**
 * An engagement whose emblem is a 20 MB blob of random bytes (a synthetic big part: random so no
 * compression helps; the package format does not look inside images), far over the old 8 MB cap.
 */
async function bigEngagement(l: Laptop) {
  const e = (await api(l, 'engagements.create', engagementInput())).value as { id: string };
  const data = randomBytes(BIG);
  const hash = createHash('sha256').update(data).digest('hex');
  const db = l.backend.services!.ctx.db;
  db.prepare('INSERT INTO blobs (hash, mime, width, height, data, created_at) VALUES (?, ?, 1, 1, ?, ?)').run(
    hash,
    'image/png',
    data,
    new Date().toISOString(),
  );
  db.prepare('UPDATE engagements SET emblem_hash = ? WHERE id = ?').run(hash, e.id);
  return { id: e.id, hash };
}

beforeEach(() => {
  dir = makeTempDir('bimtek-host-packages-');
  laptops = [];
});

afterEach(async () => {
  for (const l of laptops) {
    const closing = l.host.close();
    l.host.server.closeAllConnections();
    await closing;
    l.backend.close();
  }
  removeTempDir(dir);
});

describe('packages over HTTP, without a size cap', () => {
  it('a 20 MB package streams out of one host and into another, and every temp file goes', async () => {
    const a = await laptop('a');
    const { id, hash } = await bigEngagement(a);
    const saved = path.join(dir, 'Kota Kediri 2019.bimtek');
    const out = await request(a, '/files/packages.export', {
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ engagementId: id }),
      saveTo: saved,
    });
    expect(out.status).toBe(200);
    expect(decodeURIComponent(String(out.headers['x-file-name']))).toBe('Kota Kediri 2019.bimtek');
    const size = fs.statSync(saved).size;
    expect(size).toBeGreaterThan(BIG);
    expect(size).toBeGreaterThan(2 * MAX_BODY_BYTES);
    expect(Number(out.headers['content-length'])).toBe(size);
    // The export's temp file is removed once it has been sent.
    expect(await eventually(() => tmpFiles(a).length === 0)).toBe(true);

    const b = await laptop('b');
    const up = await request(b, `/upload/packages.preview?fileName=${encodeURIComponent('Kota Kediri 2019.bimtek')}`, {
      headers: { 'content-type': 'application/octet-stream' },
      bodyFile: saved,
    });
    expect(up.status).toBe(200);
    const preview = json(up);
    expect(preview.ok).toBe(true);
    expect(preview.value).toMatchObject({ engagementId: id, images: 1 });
    expect(preview.value.file).toMatch(/^[0-9a-f]{32}$/);
    // The uploaded file waits in the temp folder for the import.
    expect(tmpFiles(b)).toEqual([`upload-${preview.value.file}`]);

    const merged = await api(b, 'packages.import', { fileName: 'Kota Kediri 2019.bimtek', file: preview.value.file });
    expect(merged.ok).toBe(true);
    const row = b.backend.services!.ctx.db.prepare('SELECT data FROM blobs WHERE hash = ?').get(hash) as {
      data: Buffer;
    };
    expect(createHash('sha256').update(row.data).digest('hex')).toBe(hash);
    expect(
      (
        b.backend.services!.ctx.db.prepare('SELECT emblem_hash FROM engagements WHERE id = ?').get(id) as {
          emblem_hash: string;
        }
      ).emblem_hash,
    ).toBe(hash);
    expect(tmpFiles(b)).toEqual([]);
  }, 120_000);

  it('a cut upload writes nothing, and a whole upload of a cut package is refused', async () => {
    const a = await laptop('a');
    const { id } = await bigEngagement(a);
    const saved = path.join(dir, 'x.bimtek');
    await request(a, '/files/packages.export', { body: JSON.stringify({ engagementId: id }), saveTo: saved });
    const bytes = fs.readFileSync(saved);
    const b = await laptop('b');
    const before = fingerprint(b.backend.services!.ctx.db);

    // The connection drops halfway through the body.
    await new Promise<void>((resolve) => {
      const req = http.request({
        host: '127.0.0.1',
        port: b.port,
        method: 'POST',
        path: '/upload/packages.import?fileName=x.bimtek',
        headers: { 'content-length': bytes.length },
      });
      req.on('error', () => resolve());
      req.on('response', () => resolve());
      req.write(bytes.subarray(0, bytes.length >> 1), () => setTimeout(() => req.destroy(), 50));
    });
    expect(await eventually(() => tmpFiles(b).length === 0)).toBe(true);

    // The body is whole but the package in it is cut.
    const cut = path.join(dir, 'cut.bimtek');
    fs.writeFileSync(cut, bytes.subarray(0, bytes.length - 1000));
    const r = await request(b, '/upload/packages.import?fileName=cut.bimtek', { bodyFile: cut });
    expect(r.status).toBe(400);
    expect(json(r).error.message).toBe(MESSAGES.id.errors.packageDamaged);
    expect(tmpFiles(b)).toEqual([]);
    expect(fingerprint(b.backend.services!.ctx.db)).toBe(before);
    expect(fs.existsSync(path.join(b.dataDir, 'backups'))).toBe(false);
  }, 120_000);

  it('refuses another role on the upload route before writing a byte, a foreign origin, and a forged token', async () => {
    const b = await laptop('b');
    const before = fingerprint(b.backend.services!.ctx.db);
    const body = randomBytes(1024 * 1024);
    for (const role of ['kiosk', 'projector', 'room-device']) {
      const r = await request(b, '/upload/packages.preview?fileName=x.bimtek', {
        headers: { [ROLE_HEADER]: role },
        body,
      });
      expect(r.status).toBe(403);
      expect(json(r).error.code).toBe('FORBIDDEN');
    }
    const foreign = await request(b, '/upload/packages.preview', { headers: { origin: 'http://evil.example' }, body });
    expect(foreign.status).toBe(403);
    // Only operations that take a file have an upload route.
    const other = await request(b, '/upload/engagements.create', { body });
    expect(other.status).toBe(404);
    expect(tmpFiles(b)).toEqual([]);

    for (const file of [
      '0123456789abcdef0123456789abcdef',
      '/etc/passwd',
      path.join(b.dataDir, 'bimtek-studio.sqlite'),
    ]) {
      const r = await api(b, 'packages.import', { fileName: 'x.bimtek', file });
      expect(r.ok).toBe(false);
      expect(r.error.code).toBe('VALIDATION');
    }
    expect(fingerprint(b.backend.services!.ctx.db)).toBe(before);
  });

  it('other JSON routes keep their cap', async () => {
    const b = await laptop('b');
    const r = await request(b, '/api/engagements.create', {
      headers: { 'content-type': 'application/json' },
      body: Buffer.alloc(MAX_BODY_BYTES + 10, 0x20),
    });
    expect(r.status).toBe(413);
  });
});
