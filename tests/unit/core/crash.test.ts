import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCrashTrials } from '../../crash/crash';
import { buildHostBundle, callOp, request, startHost } from '../../crash/host-process';
import { engagementInput } from '../../fixtures/inputs';
import { makeTempDir, removeTempDir } from '../../fixtures/inputs';

let bundle = '';
let dir = '';

beforeAll(async () => {
  bundle = await buildHostBundle();
  dir = makeTempDir('bimtek-crash-');
}, 60_000);

afterAll(() => {
  removeTempDir(dir);
  if (bundle) fs.rmSync(bundle.replace(/serve\.mjs$/, ''), { recursive: true, force: true });
});

describe('kill -9 while writing (browser-mode host in its own process)', () => {
  it('10 trials: every acknowledged write survives, integrity_check ok, the folder reopens each time', async () => {
    const seed = Number(process.env.CRASH_SEED ?? Date.now() % 1_000_000);
    const figures = await runCrashTrials({ bundle, dataDir: dir, trials: 10, seed });
    const summary = JSON.stringify({ ...figures, problems: figures.problems.slice(0, 5) });
    console.log(`crash proof: ${summary}`);
    expect(figures.trials, summary).toBe(10);
    // A proof that proved nothing (no write acknowledged before the kill) does not count.
    expect(figures.acknowledged, summary).toBeGreaterThan(100);
    expect(figures.lost, summary).toBe(0);
    expect(figures.integrityFailures, summary).toBe(0);
    expect(figures.restartFailures, summary).toBe(0);
    expect(figures.refusedWhileAlive, summary).toBe(0);
  }, 180_000);
});

describe('two browser-mode hosts on one data folder (separate processes)', () => {
  it('the second says the folder is in use and by which host; its calls never answer INTERNAL', async () => {
    const folder = makeTempDir('bimtek-two-hosts-');
    const first = await startHost(bundle, folder);
    try {
      const second = await startHost(bundle, folder);
      try {
        const health = JSON.parse((await request(second.url, 'GET', '/healthz', {}, undefined)).body) as {
          ok: boolean;
          store: { status: string; reason: string; holder?: { mode: string; pid: number; url?: string } };
        };
        expect(health.ok).toBe(false);
        expect(health.store).toMatchObject({
          status: 'failed',
          reason: 'inUse',
          holder: { mode: 'browser', pid: first.child.pid, url: first.url },
        });
        expect(second.output()).toContain(`${first.url}`);
        const answers = await Promise.all(
          Array.from({ length: 20 }, (_, i) =>
            Promise.all([
              callOp(first.url, 'engagements.create', engagementInput({ regionName: `Kota ${i}` })),
              callOp(second.url, 'engagements.create', engagementInput({ regionName: `Kota ${i}` })),
            ]),
          ),
        );
        expect(answers.map(([a]) => a.ok)).toEqual(answers.map(() => true));
        expect(answers.map(([, b]) => b.error?.code)).toEqual(answers.map(() => 'STORE_UNAVAILABLE'));
      } finally {
        await second.stop();
      }
    } finally {
      await first.stop();
      removeTempDir(folder);
    }
  }, 60_000);
});
