import { sharp } from './sharp';

/**
 * The quick-win ranking as a picture for the minutes' Lampiran IV: horizontal bars, highest first,
 * on the 0–5 scale, drawn as SVG (text, no script, no external reference) and rasterized by sharp
 * (librsvg) into a PNG the DOCX embeds. Print-friendly: dark bars on white, grey gridlines, one
 * accent for the top rank; nothing depends on telling colours apart, so it reads the same in
 * black-and-white print.
 *
 * The document is Indonesian, so are the few words the chart writes itself.
 */

export interface QuickWinChartRow {
  rank: number;
  name: string;
  /** The group (dimension) that proposed it. */
  group: string;
  /** The score on the 0–5 scale. */
  total: number;
}

export interface QuickWinChartOptions {
  /** Width in SVG units (px at 72 dpi); the default fits ~16 cm of text width at a readable size. */
  width?: number;
  /** A heading drawn above the bars. */
  title?: string;
}

/** Bars drawn at most; the rest are counted in one line below. */
export const CHART_MAX_BARS = 15;
export const CHART_DEFAULT_WIDTH = 800;
const FONT_FAMILY = "'Liberation Sans', Arial, sans-serif";

const TEXT = {
  empty: 'Belum ada skor',
  more: (n: number) => `dan ${n} usulan lainnya`,
  axis: 'Skor (skala 0–5)',
} as const;

const COLOUR = {
  text: '#000000',
  muted: '#595959',
  bar: '#404040',
  accent: '#1f4e79',
  grid: '#bfbfbf',
  separator: '#e6e6e6',
  background: '#ffffff',
} as const;

const G = {
  // Sizes in SVG units: printed 16 cm wide, one unit of the 800-wide chart is 0.2 mm, so a
  // 16-unit name prints at about 9 pt and a 13-unit group or tick at about 7.5 pt.
  pad: 16,
  titleSize: 20,
  nameSize: 16,
  nameLine: 19,
  nameLines: 2,
  groupSize: 13,
  groupLine: 16,
  rowPad: 10,
  barHeight: 20,
  valueSize: 15,
  valueRoom: 54,
  tickSize: 13,
  moreSize: 14,
} as const;

/** A score as the document writes it: two decimals with a comma ("4,25"). */
export function formatChartScore(n: number): string {
  return (Math.round(n * 100) / 100).toFixed(2).replace('.', ',');
}

/**
 * The ranking as an SVG document. Rows are drawn highest total first (ties by rank); at most
 * `CHART_MAX_BARS` bars, then "dan N usulan lainnya". Each bar is labelled with its rank and name
 * (wrapped to two lines, then cut with "…"), its group and its score. Without rows the picture
 * says "Belum ada skor" (the caller normally leaves the annex out instead).
 */
export function quickWinChartSvg(rows: readonly QuickWinChartRow[], opts: QuickWinChartOptions = {}): string {
  const width = Math.max(400, Math.round(opts.width ?? CHART_DEFAULT_WIDTH));
  const title = clean(opts.title ?? '');
  const out: string[] = [];
  let y = G.pad;

  if (title) {
    for (const line of wrap(title, width - 2 * G.pad, G.titleSize, true, 2)) {
      y += G.titleSize * 1.2;
      out.push(text(G.pad, y - G.titleSize * 0.25, line, { size: G.titleSize, bold: true }));
    }
    y += 10;
  }

  if (rows.length === 0) {
    const boxTop = y;
    const boxHeight = 80;
    out.push(
      `<rect x="${G.pad}" y="${boxTop}" width="${width - 2 * G.pad}" height="${boxHeight}" fill="none" stroke="${COLOUR.grid}" stroke-width="1"/>`,
      text(width / 2, boxTop + boxHeight / 2 + G.nameSize * 0.35, TEXT.empty, {
        size: G.nameSize,
        anchor: 'middle',
        fill: COLOUR.muted,
      }),
    );
    return svgDocument(width, boxTop + boxHeight + G.pad, out);
  }

  const sorted = [...rows].sort((a, b) => score(b.total) - score(a.total) || a.rank - b.rank);
  const shown = sorted.slice(0, CHART_MAX_BARS);
  const hidden = sorted.length - shown.length;
  const topRank = Math.min(...shown.map((r) => r.rank));

  const labelWidth = Math.round((width - 2 * G.pad) * 0.42);
  const barLeft = G.pad + labelWidth + 14;
  const barRight = width - G.pad - G.valueRoom;
  const unit = (barRight - barLeft) / 5;
  const xOf = (v: number) => barLeft + unit * Math.min(5, Math.max(0, v));

  // The label column: "12." in bold, then the name hanging beside it.
  const prefixes = shown.map((r) => `${Number.isFinite(r.rank) ? r.rank : '–'}.`);
  const prefixWidth = Math.max(...prefixes.map((p) => textWidth(p, G.nameSize, true))) + 6;
  const nameWidth = labelWidth - prefixWidth;

  const chartTop = y;
  const rowsSvg: string[] = [];
  shown.forEach((row, i) => {
    const nameLines = wrap(clean(row.name) || '–', nameWidth, G.nameSize, false, G.nameLines);
    const group = clean(row.group);
    const groupLines = group ? wrap(group, nameWidth, G.groupSize, false, 1) : [];
    const height = G.rowPad * 2 + nameLines.length * G.nameLine + groupLines.length * G.groupLine;
    const top = y;
    rowsSvg.push(`<g class="qw-row" data-rank="${escapeXml(String(row.rank))}">`);
    const nameBaseline = top + G.rowPad + G.nameSize;
    rowsSvg.push(text(G.pad, nameBaseline, prefixes[i], { size: G.nameSize, bold: true }));
    nameLines.forEach((l, k) => {
      rowsSvg.push(text(G.pad + prefixWidth, nameBaseline + k * G.nameLine, l, { size: G.nameSize }));
    });
    const groupBaseline = top + G.rowPad + nameLines.length * G.nameLine + G.groupSize + 1;
    groupLines.forEach((l, k) => {
      rowsSvg.push(
        text(G.pad + prefixWidth, groupBaseline + k * G.groupLine, l, { size: G.groupSize, fill: COLOUR.muted }),
      );
    });
    const total = score(row.total);
    const barTop = top + (height - G.barHeight) / 2;
    const barEnd = xOf(total);
    if (barEnd - barLeft > 0) {
      const fill = row.rank === topRank ? COLOUR.accent : COLOUR.bar;
      rowsSvg.push(
        `<rect class="qw-bar" x="${n(barLeft)}" y="${n(barTop)}" width="${n(Math.max(1, barEnd - barLeft))}" height="${G.barHeight}" fill="${fill}"/>`,
      );
    }
    rowsSvg.push(
      text(barEnd + 6, barTop + G.barHeight / 2 + G.valueSize * 0.35, formatChartScore(total), {
        size: G.valueSize,
        bold: true,
        halo: true,
      }),
      '</g>',
    );
    y += height;
    if (i < shown.length - 1) {
      rowsSvg.push(line(G.pad, y, width - G.pad, y, COLOUR.separator));
    }
  });
  const chartBottom = y;

  // Gridlines at 1..5 behind the bars, the zero axis in black, the scale below.
  const grid: string[] = [];
  for (let v = 1; v <= 5; v++) grid.push(line(xOf(v), chartTop, xOf(v), chartBottom, COLOUR.grid));
  grid.push(line(barLeft, chartTop, barLeft, chartBottom + 4, COLOUR.text));
  grid.push(line(barLeft, chartBottom, barRight, chartBottom, COLOUR.text));
  y = chartBottom + 4 + G.tickSize;
  for (let v = 0; v <= 5; v++) {
    grid.push(line(xOf(v), chartBottom, xOf(v), chartBottom + 4, COLOUR.text));
    grid.push(text(xOf(v), y, String(v), { size: G.tickSize, anchor: 'middle' }));
  }
  y += G.tickSize + 4;
  grid.push(text((barLeft + barRight) / 2, y, TEXT.axis, { size: G.tickSize, anchor: 'middle', fill: COLOUR.muted }));
  out.push(...grid, ...rowsSvg);

  if (hidden > 0) {
    y += G.moreSize + 10;
    out.push(text(G.pad, y, TEXT.more(hidden), { size: G.moreSize, italic: true }));
  }
  return svgDocument(width, Math.ceil(y + G.pad), out);
}

/**
 * An SVG rasterized to PNG by sharp (librsvg). `scale` 2 renders each SVG unit as two pixels
 * (density 144 dpi): the default 800-unit chart becomes 1600 px, about 250 dpi when the document
 * prints it 16 cm wide. The picture is flattened on white (no alpha channel for the DOCX).
 */
export async function svgToPng(svg: string, scale = 2): Promise<{ data: Uint8Array; width: number; height: number }> {
  if (!(scale > 0 && scale <= 8)) throw new RangeError(`svgToPng: scale ${scale} outside (0, 8]`);
  const { data, info } = await sharp(Buffer.from(svg, 'utf8'), { density: 72 * scale })
    .flatten({ background: COLOUR.background })
    // zlib level 6 without adaptive filtering: for a chart (flat areas, anti-aliased text) it is
    // both smaller and about three times faster than level 9 with adaptive filtering.
    .png({ compressionLevel: 6, adaptiveFiltering: false })
    .toBuffer({ resolveWithObject: true });
  return {
    data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength),
    width: info.width,
    height: info.height,
  };
}

// ---------------------------------------------------------------- drawing

function svgDocument(width: number, height: number, body: string[]): string {
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${escapeXml(FONT_FAMILY)}">`,
    `<rect x="0" y="0" width="${width}" height="${height}" fill="${COLOUR.background}"/>`,
    ...body,
    `</svg>`,
  ].join('\n');
}

function text(
  x: number,
  y: number,
  content: string,
  o: {
    size: number;
    bold?: boolean;
    italic?: boolean;
    anchor?: 'start' | 'middle' | 'end';
    fill?: string;
    /** A white outline under the glyphs, so a gridline behind the text does not cross it. */
    halo?: boolean;
  },
): string {
  const attrs = [
    `x="${n(x)}"`,
    `y="${n(y)}"`,
    `font-size="${o.size}"`,
    o.bold ? 'font-weight="bold"' : '',
    o.italic ? 'font-style="italic"' : '',
    o.anchor && o.anchor !== 'start' ? `text-anchor="${o.anchor}"` : '',
    `fill="${o.fill ?? COLOUR.text}"`,
    o.halo ? `stroke="${COLOUR.background}" stroke-width="4" stroke-linejoin="round" paint-order="stroke"` : '',
  ].filter(Boolean);
  return `<text ${attrs.join(' ')}>${escapeXml(content)}</text>`;
}

function line(x1: number, y1: number, x2: number, y2: number, stroke: string): string {
  return `<line x1="${n(x1)}" y1="${n(y1)}" x2="${n(x2)}" y2="${n(y2)}" stroke="${stroke}" stroke-width="1"/>`;
}

/** A coordinate with at most one decimal. */
function n(v: number): string {
  return String(Math.round(v * 10) / 10);
}

/** A total as drawn: a number on the 0–5 scale (NaN or a missing score draws as 0). */
function score(v: number): number {
  return Number.isFinite(v) ? Math.min(5, Math.max(0, v)) : 0;
}

/** Text made safe for XML: `&<>"'` as entities. */
export function escapeXml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => XML_ENTITIES[c]);
}
const XML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/**
 * A label as one line of printable text: characters XML 1.0 forbids (control characters, lone
 * surrogates) removed, since one of them makes the whole SVG unreadable; runs of whitespace
 * (a name pasted with line breaks) as one space.
 */
function clean(s: string): string {
  let out = '';
  for (const ch of s) if (isXmlChar(ch.codePointAt(0) ?? 0)) out += ch;
  return out.replace(/\s+/g, ' ').trim();
}

/** Whether XML 1.0 allows a code point in text (a lone surrogate or most control characters do not). */
function isXmlChar(c: number): boolean {
  return (
    c === 0x9 || c === 0xa || c === 0xd || (c >= 0x20 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd) || c >= 0x10000
  );
}

// ---------------------------------------------------------------- text measure

/**
 * Advance widths of Liberation Sans (metric-compatible with Arial), regular and bold, for the
 * printable ASCII characters 32–126, in 1/1000 em. SVG text does not wrap, so names are wrapped
 * here by these widths; an accented letter counts as its base letter, anything else as 0.6 em.
 */
// prettier-ignore
const REGULAR = [278,278,355,556,556,889,667,191,333,333,389,584,278,333,278,278,556,556,556,556,556,556,556,556,556,556,278,278,584,584,584,556,1015,667,667,722,722,667,611,778,722,278,500,667,556,833,722,778,667,778,722,667,611,722,667,944,667,667,611,278,278,278,469,556,333,556,556,500,556,556,278,556,556,222,222,500,222,833,556,556,556,556,333,500,278,556,500,722,500,500,500,334,260,334,584];
// prettier-ignore
const BOLD = [278,333,474,556,556,889,722,238,333,333,389,584,278,333,278,278,556,556,556,556,556,556,556,556,556,556,333,333,584,584,584,611,975,722,722,722,722,667,611,778,722,278,556,722,611,833,722,778,667,778,722,667,611,722,667,944,667,667,611,333,278,333,584,556,333,556,611,556,611,556,333,611,611,278,278,556,278,889,611,611,611,611,389,556,333,611,556,778,556,556,500,389,280,389,584];
const ELLIPSIS = '…';

function charWidth(ch: string, bold: boolean): number {
  const table = bold ? BOLD : REGULAR;
  const code = ch.codePointAt(0) ?? 0;
  if (code >= 32 && code <= 126) return table[code - 32];
  if (ch === ELLIPSIS) return 1000;
  if (ch === '–') return 556;
  if (ch === '—') return 1000;
  const base = ch.normalize('NFD').codePointAt(0) ?? 0;
  if (base >= 32 && base <= 126) return table[base - 32];
  return 600;
}

/** The width of `s` in SVG units at `size`. */
export function textWidth(s: string, size: number, bold = false): number {
  let w = 0;
  for (const ch of s) w += charWidth(ch, bold);
  return (w * size) / 1000;
}

/**
 * `s` in lines no wider than `max` at `size`, broken at spaces (a word wider than a line is broken
 * inside), at most `lines` of them: the last one shown is cut with "…" when text remains.
 */
export function wrap(s: string, max: number, size: number, bold: boolean, lines: number): string[] {
  const fits = (t: string) => textWidth(t, size, bold) <= max;
  const out: string[] = [];
  let current = '';
  const words = s.split(' ').filter(Boolean);
  for (let wi = 0; wi < words.length; wi++) {
    let word = words[wi];
    const candidate = current ? `${current} ${word}` : word;
    if (fits(candidate)) {
      current = candidate;
      continue;
    }
    if (current) {
      out.push(current);
      current = '';
    }
    // A word longer than a whole line: break it where it overflows.
    while (!fits(word)) {
      let cut = 1;
      const chars = [...word];
      while (cut < chars.length && fits(chars.slice(0, cut + 1).join(''))) cut++;
      out.push(chars.slice(0, cut).join(''));
      word = chars.slice(cut).join('');
    }
    current = word;
    if (out.length >= lines) break;
  }
  if (current) out.push(current);
  if (out.length <= lines) return out;
  const kept = out.slice(0, lines);
  kept[lines - 1] = ellipsize(`${kept[lines - 1]} ${out[lines]}`, max, size, bold);
  return kept;
}

/** `s` cut with "…" to fit `max` (at a space when one is near). */
function ellipsize(s: string, max: number, size: number, bold: boolean): string {
  const chars = [...s];
  let end = chars.length;
  while (end > 0 && textWidth(chars.slice(0, end).join('').trimEnd() + ELLIPSIS, size, bold) > max) end--;
  const head = chars.slice(0, end).join('');
  const space = head.lastIndexOf(' ');
  const cut = space > head.length * 0.6 ? head.slice(0, space) : head;
  return `${cut.trimEnd()}${ELLIPSIS}`;
}
