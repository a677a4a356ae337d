import type { Language } from '../../../shared/languages';
import type { ImportRequestValues, ListCopy } from '../../../shared/attendance';

/** A file made in a worker: its bytes travel back transferred, not copied. */
export interface FileBytes {
  fileName: string;
  mime: string;
  bytes: Uint8Array;
}

/** What a job reading the store needs: the SQLite file (the worker opens its own connection). */
interface StoreJob {
  dbFile: string;
}

/**
 * Every job a worker can run, by name: its input and its output. Inputs and outputs cross the
 * thread boundary by structured clone, so they are plain data (no class instances, no functions).
 */
export interface JobMap {
  'import.preview': {
    input: StoreJob & { request: ImportRequestValues; lang: Language };
    /** The preview as UTF-8 JSON bytes (see raw-json.ts). */
    output: Uint8Array;
  };
  'import.commit': {
    input: StoreJob & { request: ImportRequestValues; lang: Language; now: string };
    output: { created: number; duplicates: number; invalid: number };
  };
  'documents.attendanceList': {
    input: StoreJob & { dayId: string; blank: boolean; copy: ListCopy };
    output: FileBytes;
  };
  'documents.recap': {
    input: StoreJob & { engagementId: string; format: 'xlsx' | 'docx' };
    output: FileBytes;
  };
  'documents.registerFile': {
    input: StoreJob & { engagementId: string; format: 'csv' | 'xlsx'; lang: Language };
    output: FileBytes;
  };
  /** Returns its bytes reversed: the pool's own round trip, without the store. */
  'pool.echo': { input: { bytes: Uint8Array }; output: Uint8Array };
  /** Throws an error with this message (how a failing job comes back). */
  'pool.fail': { input: { message: string }; output: never };
  /** Ends the worker thread mid-job (how the pool survives a worker that dies). */
  'pool.exit': { input: { code: number }; output: never };
}

export type JobKind = keyof JobMap;
export type JobInput<K extends JobKind> = JobMap[K]['input'];
export type JobOutput<K extends JobKind> = JobMap[K]['output'];

/** An error as it crosses the thread boundary: enough to rebuild an AppError, and the stack for the log. */
export interface SerializedError {
  name: string;
  message: string;
  stack?: string;
  /** A system or SQLite error code. */
  code?: string;
  app?: { code: string; messageKey: string; details?: unknown; params?: unknown };
}

export interface JobRequest {
  id: number;
  kind: JobKind;
  input: unknown;
}

export type JobReply = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: SerializedError };
