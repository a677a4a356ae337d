import { isMessageKey, translate, translateKnown } from './i18n';
import type { Language } from './languages';
import type { TimeZone } from './domain';

/**
 * Dates and times as Indonesian officials write them: "Rabu, 28 Agustus 2019", "09.00–15.30 WIB".
 * Pure functions on Intl; no DOM, no Node.
 */

export const ZONE_IANA: Record<TimeZone, string> = {
  WIB: 'Asia/Jakarta',
  WITA: 'Asia/Makassar',
  WIT: 'Asia/Jayapura',
};

export const ZONE_OFFSET_HOURS: Record<TimeZone, number> = { WIB: 7, WITA: 8, WIT: 9 };

const LOCALE: Record<Language, string> = { id: 'id-ID', en: 'en-GB' };

const longDate = new Map<Language, Intl.DateTimeFormat>();
function longDateFormat(lang: Language): Intl.DateTimeFormat {
  let f = longDate.get(lang);
  if (!f) {
    f = new Intl.DateTimeFormat(LOCALE[lang], {
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    });
    longDate.set(lang, f);
  }
  return f;
}

function parseIsoDate(date: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return null;
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
}

/** `2019-08-28` → "Rabu, 28 Agustus 2019" (id) or "Wednesday, 28 August 2019" (en). */
export function formatLongDate(date: string, lang: Language = 'id'): string {
  const d = parseIsoDate(date);
  if (!d) return date;
  // en-GB puts no comma after the weekday in some ICU versions; make both read the same way.
  const parts = longDateFormat(lang).formatToParts(d);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('weekday')}, ${get('day')} ${get('month')} ${get('year')}`;
}

/** `2019-08-28` → "28 Agustus 2019" (for "Kediri, 28 Agustus 2019"). */
export function formatDayMonthYear(date: string, lang: Language = 'id'): string {
  const full = formatLongDate(date, lang);
  const comma = full.indexOf(', ');
  return comma >= 0 ? full.slice(comma + 2) : full;
}

/** `09:00` → "09.00" (Indonesian official style uses a full stop). */
export function formatClock(time: string): string {
  const m = /^(\d{1,2}):(\d{2})/.exec(time);
  if (!m) return time;
  return `${m[1].padStart(2, '0')}.${m[2]}`;
}

/**
 * A time range with the zone: "09.00–15.30 WIB", or "08.00 s.d. selesai" when there is no end
 * ("08.00 until finished" in English).
 */
export function formatTimeRange(start: string, end: string | null, zone: TimeZone, lang: Language = 'id'): string {
  if (end === null) {
    return lang === 'id'
      ? `${formatClock(start)} ${zone} s.d. selesai`
      : `${formatClock(start)} ${zone} until finished`;
  }
  return `${formatClock(start)}–${formatClock(end)} ${zone}`;
}

/** A UTC instant (ISO string) shown as wall-clock time in the region's zone: "09.05 WIB". */
export function formatInstantTime(iso: string, zone: TimeZone): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const shifted = new Date(d.getTime() + ZONE_OFFSET_HOURS[zone] * 3_600_000);
  const hh = String(shifted.getUTCHours()).padStart(2, '0');
  const mm = String(shifted.getUTCMinutes()).padStart(2, '0');
  return `${hh}.${mm} ${zone}`;
}

/** The calendar date (YYYY-MM-DD) of a UTC instant in the region's zone. */
export function zoneDate(iso: string, zone: TimeZone): string {
  const t = new Date(iso).getTime();
  if (Number.isNaN(t)) return iso;
  const d = new Date(t + ZONE_OFFSET_HOURS[zone] * 3_600_000);
  return d.toISOString().slice(0, 10);
}

/** The UTC instant (ISO string) of a wall-clock time on a date in the region's zone. */
export function zonedInstant(date: string, time: string, zone: TimeZone): string {
  const [y, mo, d] = date.split('-').map(Number);
  const [h, mi] = time.split(':').map(Number);
  return new Date(Date.UTC(y, mo - 1, d, h - ZONE_OFFSET_HOURS[zone], mi)).toISOString();
}

/** A time typed the Indonesian way ("9.05", "09.05", "0905") or with a colon, as `HH:MM`; null if it is not one. */
export function parseTypedTime(typed: string): string | null {
  const m = /^\s*(\d{1,2})[.:]?(\d{2})\s*$/.exec(typed);
  if (!m) return null;
  const [h, mi] = [Number(m[1]), Number(m[2])];
  if (h > 23 || mi > 59) return null;
  return `${String(h).padStart(2, '0')}:${m[2]}`;
}

/** "28/08/2019" (dd/mm/yyyy, as Indonesian forms write a date) for an ISO date; anything else as it is. */
export function formatTypedDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

/**
 * A date typed day first ("28/08/2019", "28-8-2019", "28.08.2019", "28082019", "28/8/19") or as
 * ISO ("2019-08-28"), as `YYYY-MM-DD`; null if it is not a real date. Two-digit years are 20xx.
 */
export function parseTypedDate(typed: string): string | null {
  const t = typed.trim();
  let y: number, mo: number, d: number;
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  if (m) [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  else if ((m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})$/.exec(t))) {
    [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (m[3].length === 2) y += 2000;
  } else if ((m = /^(\d{2})(\d{2})(\d{4})$/.exec(t))) [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  else return null;
  if (y < 1000 || mo < 1 || mo > 12 || d < 1) return null;
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return `${String(y).padStart(4, '0')}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** "Tahap III" for `tahap-3`; the custom name for `custom`. */
export function stageLabel(stage: string, customName = '', lang: Language = 'id'): string {
  if (stage !== 'custom' && isMessageKey(`stages.${stage}`)) return translateKnown(lang, `stages.${stage}`);
  return customName || translate(lang, 'stages.custom');
}

/** "Kota Kediri" / "Kabupaten Malang". */
export function regionTitle(kind: 'kota' | 'kabupaten', name: string): string {
  return `${kind === 'kota' ? 'Kota' : 'Kabupaten'} ${name}`;
}
