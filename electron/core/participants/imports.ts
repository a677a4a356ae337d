import {
  IMPORT_FIELDS,
  ParticipantInput,
  type ColumnMapping as MappingInput,
  type ImportField,
  type ImportPreview,
  type ImportRequestValues,
} from '../../../shared/attendance';
import { AppError } from '../../../shared/errors';
import { parseAgencyList } from '../../../shared/names';
import type { Language } from '../../../shared/languages';
import { validationMessage } from '../../../shared/messages';
import { toFieldIssues } from '../../../shared/validation';
import { COLUMN_NAMES } from '../import/export';
import { detectHeader, fieldForHeader, type ColumnMapping } from '../import/header';
import { importKey, importMessage } from '../import/messages';
import { buildPreview, type ExistingPerson } from '../import/preview';
import { NotATableError, readTable } from '../import/table';
import type { TableData } from '../import/types';
import type { JobPool } from '../jobs/pool';
import type { JobOutput } from '../jobs/types';
import { rawJson } from '../jobs/raw-json';
import { applyAgencyChoices, checkChoicesInFile, unknownAgencyCollector } from './agency-choices';
import type { ParticipantValues } from './service';

/** A reason code as a sentence: the import's own, or "<field label>: <validation message>". */
function reasonMessage(lang: Language, code: string): string {
  const text = importMessage(lang, code);
  if (text !== code) return text;
  const dot = code.indexOf('.');
  const field = code.slice(0, dot) as ImportField;
  return `${COLUMN_NAMES[lang][field] ?? field}: ${validationMessage(lang, code.slice(dot + 1))}`;
}

/** The mapping a user sent (null = "do not import this field") as the parser's mapping. */
function toParserMapping(m: MappingInput): ColumnMapping {
  const out: ColumnMapping = {};
  for (const f of IMPORT_FIELDS) {
    const col = m[f];
    if (typeof col === 'number') out[f] = col;
  }
  return out;
}

function mappingOfRow(row: readonly string[]): ColumnMapping {
  const out: ColumnMapping = {};
  row.forEach((label, i) => {
    const f = fieldForHeader(label);
    if (f && out[f] === undefined) out[f] = i;
  });
  return out;
}

const failWith = (lang: Language, code: string): never => {
  throw new AppError('VALIDATION', importKey(code), { issues: [{ path: ['data'], code }] });
};

/** The uploaded file as a table (worker side: decoding, CSV parsing and exceljs live here). */
export async function readImportTable(req: ImportRequestValues, lang: Language): Promise<TableData> {
  const bytes = Buffer.from(req.data, 'base64');
  try {
    return await readTable(bytes, req.fileName);
  } catch (e) {
    if (e instanceof NotATableError) failWith(lang, `notATable.${e.reason}`);
    throw e;
  }
}

export interface ClassifiedImport extends ImportPreview {
  /** The rows that would be stored, as register values. */
  people: ParticipantValues[];
  /** The engagement's OPD list after the agency choices, and what they changed in it. */
  agencyList: { lines: string[]; opdsAdded: number; aliasesSaved: number };
  /** The error a commit without a name column fails with. */
  missingName(): AppError;
}

/**
 * What the import would do with each row, against the register as it is now (`existing`) and the
 * engagement's OPD list (`agencyLines`, with the request's agency choices applied: the file's
 * agencies that match no OPD are listed, and a choice may only be about one of those).
 * Synchronous, so a commit can run it inside the transaction that stores the rows.
 */
export function classifyImport(
  table: TableData,
  req: ImportRequestValues,
  existing: readonly ExistingPerson[],
  lang: Language,
  agencyLines: readonly string[] = [],
): ClassifiedImport {
  const choices = req.agencyChoices ?? [];
  const applied = applyAgencyChoices(agencyLines, choices);
  const unknown = unknownAgencyCollector(agencyLines);
  const detected = detectHeader(table.rows);
  const headerIndex = req.headerIndex ?? detected?.headerIndex ?? failWith(lang, 'noHeader');
  if (headerIndex >= table.rows.length) failWith(lang, 'noHeader');
  const mapping = req.mapping
    ? toParserMapping(req.mapping)
    : headerIndex === detected?.headerIndex
      ? detected.mapping
      : mappingOfRow(table.rows[headerIndex]);
  const people: ParticipantValues[] = [];
  // The register's own limits (lengths, formats) apply to imported rows too, before duplicate
  // detection, so a row that cannot be stored never hides a later row as its "duplicate".
  const registerCheck = (values: Record<string, string>): string[] => {
    const parsed = ParticipantInput.safeParse({
      engagementId: req.engagementId,
      ...values,
      role: values.role || 'peserta',
    });
    return parsed.success ? [] : toFieldIssues(parsed.error).map((i) => `${i.path.join('.')}.${i.code}`);
  };
  // Without a name column there is nothing to import yet, but the user still needs the header
  // to choose one: the preview then has the columns and no rows.
  const rows =
    mapping.name === undefined
      ? []
      : buildPreview(table.rows, headerIndex, mapping, existing, {
          damaged: table.damaged,
          validate: registerCheck,
          agencies: applied.effective,
          onAgency: unknown.add,
        });
  checkChoicesInFile(choices, unknown.keys());
  const out = rows.map((r) => {
    if (r.status === 'new') {
      const { engagementId: _e, ...values } = ParticipantInput.parse({
        engagementId: req.engagementId,
        ...r.values,
        role: r.values.role || 'peserta',
      });
      people.push(values);
    }
    return {
      rowNumber: r.rowNumber,
      status: r.status,
      reasons: r.reasons,
      messages: r.reasons.map((code) => reasonMessage(lang, code)),
      ...(r.duplicateOf ? { duplicateOf: r.duplicateOf } : {}),
      values: r.values as Record<string, string>,
    };
  });
  const counts = { new: 0, duplicate: 0, invalid: 0 };
  for (const r of out) counts[r.status]++;
  const full: Record<string, number | null> = {};
  for (const f of IMPORT_FIELDS) full[f] = mapping[f] ?? null;
  return {
    headerIndex,
    header: table.rows[headerIndex] ?? [],
    mapping: full,
    rows: out,
    counts,
    unknownAgencies: unknown.list(),
    opds: parseAgencyList(agencyLines).map((e) => e.name),
    people,
    agencyList: { lines: applied.lines, opdsAdded: applied.opdsAdded, aliasesSaved: applied.aliasesSaved },
    missingName: () =>
      new AppError('VALIDATION', 'invalidInput', { issues: [{ path: ['mapping', 'name'], code: 'required' }] }),
  };
}

interface Deps {
  jobs: JobPool;
  /** The store's SQLite file: the worker opens its own connection to it. */
  dbFile: string;
  language(): Language;
  now(): string;
}

/**
 * Importing the secretariat's participant files: a preview that writes nothing, then a commit that
 * re-reads the same file and stores its new rows in one transaction.
 *
 * Both run in a job worker, reading (and for the commit, writing) the store over the worker's own
 * connection: decoding, parsing, validating 5,000 rows and inserting them took 0.2–0.3 s each on
 * the thread that answers calls. The insert runs in the worker rather than in slices here because
 * "one transaction" cannot be sliced: between two slices every other call would run inside the
 * import's open transaction on the shared connection (and be rolled back with it). With WAL the
 * app's reads never wait for the worker's insert. A write arriving during it (a check-in) waits
 * for SQLite's lock (busy_timeout) until the insert commits — the one remaining stall, as long as
 * the insert itself (file reading and parsing happen before the transaction starts).
 * The change event is emitted by the caller once the worker has committed.
 */
export function createImportService(d: Deps) {
  return {
    async preview(req: ImportRequestValues): Promise<ImportPreview> {
      return rawJson<ImportPreview>(
        await d.jobs.run('import.preview', { dbFile: d.dbFile, request: req, lang: d.language() }),
      );
    },

    /** Store every new row of the file, all in one transaction; returns how many rows went where. */
    commit(req: ImportRequestValues): Promise<JobOutput<'import.commit'>> {
      return d.jobs.run('import.commit', { dbFile: d.dbFile, request: req, lang: d.language(), now: d.now() });
    },
  };
}

export type ImportService = ReturnType<typeof createImportService>;
