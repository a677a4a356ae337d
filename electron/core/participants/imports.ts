import {
  IMPORT_FIELDS,
  ParticipantInput,
  type ColumnMapping as MappingInput,
  type ImportField,
  type ImportPreview,
} from '../../../shared/attendance';
import { AppError } from '../../../shared/errors';
import type { Language } from '../../../shared/languages';
import { validationMessage } from '../../../shared/messages';
import { toFieldIssues } from '../../../shared/validation';
import { COLUMN_NAMES } from '../import/export';
import {
  buildPreview,
  detectHeader,
  fieldForHeader,
  importKey,
  importMessage,
  NotATableError,
  readTable,
  type ColumnMapping,
} from '../import/index';
import type { ParticipantService, ParticipantValues } from './service';

export interface ImportRequestValues {
  engagementId: string;
  fileName: string;
  data: string;
  headerIndex?: number;
  mapping?: MappingInput;
}

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

/**
 * Importing the secretariat's participant files: a preview that writes nothing, then a commit that
 * re-reads the same file and stores its new rows in one transaction.
 */
export function createImportService(participants: ParticipantService, language: () => Language) {
  const fail = (code: string): never => {
    throw new AppError('VALIDATION', importKey(code), { issues: [{ path: ['data'], code }] });
  };

  async function preview(req: ImportRequestValues): Promise<ImportPreview & { people: ParticipantValues[] }> {
    const existing = participants.list(req.engagementId);
    const bytes = Buffer.from(req.data, 'base64');
    let table;
    try {
      table = await readTable(bytes, req.fileName);
    } catch (e) {
      if (e instanceof NotATableError) fail(`notATable.${e.reason}`);
      throw e;
    }
    const detected = detectHeader(table.rows);
    const headerIndex = req.headerIndex ?? detected?.headerIndex ?? fail('noHeader');
    if (headerIndex >= table.rows.length) fail('noHeader');
    const mapping = req.mapping
      ? toParserMapping(req.mapping)
      : headerIndex === detected?.headerIndex
        ? detected.mapping
        : mappingOfRow(table.rows[headerIndex]);
    // Without a name column there is nothing to import yet, but the user still needs the header
    // to choose one: the preview then has the columns and no rows.
    const lang = language();
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
        : buildPreview(table.rows, headerIndex, mapping, existing, { damaged: table.damaged, validate: registerCheck });
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
    return { headerIndex, header: table.rows[headerIndex] ?? [], mapping: full, rows: out, counts, people };
  }

  return {
    async preview(req: ImportRequestValues): Promise<ImportPreview> {
      const { people: _people, ...rest } = await preview(req);
      return rest;
    },

    /** Store every new row of the file, all in one transaction; returns how many rows went where. */
    async commit(req: ImportRequestValues) {
      const p = await preview(req);
      if (p.mapping.name === null) {
        throw new AppError('VALIDATION', 'invalidInput', { issues: [{ path: ['mapping', 'name'], code: 'required' }] });
      }
      const created = participants.createMany(req.engagementId, p.people);
      return { created, duplicates: p.counts.duplicate, invalid: p.counts.invalid };
    },
  };
}

export type ImportService = ReturnType<typeof createImportService>;
