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
import { estimateTextWidthPt, sizeToFitLine, sizeToFitWords } from './metrics';
import { cmToTwips, documentStyles, ptToHalfPoints, sectionPage, textWidthTwips, type PageSettings } from './page';

/**
 * The daftar hadir (attendance list) of one workshop day as an editable DOCX, laid out as regional
 * offices print it: letterhead, title, the event block, and the table
 * No · Nama · NIP · Jabatan · Instansi/OPD · No. HP · Tanda Tangan, whose signature column is
 * zig-zag (odd numbers sign in the left half, even numbers in the right half), whose header row
 * repeats on every page and whose rows never split across pages; numbered blank rows at the end
 * take walk-ins. A pure function of (data, settings): the same input gives the same bytes apart
 * from the timestamps docx writes.
 */

/** A drawn signature (PNG) and its pixel size. */
export interface SignatureImage {
  data: Uint8Array;
  width: number;
  height: number;
}

export interface AttendanceDocRow {
  name: string;
  nip?: string;
  position?: string;
  agency?: string;
  phone?: string;
  signature?: SignatureImage | null;
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
}

export interface AttendanceDocSettings extends PageSettings {
  /** Type size inside the table; 2 pt below the body text by default (10 pt beside Arial 12). */
  tableFontSizePt?: number;
  /** Least height of a participant row (room to sign by hand); 1.2 cm by default. */
  rowHeightCm?: number;
}

/** How much smaller the table's type is than the body text's. */
const TABLE_FONT_STEP_PT = 2;
const DEFAULT_ROW_HEIGHT_CM = 1.2;
const CELL_PADDING = cmToTwips(0.1);
/** Largest signature image; the half of the signature column usually limits it further. */
const SIGNATURE_MAX_WIDTH_CM = 3;
const SIGNATURE_MAX_HEIGHT_CM = 1.2;
/** Drawing ids: the emblem is 1, signatures count from here (unique ids keep Word happy). */
const SIGNATURE_ID_BASE = 1000;

const HEADERS = ['No', 'Nama', 'NIP', 'Jabatan', 'Instansi/OPD', 'No. HP', 'Tanda Tangan'] as const;

/**
 * Relative column widths: No, Nama, NIP, Jabatan, Instansi/OPD, No. HP, and the signature column
 * (split into two equal halves). Portrait is tight, so the NIP column is just wide enough for
 * "201001 1 002" at 10 pt; landscape gives the signatures the extra room.
 */
const COLUMN_WEIGHTS = {
  portrait: [0.7, 2.6, 2.4, 2.1, 2.3, 1.9, 4.0],
  landscape: [1.0, 4.5, 4.2, 3.2, 3.6, 3.0, 8.0],
} as const;

/** Column widths in twips for the text width, the signature column last as two halves. */
export function attendanceColumnWidths(settings: AttendanceDocSettings): number[] {
  const weights = COLUMN_WEIGHTS[settings.orientation ?? 'portrait'];
  const total = textWidthTwips(settings);
  const sum = weights.reduce((a, b) => a + b, 0);
  const widths = weights.map((w) => Math.floor((total * w) / sum));
  const signature = widths.pop() as number;
  const half = Math.floor(signature / 2);
  widths.push(half, signature - half);
  // Rounding remainder to the name column, so the table is exactly the text width.
  widths[1] += total - widths.reduce((a, b) => a + b, 0);
  return widths;
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
  widths: number[];
  fontPt: number;
  fontHalfPoints: number;
  rowHeight: number;
  blank: boolean;
}

const NO_BORDER: IBorderOptions = { style: BorderStyle.NONE, size: 0, color: 'auto' };

/** The smallest type a cell may shrink to so that a long word ("Perencanaan") is not split. */
const MIN_CELL_FONT_PT = 8;

interface TextOptions {
  bold?: boolean;
  align?: 'left' | 'center';
  /** The cell's width in twips: the type shrinks (down to 8 pt) rather than split a word. */
  width?: number;
  /** A part that should stay on one line, such as "201001 1 002" of a NIP. */
  keepOnOneLine?: string;
}

/** The type size for cell text: the table's, or smaller so words (and `keepOnOneLine`) fit. */
function cellFontPt(value: string, ctx: TableContext, options: TextOptions): number {
  if (options.width === undefined) return ctx.fontPt;
  const widthPt = (options.width - 2 * CELL_PADDING) / 20;
  const range = { largest: ctx.fontPt, smallest: MIN_CELL_FONT_PT };
  const words = sizeToFitWords(value, widthPt, range, options.bold);
  if (!options.keepOnOneLine) return words;
  return Math.min(words, sizeToFitLine(options.keepOnOneLine, widthPt, range, options.bold));
}

/** A paragraph of cell text. */
function text(value: string, ctx: TableContext, options: TextOptions = {}): Paragraph {
  return new Paragraph({
    alignment: options.align === 'center' ? AlignmentType.CENTER : AlignmentType.LEFT,
    // Text stored before the boundary stripped non-XML characters must not break the file.
    children: [
      new TextRun({
        text: stripNonXml(value),
        bold: options.bold,
        size: ptToHalfPoints(cellFontPt(value, ctx, options)),
      }),
    ],
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
  const { widths } = ctx;
  const cells = HEADERS.slice(0, 6).map((h, i) => cell([text(h, ctx, { bold: true, align: 'center' })], widths[i]));
  cells.push(cell([text(HEADERS[6], ctx, { bold: true, align: 'center' })], widths[6] + widths[7], { columnSpan: 2 }));
  return new TableRow({ tableHeader: true, cantSplit: true, children: cells });
}

const PT_PER_CM = 72 / 2.54;
const SIGNATURE_SLACK_PT = 4;

/**
 * One half of the signature column. The half whose turn it is holds "n." and either the
 * signature, scaled into what is left of the half, or a dotted line to sign on.
 */
function signatureHalf(
  n: number,
  ownTurn: boolean,
  signature: SignatureImage | null,
  width: number,
  ctx: TableContext,
): Paragraph {
  if (!ownTurn) return new Paragraph({});
  const label = new TextRun({ text: `${n}.`, size: ctx.fontHalfPoints });
  if (!signature) {
    return new Paragraph({
      tabStops: [{ type: TabStopType.RIGHT, position: width - 2 * CELL_PADDING, leader: LeaderType.DOT }],
      children: [label, new TextRun({ text: '\t', size: ctx.fontHalfPoints })],
    });
  }
  // What the half leaves after "12. ", less a margin for rounding, is the most the signature may
  // take; any wider and the word processor moves it to a line of its own below the number.
  const labelPt = estimateTextWidthPt(`${n}. `, ctx.fontPt);
  const availablePt = (width - 2 * CELL_PADDING) / 20 - labelPt - SIGNATURE_SLACK_PT;
  const size = fitImage(signature, Math.min(SIGNATURE_MAX_WIDTH_CM, availablePt / PT_PER_CM), SIGNATURE_MAX_HEIGHT_CM);
  return new Paragraph({
    children: [
      label,
      new TextRun({ text: ' ', size: ctx.fontHalfPoints }),
      new ImageRun({
        type: 'png',
        data: signature.data,
        transformation: size,
        altText: {
          id: String(SIGNATURE_ID_BASE + n),
          name: `Tanda tangan ${n}`,
          description: `Tanda tangan nomor ${n}`,
        },
      }),
    ],
  });
}

/** A numbered row; `row` is null for a blank walk-in row. */
function bodyRow(n: number, row: AttendanceDocRow | null, ctx: TableContext): TableRow {
  const { widths } = ctx;
  const signature = !ctx.blank && row?.signature ? row.signature : null;
  const odd = n % 2 === 1;
  const nip = row?.nip ? formatNip(row.nip) : row ? '-' : '';
  const phone = formatPhone(row?.phone ?? '');
  const values: [string, TextOptions][] = [
    [row?.name ?? '', {}],
    // Two lines: "19850315" over "201001 1 002".
    [nip, { keepOnOneLine: nip.length === 21 ? nip.slice(9) : undefined }],
    [row?.position ?? '', {}],
    [row?.agency ?? '', {}],
    // At most two lines: "0812 3456" over "7890".
    [phone, { keepOnOneLine: /^0\d{3} \d{4}/.test(phone) ? phone.slice(0, 9) : undefined }],
  ];
  // The two halves share one visual cell: no line between them.
  const leftHalf: ITableCellBorders = { right: NO_BORDER };
  const rightHalf: ITableCellBorders = { left: NO_BORDER };
  return new TableRow({
    cantSplit: true,
    height: { value: ctx.rowHeight, rule: HeightRule.ATLEAST },
    children: [
      cell([text(String(n), ctx, { align: 'center' })], widths[0]),
      ...values.map(([v, options], i) => cell([text(v, ctx, { ...options, width: widths[i + 1] })], widths[i + 1])),
      cell([signatureHalf(n, odd, signature, widths[6], ctx)], widths[6], { borders: leftHalf }),
      cell([signatureHalf(n, !odd, signature, widths[7], ctx)], widths[7], { borders: rightHalf }),
    ],
  });
}

function attendanceTable(data: AttendanceDocData, settings: AttendanceDocSettings): Table {
  // Seven columns fit a portrait page at two points below the body text (Arial 12 → 10 pt), and
  // the setting still moves the table with it.
  const fontPt = settings.tableFontSizePt ?? Math.max(8, settings.fontSizePt - TABLE_FONT_STEP_PT);
  const ctx: TableContext = {
    widths: attendanceColumnWidths(settings),
    fontPt,
    fontHalfPoints: ptToHalfPoints(fontPt),
    rowHeight: cmToTwips(settings.rowHeightCm ?? DEFAULT_ROW_HEIGHT_CM),
    blank: data.blank === true,
  };
  const rows = [headerRow(ctx)];
  data.rows.forEach((r, i) => rows.push(bodyRow(i + 1, r, ctx)));
  const blankRows = Math.max(0, Math.floor(data.blankRows));
  for (let i = 0; i < blankRows; i++) rows.push(bodyRow(data.rows.length + i + 1, null, ctx));
  return new Table({
    width: { size: textWidthTwips(settings), type: WidthType.DXA },
    columnWidths: ctx.widths,
    layout: TableLayoutType.FIXED,
    margins: { left: CELL_PADDING, right: CELL_PADDING, top: 0, bottom: 0 },
    rows,
  });
}

/** "Acara        : …" lines: colons aligned by a tab stop, wrapped text aligned after the colon. */
function eventBlock(data: AttendanceDocData): Paragraph[] {
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

function title(settings: AttendanceDocSettings): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
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
          title(settings),
          ...eventBlock(data),
          attendanceTable(data, settings),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toArrayBuffer(doc));
}
