import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { benchAttendance } from './attendance.bench';
import { benchCrash } from './crash.bench';
import { benchFuzz } from './fuzz.bench';
import { benchGroups } from './groups.bench';
import { benchWorkshopEdits } from './core.bench';
import { benchHttp } from './http.bench';
import { benchMinutes } from './minutes.bench';
import { benchProjector } from './projector.bench';
import { benchQuickWins } from './quickwins.bench';
import { benchSearch } from './search.bench';
import { padSignatures, PAD_HEIGHT, PAD_WIDTH } from './signatures';
import { printTable, type Row } from './stats';

/** Runs per DOCX figure (the first is printed beside the median). */
const DOC_RUNS = 5;
/** 300 people on the exported day, and 220 more who check in while it is exported. */
const SIGNATURES = 520;

/**
 * `npm run bench`: prints the figures DESIGN.md budgets; exits 0 (the figures are the output).
 * `npm run bench -- crash` runs only the crash proof (100 trials), `npm run bench -- fuzz` only the
 * boundary fuzzing (10,000 calls); `npm run bench -- projector search` only the sections named.
 */
async function main() {
  const only = process.argv[2];
  if (only === 'crash') {
    console.log(`Bimtek Studio crash proof — ${new Date().toISOString()} — node ${process.version}`);
    printTable(await benchCrash());
    return;
  }
  if (only === 'fuzz') {
    console.log(`Bimtek Studio boundary fuzzing — ${new Date().toISOString()} — node ${process.version}`);
    printTable(await benchFuzz());
    return;
  }
  console.log(
    `Bimtek Studio benchmark — ${new Date().toISOString()} — node ${process.version}, ${os.availableParallelism()} cores`,
  );
  const loadAtStart = os.loadavg()[0].toFixed(2);
  // Drawn once, when the first section that signs needs them.
  let drawn: string[] | null = null;
  const signatures = (): string[] => {
    if (drawn) return drawn;
    const s = performance.now();
    drawn = padSignatures(SIGNATURES);
    const avg = drawn.reduce((n, b) => n + Buffer.byteLength(b, 'base64'), 0) / drawn.length;
    console.log(
      `${SIGNATURES} distinct pad signatures (${PAD_WIDTH}×${PAD_HEIGHT} PNG, ${(avg / 1024).toFixed(1)} KB average) drawn in ${((performance.now() - s) / 1000).toFixed(1)} s`,
    );
    return drawn;
  };
  const rows: Row[] = [];
  // `npm run bench -- projector search` runs only the sections named; no name runs them all.
  const sections: Record<string, () => Promise<Row[]>> = {
    core: () => benchWorkshopEdits(),
    attendance: () => benchAttendance(signatures(), DOC_RUNS),
    http: () => benchHttp(signatures(), DOC_RUNS),
    search: () => benchSearch(process.cwd()),
    projector: () => benchProjector(process.cwd()),
    groups: () => benchGroups(process.cwd()),
    quickwins: () => benchQuickWins(process.cwd()),
    minutes: () => benchMinutes(signatures()),
  };
  const names = process.argv.slice(2);
  const unknown = names.filter((a) => !(a in sections));
  if (unknown.length > 0) {
    throw new Error(
      `unknown bench "${unknown.join('", "')}" (known: crash, fuzz, ${Object.keys(sections).join(', ')})`,
    );
  }
  const chosen = names;
  for (const [name, run] of Object.entries(sections)) {
    if (chosen.length === 0 || chosen.includes(name)) rows.push(...(await run()));
  }
  // Every figure is wall-clock time: on a machine shared with other work, the scheduler's delays
  // count too. The load average says how much of that there was.
  const load = os.loadavg().map((l) => l.toFixed(2));
  rows.push({
    what: 'machine load average (1, 5, 15 min) at the end, for reading the figures above',
    figure: `${load.join(', ')} on ${os.availableParallelism()} cores (started at ${loadAtStart})`,
    budget: '— (figures taken under a load above the core count are inflated)',
    ok: null,
  });
  printTable(rows);
}

void main();
