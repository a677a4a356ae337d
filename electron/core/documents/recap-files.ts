import { packDocx } from './pack';
import {
  AlignmentType,
  Document,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { AttendanceStatus, Recap } from '../../../shared/attendance';
import { formatDayMonthYear, stageLabel } from '../../../shared/format';
import { loadExcel } from '../import/load-excel';
import { buildLetterhead, type LetterheadSettings } from './letterhead';
import { documentStyles, ptToHalfPoints, sectionPage, textWidthTwips, type PageSettings } from './page';

/**
 * Rekap kehadiran as files: an XLSX to work with (one sheet per participant, one per OPD) and a
 * DOCX to file (landscape, the letterhead, the same two tables). Pure functions of the recap.
 */

const MARK: Record<AttendanceStatus, string> = { hadir: '✓', izin: 'I', sakit: 'S', diwakili: 'D', 'tidak-hadir': 'T' };
const LEGEND = '✓ hadir · I izin · S sakit · D diwakili · T tidak hadir · – belum tercatat';

const dayTitle = (d: Recap['days'][number]) =>
  `${stageLabel(d.stage, d.customStageName, 'id')} ${formatDayMonthYear(d.date, 'id')}`;

/** The per-participant table as rows of text (header first). */
export function recapPeopleRows(r: Recap): string[][] {
  return [
    ['No', 'Nama', 'Instansi/OPD', ...r.days.map(dayTitle), 'Semua tahap'],
    ...r.people.map((p, i) => [
      String(i + 1),
      p.name,
      p.agency,
      ...p.statuses.map((s) => (s ? MARK[s] : '–')),
      p.everyDay ? '✓' : '',
    ]),
    ['', 'Jumlah hadir', '', ...r.totals.present.map(String), String(r.totals.everyDay)],
  ];
}

/** The per-OPD table as rows of text (header first, totals last). */
export function recapAgencyRows(r: Recap): string[][] {
  return [
    ['Instansi/OPD', 'Terdaftar', ...r.days.map(dayTitle)],
    ...r.byAgency.map((a) => [a.agency || '(tanpa OPD)', String(a.expected), ...a.present.map(String)]),
    ['Jumlah', String(r.totals.expected), ...r.totals.present.map(String)],
  ];
}

export async function buildRecapXlsx(r: Recap): Promise<Uint8Array> {
  const ExcelJS = await loadExcel();
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Bimtek Studio';
  const add = (name: string, rows: string[][], widths: number[]) => {
    const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = rows[0].map((_, i) => ({ width: widths[i] ?? 16 }));
    rows.forEach((row, i) => {
      const added = sheet.addRow(row.map((v, j) => (i > 0 && /^\d+$/.test(v) && j !== 1 ? Number(v) : v)));
      if (i === 0 || i === rows.length - 1) added.font = { bold: true };
    });
  };
  add('Per peserta', recapPeopleRows(r), [5, 36, 36]);
  add('Per OPD', recapAgencyRows(r), [40, 11]);
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}

function table(rows: string[][], width: number, first: number[], sizePt: number): Table {
  const rest = rows[0].length - first.length;
  const firstSum = first.reduce((a, b) => a + b, 0);
  const other = rest > 0 ? Math.floor((width - firstSum) / rest) : 0;
  const widths = rows[0].map((_, i) => first[i] ?? other);
  widths[1] += width - widths.reduce((a, b) => a + b, 0);
  const size = ptToHalfPoints(sizePt);
  return new Table({
    width: { size: width, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    rows: rows.map(
      (row, i) =>
        new TableRow({
          tableHeader: i === 0,
          cantSplit: true,
          children: row.map(
            (v, j) =>
              new TableCell({
                width: { size: widths[j], type: WidthType.DXA },
                children: [
                  new Paragraph({
                    alignment:
                      j >= first.length || (j === 0 && first.length === 3) ? AlignmentType.CENTER : AlignmentType.LEFT,
                    children: [new TextRun({ text: v, bold: i === 0 || i === rows.length - 1, size })],
                  }),
                ],
              }),
          ),
        }),
    ),
  });
}

export async function buildRecapDocx(
  r: Recap,
  title: string,
  letterhead: LetterheadSettings,
  page: PageSettings,
): Promise<Uint8Array> {
  const settings: PageSettings = { ...page, orientation: 'landscape' };
  const width = textWidthTwips(settings);
  const sizePt = Math.max(8, settings.fontSizePt - 3);
  const heading = (text: string) =>
    new Paragraph({ spacing: { before: 240, after: 120 }, children: [new TextRun({ text, bold: true })] });
  const doc = new Document({
    creator: 'Bimtek Studio',
    title: `Rekap Kehadiran – ${title}`,
    styles: documentStyles(settings),
    sections: [
      {
        properties: { page: sectionPage(settings) },
        children: [
          ...buildLetterhead(letterhead, { textWidthTwips: width, imageId: 1 }),
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { after: 120 },
            children: [
              new TextRun({ text: 'REKAP KEHADIRAN', bold: true, size: ptToHalfPoints(settings.fontSizePt + 2) }),
            ],
          }),
          new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 240 }, children: [new TextRun(title)] }),
          heading('Per OPD'),
          table(recapAgencyRows(r), width, [5200, 1300], sizePt),
          heading('Per peserta'),
          new Paragraph({
            spacing: { after: 120 },
            children: [new TextRun({ text: LEGEND, size: ptToHalfPoints(sizePt) })],
          }),
          table(recapPeopleRows(r), width, [600, 4200, 3600], sizePt),
        ],
      },
    ],
  });
  return packDocx(doc);
}
