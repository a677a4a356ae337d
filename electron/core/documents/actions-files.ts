import {
  AlignmentType,
  Document,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { ActionItem, ActionKind, ActionStatus } from '../../../shared/followups';
import { formatDayMonthYear } from '../../../shared/format';
import { stripNonXml } from '../../../shared/primitives';
import { formatCsv } from '../import/csv';
import { loadExcel } from '../import/load-excel';
import { buildLetterhead, type LetterheadSettings } from './letterhead';
import { documentStyles, ptToHalfPoints, sectionPage, textWidthTwips, type PageSettings } from './page';

/**
 * The engagement's action items (tindak lanjut) as files: XLSX and CSV for the secretariat (one
 * row per item, every column), DOCX for the minutes (letterhead, the five columns a reader of the
 * minutes needs). Pure functions of the gathered rows; they run in a job worker.
 */

/** Labels as the secretariat writes them (the documents are Indonesian whatever the UI language). */
export const KIND_LABEL: Record<ActionKind, string> = {
  'payung-hukum': 'Payung hukum',
  sk: 'SK',
  sop: 'SOP',
  anggaran: 'Anggaran',
  data: 'Data',
  lainnya: 'Lainnya',
};
export const STATUS_LABEL: Record<ActionStatus, string> = {
  belum: 'Belum',
  proses: 'Proses',
  selesai: 'Selesai',
  batal: 'Batal',
};

/** One item as the files show it: every value already text. */
export interface ActionExportRow {
  title: string;
  kind: string;
  programme: string;
  dimension: string;
  agency: string;
  person: string;
  /** YYYY-MM-DD or ''. */
  dueDate: string;
  status: string;
  evidenceNumber: string;
  evidenceDate: string;
  /** "Tahap III – <workshop> · <step> · Keputusan: … / Quick win: …". */
  origin: string;
  history: { at: string; status: string; note: string }[];
}

export interface ActionsFileData {
  baseName: string;
  /** "<programme> Kota X 2019": under the title of the DOCX. */
  title: string;
  rows: ActionExportRow[];
  letterhead: LetterheadSettings;
  layout: PageSettings;
}

/** dd/mm/yyyy from YYYY-MM-DD (or an ISO instant's date part); '' stays ''. */
export function slashDate(date: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : '';
}

/** The row of an item as the gatherer makes it: labels, dimension name and origin resolved elsewhere. */
export function exportRow(
  a: ActionItem,
  dimensionName: string,
  origin: string,
  /** The history's instants as local dates (the engagement's zone). */
  localDate: (iso: string) => string,
): ActionExportRow {
  return {
    title: a.title,
    kind: KIND_LABEL[a.kind],
    programme: a.programme,
    dimension: dimensionName,
    agency: a.agency,
    person: a.person,
    dueDate: a.dueDate,
    status: STATUS_LABEL[a.status],
    evidenceNumber: a.evidenceNumber,
    evidenceDate: a.evidenceDate,
    origin,
    history: a.history.map((h) => ({ at: localDate(h.at), status: STATUS_LABEL[h.status], note: h.note })),
  };
}

export const ACTION_COLUMNS = [
  'No',
  'Tindak lanjut',
  'Jenis',
  'Program',
  'Dimensi',
  'OPD penanggung jawab',
  'Penanggung jawab',
  'Batas waktu',
  'Status',
  'Bukti (nomor & tanggal)',
  'Asal',
  'Riwayat',
] as const;

const evidenceText = (r: ActionExportRow) =>
  [r.evidenceNumber, slashDate(r.evidenceDate)].filter((s) => s !== '').join(', ');
const historyText = (r: ActionExportRow) =>
  r.history.map((h) => `${slashDate(h.at)} ${h.status}${h.note ? ` (${h.note})` : ''}`).join('; ');

/** The table of the XLSX and the CSV as text (header first). */
export function actionTableRows(rows: readonly ActionExportRow[]): string[][] {
  return [
    [...ACTION_COLUMNS],
    ...rows.map((r, i) => [
      String(i + 1),
      r.title,
      r.kind,
      r.programme,
      r.dimension,
      r.agency,
      r.person,
      slashDate(r.dueDate),
      r.status,
      evidenceText(r),
      r.origin,
      historyText(r),
    ]),
  ].map((row) => row.map((v) => stripNonXml(v)));
}

/** Text Excel would run as a formula when opening a CSV (CSV injection): written with an apostrophe. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** CSV as the participants export writes it: UTF-8 with BOM, semicolons, CRLF. */
export function buildActionsCsv(rows: readonly ActionExportRow[]): Uint8Array {
  const table = actionTableRows(rows).map((r) => r.map((v) => (v.length > 1 && FORMULA_START.test(v) ? `'${v}` : v)));
  return new TextEncoder().encode('\ufeff' + formatCsv(table, ';'));
}

const WIDTHS = [5, 44, 14, 24, 20, 30, 24, 13, 10, 34, 44, 50];

/** One sheet "Tindak Lanjut": header frozen and bold, text wrapped, the number column a number. */
export async function buildActionsXlsx(rows: readonly ActionExportRow[]): Promise<Uint8Array> {
  const ExcelJS = await loadExcel();
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Bimtek Studio';
  const sheet = workbook.addWorksheet('Tindak Lanjut', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = WIDTHS.map((width) => ({ width }));
  actionTableRows(rows).forEach((row, i) => {
    const added = sheet.addRow(i === 0 ? row : [Number(row[0]), ...row.slice(1)]);
    added.alignment = { vertical: 'top', wrapText: true };
    if (i === 0) added.font = { bold: true };
  });
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: WIDTHS.length } };
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}

/** The DOCX table's rows as text (header first): what the minutes show. */
export function actionDocRows(rows: readonly ActionExportRow[]): string[][] {
  return [
    ['No', 'Tindak lanjut', 'Penanggung jawab (OPD)', 'Batas waktu', 'Status'],
    ...rows.map((r, i) => [
      String(i + 1),
      r.title,
      [r.agency, r.person].filter((s) => s !== '').join(' – '),
      r.dueDate ? formatDayMonthYear(r.dueDate, 'id') : '–',
      r.status,
    ]),
  ].map((row) => row.map((v) => stripNonXml(v)));
}

/** An empty list still makes a valid document that says so. */
export const NO_ACTIONS_TEXT = 'Belum ada tindak lanjut.';

/**
 * The five-column table of the DOCX (No · Tindak lanjut · Penanggung jawab (OPD) · Batas waktu ·
 * Status) as wide as the text: its header repeats on every page and no row splits across pages.
 * Shared by the DAFTAR TINDAK LANJUT and the minutes (section D and its annex).
 */
export function actionsDocTable(rows: readonly ActionExportRow[], settings: PageSettings): Table {
  const width = textWidthTwips(settings);
  const sizePt = Math.max(9, settings.fontSizePt - 2);
  const size = ptToHalfPoints(sizePt);
  const fixed = [600, 0, 2400, 1750, 1050];
  fixed[1] = width - fixed.reduce((a, b) => a + b, 0);
  return new Table({
    width: { size: width, type: WidthType.DXA },
    columnWidths: fixed,
    layout: TableLayoutType.FIXED,
    rows: actionDocRows(rows).map(
      (row, i) =>
        new TableRow({
          tableHeader: i === 0,
          cantSplit: true,
          children: row.map(
            (v, j) =>
              new TableCell({
                width: { size: fixed[j], type: WidthType.DXA },
                margins: { top: 40, bottom: 40, left: 80, right: 80 },
                children: [
                  new Paragraph({
                    alignment: j === 0 || (i === 0 && j > 0) ? AlignmentType.CENTER : AlignmentType.LEFT,
                    children: [new TextRun({ text: v, bold: i === 0, size })],
                  }),
                ],
              }),
          ),
        }),
    ),
  });
}

export async function buildActionsDocx(data: ActionsFileData): Promise<Uint8Array> {
  const settings: PageSettings = { ...data.layout, orientation: 'portrait' };
  const width = textWidthTwips(settings);
  const table = actionsDocTable(data.rows, settings);
  const doc = new Document({
    creator: 'Bimtek Studio',
    title: `Daftar Tindak Lanjut – ${data.title}`,
    styles: documentStyles(settings),
    sections: [
      {
        properties: { page: sectionPage(settings) },
        children: [
          ...buildLetterhead(data.letterhead, { textWidthTwips: width, imageId: 1 }),
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { after: 120 },
            children: [
              new TextRun({ text: 'DAFTAR TINDAK LANJUT', bold: true, size: ptToHalfPoints(settings.fontSizePt + 2) }),
            ],
          }),
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { after: 240 },
            children: [new TextRun(stripNonXml(data.title))],
          }),
          data.rows.length > 0 ? table : new Paragraph({ children: [new TextRun(NO_ACTIONS_TEXT)] }),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toArrayBuffer(doc));
}
