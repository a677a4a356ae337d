import { z } from 'zod';
import { mutation, ONLY_FACILITATOR } from './define';

/** What a purge removed for good, per kind of record. */
export const PurgeResult = z.object({
  engagements: z.number().int(),
  workshops: z.number().int(),
  workshopDays: z.number().int(),
  participants: z.number().int(),
  attendance: z.number().int(),
  agendaSteps: z.number().int(),
  groups: z.number().int(),
  groupMembers: z.number().int(),
  groupOutputs: z.number().int(),
  outputCells: z.number().int(),
  groupDevices: z.number().int(),
  decisions: z.number().int(),
  actions: z.number().int(),
  actionHistory: z.number().int(),
  actionAttachments: z.number().int(),
  minutes: z.number().int(),
  minutesSections: z.number().int(),
  minutesPhotos: z.number().int(),
  minutesVersions: z.number().int(),
  quickwinSettings: z.number().int(),
  quickwinScores: z.number().int(),
  quickwinChoices: z.number().int(),
  runEvents: z.number().int(),
  signatureCrops: z.number().int(),
  blobs: z.number().int(),
});
export type PurgeResult = z.output<typeof PurgeResult>;

/** The data file itself. */
export const storeOps = {
  /**
   * Remove for good what was deleted (moved to the bin) more than `olderThanDays` days ago, with
   * everything under it and the images nothing uses any more. Deleting never purges: this is the
   * only operation that does.
   */
  'store.purge': mutation({
    input: z.strictObject({
      olderThanDays: z.number({ error: 'invalidType' }).int({ error: 'invalid' }).min(0).max(3650).default(30),
    }),
    output: PurgeResult,
    roles: ONLY_FACILITATOR,
    changes: ['engagement', 'workshop', 'participant', 'attendance', 'agenda', 'run'],
  }),
};
