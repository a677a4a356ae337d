import { expect, test } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { snap, uniqueRegion } from './helpers';

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/** A second laptop: a host of its own on its own data folder. */
async function secondLaptop(): Promise<{ url: string; child: ChildProcess; dir: string }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bimtek-second-laptop-'));
  const port = await freePort();
  const child = spawn(process.execPath, ['dist/host/serve.mjs', '--port', String(port), '--data', dir], {
    stdio: 'pipe',
  });
  const url = `http://127.0.0.1:${port}/`;
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`${url}healthz`)).status === 200) return { url, child, dir };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill();
  throw new Error('second host did not start');
}

let child: ChildProcess | undefined;
test.afterEach(() => child?.kill());

test('export a package in one host, import it in another with its own data folder', async ({
  page,
  browser,
}, testInfo) => {
  const region = uniqueRegion('Probolinggo');
  const e = await (
    await page.request.post('/api/engagements.create', {
      data: { regionName: region, regionKind: 'kota', province: 'Jawa Timur', year: 2019, timeZone: 'WIB' },
    })
  ).json();
  await page.request.post('/api/workshops.create', {
    data: {
      engagementId: e.value.id,
      stage: 'tahap-3',
      title: 'Bimtek Tahap III Probolinggo',
      days: [{ date: '2019-09-10', startTime: '09:00', endTime: null }],
    },
  });
  await page.request.post('/api/participants.create', {
    data: { engagementId: e.value.id, name: 'Budi Santoso', role: 'peserta' },
  });

  await page.goto(`/#/engagements/${e.value.id}`);
  await page.setViewportSize({ width: 1024, height: 768 });
  await expect(page.getByRole('button', { name: 'Ekspor paket' })).toBeVisible();
  await snap(page, testInfo, 'engagement-export-1024x768');
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Ekspor paket' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`Kota ${region} 2019.bimtek`);
  const bytes = fs.readFileSync(await download.path());

  const second = await secondLaptop();
  child = second.child;
  const other = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  await other.goto(second.url);
  await expect(other.getByText('Belum ada pendampingan')).toBeVisible();
  await other.getByTestId('package-file').setInputFiles({
    name: download.suggestedFilename(),
    mimeType: 'application/octet-stream',
    buffer: bytes,
  });
  const dialog = other.getByRole('dialog');
  await expect(dialog).toContainText(`Impor paket: Kota ${region} 2019`);
  const row = (kind: string) => dialog.locator('tbody tr').filter({ hasText: kind });
  await expect(row('Pendampingan').locator('td').nth(1)).toHaveText('1');
  await expect(row('Peserta').locator('td').nth(1)).toHaveText('1');
  await snap(other, testInfo, 'package-preview-1366x768');
  await other.setViewportSize({ width: 1024, height: 768 });
  await snap(other, testInfo, 'package-preview-1024x768');
  await dialog.getByRole('button', { name: 'Impor', exact: true }).click();
  await expect(other.getByRole('heading', { name: `Kota ${region}` })).toBeVisible();
  await expect(other.getByRole('link', { name: /Bimtek Tahap III Probolinggo/ })).toBeVisible();
  // The package was streamed to the second host's temp folder and removed once imported.
  const tmp = path.join(second.dir, 'tmp');
  expect(fs.existsSync(tmp) ? fs.readdirSync(tmp) : []).toEqual([]);
  await other.goto(`${second.url}#/engagements/${e.value.id}/participants`);
  await expect(other.getByText('Budi Santoso')).toBeVisible();
  await other.close();
});
