import {
  AlignmentType,
  BorderStyle,
  ImageRun,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type IBorderOptions,
} from 'docx';
import { annexHeadings, type AnnexKey } from '../../../shared/minutes';
import { stripNonXml } from '../../../shared/primitives';
import { actionsDocTable } from './actions-files';
import { attendanceBody } from './attendance-docx';
import { groupOutputsBody } from './group-outputs-docx';
import { fitImage } from './letterhead';
import type { MinutesAnnexes, MinutesPhotoDoc, MinutesQuickWins } from './minutes-docx';
import { cmToTwips, pageSizeTwips, marginsTwips, ptToHalfPoints, textWidthTwips, type PageSettings } from './page';

/**
 * The annexes of the minutes, each starting on a new page under "Lampiran I" and its title, each
 * left out when it has nothing, numbered in the order they print.
 */

/**
 * Drawing ids, unique in the whole document: the emblem is 1, the chart 2, photos from 10 (at most
 * 200), each day's signatures a range of 10,000 from 100,000, group outputs from 1,000,000 (a range
 * of 1000 each).
 */
const CHART_ID = 2;
const PHOTO_ID_BASE = 10;
const ATTENDANCE_ID_BASE = 100_000;
const ATTENDANCE_ID_STEP = 10_000;
const GROUP_ID_BASE = 1_000_000;

const PHOTO_MAX_HEIGHT_CM = 8;
const PHOTO_GAP = cmToTwips(0.2);
const TWIPS_PER_CM = 1440 / 2.54;

/** Whether an annex has something to print (one with nothing is left out, the rest renumbered). */
function has(a: MinutesAnnexes): (key: AnnexKey) => boolean {
  return (key) => {
    switch (key) {
      case 'attendance':
        return a.attendance.some((d) => d.rows.length > 0);
      case 'groups':
        return a.groupOutputs.steps.length > 0;
      case 'register':
        return a.actions.length > 0;
      case 'quickwins':
        return a.quickWins.chart !== null || a.quickWins.rows.length > 0;
      case 'photos':
        return a.photos.length > 0;
    }
  };
}

/** "Lampiran I Daftar Hadir", … for the annexes that will print, in order (`annexHeadings`). */
export function annexTitles(a: MinutesAnnexes): string[] {
  return annexHeadings(has(a)).map((h) => `${h.number} ${h.title}`);
}

/** "Lampiran II" over the title, bold and centred, at the top of a new page. */
function annexHeading(number: string, title: string, settings: PageSettings): Paragraph[] {
  const size = ptToHalfPoints(settings.fontSizePt + 1);
  return [
    new Paragraph({
      pageBreakBefore: true,
      keepNext: true,
      alignment: AlignmentType.CENTER,
      children: [new TextRun({ text: number, bold: true, size })],
    }),
    new Paragraph({
      keepNext: true,
      alignment: AlignmentType.CENTER,
      spacing: { after: 240 },
      children: [new TextRun({ text: title, bold: true, size })],
    }),
  ];
}

/** Text height between the margins, in centimetres. */
function textHeightCm(settings: PageSettings): number {
  const m = marginsTwips(settings);
  return (pageSizeTwips(settings).height - m.top - m.bottom) / TWIPS_PER_CM;
}

const cellText = (v: string, size: number, bold = false, center = false) =>
  new Paragraph({
    alignment: center ? AlignmentType.CENTER : AlignmentType.LEFT,
    children: [new TextRun({ text: stripNonXml(v), bold, size })],
  });

/** The chart over the whole text width, then Peringkat · Usulan · Kelompok · Skor. */
function quickWinBlocks(q: MinutesQuickWins, settings: PageSettings): (Paragraph | Table)[] {
  const width = textWidthTwips(settings);
  const out: (Paragraph | Table)[] = [];
  if (q.chart) {
    out.push(
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: { after: 240 },
        children: [
          new ImageRun({
            type: 'png',
            data: q.chart.data,
            transformation: fitImage(q.chart, width / TWIPS_PER_CM, textHeightCm(settings) * 0.6),
            altText: { id: String(CHART_ID), name: 'Grafik peringkat quick win', description: 'Peringkat quick win' },
          }),
        ],
      }),
    );
  }
  if (q.rows.length === 0) return out;
  const size = ptToHalfPoints(Math.max(9, settings.fontSizePt - 2));
  const fixed = [1300, 0, 2800, 1000];
  fixed[1] = width - fixed.reduce((a, b) => a + b, 0);
  const rows = [
    ['Peringkat', 'Usulan', 'Kelompok', 'Skor'],
    ...q.rows.map((r) => [r.rank, r.proposal, r.group, r.score]),
  ];
  out.push(
    new Table({
      width: { size: width, type: WidthType.DXA },
      columnWidths: fixed,
      layout: TableLayoutType.FIXED,
      rows: rows.map(
        (row, i) =>
          new TableRow({
            tableHeader: i === 0,
            cantSplit: true,
            children: row.map(
              (v, j) =>
                new TableCell({
                  width: { size: fixed[j], type: WidthType.DXA },
                  margins: { top: 40, bottom: 40, left: 80, right: 80 },
                  children: [cellText(v, size, i === 0, i === 0 || j === 0 || j === 3)],
                }),
            ),
          }),
      ),
    }),
  );
  return out;
}

const NO_BORDER: IBorderOptions = { style: BorderStyle.NONE, size: 0, color: 'auto' };
const NO_BORDERS = { top: NO_BORDER, bottom: NO_BORDER, left: NO_BORDER, right: NO_BORDER };

/** Photos two per row in a borderless table, each fitted to its half and ~8 cm high, caption under it. */
function photoTable(photos: readonly MinutesPhotoDoc[], settings: PageSettings): Table {
  const width = textWidthTwips(settings);
  const half = Math.floor(width / 2);
  const widths = [half, width - half];
  const maxWidthCm = (half - 2 * PHOTO_GAP) / TWIPS_PER_CM;
  const small = ptToHalfPoints(Math.max(9, settings.fontSizePt - 2));
  const photoCell = (p: MinutesPhotoDoc | undefined, i: number, w: number) =>
    new TableCell({
      width: { size: w, type: WidthType.DXA },
      borders: NO_BORDERS,
      verticalAlign: VerticalAlignTable.TOP,
      children: p
        ? [
            new Paragraph({
              alignment: AlignmentType.CENTER,
              keepNext: true,
              children: [
                new ImageRun({
                  type: p.type ?? 'jpg',
                  data: p.data,
                  transformation: fitImage(p, maxWidthCm, PHOTO_MAX_HEIGHT_CM),
                  altText: {
                    id: String(PHOTO_ID_BASE + i),
                    name: `Foto ${i + 1}`,
                    description: stripNonXml(p.caption) || `Foto ${i + 1}`,
                  },
                }),
              ],
            }),
            new Paragraph({
              alignment: AlignmentType.CENTER,
              spacing: { before: 60, after: 240 },
              children: [new TextRun({ text: stripNonXml(p.caption), size: small })],
            }),
          ]
        : [new Paragraph({})],
    });
  const rows: TableRow[] = [];
  for (let i = 0; i < photos.length; i += 2) {
    rows.push(
      new TableRow({
        cantSplit: true,
        children: [photoCell(photos[i], i, widths[0]), photoCell(photos[i + 1], i + 1, widths[1])],
      }),
    );
  }
  return new Table({
    width: { size: width, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: {
      top: NO_BORDER,
      bottom: NO_BORDER,
      left: NO_BORDER,
      right: NO_BORDER,
      insideHorizontal: NO_BORDER,
      insideVertical: NO_BORDER,
    },
    margins: { left: PHOTO_GAP, right: PHOTO_GAP, top: 0, bottom: 0 },
    rows,
  });
}

/** Every annex that has something, each from a new page. */
export function annexBlocks(a: MinutesAnnexes, settings: PageSettings): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [];
  for (const { key, number, title } of annexHeadings(has(a))) {
    out.push(...annexHeading(number, title, settings));
    switch (key) {
      case 'attendance':
        a.attendance
          .filter((d) => d.rows.length > 0)
          .forEach((day, i) =>
            out.push(
              ...attendanceBody(day, settings, {
                imageIdBase: ATTENDANCE_ID_BASE + i * ATTENDANCE_ID_STEP,
                pageBreakBefore: i > 0,
              }),
            ),
          );
        break;
      case 'groups':
        out.push(...groupOutputsBody(a.groupOutputs, settings, { imageIdBase: GROUP_ID_BASE }));
        break;
      case 'register':
        out.push(actionsDocTable(a.actions, settings));
        break;
      case 'quickwins':
        out.push(...quickWinBlocks(a.quickWins, settings));
        break;
      case 'photos':
        out.push(photoTable(a.photos, settings));
        break;
    }
  }
  return out;
}
