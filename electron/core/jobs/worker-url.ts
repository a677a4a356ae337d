import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The worker bundle's file name; the build writes it beside each bundle that runs a pool. */
export const WORKER_FILE = 'jobs-worker.mjs';
export const WORKER_ENTRY = 'electron/core/jobs/worker.ts';

/** How the worker is bundled: the same settings file as scripts/build.mjs and scripts/bench.mjs. */
const WORKER_BUILD_SETTINGS = '../../../scripts/lib/jobs-worker-build.json';

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
  const settings = JSON.parse(fs.readFileSync(new URL(WORKER_BUILD_SETTINGS, here), 'utf8')) as object;
  const built = esbuild.buildSync({
    ...settings,
    entryPoints: { [WORKER_FILE.replace(/\.mjs$/, '')]: path.join(root, WORKER_ENTRY) },
    outdir: path.join(root, '.tmp', 'jobs-worker', 'out'),
    write: false,
  });
  const hash = createHash('sha256');
  for (const f of built.outputFiles) hash.update(f.path).update(f.contents);
  const dir = path.join(root, '.tmp', 'jobs-worker', hash.digest('hex').slice(0, 16));
  const out = path.join(dir, WORKER_FILE);
  if (!fs.existsSync(out)) {
    // Written aside, then renamed: a parallel test process never reads a half-written script.
    const tmp = `${dir}.${process.pid}.tmp`;
    for (const f of built.outputFiles) {
      const target = path.join(tmp, path.relative(path.join(root, '.tmp', 'jobs-worker', 'out'), f.path));
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.writeFileSync(target, f.contents);
    }
    try {
      fs.renameSync(tmp, dir);
    } catch {
      // Another process renamed the same content first.
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  }
  devBundle = pathToFileURL(out);
  return devBundle;
}
