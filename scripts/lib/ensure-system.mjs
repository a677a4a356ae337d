import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

/** Debian packages the test suite needs: a browser for Playwright, fonts, LibreOffice and poppler. */
const NEEDED = [
  { file: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', pkg: 'chromium' },
  { file: '/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf', pkg: 'fonts-liberation' },
  // The daftar hadir is also checked as LibreOffice lays it out (that test skips without them).
  { file: '/usr/bin/soffice', pkg: 'libreoffice-writer-nogui' },
  { file: '/usr/bin/pdftotext', pkg: 'poppler-utils' },
];

/** pandoc: the peer the benchmark times the minutes against (`npm run bench` only). */
export const PANDOC = { file: '/usr/bin/pandoc', pkg: 'pandoc' };

/**
 * Find or install what `npm test` needs (and `extra`, e.g. `PANDOC` for the benchmark). Installs with apt-get when running as root on Debian
 * (as on CI and our machines); elsewhere says what to install and carries on.
 */
export function ensureSystemPackages(extra = []) {
  const missing = [...NEEDED, ...extra].filter((n) => !fs.existsSync(n.file)).map((n) => n.pkg);
  if (missing.length === 0) return;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const hasApt = fs.existsSync('/usr/bin/apt-get');
  if (!isRoot || !hasApt) {
    console.warn(
      `Missing system packages: ${missing.join(' ')} — install them (e.g. sudo apt-get install ${missing.join(' ')}).`,
    );
    return;
  }
  console.log(`Installing ${missing.join(' ')} with apt-get…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  const r = spawnSync('apt-get', ['install', '-y', '-qq', ...missing], { stdio: 'inherit', env });
  if (r.status !== 0) console.warn(`apt-get install ${missing.join(' ')} failed (exit ${r.status}).`);
}
