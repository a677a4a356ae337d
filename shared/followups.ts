import { z } from 'zod';
import { DIMENSION_IDS } from './dimensions';
import { idSchema } from './domain';
import { base64Data } from './attendance';
import { isoDate, optionalText, requiredText, typeError } from './primitives';

/**
 * Decisions, quick wins and follow-ups. Quick-win candidates are the rows of the groups' "Usulan
 * Quick Win" outputs; each scorer (a group on its device, or a person on the facilitator's laptop)
 * rates them; the ranking is a pure function of the scores and the weights, computed wherever it is
 * shown. Action items (tindak lanjut) belong to the engagement and carry across stages.
 */

// ---------------------------------------------------------------- quick wins

export const CRITERIA = ['impact', 'feasibility', 'cost', 'innovation'] as const;
export type Criterion = (typeof CRITERIA)[number];

export const DEFAULT_WEIGHTS: Record<Criterion, number> = { impact: 35, feasibility: 30, cost: 15, innovation: 20 };

const score = z
  .number({ error: typeError })
  .int({ error: 'scoreRange' })
  .min(1, { error: 'scoreRange' })
  .max(5, { error: 'scoreRange' });

export const Scores = z.strictObject({ impact: score, feasibility: score, cost: score, innovation: score });
export type Scores = z.output<typeof Scores>;

const weight = z
  .number({ error: typeError })
  .min(0, { error: 'weightRange' })
  .max(100, { error: 'weightRange' })
  .finite({ error: 'weightRange' });
export const Weights = z
  .strictObject({ impact: weight, feasibility: weight, cost: weight, innovation: weight })
  .refine((w) => CRITERIA.some((c) => w[c] > 0), { error: 'weightsZero' });
export type Weights = z.output<typeof Weights>;

/** How a candidate is named across the boundary: `<groupId>/<stepId>/<rowId>`. */
export const CandidateKey = z
  .string({ error: typeError })
  .regex(/^[0-9a-f-]{36}\/[0-9a-f-]{36}\/[A-Za-z0-9_-]{4,40}$/, { error: 'invalid' });

/** A candidate: one row of a group's quick-win proposal output. `key` = `<groupId>/<stepId>/<rowId>`. */
export const Candidate = z.object({
  key: z.string(),
  groupId: idSchema,
  groupName: z.string(),
  name: z.string(),
  dimension: z.string(),
  agency: z.string(),
  description: z.string(),
  months: z.number().nullable(),
});
export type Candidate = z.output<typeof Candidate>;

export const ScoreRow = z.object({ candidateKey: z.string(), scorer: z.string(), scores: Scores });
export type ScoreRow = z.output<typeof ScoreRow>;

export interface Ranked {
  key: string;
  /** Weighted mean of every scorer's ratings, 0 when nobody scored it (scale 1–5). */
  total: number;
  /** Means per criterion over the scorers. */
  means: Record<Criterion, number>;
  scorers: number;
  rank: number;
}

/**
 * The ranking: each candidate's mean rating per criterion over its scorers, weighted (weights are
 * normalised, so they need not sum to 100), highest first; ties share a rank. Pure and linear in
 * the number of scores: the projector and console recompute it on every score.
 */
export function rankQuickWins(
  candidates: readonly { key: string }[],
  scores: readonly ScoreRow[],
  weights: Weights,
): Ranked[] {
  const sum = CRITERIA.reduce((n, c) => n + weights[c], 0) || 1;
  const acc = new Map<string, { n: number; s: Record<Criterion, number> }>();
  for (const c of candidates) acc.set(c.key, { n: 0, s: { impact: 0, feasibility: 0, cost: 0, innovation: 0 } });
  for (const r of scores) {
    const a = acc.get(r.candidateKey);
    if (!a) continue;
    a.n += 1;
    for (const c of CRITERIA) a.s[c] += r.scores[c];
  }
  const out: Ranked[] = [];
  for (const [key, a] of acc) {
    const means = { impact: 0, feasibility: 0, cost: 0, innovation: 0 };
    let total = 0;
    for (const c of CRITERIA) {
      means[c] = a.n ? a.s[c] / a.n : 0;
      total += (means[c] * weights[c]) / sum;
    }
    out.push({ key, total, means, scorers: a.n, rank: 0 });
  }
  out.sort((x, y) => y.total - x.total || x.key.localeCompare(y.key));
  out.forEach((r, i) => (r.rank = i > 0 && Math.abs(out[i - 1].total - r.total) < 1e-9 ? out[i - 1].rank : i + 1));
  return out;
}

export const QuickWinBoard = z.object({
  workshopId: idSchema,
  weights: z.object({ impact: z.number(), feasibility: z.number(), cost: z.number(), innovation: z.number() }),
  candidates: z.array(Candidate),
  scores: z.array(ScoreRow),
  /** Chosen candidates with the action item each became. */
  chosen: z.array(z.object({ candidateKey: z.string(), actionId: idSchema.nullable() })),
});
export type QuickWinBoard = z.output<typeof QuickWinBoard>;

// ---------------------------------------------------------------- decisions

export const DECISION_MAX = 2000;

export const Decision = z.object({
  id: idSchema,
  workshopId: idSchema,
  dayId: idSchema,
  stepId: idSchema.nullable(),
  text: z.string(),
  position: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Decision = z.output<typeof Decision>;

export const DecisionInput = z.strictObject({
  dayId: idSchema,
  stepId: idSchema.nullable().default(null),
  text: requiredText(DECISION_MAX),
});

// ---------------------------------------------------------------- action items

/** What kind of follow-up: the legal umbrella first (what the "level 4" question asks for). */
export const ACTION_KINDS = ['payung-hukum', 'sk', 'sop', 'anggaran', 'data', 'lainnya'] as const;
export type ActionKind = (typeof ACTION_KINDS)[number];
/** The kinds the legal-evidence board shows as its columns. */
export const EVIDENCE_KINDS = ['payung-hukum', 'sk', 'sop'] as const satisfies readonly ActionKind[];

export const ACTION_STATUSES = ['belum', 'proses', 'selesai', 'batal'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

export const ACTION_LIMITS = { title: 500, text: 200, notes: 4000, attachmentBytes: 10 * 1024 * 1024 } as const;
export const ATTACHMENT_TYPES = ['application/pdf', 'image/png', 'image/jpeg'] as const;

const enumOf = <T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { error: (iss) => (iss.input === undefined ? 'required' : 'invalid') });

const actionFields = {
  title: requiredText(ACTION_LIMITS.title),
  kind: enumOf(ACTION_KINDS),
  /** The programme it serves (e.g. "e-SPTPD"): the rows of the evidence board. */
  programme: optionalText(ACTION_LIMITS.text),
  dimension: z.union([z.enum(DIMENSION_IDS as [string, ...string[]]), z.literal('')], { error: 'invalid' }),
  agency: optionalText(ACTION_LIMITS.text),
  person: optionalText(ACTION_LIMITS.text),
  dueDate: z.union([isoDate, z.literal('')]),
  /** Evidence: the document's number and date, e.g. "Perwali Nomor 12 Tahun 2019", 2019-09-23. */
  evidenceNumber: optionalText(ACTION_LIMITS.text),
  evidenceDate: z.union([isoDate, z.literal('')]),
  notes: optionalText(ACTION_LIMITS.notes),
};

export const ActionInput = z.strictObject({
  engagementId: idSchema,
  workshopId: idSchema.nullable().default(null),
  stepId: idSchema.nullable().default(null),
  decisionId: idSchema.nullable().default(null),
  title: actionFields.title,
  kind: actionFields.kind.default('lainnya'),
  programme: actionFields.programme.default(''),
  dimension: actionFields.dimension.default(''),
  agency: actionFields.agency.default(''),
  person: actionFields.person.default(''),
  dueDate: actionFields.dueDate.default(''),
  notes: actionFields.notes.default(''),
});
export type ActionInput = z.input<typeof ActionInput>;

export const ActionPatch = z
  .strictObject({
    ...actionFields,
    status: enumOf(ACTION_STATUSES),
    /** A note for the status history (why it changed). */
    statusNote: optionalText(ACTION_LIMITS.text),
  })
  .partial();
export type ActionPatch = z.input<typeof ActionPatch>;

export const ActionHistory = z.object({ at: z.string(), status: z.enum(ACTION_STATUSES), note: z.string() });

export const Attachment = z.object({
  id: idSchema,
  fileName: z.string(),
  mime: z.enum(ATTACHMENT_TYPES),
  bytes: z.number().int(),
  createdAt: z.string(),
});
export type Attachment = z.output<typeof Attachment>;

export const ActionItem = z.object({
  id: idSchema,
  engagementId: idSchema,
  workshopId: idSchema.nullable(),
  stepId: idSchema.nullable(),
  decisionId: idSchema.nullable(),
  quickWinKey: z.string().nullable(),
  title: z.string(),
  kind: z.enum(ACTION_KINDS),
  programme: z.string(),
  dimension: z.string(),
  agency: z.string(),
  person: z.string(),
  dueDate: z.string(),
  status: z.enum(ACTION_STATUSES),
  evidenceNumber: z.string(),
  evidenceDate: z.string(),
  notes: z.string(),
  history: z.array(ActionHistory),
  attachments: z.array(Attachment),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ActionItem = z.output<typeof ActionItem>;

export const AttachInput = z.strictObject({
  id: idSchema,
  fileName: requiredText(ACTION_LIMITS.text),
  /** The file, base64 (≤ 10 MB). */
  data: base64Data.max(Math.ceil((ACTION_LIMITS.attachmentBytes * 4) / 3) + 4, { error: 'fileTooLarge' }),
});

/** Whether an open item is past its due date on `today` (YYYY-MM-DD). */
export const isOverdue = (a: Pick<ActionItem, 'status' | 'dueDate'>, today: string): boolean =>
  (a.status === 'belum' || a.status === 'proses') && a.dueDate !== '' && a.dueDate < today;

// ---------------------------------------------------------------- on the projector

/** What the room sees of quick wins, decisions and follow-ups (no person's name or contact). */
export const ProjectorFollowups = z.object({
  quickwins: z
    .object({
      candidates: z.array(Candidate.pick({ key: true, name: true, dimension: true, groupName: true })),
      ranking: z.array(
        z.object({
          key: z.string(),
          total: z.number(),
          means: z.object({ impact: z.number(), feasibility: z.number(), cost: z.number(), innovation: z.number() }),
          scorers: z.number().int(),
          rank: z.number().int(),
        }),
      ),
      chosen: z.array(z.string()),
    })
    .nullable(),
  decisions: z.array(z.string()).nullable(),
  /** Open items of earlier stages (and what this workshop settled), overdue ones marked. */
  followups: z
    .array(
      z.object({
        id: idSchema,
        title: z.string(),
        kind: z.enum(ACTION_KINDS),
        agency: z.string(),
        dueDate: z.string(),
        status: z.enum(ACTION_STATUSES),
        overdue: z.boolean(),
      }),
    )
    .nullable(),
});
export type ProjectorFollowups = z.output<typeof ProjectorFollowups>;
