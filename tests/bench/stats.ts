/** Percentile of a list of durations (ms), nearest-rank. */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank];
}

export const median = (values: number[]) => percentile(values, 50);

export interface Row {
  what: string;
  figure: string;
  budget: string;
  /** Whether the figure is within its budget; null for a figure printed for information. */
  ok: boolean | null;
}

/** Every figure beside its budget, OK or OVER (INFO for context without a budget), then a verdict. */
export function printTable(rows: Row[]): void {
  const w = Math.max(...rows.map((r) => r.what.length));
  const f = Math.max(28, ...rows.map((r) => r.figure.length));
  for (const r of rows) {
    const verdict = r.ok === null ? 'INFO' : r.ok ? 'OK  ' : 'OVER';
    console.log(`${verdict}  ${r.what.padEnd(w)}  ${r.figure.padEnd(f)}  budget ${r.budget}`);
  }
  const judged = rows.filter((r) => r.ok !== null);
  const over = judged.filter((r) => !r.ok);
  console.log(
    over.length === 0
      ? `VERDICT: OK — all ${judged.length} budgeted figures within budget`
      : `VERDICT: OVER — ${over.length} of ${judged.length} budgeted figures over budget: ${over.map((r) => r.what).join('; ')}`,
  );
}

export const ms = (n: number) => `${n.toFixed(2)} ms`;
export const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(2)} MB`;

/** A latency figure: p50, p99 and max beside a p99 budget; OK only when every sample was taken. */
export function latencyRow(what: string, lat: number[], expected: number, budgetMs: number): Row {
  const p99 = percentile(lat, 99);
  return {
    what,
    figure: `p50 ${ms(percentile(lat, 50))}, p99 ${ms(p99)}, max ${ms(Math.max(...lat))}`,
    budget: `p99 ≤ ${budgetMs} ms`,
    ok: lat.length === expected && p99 <= budgetMs,
  };
}

/** A figure that could not be taken, and why (a failed budget, never a silent gap). */
export function notMeasured(what: string, reason: unknown, budgetMs: number): Row {
  const text = reason instanceof Error ? reason.message.split('\n')[0] : String(reason);
  return { what, figure: `not measured: ${text}`, budget: `p99 ≤ ${budgetMs} ms`, ok: false };
}
