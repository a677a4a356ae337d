import { useId } from 'react';
import { DIMENSIONS } from '../../../shared/dimensions';
import type { Language } from '../../../shared/languages';
import { useLanguage, useT } from '../../i18n';
import { chartItems, type ChartItem } from './chart-items';
import './charts.css';

export { chartItems, type ChartItem };

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
  screen: { width: 500, font: 14, bar: 14, gap: 10, value: 52 },
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
  const chars = Math.floor(g.width / (g.font * GLYPH));
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
  screen: { width: 560, height: 440, font: 13, dot: 11, left: 44, bottom: 38, top: 10, right: 8 },
  projector: { width: 600, height: 520, font: 22, dot: 17, left: 60, bottom: 52, top: 14, right: 8 },
} as const;

/**
 * Impact (up) against feasibility (right), each a mean on the 1–5 scale, split at 3 into four
 * quadrants: top right "Quick win", top left major projects, bottom right fill-ins, bottom left
 * postpone. Every scored proposal is a dot with its rank inside and its name beside it where
 * there is room (see `placeLabels`). Unscored proposals, and those past `limit`, are counted under
 * the chart.
 */
export function ImpactFeasibilityMatrix({
  items,
  variant = 'screen',
  limit,
  table = true,
}: {
  items: ChartItem[];
  variant?: Variant;
  /** Plot the first `limit` scored proposals only (the projector shows the top of the ranking). */
  limit?: number;
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
  const scoredAll = items.filter((i) => i.scorers > 0);
  const scored = limit === undefined ? scoredAll : scoredAll.slice(0, limit);
  const unscored = items.length - scoredAll.length;
  const beyond = scoredAll.length - scored.length;
  const q = (k: 'quickWin' | 'strategic' | 'fillIn' | 'later') => t(`quickwins.quadrants.${k}`);
  const plot = { left: g.left, top: g.top, right: g.left + plotW, bottom: g.top + plotH };
  const cornerW = (text: string) => text.length * g.font * GLYPH + 8;
  const corners: Box[] = [
    { x0: plot.left, y0: plot.top, x1: plot.left + cornerW(q('strategic')), y1: plot.top + g.font + 8 },
    { x0: plot.right - cornerW(q('quickWin')), y0: plot.top, x1: plot.right, y1: plot.top + g.font + 8 },
    { x0: plot.left, y0: plot.bottom - g.font - 8, x1: plot.left + cornerW(q('later')), y1: plot.bottom },
    { x0: plot.right - cornerW(q('fillIn')), y0: plot.bottom - g.font - 8, x1: plot.right, y1: plot.bottom },
  ];
  // Dots on (nearly) the same spot are moved apart just enough that every rank can be read.
  const at = spreadDots(
    scored.map((it) => ({ cx: x(it.feasibility), cy: y(it.impact) })),
    g.dot,
    plot,
  );
  const dots = scored.map((it, i) => ({ it, cx: at[i].cx, cy: at[i].cy }));
  const labels = placeLabels(
    dots.map((d) => ({ cx: d.cx, cy: d.cy, text: d.it.name, tag: `${d.it.rank}.` })),
    { plot, font: g.font, dot: g.dot, avoid: corners },
  );
  const mid = { x: x(3), y: y(3) };
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
        {dots.map(({ it, cx, cy }) => (
          <circle key={it.key} className={`qw-dot__mark${it.chosen ? ' is-chosen' : ''}`} cx={cx} cy={cy} r={g.dot} />
        ))}
        {dots.map(({ it, cx, cy }, i) => (
          <g
            key={it.key}
            className={`qw-dot${it.chosen ? ' is-chosen' : ''}`}
            data-key={it.key}
            data-impact={it.impact.toFixed(3)}
            data-feasibility={it.feasibility.toFixed(3)}
          >
            <title>{`${it.rank}. ${it.name} — ${t('quickwins.axisImpact')} ${formatScore(it.impact, lang)}, ${t('quickwins.axisFeasibility')} ${formatScore(it.feasibility, lang)}`}</title>
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
            {labels[i] && (
              <text
                className="qw-dot__label"
                x={labels[i].x}
                y={labels[i].y}
                fontSize={g.font}
                textAnchor={labels[i].anchor}
                dominantBaseline="central"
              >
                {labels[i].text}
              </text>
            )}
          </g>
        ))}
      </svg>
      {unscored > 0 && (
        <figcaption className="qw-chart__more">{t('quickwins.notPlotted', { count: unscored })}</figcaption>
      )}
      {beyond > 0 && (
        <figcaption className="qw-chart__more">{t('quickwins.moreCandidates', { count: beyond })}</figcaption>
      )}
      {table && <DataTable items={items} />}
    </figure>
  );
}

/**
 * Dots closer than their diameter pushed apart, a little at a time, until none covers another
 * (or enough rounds have passed), kept inside the plot. Dots far apart do not move; the exact
 * means stay in each dot's title and in the table.
 */
export function spreadDots(
  dots: readonly { cx: number; cy: number }[],
  r: number,
  plot: { left: number; top: number; right: number; bottom: number },
): { cx: number; cy: number }[] {
  const at = dots.map((d) => ({ ...d }));
  const min = 2 * r + 1;
  for (let round = 0; round < 60; round++) {
    let moved = false;
    for (let i = 0; i < at.length; i++)
      for (let j = i + 1; j < at.length; j++) {
        let dx = at[j].cx - at[i].cx;
        let dy = at[j].cy - at[i].cy;
        const dist = Math.hypot(dx, dy);
        if (dist >= min) continue;
        if (dist < 1e-6) {
          // The same spot: apart along a direction that differs per pair, the same on every render.
          const angle = ((i * 7 + j * 13) % 16) * (Math.PI / 8);
          dx = Math.cos(angle);
          dy = Math.sin(angle);
        } else {
          dx /= dist;
          dy /= dist;
        }
        const push = (min - dist) / 2;
        at[i].cx -= dx * push;
        at[i].cy -= dy * push;
        at[j].cx += dx * push;
        at[j].cy += dy * push;
        moved = true;
      }
    for (const d of at) {
      d.cx = Math.min(plot.right - r, Math.max(plot.left + r, d.cx));
      d.cy = Math.min(plot.bottom - r, Math.max(plot.top + r, d.cy));
    }
    if (!moved) break;
  }
  return at;
}

/** Average advance of a glyph, as a share of the font size (labels are measured before they are drawn). */
const GLYPH = 0.58;

interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}
const overlaps = (a: Box, b: Box) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

export interface PlacedLabel {
  x: number;
  y: number;
  anchor: 'start' | 'end';
  text: string;
}

/**
 * Where each dot's label goes: beside it on the right or the left, or a line above or below,
 * whichever first overlaps no other dot, no label already placed and nothing in `avoid` (the
 * quadrant names), clipped to the room left before the plot's edge. Dots are placed in the order
 * given (the ranking), so the best keep their labels closest. When nothing is free (a crowd of
 * dots) a dot gets no name: its rank in the circle says which it is, and the bar chart and the
 * table beside it name every rank.
 */
export function placeLabels(
  dots: readonly { cx: number; cy: number; text: string; tag?: string }[],
  opts: {
    plot: { left: number; top: number; right: number; bottom: number };
    font: number;
    dot: number;
    avoid?: readonly Box[];
  },
): (PlacedLabel | null)[] {
  const { plot, font, dot } = opts;
  const gap = 4;
  const taken: Box[] = [
    ...(opts.avoid ?? []),
    ...dots.map((d) => ({ x0: d.cx - dot, y0: d.cy - dot, x1: d.cx + dot, y1: d.cy + dot })),
  ];
  const own = (i: number) => (opts.avoid?.length ?? 0) + i;
  const line = font * 1.15;
  const offsets = [0, line, -line, 2 * line, -2 * line, 3 * line, -3 * line];
  return dots.map((d, i) => {
    const room = { start: plot.right - (d.cx + dot + gap), end: d.cx - dot - gap - plot.left };
    // Beside its dot a label is the name; a line above or below, it names the rank too.
    const fit = (side: 'start' | 'end', whole: boolean, beside: boolean) => {
      const full = beside || !d.tag ? d.text : `${d.tag} ${d.text}`;
      const chars = Math.floor(room[side] / (font * GLYPH));
      if (whole) return chars >= full.length ? full : null;
      return chars >= Math.min(8, full.length) ? clip(full, chars) : null;
    };
    const boxOf = (side: 'start' | 'end', text: string, y: number): Box => {
      const w = text.length * font * GLYPH;
      const x0 = side === 'start' ? d.cx + dot + gap : d.cx - dot - gap - w;
      return { x0, y0: y - font / 2, x1: x0 + w, y1: y + font / 2 };
    };
    // The whole name anywhere near first; a shortened one only when no spot has room for it.
    for (const whole of [true, false])
      for (const dy of offsets) {
        const y = d.cy + dy;
        if (y - font / 2 < plot.top || y + font / 2 > plot.bottom) continue;
        for (const side of ['start', 'end'] as const) {
          const text = fit(side, whole, dy === 0);
          if (!text) continue;
          const box = boxOf(side, text, y);
          if (taken.some((b, k) => k !== own(i) && overlaps(b, box))) continue;
          taken.push(box);
          return { x: side === 'start' ? d.cx + dot + gap : d.cx - dot - gap, y, anchor: side, text };
        }
      }
    return null;
  });
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
