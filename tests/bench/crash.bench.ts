import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCrashTrials } from '../crash/crash';
import { buildHostBundle } from '../crash/host-process';
import type { Row } from './stats';

/** `npm run bench -- crash`: 100 SIGKILL trials on the browser-mode host (tests/crash/crash.ts). */
export async function benchCrash(trials = 100): Promise<Row[]> {
  const bundle = await buildHostBundle();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bimtek-crash-bench-'));
  const seed = Number(process.env.CRASH_SEED ?? Date.now() % 1_000_000);
  const started = Date.now();
  try {
    const f = await runCrashTrials({ bundle, dataDir: dir, trials, seed });
    for (const p of f.problems.slice(0, 10)) console.log(`  problem: ${p}`);
    const secs = ((Date.now() - started) / 1000).toFixed(0);
    return [
      {
        what: `crash trials (SIGKILL at a random moment, seed ${seed}, ${secs} s)`,
        figure: `${f.trials}`,
        budget: `${trials}`,
        ok: f.trials === trials,
      },
      {
        what: 'acknowledged writes checked after the kills',
        figure: `${f.acknowledged}`,
        budget: '> 0',
        ok: f.acknowledged > 0,
      },
      { what: 'acknowledged writes lost', figure: `${f.lost}`, budget: '0', ok: f.lost === 0 },
      {
        what: 'integrity_check failures',
        figure: `${f.integrityFailures}`,
        budget: '0',
        ok: f.integrityFailures === 0,
      },
      {
        what: 'restarts not ready (stale lock, refused file)',
        figure: `${f.restartFailures}`,
        budget: '0',
        ok: f.restartFailures === 0,
      },
      {
        what: 'writes refused while the host lived',
        figure: `${f.refusedWhileAlive}`,
        budget: '0',
        ok: f.refusedWhileAlive === 0,
      },
    ];
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(path.dirname(bundle), { recursive: true, force: true });
  }
}
