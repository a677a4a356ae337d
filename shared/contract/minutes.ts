import { z } from 'zod';
import { FilePayload } from '../attendance';
import { idSchema } from '../domain';
import {
  AddPhotoInput,
  FinalizeInput,
  MinutesHeaderInput,
  MinutesPhoto,
  MinutesProgress,
  MinutesVersion,
  MinutesView,
  PhotoPatch,
  ReopenInput,
  SaveSectionInput,
  SectionKey,
} from '../minutes';
import { ById, Deleted, mutation, ONLY_FACILITATOR, query } from './define';

const ByWorkshop = z.strictObject({ workshopId: idSchema });

/**
 * The minutes (notulen) of a workshop: assembled from what was recorded, edited by the
 * secretariat, finalized into versions, exported as DOCX. The facilitator's laptop only: the
 * minutes carry names, NIPs and signatures.
 */
export const minutesOps = {
  /** The minutes as they stand: header, sections (recorded or rewritten), photos, versions. */
  'minutes.get': query({
    input: ByWorkshop,
    output: MinutesView,
    roles: ONLY_FACILITATOR,
    reads: [
      'minutes',
      'workshop',
      'engagement',
      'agenda',
      'run',
      'decision',
      'action',
      'attendance',
      'group',
      'output',
    ],
  }),
  /** Rewrite a section by hand (autosaved as the secretariat types). Refused once finalized. */
  'minutes.saveSection': mutation({
    input: SaveSectionInput,
    output: MinutesView,
    roles: ONLY_FACILITATOR,
    changes: ['minutes'],
  }),
  /** Drop a section's rewrite: it is rebuilt from the recorded notes and follows them again. */
  'minutes.rebuildSection': mutation({
    input: z.strictObject({ workshopId: idSchema, key: SectionKey }),
    output: MinutesView,
    roles: ONLY_FACILITATOR,
    changes: ['minutes'],
  }),
  /** The minutes' number (Nomor). */
  'minutes.setHeader': mutation({
    input: MinutesHeaderInput,
    output: MinutesView,
    roles: ONLY_FACILITATOR,
    changes: ['minutes'],
  }),
  /**
   * Add one photo (JPEG, PNG or WebP): turned upright from its EXIF orientation and resized to a
   * long side of 1600 px as JPEG, off the main thread. HEIC, a file that is no image, a corrupt
   * one and a decompression bomb are refused with the reason (`minutes.photoRefused.*`).
   */
  'minutes.addPhoto': mutation({
    input: AddPhotoInput,
    output: MinutesPhoto,
    roles: ONLY_FACILITATOR,
    changes: ['minutes'],
  }),
  /** Caption, and whether it goes into Lampiran V. */
  'minutes.updatePhoto': mutation({
    input: PhotoPatch,
    output: MinutesPhoto,
    roles: ONLY_FACILITATOR,
    changes: ['minutes'],
  }),
  /** Put a photo at `index` (0-based) of the annex's order. */
  'minutes.movePhoto': mutation({
    input: z.strictObject({
      id: idSchema,
      index: z.number({ error: 'invalidType' }).int({ error: 'invalid' }).min(0, { error: 'invalid' }).max(1000),
    }),
    output: MinutesPhoto,
    roles: ONLY_FACILITATOR,
    changes: ['minutes'],
  }),
  'minutes.removePhoto': mutation({ input: ById, output: Deleted, roles: ONLY_FACILITATOR, changes: ['minutes'] }),
  /**
   * "Finalkan": lock the minutes as version N (the DOCX bytes, their SHA-256, who and when). A
   * revision other than the current one — a change, or a finalize in another window — is refused.
   */
  'minutes.finalize': mutation({
    input: FinalizeInput,
    output: MinutesVersion,
    roles: ONLY_FACILITATOR,
    changes: ['minutes'],
  }),
  /** Open finalized minutes again, with a reason; the next finalize makes version N+1. */
  'minutes.reopen': mutation({
    input: ReopenInput,
    output: MinutesView,
    roles: ONLY_FACILITATOR,
    changes: ['minutes'],
  }),
  /** How far an export or finalize of the minutes being built now is (null: none); polled by the page. */
  'minutes.progress': query({ input: ByWorkshop, output: MinutesProgress, roles: ONLY_FACILITATOR, reads: [] }),
  /** The minutes as DOCX: the draft as it stands, or (finalized) the last version's bytes. */
  'minutes.export': query({ input: ByWorkshop, output: FilePayload, roles: ONLY_FACILITATOR, reads: [] }),
  /** A finalized version, byte-identical to what was finalized. */
  'minutes.version': query({
    input: z.strictObject({ workshopId: idSchema, version: z.number({ error: 'invalidType' }).int().min(1) }),
    output: FilePayload,
    roles: ONLY_FACILITATOR,
    reads: [],
  }),
};
