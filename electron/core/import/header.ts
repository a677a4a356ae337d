import { foldText } from '../../../shared/names';
import type { PersonField } from './types';

/**
 * Finding the header row of a participant list and which column holds which field, from the
 * column names secretariats use in Indonesian and English ("Nama Lengkap", "N I P",
 * "Instansi/OPD", "No. HP", "L/P", "Name", "Agency", "E-mail").
 */

/** Column index (0-based) of each field found; fields not found are absent. */
export type ColumnMapping = Partial<Record<PersonField, number>>;

export interface HeaderColumn {
  index: number;
  /** The column name as written in the file. */
  label: string;
  /** The field it was taken as; null for columns we do not import ("No", "Tanda Tangan", extras). */
  field: PersonField | null;
}

export interface DetectedHeader {
  /** 0-based index of the header row in the table's rows. */
  headerIndex: number;
  mapping: ColumnMapping;
  /** Every non-empty header cell and what became of it, for the preview. */
  columns: HeaderColumn[];
}

/** How far down a header is looked for (title rows, a blank line, a subtitle, …). */
const HEADER_SEARCH_ROWS = 30;
/** A row is the header when it names at least this many different fields. */
const MIN_FIELDS = 2;

/** Column names compared without case, spaces and punctuation: "No. HP" → "nohp". */
export function headerKey(label: string): string {
  return foldText(label).replace(/[^\p{L}\p{N}]+/gu, '');
}

/** Header keys we recognise but do not import: the running number and the signature. */
const IGNORED = new Set([
  'no',
  'nomor',
  'nourut',
  'nomorurut',
  'number',
  'num',
  'ttd',
  'tandatangan',
  'paraf',
  'signature',
  'sign',
]);

/**
 * Rules in order: a key is tested against each field's exact names, then its fragments. Agency
 * and position come before name so that "Nama Instansi" or "Nama Jabatan" are not taken as the
 * person's name.
 */
const RULES: readonly { field: PersonField; exact: readonly string[]; contains: readonly string[] }[] = [
  {
    field: 'agency',
    exact: ['asal', 'agency', 'opd', 'skpd', 'dinas', 'lembaga', 'unit', 'institution', 'organisation', 'organization'],
    contains: [
      'instansi',
      'opd',
      'skpd',
      'unitkerja',
      'perangkatdaerah',
      'satuankerja',
      'satker',
      'agency',
      'organisasi',
      'organization',
      'institution',
      'lembaga',
    ],
  },
  { field: 'position', exact: ['jabatan', 'position', 'jobtitle'], contains: ['jabatan', 'position', 'jobtitle'] },
  { field: 'nip', exact: ['nip', 'nipnrp', 'nipnik', 'employeeid', 'employeenumber'], contains: [] },
  {
    field: 'phone',
    exact: ['hp', 'wa', 'nowa', 'nomorwa', 'telp', 'telepon', 'telephone', 'phone', 'mobile', 'kontak', 'contact'],
    contains: ['telepon', 'telp', 'phone', 'whatsapp', 'handphone', 'hp', 'mobile'],
  },
  { field: 'email', exact: ['email', 'surel', 'mail'], contains: ['email', 'surel'] },
  {
    field: 'gender',
    exact: ['lp', 'jk', 'gender', 'sex', 'kelamin', 'jeniskelamin'],
    contains: ['kelamin', 'gender'],
  },
  { field: 'role', exact: ['peran', 'role', 'peranan', 'sebagai'], contains: ['peran', 'role'] },
  {
    field: 'name',
    exact: ['nama', 'name', 'namapeserta', 'peserta', 'participant', 'fullname'],
    contains: ['namalengkap', 'fullname', 'namapeserta'],
  },
];

/** The field a column name stands for, or null. */
export function fieldForHeader(label: string): PersonField | null {
  const key = headerKey(label);
  if (key === '' || IGNORED.has(key)) return null;
  for (const r of RULES) if (r.exact.includes(key)) return r.field;
  if (key.startsWith('nip')) return 'nip';
  for (const r of RULES) if (r.contains.some((c) => key.includes(c))) return r.field;
  if (key.startsWith('nama') || key.startsWith('name')) return 'name';
  return null;
}

function readHeader(row: readonly string[]): Omit<DetectedHeader, 'headerIndex'> & { found: number } {
  const mapping: ColumnMapping = {};
  const columns: HeaderColumn[] = [];
  let found = 0;
  row.forEach((label, index) => {
    if (label.trim() === '') return;
    let field = fieldForHeader(label);
    // The first column of a field wins; a second "WhatsApp" beside "No. HP" is not imported.
    if (field && mapping[field] !== undefined) field = null;
    if (field) {
      mapping[field] = index;
      found++;
    }
    columns.push({ index, label: label.trim(), field });
  });
  return { mapping, columns, found };
}

/**
 * The header row: the first row (within the first 30) naming at least two known fields, so title
 * rows ("DAFTAR HADIR", the event, the date) and blank rows above it are skipped. Null when no
 * row qualifies.
 */
export function detectHeader(rows: readonly (readonly string[])[]): DetectedHeader | null {
  const limit = Math.min(rows.length, HEADER_SEARCH_ROWS);
  for (let i = 0; i < limit; i++) {
    const { mapping, columns, found } = readHeader(rows[i]);
    if (found >= MIN_FIELDS) return { headerIndex: i, mapping, columns };
  }
  return null;
}
