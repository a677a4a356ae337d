import type { ChangeEvent } from '../../../shared/domain';
import type { groupOps } from '../../../shared/contract/groups';
import { AppError } from '../../../shared/errors';
import type { Group } from '../../../shared/groups';
import type { ProjectorService } from '../agenda/projector';
import type { Caller, SliceImplementations } from '../handlers';
import type { GroupService, Writer } from './service';

/** Wrong pairing codes in a row after which one caller waits (a code is 6 of 32 characters). */
const PAIR_TRIES = 8;
const PAIR_LOCK_MS = 60_000;

/**
 * The group-work operations. A `group-device` caller is held to the group its token was issued
 * for, here in the core, whichever transport it came through: any other group, or a revoked or
 * unknown token, is refused.
 */
export function groupApp(groups: GroupService, projector: ProjectorService): SliceImplementations<typeof groupOps> {
  const groupEvent = (
    g: Pick<Group, 'id' | 'workshopId' | 'dayId'>,
    action: ChangeEvent['action'],
    record?: Group,
  ): ChangeEvent => {
    const { engagementId } = groups.dayOf(g.dayId);
    return {
      entity: 'group',
      id: g.id,
      action,
      engagementId,
      workshopId: g.workshopId,
      dayId: g.dayId,
      groupId: g.id,
      record,
    };
  };
  const dayEvent = (dayId: string): ChangeEvent => {
    const { engagementId, workshopId } = groups.dayOf(dayId);
    return { entity: 'group', id: '*', action: 'updated', engagementId, workshopId, dayId };
  };
  /** The projector's view when it presents this group's output, so the room sees an edit at once. */
  const projectorFollows = (workshopId: string, groupId: string, stepId: string): ChangeEvent[] => {
    const now = projector.presentingNow(workshopId);
    if (!now || now.groupId !== groupId || now.stepId !== stepId) return [];
    const view = projector.view(workshopId);
    return [
      {
        entity: 'projector',
        id: workshopId,
        action: 'updated',
        engagementId: view.title.engagementId,
        workshopId,
        record: view,
      },
    ];
  };
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

  /** Who writes: the facilitator's laptop, or the device, which may only touch its own group. */
  const writerFor = (caller: Caller, groupId: string): Writer => {
    if (caller.role !== 'group-device') return { by: '' };
    const d = device(caller);
    if (d.groupId !== groupId) throw new AppError('FORBIDDEN', 'otherGroup');
    return { by: groups.deviceLabel(d.deviceId) };
  };
  const device = (caller: Caller) => {
    const d = caller.device ? groups.resolveDevice(caller.device) : null;
    if (!d) throw new AppError('FORBIDDEN', 'deviceRevoked');
    return d;
  };

  const wrong = new Map<string, { count: number; last: number }>();

  const outputEvents = (w: { outputId: string; groupId: string; stepId: string }, record: unknown) => {
    const s = groups.scopeOf(w.groupId);
    const e: ChangeEvent = {
      entity: 'output',
      id: w.outputId,
      action: 'updated',
      engagementId: s.engagementId,
      workshopId: s.workshopId,
      dayId: s.dayId,
      groupId: w.groupId,
      record,
    };
    return [e, ...projectorFollows(s.workshopId, w.groupId, w.stepId)];
  };

  return {
    'groups.list': ({ workshopId }) => groups.list(workshopId),
    'groups.create': (input) => {
      const g = groups.create(input);
      return { value: g, events: [groupEvent(g, 'created', g)] };
    },
    'groups.update': ({ id, patch }) => {
      const g = groups.update(id, patch);
      return { value: g, events: [groupEvent(g, 'updated', g)] };
    },
    'groups.delete': ({ id }) => {
      const g = groups.delete(id);
      return {
        value: { id },
        events: [groupEvent({ id, workshopId: g.workshop_id, dayId: g.day_id }, 'deleted')],
      };
    },
    'groups.restore': ({ id }) => {
      const g = groups.restore(id);
      return { value: g, events: [groupEvent(g, 'restored', g)] };
    },
    'groups.autoAssign': ({ dayId, count, keep }) => {
      const list = groups.autoAssign(dayId, count, keep);
      return { value: { dayId, groups: list }, events: [dayEvent(dayId)] };
    },
    'groups.moveMember': ({ dayId, participantId, groupId, index }) => {
      const list = groups.moveMember(dayId, participantId, groupId, index);
      return { value: { dayId, groups: list }, events: [dayEvent(dayId)] };
    },
    'groups.pairCode': ({ id }) => {
      const g = groups.pairCode(id);
      return { value: g, events: [groupEvent(g, 'updated', g), projectorEvent(g.workshopId)] };
    },
    'groups.revokeDevice': ({ deviceId }) => {
      const g = groups.revokeDevice(deviceId);
      return { value: g, events: [groupEvent(g, 'updated', g)] };
    },

    'outputs.get': ({ groupId, stepId }, caller) => {
      writerFor(caller, groupId);
      return groups.output(groupId, stepId);
    },
    'outputs.setCell': ({ groupId, stepId, path, value, baseVersion }, caller) => {
      const w = groups.setCell(groupId, stepId, path, value, baseVersion, writerFor(caller, groupId));
      const { outputId: _id, ...write } = w;
      return { value: write, events: outputEvents(w, write) };
    },
    'outputs.sign': ({ groupId, stepId, path, signature, baseVersion }, caller) => {
      const w = groups.sign(groupId, stepId, path, signature, baseVersion, writerFor(caller, groupId));
      const { outputId: _id, ...write } = w;
      return { value: write, events: outputEvents(w, write) };
    },
    'outputs.setStatus': ({ groupId, stepId, status }, caller) => {
      writerFor(caller, groupId);
      const s = groups.setStatus(groupId, stepId, status);
      const { outputId, ...summary } = s;
      // No record: an open output view reloads to show the status.
      return { value: summary, events: outputEvents({ outputId, groupId, stepId }, undefined) };
    },

    'devices.pair': ({ code, label }, caller) => {
      const t = Date.now();
      const w = wrong.get(caller.key);
      if (w && w.count >= PAIR_TRIES && t - w.last < PAIR_LOCK_MS) throw new AppError('FORBIDDEN', 'pairLocked');
      const p = groups.pair(code, label);
      if (!p) {
        wrong.set(caller.key, { count: (w && t - w.last < 10 * PAIR_LOCK_MS ? w.count : 0) + 1, last: t });
        throw new AppError('VALIDATION', 'pairCodeWrong');
      }
      wrong.delete(caller.key);
      const g = groups.get(p.groupId);
      return { value: p, events: [groupEvent(g, 'updated', g)] };
    },
    'devices.me': (_input, caller) => {
      // The laptop's own windows are no paired device: there is no group to show them.
      if (caller.role !== 'group-device') throw new AppError('NOT_FOUND', 'deviceNotPaired');
      const d = device(caller);
      return groups.deviceView(d.deviceId, d.groupId);
    },
  };
}
