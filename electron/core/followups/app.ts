import type { followupOps } from '../../../shared/contract/followups';
import type { ChangeEvent, Entity } from '../../../shared/domain';
import { AppError } from '../../../shared/errors';
import type { ProjectorService } from '../agenda/projector';
import { filePayload } from '../documents/file-payload';
import type { GroupService } from '../groups/service';
import type { Caller, SliceImplementations } from '../handlers';
import type { FollowupService } from './service';

/** The modes in which the projector shows what these operations change. */
const FOLLOWUP_MODES = { quickwin: 'quickwins', decision: 'decisions', action: 'followups' } as const;

/**
 * Decisions, quick wins and action items. A paired device may read the quick-win board of its own
 * workshop and score as its group, nothing more; the core checks it here.
 */
export function followupApp(
  followups: FollowupService,
  groups: GroupService,
  projector: ProjectorService,
  exportActions: (engagementId: string, format: 'xlsx' | 'csv' | 'docx') => Promise<ReturnType<typeof filePayload>>,
): SliceImplementations<typeof followupOps> {
  /** The projector's new view, for every workshop of the engagement whose screen shows this kind of record. */
  const projectorEvents = (
    engagementId: string,
    kind: keyof typeof FOLLOWUP_MODES,
    workshopId?: string,
  ): ChangeEvent[] =>
    projector
      .showing(engagementId, FOLLOWUP_MODES[kind])
      .filter((w) => workshopId === undefined || w === workshopId)
      .map((w) => {
        const view = projector.view(w);
        return { entity: 'projector', id: w, action: 'updated', engagementId, workshopId: w, record: view };
      });
  const event = (
    entity: Entity,
    id: string,
    action: ChangeEvent['action'],
    scope: { engagementId: string; workshopId?: string | null },
    record?: unknown,
  ): ChangeEvent => ({
    entity,
    id,
    action,
    engagementId: scope.engagementId,
    ...(scope.workshopId ? { workshopId: scope.workshopId } : {}),
    record,
  });
  /** A device reaches the board of its own group's workshop only. */
  const deviceGroup = (caller: Caller, workshopId: string) => {
    if (caller.role !== 'group-device') return null;
    const d = caller.device ? groups.resolveDevice(caller.device) : null;
    if (!d) throw new AppError('FORBIDDEN', 'deviceRevoked');
    const g = groups.get(d.groupId);
    if (g.workshopId !== workshopId) throw new AppError('FORBIDDEN', 'otherGroup');
    return g;
  };

  return {
    'decisions.list': ({ workshopId }) => followups.decisions(workshopId),
    'decisions.create': ({ dayId, stepId, text }) => {
      const d = followups.createDecision(dayId, stepId, text);
      const engagementId = followups.engagementOf(d.workshopId);
      return {
        value: d,
        events: [
          event('decision', d.id, 'created', { engagementId, workshopId: d.workshopId }, d),
          ...projectorEvents(engagementId, 'decision', d.workshopId),
        ],
      };
    },
    'decisions.update': ({ id, text }) => {
      const d = followups.updateDecision(id, text);
      const engagementId = followups.engagementOf(d.workshopId);
      return {
        value: d,
        events: [
          event('decision', d.id, 'updated', { engagementId, workshopId: d.workshopId }, d),
          ...projectorEvents(engagementId, 'decision', d.workshopId),
        ],
      };
    },
    'decisions.delete': ({ id, actions }) => {
      const { decision: d, removedActions } = followups.deleteDecision(id, actions);
      const engagementId = followups.engagementOf(d.workshopId);
      return {
        value: { id },
        events: [
          event('decision', id, 'deleted', { engagementId, workshopId: d.workshopId }),
          ...removedActions.map((a) => event('action', a, 'deleted', { engagementId })),
          ...projectorEvents(engagementId, 'decision', d.workshopId),
        ],
      };
    },
    'decisions.restore': ({ id }) => {
      const d = followups.restoreDecision(id);
      const engagementId = followups.engagementOf(d.workshopId);
      return {
        value: d,
        events: [
          event('decision', d.id, 'restored', { engagementId, workshopId: d.workshopId }, d),
          ...projectorEvents(engagementId, 'decision', d.workshopId),
        ],
      };
    },

    'quickwins.board': ({ workshopId }, caller) => {
      deviceGroup(caller, workshopId);
      return followups.board(workshopId);
    },
    'quickwins.setWeights': ({ workshopId, weights }) => {
      const b = followups.setWeights(workshopId, weights);
      const engagementId = followups.engagementOf(workshopId);
      return {
        value: b,
        events: [
          event('quickwin', workshopId, 'updated', { engagementId, workshopId }),
          ...projectorEvents(engagementId, 'quickwin', workshopId),
        ],
      };
    },
    'quickwins.score': ({ workshopId, candidateKey, scorer, scores }, caller) => {
      // A device scores as its group, whatever name it sends; on the laptop each name is one scorer.
      const g = deviceGroup(caller, workshopId);
      const row = g
        ? followups.score(workshopId, candidateKey, g.name, `group:${g.id}`, scores)
        : followups.score(workshopId, candidateKey, scorer, `name:${scorer.toLocaleLowerCase('id-ID')}`, scores);
      const engagementId = followups.engagementOf(workshopId);
      return {
        value: row,
        events: [
          event('quickwin', workshopId, 'updated', { engagementId, workshopId }),
          ...projectorEvents(engagementId, 'quickwin', workshopId),
        ],
      };
    },
    'quickwins.choose': ({ workshopId, candidateKey, chosen, actions }) => {
      const r = followups.choose(workshopId, candidateKey, chosen, actions);
      const engagementId = followups.engagementOf(workshopId);
      const events: ChangeEvent[] = [event('quickwin', workshopId, 'updated', { engagementId, workshopId })];
      if (r.created) events.push(event('action', r.created.id, 'created', { engagementId, workshopId }, r.created));
      if (r.removed) events.push(event('action', r.removed, 'deleted', { engagementId, workshopId }));
      events.push(...projectorEvents(engagementId, 'quickwin', workshopId), ...projectorEvents(engagementId, 'action'));
      return { value: { candidateKey: r.candidateKey, actionId: r.actionId }, events };
    },

    'actions.list': ({ engagementId }) => followups.actions(engagementId),
    'actions.create': (input) => {
      const a = followups.createAction(input);
      return {
        value: a,
        events: [event('action', a.id, 'created', a, a), ...projectorEvents(a.engagementId, 'action')],
      };
    },
    'actions.update': ({ id, patch }) => {
      const a = followups.updateAction(id, patch);
      return {
        value: a,
        events: [event('action', a.id, 'updated', a, a), ...projectorEvents(a.engagementId, 'action')],
      };
    },
    'actions.delete': ({ id }) => {
      const a = followups.deleteAction(id);
      return {
        value: { id },
        events: [event('action', id, 'deleted', a), ...projectorEvents(a.engagementId, 'action')],
      };
    },
    'actions.restore': ({ id }) => {
      const a = followups.restoreAction(id);
      return {
        value: a,
        events: [event('action', a.id, 'restored', a, a), ...projectorEvents(a.engagementId, 'action')],
      };
    },
    'actions.attach': ({ id, fileName, data }) => {
      const a = followups.attach(id, fileName, data);
      return { value: a, events: [event('action', a.id, 'updated', a, a)] };
    },
    'actions.removeAttachment': ({ id, attachmentId }) => {
      const a = followups.removeAttachment(id, attachmentId);
      return { value: a, events: [event('action', a.id, 'updated', a, a)] };
    },
    'actions.attachment': ({ id, attachmentId }) => {
      const f = followups.attachment(id, attachmentId);
      return filePayload({ fileName: f.fileName, mime: f.mime, bytes: new Uint8Array(f.data) });
    },
    'actions.export': ({ engagementId, format }) => exportActions(engagementId, format),
  };
}
