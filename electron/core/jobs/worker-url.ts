import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The worker bundle's file name; the build writes it beside each bundle that runs a pool. */
export const WORKER_FILE = 'jobs-worker.mjs';

let devBundle: URL | null = null;

/**
 * Where the worker script is. A built bundle (Electron main, browser-mode host, bench) has
 * `jobs-worker.mjs` beside it. Running from TypeScript source (vitest) there is no such file and
 * Node 20 cannot run .ts in a thread, so the worker entry is bundled once per process from source
 * into the repository's ignored `.tmp/` — inside the repository so its npm packages resolve from
 * `node_modules`, as they do for the real bundles.
 */
export function jobsWorkerUrl(): URL {
  const here = import.meta.url;
  if (!fileURLToPath(here).endsWith('.ts')) return new URL(`./${WORKER_FILE}`, here);
  if (devBundle) return devBundle;
  const root = fileURLToPath(new URL('../../../', here));
  const out = path.join(root, '.tmp', 'jobs-worker', `worker-${process.pid}.mjs`);
  if (!fs.existsSync(out)) {
    // Loaded at run time so that no bundle ever includes the bundler.
    const esbuild = createRequire(here)('esbuild') as typeof import('esbuild');
    const tmp = `${out}.${Math.random().toString(36).slice(2)}`;
    esbuild.buildSync({
      entryPoints: [path.join(root, 'electron/core/jobs/worker.ts')],
      outfile: tmp,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      packages: 'external',
      logLevel: 'warning',
    });
    // Atomic: test files running in parallel never read a half-written script.
    fs.renameSync(tmp, out);
    process.once('exit', () => fs.rmSync(out, { force: true }));
  }
  devBundle = pathToFileURL(out);
  return devBundle;
}
