import type { StoreStatus } from './domain';
import type { AppErrorShape, ErrorCode } from './errors';
import { CATALOGUES, errorKey, isMessageKey, translateKnown, type ErrorKey, type ValidationCode } from './i18n';
import type { Language } from './languages';

export type { ErrorKey as ErrorMessageKey, ValidationCode } from './i18n';

/**
 * The error and validation sentences of the catalogue (shared/i18n), by language. Validation
 * issue codes (the `code` of a FieldIssue) are keys of `validation`.
 */
export const MESSAGES = {
  id: { errors: CATALOGUES.id.errors, validation: CATALOGUES.id.validation },
  en: { errors: CATALOGUES.en.errors, validation: CATALOGUES.en.validation },
} satisfies Record<Language, { errors: Record<ErrorKey, string>; validation: Record<ValidationCode, string> }>;

/** Why the data file could not be opened, as the key of its sentence. */
export const STORE_FAILURE_KEY = {
  newer: 'dbNewer',
  corrupt: 'dbCorrupt',
  foreign: 'dbForeign',
  readonly: 'dbReadonly',
  inUse: 'dbInUse',
  io: 'dbIo',
} as const satisfies Record<Extract<StoreStatus, { status: 'failed' }>['reason'], ErrorKey>;

/**
 * The sentence for an error key in a language: a key of `errors` or a full catalogue key, with its
 * `{param}`s filled in. A key that is not known is returned as it is.
 */
export function errorMessage(lang: Language, key: string, params?: Record<string, string | number>): string {
  const full = errorKey(key);
  return full ? translateKnown(lang, full, params) : key;
}

/**
 * The error half of a result envelope: the sentence in `lang`, and the key and parameters it came
 * from so another window can show it in its own language.
 */
export function errorShape(
  lang: Language,
  code: ErrorCode,
  key: string,
  details?: AppErrorShape['details'],
  params?: Record<string, string | number>,
): AppErrorShape {
  const full = errorKey(key);
  return {
    code,
    message: errorMessage(lang, key, params),
    ...(full ? { key: full } : {}),
    ...(full && params ? { params } : {}),
    ...(details ? { details } : {}),
  };
}

/** The catalogue key for a validation issue code: `nip.<problem>` codes, else `validation.<code>`. */
export function validationKey(code: string): string {
  if (code.startsWith('nip.') && isMessageKey(code)) return code;
  return isMessageKey(`validation.${code}`) ? `validation.${code}` : 'validation.invalid';
}

/** The sentence for a validation issue code in a language (falls back to the generic one). */
export function validationMessage(lang: Language, code: string): string {
  return translateKnown(lang, validationKey(code));
}
