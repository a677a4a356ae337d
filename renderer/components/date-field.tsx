import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { formatTypedDate, parseTypedDate } from '../../shared/format';
import { useLanguage, useT } from '../i18n';
import { ClockInput, Field } from './fields';
import './date-field.css';

/** The calendar (react-day-picker with the date-fns locale), loaded on the first open only. */
const DatePickerPopover = lazy(() => import('./date-picker-popover'));

interface DateInputProps {
  id: string;
  name: string;
  /** `YYYY-MM-DD`, or what was typed when it is not a date yet (the schema then says so). */
  value: string;
  /** What the calendar is for, read out with it ("Kalender: Tanggal"). */
  label: string;
  disabled?: boolean;
  describedBy?: string;
  invalid?: boolean;
  onChange(v: string): void;
  onBlur?(): void;
}

/**
 * A date typed and shown the Indonesian way, day first ("28/08/2019"), whatever the browser's or
 * the system's locale (a native date input follows the system: "08/28/2019" on an American one),
 * with a calendar beside it in the UI language (Indonesian month and day names). "28-8-2019",
 * "28.08.2019", "28082019" and "2019-08-28" are understood; what is not a date is kept as typed,
 * and the shared schema marks it. The rest of the app only ever sees `YYYY-MM-DD`.
 */
export function DateInput({
  id,
  name,
  value,
  label,
  disabled,
  describedBy,
  invalid,
  onChange,
  onBlur,
}: DateInputProps) {
  const t = useT();
  const language = useLanguage((s) => s.language);
  const [text, setText] = useState(() => formatTypedDate(value));
  const [open, setOpen] = useState(false);
  const wrap = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  // A value from elsewhere (another window, a reset, the calendar) replaces the text unless it is the same date.
  useEffect(() => {
    setText((current) => (parseTypedDate(current) === value || current === value ? current : formatTypedDate(value)));
  }, [value]);
  // A click anywhere else closes the calendar.
  useEffect(() => {
    if (!open) return;
    const down = (e: MouseEvent) => {
      if (e.target instanceof Node && !wrap.current?.contains(e.target)) setOpen(false);
    };
    document.addEventListener('mousedown', down);
    return () => document.removeEventListener('mousedown', down);
  }, [open]);
  const iso = parseTypedDate(text);
  return (
    <div className="date-input" ref={wrap}>
      <input
        id={id}
        name={name}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        placeholder={t('dateField.placeholder')}
        className="date-input__text"
        value={text}
        disabled={disabled}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy}
        onChange={(e) => {
          setText(e.target.value);
          onChange(parseTypedDate(e.target.value) ?? e.target.value.trim());
        }}
        onBlur={() => {
          if (iso) setText(formatTypedDate(iso));
          onBlur?.();
        }}
      />
      <button
        ref={button}
        type="button"
        className="date-input__button"
        disabled={disabled}
        aria-label={t('dateField.openCalendar')}
        title={t('dateField.openCalendar')}
        aria-haspopup="dialog"
        aria-expanded={open}
        onClick={() => setOpen((o) => !o)}
      >
        <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
          <rect x="1.5" y="3" width="13" height="11.5" rx="1.5" fill="none" stroke="currentColor" />
          <path d="M1.5 6.5h13M5 1.5v3M11 1.5v3" stroke="currentColor" />
        </svg>
      </button>
      {open && (
        <Suspense fallback={null}>
          <DatePickerPopover
            value={iso}
            language={language}
            label={t('dateField.calendar', { label })}
            onSelect={(picked) => {
              setText(formatTypedDate(picked));
              onChange(picked);
              setOpen(false);
              button.current?.focus();
              onBlur?.();
            }}
            onClose={() => {
              setOpen(false);
              button.current?.focus();
            }}
          />
        </Suspense>
      )}
    </div>
  );
}

/** A labelled date or time field: the value as stored (`YYYY-MM-DD`, `HH:MM`), or what was typed while it is not one. */
interface LabelledFieldProps {
  label: string;
  name: string;
  value: string;
  onChange(v: string): void;
  onBlur?(): void;
  error?: string;
  hint?: string;
  required?: boolean;
  disabled?: boolean;
}

/** A labelled date field (see `DateInput`). */
export function DateField(p: LabelledFieldProps) {
  return (
    <Field label={p.label} error={p.error} hint={p.hint} required={p.required}>
      {(id, described) => (
        <DateInput
          id={id}
          name={p.name}
          value={p.value}
          label={p.label}
          disabled={p.disabled}
          describedBy={described}
          invalid={!!p.error}
          onChange={p.onChange}
          onBlur={p.onBlur}
        />
      )}
    </Field>
  );
}

/** A labelled time of day, "09.00" 24-hour (see `ClockInput`). */
export function TimeField(p: LabelledFieldProps) {
  return (
    <Field label={p.label} error={p.error} hint={p.hint} required={p.required}>
      {(id, described) => (
        <ClockInput
          id={id}
          name={p.name}
          value={p.value}
          disabled={p.disabled}
          describedBy={described}
          onChange={p.onChange}
          onBlur={p.onBlur}
        />
      )}
    </Field>
  );
}
