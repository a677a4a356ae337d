import type { ChangeEvent } from '../../../shared/domain';
import type { agendaOps } from '../../../shared/contract/agenda';
import type { SliceImplementations } from '../handlers';
import type { ProjectorService } from './projector';
import type { AgendaService } from './service';

type Scope = { workshopId: string; dayId: string };

/** The stage-guide operations of the contract: agenda steps, console commands, the projector. */
export function agendaApp(
  agenda: AgendaService,
  projector: ProjectorService,
  now: () => string,
): SliceImplementations<typeof agendaOps> {
  const stepEvent = (id: string, s: Scope, action: ChangeEvent['action'], record?: unknown): ChangeEvent => {
    const engagementId = agenda.dayContext(s.dayId).engagement_id;
    return { entity: 'agenda', id, action, engagementId, workshopId: s.workshopId, dayId: s.dayId, record };
  };
  /** The projector's new view rides on the event: an open projector shows it without asking again. */
  const projectorEvent = (workshopId: string): ChangeEvent => {
    const view = projector.view(workshopId);
    return {
      entity: 'projector',
      id: workshopId,
      action: 'updated',
      engagementId: view.title.engagementId,
      workshopId,
      record: view,
    };
  };
  return {
    'agenda.get': ({ workshopId }) => {
      const { days } = agenda.get(workshopId);
      return { workshopId, timeZone: agenda.dayContext(days[0].id).time_zone, now: now(), days };
    },
    'agenda.addStep': ({ dayId, afterId, step }) => {
      const s = agenda.add(dayId, step, afterId);
      return { value: s, events: [stepEvent(s.id, s, 'created', s)] };
    },
    'agenda.updateStep': ({ id, patch }) => {
      const s = agenda.update(id, patch);
      return { value: s, events: [stepEvent(s.id, s, 'updated', s)] };
    },
    'agenda.duplicateStep': ({ id }) => {
      const s = agenda.duplicate(id);
      return { value: s, events: [stepEvent(s.id, s, 'created', s)] };
    },
    'agenda.deleteStep': ({ id }) => {
      const s = agenda.delete(id);
      return { value: { id }, events: [stepEvent(id, s, 'deleted')] };
    },
    'agenda.restoreStep': ({ id }) => {
      const s = agenda.restore(id);
      return { value: s, events: [stepEvent(s.id, s, 'restored', s)] };
    },
    'agenda.moveStep': ({ id, dayId, index }) => {
      const { step, fromDayId } = agenda.move(id, dayId, index);
      const events = [stepEvent(step.id, step, 'updated', step)];
      if (fromDayId !== dayId)
        events.push(stepEvent(step.id, { workshopId: step.workshopId, dayId: fromDayId }, 'updated'));
      return { value: step, events };
    },
    'run.command': ({ dayId, command, expectedStepId, stepId }) => {
      const d = agenda.command(dayId, command, expectedStepId, stepId);
      projector.followDay(d.workshopId, dayId);
      const events: ChangeEvent[] = [
        { entity: 'run', id: dayId, action: 'updated', engagementId: d.engagementId, workshopId: d.workshopId, dayId },
        projectorEvent(d.workshopId),
      ];
      return { value: { dayId, workshopId: d.workshopId, now: now(), events: d.events }, events };
    },
    'projector.view': ({ workshopId }) => projector.view(workshopId),
    'projector.set': ({ workshopId, patch }) => {
      projector.set(workshopId, patch);
      return { value: { workshopId }, events: [projectorEvent(workshopId)] };
    },
  };
}
