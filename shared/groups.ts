import { z } from 'zod';
import { OUTPUT_FORM_IDS, STEP_KINDS } from './agenda';
import { idSchema } from './domain';
import { CellInputSchema, CellValueSchema } from './forms/types';
import { signaturePng } from './attendance';
import { optionalText, requiredText, str } from './primitives';

/**
 * Group work: per workshop day, groups of participants (per dimension or topic) fill the output
 * forms of the day's group-work steps, on the facilitator's laptop or on their own paired device,
 * and present them on the projector.
 */

export const GROUP_LIMITS = { perDay: 30, name: 120, topic: 200, deviceLabel: 60 } as const;
/** How long a pairing code shown on the projector can be entered (minutes). */
export const PAIR_CODE_MINUTES = 30;
/** Pairing codes: six characters that cannot be mistaken for each other on a projector. */
export const PAIR_CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export const PAIR_CODE_LENGTH = 6;

export const OUTPUT_STATUSES = ['draft', 'done'] as const;
export type OutputStatus = (typeof OUTPUT_STATUSES)[number];

/** The step kind in which groups present their outputs (pleno); a step with a form is one groups fill. */
export const PRESENTING_KIND = 'pleno' satisfies (typeof STEP_KINDS)[number];

export const GroupDevice = z.object({
  id: idSchema,
  label: z.string(),
  pairedAt: z.string(),
  lastSeenAt: z.string().nullable(),
});
export type GroupDevice = z.output<typeof GroupDevice>;

export const Group = z.object({
  id: idSchema,
  workshopId: idSchema,
  dayId: idSchema,
  name: z.string(),
  /** A dimension id (`governance` …) or free text ("Struktur"). */
  topic: z.string(),
  position: z.number().int(),
  /** Participants in the group, in order. */
  memberIds: z.array(idSchema),
  /** The juru bicara, one of the members (or null). */
  rapporteurId: idSchema.nullable(),
  /** Who facilitates the group (a mentor or committee member; free text). */
  facilitator: z.string(),
  /** The pairing code the projector shows, while it can be entered. */
  pairing: z.object({ code: z.string(), expiresAt: z.string() }).nullable(),
  devices: z.array(GroupDevice),
  updatedAt: z.string(),
});
export type Group = z.output<typeof Group>;

export const GroupInput = z.strictObject({
  dayId: idSchema,
  name: requiredText(GROUP_LIMITS.name),
  topic: optionalText(GROUP_LIMITS.topic).default(''),
});
export type GroupInput = z.input<typeof GroupInput>;

export const GroupPatch = z
  .strictObject({
    name: requiredText(GROUP_LIMITS.name),
    topic: optionalText(GROUP_LIMITS.topic),
    rapporteurId: idSchema.nullable(),
    facilitator: optionalText(GROUP_LIMITS.name),
  })
  .partial();
export type GroupPatch = z.input<typeof GroupPatch>;

/** A person who may be put in a group: registered for the workshop, with whether they came that day. */
export const GroupCandidate = z.object({
  id: idSchema,
  name: z.string(),
  agency: z.string(),
  present: z.boolean(),
});

/** A step of the day that groups work in (its form) or present in. */
export const GroupStep = z.object({
  id: idSchema,
  title: z.string(),
  kind: z.enum(STEP_KINDS),
  formId: z.enum(OUTPUT_FORM_IDS).nullable(),
  plannedMinutes: z.number().int(),
});
export type GroupStep = z.output<typeof GroupStep>;

export const OutputSummary = z.object({
  groupId: idSchema,
  stepId: idSchema,
  status: z.enum(OUTPUT_STATUSES),
  /** Cells with something in them. */
  filled: z.number().int(),
  updatedAt: z.string(),
});
export type OutputSummary = z.output<typeof OutputSummary>;

export const GroupsDay = z.object({
  dayId: idSchema,
  date: z.string(),
  groups: z.array(Group),
  steps: z.array(GroupStep),
  candidates: z.array(GroupCandidate),
  outputs: z.array(OutputSummary),
});
export type GroupsDay = z.output<typeof GroupsDay>;

export const GroupsView = z.object({
  workshopId: idSchema,
  engagementId: idSchema,
  /** The engagement's OPD list (canonical names): the options of OPD fields. */
  agencies: z.array(z.string()),
  days: z.array(GroupsDay),
});
export type GroupsView = z.output<typeof GroupsView>;

// ---------------------------------------------------------------- outputs

const cellValue = CellValueSchema;

/** Who wrote a cell last and when; `version` counts its writes. */
export const CellMeta = z.object({ version: z.number().int(), by: z.string(), at: z.string() });
export type CellMeta = z.output<typeof CellMeta>;

export const Output = z.object({
  groupId: idSchema,
  stepId: idSchema,
  formId: z.enum(OUTPUT_FORM_IDS),
  status: z.enum(OUTPUT_STATUSES),
  values: z.record(z.string(), cellValue),
  meta: z.record(z.string(), CellMeta),
  agencies: z.array(z.string()),
  updatedAt: z.string(),
});
export type Output = z.output<typeof Output>;

/** One cell written: what every window showing the output applies. */
export const CellWrite = z.object({
  groupId: idSchema,
  stepId: idSchema,
  path: z.string(),
  value: cellValue,
  meta: CellMeta,
  /** The write replaced a value another writer had saved after the writer last saw the cell. */
  overwrote: z.boolean(),
});
export type CellWrite = z.output<typeof CellWrite>;

export const OutputRef = { groupId: idSchema, stepId: idSchema };
export const CellPath = str().min(1, { error: 'required' }).max(200, { error: 'tooLong' });

export const SetCellInput = z.strictObject({
  ...OutputRef,
  path: CellPath,
  /** Checked against the form's definition in the core. */
  value: CellInputSchema,
  /** The cell's version the writer last saw (null: never saw one). */
  baseVersion: z.number().int().min(0).nullable().default(null),
});

export const SignCellInput = z.strictObject({
  ...OutputRef,
  path: CellPath,
  signature: signaturePng,
  baseVersion: z.number().int().min(0).nullable().default(null),
});

// ---------------------------------------------------------------- paired devices

export const PairInput = z.strictObject({
  code: str()
    .transform((v) => v.toUpperCase().replace(/[\s-]/g, ''))
    .pipe(z.string().length(PAIR_CODE_LENGTH, { error: 'pairCodeShape' })),
  label: optionalText(GROUP_LIMITS.deviceLabel).default(''),
});

export const Pairing = z.object({
  token: z.string(),
  deviceId: idSchema,
  groupId: idSchema,
  workshopId: idSchema,
});

/** What a paired device sees: its group, the day's forms, and nothing about people. */
export const DeviceView = z.object({
  deviceId: idSchema,
  label: z.string(),
  group: z.object({ id: idSchema, name: z.string(), topic: z.string() }),
  workshopTitle: z.string(),
  regionName: z.string(),
  date: z.string(),
  steps: z.array(GroupStep),
});
export type DeviceView = z.output<typeof DeviceView>;
