import { z } from 'zod';
import { FilePayload, LIST_COPIES } from '../attendance';
import { idSchema } from '../domain';
import { ONLY_FACILITATOR, query } from './define';

/** Documents made from the store. */
export const documentOps = {
  /**
   * The daftar hadir of a workshop day as DOCX; `blank` is the printable paper fallback, `copy`
   * 'annex' the copy attached to the minutes (no phone numbers unless the engagement says so).
   */
  'documents.attendanceList': query({
    input: z.strictObject({
      dayId: idSchema,
      blank: z.boolean().default(false),
      copy: z.enum(LIST_COPIES).default('list'),
    }),
    output: FilePayload,
    roles: ONLY_FACILITATOR,
    reads: [],
  }),
  /**
   * The susunan acara of a workshop as DOCX, to hand out: per day the steps with their planned
   * times, titles and presenters (never the script or notes).
   */
  'documents.rundown': query({
    input: z.strictObject({ workshopId: idSchema }),
    output: FilePayload,
    roles: ONLY_FACILITATOR,
    reads: [],
  }),
  /**
   * Hasil Diskusi Kelompok of a workshop as DOCX, to file with the minutes: per day, per group-work
   * step, each group's output as its form's table (with the rapporteur's name and, on the
   * commitment sheet, the signatures).
   */
  'documents.groupOutputs': query({
    input: z.strictObject({ workshopId: idSchema }),
    output: FilePayload,
    roles: ONLY_FACILITATOR,
    reads: [],
  }),
  /** Rekap kehadiran of an engagement: XLSX to work with, DOCX (landscape, letterhead) to file. */
  'documents.recap': query({
    input: z.strictObject({ engagementId: idSchema, format: z.enum(['xlsx', 'docx']) }),
    output: FilePayload,
    roles: ONLY_FACILITATOR,
    reads: [],
  }),
};
