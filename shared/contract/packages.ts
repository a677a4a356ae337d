import { z } from 'zod';
import { FilePayload } from '../attendance';
import { idSchema } from '../domain';
import { requiredText, str } from '../primitives';
import { mutation, ONLY_FACILITATOR, query } from './define';
import { UploadRef } from './uploads';

/**
 * A `.bimtek` package file, by reference: streamed to the host or picked in the desktop dialog,
 * never sent inside the call (a package has no size cap other than the disk).
 */
export const PackageFile = z.strictObject({ fileName: requiredText(260), file: UploadRef });

/** What an import does to one kind of record. */
export const PackageTableCounts = z.object({
  table: z.string(),
  added: z.number().int(),
  updated: z.number().int(),
  kept: z.number().int(),
  deleted: z.number().int(),
  unchanged: z.number().int(),
});

/** A record changed on both laptops since they last had the same data: the user chooses. */
export const PackageConflict = z.object({
  /** `table:id`, the key of a resolution. */
  key: z.string(),
  table: z.string(),
  label: z.string(),
  hereUpdatedAt: z.string(),
  thereUpdatedAt: z.string(),
  /** Newer wins unless the user chooses. */
  defaultChoice: z.enum(['here', 'there']),
});

export const PackagePreview = z.object({
  engagementId: idSchema,
  title: z.string(),
  appVersion: z.string(),
  schemaVersion: z.number().int(),
  createdAt: z.string(),
  tables: z.array(PackageTableCounts),
  conflicts: z.array(PackageConflict),
  images: z.number().int(),
  /** The file previewed, to import it without sending it again (valid for an hour). */
  file: UploadRef.optional(),
});
export type PackagePreview = z.output<typeof PackagePreview>;

/** One engagement as one file, and merging such a file into this laptop's data by UUID. */
export const packageOps = {
  /** The engagement with everything under it (tombstones and images too) as one `.bimtek` file. */
  'packages.export': query({
    input: z.strictObject({ engagementId: idSchema }),
    output: FilePayload,
    roles: ONLY_FACILITATOR,
    reads: [],
  }),
  /** What importing a package would add, update, keep and delete, and the conflicts. Writes nothing. */
  'packages.preview': query({ input: PackageFile, output: PackagePreview, roles: ONLY_FACILITATOR, reads: [] }),
  /** Merge a package in one transaction, after a backup; importing it twice changes nothing the second time. */
  'packages.import': mutation({
    input: PackageFile.extend({
      /** The user's choice per conflict (by its `key`); a conflict not listed goes to the newer side. */
      resolutions: z
        .array(z.strictObject({ key: str().max(200), choice: z.enum(['here', 'there']) }))
        .max(100_000)
        .default([]),
    }),
    output: PackagePreview,
    roles: ONLY_FACILITATOR,
    changes: ['engagement', 'workshop', 'participant', 'attendance', 'backup'],
  }),
};
