import type { ChangeEvent, Entity } from '../../../shared/domain';
import type { storeOps } from '../../../shared/contract/store';
import type { SliceImplementations } from '../handlers';
import type { ServiceContext } from './context';
import { purgeDeleted } from './purge';

const DAY_MS = 24 * 60 * 60 * 1000;

/** The data-file operations of the contract. */
export function storeApp(ctx: ServiceContext): SliceImplementations<typeof storeOps> {
  return {
    'store.purge': ({ olderThanDays }) => {
      const olderThan = new Date(Date.parse(ctx.now()) - olderThanDays * DAY_MS).toISOString();
      const counts = purgeDeleted(ctx.db, olderThan);
      // Purged records were already out of every view; one bulk event per kind lets open bins reload.
      const touched: [Entity, number][] = [
        ['engagement', counts.engagements],
        ['workshop', counts.workshops + counts.workshopDays],
        ['participant', counts.participants],
        ['attendance', counts.attendance],
        ['agenda', counts.agendaSteps],
        ['run', counts.runEvents],
      ];
      const events: ChangeEvent[] = touched
        .filter(([, n]) => n > 0)
        .map(([entity]) => ({ entity, id: '*', action: 'deleted' }));
      return { value: counts, events };
    },
  };
}
