import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/**
 * The Electron binary's path, or null with the reason. Never downloads unless `download` is set
 * (the electron package downloads its binary on first use since v42).
 */
export function findElectronBinary(root, { download = false } = {}) {
  const pkgDir = path.join(root, 'node_modules', 'electron');
  const pathFile = path.join(pkgDir, 'path.txt');
  const resolve = () => {
    if (!fs.existsSync(pathFile)) return null;
    const bin = path.join(pkgDir, 'dist', fs.readFileSync(pathFile, 'utf8').trim());
    return fs.existsSync(bin) ? bin : null;
  };
  let bin = resolve();
  if (!bin && download && fs.existsSync(path.join(pkgDir, 'install.js'))) {
    spawnSync(process.execPath, [path.join(pkgDir, 'install.js')], { stdio: 'ignore', timeout: 120_000 });
    bin = resolve();
  }
  if (!bin)
    return { bin: null, reason: 'the Electron binary is not installed (it could not be downloaded on this machine)' };
  const probe = spawnSync(bin, ['--version'], { encoding: 'utf8', timeout: 20_000 });
  if (probe.status !== 0) {
    return {
      bin: null,
      reason: `the Electron binary does not run here: ${(probe.stderr || probe.error?.message || '').trim().split('\n')[0]}`,
    };
  }
  return { bin, reason: null };
}
