import {
  AlignmentType,
  ImageRun,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TabStopType,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import type { Bilingual } from '../../../shared/agenda';
import {
  listItems,
  tableRows,
  type ColumnField,
  type FormDef,
  type OutputValues,
  type TableField,
} from '../../../shared/forms';
import { presentValue } from '../../../shared/forms/present';
import { translate } from '../../../shared/i18n';
import type { Language } from '../../../shared/languages';
import { stripNonXml } from '../../../shared/primitives';
import { fitImage } from './letterhead';
import { estimateTextWidthPt } from './metrics';
import { cmToTwips, ptToHalfPoints } from './page';
import { cropToInk } from './signature-ink';

/**
 * A group output as DOCX blocks for the minutes' annex, drawn from its definition alone: the form's
 * title, then each field in order — short fields together as a two-column table (Label | Isian),
 * lists as numbered lines, tables as real tables whose header row repeats on every page and whose
 * rows never split across pages; fixed rows under their group label ("Struktur"). Every table is
 * exactly `widthTwips` wide, in one type size chosen so that no word of any cell is broken across
 * lines ("Perencana-an"); signature cells carry the drawn signature when `signature(hash)` gives
 * its PNG, otherwise "✓ ditandatangani".
 */

export interface FormDocxOptions {
  language: Language;
  /** The engagement's OPD list (OPD cells hold the name itself; kept for symmetry with capture). */
  agencies?: readonly string[];
  /** The PNG of a stored signature by its hash; null when it is not available. */
  signature?: (hash: string) => Uint8Array | Buffer | null;
  /** Width the tables fill: the page's text width (page.ts `textWidthTwips`). */
  widthTwips: number;
  /** Largest type size of the tables; 10 pt by default (the annex sits beside 12 pt body text). */
  fontSizePt?: number;
  /** First drawing id for signatures (ids must be unique in a document). */
  imageIdBase?: number;
}

const MIN_FONT_PT = 7;
const CELL_PADDING = cmToTwips(0.1);
const CELL_PADDING_Y = cmToTwips(0.04);
/** Light grey behind header and group rows: prints on a black-and-white office printer. */
const HEADER_FILL = 'E7E6E6';
const GROUP_FILL = 'F2F2F2';
/** Height of a signature in a table row. */
const SIGNATURE_HEIGHT_CM = 1.3;
const PT_PER_CM = 72 / 2.54;

/** How much of the spare width a column takes: long texts most, a year least. */
function weightOf(c: ColumnField): number {
  switch (c.kind) {
    case 'longText':
      return 4;
    case 'list':
      return 3.5;
    case 'text':
      return 2.5;
    case 'choice':
      return c.source === 'agency' || c.source === 'element' ? 2.5 : 1.5;
    case 'signature':
      return 2;
    case 'rating':
      return 1.5;
    case 'number':
    case 'year':
      return 0.8;
  }
}

interface Column {
  header: string;
  weight: number;
  /** Every text the column will print (header in bold apart). */
  texts: string[];
  /** The least width: a signature needs room for its image. */
  minTwips?: number;
}

interface Layout {
  columns: Column[];
}

const words = (s: string) => s.split(/\s+/).filter(Boolean);

/** The widest word of a column at a size, in twips, padding included. */
function columnNeed(c: Column, sizePt: number): number {
  let widest = 0;
  for (const w of words(c.header)) widest = Math.max(widest, estimateTextWidthPt(w, sizePt, true));
  for (const t of c.texts) for (const w of words(t)) widest = Math.max(widest, estimateTextWidthPt(w, sizePt));
  // Kerning, rounding and the word processor's own spacing: keep a little slack.
  return Math.max(c.minTwips ?? 0, Math.ceil((widest * 20) / 0.97) + 2 * CELL_PADDING + 10);
}

/**
 * Column widths in twips that add up to `total`: each at least its widest word at `sizePt`, the
 * rest shared by weight; null when the widest words alone do not fit.
 */
function widthsAt(layout: Layout, sizePt: number, total: number): number[] | null {
  const need = layout.columns.map((c) => columnNeed(c, sizePt));
  const sum = need.reduce((a, b) => a + b, 0);
  if (sum > total) return null;
  const spare = total - sum;
  const weights = layout.columns.map((c) => c.weight);
  const wsum = weights.reduce((a, b) => a + b, 0);
  const widths = need.map((n, i) => n + Math.floor((spare * weights[i]) / wsum));
  widths[widths.length - 1] += total - widths.reduce((a, b) => a + b, 0);
  return widths;
}

/** Widths by weight alone, for a table whose words cannot all fit even at the smallest size. */
function widthsByWeight(layout: Layout, total: number): number[] {
  const wsum = layout.columns.reduce((a, c) => a + c.weight, 0);
  const widths = layout.columns.map((c) => Math.floor((total * c.weight) / wsum));
  widths[widths.length - 1] += total - widths.reduce((a, b) => a + b, 0);
  return widths;
}

/** The largest size (half-point steps) at which every table of the form keeps its words whole. */
function fittingSize(layouts: Layout[], largest: number, total: number): number {
  for (let pt = largest; pt > MIN_FONT_PT; pt -= 0.5) if (layouts.every((l) => widthsAt(l, pt, total))) return pt;
  return MIN_FONT_PT;
}

/** A table cell's texts (a list as its items). */
function cellTexts(column: ColumnField, value: OutputValues[string] | undefined, language: Language): string[] {
  if (column.kind === 'list') return listItems(value).map((v, i) => `${i + 1}. ${v}`);
  const shown = presentValue(column, value, language);
  return shown ? [shown] : [];
}

/** Fields in order, short plain ones gathered so they make one Label | Isian table. */
type Section =
  | { kind: 'pairs'; fields: ColumnField[] }
  | { kind: 'list'; field: ColumnField }
  | { kind: 'table'; table: TableField };

function sections(form: FormDef): Section[] {
  const out: Section[] = [];
  for (const f of form.fields) {
    if (f.kind === 'table') out.push({ kind: 'table', table: f });
    else if (f.kind === 'list') out.push({ kind: 'list', field: f });
    else {
      const last = out.at(-1);
      if (last?.kind === 'pairs') last.fields.push(f);
      else out.push({ kind: 'pairs', fields: [f] });
    }
  }
  return out;
}

interface Ctx {
  language: Language;
  values: OutputValues;
  halfPoints: number;
  signature?: FormDocxOptions['signature'];
  nextImageId: () => number;
}

const run = (text: string, ctx: Ctx, bold = false) =>
  new TextRun({ text: stripNonXml(text), bold, size: ctx.halfPoints });

function para(text: string, ctx: Ctx, options: { bold?: boolean; center?: boolean; keepNext?: boolean } = {}) {
  return new Paragraph({
    alignment: options.center ? AlignmentType.CENTER : AlignmentType.LEFT,
    keepNext: options.keepNext,
    children: [run(text, ctx, options.bold)],
  });
}

function tcell(children: Paragraph[], width: number, options: { fill?: string; columnSpan?: number } = {}) {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlignTable.TOP,
    columnSpan: options.columnSpan,
    shading: options.fill ? { type: ShadingType.CLEAR, color: 'auto', fill: options.fill } : undefined,
    children: children.length ? children : [new Paragraph({})],
  });
}

function table(widths: number[], rows: TableRow[]): Table {
  return new Table({
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    margins: { left: CELL_PADDING, right: CELL_PADDING, top: CELL_PADDING_Y, bottom: CELL_PADDING_Y },
    rows,
  });
}

/** The PNG's pixel size from its IHDR chunk. */
function pngSize(bytes: Uint8Array): { width: number; height: number } | null {
  if (bytes.length < 24 || bytes[0] !== 0x89 || bytes[1] !== 0x50) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

/** A signature cell: the image when it can be had, else the mark; empty when not signed. */
function signatureParagraphs(hash: unknown, width: number, ctx: Ctx): Paragraph[] {
  if (typeof hash !== 'string' || hash === '') return [];
  const png = ctx.signature?.(hash);
  const size = png ? pngSize(png) : null;
  if (png && size) {
    const widthCm = (width - 2 * CELL_PADDING) / 20 / PT_PER_CM;
    const ink = cropToInk({ data: new Uint8Array(png), ...size }, Math.round((widthCm / 2.54) * 300));
    const id = ctx.nextImageId();
    return [
      new Paragraph({
        children: [
          new ImageRun({
            type: 'png',
            data: ink.data,
            transformation: fitImage(ink, widthCm, SIGNATURE_HEIGHT_CM),
            altText: {
              id: String(id),
              name: `Tanda tangan ${id}`,
              description: translate(ctx.language, 'groupwork.signedShort'),
            },
          }),
        ],
      }),
    ];
  }
  return [para(translate(ctx.language, 'groupwork.signedShort'), ctx)];
}

function headerRow(headers: string[], widths: number[], ctx: Ctx): TableRow {
  return new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: headers.map((h, i) =>
      tcell([para(h, ctx, { bold: true, center: true })], widths[i], { fill: HEADER_FILL }),
    ),
  });
}

/** The label above a list or a table, kept with what follows. */
function label(text: string, ctx: Ctx): Paragraph {
  return new Paragraph({
    keepNext: true,
    spacing: { before: 160, after: 60 },
    children: [run(text, ctx, true)],
  });
}

const label$ = (b: Bilingual, ctx: Ctx) => b[ctx.language];

function tableLayout(t: TableField, ctx: Ctx): Layout {
  const rows = tableRows(t, ctx.values);
  const first: Column = t.rows
    ? { header: label$(t.label, ctx), weight: 1.6, texts: t.rows.map((r) => label$(r.label, ctx)) }
    : { header: 'No', weight: 0.1, texts: [String(rows.length)] };
  const columns: Column[] = [
    first,
    ...t.columns.map((c) => ({
      header: label$(c.label, ctx),
      weight: weightOf(c),
      texts:
        c.kind === 'signature'
          ? [translate(ctx.language, 'groupwork.signedShort')]
          : rows.flatMap((r) => cellTexts(c, ctx.values[`${t.key}/${r.key}/${c.key}`], ctx.language)),
      minTwips: c.kind === 'signature' ? cmToTwips(2.2) : undefined,
    })),
  ];
  return { columns };
}

function pairsLayout(fields: ColumnField[], ctx: Ctx): Layout {
  return {
    columns: [
      { header: '', weight: 1, texts: fields.map((f) => label$(f.label, ctx)) },
      {
        header: '',
        weight: 2.6,
        texts: fields.flatMap((f) => cellTexts(f, ctx.values[f.key], ctx.language)),
        minTwips: fields.some((f) => f.kind === 'signature') ? cmToTwips(2.2) : undefined,
      },
    ],
  };
}

function valueParagraphs(
  column: ColumnField,
  value: OutputValues[string] | undefined,
  width: number,
  ctx: Ctx,
): Paragraph[] {
  if (column.kind === 'signature') return signatureParagraphs(value, width, ctx);
  return cellTexts(column, value, ctx.language).map((text) => para(text, ctx));
}

function tableBlocks(t: TableField, widths: number[], ctx: Ctx): (Paragraph | Table)[] {
  const rows = tableRows(t, ctx.values);
  const title = label(label$(t.label, ctx), ctx);
  if (rows.length === 0) return [title, para(translate(ctx.language, 'groupwork.empty'), ctx)];
  const firstHeader = t.rows ? label$(t.label, ctx) : 'No';
  const out: TableRow[] = [headerRow([firstHeader, ...t.columns.map((c) => label$(c.label, ctx))], widths, ctx)];
  const total = widths.reduce((a, b) => a + b, 0);
  let group: string | undefined;
  rows.forEach((r, i) => {
    const g = r.group ? label$(r.group, ctx) : undefined;
    if (g && g !== group)
      out.push(
        new TableRow({
          cantSplit: true,
          children: [
            tcell([new Paragraph({ keepNext: true, children: [run(g, ctx, true)] })], total, {
              fill: GROUP_FILL,
              columnSpan: widths.length,
            }),
          ],
        }),
      );
    group = g;
    out.push(
      new TableRow({
        cantSplit: true,
        children: [
          tcell([para(r.label ? label$(r.label, ctx) : `${i + 1}`, ctx, { center: !r.label })], widths[0]),
          ...t.columns.map((c, j) =>
            tcell(valueParagraphs(c, ctx.values[`${t.key}/${r.key}/${c.key}`], widths[j + 1], ctx), widths[j + 1]),
          ),
        ],
      }),
    );
  });
  return [title, table(widths, out)];
}

/** Short fields as Label | Isian rows; `keepNext` holds them on the page of what follows. */
function pairsTable(fields: ColumnField[], widths: number[], ctx: Ctx, keepNext: boolean): Table {
  return table(
    widths,
    fields.map(
      (f) =>
        new TableRow({
          cantSplit: true,
          children: [
            tcell([para(label$(f.label, ctx), ctx, { bold: true, keepNext })], widths[0]),
            tcell(
              keepNext && f.kind !== 'signature'
                ? cellTexts(f, ctx.values[f.key], ctx.language).map((text) => para(text, ctx, { keepNext }))
                : valueParagraphs(f, ctx.values[f.key], widths[1], ctx),
              widths[1],
            ),
          ],
        }),
    ),
  );
}

/** "1.⇥item" lines with the wrapped text aligned after the number; the last two stay together. */
function listBlocks(field: ColumnField, ctx: Ctx): Paragraph[] {
  const items = listItems(ctx.values[field.key]);
  const indent = cmToTwips(0.75);
  const lines = items.length
    ? items.map(
        (item, i) =>
          new Paragraph({
            tabStops: [{ type: TabStopType.LEFT, position: indent }],
            indent: { left: indent, hanging: indent },
            keepLines: true,
            // The last item never stands alone at the top of a page: it keeps the one before it.
            keepNext: i === items.length - 2 || undefined,
            children: [run(`${i + 1}.\t${item}`, ctx)],
          }),
      )
    : [para(translate(ctx.language, 'groupwork.empty'), ctx)];
  return [label(label$(field.label, ctx), ctx), ...lines];
}

/** The DOCX blocks of one group output. */
export function formDocx(form: FormDef, values: OutputValues, options: FormDocxOptions): (Paragraph | Table)[] {
  const { language, widthTwips } = options;
  let imageId = options.imageIdBase ?? 5000;
  const draft: Ctx = { language, values, halfPoints: 0, signature: options.signature, nextImageId: () => imageId++ };
  const parts = sections(form);
  const layouts = parts.map((s) =>
    s.kind === 'table' ? tableLayout(s.table, draft) : s.kind === 'pairs' ? pairsLayout(s.fields, draft) : null,
  );
  const size = fittingSize(
    layouts.filter((l): l is Layout => l !== null),
    options.fontSizePt ?? 10,
    widthTwips,
  );
  const ctx: Ctx = { ...draft, halfPoints: ptToHalfPoints(size) };
  const blocks: (Paragraph | Table)[] = [
    new Paragraph({
      keepNext: true,
      spacing: { before: 240, after: 120 },
      children: [new TextRun({ text: stripNonXml(form.title[language]), bold: true, size: ptToHalfPoints(size + 2) })],
    }),
  ];
  parts.forEach((s, i) => {
    const layout = layouts[i];
    const widths = layout ? (widthsAt(layout, size, widthTwips) ?? widthsByWeight(layout, widthTwips)) : [];
    // A paragraph between two tables keeps the word processor from joining them into one.
    // A few short fields (the group's dimension) stay with the title and with what follows them.
    if (s.kind === 'pairs') {
      const keep = i < parts.length - 1 && s.fields.length <= 3;
      blocks.push(new Paragraph({ keepNext: keep, spacing: { before: 120 } }), pairsTable(s.fields, widths, ctx, keep));
    } else if (s.kind === 'list') blocks.push(...listBlocks(s.field, ctx));
    else blocks.push(...tableBlocks(s.table, widths, ctx));
  });
  return blocks;
}
