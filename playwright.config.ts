import { defineConfig } from '@playwright/test';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

// Playwright loads this file in the runner and again in each worker: the port and the data folder
// are chosen once and handed to the workers through the environment.
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

process.env.BIMTEK_E2E_PORT ??= String(await freePort());
process.env.BIMTEK_E2E_DATA ??= fs.mkdtempSync(path.join(os.tmpdir(), 'bimtek-e2e-'));
const port = Number(process.env.BIMTEK_E2E_PORT);
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results',
  timeout: 60_000,
  fullyParallel: false,
  workers: 1,
  reporter: [['list'], ['json', { outputFile: process.env.BIMTEK_E2E_JSON ?? 'test-results/e2e-results.json' }]],
  use: {
    baseURL: `http://127.0.0.1:${port}/`,
    locale: 'id-ID',
    timezoneId: 'Asia/Jakarta',
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: chromium,
      args: [
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  projects: [
    { name: 'browser', testDir: 'tests/e2e/browser', use: { viewport: { width: 1280, height: 860 } } },
    { name: 'electron', testDir: 'tests/e2e/electron' },
  ],
  webServer: {
    // BIMTEK_E2E_RENDERER serves another renderer build (lets two people test at once).
    command: `node dist/host/serve.mjs --port ${port} --data ${process.env.BIMTEK_E2E_DATA}${
      process.env.BIMTEK_E2E_RENDERER ? ` --renderer ${process.env.BIMTEK_E2E_RENDERER}` : ''
    }`,
    url: `http://127.0.0.1:${port}/healthz`,
    reuseExistingServer: false,
    timeout: 30_000,
    stdout: 'pipe',
  },
});
