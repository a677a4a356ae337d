import { createHash } from 'node:crypto';
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
 * Node 20 cannot run .ts in a thread, so the worker entry is bundled from source, once per
 * process, into the repository's ignored `.tmp/` — inside the repository so its npm packages
 * resolve from `node_modules` as they do for the real bundles. The file is named by its content:
 * parallel test processes share it, and nothing needs cleaning up when one is killed.
 */
export function jobsWorkerUrl(): URL {
  const here = import.meta.url;
  if (!fileURLToPath(here).endsWith('.ts')) return new URL(`./${WORKER_FILE}`, here);
  if (devBundle) return devBundle;
  const root = fileURLToPath(new URL('../../../', here));
  // Loaded at run time so that no bundle ever includes the bundler.
  const esbuild = createRequire(here)('esbuild') as typeof import('esbuild');
  const built = esbuild.buildSync({
    entryPoints: [path.join(root, 'electron/core/jobs/worker.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
    write: false,
    outfile: 'jobs-worker.mjs',
  });
  const code = built.outputFiles[0].contents;
  const dir = path.join(root, '.tmp', 'jobs-worker');
  const out = path.join(dir, `worker-${createHash('sha256').update(code).digest('hex').slice(0, 16)}.mjs`);
  if (!fs.existsSync(out)) {
    fs.mkdirSync(dir, { recursive: true });
    // Written aside, then renamed: a parallel test process never reads a half-written script.
    const tmp = `${out}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, code);
    fs.renameSync(tmp, out);
  }
  devBundle = pathToFileURL(out);
  return devBundle;
}
