/** Percentile of a list of durations (ms), nearest-rank. */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank];
}

export interface Row {
  what: string;
  figure: string;
  budget: string;
  ok: boolean;
}

export function printTable(rows: Row[]): void {
  const w = Math.max(...rows.map((r) => r.what.length));
  for (const r of rows) {
    console.log(`${r.ok ? 'PASS' : 'OVER'}  ${r.what.padEnd(w)}  ${r.figure.padEnd(28)} budget ${r.budget}`);
  }
}

export const ms = (n: number) => `${n.toFixed(2)} ms`;
