// Builds the renderer (Vite) and the main-process bundles (esbuild): Electron main, preload and
// the browser-mode host. `--skip-renderer` builds only the bundles.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildJobsWorker } from './lib/jobs-worker-build.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const skipRenderer = process.argv.includes('--skip-renderer');

if (!skipRenderer) {
  const r = spawnSync(
    process.execPath,
    [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
  if (r.status !== 0) process.exit(r.status ?? 1);
}

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: 'linked',
  logLevel: 'warning',
  absWorkingDir: root,
};

await Promise.all([
  // Main process: ESM (electron-store is ESM only); npm packages stay in node_modules.
  build({
    ...common,
    entryPoints: ['electron/main.ts'],
    outfile: 'dist/electron/main.mjs',
    format: 'esm',
    packages: 'external',
  }),
  // Preload: a sandboxed preload must be one CommonJS file that requires nothing but 'electron'.
  build({
    ...common,
    entryPoints: ['electron/preload.ts'],
    outfile: 'dist/electron/preload.cjs',
    format: 'cjs',
    platform: 'browser',
    external: ['electron'],
  }),
  // Browser-mode host.
  build({
    ...common,
    entryPoints: ['electron/host/cli.ts'],
    outfile: 'dist/host/serve.mjs',
    format: 'esm',
    packages: 'external',
  }),
  // The job worker (documents, import files): each bundle that runs a job pool finds it beside
  // itself, so the Electron app and browser mode run and measure the same worker.
  ...['dist/electron', 'dist/host'].map((dir) => buildJobsWorker(root, dir, { sourcemap: 'linked' })),
]);
console.log(
  'build: dist/renderer, dist/electron/{main.mjs,preload.cjs,jobs-worker.mjs}, dist/host/{serve.mjs,jobs-worker.mjs}',
);
