import type ExcelJS from 'exceljs';

let loading: Promise<typeof ExcelJS> | null = null;

/**
 * The spreadsheet library, loaded on first use: it is most of the core's start-up time (~226 ms
 * of ~365 ms), and only reading or writing an .xlsx needs it — in a job worker, never in the
 * process that answers calls.
 */
export function loadExcel(): Promise<typeof ExcelJS> {
  loading ??= import('exceljs').then((m) => (m as { default?: typeof ExcelJS }).default ?? (m as typeof ExcelJS));
  return loading;
}
