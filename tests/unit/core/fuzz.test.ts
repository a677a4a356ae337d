import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../../electron/core/backend';
import { memorySettings } from '../../../electron/core/settings';
import { createHostServer } from '../../../electron/host/server';
import { makeTempDir, removeTempDir } from '../../fixtures/inputs';
import { runFuzz, seedForFuzz } from '../../fuzz/fuzz';

let dir = '';
let backend: Backend;
let host: ReturnType<typeof createHostServer>;
let base = '';

beforeAll(async () => {
  dir = makeTempDir('bimtek-fuzz-');
  backend = createBackend({
    dataDir: path.join(dir, 'data'),
    mode: 'browser',
    version: 'test',
    settings: memorySettings(),
    log: () => {},
  });
  await seedForFuzz(backend);
  host = createHostServer({ backend, rendererDir: null, port: 0 });
  base = await host.listen();
});

afterAll(async () => {
  await host.close();
  backend.close();
  removeTempDir(dir);
});

describe('fuzzing the HTTP boundary (generated from the contract, mutated, raw abuse)', () => {
  it('1,000 calls: no 5xx, no INTERNAL, no crash, answers match the contract, refusals change nothing', async () => {
    const seed = Number(process.env.FUZZ_SEED ?? Date.now() % 1_000_000);
    const f = await runFuzz({
      base,
      calls: 1000,
      seed,
      db: backend.services!.ctx.db,
      settle: () => backend.services!.cropQueue.idle(),
    });
    const summary = JSON.stringify({ ...f, problems: f.problems.slice(0, 8) });
    console.log(`fuzz: ${summary}`);
    expect(f.calls).toBe(1000);
    // Both halves were exercised: a fuzzer that is refused every time proves little.
    expect(f.accepted, summary).toBeGreaterThan(30);
    expect(f.refused, summary).toBeGreaterThan(300);
    expect(f.status5xx, summary).toBe(0);
    expect(f.internal, summary).toBe(0);
    expect(f.crashes, summary).toBe(0);
    expect(f.invalidAnswers, summary).toBe(0);
    expect(f.changedByRefused, summary).toBe(0);
  }, 300_000);
});
