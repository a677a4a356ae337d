// `npm start`: build if needed, launch Electron. Where the Electron binary cannot run (it cannot be
// downloaded on some machines), say so in one line and start browser mode instead.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findElectronBinary } from './lib/electron-binary.mjs';
import { ensureBuilt } from './lib/ensure-built.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
ensureBuilt(root);

const { bin, reason } = findElectronBinary(root, { download: true });
const args = process.argv.slice(2);
if (bin) {
  const child = spawn(bin, [root, ...args], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  console.log(`Electron cannot run on this machine (${reason}); starting browser mode instead.`);
  const child = spawn(process.execPath, [path.join(root, 'dist/host/serve.mjs'), ...args], { stdio: 'inherit' });
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
  child.on('exit', (code) => process.exit(code ?? 0));
}
