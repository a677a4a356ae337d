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
  /** Whether the figure is within its budget; null for a figure printed for information. */
  ok: boolean | null;
}

export function printTable(rows: Row[]): void {
  const w = Math.max(...rows.map((r) => r.what.length));
  for (const r of rows) {
    const verdict = r.ok === null ? 'INFO' : r.ok ? 'PASS' : 'OVER';
    console.log(`${verdict}  ${r.what.padEnd(w)}  ${r.figure.padEnd(28)} budget ${r.budget}`);
  }
}

export const ms = (n: number) => `${n.toFixed(2)} ms`;
