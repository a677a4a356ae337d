import { useEffect, useId, useRef, useState, type ClipboardEvent, type ReactNode } from 'react';
import type { Bilingual } from '../../../shared/agenda';
import {
  cellSchema,
  choiceOptions,
  LIST_ITEM_MAX,
  LIST_MAX_ITEMS,
  LONG_TEXT_MAX,
  newRowId,
  ROW_ORDER,
  rowHasContent,
  TABLE_MAX_ROWS,
  tableRows,
  TEXT_MAX,
  type CellValue,
  type ChoiceField,
  type ColumnField,
  type FieldDef,
  type FormDef,
  type ListField,
  type MissingField,
  type NumberField,
  type OutputValues,
  type RatingField,
  type TableField,
  type TextField,
} from '../../../shared/forms';
import { translate, type MessageKey, type ParamArgs } from '../../../shared/i18n';
import type { Language } from '../../../shared/languages';
import { validationMessage } from '../../../shared/messages';
import { ConfirmDialog } from '../../components/confirm-dialog';
import '../../components/fields.css';
import { SignaturePad, type SignaturePadHandle } from '../checkin/signature-pad';
import './form-capture.css';

/**
 * The capture form of a group output, drawn from its definition alone: any FormDef, every field
 * kind. Every keystroke becomes `onChange(path, value)` for that one cell (the parent debounces
 * and saves); nothing here calls the API. A value that breaks the definition's rules is still
 * passed on and kept on screen, with the reason under the field.
 */
export interface FormCaptureProps {
  form: FormDef;
  values: OutputValues;
  /** The engagement's OPD names, for choice fields whose source is `agency`. */
  agencies: readonly string[];
  language: Language;
  onChange(path: string, value: CellValue): void;
  /** A signature drawn for the cell at `path` (PNG base64); the parent stores it and writes the hash. */
  onSign(path: string, pngBase64: string): Promise<void> | void;
  /** Cells another device wrote, with who and when (ISO time or `HH:MM`). */
  changedBy?: Record<string, { by: string; at: string }>;
  readOnly?: boolean;
  /** What `missingFields` says is still empty: highlighted, with a summary at the top. */
  missing?: MissingField[];
}

/** Counters appear once this share of a text's limit is used. */
const COUNTER_FROM = 0.8;

interface Ctx {
  lang: Language;
  t: <K extends MessageKey>(key: K, ...params: ParamArgs<K>) => string;
  values: OutputValues;
  agencies: readonly string[];
  onChange(path: string, value: CellValue): void;
  onSign(path: string, pngBase64: string): Promise<void> | void;
  changedBy: Record<string, { by: string; at: string }>;
  missing: Set<string>;
  domId(path: string): string;
}

/** "09.41" (English "09:41") from an ISO instant (the device's clock) or an `HH:MM` time. */
function clockOf(at: string, lang: Language): string {
  const sep = lang === 'id' ? '.' : ':';
  const m = /^(\d{1,2}):(\d{2})$/.exec(at);
  if (m) return `${m[1].padStart(2, '0')}${sep}${m[2]}`;
  const d = new Date(at);
  if (Number.isNaN(d.getTime())) return at;
  return `${String(d.getHours()).padStart(2, '0')}${sep}${String(d.getMinutes()).padStart(2, '0')}`;
}

const isBlank = (v: CellValue | undefined) =>
  v === undefined || v === null || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && v.length === 0);

/** The sentence for what is wrong with a cell's value, or undefined when it is fine. */
function problemOf(column: ColumnField, value: CellValue | undefined, ctx: Ctx): string | undefined {
  if (value === undefined) return undefined;
  const r = cellSchema(column).safeParse(value);
  if (r.success) return undefined;
  const issue = r.error.issues[0];
  const code = issue.message;
  const { t } = ctx;
  switch (code) {
    case 'tooLong':
      if (column.kind === 'list')
        return t('groupwork.itemTooLong', { n: Number(issue.path[0] ?? 0) + 1, max: LIST_ITEM_MAX });
      return t('engagements.tooLongMax', { max: textMax(column as TextField) });
    case 'tooMany':
      return t('groupwork.tooManyItems', { max: (column as ListField).maxItems ?? LIST_MAX_ITEMS });
    case 'numberTooSmall':
      return t('groupwork.numberMin', { min: (column as NumberField).min ?? 0 });
    case 'numberTooLarge':
      return t('groupwork.numberMax', { max: (column as NumberField).max ?? 0 });
    case 'ratingRange':
      return t('groupwork.ratingRange', { max: (column as RatingField).anchors.length });
    default:
      return validationMessage(ctx.lang, code);
  }
}

const textMax = (f: TextField) => f.max ?? (f.kind === 'text' ? TEXT_MAX : LONG_TEXT_MAX);

interface CellShellProps {
  path: string;
  label: string;
  help?: string;
  required?: boolean;
  error?: string;
  /** A passing note (a paste that was cut), shown when there is no error. */
  note?: string;
  /** Quiet text under the field (a counter). */
  hint?: string;
  ctx: Ctx;
  /** Take a whole line of a table row (long text, list, an open pad). */
  wide?: boolean;
  /** Take more room than a number or a year (a short text, an OPD name). */
  roomy?: boolean;
  /** Render the control; `describedBy` names the messages under it. */
  children: (id: string, describedBy: string | undefined) => ReactNode;
  /** A group of controls (radios) is labelled by a legend rather than a <label>. */
  asGroup?: boolean;
}

/**
 * A labelled cell in the look of renderer/components/fields.tsx (`.field`), with room for what a
 * shared output needs besides: a counter, the reason a value breaks the rules, "wajib diisi" from
 * the missing list, and who on another device changed it last.
 */
function CellShell({
  path,
  label,
  help,
  required,
  error,
  note,
  hint,
  ctx,
  wide,
  roomy,
  children,
  asGroup,
}: CellShellProps) {
  const id = ctx.domId(path);
  const missing = ctx.missing.has(path) && isBlank(ctx.values[path]);
  const shown = error ?? (missing ? validationMessage(ctx.lang, 'required') : undefined);
  const changed = ctx.changedBy[path];
  const messages = [
    help ? `${id}-help` : '',
    shown ? `${id}-error` : note ? `${id}-note` : '',
    hint ? `${id}-hint` : '',
    changed ? `${id}-changed` : '',
  ].filter(Boolean);
  const describedBy = messages.length ? messages.join(' ') : undefined;
  const title = (
    <>
      {label}
      {required && <span className="field__req"> ({ctx.t('app.required')})</span>}
    </>
  );
  const body = (
    <>
      {help && (
        <div className="field__hint" id={`${id}-help`}>
          {help}
        </div>
      )}
      {children(id, describedBy)}
      {shown ? (
        <div className="field__error" id={`${id}-error`} role="alert">
          {shown}
        </div>
      ) : note ? (
        <div className="field__hint field__hint--note" id={`${id}-note`} role="status">
          {note}
        </div>
      ) : null}
      {hint && (
        <div className="field__hint fc-counter" id={`${id}-hint`}>
          {hint}
        </div>
      )}
      {changed && (
        <div className="fc-changed" id={`${id}-changed`}>
          {ctx.t('groupwork.changedBy', { by: changed.by, time: clockOf(changed.at, ctx.lang) })}
        </div>
      )}
    </>
  );
  const className = `field fc-cell${shown ? ' field--invalid' : ''}${missing ? ' fc-cell--missing' : ''}${
    wide ? ' fc-cell--wide' : roomy ? ' fc-cell--roomy' : ''
  }${changed ? ' fc-cell--changed' : ''}`;
  if (asGroup)
    return (
      <fieldset id={id} className={`${className} fc-group`} aria-describedby={describedBy}>
        <legend className="fc-legend">{title}</legend>
        {body}
      </fieldset>
    );
  return (
    <div className={className}>
      <label htmlFor={id}>{title}</label>
      {body}
    </div>
  );
}

/** Says a paste was cut when the browser's maxLength would drop part of it. */
function pasteWouldCut(el: HTMLInputElement | HTMLTextAreaElement, pasted: string, max: number): boolean {
  const selected = (el.selectionEnd ?? 0) - (el.selectionStart ?? 0);
  return el.value.length - selected + pasted.length > max;
}

function TextCell({ path, field, ctx }: { path: string; field: TextField; ctx: Ctx }) {
  const [cut, setCut] = useState(false);
  const raw = ctx.values[path];
  const value = typeof raw === 'string' ? raw : '';
  const max = textMax(field);
  const long = field.kind === 'longText';
  const near = value.length >= Math.floor(max * COUNTER_FROM);
  const common = {
    name: path,
    value,
    maxLength: max,
    onChange: (e: { target: { value: string } }) => {
      setCut(false);
      ctx.onChange(path, e.target.value);
    },
    onPaste: (e: ClipboardEvent<HTMLInputElement | HTMLTextAreaElement>) => {
      const text = e.clipboardData.getData('text');
      if (pasteWouldCut(e.currentTarget, text, max)) setTimeout(() => setCut(true));
    },
  };
  const error = problemOf(field, raw, ctx);
  return (
    <CellShell
      path={path}
      label={field.label[ctx.lang]}
      help={field.help?.[ctx.lang]}
      required={field.required}
      error={error}
      note={cut ? ctx.t('engagements.pasteCut', { max }) : undefined}
      hint={near ? ctx.t('groupwork.counter', { count: value.length, max }) : undefined}
      ctx={ctx}
      wide={long}
      roomy={!long}
    >
      {(id, describedBy) =>
        long ? (
          <textarea
            id={id}
            rows={value.length > 300 ? 6 : 3}
            aria-invalid={!!error}
            aria-describedby={describedBy}
            {...common}
          />
        ) : (
          <input id={id} type="text" aria-invalid={!!error} aria-describedby={describedBy} {...common} />
        )
      }
    </CellShell>
  );
}

const toItems = (text: string) => text.split('\n').map((l) => l.trim());
const cleanItems = (text: string) => toItems(text).filter(Boolean);

/** A list as one item per line of a text area (as TextList does), each line an item. */
function ListCell({ path, field, ctx }: { path: string; field: ListField; ctx: Ctx }) {
  const raw = ctx.values[path];
  const items = Array.isArray(raw) ? raw : [];
  const [text, setText] = useState(items.join('\n'));
  // Follow a change from elsewhere (another device) unless it is what is typed here.
  const joined = items.join('\n');
  useEffect(() => {
    setText((current) => (cleanItems(current).join('\n') === joined ? current : joined));
  }, [joined]);
  const error = problemOf(field, raw, ctx);
  const max = field.maxItems ?? LIST_MAX_ITEMS;
  const count = cleanItems(text).length;
  return (
    <CellShell
      path={path}
      label={field.label[ctx.lang]}
      help={field.help?.[ctx.lang] ?? ctx.t('groupwork.listHint')}
      required={field.required}
      error={error}
      hint={count >= Math.floor(max * COUNTER_FROM) ? ctx.t('groupwork.listCount', { count, max }) : undefined}
      ctx={ctx}
      wide
    >
      {(id, describedBy) => (
        <textarea
          id={id}
          name={path}
          rows={Math.min(12, Math.max(4, count + 1))}
          value={text}
          aria-invalid={!!error}
          aria-describedby={describedBy}
          onChange={(e) => {
            setText(e.target.value);
            ctx.onChange(path, cleanItems(e.target.value));
          }}
        />
      )}
    </CellShell>
  );
}

/** Radios 1…n, each with its anchor; arrows move between them (a native radio group). */
function RatingCell({ path, field, ctx }: { path: string; field: RatingField; ctx: Ctx }) {
  const raw = ctx.values[path];
  const value = typeof raw === 'number' ? raw : null;
  const name = `${ctx.domId(path)}-r`;
  return (
    <CellShell
      path={path}
      label={field.label[ctx.lang]}
      help={field.help?.[ctx.lang]}
      required={field.required}
      error={problemOf(field, raw, ctx)}
      ctx={ctx}
      roomy
      asGroup
    >
      {() => (
        <div className="fc-rating">
          {field.anchors.map((anchor, i) => (
            <label key={i} className={`fc-rating__option${value === i + 1 ? ' fc-rating__option--on' : ''}`}>
              <input
                type="radio"
                name={name}
                value={i + 1}
                checked={value === i + 1}
                onChange={() => ctx.onChange(path, i + 1)}
              />
              <span className="fc-rating__n">{i + 1}</span>{' '}
              <span className="fc-rating__anchor">{anchor[ctx.lang]}</span>
            </label>
          ))}
          {value !== null && (
            <button type="button" className="btn btn--small btn--ghost" onClick={() => ctx.onChange(path, null)}>
              {ctx.t('groupwork.clearRating')}
            </button>
          )}
        </div>
      )}
    </CellShell>
  );
}

function ChoiceCell({ path, field, ctx }: { path: string; field: ChoiceField; ctx: Ctx }) {
  const raw = ctx.values[path];
  const value = typeof raw === 'string' ? raw : '';
  const options = choiceOptions(field, ctx.agencies).map((o) => ({ value: o.value, label: o.label[ctx.lang] }));
  // A stored value no longer offered (an OPD since renamed) stays visible and selected.
  if (value && !options.some((o) => o.value === value))
    options.unshift({ value, label: ctx.t('groupwork.unknownOption', { value }) });
  return (
    <CellShell
      path={path}
      label={field.label[ctx.lang]}
      help={field.help?.[ctx.lang]}
      required={field.required}
      error={problemOf(field, raw, ctx)}
      ctx={ctx}
      roomy={field.source === 'agency' || field.source === 'element'}
    >
      {(id, describedBy) => (
        <select
          id={id}
          name={path}
          value={value}
          aria-describedby={describedBy}
          onChange={(e) => ctx.onChange(path, e.target.value)}
        >
          <option value="">{ctx.t('groupwork.choose')}</option>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </CellShell>
  );
}

const shownNumber = (v: CellValue | undefined, lang: Language) =>
  typeof v === 'number' ? (lang === 'id' ? String(v).replace('.', ',') : String(v)) : '';

/** What was typed as a number: null when empty, NaN when it is not one. */
function parseTyped(text: string, year: boolean): number | null {
  const s = text.trim();
  if (s === '') return null;
  if (year) return /^\d{4}$/.test(s) ? Number(s) : NaN;
  return /^-?\d+([.,]\d+)?$/.test(s) ? Number(s.replace(',', '.')) : NaN;
}

/** A number or a year: empty is null; what is not a number stays in the box with a message. */
function NumberCell({
  path,
  field,
  ctx,
}: {
  path: string;
  field: NumberField | ({ kind: 'year' } & ColumnField);
  ctx: Ctx;
}) {
  const year = field.kind === 'year';
  const raw = ctx.values[path];
  const [text, setText] = useState(() => shownNumber(raw, ctx.lang));
  useEffect(() => {
    setText((current) => {
      const typed = parseTyped(current, year);
      return typed === (typeof raw === 'number' ? raw : null) ? current : shownNumber(raw, ctx.lang);
    });
  }, [raw, year, ctx.lang]);
  const typed = parseTyped(text, year);
  const error = Number.isNaN(typed)
    ? ctx.t(year ? 'groupwork.notAYear' : 'groupwork.notANumber')
    : problemOf(field, raw, ctx);
  const unit = field.kind === 'number' ? field.unit?.[ctx.lang] : undefined;
  return (
    <CellShell
      path={path}
      label={unit ? `${field.label[ctx.lang]} (${unit})` : field.label[ctx.lang]}
      help={field.help?.[ctx.lang]}
      required={field.required}
      error={error}
      ctx={ctx}
    >
      {(id, describedBy) => (
        <input
          id={id}
          name={path}
          type="text"
          inputMode={year ? 'numeric' : 'decimal'}
          autoComplete="off"
          className={year ? 'fc-year' : 'fc-number'}
          value={text}
          maxLength={year ? 4 : 20}
          aria-invalid={!!error}
          aria-describedby={describedBy}
          onChange={(e) => {
            setText(e.target.value);
            const n = parseTyped(e.target.value, year);
            if (!Number.isNaN(n)) ctx.onChange(path, n);
          }}
        />
      )}
    </CellShell>
  );
}

/** A signature cell: "✓ Sudah ditandatangani" with "Ulangi" once it holds a hash, else the pad. */
function SignatureCell({
  path,
  field,
  ctx,
  readOnly,
}: {
  path: string;
  field: ColumnField;
  ctx: Ctx;
  readOnly: boolean;
}) {
  const raw = ctx.values[path];
  const signed = typeof raw === 'string' && raw !== '';
  const [open, setOpen] = useState(false);
  const [hasInk, setHasInk] = useState(false);
  const [state, setState] = useState<'idle' | 'saving' | 'failed'>('idle');
  const pad = useRef<SignaturePadHandle>(null);
  const label = field.label[ctx.lang];
  const save = async () => {
    const png = pad.current?.toPng();
    if (!png) return;
    setState('saving');
    try {
      await ctx.onSign(path, png);
      setState('idle');
      setOpen(false);
    } catch {
      setState('failed');
    }
  };
  return (
    <CellShell
      path={path}
      label={label}
      required={field.required}
      error={state === 'failed' ? ctx.t('groupwork.signatureFailed') : undefined}
      note={state === 'saving' ? ctx.t('groupwork.savingSignature') : undefined}
      ctx={ctx}
      wide={open}
      asGroup
    >
      {() => (
        <div className="fc-signature">
          {signed && !open && <span className="fc-signature__done">{ctx.t('groupwork.signed')}</span>}
          {!open && !readOnly && (
            <button type="button" className="btn btn--small" onClick={() => setOpen(true)}>
              {signed ? ctx.t('groupwork.signAgain') : ctx.t('groupwork.sign')}
            </button>
          )}
          {open && (
            <>
              <SignaturePad
                ref={pad}
                label={ctx.t('groupwork.signaturePad', { label })}
                onEmptyChange={(empty) => setHasInk(!empty)}
                onSubmit={() => void save()}
                onCancel={() => setOpen(false)}
                autoFocus
              />
              <div className="fc-signature__actions">
                <button type="button" className="btn" onClick={() => setOpen(false)}>
                  {ctx.t('app.cancel')}
                </button>
                <button
                  type="button"
                  className="btn btn--primary"
                  disabled={!hasInk || state === 'saving'}
                  onClick={() => void save()}
                >
                  {ctx.t('groupwork.saveSignature')}
                </button>
              </div>
            </>
          )}
        </div>
      )}
    </CellShell>
  );
}

function ColumnCell({ path, field, ctx, readOnly }: { path: string; field: ColumnField; ctx: Ctx; readOnly: boolean }) {
  switch (field.kind) {
    case 'text':
    case 'longText':
      return <TextCell path={path} field={field} ctx={ctx} />;
    case 'list':
      return <ListCell path={path} field={field} ctx={ctx} />;
    case 'rating':
      return <RatingCell path={path} field={field} ctx={ctx} />;
    case 'choice':
      return <ChoiceCell path={path} field={field} ctx={ctx} />;
    case 'number':
    case 'year':
      return <NumberCell path={path} field={field} ctx={ctx} />;
    case 'signature':
      return <SignatureCell path={path} field={field} ctx={ctx} readOnly={readOnly} />;
  }
}

/** Consecutive fixed rows under the same group label ("Struktur", "Infrastruktur"…). */
function groupRows<R extends { group?: Bilingual }>(rows: R[], lang: Language): { group?: string; rows: R[] }[] {
  const out: { group?: string; rows: R[] }[] = [];
  for (const r of rows) {
    const g = r.group?.[lang];
    const last = out.at(-1);
    if (last && last.group === g) last.rows.push(r);
    else out.push({ group: g, rows: [r] });
  }
  return out;
}

function TableSection({ table, ctx, readOnly }: { table: TableField; ctx: Ctx; readOnly: boolean }) {
  const { t, lang, values } = ctx;
  const [removing, setRemoving] = useState<{ id: string; n: number } | null>(null);
  const headingId = ctx.domId(table.key);
  const rows = tableRows(table, values);
  const rowWord = table.rowLabel?.[lang] ?? t('groupwork.row');
  const orderPath = `${table.key}/${ROW_ORDER}`;
  const ids = rows.map((r) => r.key);
  const maxRows = table.maxRows ?? TABLE_MAX_ROWS;
  const minRows = table.minRows ?? (table.required ? 1 : 0);
  const needRows = ctx.missing.has(table.key) && !table.rows && rows.length < minRows;
  const addLabel = t('groupwork.addRow', { row: rowWord });
  const focusAfterMove = useRef<string | null>(null);
  const rowRefs = useRef(new Map<string, HTMLElement>());

  useEffect(() => {
    const target = focusAfterMove.current;
    if (!target) return;
    focusAfterMove.current = null;
    const [id, dir] = target.split('|');
    const el = rowRefs.current.get(id)?.querySelector<HTMLButtonElement>(`[data-move="${dir}"]:not(:disabled)`);
    (el ?? rowRefs.current.get(id)?.querySelector<HTMLButtonElement>('[data-move]:not(:disabled)'))?.focus();
  });

  const move = (id: string, by: -1 | 1) => {
    const i = ids.indexOf(id);
    const j = i + by;
    if (i < 0 || j < 0 || j >= ids.length) return;
    const next = [...ids];
    [next[i], next[j]] = [next[j], next[i]];
    focusAfterMove.current = `${id}|${by < 0 ? 'up' : 'down'}`;
    ctx.onChange(orderPath, next);
  };
  const remove = (id: string) =>
    ctx.onChange(
      orderPath,
      ids.filter((x) => x !== id),
    );
  const add = () => ctx.onChange(orderPath, [...ids, newRowId()]);

  const renderRow = (r: { key: string; label?: Bilingual }, n: number) => {
    const title = r.label?.[lang] ?? t('groupwork.rowTitle', { row: rowWord, n });
    return (
      <div
        key={r.key}
        className="fc-row"
        role="group"
        aria-label={title}
        ref={(el) => {
          if (el) rowRefs.current.set(r.key, el);
          else rowRefs.current.delete(r.key);
        }}
      >
        <div className="fc-row__head">
          <span className="fc-row__title">{title}</span>
          {!table.rows && !readOnly && (
            <span className="fc-row__tools">
              <button
                type="button"
                className="btn btn--small"
                data-move="up"
                aria-label={t('groupwork.moveUp', { row: rowWord, n })}
                title={t('groupwork.moveUp', { row: rowWord, n })}
                disabled={n === 1}
                onClick={() => move(r.key, -1)}
              >
                ↑
              </button>
              <button
                type="button"
                className="btn btn--small"
                data-move="down"
                aria-label={t('groupwork.moveDown', { row: rowWord, n })}
                title={t('groupwork.moveDown', { row: rowWord, n })}
                disabled={n === rows.length}
                onClick={() => move(r.key, 1)}
              >
                ↓
              </button>
              <button
                type="button"
                className="btn btn--small btn--danger-text"
                aria-label={t('groupwork.removeRow', { row: rowWord, n })}
                title={t('groupwork.removeRow', { row: rowWord, n })}
                onClick={() => (rowHasContent(table, r.key, values) ? setRemoving({ id: r.key, n }) : remove(r.key))}
              >
                ✕
              </button>
            </span>
          )}
        </div>
        <div className="fc-row__cells">
          {table.columns.map((c) => (
            <ColumnCell key={c.key} path={`${table.key}/${r.key}/${c.key}`} field={c} ctx={ctx} readOnly={readOnly} />
          ))}
        </div>
      </div>
    );
  };

  let n = 0;
  return (
    <section className={`fc-table${needRows ? ' fc-table--missing' : ''}`} aria-labelledby={headingId}>
      <h3 className="fc-table__title" id={headingId} tabIndex={-1}>
        {table.label[lang]}
        {table.required && <span className="field__req"> ({t('app.required')})</span>}
      </h3>
      {table.help && <p className="field__hint">{table.help[lang]}</p>}
      {needRows && (
        <p className="field__error" role="alert">
          {t('groupwork.needRows', { min: minRows })}
        </p>
      )}
      {table.rows
        ? groupRows(rows, lang).map((g, gi) => (
            <div key={gi} className="fc-table__group">
              {g.group && <h4 className="fc-table__group-title">{g.group}</h4>}
              {g.rows.map((r) => renderRow(r, ++n))}
            </div>
          ))
        : rows.map((r) => renderRow(r, ++n))}
      {!table.rows && rows.length === 0 && <p className="fc-empty">{t('groupwork.noRows', { add: addLabel })}</p>}
      {!table.rows && !readOnly && (
        <div className="fc-table__add">
          <button type="button" className="btn" onClick={add} disabled={rows.length >= maxRows}>
            + {addLabel}
          </button>
          {rows.length >= maxRows && <span className="field__hint">{t('groupwork.rowsFull', { max: maxRows })}</span>}
        </div>
      )}
      {removing && (
        <ConfirmDialog
          text={t('groupwork.removeConfirm', { row: rowWord, n: removing.n })}
          confirmLabel={t('groupwork.remove')}
          onConfirm={() => {
            remove(removing.id);
            setRemoving(null);
          }}
          onCancel={() => setRemoving(null)}
        />
      )}
    </section>
  );
}

function FieldBlock({ field, ctx, readOnly }: { field: FieldDef; ctx: Ctx; readOnly: boolean }) {
  if (field.kind === 'table') return <TableSection table={field} ctx={ctx} readOnly={readOnly} />;
  return <ColumnCell path={field.key} field={field} ctx={ctx} readOnly={readOnly} />;
}

/** The summary of what is still missing; each entry takes focus to its place. */
function MissingSummary({ form, missing, ctx }: { form: FormDef; missing: MissingField[]; ctx: Ctx }) {
  const { t, lang } = ctx;
  const go = (path: string) => {
    const el = document.getElementById(ctx.domId(path));
    if (!el) return;
    el.scrollIntoView?.({ block: 'center' });
    const target = el.matches('input, select, textarea, [tabindex]')
      ? el
      : el.querySelector<HTMLElement>('input, select, textarea, button');
    target?.focus();
  };
  return (
    <div className="fc-missing" role="status">
      <p className="fc-missing__title">{t('groupwork.missingTitle', { count: missing.length })}</p>
      <ul>
        {missing.map((m) => {
          const label = m.label[lang];
          const table = form.fields.find((f) => f.key === m.path.split('/')[0]);
          const rowWord = (table?.kind === 'table' && table.rowLabel?.[lang]) || t('groupwork.row');
          const text =
            m.reason === 'rows'
              ? t('groupwork.missingRows', { label })
              : m.row === undefined
                ? label
                : t('groupwork.missingCell', {
                    label,
                    row: typeof m.row === 'number' ? t('groupwork.rowTitle', { row: rowWord, n: m.row }) : m.row[lang],
                  });
          return (
            <li key={m.path}>
              <button type="button" className="fc-missing__link" onClick={() => go(m.path)}>
                {text}
              </button>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

export function FormCapture({
  form,
  values,
  agencies,
  language,
  onChange,
  onSign,
  changedBy = {},
  readOnly = false,
  missing = [],
}: FormCaptureProps) {
  const base = useId();
  const ctx: Ctx = {
    lang: language,
    t: (key, ...params) => translate(language, key, ...params),
    values,
    agencies,
    onChange: readOnly ? () => {} : onChange,
    onSign,
    changedBy,
    missing: new Set(missing.map((m) => m.path)),
    domId: (path) => `${base}-${path.replace(/[^A-Za-z0-9_-]/g, '_')}`,
  };
  return (
    <form className="fc" aria-label={form.title[language]} onSubmit={(e) => e.preventDefault()} noValidate>
      <p className="fc__instructions">{form.instructions[language]}</p>
      {missing.length > 0 && <MissingSummary form={form} missing={missing} ctx={ctx} />}
      <fieldset className="fc__body" disabled={readOnly}>
        {form.fields.map((f) => (
          <FieldBlock key={f.key} field={f} ctx={ctx} readOnly={readOnly} />
        ))}
      </fieldset>
    </form>
  );
}
