import type { Ranked } from '../../../shared/followups';

/** One candidate as the charts draw it, in ranking order. */
export interface ChartItem {
  key: string;
  name: string;
  groupName: string;
  dimension: string;
  total: number;
  impact: number;
  feasibility: number;
  rank: number;
  scorers: number;
  chosen: boolean;
}

/** The charts' items: the ranking joined with the candidates' names and the choices. */
export function chartItems(
  candidates: readonly { key: string; name: string; groupName: string; dimension: string }[],
  ranking: readonly Pick<Ranked, 'key' | 'total' | 'means' | 'scorers' | 'rank'>[],
  chosen: readonly string[],
): ChartItem[] {
  const byKey = new Map(candidates.map((c) => [c.key, c]));
  const picked = new Set(chosen);
  const out: ChartItem[] = [];
  for (const r of ranking) {
    const c = byKey.get(r.key);
    if (!c) continue;
    out.push({
      key: r.key,
      name: c.name,
      groupName: c.groupName,
      dimension: c.dimension,
      total: r.total,
      impact: r.means.impact,
      feasibility: r.means.feasibility,
      rank: r.rank,
      scorers: r.scorers,
      chosen: picked.has(r.key),
    });
  }
  return out;
}
