import type { AttendanceEntry, AttendanceStatus, Participant } from '../../../shared/attendance';
import type { TimeZone } from '../../../shared/domain';
import type { AppErrorShape } from '../../../shared/errors';
import { formatInstantTime } from '../../../shared/format';
import { useErrorText, useValidationText, type T } from '../../i18n';
import './common.css';

/**
 * A sentence whose name already ends in a degree's full stop ("… S.Kom." + ".") keeps one stop:
 * "Terima kasih, Ibu Siti Nurhayati, S.Kom." rather than "S.Kom..". An ellipsis is left alone.
 */
export function tidySentence(s: string): string {
  return s.replace(/(?<!\.)\.\.(?!\.)/g, '.');
}

/** The word for a status, as on the paper list. */
export function statusWord(t: T, status: AttendanceStatus): string {
  switch (status) {
    case 'hadir':
      return t('checkin.statusHadir');
    case 'izin':
      return t('checkin.statusIzin');
    case 'sakit':
      return t('checkin.statusSakit');
    case 'diwakili':
      return t('checkin.statusDiwakili');
    case 'tidak-hadir':
      return t('checkin.statusTidakHadir');
  }
}

/** "Hadir 09.05 WIB", "Diwakili oleh …", "Belum hadir": one line for a person's day. */
export function statusLine(
  t: T,
  entry: AttendanceEntry | undefined,
  zone: TimeZone,
  byId: Map<string, Participant>,
): string {
  if (!entry) return t('checkin.statusNone');
  if (entry.status === 'hadir') {
    const at = entry.checkInAt
      ? t('checkin.statusHadirAt', { time: formatInstantTime(entry.checkInAt, zone) })
      : t('checkin.statusHadir');
    return entry.checkOutAt
      ? `${at} · ${t('checkin.checkedOutAt', { time: formatInstantTime(entry.checkOutAt, zone) })}`
      : at;
  }
  if (entry.status === 'diwakili' && entry.representedById) {
    const rep = byId.get(entry.representedById);
    if (rep) return t('checkin.statusDiwakiliBy', { name: rep.name });
  }
  return statusWord(t, entry.status);
}

/** A small coloured status label; present people get a check mark. */
export function StatusBadge({
  t,
  entry,
  zone,
  byId,
}: {
  t: T;
  entry: AttendanceEntry | undefined;
  zone: TimeZone;
  byId: Map<string, Participant>;
}) {
  const status = entry?.status ?? 'none';
  return (
    <span className={`ci-status ci-status--${status}`}>
      {statusLine(t, entry, zone, byId)}
      {status === 'hadir' && <span aria-hidden="true"> ✓</span>}
    </span>
  );
}

/** "Bapak" / "Ibu" from the register's gender, "Bapak/Ibu" when it is not known. */
export function addressOf(t: T, p: Participant): string {
  if (p.gender === 'L') return t('checkin.addressMale');
  if (p.gender === 'P') return t('checkin.addressFemale');
  return t('checkin.addressAny');
}

/** A server error as people read it: the sentence, and each field problem in the UI language. */
export function ErrorNote({ error }: { error: AppErrorShape | null }) {
  const v = useValidationText();
  const errorText = useErrorText();
  if (!error) return null;
  const issues = error.details?.issues ?? [];
  const lines = [...new Set(issues.map((i) => v(i.code)))];
  return (
    <div className="banner banner--error ci-error" role="alert">
      <strong>{errorText(error)}</strong>
      {lines.length > 0 && (
        <ul>
          {lines.map((l) => (
            <li key={l}>{l}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** Field problems of a failed create, by field name. */
export function fieldErrors(error: AppErrorShape | null): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error?.details?.issues ?? []) {
    const field = String(issue.path[0] ?? '');
    if (field && !out[field]) out[field] = issue.code;
  }
  return out;
}
