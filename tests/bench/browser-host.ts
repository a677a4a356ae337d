import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/** The browser-mode host as users start it (the built `dist/host/serve.mjs`), on a fresh data folder. */
export async function startBrowserHost(root: string, prefix: string) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const port = await freePort();
  const host = spawn(
    process.execPath,
    [path.join(root, 'dist/host/serve.mjs'), '--port', String(port), '--data', dataDir],
    { stdio: 'ignore' },
  );
  const base = `http://127.0.0.1:${port}/`;
  const stop = () => {
    host.kill();
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`${base}healthz`)).ok) return { base, stop };
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  stop();
  throw new Error('the browser-mode host did not start');
}

/** Call an operation over HTTP as the facilitator's page would; throws on a refusal. */
export async function api(base: string, op: string, input: unknown): Promise<any> {
  const res = await fetch(`${base}api/${op}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(input),
  });
  const body = await res.json();
  if (!body.ok) throw new Error(`${op}: ${body.error.message}`);
  return body.value;
}
