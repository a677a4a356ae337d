import { useEffect, useId, useState, type ReactNode } from 'react';
import { parseTypedTime } from '../../shared/format';
import { useT, useValidationText } from '../i18n';
import type { SaveStatus } from '../lib/use-autosave';
import './fields.css';

interface FieldProps {
  label: string;
  error?: string;
  hint?: string;
  required?: boolean;
  /** The field's limit: "Terlalu panjang" says it. */
  maxLength?: number;
  /** A passing note under the field (e.g. a paste that was cut), shown when there is no error. */
  note?: string;
  children: (id: string, describedBy: string | undefined) => ReactNode;
}

/** A labelled form field with its hint and its validation message beside it. */
export function Field({ label, error, hint, required, maxLength, note, children }: FieldProps) {
  const id = useId();
  const v = useValidationText();
  const t = useT();
  const msgId = error ? `${id}-error` : note || hint ? `${id}-hint` : undefined;
  return (
    <div className={`field${error ? ' field--invalid' : ''}`}>
      <label htmlFor={id}>
        {label}
        {required && <span className="field__req"> ({t('app.required')})</span>}
      </label>
      {children(id, msgId)}
      {error ? (
        <div className="field__error" id={msgId} role="alert">
          {error === 'tooLong' && maxLength ? t('engagements.tooLongMax', { max: maxLength }) : v(error)}
        </div>
      ) : note ? (
        <div className="field__hint field__hint--note" id={msgId} role="status">
          {note}
        </div>
      ) : hint ? (
        <div className="field__hint" id={msgId}>
          {hint}
        </div>
      ) : null}
    </div>
  );
}

interface TextInputProps {
  label: string;
  value: string;
  onChange(v: string): void;
  onBlur?(): void;
  error?: string;
  hint?: string;
  required?: boolean;
  /** Dates and times have their own fields (DateField, TimeField in date-field.tsx): never the browser's. */
  type?: 'text' | 'number' | 'email';
  name: string;
  inputMode?: 'numeric' | 'text';
  maxLength?: number;
  autoFocus?: boolean;
}

export function TextInput(p: TextInputProps) {
  const t = useT();
  // A paste longer than the field allows is cut by the browser: say so rather than cut silently.
  const [cut, setCut] = useState(false);
  return (
    <Field
      label={p.label}
      error={p.error}
      hint={p.hint}
      required={p.required}
      maxLength={p.maxLength}
      note={cut ? t('engagements.pasteCut', { max: p.maxLength ?? 0 }) : undefined}
    >
      {(id, described) => (
        <input
          id={id}
          name={p.name}
          type={p.type ?? 'text'}
          value={p.value}
          inputMode={p.inputMode}
          maxLength={p.maxLength}
          autoFocus={p.autoFocus}
          aria-invalid={!!p.error}
          aria-describedby={described}
          onChange={(e) => {
            setCut(false);
            p.onChange(e.target.value);
          }}
          onPaste={(e) => {
            if (!p.maxLength) return;
            const el = e.currentTarget;
            const selected = (el.selectionEnd ?? 0) - (el.selectionStart ?? 0);
            const pasted = e.clipboardData.getData('text').length;
            if (el.value.length - selected + pasted > p.maxLength) setTimeout(() => setCut(true));
          }}
          onBlur={p.onBlur}
        />
      )}
    </Field>
  );
}

interface SelectProps<T extends string> {
  label: string;
  name: string;
  value: T;
  options: { value: T; label: string }[];
  onChange(v: T): void;
  error?: string;
}

export function Select<T extends string>(p: SelectProps<T>) {
  return (
    <Field label={p.label} error={p.error}>
      {(id, described) => (
        <select
          id={id}
          name={p.name}
          value={p.value}
          aria-describedby={described}
          onChange={(e) => p.onChange(e.target.value as T)}
        >
          {p.options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

interface TextListProps {
  label: string;
  name: string;
  value: string[];
  onChange(v: string[]): void;
  onBlur?(): void;
  error?: string;
  hint?: string;
  rows?: number;
}

const toLines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

/** A list of short texts edited as lines of a text area (OPD list, mentors). */
export function TextList(p: TextListProps) {
  const [text, setText] = useState(p.value.join('\n'));
  // Follow changes made elsewhere (another window) unless they are what is typed here.
  useEffect(() => {
    if (toLines(text).join('\n') !== p.value.join('\n')) setText(p.value.join('\n'));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [p.value.join('\n')]);
  return (
    <Field label={p.label} error={p.error} hint={p.hint}>
      {(id, described) => (
        <textarea
          id={id}
          name={p.name}
          rows={p.rows ?? 6}
          value={text}
          aria-invalid={!!p.error}
          aria-describedby={described}
          onChange={(e) => {
            setText(e.target.value);
            p.onChange(toLines(e.target.value));
          }}
          onBlur={p.onBlur}
        />
      )}
    </Field>
  );
}

/** "Tersimpan" / "Menyimpan…" / what is wrong — the only save feedback (there is no Save button). */
export function SaveIndicator({
  status,
  message,
  onDiscard,
}: {
  status: SaveStatus;
  message?: string | null;
  onDiscard?(): void;
}) {
  const t = useT();
  if (status === 'error' && message) {
    return (
      <span className="save-indicator save-indicator--error" role="alert">
        {message}{' '}
        {onDiscard && (
          <button type="button" className="btn btn--small" onClick={onDiscard}>
            {t('app.discard')}
          </button>
        )}
      </span>
    );
  }
  const text =
    status === 'saving' || status === 'pending'
      ? t('app.saving')
      : status === 'saved'
        ? t('app.saved')
        : status === 'invalid'
          ? t('app.unsaved')
          : status === 'error'
            ? t('app.offline')
            : '';
  return (
    <span className={`save-indicator save-indicator--${status}`} role="status" aria-live="polite">
      {text}
    </span>
  );
}

interface ClockInputProps {
  id: string;
  name: string;
  /** `HH:MM`, or what was typed when it is not a time yet (the schema then says so). */
  value: string;
  disabled?: boolean;
  describedBy?: string;
  onChange(v: string): void;
  onBlur?(): void;
}

/**
 * A time of day typed and shown the Indonesian way, 24-hour with a full stop ("09.00"), whatever
 * the browser's or the system's locale (a native time input would show "09:00 AM" on an English
 * system). "9.00", "0900" and "09:00" are understood; what is not a time is kept as typed, and the
 * shared schema marks it.
 */
export function ClockInput({ id, name, value, disabled, describedBy, onChange, onBlur }: ClockInputProps) {
  const shown = (v: string) => (/^\d\d:\d\d$/.test(v) ? v.replace(':', '.') : v);
  const [text, setText] = useState(() => shown(value));
  // A value from elsewhere (another window, a reset) replaces the text unless it is the same time.
  useEffect(() => {
    setText((current) => (parseTypedTime(current) === value || current === value ? current : shown(value)));
  }, [value]);
  return (
    <input
      id={id}
      name={name}
      type="text"
      inputMode="numeric"
      autoComplete="off"
      placeholder="09.00"
      className="clock-input"
      value={text}
      disabled={disabled}
      aria-describedby={describedBy}
      onChange={(e) => {
        setText(e.target.value);
        onChange(parseTypedTime(e.target.value) ?? e.target.value.trim());
      }}
      onBlur={() => {
        const parsed = parseTypedTime(text);
        if (parsed) setText(shown(parsed));
        onBlur?.();
      }}
    />
  );
}
