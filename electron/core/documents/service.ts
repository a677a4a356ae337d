import type { FilePayload, ListCopy } from '../../../shared/attendance';
import type { Language } from '../../../shared/languages';
import type { JobPool } from '../jobs/pool';
import type { FileBytes } from '../jobs/types';
import { filePayload } from './file-payload';

interface Deps {
  jobs: JobPool;
  /** The store's SQLite file: the worker reads it over its own connection. */
  dbFile: string;
  language(): Language;
}

const toPayload = (f: FileBytes): FilePayload => filePayload(f);

/**
 * Files made from the store: the daftar hadir and susunan acara DOCX, and the register as CSV/XLSX. Reading the data
 * (a 20,000-person register, 300 signatures) and packing the file both run in a job worker: the
 * process answering calls only waits for the bytes.
 */
export function createDocumentService(d: Deps) {
  return {
    /**
     * The daftar hadir of a day: everyone registered (or only those present) with Keterangan and
     * signatures, or (blank) the whole register to sign on paper; `copy` 'annex' is the copy
     * attached to the minutes.
     */
    async attendanceList(dayId: string, blank: boolean, copy: ListCopy = 'list'): Promise<FilePayload> {
      return toPayload(await d.jobs.run('documents.attendanceList', { dbFile: d.dbFile, dayId, blank, copy }));
    },

    /** The susunan acara of a workshop: every day's steps with their planned times, to hand out. */
    async rundown(workshopId: string): Promise<FilePayload> {
      return toPayload(await d.jobs.run('documents.rundown', { dbFile: d.dbFile, workshopId }));
    },

    /** Hasil Diskusi Kelompok of a workshop: every group's output per group-work step. */
    async groupOutputs(workshopId: string): Promise<FilePayload> {
      return toPayload(await d.jobs.run('documents.groupOutputs', { dbFile: d.dbFile, workshopId }));
    },

    /** The engagement's action items as XLSX or CSV (secretariat) or DOCX tables (minutes). */
    async actions(engagementId: string, format: 'xlsx' | 'csv' | 'docx'): Promise<FilePayload> {
      return toPayload(await d.jobs.run('documents.actions', { dbFile: d.dbFile, engagementId, format }));
    },

    /** Rekap kehadiran of an engagement as XLSX or DOCX. */
    async recap(engagementId: string, format: 'xlsx' | 'docx'): Promise<FilePayload> {
      return toPayload(await d.jobs.run('documents.recap', { dbFile: d.dbFile, engagementId, format }));
    },

    /** The register as CSV (semicolons, BOM) or XLSX, column names in the UI language. */
    async registerFile(engagementId: string, format: 'csv' | 'xlsx'): Promise<FilePayload> {
      const lang = d.language();
      return toPayload(await d.jobs.run('documents.registerFile', { dbFile: d.dbFile, engagementId, format, lang }));
    },
  };
}

export type DocumentService = ReturnType<typeof createDocumentService>;
