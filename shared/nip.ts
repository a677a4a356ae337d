import { CATALOGUES, translate } from './i18n';
import type { Language } from './languages';

/**
 * The NIP (Nomor Induk Pegawai), the 18-digit number of an Indonesian civil servant:
 *
 *   19850315 201001 1 002
 *   │        │      │ └ 16–18 sequence 001–999
 *   │        │      └── 15    gender: 1 male, 2 female
 *   │        └───────── 9–14  appointment as CPNS (TMT), YYYYMM
 *   └────────────────── 1–8   birth date, YYYYMMDD
 *
 * Pure: no Node, no DOM. People type NIPs with spaces ("19850315 201001 1 002") or dots; both
 * are accepted and removed.
 */

export const NIP_PROBLEMS = ['length', 'digits', 'birthDate', 'appointment', 'gender', 'sequence'] as const;
/** Which part of a NIP is wrong. */
export type NipProblem = (typeof NIP_PROBLEMS)[number];

export type NipCheck =
  | {
      ok: true;
      /** The 18 digits, separators removed. */
      nip: string;
      /** `YYYY-MM-DD` */
      birthDate: string;
      /** `YYYY-MM`: start of service as CPNS (TMT CPNS). */
      appointment: string;
      gender: 'L' | 'P';
    }
  | { ok: false; problem: NipProblem };

const EARLIEST_BIRTH_YEAR = 1940;
/** Youngest plausible age at appointment. The rule is 18; typed NIPs from old records vary. */
const MIN_AGE_AT_APPOINTMENT = 15;

/** Spaces (also non-breaking ones), dots and hyphens people put between the NIP's groups. */
const SEPARATORS = /[\s.\u00a0-]/g;

/** Strips the separators people type between a NIP's groups ("19850315 201001 1 002"). */
export function compactNip(raw: string): string {
  return raw.replace(SEPARATORS, '');
}

/**
 * Checks a NIP part by part and says which part is wrong. `now` sets the current year (for
 * tests); birth years run from 1940 to now, appointment years from birth + 15 to now + 1.
 */
export function validateNip(raw: string, now: Date = new Date()): NipCheck {
  const nip = compactNip(raw);
  if (/\D/.test(nip)) return { ok: false, problem: 'digits' };
  if (nip.length !== 18) return { ok: false, problem: 'length' };

  const thisYear = now.getFullYear();
  const birthYear = Number(nip.slice(0, 4));
  const birthMonth = Number(nip.slice(4, 6));
  const birthDay = Number(nip.slice(6, 8));
  if (birthYear < EARLIEST_BIRTH_YEAR || birthYear > thisYear || !isRealDay(birthYear, birthMonth, birthDay)) {
    return { ok: false, problem: 'birthDate' };
  }

  const appointmentYear = Number(nip.slice(8, 12));
  const appointmentMonth = Number(nip.slice(12, 14));
  if (
    appointmentMonth < 1 ||
    appointmentMonth > 12 ||
    appointmentYear < birthYear + MIN_AGE_AT_APPOINTMENT ||
    appointmentYear > thisYear + 1
  ) {
    return { ok: false, problem: 'appointment' };
  }

  const genderDigit = nip[14];
  if (genderDigit !== '1' && genderDigit !== '2') return { ok: false, problem: 'gender' };
  if (nip.slice(15) === '000') return { ok: false, problem: 'sequence' };

  return {
    ok: true,
    nip,
    birthDate: `${nip.slice(0, 4)}-${nip.slice(4, 6)}-${nip.slice(6, 8)}`,
    appointment: `${nip.slice(8, 12)}-${nip.slice(12, 14)}`,
    gender: genderDigit === '1' ? 'L' : 'P',
  };
}

function isRealDay(year: number, month: number, day: number): boolean {
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/**
 * The official way to print a NIP: "19850315 201001 1 002". Anything that is not 18 digits is
 * returned as it was typed.
 */
export function formatNip(raw: string): string {
  const nip = compactNip(raw);
  if (!/^\d{18}$/.test(nip)) return raw.trim();
  return `${nip.slice(0, 8)} ${nip.slice(8, 14)} ${nip.slice(14, 15)} ${nip.slice(15)}`;
}

/** What is wrong with a NIP, for people, naming the part (and its digits) that is wrong. */
export const NIP_PROBLEM_MESSAGES: Record<Language, Record<NipProblem, string>> = {
  id: CATALOGUES.id.nip,
  en: CATALOGUES.en.nip,
};

/** The sentence for a NIP problem in a language. */
export function nipProblemMessage(lang: Language, problem: NipProblem): string {
  return translate(lang, `nip.${problem}`);
}
