/**
 * Reading the secretariat's participant files (CSV, .xlsx), previewing what an import would do,
 * and exporting the register. Plain Node: no Electron, no store.
 */
export { decodeText } from './decode';
export { parseCsv, detectDelimiter, formatCsv, type Delimiter } from './csv';
export { readXlsx } from './xlsx';
export { readTable, NotATableError, NOT_A_TABLE_REASONS, type NotATableReason } from './table';
export { detectHeader, fieldForHeader, type ColumnMapping, type DetectedHeader, type HeaderColumn } from './header';
export {
  buildPreview,
  PREVIEW_REASONS,
  type PreviewReason,
  type PreviewRow,
  type PreviewStatus,
  type ExistingPerson,
  type PreviewOptions,
} from './preview';
export { exportRegisterCsv, exportRegisterXlsx, type RegisterPerson, type RegisterExportOptions } from './export';
export { IMPORT_MESSAGES, importKey, importMessage } from './messages';
export { PERSON_FIELDS, type PersonField, type PersonValues, type CellRef, type TableData } from './types';
