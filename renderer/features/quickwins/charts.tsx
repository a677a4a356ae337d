import { useId } from 'react';
import { DIMENSIONS } from '../../../shared/dimensions';
import type { Ranked } from '../../../shared/followups';
import type { Language } from '../../../shared/languages';
import { useLanguage, useT } from '../../i18n';
import './charts.css';

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

/** A score on the 1–5 scale as the language writes it: "4,25" or "4.25". */
export function formatScore(n: number, lang: Language): string {
  return n.toLocaleString(lang === 'id' ? 'id-ID' : 'en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

/** A dimension id as people read it ("Smart Governance"); an unknown one as it was written. */
export function dimensionName(id: string, lang: Language): string {
  const d = DIMENSIONS.find((x) => x.id === id);
  return d ? d.name[lang] : id;
}

/** Cut a label to about the room it has (SVG text does not wrap), the full text stays in its title. */
function clip(text: string, chars: number): string {
  return text.length <= chars ? text : `${text.slice(0, Math.max(1, chars - 1)).trimEnd()}…`;
}

type Variant = 'screen' | 'projector';

const BAR_GEOMETRY = {
  screen: { width: 560, font: 14, bar: 14, gap: 10, value: 52 },
  projector: { width: 600, font: 26, bar: 22, gap: 12, value: 84 },
} as const;

/**
 * Totals as horizontal bars, highest first, on the 1–5 scale (0 for a proposal nobody scored):
 * each proposal's name above its bar, its score at the bar's end, a chosen one filled in the
 * accent colour and marked ✓. Every bar carries its total in `data-total` (tests and the bench
 * watch it change).
 */
export function TotalsChart({
  items,
  variant = 'screen',
  limit,
  table = true,
}: {
  items: ChartItem[];
  variant?: Variant;
  /** Show the first `limit` only (the projector); the rest are counted below. */
  limit?: number;
  /** A data table for screen readers beside the picture (off where a visible table says the same). */
  table?: boolean;
}) {
  const t = useT();
  const lang = useLanguage((s) => s.language);
  const id = useId();
  const g = BAR_GEOMETRY[variant];
  const shown = limit ? items.slice(0, limit) : items;
  const row = g.font * 1.25 + g.bar + g.gap;
  const height = Math.max(row, shown.length * row);
  const track = g.width - g.value;
  const chars = Math.floor(g.width / (g.font * 0.55));
  return (
    <figure className={`qw-chart qw-chart--${variant}`} data-testid="qw-bars">
      <svg
        className="qw-bars"
        viewBox={`0 0 ${g.width} ${height}`}
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        preserveAspectRatio="xMinYMin meet"
      >
        <title id={`${id}-title`}>{t('quickwins.chartTotals')}</title>
        <desc id={`${id}-desc`}>{t('quickwins.chartTotalsDesc')}</desc>
        {shown.map((it, i) => {
          const y = i * row;
          const w = Math.max(it.total > 0 ? 2 : 0, (track * it.total) / 5);
          return (
            <g
              key={it.key}
              className={`qw-bar${it.chosen ? ' is-chosen' : ''}`}
              data-key={it.key}
              data-rank={it.rank}
              transform={`translate(0 ${y})`}
            >
              <title>{`${it.rank}. ${it.name} (${it.groupName}) — ${formatScore(it.total, lang)}`}</title>
              <text className="qw-bar__label" x={0} y={g.font} fontSize={g.font}>
                {clip(`${it.rank}. ${it.chosen ? '✓ ' : ''}${it.name}`, chars)}
              </text>
              <rect className="qw-bar__track" x={0} y={g.font * 1.25} width={track} height={g.bar} rx={g.bar / 4} />
              <rect
                className="qw-bar__fill"
                x={0}
                y={g.font * 1.25}
                width={w}
                height={g.bar}
                rx={g.bar / 4}
                data-total={it.total.toFixed(3)}
              />
              <text
                className="qw-bar__value"
                x={g.width}
                y={g.font * 1.25 + g.bar * 0.5}
                fontSize={g.font}
                textAnchor="end"
                dominantBaseline="central"
              >
                {it.scorers > 0 ? formatScore(it.total, lang) : '–'}
              </text>
            </g>
          );
        })}
      </svg>
      {limit !== undefined && items.length > limit && (
        <figcaption className="qw-chart__more">
          {t('quickwins.moreCandidates', { count: items.length - limit })}
        </figcaption>
      )}
      {table && <DataTable items={items} />}
    </figure>
  );
}

const MATRIX_GEOMETRY = {
  screen: { width: 560, height: 440, font: 13, dot: 11, left: 44, bottom: 38, top: 8, right: 8 },
  projector: { width: 600, height: 520, font: 22, dot: 17, left: 60, bottom: 52, top: 8, right: 8 },
} as const;

/**
 * Impact (up) against feasibility (right), each a mean on the 1–5 scale, split at 3 into four
 * quadrants: top right "Quick win", top left major projects, bottom right fill-ins, bottom left
 * postpone. Every scored proposal is a dot with its rank inside and its name beside it; dots on
 * the same spot stack their labels. Unscored proposals are counted under the chart.
 */
export function ImpactFeasibilityMatrix({
  items,
  variant = 'screen',
  table = true,
}: {
  items: ChartItem[];
  variant?: Variant;
  table?: boolean;
}) {
  const t = useT();
  const lang = useLanguage((s) => s.language);
  const id = useId();
  const g = MATRIX_GEOMETRY[variant];
  const plotW = g.width - g.left - g.right;
  const plotH = g.height - g.top - g.bottom;
  const x = (v: number) => g.left + ((v - 1) / 4) * plotW;
  const y = (v: number) => g.top + (1 - (v - 1) / 4) * plotH;
  const scored = items.filter((i) => i.scorers > 0);
  const unscored = items.length - scored.length;
  // Labels of dots at (nearly) the same spot go one under the other instead of on top.
  const seen = new Map<string, number>();
  const dots = scored.map((it) => {
    const spot = `${Math.round(it.feasibility * 10)}:${Math.round(it.impact * 10)}`;
    const n = seen.get(spot) ?? 0;
    seen.set(spot, n + 1);
    const cx = x(it.feasibility);
    const cy = y(it.impact);
    const right = cx < g.left + plotW * 0.62;
    return { it, cx, cy, n, right };
  });
  const chars = Math.floor((plotW * 0.38) / (g.font * 0.55));
  const mid = { x: x(3), y: y(3) };
  const q = (k: 'quickWin' | 'strategic' | 'fillIn' | 'later') => t(`quickwins.quadrants.${k}`);
  return (
    <figure className={`qw-chart qw-chart--${variant}`} data-testid="qw-matrix">
      <svg
        className="qw-matrix"
        viewBox={`0 0 ${g.width} ${g.height}`}
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        preserveAspectRatio="xMinYMin meet"
      >
        <title id={`${id}-title`}>{t('quickwins.chartMatrix')}</title>
        <desc id={`${id}-desc`}>{t('quickwins.chartMatrixDesc')}</desc>
        <rect className="qw-matrix__plot" x={g.left} y={g.top} width={plotW} height={plotH} />
        <rect className="qw-matrix__win" x={mid.x} y={g.top} width={g.left + plotW - mid.x} height={mid.y - g.top} />
        <line className="qw-matrix__split" x1={mid.x} x2={mid.x} y1={g.top} y2={g.top + plotH} />
        <line className="qw-matrix__split" x1={g.left} x2={g.left + plotW} y1={mid.y} y2={mid.y} />
        <g className="qw-matrix__quadrants" fontSize={g.font}>
          <text x={g.left + plotW - 6} y={g.top + g.font + 4} textAnchor="end" className="is-win">
            {q('quickWin')}
          </text>
          <text x={g.left + 6} y={g.top + g.font + 4}>
            {q('strategic')}
          </text>
          <text x={g.left + plotW - 6} y={g.top + plotH - 6} textAnchor="end">
            {q('fillIn')}
          </text>
          <text x={g.left + 6} y={g.top + plotH - 6}>
            {q('later')}
          </text>
        </g>
        <g className="qw-matrix__ticks" fontSize={g.font}>
          {[1, 2, 3, 4, 5].map((v) => (
            <g key={v}>
              <text x={x(v)} y={g.top + plotH + g.font + 4} textAnchor="middle">
                {v}
              </text>
              <text x={g.left - 6} y={y(v)} textAnchor="end" dominantBaseline="central">
                {v}
              </text>
            </g>
          ))}
          <text className="qw-matrix__axis" x={g.left + plotW / 2} y={g.height - 4} textAnchor="middle">
            {t('quickwins.axisFeasibility')} →
          </text>
          <text
            className="qw-matrix__axis"
            transform={`translate(${g.font} ${g.top + plotH / 2}) rotate(-90)`}
            textAnchor="middle"
            dominantBaseline="central"
          >
            {t('quickwins.axisImpact')} →
          </text>
        </g>
        {dots.map(({ it, cx, cy, n, right }) => (
          <g
            key={it.key}
            className={`qw-dot${it.chosen ? ' is-chosen' : ''}`}
            data-key={it.key}
            data-impact={it.impact.toFixed(3)}
            data-feasibility={it.feasibility.toFixed(3)}
          >
            <title>{`${it.rank}. ${it.name} — ${t('quickwins.axisImpact')} ${formatScore(it.impact, lang)}, ${t('quickwins.axisFeasibility')} ${formatScore(it.feasibility, lang)}`}</title>
            {n === 0 && (
              <>
                <circle className="qw-dot__mark" cx={cx} cy={cy} r={g.dot} />
                <text
                  className="qw-dot__rank"
                  x={cx}
                  y={cy}
                  fontSize={g.font * 0.9}
                  textAnchor="middle"
                  dominantBaseline="central"
                >
                  {it.rank}
                </text>
              </>
            )}
            <text
              className="qw-dot__label"
              x={right ? cx + g.dot + 4 : cx - g.dot - 4}
              y={cy + n * (g.font + 2)}
              fontSize={g.font}
              textAnchor={right ? 'start' : 'end'}
              dominantBaseline="central"
            >
              {clip(n === 0 ? it.name : `${it.rank}. ${it.name}`, chars)}
            </text>
          </g>
        ))}
      </svg>
      {unscored > 0 && (
        <figcaption className="qw-chart__more">{t('quickwins.notPlotted', { count: unscored })}</figcaption>
      )}
      {table && <DataTable items={items} />}
    </figure>
  );
}

/** What the charts show, as a table for screen readers. */
function DataTable({ items }: { items: ChartItem[] }) {
  const t = useT();
  const lang = useLanguage((s) => s.language);
  return (
    <table className="visually-hidden">
      <thead>
        <tr>
          <th scope="col">{t('quickwins.rank')}</th>
          <th scope="col">{t('quickwins.name')}</th>
          <th scope="col">{t('quickwins.group')}</th>
          <th scope="col">{t('quickwins.dimension')}</th>
          <th scope="col">{t('quickwins.total')}</th>
          <th scope="col">{t('quickwins.axisImpact')}</th>
          <th scope="col">{t('quickwins.axisFeasibility')}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((it) => (
          <tr key={it.key}>
            <td>{it.rank}</td>
            <td>
              {it.name}
              {it.chosen ? ` (${t('quickwins.chosenMark')})` : ''}
            </td>
            <td>{it.groupName}</td>
            <td>{it.dimension ? dimensionName(it.dimension, lang) : t('quickwins.noDimension')}</td>
            <td>{it.scorers > 0 ? formatScore(it.total, lang) : t('quickwins.notScored')}</td>
            <td>{it.scorers > 0 ? formatScore(it.impact, lang) : '–'}</td>
            <td>{it.scorers > 0 ? formatScore(it.feasibility, lang) : '–'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
