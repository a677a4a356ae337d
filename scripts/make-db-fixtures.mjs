// Builds tests/fixtures/db/schema-v<N>.sqlite, one real database file per released schema, with the
// migrations of that release and realistic rows. Run it once when a migration ships (after adding
// the new version to FIXTURE_VERSIONS); never regenerate the files of earlier releases.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, '.tmp', 'make-db-fixtures.mjs');
await build({
  entryPoints: [path.join(root, 'tests/fixtures/db/main.ts')],
  outfile: out,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  logLevel: 'warning',
});
const dir = process.argv[2] ?? path.join(root, 'tests/fixtures/db');
const r = spawnSync(process.execPath, [out, dir], { cwd: root, stdio: 'inherit' });
process.exit(r.status ?? 1);
