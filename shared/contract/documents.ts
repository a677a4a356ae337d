import { z } from 'zod';
import { FilePayload } from '../attendance';
import { idSchema } from '../domain';
import { ONLY_FACILITATOR, query } from './define';

/** Documents made from the store. */
export const documentOps = {
  /** The daftar hadir of a workshop day as DOCX; `blank` is the printable paper fallback. */
  'documents.attendanceList': query({
    input: z.strictObject({ dayId: idSchema, blank: z.boolean().default(false) }),
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
};
