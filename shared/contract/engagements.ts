import { z } from 'zod';
import { str } from '../primitives';
import { EmblemInput } from '../attendance';
import { Engagement, EngagementInput, EngagementPatch, EngagementSummary, idSchema } from '../domain';
import { ById, Deleted, Empty, mutation, ONLY_FACILITATOR, query, SCREENS, SELF_CHECKIN } from './define';

/** Engagements (pendampingan): one region's journey through the stages, its letterhead and PIN. */
export const engagementOps = {
  /** Engagements that are not deleted, newest first, with their workshop count. */
  'engagements.list': query({
    input: Empty,
    output: z.array(EngagementSummary),
    roles: ONLY_FACILITATOR,
    reads: ['engagement', 'workshop'],
  }),
  /** One engagement by id. */
  'engagements.get': query({ input: ById, output: Engagement, roles: SCREENS, reads: ['engagement'] }),
  /** Create an engagement for a region. */
  'engagements.create': mutation({
    input: EngagementInput,
    output: Engagement,
    roles: ONLY_FACILITATOR,
    changes: ['engagement'],
  }),
  /** Change some fields of an engagement (autosave sends one field at a time). */
  'engagements.update': mutation({
    input: z.strictObject({ id: idSchema, patch: EngagementPatch }),
    output: Engagement,
    roles: ONLY_FACILITATOR,
    changes: ['engagement'],
  }),
  /** Move an engagement and its workshops to the bin; `engagements.restore` undoes it. */
  'engagements.delete': mutation({ input: ById, output: Deleted, roles: ONLY_FACILITATOR, changes: ['engagement'] }),
  /** Bring a deleted engagement back. */
  'engagements.restore': mutation({
    input: ById,
    output: Engagement,
    roles: ONLY_FACILITATOR,
    changes: ['engagement'],
  }),
  /** Set or remove the regional emblem of the engagement's letterhead (PNG/JPEG, base64). */
  'engagements.setEmblem': mutation({
    input: EmblemInput,
    output: Engagement,
    roles: ONLY_FACILITATOR,
    changes: ['engagement'],
  }),
  /** The emblem as a data URL (settings preview; the projector's title slide). */
  'engagements.emblem': query({
    input: ById,
    output: z.object({ dataUrl: z.string().nullable() }),
    roles: SCREENS,
    reads: ['engagement'],
  }),
  /**
   * Whether a PIN is the facilitator's PIN that closes the self check-in screen. Wrong tries are
   * counted per caller (a device guessing locks itself out, not the facilitator's window).
   */
  'engagements.verifyPin': query({
    input: z.strictObject({ id: idSchema, pin: str().max(20) }),
    output: z.object({ ok: z.boolean() }),
    roles: SELF_CHECKIN,
    reads: [],
  }),
};
