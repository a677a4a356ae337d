import {
  AlignmentType,
  BorderStyle,
  ImageRun,
  LineRuleType,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import { stripNonXml } from '../../../shared/primitives';
import { sizeToFitLine, type SizeRange } from './metrics';
import { cmToTwips, DEFAULT_PAGE_SETTINGS, ptToHalfPoints, textWidthTwips } from './page';

/**
 * The kop surat (letterhead) of a regional office: the region's emblem on the left, the
 * government and agency names bold and centred, address and contacts below, and a thick-thin
 * double rule under it all. Shared by the daftar hadir, the susunan acara and the minutes.
 */

/** An image as the document embeds it; width and height are its pixel size (for the aspect). */
export interface DocImage {
  data: Uint8Array;
  type: 'png' | 'jpg';
  width: number;
  height: number;
}

export interface LetterheadSettings {
  emblem?: DocImage | null;
  /** Up to three bold centred lines: "PEMERINTAH KOTA KEDIRI", "DINAS KOMUNIKASI DAN INFORMATIKA". */
  lines: string[];
  /** "Jalan Basuki Rahmat No. 15, Kediri 64123" */
  address: string;
  /** "Telepon (0354) 682955, Laman www.kedirikota.go.id, Pos-el kominfo@kedirikota.go.id" */
  contacts: string;
}

export interface LetterheadLayout {
  /** Width between the page margins, in twips. */
  textWidthTwips?: number;
  /** Drawing id of the emblem, unique in the document (keeps the output byte-stable). */
  imageId?: number;
}

const EMBLEM_COLUMN_CM = 2.4;
const EMBLEM_MAX_HEIGHT_CM = 2.6;
const EMBLEM_MAX_WIDTH_CM = 2.2;
/** docx sizes images in pixels at 96 to the inch. */
const PX_PER_CM = 96 / 2.54;

/**
 * Sizes in points: the agency line is the largest, as on printed kop surat. A line too long for
 * the width shrinks, down to the smallest size, rather than wrap.
 */
const LINE_PT: SizeRange = { largest: 14, smallest: 11 };
const LAST_LINE_PT: SizeRange = { largest: 16, smallest: 11 };
const ADDRESS_PT: SizeRange = { largest: 11, smallest: 9 };
const CONTACTS_PT: SizeRange = { largest: 10, smallest: 8 };

/**
 * Scales an image to fit a box (in cm) keeping its aspect, in docx pixels. Never enlarges past
 * the box; a zero-sized image gets the box.
 */
export function fitImage(image: { width: number; height: number }, maxWidthCm: number, maxHeightCm: number) {
  if (image.width <= 0 || image.height <= 0) {
    return { width: Math.round(maxWidthCm * PX_PER_CM), height: Math.round(maxHeightCm * PX_PER_CM) };
  }
  const scale = Math.min((maxWidthCm * PX_PER_CM) / image.width, (maxHeightCm * PX_PER_CM) / image.height);
  return { width: Math.max(1, Math.round(image.width * scale)), height: Math.max(1, Math.round(image.height * scale)) };
}

function textParagraphs(settings: LetterheadSettings, width: number): Paragraph[] {
  const centred = (text: string, range: SizeRange, bold: boolean) =>
    new Paragraph({
      alignment: AlignmentType.CENTER,
      children: [
        new TextRun({
          text: stripNonXml(text),
          bold,
          size: ptToHalfPoints(sizeToFitLine(text, width / 20, range, bold)),
        }),
      ],
    });
  const lines = settings.lines
    .map((l) => l.trim().toLocaleUpperCase('id-ID'))
    .filter(Boolean)
    .slice(0, 3);
  const out = lines.map((line, i) => centred(line, i === lines.length - 1 ? LAST_LINE_PT : LINE_PT, true));
  if (settings.address.trim()) out.push(centred(settings.address.trim(), ADDRESS_PT, false));
  if (settings.contacts.trim()) out.push(centred(settings.contacts.trim(), CONTACTS_PT, false));
  return out.length > 0 ? out : [new Paragraph({})];
}

function emblemParagraph(emblem: DocImage, imageId: number): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    children: [
      new ImageRun({
        type: emblem.type,
        data: emblem.data,
        transformation: fitImage(emblem, EMBLEM_MAX_WIDTH_CM, EMBLEM_MAX_HEIGHT_CM),
        altText: { id: String(imageId), name: 'Lambang daerah', description: 'Lambang daerah' },
      }),
    ],
  });
}

/**
 * Emblem and text side by side in a borderless table of three columns, the third as wide as the
 * emblem's and empty, so the text is centred on the page and not only beside the emblem.
 */
function emblemTable(settings: LetterheadSettings, emblem: DocImage, width: number, imageId: number): Table {
  const side = cmToTwips(EMBLEM_COLUMN_CM);
  const middle = width - 2 * side;
  const cell = (children: Paragraph[], w: number) =>
    new TableCell({
      children,
      width: { size: w, type: WidthType.DXA },
      verticalAlign: VerticalAlignTable.CENTER,
      borders: TableBorders.NONE,
    });
  return new Table({
    width: { size: width, type: WidthType.DXA },
    columnWidths: [side, middle, side],
    layout: TableLayoutType.FIXED,
    borders: TableBorders.NONE,
    margins: { left: 0, right: 0, top: 0, bottom: 0 },
    rows: [
      new TableRow({
        children: [
          cell([emblemParagraph(emblem, imageId)], side),
          cell(textParagraphs(settings, middle), middle),
          cell([new Paragraph({})], side),
        ],
      }),
    ],
  });
}

/**
 * The thick-over-thin rule under a kop surat: the bottom border of an almost empty paragraph
 * (3 pt in all), followed by a little space before the document's title.
 */
function doubleRule(): Paragraph[] {
  return [
    new Paragraph({
      border: { bottom: { style: BorderStyle.THICK_THIN_SMALL_GAP, size: 24, color: '000000', space: 1 } },
      spacing: { before: 60, after: 0, line: 120, lineRule: LineRuleType.EXACT },
      children: [new TextRun({ text: '', size: 4 })],
    }),
    new Paragraph({ spacing: { after: 120 }, children: [] }),
  ];
}

/**
 * The letterhead as document elements to put first in a section: with an emblem a borderless
 * three-column table (emblem · centred text · balance), without one just the centred lines; then
 * the double rule. Lines are printed in capitals; at most three are used. Each line takes the
 * largest size that fits on one line (agency 16 pt, government 14 pt, address 11 pt, contacts
 * 10 pt, shrinking when long).
 */
export function buildLetterhead(settings: LetterheadSettings, layout: LetterheadLayout = {}): (Paragraph | Table)[] {
  const width = layout.textWidthTwips ?? textWidthTwips(DEFAULT_PAGE_SETTINGS);
  const head = settings.emblem
    ? [emblemTable(settings, settings.emblem, width, layout.imageId ?? 1)]
    : textParagraphs(settings, width);
  return [...head, ...doubleRule()];
}
