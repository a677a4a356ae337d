import type { packageOps } from '../../../shared/contract/packages';
import type { ChangeEvent, Entity } from '../../../shared/domain';
import type { BackupService } from '../backups/service';
import { filePayloadOnDisk } from '../documents/file-payload';
import type { SliceImplementations } from '../handlers';
import type { JobPool } from '../jobs/pool';
import type { ServiceContext } from '../store/context';
import type { Uploads } from '../uploads';

const MERGED: Entity[] = ['engagement', 'workshop', 'participant', 'attendance'];

export interface PackageAppDeps {
  ctx: ServiceContext;
  backups: BackupService;
  jobs: JobPool;
  uploads: Uploads;
  dbFile: string;
  appVersion: string;
}

/**
 * The engagement-package operations of the contract. Packing, checking and merging run in the job
 * pool's workers, on their own connection to the file, off the thread that answers calls. Packages
 * travel as files, never as one buffer: the export is written to a temp file, and an import reads
 * the file a token names (streamed upload or the user's own file) in chunks.
 */
export function packageApp(d: PackageAppDeps): SliceImplementations<typeof packageOps> {
  /** Run `use` on the file a token names; a refused file is released at once (its temp file goes). */
  const withFile = async <T>(token: string, use: (file: string) => Promise<T>): Promise<T> => {
    const file = d.uploads.resolve(token);
    try {
      return await use(file);
    } catch (e) {
      d.uploads.release(token);
      throw e;
    }
  };
  return {
    'packages.export': async ({ engagementId }) => {
      const outFile = d.uploads.tempFile('export');
      return filePayloadOnDisk(
        await d.jobs.run('packages.export', {
          dbFile: d.dbFile,
          engagementId,
          appVersion: d.appVersion,
          now: d.ctx.now(),
          outFile,
        }),
      );
    },
    // The token stays valid after a preview: the import that follows uses the same file.
    'packages.preview': ({ file: token }) =>
      withFile(token, async (file) => ({
        ...(await d.jobs.run('packages.preview', { dbFile: d.dbFile, file })),
        file: token,
      })),
    'packages.import': ({ file: token, resolutions }) =>
      withFile(token, async (file) => {
        // Checked before the backup (a refused file writes nothing at all), merged after it.
        await d.jobs.run('packages.preview', { dbFile: d.dbFile, file });
        const backup = await d.backups.create('before-merge');
        const value = await d.jobs.run('packages.import', {
          dbFile: d.dbFile,
          file,
          resolutions: Object.fromEntries(resolutions.map((r) => [r.key, r.choice])),
        });
        d.uploads.release(token);
        const events: ChangeEvent[] = [
          ...MERGED.map((entity): ChangeEvent => ({ entity, id: '*', action: 'updated' })),
          { entity: 'backup', id: backup.name, action: 'created' },
        ];
        return { value, events };
      }),
  };
}
