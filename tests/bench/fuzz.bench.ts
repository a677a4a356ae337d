import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createBackend } from '../../electron/core/backend';
import { memorySettings } from '../../electron/core/settings';
import { createHostServer } from '../../electron/host/server';
import { runFuzz, seedForFuzz } from '../fuzz/fuzz';
import type { Row } from './stats';

/** `npm run bench -- fuzz`: 10,000 fuzzed calls at the HTTP boundary (tests/fuzz/fuzz.ts). */
export async function benchFuzz(calls = 10_000): Promise<Row[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bimtek-fuzz-bench-'));
  const backend = createBackend({
    dataDir: dir,
    mode: 'browser',
    version: 'bench',
    settings: memorySettings(),
    log: () => {},
  });
  const host = createHostServer({ backend, rendererDir: null, port: 0 });
  const seed = Number(process.env.FUZZ_SEED ?? Date.now() % 1_000_000);
  const started = Date.now();
  try {
    await seedForFuzz(backend);
    const base = await host.listen();
    const f = await runFuzz({
      base,
      calls,
      seed,
      db: backend.services!.ctx.db,
      settle: () => backend.services!.cropQueue.idle(),
    });
    for (const p of f.problems.slice(0, 10)) console.log(`  problem: ${p}`);
    const secs = ((Date.now() - started) / 1000).toFixed(0);
    const codes = Object.entries(f.byCode)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ');
    return [
      {
        what: `fuzzed calls (seed ${seed}, ${secs} s)`,
        figure: `${f.calls}`,
        budget: `${calls}`,
        ok: f.calls === calls,
      },
      { what: 'answers by code', figure: codes, budget: '—', ok: null },
      { what: 'INTERNAL answers', figure: `${f.internal}`, budget: '0', ok: f.internal === 0 },
      { what: '5xx answers', figure: `${f.status5xx}`, budget: '0', ok: f.status5xx === 0 },
      {
        what: 'requests never answered (crash, reset, hang)',
        figure: `${f.crashes}`,
        budget: '0',
        ok: f.crashes === 0,
      },
      {
        what: 'answers not matching the output schema',
        figure: `${f.invalidAnswers}`,
        budget: '0',
        ok: f.invalidAnswers === 0,
      },
      {
        what: 'refused calls that changed the database',
        figure: `${f.changedByRefused}`,
        budget: '0',
        ok: f.changedByRefused === 0,
      },
    ];
  } finally {
    await host.close();
    backend.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
