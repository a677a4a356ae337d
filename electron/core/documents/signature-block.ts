import { BorderStyle, Paragraph, Table, TableCell, TableLayoutType, TableRow, TextRun, WidthType } from 'docx';
import type { IBorderOptions, ITableCellBorders } from 'docx';
import { formatNip } from '../../../shared/nip';
import { stripNonXml } from '../../../shared/primitives';
import { cmToTwips, textWidthTwips, type PageSettings } from './page';

/**
 * The signature block of official documents (daftar hadir, notulen): each signatory's role, about
 * 2 cm of room to sign, the full name bold and underlined, pangkat/golongan and the NIP as
 * "NIP. 19850315 201001 1 002"; two signatories side by side.
 */

/** One person signing the closing block. */
export interface Signatory {
  /** "Pimpinan Rapat", "Notulis", "Sekretariat". */
  role: string;
  name: string;
  /** Pangkat/golongan, e.g. "Pembina Tk. I (IV/b)". */
  rank: string;
  nip: string;
}

const NO_BORDER: IBorderOptions = { style: BorderStyle.NONE, size: 0, color: 'auto' };
const NO_BORDERS: ITableCellBorders = { top: NO_BORDER, bottom: NO_BORDER, left: NO_BORDER, right: NO_BORDER };

/** The lines of one signatory: role, room to sign, name (bold, underlined), pangkat/golongan, NIP. */
export function signatoryLines(s: Signatory | null, opening: string[], withRank: boolean): Paragraph[] {
  const p = (t: string, extra: { bold?: boolean; underline?: boolean } = {}, spacingBefore = 0) =>
    new Paragraph({
      keepNext: true,
      spacing: spacingBefore ? { before: spacingBefore } : undefined,
      children: [new TextRun({ text: stripNonXml(t), bold: extra.bold, underline: extra.underline ? {} : undefined })],
    });
  if (!s) return [...opening.map(() => p('')), p(''), p('', {}, cmToTwips(2)), ...(withRank ? [p('')] : []), p('')];
  const lines = [...opening.map((o) => p(o)), p(`${s.role},`)];
  // Room to sign: about 2 cm. An unknown name leaves a dotted line to write it by hand.
  lines.push(
    s.name ? p(s.name, { bold: true, underline: true }, cmToTwips(2)) : p('(' + '.'.repeat(40) + ')', {}, cmToTwips(2)),
  );
  if (withRank) lines.push(p(s.rank));
  lines.push(p(s.nip ? `NIP. ${formatNip(s.nip)}` : 'NIP.'));
  return lines;
}

/** One side of a signature block: who signs, and the lines above their role ("Kediri, …", "Mengetahui,"). */
export interface SignatureColumn {
  signatory: Signatory;
  opening: string[];
}

/**
 * Two signatories side by side, each a half of the text width: one borderless row that never
 * splits, so the block is never torn from itself across a page. A missing side stays empty; the
 * pangkat/golongan line is printed on both sides when either has one, so the names stay level.
 */
export function signatureColumns(
  left: SignatureColumn | null,
  right: SignatureColumn | null,
  settings: PageSettings,
): Table {
  const width = textWidthTwips(settings);
  const half = Math.floor(width / 2);
  const withRank = !!left?.signatory.rank || !!right?.signatory.rank;
  const lines = (c: SignatureColumn | null) =>
    c ? signatoryLines(c.signatory, c.opening, withRank) : [new Paragraph({})];
  const side = (children: Paragraph[], w: number) =>
    new TableCell({ children, width: { size: w, type: WidthType.DXA }, borders: NO_BORDERS });
  return new Table({
    width: { size: width, type: WidthType.DXA },
    columnWidths: [half, width - half],
    layout: TableLayoutType.FIXED,
    borders: {
      top: NO_BORDER,
      bottom: NO_BORDER,
      left: NO_BORDER,
      right: NO_BORDER,
      insideHorizontal: NO_BORDER,
      insideVertical: NO_BORDER,
    },
    rows: [new TableRow({ cantSplit: true, children: [side(lines(left), half), side(lines(right), width - half)] })],
  });
}
