// `npm run bench`: bundles the benchmark (tests/bench) with esbuild and runs it under Node.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureBuilt } from './lib/ensure-built.mjs';
import { buildJobsWorker } from './lib/jobs-worker-build.mjs';
import { ensureSystemPackages, PANDOC } from './lib/ensure-system.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// The search figure is taken in the built app (browser mode), so build it first when needed.
ensureBuilt(root);
// The minutes are timed against pandoc converting the same text.
ensureSystemPackages([PANDOC]);
const out = path.join(root, '.bench', 'bench.mjs');
const common = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  logLevel: 'warning',
};
await Promise.all([
  build({ ...common, entryPoints: [path.join(root, 'tests/bench/main.ts')], outfile: out }),
  // The browser-mode host in its own process, watched by the bench (tests/bench/http.bench.ts).
  build({
    ...common,
    entryPoints: [path.join(root, 'tests/bench/host-child.ts')],
    outfile: path.join(root, '.bench', 'host-child.mjs'),
  }),
  // The job pool finds its worker beside the bundle that runs it, as in dist/.
  buildJobsWorker(root, '.bench'),
]);
const r = spawnSync(process.execPath, [out, ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
process.exit(r.status ?? 1);
