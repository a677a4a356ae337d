import type { packageOps } from '../../../shared/contract/packages';
import type { ChangeEvent, Entity } from '../../../shared/domain';
import type { BackupService } from '../backups/service';
import type { SliceImplementations } from '../handlers';
import type { ServiceContext } from '../store/context';
import { exportPackage, importPackage, previewPackage } from './service';

const MERGED: Entity[] = ['engagement', 'workshop', 'participant', 'attendance'];

/** The engagement-package operations of the contract. */
export function packageApp(
  ctx: ServiceContext,
  backups: BackupService,
  appVersion: string,
): SliceImplementations<typeof packageOps> {
  return {
    'packages.export': ({ engagementId }) => exportPackage(ctx.db, engagementId, appVersion, ctx.now()),
    'packages.preview': ({ data }) => previewPackage(ctx.db, Buffer.from(data, 'base64')),
    'packages.import': async ({ data, resolutions }) => {
      const bytes = Buffer.from(data, 'base64');
      // Checked before the backup (a refused file writes nothing at all), merged after it.
      previewPackage(ctx.db, bytes);
      const backup = await backups.create('before-merge');
      const value = importPackage(ctx.db, bytes, Object.fromEntries(resolutions.map((r) => [r.key, r.choice])));
      const events: ChangeEvent[] = [
        ...MERGED.map((entity): ChangeEvent => ({ entity, id: '*', action: 'updated' })),
        { entity: 'backup', id: backup.name, action: 'created' },
      ];
      return { value, events };
    },
  };
}
