import { packDocx } from './pack';
import {
  AlignmentType,
  Document,
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
import { pageFooter } from './attendance-docx';
import { buildLetterhead, type LetterheadSettings } from './letterhead';
import { sizeToFitLine, sizeToFitWords } from './metrics';
import { cmToTwips, documentStyles, ptToHalfPoints, sectionPage, textWidthTwips, type PageSettings } from './page';

/**
 * The susunan acara (rundown) of a workshop as an editable DOCX, to hand out: letterhead, title,
 * the event block, then per day a table headed by the day ("Hari ke-1: Rabu, 28 Agustus 2019")
 * and the columns Waktu · Acara · Keterangan/Penanggung Jawab; both header rows repeat on every
 * page and no row splits across pages. A day without steps is its heading and one line saying so. No script and no notes: those are for the facilitator only.
 * A pure function of (data, settings): the same input gives the same bytes apart from the
 * timestamps docx writes.
 */

export interface RundownDocRow {
  /** "08.00–08.30 WIB" (shared/format.ts `formatTimeRange`). */
  time: string;
  /** The step's title. */
  title: string;
  /** Keterangan / penanggung jawab: the step's presenter. */
  presenter: string;
}

export interface RundownDocDay {
  /** "Hari ke-1: Rabu, 28 Agustus 2019". */
  heading: string;
  rows: RundownDocRow[];
}

export interface RundownDocData {
  letterhead: LetterheadSettings;
  /** The workshop's title: "Bimtek Tahap III Masterplan Smart City". */
  acara: string;
  /** "Tahap III" (shared/format.ts `stageLabel`). */
  stage: string;
  /** "Kota Kediri" (shared/format.ts `regionTitle`). */
  region: string;
  venue: string;
  days: RundownDocDay[];
}

export interface RundownDocSettings extends PageSettings {
  /** Type size of the table; 1 pt below the body text by default (11 pt beside Arial 12). */
  tableFontSizePt?: number;
}

/** Said instead of an empty table for a day without steps. */
export const NO_STEPS_TEXT = 'Susunan acara hari ini belum diisi.';

const HEADERS = ['Waktu', 'Acara', 'Keterangan / Penanggung Jawab'] as const;

/**
 * Relative widths of Waktu, Acara and Keterangan. Waktu is wide enough for "08.00–08.30 WITA" on
 * one line at 11 pt on A4 portrait (the narrowest text width of the defaults).
 */
const COLUMN_WEIGHTS = [4, 7, 5] as const;

const TABLE_FONT_STEP_PT = 1;
/** The smallest type the table shrinks to so that no word (and no time) is broken. */
const MIN_TABLE_FONT_PT = 8;
const CELL_PADDING = cmToTwips(0.12);
const CELL_PADDING_Y = cmToTwips(0.06);

/** Column widths in twips for the text width; the table is exactly the text width. */
export function rundownColumnWidths(settings: PageSettings): number[] {
  const total = textWidthTwips(settings);
  const sum = COLUMN_WEIGHTS.reduce((a, b) => a + b, 0);
  const widths = COLUMN_WEIGHTS.map((w) => Math.floor((total * w) / sum));
  widths[1] += total - widths.reduce((a, b) => a + b, 0);
  return widths;
}

/**
 * One type size for the whole table body: the largest (up to the table's size) at which every
 * time fits its column on one line and every word of every cell fits its column, so the word
 * processor wraps between words only. The header is held to the same rule, in bold.
 */
export function rundownTableFontPt(data: RundownDocData, settings: RundownDocSettings): number {
  const largest = settings.tableFontSizePt ?? Math.max(MIN_TABLE_FONT_PT, settings.fontSizePt - TABLE_FONT_STEP_PT);
  const range = { largest, smallest: MIN_TABLE_FONT_PT };
  const widthsPt = rundownColumnWidths(settings).map((w) => (w - 2 * CELL_PADDING) / 20);
  let size = largest;
  HEADERS.forEach((h, i) => (size = Math.min(size, sizeToFitWords(h, widthsPt[i], range, true))));
  for (const day of data.days) {
    for (const r of day.rows) {
      size = Math.min(
        size,
        sizeToFitLine(r.time, widthsPt[0], range),
        sizeToFitWords(r.title, widthsPt[1], range),
        sizeToFitWords(r.presenter, widthsPt[2], range),
      );
    }
  }
  return size;
}

interface TableContext {
  widths: number[];
  halfPoints: number;
}

interface CellOptions {
  bold?: boolean;
  center?: boolean;
  columnSpan?: number;
  /** Background colour (hex), for the day's row. */
  fill?: string;
}

function cell(value: string, width: number, ctx: TableContext, options: CellOptions = {}) {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlignTable.CENTER,
    columnSpan: options.columnSpan,
    shading: options.fill ? { type: ShadingType.CLEAR, color: 'auto', fill: options.fill } : undefined,
    children: [
      new Paragraph({
        alignment: options.center ? AlignmentType.CENTER : AlignmentType.LEFT,
        children: [new TextRun({ text: value, bold: options.bold, size: ctx.halfPoints })],
      }),
    ],
  });
}

/** Light grey behind the day's row: prints on a black-and-white office printer. */
const DAY_ROW_FILL = 'E7E6E6';

/**
 * A day's table. Its first two rows repeat at the top of every page the table runs onto: the
 * day ("Hari ke-2: Kamis, 29 Agustus 2019") across the three columns, then the column names, so
 * a continued page still says which day it lists.
 */
function dayTable(day: RundownDocDay, ctx: TableContext, totalWidth: number): Table {
  const { widths } = ctx;
  const heading = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: [cell(day.heading, totalWidth, ctx, { bold: true, columnSpan: 3, fill: DAY_ROW_FILL })],
  });
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: HEADERS.map((h, i) => cell(h, widths[i], ctx, { bold: true, center: true })),
  });
  const body = day.rows.map(
    (r) =>
      new TableRow({
        cantSplit: true,
        children: [
          cell(r.time, widths[0], ctx, { center: true }),
          cell(r.title, widths[1], ctx),
          cell(r.presenter, widths[2], ctx),
        ],
      }),
  );
  return new Table({
    width: { size: totalWidth, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    margins: { left: CELL_PADDING, right: CELL_PADDING, top: CELL_PADDING_Y, bottom: CELL_PADDING_Y },
    rows: [heading, header, ...body],
  });
}

/** "Acara        : …" lines: colons aligned by a tab stop, wrapped text aligned after the colon. */
function eventBlock(data: RundownDocData): Paragraph[] {
  const colon = cmToTwips(2.4);
  const value = cmToTwips(2.8);
  const line = (label: string, v: string) =>
    new Paragraph({
      tabStops: [
        { type: TabStopType.LEFT, position: colon },
        { type: TabStopType.LEFT, position: value },
      ],
      indent: { left: value, hanging: value },
      spacing: { after: 40 },
      children: [new TextRun(`${label}\t:\t${v}`)],
    });
  const lines = [line('Acara', data.acara), line('Tahap', data.stage), line('Daerah', data.region)];
  if (data.venue.trim()) lines.push(line('Tempat', data.venue.trim()));
  return lines;
}

function title(settings: RundownDocSettings): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { after: 240 },
    children: [new TextRun({ text: 'SUSUNAN ACARA', bold: true, size: ptToHalfPoints(settings.fontSizePt + 2) })],
  });
}

/** The heading of a day without steps, kept with the line that says so. */
function dayHeading(text: string): Paragraph {
  return new Paragraph({
    keepNext: true,
    keepLines: true,
    spacing: { after: 100 },
    children: [new TextRun({ text, bold: true })],
  });
}

/** Space between one day and the next (and what keeps two tables from running together). */
const daySpace = () => new Paragraph({ spacing: { after: 200 }, children: [] });

/** Builds the susunan acara as DOCX bytes. */
export async function buildRundownDocx(data: RundownDocData, settings: RundownDocSettings): Promise<Uint8Array> {
  const totalWidth = textWidthTwips(settings);
  const ctx: TableContext = {
    widths: rundownColumnWidths(settings),
    halfPoints: ptToHalfPoints(rundownTableFontPt(data, settings)),
  };
  const body: (Paragraph | Table)[] = [];
  for (const day of data.days) {
    body.push(daySpace());
    if (day.rows.length > 0) body.push(dayTable(day, ctx, totalWidth));
    else body.push(dayHeading(day.heading), new Paragraph({ text: NO_STEPS_TEXT }));
  }
  const doc = new Document({
    creator: 'Bimtek Studio',
    title: `Susunan Acara – ${data.acara}`,
    styles: documentStyles(settings),
    sections: [
      {
        properties: { page: sectionPage(settings) },
        footers: { default: pageFooter() },
        children: [
          ...buildLetterhead(data.letterhead, { textWidthTwips: totalWidth, imageId: 1 }),
          title(settings),
          ...eventBlock(data),
          ...body,
        ],
      },
    ],
  });
  return packDocx(doc);
}
