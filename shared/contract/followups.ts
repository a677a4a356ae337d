import { z } from 'zod';
import { FilePayload } from '../attendance';
import { idSchema } from '../domain';
import {
  ActionInput,
  ActionItem,
  ActionPatch,
  CandidateKey,
  AttachInput,
  Decision,
  DecisionInput,
  DECISION_MAX,
  QuickWinBoard,
  ScoreRow,
  Scores,
  Weights,
} from '../followups';
import { requiredText } from '../primitives';
import { ById, Deleted, GROUP_OUTPUT, mutation, ONLY_FACILITATOR, query } from './define';

/** What to do with the action items a deleted decision (or an unchosen quick win) produced. */
const ThenActions = z.enum(['ask', 'keep', 'delete'], { error: 'invalid' }).default('ask');

/**
 * Decisions of a workshop, quick-win scoring and choice, and the engagement's action items
 * (tindak lanjut) with their status history and evidence.
 */
export const followupOps = {
  /** The decisions and conclusions of a workshop, in order. */
  'decisions.list': query({
    input: z.strictObject({ workshopId: idSchema }),
    output: z.array(Decision),
    roles: ONLY_FACILITATOR,
    reads: ['decision'],
  }),
  /** Capture a decision (from the console: the current step is its step). */
  'decisions.create': mutation({
    input: DecisionInput,
    output: Decision,
    roles: ONLY_FACILITATOR,
    changes: ['decision'],
  }),
  'decisions.update': mutation({
    input: z.strictObject({ id: idSchema, text: requiredText(DECISION_MAX) }),
    output: Decision,
    roles: ONLY_FACILITATOR,
    changes: ['decision'],
  }),
  /**
   * Delete a decision. When action items came from it, `actions` says what becomes of them; 'ask'
   * (the default) refuses with `decisionHasActions` and their number, so the screen can ask.
   */
  'decisions.delete': mutation({
    input: z.strictObject({ id: idSchema, actions: ThenActions }),
    output: Deleted,
    roles: ONLY_FACILITATOR,
    changes: ['decision', 'action'],
  }),
  'decisions.restore': mutation({ input: ById, output: Decision, roles: ONLY_FACILITATOR, changes: ['decision'] }),

  /** The quick-win board of a workshop: candidates from every group's proposals, weights, scores, choices. */
  'quickwins.board': query({
    input: z.strictObject({ workshopId: idSchema }),
    output: QuickWinBoard,
    roles: GROUP_OUTPUT,
    reads: ['quickwin', 'output', 'group'],
  }),
  /** Set the weights of the four criteria (they need not sum to 100; not all zero). */
  'quickwins.setWeights': mutation({
    input: z.strictObject({ workshopId: idSchema, weights: Weights }),
    output: QuickWinBoard,
    roles: ONLY_FACILITATOR,
    changes: ['quickwin', 'projector'],
  }),
  /**
   * One scorer's ratings of one candidate (1–5 each). A paired device scores as its group; on the
   * laptop `scorer` names the person or group scoring.
   */
  'quickwins.score': mutation({
    input: z.strictObject({
      workshopId: idSchema,
      candidateKey: CandidateKey,
      scorer: requiredText(120),
      scores: Scores,
    }),
    output: ScoreRow,
    roles: GROUP_OUTPUT,
    changes: ['quickwin', 'projector'],
  }),
  /**
   * Mark a candidate chosen (it becomes an action item: owner OPD from the proposal, due in its
   * months, 6–12) or not chosen (`actions` says what becomes of the item it produced).
   */
  'quickwins.choose': mutation({
    input: z.strictObject({
      workshopId: idSchema,
      candidateKey: CandidateKey,
      chosen: z.boolean(),
      actions: ThenActions,
    }),
    output: z.object({ candidateKey: z.string(), actionId: idSchema.nullable() }),
    roles: ONLY_FACILITATOR,
    changes: ['quickwin', 'action', 'projector'],
  }),

  /** Every action item of an engagement (all stages), with history and attachments. */
  'actions.list': query({
    input: z.strictObject({ engagementId: idSchema }),
    output: z.array(ActionItem),
    roles: ONLY_FACILITATOR,
    reads: ['action'],
  }),
  'actions.create': mutation({
    input: ActionInput,
    output: ActionItem,
    roles: ONLY_FACILITATOR,
    changes: ['action', 'projector'],
  }),
  /** Change fields; a status change is added to the dated history (with `statusNote`). */
  'actions.update': mutation({
    input: z.strictObject({ id: idSchema, patch: ActionPatch }),
    output: ActionItem,
    roles: ONLY_FACILITATOR,
    changes: ['action', 'projector'],
  }),
  'actions.delete': mutation({
    input: ById,
    output: Deleted,
    roles: ONLY_FACILITATOR,
    changes: ['action', 'projector'],
  }),
  'actions.restore': mutation({
    input: ById,
    output: ActionItem,
    roles: ONLY_FACILITATOR,
    changes: ['action', 'projector'],
  }),
  /** Attach evidence: a PDF, PNG or JPEG of at most 10 MB (anything else is refused with the reason). */
  'actions.attach': mutation({ input: AttachInput, output: ActionItem, roles: ONLY_FACILITATOR, changes: ['action'] }),
  'actions.removeAttachment': mutation({
    input: z.strictObject({ id: idSchema, attachmentId: idSchema }),
    output: ActionItem,
    roles: ONLY_FACILITATOR,
    changes: ['action'],
  }),
  /** Download an attachment as it was attached. */
  'actions.attachment': query({
    input: z.strictObject({ id: idSchema, attachmentId: idSchema }),
    output: FilePayload,
    roles: ONLY_FACILITATOR,
    reads: [],
  }),
  /** The action items as XLSX or CSV for the secretariat, or DOCX tables (for the minutes). */
  'actions.export': query({
    input: z.strictObject({ engagementId: idSchema, format: z.enum(['xlsx', 'csv', 'docx'], { error: 'invalid' }) }),
    output: FilePayload,
    roles: ONLY_FACILITATOR,
    reads: [],
  }),
};
