import { enUS } from 'date-fns/locale/en-US';
import { id as idLocale } from 'date-fns/locale/id';
import { DayPicker } from 'react-day-picker';
import 'react-day-picker/style.css';
import type { Language } from '../../shared/languages';
import './date-picker-popover.css';

interface Props {
  /** The date shown selected (`YYYY-MM-DD`), or null. */
  value: string | null;
  language: Language;
  label: string;
  onSelect(iso: string): void;
  /** Escape: closed without a choice. */
  onClose(): void;
}

const toDate = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(y, m - 1, d);
};
const toIso = (d: Date) =>
  `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

/**
 * The calendar of a date field, in the UI language (Indonesian month and day names by default;
 * weeks start on Monday). Arrow keys move between days, Enter picks, Escape closes. Its own chunk:
 * the app's first load does not carry it.
 */
export default function DatePickerPopover({ value, language, label, onSelect, onClose }: Props) {
  const selected = value ? toDate(value) : undefined;
  return (
    <div
      className="date-popover"
      role="dialog"
      aria-label={label}
      onKeyDown={(e) => {
        if (e.key !== 'Escape') return;
        // The calendar closes, not the dialog or page around it.
        e.stopPropagation();
        e.preventDefault();
        onClose();
      }}
    >
      <DayPicker
        mode="single"
        locale={language === 'en' ? enUS : idLocale}
        weekStartsOn={1}
        selected={selected}
        defaultMonth={selected}
        captionLayout="dropdown"
        startMonth={new Date(2000, 0)}
        endMonth={new Date(2100, 11)}
        autoFocus
        onSelect={(d) => d && onSelect(toIso(d))}
      />
    </div>
  );
}
