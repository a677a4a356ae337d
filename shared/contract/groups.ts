import { z } from 'zod';
import { idSchema } from '../domain';
import {
  CellWrite,
  DeviceView,
  Group,
  GroupInput,
  GroupPatch,
  GroupsView,
  Output,
  OUTPUT_STATUSES,
  OutputRef,
  OutputSummary,
  PairInput,
  Pairing,
  SetCellInput,
  SignCellInput,
} from '../groups';
import { ById, Deleted, Empty, GROUP_OUTPUT, mutation, ONLY_FACILITATOR, query } from './define';

const DayGroups = z.object({ dayId: idSchema, groups: z.array(Group) });

/**
 * Group work: the groups of each day, their outputs (cell by cell, so two devices never overwrite
 * a whole output), and the devices paired with a group over the room network.
 */
export const groupOps = {
  /** Every day of a workshop with its groups, group-work steps, the people to put in groups and output progress. */
  'groups.list': query({
    input: z.strictObject({ workshopId: idSchema }),
    output: GroupsView,
    roles: ONLY_FACILITATOR,
    reads: ['group', 'output', 'agenda', 'attendance', 'participant', 'engagement'],
  }),
  /** A new group at the end of the day's list. */
  'groups.create': mutation({ input: GroupInput, output: Group, roles: ONLY_FACILITATOR, changes: ['group'] }),
  /** Rename, change topic, rapporteur (a member) or facilitator. */
  'groups.update': mutation({
    input: z.strictObject({ id: idSchema, patch: GroupPatch }),
    output: Group,
    roles: ONLY_FACILITATOR,
    changes: ['group'],
  }),
  /** Move a group to the bin (its members become unassigned; its outputs are kept); `groups.restore` undoes it. */
  'groups.delete': mutation({ input: ById, output: Deleted, roles: ONLY_FACILITATOR, changes: ['group'] }),
  'groups.restore': mutation({ input: ById, output: Group, roles: ONLY_FACILITATOR, changes: ['group'] }),
  /**
   * "Bagi otomatis": spread the people present that day over the day's groups (creating `count`
   * groups when there are none), evenly and mixing OPDs. `keep` leaves people already in a group where they are.
   */
  'groups.autoAssign': mutation({
    input: z.strictObject({
      dayId: idSchema,
      count: z
        .number({ error: 'invalidType' })
        .int({ error: 'invalid' })
        .min(1, { error: 'invalid' })
        .max(30, { error: 'tooMany' })
        .default(6),
      keep: z.boolean().default(false),
    }),
    output: DayGroups,
    roles: ONLY_FACILITATOR,
    changes: ['group'],
  }),
  /** Put a person in a group at `index` (or take them out of every group of the day: `groupId` null). */
  'groups.moveMember': mutation({
    input: z.strictObject({
      dayId: idSchema,
      participantId: idSchema,
      groupId: idSchema.nullable(),
      index: z.number().int().min(0).max(1000).nullable().default(null),
    }),
    output: DayGroups,
    roles: ONLY_FACILITATOR,
    changes: ['group'],
  }),
  /** A fresh pairing code for a group (the old one stops working). */
  'groups.pairCode': mutation({ input: ById, output: Group, roles: ONLY_FACILITATOR, changes: ['group', 'projector'] }),
  /** Revoke a paired device: its token stops working at once. */
  'groups.revokeDevice': mutation({
    input: z.strictObject({ deviceId: idSchema }),
    output: Group,
    roles: ONLY_FACILITATOR,
    changes: ['group'],
  }),

  /** A group's output of a step: every cell with who wrote it last. */
  'outputs.get': query({
    input: z.strictObject(OutputRef),
    output: Output,
    roles: GROUP_OUTPUT,
    reads: ['output', 'group'],
    patch: (view, e, input) => {
      if (e.entity !== 'output' || e.record === undefined) return undefined;
      const w = CellWrite.safeParse(e.record);
      if (!w.success || w.data.groupId !== input.groupId || w.data.stepId !== input.stepId) return undefined;
      return {
        ...view,
        values: { ...view.values, [w.data.path]: w.data.value },
        meta: { ...view.meta, [w.data.path]: w.data.meta },
        updatedAt: w.data.meta.at,
      };
    },
  }),
  /**
   * Write one cell. The later write wins for that cell only; `overwrote` tells the writer it replaced
   * a value someone else saved after `baseVersion`.
   */
  'outputs.setCell': mutation({
    input: SetCellInput,
    output: CellWrite,
    roles: GROUP_OUTPUT,
    changes: ['output', 'projector'],
  }),
  /** Sign a signature cell (the commitment sheet): the image is stored, the cell holds its hash. */
  'outputs.sign': mutation({
    input: SignCellInput,
    output: CellWrite,
    roles: GROUP_OUTPUT,
    changes: ['output', 'projector'],
  }),
  /** Mark an output done (refused with what is missing while required fields are empty) or back to draft. */
  'outputs.setStatus': mutation({
    input: z.strictObject({ ...OutputRef, status: z.enum(OUTPUT_STATUSES, { error: 'invalid' }) }),
    output: OutputSummary,
    roles: GROUP_OUTPUT,
    changes: ['output'],
  }),

  /** A device enters the code the projector shows and gets a token for that group only. */
  'devices.pair': mutation({
    input: PairInput,
    output: Pairing,
    roles: ['facilitator', 'room-device', 'group-device'],
    changes: ['group'],
  }),
  /** What the paired device works on: its group and the day's group-work steps. */
  'devices.me': query({
    input: Empty,
    output: DeviceView,
    roles: GROUP_OUTPUT,
    reads: ['output', 'group', 'agenda'],
  }),
};
