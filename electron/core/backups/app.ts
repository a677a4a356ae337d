import type { backupOps } from '../../../shared/contract/backups';
import type { ChangeEvent, Entity } from '../../../shared/domain';
import type { SliceImplementations } from '../handlers';
import type { BackupService } from './service';

/** Every kind of record a restore may have changed: open views reload them all. */
const RESTORED: Entity[] = ['engagement', 'workshop', 'participant', 'attendance'];

const made = (name: string): ChangeEvent => ({ entity: 'backup', id: name, action: 'created' });

/** The backup operations of the contract. */
export function backupApp(backups: BackupService): SliceImplementations<typeof backupOps> {
  return {
    'backups.list': () => backups.list(),
    'backups.create': async () => {
      const value = await backups.create('manual');
      return { value, events: [made(value.name)] };
    },
    'backups.restore': async ({ name }) => {
      const value = await backups.restore(name);
      const events: ChangeEvent[] = [
        ...RESTORED.map((entity): ChangeEvent => ({ entity, id: '*', action: 'updated' })),
        made(value.safetyCopy.name),
      ];
      return { value, events };
    },
  };
}
