import type { Language } from '../../../shared/languages';
import type { ImportRequestValues, ListCopy } from '../../../shared/attendance';
import type { PackagePreview } from '../../../shared/contract/packages';
import type { CheckedBackup } from '../backups/check';
import type { MadeCrop } from '../store/signature-crops';
import type { MinutesVersion, PhotoRefusal } from '../../../shared/minutes';

/** A photo as it goes into the minutes (JPEG, long side ≤ 1600 px, no metadata), or why it cannot. */
export type PhotoResult =
  | {
      ok: true;
      jpeg: Uint8Array;
      width: number;
      height: number;
      thumb: Uint8Array;
      thumbWidth: number;
      thumbHeight: number;
      sourceFormat: 'jpeg' | 'png' | 'webp';
    }
  | { ok: false; reason: PhotoRefusal };

/** A file made in a worker: its bytes travel back transferred, not copied. */
export interface FileBytes {
  fileName: string;
  mime: string;
  bytes: Uint8Array;
}

/** A file made in a worker and left on disk (a package of any size): the caller moves, streams or deletes it. */
export interface FileOnDisk {
  fileName: string;
  mime: string;
  file: string;
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
    output: { created: number; duplicates: number; invalid: number; opdsAdded: number; aliasesSaved: number };
  };
  'documents.attendanceList': {
    input: StoreJob & { dayId: string; blank: boolean; copy: ListCopy };
    output: FileBytes;
  };
  'documents.rundown': {
    input: StoreJob & { workshopId: string };
    output: FileBytes;
  };
  'documents.groupOutputs': {
    input: StoreJob & { workshopId: string };
    output: FileBytes;
  };
  'documents.recap': {
    input: StoreJob & { engagementId: string; format: 'xlsx' | 'docx' };
    output: FileBytes;
  };
  'documents.actions': {
    input: StoreJob & { engagementId: string; format: 'xlsx' | 'csv' | 'docx' };
    output: FileBytes;
  };
  /**
   * The minutes of a workshop as DOCX: `version` N prints "Versi N" in the footer (a finalize), null
   * a draft. `code` is the short verification code of the content, printed in the footer too.
   */
  'minutes.build': {
    input: StoreJob & { workshopId: string; version: number | null };
    output: { file: FileBytes; code: string };
  };
  /**
   * "Finalkan": build version `version` and commit it in the worker's own transaction, only if the
   * minutes are still the draft at `revision`; the DOCX's bytes and SHA-256 never touch the loop
   * that answers calls.
   */
  'minutes.finalize': {
    input: StoreJob & { workshopId: string; revision: number; version: number; by: string; now: string };
    output: MinutesVersion;
  };
  /** A photo for the minutes' Dokumentasi: upright, resized JPEG and thumbnail, or why it is refused. */
  'minutes.photo': { input: { bytes: Uint8Array }; output: PhotoResult };
  'documents.registerFile': {
    input: StoreJob & { engagementId: string; format: 'csv' | 'xlsx'; lang: Language };
    output: FileBytes;
  };
  /** Crop stored signatures to their ink (see store/signature-crops.ts); the caller stores them. */
  'signatures.crop': { input: StoreJob & { hashes: string[] }; output: MadeCrop[] };
  /** Seal (single-file journal) and check a backup file: quick_check, schema version, what it holds. */
  'backups.check': { input: { file: string; seal: boolean }; output: CheckedBackup };
  /** An engagement package (.bimtek), made on the worker's own connection and written to `outFile`. */
  'packages.export': {
    input: StoreJob & { engagementId: string; appVersion: string; now: string; outFile: string };
    output: FileOnDisk;
  };
  /** What importing the package in `file` would do (reads only). */
  'packages.preview': { input: StoreJob & { file: string }; output: PackagePreview };
  /** Merging the package in `file` in one write transaction. */
  'packages.import': {
    input: StoreJob & { file: string; resolutions: Record<string, 'here' | 'there'> };
    output: PackagePreview;
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

/** How far a long job is: step `step` of `steps`, in phase `phase` (a job's own names). */
export interface JobProgress {
  phase: string;
  step: number;
  steps: number;
}

/** A message from a worker while its job runs (before its reply). */
export interface JobProgressMessage {
  id: number;
  progress: JobProgress;
}

/** What a task may call to say how far it is; the pool passes it to the caller's `onProgress`. */
export type ReportProgress = (p: JobProgress) => void;
