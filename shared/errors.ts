/**
 * The closed set of error codes a handler may return across a boundary (IPC or HTTP).
 * Messages for people are produced from these codes in the UI language.
 */
export const ERROR_CODES = [
  'VALIDATION',
  'NOT_FOUND',
  'CONFLICT',
  'FORBIDDEN',
  'IO',
  'STORE_UNAVAILABLE',
  'UNKNOWN_OPERATION',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** One problem with one field of an input: `path` is the field path, `code` an i18n key. */
export interface FieldIssue {
  path: (string | number)[];
  code: string;
}

export interface AppErrorShape {
  code: ErrorCode;
  /** The sentence in the UI language at the time of the call. */
  message: string;
  /**
   * The catalogue key the message came from (shared/i18n), and its parameters: a window shows the
   * error in its own current language, also after a language switch.
   */
  key?: string;
  params?: Record<string, string | number>;
  details?: { issues?: FieldIssue[]; [key: string]: unknown };
}

/** Thrown inside the core; turned into a result envelope at the boundary, never thrown across it. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    /**
     * Key of the message: a key of the catalogue's `errors` (`engagementNotFound`) or any full
     * catalogue key (`import.noHeader`); translated at the boundary in the UI language.
     */
    readonly messageKey: string,
    readonly details?: AppErrorShape['details'],
    /** The `{param}` values of the message. */
    readonly params?: Record<string, string | number>,
  ) {
    super(messageKey);
    this.name = 'AppError';
  }
}

/** The envelope every operation returns. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: AppErrorShape };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
