import { loadExcel } from './load-excel';
import type { Language } from '../../../shared/languages';
import { stripNonXml } from '../../../shared/primitives';
import { formatCsv } from './csv';
import { PERSON_FIELDS, type PersonField } from './types';

/**
 * The participant register exported for the secretariat: CSV as Excel in an Indonesian locale
 * opens it (semicolons, UTF-8 with BOM), or .xlsx. Both read back through the import unchanged.
 */

/** One registered person; missing fields export as empty cells. */
export type RegisterPerson = { name: string } & Partial<Record<Exclude<PersonField, 'name'>, string | null>>;

export interface RegisterExportOptions {
  /** Language of the column names; Indonesian by default. */
  lang?: Language;
}

/** Column names of the register in each language (also how import messages name a field). */
export const COLUMN_NAMES: Record<Language, Record<PersonField | 'no', string>> = {
  id: {
    no: 'No',
    name: 'Nama',
    nip: 'NIP',
    position: 'Jabatan',
    agency: 'Instansi/OPD',
    phone: 'No. HP',
    email: 'E-mail',
    gender: 'L/P',
    role: 'Peran',
  },
  en: {
    no: 'No',
    name: 'Name',
    nip: 'NIP',
    position: 'Position',
    agency: 'Agency',
    phone: 'Phone',
    email: 'E-mail',
    gender: 'Gender',
    role: 'Role',
  },
};

/** Digits (a NIP, a phone number) that Excel would turn into a number and damage. */
const NUMBER_LIKE = /^\+?\d[\d ]*$/;
/** Text Excel would run as a formula when opening a CSV (CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

const header = (lang: Language) => ['no', ...PERSON_FIELDS].map((f) => COLUMN_NAMES[lang][f as PersonField | 'no']);

/** A field as written out; text stored before the boundary stripped non-XML characters is cleaned here. */
const fieldText = (p: RegisterPerson, f: PersonField) => stripNonXml(p[f] ?? '').trim();

/**
 * A cell as Excel must see it: number-like text as `="…"` so Excel keeps all 18 digits of a NIP
 * and the leading 0 of a phone number; formula-like text with a leading apostrophe.
 */
function csvSafe(value: string): string {
  if (NUMBER_LIKE.test(value)) return `="${value}"`;
  if (value.length > 1 && FORMULA_START.test(value)) return `'${value}`;
  return value;
}

/**
 * The register as CSV bytes: UTF-8 with BOM (so Excel reads accents right), semicolons, CRLF,
 * quoted where needed, a "No" column first. NIP and phone cells are written `="…"` so Excel shows
 * them as text; the import removes that again.
 */
export function exportRegisterCsv(people: readonly RegisterPerson[], options: RegisterExportOptions = {}): Uint8Array {
  const lang = options.lang ?? 'id';
  const rows = people.map((p, i) => [String(i + 1), ...PERSON_FIELDS.map((f) => csvSafe(fieldText(p, f)))]);
  const text = '\ufeff' + formatCsv([header(lang), ...rows], ';');
  return new TextEncoder().encode(text);
}

const WIDTHS: Record<PersonField | 'no', number> = {
  no: 5,
  name: 36,
  nip: 22,
  position: 28,
  agency: 32,
  phone: 16,
  email: 28,
  gender: 5,
  role: 14,
};

/**
 * The register as an .xlsx workbook: one sheet, bold frozen header row with a filter, NIP and
 * phone columns formatted as text so their digits stay exact.
 */
export async function exportRegisterXlsx(
  people: readonly RegisterPerson[],
  options: RegisterExportOptions = {},
): Promise<Uint8Array> {
  const lang = options.lang ?? 'id';
  const ExcelJS = await loadExcel();
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Bimtek Studio';
  const sheet = workbook.addWorksheet(lang === 'id' ? 'Peserta' : 'Participants', {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  const keys = ['no', ...PERSON_FIELDS] as const;
  sheet.columns = keys.map((k) => ({
    key: k,
    width: WIDTHS[k],
    style: k === 'nip' || k === 'phone' ? { numFmt: '@' } : {},
  }));
  sheet.addRow(header(lang)).font = { bold: true };
  people.forEach((p, i) => {
    sheet.addRow([i + 1, ...PERSON_FIELDS.map((f) => fieldText(p, f))]);
  });
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: keys.length } };
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
