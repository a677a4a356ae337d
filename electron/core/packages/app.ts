import type { packageOps } from '../../../shared/contract/packages';
import type { ChangeEvent, Entity } from '../../../shared/domain';
import type { BackupService } from '../backups/service';
import { filePayload } from '../documents/file-payload';
import type { SliceImplementations } from '../handlers';
import type { JobPool } from '../jobs/pool';
import type { ServiceContext } from '../store/context';

const MERGED: Entity[] = ['engagement', 'workshop', 'participant', 'attendance'];

export interface PackageAppDeps {
  ctx: ServiceContext;
  backups: BackupService;
  jobs: JobPool;
  dbFile: string;
  appVersion: string;
}

/**
 * The engagement-package operations of the contract. Packing, checking and merging run in the job
 * pool's workers, on their own connection to the file, off the thread that answers calls.
 */
export function packageApp(d: PackageAppDeps): SliceImplementations<typeof packageOps> {
  const bytesOf = (base64: string) => new Uint8Array(Buffer.from(base64, 'base64'));
  return {
    'packages.export': async ({ engagementId }) =>
      filePayload(
        await d.jobs.run('packages.export', {
          dbFile: d.dbFile,
          engagementId,
          appVersion: d.appVersion,
          now: d.ctx.now(),
        }),
      ),
    'packages.preview': ({ data }) => d.jobs.run('packages.preview', { dbFile: d.dbFile, bytes: bytesOf(data) }),
    'packages.import': async ({ data, resolutions }) => {
      const bytes = bytesOf(data);
      // Checked before the backup (a refused file writes nothing at all), merged after it.
      await d.jobs.run('packages.preview', { dbFile: d.dbFile, bytes });
      const backup = await d.backups.create('before-merge');
      const value = await d.jobs.run('packages.import', {
        dbFile: d.dbFile,
        bytes,
        resolutions: Object.fromEntries(resolutions.map((r) => [r.key, r.choice])),
      });
      const events: ChangeEvent[] = [
        ...MERGED.map((entity): ChangeEvent => ({ entity, id: '*', action: 'updated' })),
        { entity: 'backup', id: backup.name, action: 'created' },
      ];
      return { value, events };
    },
  };
}
