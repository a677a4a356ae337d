import { compactNip, validateNip } from '../../../shared/nip';
import { agencyIndex, canonicalAgency, normalizeAgency, normalizeName, type AgencyEntry } from '../../../shared/names';
import { headerKey, type ColumnMapping } from './header';
import { PERSON_FIELDS, type CellRef, type PersonValues } from './types';

/**
 * What an import would do with each row of a participant file, before anything is stored:
 * new person, duplicate of someone already registered (or of an earlier row), or invalid.
 */

/** Why a row is invalid or a duplicate; each code has a sentence in `IMPORT_MESSAGES`. */
export const PREVIEW_REASONS = [
  'name.required',
  'nip.length',
  'nip.digits',
  'nip.birthDate',
  'nip.appointment',
  'nip.gender',
  'nip.sequence',
  'nip.excelDamaged',
  'gender.invalid',
  'email.invalid',
  'role.invalid',
  'duplicate.nipExisting',
  'duplicate.nipInFile',
  'duplicate.nameExisting',
  'duplicate.nameInFile',
] as const;
export type PreviewReason = (typeof PREVIEW_REASONS)[number];

export type PreviewStatus = 'new' | 'duplicate' | 'invalid';

export interface PreviewRow {
  /** 1-based row number as the spreadsheet shows it. */
  rowNumber: number;
  status: PreviewStatus;
  /** Empty for a new row; invalid reasons come before duplicate reasons. */
  reasons: string[];
  /** The registered person this row duplicates. */
  duplicateOf?: string;
  /** The earlier row of the same file this row duplicates (its `rowNumber`). */
  duplicateOfRow?: number;
  /** Cleaned values: trimmed, NIP without separators when valid, gender as L/P, role as a `ROLES` key. */
  values: PersonValues;
}

/** A person already registered, as far as duplicate detection needs them. */
export interface ExistingPerson {
  id: string;
  name: string;
  nip?: string | null;
  agency?: string | null;
}

export interface PreviewOptions {
  /** Cells whose number Excel has cut (from `TableData.damaged`). */
  damaged?: readonly CellRef[];
  /**
   * More checks on a row's cleaned values (the register's own limits), as reason codes. A row
   * they reject is invalid and never becomes the original that later rows duplicate.
   */
  validate?: (values: PersonValues) => string[];
  /** The engagement's OPD list: an agency written as one of its aliases becomes its official name. */
  agencies?: readonly AgencyEntry[];
  /** Told every agency as a row writes it (before it is matched to the list), once per row. */
  onAgency?: (written: string) => void;
}

const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;
/** What people write in the NIP column when there is no NIP (non-civil servants). */
const NO_NIP = new Set([
  '-',
  '–',
  '—',
  '0',
  '.',
  'n/a',
  'na',
  'tidak ada',
  'tidak ada nip',
  'non pns',
  'non-pns',
  'nonpns',
]);
/** A number Excel or a CSV shows in scientific notation: "1,98503E+17", "1.98503152010011E+17". */
const SCIENTIFIC = /^\d([.,]\d+)?e\+?\d+$/i;
const GENDERS: Record<string, 'L' | 'P'> = {
  l: 'L',
  lk: 'L',
  laki: 'L',
  lakilaki: 'L',
  lelaki: 'L',
  pria: 'L',
  m: 'L',
  male: 'L',
  man: 'L',
  '1': 'L',
  p: 'P',
  pr: 'P',
  perempuan: 'P',
  wanita: 'P',
  f: 'P',
  female: 'P',
  woman: 'P',
  w: 'P',
  '2': 'P',
};

/** Roles a register knows (shared/attendance.ts `ROLES`), and words people write for them. */
const ROLE_WORDS: Record<string, 'peserta' | 'narasumber' | 'panitia' | 'pimpinan'> = {
  peserta: 'peserta',
  participant: 'peserta',
  tamu: 'peserta',
  undangan: 'peserta',
  anggota: 'peserta',
  narasumber: 'narasumber',
  pembicara: 'narasumber',
  pemateri: 'narasumber',
  speaker: 'narasumber',
  mentor: 'narasumber',
  pembimbing: 'narasumber',
  fasilitator: 'narasumber',
  facilitator: 'narasumber',
  panitia: 'panitia',
  committee: 'panitia',
  organizer: 'panitia',
  organiser: 'panitia',
  sekretariat: 'panitia',
  notulis: 'panitia',
  operator: 'panitia',
  pimpinan: 'pimpinan',
  pimpinanrapat: 'pimpinan',
  ketua: 'pimpinan',
  chair: 'pimpinan',
};

/** A cell as text: trimmed, spaces collapsed, and our CSV export's `="…"` guard removed. */
function clean(value: string | undefined): string {
  let v = (value ?? '').replace(/\s+/g, ' ').trim();
  const guarded = /^="(.*)"$/.exec(v);
  if (guarded) v = guarded[1].replace(/""/g, '"');
  // A leading apostrophe marks text in Excel and guards formulas in CSV (see export).
  if (/^'[=+\-@0-9]/.test(v)) v = v.slice(1);
  return v;
}

/** A phone number typed as a number loses its leading zero in Excel: 81234567890 → 081234567890. */
/** What people write in the phone column when there is no number. */
const NO_PHONE = new Set(['-', '–', '—', '0', '.', 'tidak ada', 'n/a', 'na']);

/**
 * A phone cell as a number: notes like "(WA)" or "HP:" removed, "-" as no number, and the leading
 * 0 Excel drops from "0812…" put back.
 */
function cleanPhone(raw: string): string {
  if (NO_PHONE.has(raw.trim().toLowerCase())) return '';
  const v = raw
    .replace(/\([^)]*\)/g, ' ')
    .replace(/\b(wa|whatsapp|hp|telp|tel|phone|no)\b\.?:?/gi, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return /^8\d{8,12}$/.test(v) ? `0${v}` : v;
}

function genderOf(v: string): 'L' | 'P' | null {
  return GENDERS[v.toLowerCase().replace(/[^a-z0-9]/g, '')] ?? null;
}

type NipOutcome = { nip: string; problem: PreviewReason | null; gender?: 'L' | 'P' };

function checkNip(raw: string, damaged: boolean): NipOutcome {
  const v = raw.replace(/^nip\.?\s*/i, '');
  if (v === '' || NO_NIP.has(v.toLowerCase())) return { nip: '', problem: null };
  if (damaged || SCIENTIFIC.test(v)) return { nip: v, problem: 'nip.excelDamaged' };
  const check = validateNip(v);
  return check.ok
    ? { nip: check.nip, problem: null, gender: check.gender }
    : { nip: v, problem: `nip.${check.problem}` };
}

const nameKey = (name: string, agency: string) => `${normalizeName(name)}\u0000${normalizeAgency(agency)}`;

/** Two NIPs that do not contradict each other: one is missing, or both are the same. */
const nipsAgree = (a: string, b: string) => a === '' || b === '' || a === b;

interface Known {
  id?: string;
  row?: number;
  nip: string;
}

/** Lookup of registered people and earlier new rows by NIP and by name + agency. */
class DuplicateIndex {
  private readonly byNip = new Map<string, Known>();
  private readonly byName = new Map<string, Known[]>();

  add(known: Known, name: string, agency: string): void {
    if (known.nip) this.byNip.set(known.nip, known);
    const key = nameKey(name, agency);
    const list = this.byName.get(key);
    if (list) list.push(known);
    else this.byName.set(key, [known]);
  }

  find(nip: string, name: string, agency: string): { known: Known; by: 'nip' | 'name' } | null {
    const sameNip = nip ? this.byNip.get(nip) : undefined;
    if (sameNip) return { known: sameNip, by: 'nip' };
    const sameName = this.byName.get(nameKey(name, agency))?.find((k) => nipsAgree(k.nip, nip));
    return sameName ? { known: sameName, by: 'name' } : null;
  }
}

function registeredNip(nip: string | null | undefined): string {
  const c = compactNip(nip ?? '');
  return /^\d{18}$/.test(c) ? c : '';
}

function readValues(row: readonly string[], mapping: ColumnMapping): PersonValues {
  const values = {} as PersonValues;
  for (const f of PERSON_FIELDS) values[f] = mapping[f] === undefined ? '' : clean(row[mapping[f]]);
  return values;
}

const isBlank = (v: PersonValues) => PERSON_FIELDS.every((f) => v[f] === '');

/** A header printed again further down (a list pasted from a multi-page Word table). */
function repeatsHeader(row: readonly string[], header: readonly string[], mapping: ColumnMapping): boolean {
  return PERSON_FIELDS.every((f) => {
    const i = mapping[f];
    return i === undefined || headerKey(row[i] ?? '') === headerKey(header[i] ?? '');
  });
}

/** Validates one row's values in place (NIP compacted, gender as L/P) and lists what is wrong. */
function validateValues(values: PersonValues, nipDamaged: boolean): PreviewReason[] {
  const reasons: PreviewReason[] = [];
  if (values.name === '') reasons.push('name.required');

  const nip = checkNip(values.nip, nipDamaged);
  values.nip = nip.nip;
  if (nip.problem) reasons.push(nip.problem);

  if (values.gender !== '') {
    const g = genderOf(values.gender);
    if (g) values.gender = g;
    else reasons.push('gender.invalid');
  } else if (nip.gender) {
    values.gender = nip.gender;
  }

  if (values.role !== '') {
    const role = ROLE_WORDS[values.role.toLowerCase().replace(/[^a-z]/g, '')];
    if (role) values.role = role;
    else reasons.push('role.invalid');
  }

  values.email = values.email.replace(/^mailto:/i, '');
  if (values.email !== '' && !EMAIL.test(values.email)) reasons.push('email.invalid');
  values.phone = cleanPhone(values.phone);
  return reasons;
}

/**
 * The import preview: one entry per non-blank row below the header (blank rows, rows with only a
 * running number, and repeated header rows are skipped). A row is invalid when its name is
 * missing, its NIP fails `validateNip` or was damaged by Excel, its gender is not L/P (or a word
 * for it), its role is not one we know (peserta, narasumber, panitia, pimpinan, or a word for one),
 * or its e-mail is malformed. A valid row is a duplicate when its NIP, or its name and
 * agency (compared by `normalizeName`/`normalizeAgency`, NIPs not contradicting), match a
 * registered person or an earlier new row of the same file. Gender is taken from a valid NIP
 * when the column is empty.
 */
export function buildPreview(
  rows: readonly (readonly string[])[],
  headerIndex: number,
  mapping: ColumnMapping,
  existing: readonly ExistingPerson[],
  options: PreviewOptions = {},
): PreviewRow[] {
  const index = new DuplicateIndex();
  const agencies = options.agencies ? agencyIndex(options.agencies) : null;
  for (const p of existing) index.add({ id: p.id, nip: registeredNip(p.nip) }, p.name, p.agency ?? '');
  const damaged = new Set((options.damaged ?? []).map((c) => `${c.row}:${c.col}`));
  const header = rows[headerIndex] ?? [];

  const out: PreviewRow[] = [];
  for (let r = headerIndex + 1; r < rows.length; r++) {
    const values = readValues(rows[r], mapping);
    if (isBlank(values) || repeatsHeader(rows[r], header, mapping)) continue;
    // "Diskominfo" in the file is "Dinas Komunikasi dan Informatika" of the list: matched (and
    // compared for duplicates) under its official name.
    if (values.agency) options.onAgency?.(values.agency);
    if (agencies && values.agency) values.agency = canonicalAgency(agencies, values.agency);
    const nipDamaged = mapping.nip !== undefined && damaged.has(`${r}:${mapping.nip}`);
    const rowNumber = r + 1;
    const reasons: string[] = validateValues(values, nipDamaged);
    if (reasons.length === 0 && options.validate) reasons.push(...options.validate(values));
    if (reasons.length > 0) {
      out.push({ rowNumber, status: 'invalid', reasons, values });
      continue;
    }
    const dup = index.find(values.nip, values.name, values.agency);
    if (!dup) {
      index.add({ row: rowNumber, nip: values.nip }, values.name, values.agency);
      out.push({ rowNumber, status: 'new', reasons, values });
      continue;
    }
    const inFile = dup.known.id === undefined;
    const reason: PreviewReason = `duplicate.${dup.by}${inFile ? 'InFile' : 'Existing'}`;
    out.push({
      rowNumber,
      status: 'duplicate',
      reasons: [reason],
      values,
      ...(inFile ? { duplicateOfRow: dup.known.row } : { duplicateOf: dup.known.id }),
    });
  }
  return out;
}
