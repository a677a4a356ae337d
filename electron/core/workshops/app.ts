import type { ChangeEvent } from '../../../shared/domain';
import type { workshopOps } from '../../../shared/contract/workshops';
import type { SliceImplementations } from '../handlers';
import type { Language } from '../../../shared/languages';
import type { AgendaService } from '../agenda/service';
import type { ServiceContext } from '../store/context';
import type { WorkshopService } from './service';

const changed = (id: string, engagementId: string, action: ChangeEvent['action']): ChangeEvent[] => [
  { entity: 'workshop', id, action, engagementId, workshopId: id },
];

/** The workshop operations of the contract, on the workshop service. */
export function workshopApp(
  workshops: WorkshopService,
  agenda: AgendaService,
  ctx: ServiceContext,
  language: () => Language,
): SliceImplementations<typeof workshopOps> {
  return {
    'workshops.list': ({ engagementId }) => workshops.list(engagementId),
    'workshops.get': ({ id }) => workshops.get(id),
    'workshops.create': ({ engagementId, template, ...input }) => {
      // The template's steps are copied in the same transaction: a workshop never exists half made.
      const w = ctx.db.transaction(() => {
        const created = workshops.create(engagementId, input);
        if (template) agenda.applyTemplate(created.id, template, language());
        return created;
      })();
      return { value: w, events: changed(w.id, engagementId, 'created') };
    },
    'workshops.update': ({ id, patch }) => {
      const w = workshops.update(id, patch);
      return { value: w, events: changed(id, w.engagementId, 'updated') };
    },
    'workshops.delete': ({ id }) => {
      const { engagementId } = workshops.delete(id);
      return { value: { id }, events: changed(id, engagementId, 'deleted') };
    },
    'workshops.restore': ({ id }) => {
      const w = workshops.restore(id);
      return { value: w, events: changed(id, w.engagementId, 'restored') };
    },
  };
}
