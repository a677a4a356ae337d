import { parseCsv } from './csv';
import { decodeText } from './decode';
import type { TableData } from './types';
import { readXlsx } from './xlsx';

/** Why a file could not be read as a table; each has a message in `IMPORT_MESSAGES`. */
export const NOT_A_TABLE_REASONS = ['empty', 'binary', 'oldExcel', 'unreadableWorkbook', 'noCells'] as const;
export type NotATableReason = (typeof NOT_A_TABLE_REASONS)[number];

/** Thrown by `readTable` for a file that holds no table: one code, one reason. */
export class NotATableError extends Error {
  readonly code = 'notATable' as const;
  constructor(readonly reason: NotATableReason) {
    super(`notATable: ${reason}`);
    this.name = 'NotATableError';
  }
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
/** OLE compound file: Excel 97–2003 .xls, and also any password-protected .xlsx. */
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

const startsWith = (bytes: Uint8Array, magic: readonly number[]) => magic.every((b, i) => bytes[i] === b);

/** Text with NUL or many control characters is a binary file read as text (an image, a PDF). */
function looksBinary(text: string): boolean {
  const sample = text.slice(0, 4096);
  let control = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c === 0) return true;
    if (c < 32 && c !== 9 && c !== 10 && c !== 13) control++;
  }
  return control > sample.length / 20;
}

const hasCells = (rows: string[][]) => rows.some((r) => r.some((c) => c.trim() !== ''));

/**
 * Reads the secretariat's participant file: .xlsx by its content (whatever its name), anything
 * else as delimited text (CSV with comma, semicolon or tab). `fileName` only decides how an
 * unreadable file is explained. Throws `NotATableError` for an empty file, an image or other
 * binary file, an old .xls or protected workbook, or a file without a single filled cell.
 */
export async function readTable(bytes: Uint8Array, fileName: string): Promise<TableData> {
  if (bytes.length === 0) throw new NotATableError('empty');
  if (startsWith(bytes, OLE)) throw new NotATableError('oldExcel');
  if (startsWith(bytes, ZIP)) return readWorkbook(bytes);
  if (/\.xls[xm]?$/i.test(fileName)) throw new NotATableError('unreadableWorkbook');

  const text = decodeText(bytes);
  if (looksBinary(text)) throw new NotATableError('binary');
  const rows = parseCsv(text);
  if (!hasCells(rows)) throw new NotATableError(text.trim() === '' ? 'empty' : 'noCells');
  return { rows, damaged: [] };
}

async function readWorkbook(bytes: Uint8Array): Promise<TableData> {
  let table: TableData;
  try {
    table = await readXlsx(bytes);
  } catch {
    // A zip that is not a workbook (a .docx, a damaged file).
    throw new NotATableError('unreadableWorkbook');
  }
  if (!hasCells(table.rows)) throw new NotATableError('noCells');
  return table;
}
