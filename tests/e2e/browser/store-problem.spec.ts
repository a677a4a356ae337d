import { expect, test } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { snap } from './helpers';

// A host of its own per test, started on a data folder whose file is damaged or too new.
async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

async function startHost(dataDir: string): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  const child = spawn(process.execPath, ['dist/host/serve.mjs', '--port', String(port), '--data', dataDir], {
    stdio: 'pipe',
  });
  const url = `http://127.0.0.1:${port}/`;
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`${url}healthz`)).status === 200) return { url, child };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill();
  throw new Error('host did not start');
}

let child: ChildProcess | undefined;
test.afterEach(() => child?.kill());

test('a damaged data file gets a clear screen naming the file, and is left untouched', async ({ page }, testInfo) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bimtek-corrupt-'));
  const file = path.join(dir, 'bimtek-studio.sqlite');
  const garbage = Buffer.from('Bukan basis data. '.repeat(200));
  fs.writeFileSync(file, garbage);
  const host = await startHost(dir);
  child = host.child;
  const health = await (await fetch(`${host.url}healthz`)).json();
  expect(health).toMatchObject({ ok: false, store: { status: 'failed', reason: 'corrupt' } });

  await page.goto(host.url);
  await expect(page.getByRole('heading', { name: 'Berkas data tidak dapat dibuka' })).toBeVisible();
  await expect(page.getByText('Berkas data rusak atau bukan basis data Bimtek Studio.')).toBeVisible();
  await expect(page.getByTestId('store-file')).toHaveText(file);
  await snap(page, testInfo, 'store-corrupt');
  expect(fs.readFileSync(file).equals(garbage)).toBe(true);
  expect(fs.readdirSync(dir).filter((f) => f.endsWith('.sqlite'))).toEqual(['bimtek-studio.sqlite']);
});

test('a data file from a newer version is refused with its schema number', async ({ page }) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bimtek-newer-'));
  const file = path.join(dir, 'bimtek-studio.sqlite');
  const db = new BetterSqlite3(file);
  db.exec('CREATE TABLE future (x)');
  db.pragma('user_version = 99');
  db.close();
  const before = fs.readFileSync(file);
  const host = await startHost(dir);
  child = host.child;
  await page.goto(host.url);
  await expect(page.getByText(/versi Bimtek Studio yang lebih baru \(skema 99/)).toBeVisible();
  expect(fs.readFileSync(file).equals(before)).toBe(true);
});

test('a second host on the same data folder says the folder is in use, and by which host', async ({
  page,
}, testInfo) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bimtek-in-use-'));
  const first = await startHost(dir);
  const second = await startHost(dir);
  try {
    await page.goto(second.url);
    await expect(page.getByText('Folder data ini sedang dipakai oleh Bimtek Studio lain')).toBeVisible();
    await expect(page.getByTestId('store-holder')).toContainText(`alamat ${first.url}`);
    await expect(page.getByTestId('store-holder')).toContainText(`proses ${first.child.pid}`);
    await page.setViewportSize({ width: 1024, height: 768 });
    await snap(page, testInfo, 'store-in-use-1024x768');
  } finally {
    second.child.kill();
    first.child.kill();
  }
});
