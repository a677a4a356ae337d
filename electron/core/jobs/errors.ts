import { AppError, ERROR_CODES, type AppErrorShape, type ErrorCode } from '../../../shared/errors';
import type { SerializedError } from './types';

/** An error thrown in a worker, as plain data for `postMessage`. */
export function serializeError(e: unknown): SerializedError {
  if (e instanceof AppError) {
    return {
      name: e.name,
      message: e.message,
      stack: e.stack,
      app: { code: e.code, messageKey: e.messageKey, details: e.details, params: e.params },
    };
  }
  // A system or SQLite error keeps its code (SQLITE_CONSTRAINT, SQLITE_FULL, ENOSPC…), so the
  // handler answers CONFLICT or IO as it would for the same error on the calling thread.
  if (e instanceof Error) {
    const code = (e as { code?: unknown }).code;
    return { name: e.name, message: e.message, stack: e.stack, ...(typeof code === 'string' ? { code } : {}) };
  }
  return { name: 'Error', message: String(e) };
}

/** A job's failure on the calling side; the worker's stack is kept so the log shows where it failed. */
export class JobError extends Error {
  /** The worker's error code, when it had one (the handler maps SQLite and I/O codes). */
  code?: string;
  constructor(
    readonly kind: string,
    remote: SerializedError,
  ) {
    super(`${kind}: ${remote.message}`);
    this.name = `JobError(${remote.name})`;
    if (remote.code) this.code = remote.code;
    if (remote.stack) this.stack = `${this.name}: ${this.message}\n  in worker: ${remote.stack}`;
  }
}

/**
 * Rebuild the error on the calling side: an AppError stays an AppError (the handler turns it into
 * a VALIDATION/NOT_FOUND/… result as before); anything else becomes a JobError, which the handler
 * logs with the worker's stack and answers as INTERNAL.
 */
export function deserializeError(kind: string, s: SerializedError): Error {
  if (s.app && (ERROR_CODES as readonly string[]).includes(s.app.code)) {
    const e = new AppError(
      s.app.code as ErrorCode,
      s.app.messageKey,
      s.app.details as AppErrorShape['details'],
      s.app.params as AppError['params'],
    );
    if (s.stack) e.stack = s.stack;
    return e;
  }
  return new JobError(kind, s);
}
