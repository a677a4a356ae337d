import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HeightRule,
  ImageRun,
  LeaderType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TabStopType,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type IBorderOptions,
  type ITableCellBorders,
} from 'docx';
import { formatNip } from '../../../shared/nip';
import { stripNonXml } from '../../../shared/primitives';
import { buildLetterhead, fitImage, type LetterheadSettings } from './letterhead';
import { estimateTextWidthPt } from './metrics';
import { signatureColumns, type Signatory } from './signature-block';
import { cropToInk, inkForPrint, type InkVariants } from './signature-ink';
import { cmToTwips, documentStyles, ptToHalfPoints, sectionPage, textWidthTwips, type PageSettings } from './page';

/**
 * The daftar hadir (attendance list) of one workshop day as an editable DOCX, laid out as regional
 * offices print it: letterhead, title, the event block, and the table
 * No · Nama · NIP · Jabatan · Instansi/OPD · No. HP · Tanda Tangan · Keterangan (No. HP optional),
 * whose signature column is zig-zag (odd numbers sign in the left half, even numbers in the right
 * half), whose header row repeats on every page and whose rows never split across pages; numbered
 * blank rows at the end take walk-ins; the closing block "Mengetahui, Pimpinan Rapat" under it. A pure function of (data, settings): the same input gives the same bytes apart
 * from the timestamps docx writes.
 */

/** A drawn signature (PNG) and its pixel size. */
export interface SignatureImage {
  data: Uint8Array;
  width: number;
  height: number;
  /** Its crops, made when it was stored (store/signature-crops.ts); when absent it is cropped here. */
  ink?: InkVariants | null;
}

export interface AttendanceDocRow {
  name: string;
  nip?: string;
  position?: string;
  agency?: string;
  phone?: string;
  signature?: SignatureImage | null;
  /** Keterangan: "Hadir", "Izin", "Sakit", "Tidak hadir", "Diwakili oleh …", "Mewakili …". */
  remark?: string;
  /** Whether the person is in the room, so signs (default true); absent people get no line to sign on. */
  present?: boolean;
}

export type { Signatory } from './signature-block';

/** The closing block: "Kediri, 28 Agustus 2019", "Mengetahui," and the chair (and a second signatory). */
export interface SignatureBlock {
  place: string;
  /** "28 Agustus 2019" (shared/format.ts `formatDayMonthYear`). */
  dateLabel: string;
  chair: Signatory;
  second?: Signatory | null;
}

export interface AttendanceDocData {
  letterhead: LetterheadSettings;
  /** The event: "Bimbingan Teknis Gerakan Menuju 100 Smart City Tahap III". */
  acara: string;
  /** "Rabu, 28 Agustus 2019" (shared/format.ts `formatLongDate`). */
  dateLabel: string;
  /** "09.00–15.30 WIB" (shared/format.ts `formatTimeRange`). */
  timeLabel: string;
  venue: string;
  rows: AttendanceDocRow[];
  /** Numbered empty rows after the participants, for walk-ins. */
  blankRows: number;
  /** Paper fallback: names printed, signatures left to be signed by hand (none embedded). */
  blank?: boolean;
  /** Whether the No. HP column is printed (default true). */
  phone?: boolean;
  /** The closing signature block; none when absent. */
  signatures?: SignatureBlock | null;
}

export interface AttendanceDocSettings extends PageSettings {
  /** Largest type size inside the table; 3 pt below the body text by default (9 pt beside Arial 12). */
  tableFontSizePt?: number;
  /** Least height of a participant row; 1.3 cm by default, 1.6 cm in the blank version (signed by hand). */
  rowHeightCm?: number;
}

/** How much smaller the table's type is than the body text's. */
const TABLE_FONT_STEP_PT = 3;
/** The smallest type the whole table may take so that every word fits its column whole. */
const MIN_TABLE_FONT_PT = 7.5;
const DEFAULT_ROW_HEIGHT_CM = 1.3;
const BLANK_ROW_HEIGHT_CM = 1.6;
const CELL_PADDING = cmToTwips(0.1);
/** Drawing ids: the emblem is 1, signatures count from here (unique ids keep Word happy). */
const SIGNATURE_ID_BASE = 1000;

/** How the body of a daftar hadir is placed in a document that holds more than it (the minutes). */
export interface AttendanceBodyOptions {
  /** First drawing id of the signatures (number n gets base + n); 1000 by default. */
  imageIdBase?: number;
  /** The title starts a new page (a second day in the minutes' annex). */
  pageBreakBefore?: boolean;
}

type ColumnKey = 'no' | 'name' | 'nip' | 'position' | 'agency' | 'phone' | 'signature' | 'remark';

const HEADERS: Record<ColumnKey, string> = {
  no: 'No',
  name: 'Nama',
  nip: 'NIP',
  position: 'Jabatan',
  agency: 'Instansi/OPD',
  phone: 'No. HP',
  signature: 'Tanda Tangan',
  remark: 'Keterangan',
};

/**
 * How wide a column would like to be on portrait F4 (text width 15.5 cm), in centimetres: wide
 * enough that names, positions and agencies wrap into two or three lines, not six. Nama is the
 * widest text column; the NIP holds "19850315" over "201001 1 002".
 */
const PREFERRED_CM: Record<Exclude<ColumnKey, 'signature'>, number> = {
  no: 0.7,
  name: 2.8,
  nip: 2.15,
  position: 2.1,
  agency: 2.3,
  phone: 1.7,
  remark: 1.85,
};
/** The least the signature column gets; everything the text columns leave goes to it, up to the most. */
const SIGNATURE_MIN_CM = 2.2;
const SIGNATURE_MAX_CM = 6.5;
/** Kerning and the word processor's own spacing: measured widths get a little room. */
const MEASURE_SLACK = 1.04;

export interface TableColumns {
  keys: ColumnKey[];
  /** Twips per column; the signature column is two halves (odd and even numbers). */
  widths: Record<ColumnKey, number>;
  /** The grid: every column, the signature column as its two halves, in order. */
  grid: number[];
  /** The one type size of the whole table, in points. */
  fontPt: number;
}

/** The text of each column of a row, as printed. */
function rowValues(row: AttendanceDocRow | null): Record<Exclude<ColumnKey, 'no' | 'signature'>, string> {
  return {
    name: row?.name ?? '',
    // Two lines: "19850315" over "201001 1 002".
    nip: row?.nip ? formatNip(row.nip) : row ? '-' : '',
    position: row?.position ?? '',
    agency: row?.agency ?? '',
    phone: formatPhone(row?.phone ?? ''),
    remark: row?.remark ?? '',
  };
}

/** The widest word (in em) of every text column over the header and the rows. */
function widestWords(keys: ColumnKey[], rows: AttendanceDocRow[]): Map<ColumnKey, number> {
  const widest = new Map<ColumnKey, number>();
  const see = (k: ColumnKey, em: number) => widest.set(k, Math.max(widest.get(k) ?? 0, em));
  const words = (v: string) => v.split(/\s+/).filter(Boolean);
  for (const k of keys) {
    if (k === 'signature') continue;
    for (const w of words(HEADERS[k])) see(k, estimateTextWidthPt(w, 1, true));
  }
  see('no', estimateTextWidthPt(String(Math.max(1, rows.length + 100)), 1));
  // The NIP's second group ("201001 1 002") and a phone's first ("0812 3456") stay on one line.
  see('nip', estimateTextWidthPt('201001 1 002', 1));
  if (keys.includes('phone')) see('phone', estimateTextWidthPt('0812 3456', 1));
  for (const row of rows) {
    const values = rowValues(row);
    for (const k of keys) {
      if (k === 'no' || k === 'signature') continue;
      for (const w of words(values[k])) see(k, estimateTextWidthPt(w, 1));
    }
  }
  return widest;
}

/**
 * The table's columns, their widths in twips (filling the text width exactly) and its one type
 * size. The size is the largest, from `largestPt` down, at which every column can be as wide as
 * its widest word (so no word is ever broken, "Perencana-an") and the signature column keeps at
 * least 2.2 cm; the room left goes first to the text columns up to their preferred widths, then
 * to the signatures (without the phone column, about 3.5 cm on portrait F4), and beyond 6.5 cm
 * back to the text columns.
 */
export function attendanceColumns(
  settings: AttendanceDocSettings,
  phone = true,
  rows: AttendanceDocRow[] = [],
  largestPt = Math.max(MIN_TABLE_FONT_PT, settings.fontSizePt - TABLE_FONT_STEP_PT),
): TableColumns {
  const keys: ColumnKey[] = [
    'no',
    'name',
    'nip',
    'position',
    'agency',
    ...(phone ? (['phone'] as const) : []),
    'signature',
    'remark',
  ];
  const text = keys.filter((k): k is Exclude<ColumnKey, 'signature'> => k !== 'signature');
  const total = textWidthTwips(settings);
  // Preferred widths scale with the page (landscape, A4, other margins).
  const scale = total / cmToTwips(15.5);
  const preferred = Object.fromEntries(text.map((k) => [k, cmToTwips(PREFERRED_CM[k] * scale)])) as Record<
    ColumnKey,
    number
  >;
  const widest = widestWords(keys, rows);
  const sigMin = cmToTwips(SIGNATURE_MIN_CM);
  const need = (k: ColumnKey, pt: number) =>
    Math.ceil((widest.get(k) ?? 0) * pt * 20 * MEASURE_SLACK) + 2 * CELL_PADDING;
  let fontPt = largestPt;
  while (fontPt > MIN_TABLE_FONT_PT && text.reduce((a, k) => a + need(k, fontPt), 0) + sigMin > total) fontPt -= 0.5;

  const widths = {} as Record<ColumnKey, number>;
  const needs = Object.fromEntries(text.map((k) => [k, need(k, fontPt)])) as Record<ColumnKey, number>;
  const room = total - sigMin;
  const at = (g: number) => text.reduce((a, k) => a + Math.max(needs[k], Math.floor(preferred[k] * g)), 0);
  if (text.reduce((a, k) => a + needs[k], 0) > room) {
    // Even the smallest type cannot keep every word whole: share the page by preference.
    const sum = text.reduce((a, k) => a + preferred[k], 0) + sigMin;
    for (const k of text) widths[k] = Math.floor((preferred[k] * total) / sum);
  } else {
    // Every column its preferred width scaled by one factor g (never below what its words need):
    // the largest g ≤ 1 that leaves the signatures their least.
    let lo = 0;
    let hi = 1;
    if (at(1) > room) {
      for (let i = 0; i < 30; i++) {
        const mid = (lo + hi) / 2;
        if (at(mid) <= room) lo = mid;
        else hi = mid;
      }
    } else lo = 1;
    for (const k of text) widths[k] = Math.max(needs[k], Math.floor(preferred[k] * lo));
    // The signatures take the rest up to their most; beyond it the text columns share it.
    let left = total - text.reduce((a, k) => a + widths[k], 0) - sigMin;
    left -= Math.min(left, cmToTwips(SIGNATURE_MAX_CM) - sigMin);
    const sum = text.reduce((a, k) => a + preferred[k], 0);
    for (const k of text) widths[k] += Math.floor((preferred[k] * left) / sum);
  }
  widths.signature = total - text.reduce((a, k) => a + widths[k], 0);
  const grid: number[] = [];
  for (const k of keys) {
    if (k !== 'signature') grid.push(widths[k]);
    else grid.push(Math.floor(widths[k] / 2), widths[k] - Math.floor(widths[k] / 2));
  }
  return { keys, widths, grid, fontPt };
}

/** Column widths as a flat grid (the signature column as its two halves). */
export function attendanceColumnWidths(
  settings: AttendanceDocSettings,
  phone = true,
  rows: AttendanceDocRow[] = [],
): number[] {
  return attendanceColumns(settings, phone, rows).grid;
}

/** "081234567890" → "0812 3456 7890", "+6281234567890" → "+62 812 3456 7890": wraps at spaces. */
export function formatPhone(raw: string): string {
  const v = raw.trim();
  const groups = (digits: string) => digits.match(/.{1,4}/g)?.join(' ') ?? digits;
  if (/^0\d{9,13}$/.test(v)) return groups(v);
  if (/^\+62\d{8,13}$/.test(v)) return `+62 ${v.slice(3, 6)} ${groups(v.slice(6))}`;
  return v;
}

interface TableContext {
  columns: TableColumns;
  fontPt: number;
  fontHalfPoints: number;
  rowHeight: number;
  blank: boolean;
  /** The last rows keep with what follows, so the signature block never stands alone on a page. */
  keepNext?: boolean;
  /** Drawing id of signature number n is this + n. */
  imageIdBase: number;
}

const NO_BORDER: IBorderOptions = { style: BorderStyle.NONE, size: 0, color: 'auto' };

/** A paragraph of cell text in the table's one type size. */
function text(
  value: string,
  ctx: TableContext,
  options: { bold?: boolean; align?: 'left' | 'center' } = {},
): Paragraph {
  return new Paragraph({
    alignment: options.align === 'center' ? AlignmentType.CENTER : AlignmentType.LEFT,
    keepNext: ctx.keepNext,
    // Text stored before the boundary stripped non-XML characters must not break the file.
    children: [new TextRun({ text: stripNonXml(value), bold: options.bold, size: ctx.fontHalfPoints })],
  });
}

function cell(
  children: Paragraph[],
  width: number,
  extra: { columnSpan?: number; borders?: ITableCellBorders } = {},
): TableCell {
  return new TableCell({
    children,
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlignTable.CENTER,
    ...extra,
  });
}

function headerRow(ctx: TableContext): TableRow {
  const { keys, widths } = ctx.columns;
  const cells = keys.map((k) =>
    cell(
      [text(HEADERS[k], ctx, { bold: true, align: 'center' })],
      widths[k],
      k === 'signature' ? { columnSpan: 2 } : {},
    ),
  );
  return new TableRow({ tableHeader: true, cantSplit: true, children: cells });
}

const PT_PER_CM = 72 / 2.54;
const SIGNATURE_SLACK_PT = 4;

/** "n." and a dotted line to sign on by hand, in the half whose turn it is. */
function signHalf(n: number, ownTurn: boolean, dotted: boolean, width: number, ctx: TableContext): Paragraph {
  if (!ownTurn) return new Paragraph({ keepNext: ctx.keepNext });
  const label = new TextRun({ text: `${n}.`, size: ctx.fontHalfPoints });
  if (!dotted) return new Paragraph({ keepNext: ctx.keepNext, children: [label] });
  return new Paragraph({
    keepNext: ctx.keepNext,
    tabStops: [{ type: TabStopType.RIGHT, position: width - 2 * CELL_PADDING, leader: LeaderType.DOT }],
    children: [label, new TextRun({ text: '\t', size: ctx.fontHalfPoints })],
  });
}

/** Largest size of a signature in the whole signature column: the row's height, the column less "12. ". */
export function signatureBox(n: number, ctx: { columns: TableColumns; fontPt: number; rowHeight: number }) {
  const labelPt = estimateTextWidthPt(`${n}. `, ctx.fontPt);
  const widthPt = (ctx.columns.widths.signature - 2 * CELL_PADDING) / 20 - labelPt - SIGNATURE_SLACK_PT;
  // A little under the row's height, so the image never makes the row taller.
  const heightPt = ctx.rowHeight / 20 - 3;
  return { widthCm: widthPt / PT_PER_CM, heightCm: heightPt / PT_PER_CM };
}

/**
 * A captured signature fills the whole signature column (cropped to its ink, as tall as the row),
 * keeping the zig-zag: odd numbers sit on the left, even numbers on the right.
 */
function signedCell(n: number, signature: SignatureImage, ctx: TableContext): TableCell {
  const box = signatureBox(n, ctx);
  const printedWidthPx = Math.round((box.widthCm / 2.54) * 300);
  const ink = signature.ink ? inkForPrint(signature.ink, printedWidthPx) : cropToInk(signature, printedWidthPx);
  const size = fitImage(ink, box.widthCm, box.heightCm);
  const odd = n % 2 === 1;
  return cell(
    [
      new Paragraph({
        alignment: odd ? AlignmentType.LEFT : AlignmentType.RIGHT,
        keepNext: ctx.keepNext,
        children: [
          new TextRun({ text: `${n}. `, size: ctx.fontHalfPoints }),
          new ImageRun({
            type: 'png',
            data: ink.data,
            transformation: size,
            altText: {
              id: String(ctx.imageIdBase + n),
              name: `Tanda tangan ${n}`,
              description: `Tanda tangan nomor ${n}`,
            },
          }),
        ],
      }),
    ],
    ctx.columns.widths.signature,
    { columnSpan: 2 },
  );
}

/** A numbered row; `row` is null for a blank walk-in row. */
function bodyRow(n: number, row: AttendanceDocRow | null, ctx: TableContext): TableRow {
  const { keys, widths, grid } = ctx.columns;
  const signature = !ctx.blank && row?.signature ? row.signature : null;
  const odd = n % 2 === 1;
  // Someone absent has nothing to sign; everyone else (and every row of the blank version) a line.
  const dotted = ctx.blank || !row || row.present !== false;
  const values = rowValues(ctx.blank ? (row ? { ...row, remark: '' } : null) : row);
  const halves = grid.slice(keys.indexOf('signature'), keys.indexOf('signature') + 2);
  const children: TableCell[] = [];
  for (const k of keys) {
    if (k === 'no') children.push(cell([text(String(n), ctx, { align: 'center' })], widths.no));
    else if (k === 'signature') {
      if (signature) children.push(signedCell(n, signature, ctx));
      else {
        // The two halves share one visual cell: no line between them.
        children.push(cell([signHalf(n, odd, dotted, halves[0], ctx)], halves[0], { borders: { right: NO_BORDER } }));
        children.push(cell([signHalf(n, !odd, dotted, halves[1], ctx)], halves[1], { borders: { left: NO_BORDER } }));
      }
    } else children.push(cell([text(values[k], ctx)], widths[k]));
  }
  return new TableRow({
    cantSplit: true,
    height: { value: ctx.rowHeight, rule: HeightRule.ATLEAST },
    children,
  });
}

function attendanceTable(data: AttendanceBodyData, settings: AttendanceDocSettings, imageIdBase: number): Table {
  const largest = settings.tableFontSizePt ?? Math.max(MIN_TABLE_FONT_PT, settings.fontSizePt - TABLE_FONT_STEP_PT);
  const rowsForLayout = data.blank ? data.rows.map((r) => ({ ...r, remark: '' })) : data.rows;
  const columns = attendanceColumns(settings, data.phone !== false, rowsForLayout, largest);
  const fontPt = columns.fontPt;
  const blank = data.blank === true;
  const ctx: TableContext = {
    columns,
    fontPt,
    fontHalfPoints: ptToHalfPoints(fontPt),
    rowHeight: cmToTwips(settings.rowHeightCm ?? (blank ? BLANK_ROW_HEIGHT_CM : DEFAULT_ROW_HEIGHT_CM)),
    blank,
    imageIdBase,
  };
  const rows = [headerRow(ctx)];
  const blankRows = Math.max(0, Math.floor(data.blankRows));
  const all: (AttendanceDocRow | null)[] = [...data.rows, ...Array<null>(blankRows).fill(null)];
  // The last two rows go to the next page with the signature block rather than leave it alone there.
  all.forEach((r, i) => {
    ctx.keepNext = !!data.signatures && i >= all.length - 2;
    rows.push(bodyRow(i + 1, r, ctx));
  });
  ctx.keepNext = false;
  return new Table({
    width: { size: textWidthTwips(settings), type: WidthType.DXA },
    columnWidths: columns.grid,
    layout: TableLayoutType.FIXED,
    margins: { left: CELL_PADDING, right: CELL_PADDING, top: 0, bottom: 0 },
    rows,
  });
}

/**
 * The closing block under the table: on the right "Kediri, 28 Agustus 2019", "Mengetahui,",
 * "Pimpinan Rapat," and the chair; on the left, level with it, the second signatory if any.
 */
function signatureBlock(block: SignatureBlock, settings: AttendanceDocSettings): Table {
  return signatureColumns(
    block.second ? { signatory: block.second, opening: ['', ''] } : null,
    { signatory: block.chair, opening: [`${block.place}, ${block.dateLabel}`, 'Mengetahui,'] },
    settings,
  );
}

/** "Acara        : …" lines: colons aligned by a tab stop, wrapped text aligned after the colon. */
function eventBlock(data: AttendanceBodyData): Paragraph[] {
  const colon = cmToTwips(3.2);
  const value = cmToTwips(3.6);
  const line = (label: string, v: string) =>
    new Paragraph({
      tabStops: [
        { type: TabStopType.LEFT, position: colon },
        { type: TabStopType.LEFT, position: value },
      ],
      indent: { left: value, hanging: value },
      spacing: { after: 40 },
      children: [new TextRun(`${label}\t:\t${stripNonXml(v)}`)],
    });
  return [
    line('Acara', data.acara),
    line('Hari/Tanggal', data.dateLabel),
    line('Waktu', data.timeLabel),
    line('Tempat', data.venue),
    new Paragraph({ spacing: { after: 120 }, children: [] }),
  ];
}

function title(settings: AttendanceDocSettings, pageBreakBefore = false): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    pageBreakBefore: pageBreakBefore || undefined,
    spacing: { after: 240 },
    children: [new TextRun({ text: 'DAFTAR HADIR', bold: true, size: ptToHalfPoints(settings.fontSizePt + 2) })],
  });
}

/** "Halaman 2 dari 3", small and right-aligned: a loose page of an archived list can be placed. */
export function pageFooter(): Footer {
  const size = ptToHalfPoints(9);
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.RIGHT,
        children: [
          new TextRun({ text: 'Halaman ', size }),
          new TextRun({ children: [PageNumber.CURRENT], size }),
          new TextRun({ text: ' dari ', size }),
          new TextRun({ children: [PageNumber.TOTAL_PAGES], size }),
        ],
      }),
    ],
  });
}

/** The daftar hadir without its letterhead. */
export type AttendanceBodyData = Omit<AttendanceDocData, 'letterhead'>;

/**
 * The daftar hadir below the letterhead: title, event block, the table and the closing signature
 * block, to put in a document of its own or in an annex of the minutes.
 */
export function attendanceBody(
  data: AttendanceBodyData,
  settings: AttendanceDocSettings,
  options: AttendanceBodyOptions = {},
): (Paragraph | Table)[] {
  return [
    title(settings, options.pageBreakBefore),
    ...eventBlock(data),
    attendanceTable(data, settings, options.imageIdBase ?? SIGNATURE_ID_BASE),
    ...(data.signatures
      ? [
          new Paragraph({ keepNext: true, spacing: { after: 240 }, children: [] }),
          signatureBlock(data.signatures, settings),
        ]
      : []),
  ];
}

/** Builds the daftar hadir as DOCX bytes. */
export async function buildAttendanceDocx(
  data: AttendanceDocData,
  settings: AttendanceDocSettings,
): Promise<Uint8Array> {
  const doc = new Document({
    creator: 'Bimtek Studio',
    title: `Daftar Hadir – ${data.acara}`,
    styles: documentStyles(settings),
    sections: [
      {
        properties: { page: sectionPage(settings) },
        footers: { default: pageFooter() },
        children: [
          ...buildLetterhead(data.letterhead, { textWidthTwips: textWidthTwips(settings), imageId: 1 }),
          ...attendanceBody(data, settings),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toArrayBuffer(doc));
}
