import type ExcelJS from 'exceljs';
import { loadExcel } from './load-excel';
import type { CellRef, TableData } from './types';

/**
 * Reading an .xlsx workbook into text cells, the way the cells look in Excel rather than how
 * they are stored: 12 not "12.0", dates as YYYY-MM-DD, rich text joined, formulas' results.
 */

/** Excel keeps 15 significant digits; an integer this large has lost its last digits. */
const EXCEL_EXACT_LIMIT = 1e15;

/** A cell's value as text, and whether Excel had already damaged it (see `TableData.damaged`). */
interface CellText {
  text: string;
  damaged: boolean;
}

const plain = (text: string): CellText => ({ text, damaged: false });

function numberText(n: number): CellText {
  if (!Number.isFinite(n)) return plain(String(n));
  if (Number.isInteger(n)) {
    // toFixed avoids "1.98503152010011e+17"; the digits past the 15th are Excel's zeros.
    return { text: n.toFixed(0), damaged: Math.abs(n) >= EXCEL_EXACT_LIMIT };
  }
  // Floating-point noise (0.30000000000000004) shown as Excel shows it.
  return plain(String(Number(n.toPrecision(15))));
}

const pad = (n: number) => String(n).padStart(2, '0');

function dateText(d: Date): string {
  const day = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  const h = d.getUTCHours();
  const m = d.getUTCMinutes();
  return h === 0 && m === 0 ? day : `${day} ${pad(h)}:${pad(m)}`;
}

/** Any exceljs cell value as the text Excel would show. */
export function cellText(value: ExcelJS.CellValue | undefined): CellText {
  if (value === null || value === undefined) return plain('');
  if (typeof value === 'string') return plain(value);
  if (typeof value === 'number') return numberText(value);
  if (typeof value === 'boolean') return plain(value ? 'TRUE' : 'FALSE');
  if (value instanceof Date) return plain(Number.isNaN(value.getTime()) ? '' : dateText(value));
  if ('richText' in value) return plain(value.richText.map((r) => r.text).join(''));
  if ('error' in value) return plain(value.error);
  if ('formula' in value || 'sharedFormula' in value) {
    return cellText((value as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue | undefined);
  }
  if ('hyperlink' in value) {
    // The shown text may itself be rich text.
    return cellText(value.text as unknown as ExcelJS.CellValue);
  }
  return plain(String(value));
}

/**
 * The first visible worksheet of an .xlsx file as rows of text (row i of the result is Excel row
 * i + 1; trailing empty cells and rows are dropped). Merged cells repeat the merged value in
 * every cell they cover, so an agency merged down a group of rows reaches each row.
 * Throws for bytes that are not a workbook, or a workbook without a worksheet.
 */
export async function readXlsx(bytes: Uint8Array): Promise<TableData> {
  const Excel = await loadExcel();
  const workbook = new Excel.Workbook();
  // exceljs declares its own Buffer type; at run time it takes a Node Buffer.
  await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as never);
  const sheet = workbook.worksheets.find((w) => w.state === 'visible') ?? workbook.worksheets[0];
  if (!sheet) throw new Error('The workbook has no worksheet.');
  const rows: string[][] = [];
  const damaged: CellRef[] = [];

  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      const { text, damaged: lost } = cellText(cell.value);
      while (cells.length < colNumber - 1) cells.push('');
      cells[colNumber - 1] = text;
      if (lost) damaged.push({ row: rowNumber - 1, col: colNumber - 1 });
    });
    while (cells.length > 0 && cells[cells.length - 1].trim() === '') cells.pop();
    if (cells.length === 0) return;
    while (rows.length < rowNumber - 1) rows.push([]);
    rows[rowNumber - 1] = cells;
  });
  return { rows, damaged };
}
