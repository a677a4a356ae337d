import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { build } from 'esbuild';

/**
 * The browser-mode host as users run it (`npm run serve`: electron/host/cli.ts), bundled from
 * source into the repository's ignored `.tmp/` (inside the repository so its packages resolve from
 * node_modules), with the job worker beside it as in dist/. Used by the crash and fuzz proofs,
 * which need a real process to kill or to hammer.
 */
export async function buildHostBundle(root = process.cwd()): Promise<string> {
  const outdir = path.join(root, '.tmp', `host-under-test-${process.pid}`);
  const settings = JSON.parse(
    fs.readFileSync(path.join(root, 'scripts', 'lib', 'jobs-worker-build.json'), 'utf8'),
  ) as object;
  await Promise.all([
    build({
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      packages: 'external',
      logLevel: 'warning',
      absWorkingDir: root,
      entryPoints: [path.join(root, 'electron/host/cli.ts')],
      outfile: path.join(outdir, 'serve.mjs'),
    }),
    build({
      ...settings,
      absWorkingDir: root,
      entryPoints: { 'jobs-worker': path.join(root, 'electron/core/jobs/worker.ts') },
      outdir,
    }),
  ]);
  return path.join(outdir, 'serve.mjs');
}

export interface HostProcess {
  child: ChildProcess;
  url: string;
  /** Everything the process printed (stdout and stderr). */
  output(): string;
  /** Ends it with SIGKILL (no shutdown code runs) and waits until it is gone. */
  kill(): Promise<void>;
  /** Ends it with SIGTERM (the normal stop) and waits. */
  stop(): Promise<void>;
}

/** Starts `node serve.mjs --port 0 --data <dir>` and waits for the address it prints. */
export function startHost(bundle: string, dataDir: string, timeoutMs = 20_000): Promise<HostProcess> {
  const child = spawn(process.execPath, [bundle, '--port', '0', '--data', dataDir], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const done = (signal: NodeJS.Signals) => async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`host did not start within ${timeoutMs} ms:\n${out}`));
    }, timeoutMs);
    const onData = (c: Buffer) => {
      out += c.toString('utf8');
      const m = /browser mode at (http:\/\/\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ child, url: m[1], output: () => out, kill: done('SIGKILL'), stop: done('SIGTERM') });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (c: Buffer) => (out += c.toString('utf8')));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`host exited (${code}) before it listened:\n${out}`));
    });
  });
}

export interface Answer {
  status: number;
  body: string;
}

/** One HTTP request to a host; rejects when the connection breaks (as when the host is killed). */
export function request(
  base: string,
  method: string,
  urlPath: string,
  headers: http.OutgoingHttpHeaders,
  body: string | Buffer | undefined,
  agent?: http.Agent | false,
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    // A body always goes with its length: Node's client frames a GET, DELETE or OPTIONS body with
    // neither length nor chunks, which any server reads as the start of the next request.
    const framed =
      body === undefined || headers['content-length'] !== undefined
        ? headers
        : { ...headers, 'content-length': Buffer.byteLength(body) };
    const req = http.request(new URL(urlPath, base), { method, headers: framed, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.setTimeout(30_000, () => req.destroy(new Error(`no answer to ${method} ${urlPath}`)));
    req.on('error', reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

/** POST /api/<op> with a JSON body; the parsed envelope. */
export async function callOp(
  base: string,
  op: string,
  input: unknown,
  agent?: http.Agent,
): Promise<{ ok: boolean; value?: any; error?: { code: string } }> {
  const body = JSON.stringify(input);
  const r = await request(
    base,
    'POST',
    `/api/${op}`,
    { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
    body,
    agent,
  );
  return JSON.parse(r.body) as never;
}

/** A small seeded random source (mulberry32): a failing run can be repeated with its seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
