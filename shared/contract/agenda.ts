import { z } from 'zod';
import {
  AgendaStep,
  AgendaView,
  ProjectorPatch,
  ProjectorView,
  RUN_COMMANDS,
  RunDay,
  StepInput,
  StepPatch,
} from '../agenda';
import { idSchema } from '../domain';
import { ById, Deleted, mutation, ONLY_FACILITATOR, query } from './define';

/**
 * The stage guide: the agenda of each workshop day (susunan acara), the console's run commands,
 * and what the room's projector shows.
 */
export const agendaOps = {
  /** Every day of a workshop with its steps (script and notes included) and run log. */
  'agenda.get': query({
    input: z.strictObject({ workshopId: idSchema }),
    output: AgendaView,
    roles: ONLY_FACILITATOR,
    reads: ['agenda', 'run', 'workshop'],
  }),
  /** Add a step to a day, after `afterId` or at the end. */
  'agenda.addStep': mutation({
    input: z.strictObject({ dayId: idSchema, afterId: idSchema.nullable().default(null), step: StepInput }),
    output: AgendaStep,
    roles: ONLY_FACILITATOR,
    changes: ['agenda'],
  }),
  /** Change some fields of a step (title, minutes, script, notes, …). */
  'agenda.updateStep': mutation({
    input: z.strictObject({ id: idSchema, patch: StepPatch }),
    output: AgendaStep,
    roles: ONLY_FACILITATOR,
    changes: ['agenda'],
  }),
  /** A copy of a step right after it (without its notes). */
  'agenda.duplicateStep': mutation({ input: ById, output: AgendaStep, roles: ONLY_FACILITATOR, changes: ['agenda'] }),
  /** Move a step to the bin; `agenda.restoreStep` undoes it. */
  'agenda.deleteStep': mutation({ input: ById, output: Deleted, roles: ONLY_FACILITATOR, changes: ['agenda'] }),
  /** Bring a deleted step back where it was. */
  'agenda.restoreStep': mutation({ input: ById, output: AgendaStep, roles: ONLY_FACILITATOR, changes: ['agenda'] }),
  /** Reorder a step, or move it to another day of the workshop, to position `index` (0-based). */
  'agenda.moveStep': mutation({
    input: z.strictObject({
      id: idSchema,
      dayId: idSchema,
      index: z.number({ error: 'invalidType' }).int({ error: 'invalid' }).min(0, { error: 'invalid' }).max(1000),
    }),
    output: AgendaStep,
    roles: ONLY_FACILITATOR,
    changes: ['agenda'],
  }),
  /**
   * A console command on a day: start, pause, resume, next, previous, extend (+5 menit), skip.
   * `expectedStepId` is the current step as the caller saw it (null before the day starts); when
   * another window moved on meanwhile the command is refused with `runMoved`.
   */
  'run.command': mutation({
    input: z.strictObject({
      dayId: idSchema,
      command: z.enum(RUN_COMMANDS, { error: 'invalid' }),
      expectedStepId: idSchema.nullable(),
      stepId: idSchema.nullable().default(null),
    }),
    output: RunDay,
    roles: ONLY_FACILITATOR,
    changes: ['run', 'projector'],
  }),
  /**
   * What the room's screen shows now: public fields only, for the projector window or page. Every
   * console command and projector choice emits a `projector` event carrying this view, so an open
   * projector takes it from the event instead of asking again (the ≤ 100 ms budget).
   */
  'projector.view': query({
    input: z.strictObject({ workshopId: idSchema }),
    output: ProjectorView,
    roles: ['facilitator', 'projector'],
    reads: ['projector', 'agenda', 'workshop', 'engagement'],
    patch: (view, e) => {
      if (e.entity !== 'projector' || e.record === undefined) return undefined;
      const next = ProjectorView.safeParse(e.record);
      return next.success && next.data.workshopId === view.workshopId ? next.data : undefined;
    },
  }),
  /** Choose what the projector shows: the mode, the day, blank (black) and freeze. */
  'projector.set': mutation({
    input: z.strictObject({ workshopId: idSchema, patch: ProjectorPatch }),
    output: z.object({ workshopId: idSchema }),
    roles: ONLY_FACILITATOR,
    changes: ['projector'],
  }),
};
