import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const OUTPUTS = [
  'dist/renderer/index.html',
  'dist/electron/main.mjs',
  'dist/electron/preload.cjs',
  'dist/host/serve.mjs',
  'dist/electron/jobs-worker.mjs',
  'dist/host/jobs-worker.mjs',
];
const SOURCES = ['electron', 'renderer', 'shared', 'assets', 'package.json', 'vite.config.ts'];

function newestMtime(p) {
  if (!fs.existsSync(p)) return 0;
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let max = 0;
  for (const e of fs.readdirSync(p)) max = Math.max(max, newestMtime(path.join(p, e)));
  return max;
}

/** Build when an output is missing or older than any source. */
export function ensureBuilt(root) {
  const outs = OUTPUTS.map((o) => path.join(root, o));
  const oldestOut = Math.min(...outs.map((o) => (fs.existsSync(o) ? fs.statSync(o).mtimeMs : 0)));
  const newestSrc = Math.max(...SOURCES.map((s) => newestMtime(path.join(root, s))));
  if (oldestOut > 0 && oldestOut >= newestSrc) return;
  console.log('Building Bimtek Studio…');
  const r = spawnSync(process.execPath, [path.join(root, 'scripts/build.mjs')], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
