import type { Gender, Role } from '../../../shared/attendance';
import type { Language } from '../../../shared/languages';
import type { MessageKey } from '../../i18n';

export { maskPhone } from '../../../shared/privacy';

/** Spreadsheet column letters: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

const numberFormats: Partial<Record<Language, Intl.NumberFormat>> = {};

/** A count as people read it in the UI language: 1.234 (id), 1,234 (en). */
export function formatCount(n: number, lang: Language): string {
  numberFormats[lang] ??= new Intl.NumberFormat(lang === 'id' ? 'id-ID' : 'en-GB');
  return numberFormats[lang].format(n);
}

export const roleKey = (role: Role): MessageKey => `participants.role_${role}`;
export const genderKey = (g: Gender): MessageKey =>
  g === '' ? 'participants.gender_none' : `participants.gender_${g}`;
