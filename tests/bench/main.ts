import fs from 'node:fs';
import { benchAttendance } from './attendance.bench';
import { benchWorkshopEdits } from './core.bench';
import { benchSearch } from './search.bench';
import { printTable, type Row } from './stats';

/** `npm run bench`: prints the figures DESIGN.md budgets; exits 0 (the figures are the output). */
async function main() {
  console.log(
    `Bimtek Studio benchmark — ${new Date().toISOString()} — node ${process.version}, ${(await import('node:os')).cpus().length} cores`,
  );
  const rows: Row[] = [];
  rows.push(...(await benchWorkshopEdits()));
  const attendance = await benchAttendance();
  rows.push(...attendance.rows);
  fs.rmSync(attendance.seeded.dir, { recursive: true, force: true });
  rows.push(...(await benchSearch(process.cwd())));
  printTable(rows);
}

void main();
