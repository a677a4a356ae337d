import { z } from 'zod';
import { str } from '../primitives';
import { Empty, mutation, ONLY_FACILITATOR, query } from './define';

/** Why a backup was taken. */
export const BACKUP_REASONS = ['start', 'auto', 'manual', 'before-import', 'before-merge', 'before-restore'] as const;
export type BackupReason = (typeof BACKUP_REASONS)[number];

/** A backup file's name: made by the app, never a path (a name from elsewhere is refused). */
export const BACKUP_NAME = /^bimtek-studio-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z(-\d+)?-[a-z-]+\.sqlite$/;

export const BackupInfo = z.object({
  name: z.string(),
  createdAt: z.string(),
  reason: z.enum(BACKUP_REASONS),
  sizeBytes: z.number().int(),
  schemaVersion: z.number().int(),
  /** What it holds (live records); null when the file could not be read. */
  counts: z
    .object({
      engagements: z.number().int(),
      workshops: z.number().int(),
      participants: z.number().int(),
      checkIns: z.number().int(),
    })
    .nullable(),
});
export type BackupInfo = z.output<typeof BackupInfo>;

export const BackupList = z.object({
  backups: z.array(BackupInfo),
  /** Where the backups are kept (`backups/` beside the data file). */
  folder: z.string(),
  /** The last automatic backup that failed, if the one after it has not succeeded yet. */
  lastFailure: z.object({ at: z.string(), reason: z.enum(BACKUP_REASONS) }).nullable(),
});

/** Automatic backups of the data file, and restoring one (Pulihkan). */
export const backupOps = {
  /** The backups, newest first, with what each holds. */
  'backups.list': query({ input: Empty, output: BackupList, roles: ONLY_FACILITATOR, reads: ['backup'] }),
  /** Take a backup now (online backup, then checked with quick_check). */
  'backups.create': mutation({ input: Empty, output: BackupInfo, roles: ONLY_FACILITATOR, changes: ['backup'] }),
  /**
   * Replace the data with a backup's, after backing up the current data first; the app carries
   * on with the restored data (every window reloads), no restart.
   */
  'backups.restore': mutation({
    input: z.strictObject({ name: str().regex(BACKUP_NAME, { error: 'invalid' }) }),
    output: z.object({ restored: BackupInfo, safetyCopy: BackupInfo }),
    roles: ONLY_FACILITATOR,
    changes: ['engagement', 'workshop', 'participant', 'attendance', 'backup'],
  }),
};
