import { z } from 'zod';
import { idSchema, Workshop, WorkshopInput, WorkshopPatch } from '../domain';
import { workshopFor } from '../privacy';
import { ById, Deleted, mutation, ONLY_FACILITATOR, query, SCREENS } from './define';

/** Workshops: one Bimtek stage each, with its days. */
export const workshopOps = {
  /** Workshops of an engagement that are not deleted, by first day. */
  'workshops.list': query({
    input: z.strictObject({ engagementId: idSchema }),
    output: z.array(Workshop),
    roles: ['facilitator', 'projector'],
    reads: ['workshop'],
    redact: (list, role) => list.map((w) => workshopFor(role, w)),
  }),
  /** One workshop by id, with its days. */
  'workshops.get': query({
    input: ById,
    output: Workshop,
    roles: SCREENS,
    reads: ['workshop'],
    redact: (w, role) => workshopFor(role, w),
  }),
  /** Create a workshop (one Bimtek stage) with at least one day. */
  'workshops.create': mutation({
    input: WorkshopInput,
    output: Workshop,
    roles: ONLY_FACILITATOR,
    changes: ['workshop'],
  }),
  /** Change some fields of a workshop; `days` replaces the list, keeping days by id. */
  'workshops.update': mutation({
    input: z.strictObject({ id: idSchema, patch: WorkshopPatch }),
    output: Workshop,
    roles: ONLY_FACILITATOR,
    changes: ['workshop'],
  }),
  /** Move a workshop to the bin; `workshops.restore` undoes it. */
  'workshops.delete': mutation({ input: ById, output: Deleted, roles: ONLY_FACILITATOR, changes: ['workshop'] }),
  /** Bring a deleted workshop back. */
  'workshops.restore': mutation({ input: ById, output: Workshop, roles: ONLY_FACILITATOR, changes: ['workshop'] }),
};
