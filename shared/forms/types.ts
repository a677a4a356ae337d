import { z } from 'zod';
import type { Bilingual } from '../agenda';
import { DIMENSIONS, ELEMENTS } from '../dimensions';
import { str } from '../primitives';

/**
 * Output forms are data: one definition drives the capture form, the projector view and the DOCX
 * table of the minutes' annex. Nothing elsewhere knows a form by its id; adding a form is adding a
 * definition.
 *
 * An output's values are a flat map of cells, so that two devices editing the same output only
 * ever overwrite each other's *cell* (the later write wins for that cell alone):
 * - a plain field: `key`;
 * - a table row's cell: `key/<rowId>/<column>`; rows a user adds have generated ids, and the
 *   table's row order is the cell `key/#rows` (a list of row ids);
 * - a table with fixed rows (the readiness pillars): `key/<rowKey>/<column>`, no order cell.
 */

export const FIELD_KINDS = [
  'text',
  'longText',
  'list',
  'rating',
  'choice',
  'number',
  'year',
  'signature',
  'table',
] as const;
export type FieldKind = (typeof FIELD_KINDS)[number];

/** Where a choice field takes its options from. */
export const CHOICE_SOURCES = ['dimension', 'element', 'agency', 'horizon', 'budget', 'options'] as const;
export type ChoiceSource = (typeof CHOICE_SOURCES)[number];

export interface ChoiceOption {
  value: string;
  label: Bilingual;
}

interface FieldBase {
  /** Stable key of the field inside its form (stored in cell paths). */
  key: string;
  label: Bilingual;
  /** A line of help under the label (capture only). */
  help?: Bilingual;
  required?: boolean;
}

export interface TextField extends FieldBase {
  kind: 'text' | 'longText';
  /** At most this many characters (text 300, long text 4000 by default). */
  max?: number;
}
export interface ListField extends FieldBase {
  kind: 'list';
  /** At most this many items (30 by default), each at most 500 characters. */
  maxItems?: number;
}
export interface RatingField extends FieldBase {
  kind: 'rating';
  /** The labelled anchors of 1…n (n = anchors.length). */
  anchors: Bilingual[];
}
export interface ChoiceField extends FieldBase {
  kind: 'choice';
  source: ChoiceSource;
  /** The options when `source` is `options`. */
  options?: ChoiceOption[];
}
export interface NumberField extends FieldBase {
  kind: 'number';
  min?: number;
  max?: number;
  /** Shown after the number (e.g. "bulan", "juta rupiah"). */
  unit?: Bilingual;
}
export interface YearField extends FieldBase {
  kind: 'year';
}
/** A signature drawn on the pad; the cell holds the stored image's hash. Only inside a table. */
export interface SignatureField extends FieldBase {
  kind: 'signature';
}
export type ColumnField = TextField | ListField | RatingField | ChoiceField | NumberField | YearField | SignatureField;
export interface TableField extends FieldBase {
  kind: 'table';
  columns: ColumnField[];
  /** Fixed rows (each with its own label), instead of rows the group adds. */
  rows?: { key: string; label: Bilingual; group?: Bilingual }[];
  /** Rows the group adds: at least / at most (1 and 50 by default). */
  minRows?: number;
  maxRows?: number;
  /** The label of one row ("Isu", "Program"), for the add-row button and screen readers. */
  rowLabel?: Bilingual;
}
export type FieldDef = ColumnField | TableField;

export interface FormDef {
  id: string;
  title: Bilingual;
  /** What the group is asked to do, shown above the form and on the projector. */
  instructions: Bilingual;
  fields: FieldDef[];
}

export const TEXT_MAX = 300;
export const LONG_TEXT_MAX = 4000;
export const LIST_MAX_ITEMS = 30;
export const LIST_ITEM_MAX = 500;
export const TABLE_MAX_ROWS = 50;
export const ROW_ORDER = '#rows';

/** Horizons of a programme (DOMAIN.md: short = next year, medium = 2–5 years, long = 6–10 years). */
export const HORIZONS: ChoiceOption[] = [
  { value: 'pendek', label: { id: 'Jangka pendek (1 tahun)', en: 'Short term (1 year)' } },
  { value: 'menengah', label: { id: 'Jangka menengah (2–5 tahun)', en: 'Medium term (2–5 years)' } },
  { value: 'panjang', label: { id: 'Jangka panjang (6–10 tahun)', en: 'Long term (6–10 years)' } },
];

export const BUDGET_SOURCES: ChoiceOption[] = [
  { value: 'APBD', label: { id: 'APBD', en: 'APBD (regional budget)' } },
  { value: 'APBN', label: { id: 'APBN', en: 'APBN (state budget)' } },
  { value: 'CSR', label: { id: 'CSR', en: 'CSR' } },
  { value: 'KPBU', label: { id: 'KPBU', en: 'KPBU (public-private partnership)' } },
  { value: 'lainnya', label: { id: 'Lainnya', en: 'Other' } },
];

/**
 * The options of a choice field. The OPD list is the engagement's (its canonical names), so it is
 * passed in; every other source is fixed data.
 */
export function choiceOptions(field: ChoiceField, agencies: readonly string[] = []): ChoiceOption[] {
  switch (field.source) {
    case 'dimension':
      return DIMENSIONS.map((d) => ({ value: d.id, label: d.name }));
    case 'element':
      return ELEMENTS.map((e) => {
        const dim = DIMENSIONS.find((d) => d.id === e.dimension)!;
        return { value: e.id, label: { id: `${e.name.id} (${dim.name.id})`, en: `${e.name.en} (${dim.name.en})` } };
      });
    case 'agency':
      return agencies.map((a) => ({ value: a, label: { id: a, en: a } }));
    case 'horizon':
      return HORIZONS;
    case 'budget':
      return BUDGET_SOURCES;
    case 'options':
      return field.options ?? [];
  }
}

/** The label of a chosen value (the value itself when it is not among the options, e.g. an OPD since renamed). */
export function choiceLabel(field: ChoiceField, value: string, language: 'id' | 'en'): string {
  const o = choiceOptions(field).find((x) => x.value === value);
  return o ? o.label[language] : value;
}

// ---------------------------------------------------------------- cell values

/** A row id a device generates: short, URL-safe. */
export const rowIdSchema = z.string().regex(/^[A-Za-z0-9_-]{4,40}$/, { error: 'invalid' });

const shortText = (max: number) => str().max(max, { error: 'tooLong' });

/**
 * The schema of one cell of `field`. Empty is always allowed (a draft may be incomplete; what a
 * form requires is checked when the group marks it done). Messages are i18n keys.
 */
export function cellSchema(field: ColumnField): z.ZodType {
  switch (field.kind) {
    case 'text':
      return shortText(field.max ?? TEXT_MAX);
    case 'longText':
      return shortText(field.max ?? LONG_TEXT_MAX);
    case 'list':
      return z
        .array(shortText(LIST_ITEM_MAX), { error: 'invalidType' })
        .max(field.maxItems ?? LIST_MAX_ITEMS, { error: 'tooMany' });
    case 'rating':
      return z
        .number({ error: 'invalidType' })
        .int({ error: 'invalid' })
        .min(1, { error: 'ratingRange' })
        .max(field.anchors.length, { error: 'ratingRange' })
        .nullable();
    case 'choice':
      // The OPD list belongs to the engagement and may change; any OPD name is kept as written.
      return field.source === 'agency'
        ? shortText(TEXT_MAX)
        : z
            .string({ error: 'invalidType' })
            .refine((v) => v === '' || choiceOptions(field).some((o) => o.value === v), { error: 'invalid' });
    case 'number': {
      let n = z.number({ error: 'invalidType' }).finite({ error: 'invalid' });
      if (field.min !== undefined) n = n.min(field.min, { error: 'numberTooSmall' });
      if (field.max !== undefined) n = n.max(field.max, { error: 'numberTooLarge' });
      return n.nullable();
    }
    case 'year':
      return z
        .number({ error: 'invalidType' })
        .int({ error: 'invalid' })
        .min(2000, { error: 'yearRange' })
        .max(2100, { error: 'yearRange' })
        .nullable();
    case 'signature':
      return z
        .string()
        .regex(/^[0-9a-f]{64}$/, { error: 'invalid' })
        .nullable();
  }
}

/** What a path names inside a form. */
export type ResolvedPath =
  | { kind: 'field'; field: ColumnField }
  | { kind: 'cell'; table: TableField; rowId: string; column: ColumnField }
  | { kind: 'order'; table: TableField };

/** The field (or table cell, or row order) a path names; null when the form has no such place. */
export function resolvePath(form: FormDef, path: string): ResolvedPath | null {
  const parts = path.split('/');
  const field = form.fields.find((f) => f.key === parts[0]);
  if (!field) return null;
  if (field.kind !== 'table') return parts.length === 1 ? { kind: 'field', field } : null;
  if (parts.length === 2 && parts[1] === ROW_ORDER && !field.rows) return { kind: 'order', table: field };
  if (parts.length !== 3) return null;
  const [, rowId, col] = parts;
  const column = field.columns.find((c) => c.key === col);
  if (!column) return null;
  if (field.rows ? !field.rows.some((r) => r.key === rowId) : !rowIdSchema.safeParse(rowId).success) return null;
  return { kind: 'cell', table: field, rowId, column };
}

/** The schema a value written at `path` must pass. */
export function pathSchema(resolved: ResolvedPath): z.ZodType {
  if (resolved.kind === 'order')
    return z
      .array(rowIdSchema, { error: 'invalidType' })
      .max(resolved.table.maxRows ?? TABLE_MAX_ROWS, { error: 'tooManyRows' })
      .refine((ids) => new Set(ids).size === ids.length, { error: 'invalid' });
  return cellSchema(resolved.kind === 'field' ? resolved.field : resolved.column);
}

/** What one cell holds: text, a number, a list of texts (a list field, a table's row order), or nothing. */
export const CellValueSchema = z.union([z.string(), z.number(), z.array(z.string()), z.null()]);
export type CellValue = string | number | string[] | null;
/**
 * A cell value as it crosses the boundary: any of the cell shapes, texts cleaned like every text.
 * Which shape and limits a cell takes comes from its form's definition, checked in the core.
 */
export const CellInputSchema = z.union(
  [str(), z.number().finite(), z.array(str(), { error: 'invalidType' }).max(500, { error: 'tooMany' }), z.null()],
  { error: 'invalidType' },
);
export type OutputValues = Record<string, CellValue>;

const isEmpty = (v: CellValue | undefined) =>
  v === undefined || v === null || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && v.length === 0);

/** The rows of a table in order: its fixed rows, or the ids in its order cell. */
export function tableRows(
  table: TableField,
  values: OutputValues,
): { key: string; label?: Bilingual; group?: Bilingual }[] {
  if (table.rows) return table.rows;
  const order = values[`${table.key}/${ROW_ORDER}`];
  return Array.isArray(order) ? order.map((key) => ({ key })) : [];
}

/** A list field's items without blank ones. */
export const listItems = (v: CellValue | undefined): string[] =>
  Array.isArray(v) ? v.filter((x) => x.trim() !== '') : [];

export interface MissingField {
  /** The path of the empty cell, or the table's key when rows are missing. */
  path: string;
  label: Bilingual;
  /** For a cell: the table's row number (1-based) or the fixed row's label. */
  row?: number | Bilingual;
  /** `rows`: the table has fewer rows than it needs. */
  reason: 'empty' | 'rows';
}

/**
 * What a form still needs before the group can mark it done: every required field and every
 * required column of every row filled, and tables with at least their minimum of rows.
 */
export function missingFields(form: FormDef, values: OutputValues): MissingField[] {
  const out: MissingField[] = [];
  for (const f of form.fields) {
    if (f.kind !== 'table') {
      const v = values[f.key];
      if (f.required && (isEmpty(v) || (f.kind === 'list' && listItems(v).length === 0)))
        out.push({ path: f.key, label: f.label, reason: 'empty' });
      continue;
    }
    const rows = tableRows(f, values);
    if (!f.rows && rows.length < (f.minRows ?? (f.required ? 1 : 0)))
      out.push({ path: f.key, label: f.label, reason: 'rows' });
    rows.forEach((r, i) => {
      for (const c of f.columns) {
        const path = `${f.key}/${r.key}/${c.key}`;
        if (c.required && isEmpty(values[path]))
          out.push({ path, label: c.label, row: r.label ?? i + 1, reason: 'empty' });
      }
    });
  }
  return out;
}

/** Whether a form has anything typed in it at all. */
export const hasContent = (values: OutputValues): boolean =>
  Object.entries(values).some(([k, v]) => !k.endsWith(`/${ROW_ORDER}`) && !isEmpty(v));

const ROW_ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-';

/** A new row id for a table with user rows: 10 random URL-safe characters (passes `rowIdSchema`). */
export function newRowId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(10));
  return Array.from(bytes, (b) => ROW_ID_ALPHABET[b % 64]).join('');
}

/** The cells of one table row, by column key (missing cells are undefined). */
export function rowCells(
  table: TableField,
  rowKey: string,
  values: OutputValues,
): Record<string, CellValue | undefined> {
  return Object.fromEntries(table.columns.map((c) => [c.key, values[`${table.key}/${rowKey}/${c.key}`]]));
}

/** Whether a table row holds anything. */
export const rowHasContent = (table: TableField, rowKey: string, values: OutputValues): boolean =>
  Object.values(rowCells(table, rowKey, values)).some((v) => !isEmpty(v));
