import { z } from 'zod';

/** Schema building blocks shared by every domain schema. Messages are i18n keys. */

export const LIMITS = {
  shortText: 200,
  longText: 2000,
  agencies: 300,
  mentors: 30,
  days: 10,
} as const;

/**
 * Missing → "required" (an emptied number field reaches the schema as NaN: that is missing too,
 * "Wajib diisi.", not a wrong type); present but of the wrong type → "invalidType".
 */
export const typeError = (iss: { input?: unknown }) =>
  iss.input === undefined || (typeof iss.input === 'number' && Number.isNaN(iss.input)) ? 'required' : 'invalidType';
/**
 * Characters XML 1.0 cannot carry (C0 controls other than tab and line breaks, lone surrogates,
 * U+FFFE and U+FFFF). A DOCX or XLSX holding one is rejected by Word-compatible readers, so they
 * are removed from every text at the boundary: every text schema is built from `str()`.
 */
export const NON_XML_CHARS = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
export const stripNonXml = (v: string) => v.replace(NON_XML_CHARS, '');
export const str = () => z.string({ error: typeError }).overwrite(stripNonXml);
/** Trimmed text, may be empty. */
export const optionalText = (max: number = LIMITS.shortText) => str().trim().max(max, { error: 'tooLong' });
/** Trimmed text that must not be empty. */
export const requiredText = (max: number = LIMITS.shortText) =>
  str().trim().min(1, { error: 'required' }).max(max, { error: 'tooLong' });

export const idSchema = z.uuid({ error: 'invalidId' });

/** A calendar date as `YYYY-MM-DD` that exists (2019-02-30 does not). */
export const isoDate = str().refine(isRealDate, { error: 'invalidDate' });
/** A wall-clock time `HH:MM`, 00:00–23:59. */
export const clockTime = str().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'invalidTime' });
/** NIP: empty, or exactly 18 digits (the detailed check of its parts comes with attendance). */
export const nipText = str()
  .trim()
  .refine((v) => v === '' || /^\d{18}$/.test(v.replace(/\s/g, '')), { error: 'invalidNip' })
  .transform((v) => v.replace(/\s/g, ''));

export function isRealDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}
