import { z } from 'zod';
import { DEFAULT_DOCUMENT_SETTINGS, DEFAULT_LETTERHEAD, DocumentSettings, KioskPin, Letterhead } from './attendance';
import { templateIdSchema } from './template-ids';
import { LANGUAGES } from './languages';
import { clockTime, idSchema, isoDate, LIMITS, nipText, optionalText, requiredText, typeError } from './primitives';

export { clockTime, idSchema, isRealDate, isoDate, LIMITS, nipText, optionalText, requiredText } from './primitives';

/**
 * Domain schemas: one definition validates a form field in the renderer and the same input again
 * at the boundary. Error messages are i18n keys (see shared/messages.ts `validation`).
 */

export const TIME_ZONES = ['WIB', 'WITA', 'WIT'] as const;
export type TimeZone = (typeof TIME_ZONES)[number];

export const REGION_KINDS = ['kota', 'kabupaten'] as const;
export type RegionKind = (typeof REGION_KINDS)[number];

/** Bimtek stages: Tahap I–III, IV optional, or a custom one named by the user. */
export const STAGES = ['tahap-1', 'tahap-2', 'tahap-3', 'tahap-4', 'custom'] as const;
export type Stage = (typeof STAGES)[number];

/** Who signs the daftar hadir beside the chair (Pimpinan Rapat): nobody, the note-taker as Notulis or as Sekretariat. */
export const SECOND_SIGNERS = ['', 'notulis', 'sekretariat'] as const;
export type SecondSigner = (typeof SECOND_SIGNERS)[number];

export const DEFAULT_PROGRAMME_NAME = 'Gerakan Menuju 100 Smart City';

function uniqueIgnoringCase(values: string[]): boolean {
  const seen = new Set<string>();
  for (const v of values) {
    const k = v.trim().toLocaleLowerCase('id-ID');
    if (seen.has(k)) return false;
    seen.add(k);
  }
  return true;
}

// ---------------------------------------------------------------- engagements (pendampingan)

const engagementFields = {
  regionName: requiredText(120),
  regionKind: z.enum(REGION_KINDS, { error: (iss) => (iss.input === undefined ? 'required' : 'invalid') }),
  province: requiredText(120),
  year: z
    .number({ error: typeError })
    .int({ error: 'invalid' })
    .min(2000, { error: 'yearRange' })
    .max(2100, { error: 'yearRange' }),
  timeZone: z.enum(TIME_ZONES, { error: (iss) => (iss.input === undefined ? 'required' : 'invalid') }),
  programmeName: requiredText(LIMITS.shortText),
  agencies: z
    .array(requiredText(LIMITS.shortText), { error: 'invalidType' })
    .max(LIMITS.agencies, { error: 'tooMany' })
    .refine(uniqueIgnoringCase, { error: 'duplicate' }),
};

/** What a user enters to create an engagement for a region. */
export const EngagementInput = z.strictObject({
  ...engagementFields,
  programmeName: engagementFields.programmeName.default(DEFAULT_PROGRAMME_NAME),
  agencies: engagementFields.agencies.default([]),
});
export type EngagementInput = z.input<typeof EngagementInput>;

/** A partial edit; also the letterhead, document settings and the self check-in PIN. */
export const EngagementPatch = z
  .strictObject({
    ...engagementFields,
    letterhead: Letterhead.strict(),
    documents: DocumentSettings.strict(),
    kioskPin: KioskPin,
  })
  .partial();
export type EngagementPatch = z.input<typeof EngagementPatch>;

export const Engagement = z.object({
  id: idSchema,
  ...engagementFields,
  letterhead: Letterhead,
  documents: DocumentSettings,
  hasEmblem: z.boolean(),
  /** Whether a facilitator PIN guards the self check-in screen (the PIN itself never leaves the store). */
  kioskPinSet: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Engagement = z.output<typeof Engagement>;

export const EngagementSummary = Engagement.extend({ workshopCount: z.number().int() });
export type EngagementSummary = z.output<typeof EngagementSummary>;

// ---------------------------------------------------------------- workshops (Bimtek stages)

const dayShape = z.strictObject({
  /** Present for a day that already exists; new days have none. */
  id: idSchema.optional(),
  date: isoDate,
  startTime: clockTime,
  /** null means "s.d. selesai" (until finished). */
  endTime: clockTime.nullable(),
});

export const WorkshopDayInput = dayShape.refine((d) => d.endTime === null || d.endTime > d.startTime, {
  error: 'endBeforeStart',
  path: ['endTime'],
});
export type WorkshopDayInput = z.input<typeof WorkshopDayInput>;

export const WorkshopDay = z.object({
  id: idSchema,
  date: z.string(),
  startTime: z.string(),
  endTime: z.string().nullable(),
});
export type WorkshopDay = z.output<typeof WorkshopDay>;

const workshopFields = {
  stage: z.enum(STAGES, { error: (iss) => (iss.input === undefined ? 'required' : 'invalid') }),
  customStageName: optionalText(120),
  title: requiredText(300),
  days: z
    .array(WorkshopDayInput, { error: 'invalidType' })
    .min(1, { error: 'atLeastOneDay' })
    .max(LIMITS.days, { error: 'tooMany' }),
  venue: optionalText(300),
  chairName: optionalText(),
  chairPosition: optionalText(),
  chairNip: nipText,
  /** Pangkat/golongan, e.g. "Pembina Tk. I (IV/b)": printed under the name in signature blocks. */
  chairRank: optionalText(120),
  mentors: z.array(requiredText(), { error: 'invalidType' }).max(LIMITS.mentors, { error: 'tooMany' }),
  noteTakerName: optionalText(),
  noteTakerNip: nipText,
  noteTakerRank: optionalText(120),
  secondSigner: z.enum(SECOND_SIGNERS, { error: 'invalid' }),
  invitationNumber: optionalText(120),
  invitationDate: isoDate.nullable(),
};

const customStageNamed = (w: { stage?: string; customStageName?: string }) =>
  w.stage !== 'custom' || (w.customStageName ?? '').trim().length > 0;

/** What a user enters to create a workshop (one Bimtek stage) in an engagement. */
export const WorkshopInput = z
  .strictObject({
    engagementId: idSchema,
    stage: workshopFields.stage,
    customStageName: workshopFields.customStageName.default(''),
    title: workshopFields.title,
    days: workshopFields.days,
    venue: workshopFields.venue.default(''),
    chairName: workshopFields.chairName.default(''),
    chairPosition: workshopFields.chairPosition.default(''),
    chairNip: workshopFields.chairNip.default(''),
    chairRank: workshopFields.chairRank.default(''),
    mentors: workshopFields.mentors.default([]),
    noteTakerName: workshopFields.noteTakerName.default(''),
    noteTakerNip: workshopFields.noteTakerNip.default(''),
    noteTakerRank: workshopFields.noteTakerRank.default(''),
    secondSigner: workshopFields.secondSigner.default(''),
    invitationNumber: workshopFields.invitationNumber.default(''),
    invitationDate: workshopFields.invitationDate.default(null),
    /** Copy the agenda of a stage template (Tahap I–IV) into the days; null starts empty. */
    template: templateIdSchema.nullable().default(null),
  })
  .refine(customStageNamed, { error: 'customStageRequired', path: ['customStageName'] });
export type WorkshopInput = z.input<typeof WorkshopInput>;

/** A partial edit; `days` replaces the whole list (days keep their id when it is given). */
export const WorkshopPatch = z.strictObject(workshopFields).partial();
export type WorkshopPatch = z.input<typeof WorkshopPatch>;

export const Workshop = z.object({
  id: idSchema,
  engagementId: idSchema,
  stage: z.enum(STAGES),
  customStageName: z.string(),
  title: z.string(),
  days: z.array(WorkshopDay),
  venue: z.string(),
  chairName: z.string(),
  chairPosition: z.string(),
  chairNip: z.string(),
  chairRank: z.string(),
  mentors: z.array(z.string()),
  noteTakerName: z.string(),
  noteTakerNip: z.string(),
  noteTakerRank: z.string(),
  secondSigner: z.enum(SECOND_SIGNERS),
  invitationNumber: z.string(),
  invitationDate: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Workshop = z.output<typeof Workshop>;

// ---------------------------------------------------------------- settings and app info

export const AppSettings = z.object({
  language: z.enum(LANGUAGES),
});
export type AppSettings = z.output<typeof AppSettings>;

export const AppSettingsPatch = z
  .strictObject({
    language: z.enum(LANGUAGES, { error: 'invalid' }),
  })
  .partial();

/** Why the data file could not be opened (see electron/core/store/store.ts). */
export const STORE_FAILURES = ['newer', 'corrupt', 'foreign', 'readonly', 'inUse', 'io'] as const;

/** The other process that holds the data folder, as it wrote itself down in the folder's lock. */
export const FolderHolder = z.object({
  mode: z.enum(['electron', 'browser']),
  pid: z.number().int(),
  hostname: z.string(),
  since: z.string(),
  /** Where a browser-mode holder answers, once it listens. */
  url: z.string().optional(),
});
export type FolderHolder = z.output<typeof FolderHolder>;

export const StoreStatus = z.discriminatedUnion('status', [
  z.object({ status: z.literal('ready'), file: z.string() }),
  z.object({
    status: z.literal('failed'),
    file: z.string(),
    reason: z.enum(STORE_FAILURES),
    message: z.string(),
    /** Schema version found in the file, when it could be read. */
    foundVersion: z.number().int().optional(),
    /** Who holds the folder, when the reason is `inUse` and the holder could be read. */
    holder: FolderHolder.optional(),
  }),
]);
export type StoreStatus = z.output<typeof StoreStatus>;

export const AppInfo = z.object({
  name: z.string(),
  version: z.string(),
  schemaVersion: z.number().int(),
  mode: z.enum(['electron', 'browser']),
  dataDir: z.string(),
  store: StoreStatus,
});
export type AppInfo = z.output<typeof AppInfo>;

// ---------------------------------------------------------------- change events

/**
 * `agenda`: a day's steps; `run`: the run log of a day (the console's commands); `projector`: what
 * a workshop's projector shows; `backup`: the automatic and manual copies of the data file.
 */
export const ENTITIES = [
  'engagement',
  'workshop',
  'settings',
  'participant',
  'attendance',
  'agenda',
  'run',
  'projector',
  'backup',
  'group',
  'output',
  'decision',
  'quickwin',
  'action',
  'minutes',
] as const;
export type Entity = (typeof ENTITIES)[number];

/**
 * Emitted after every committed mutation so every window (the projector too) can follow it. It
 * carries the changed record where there is one, so an open view patches itself instead of asking
 * the store again; `record` is filtered for the receiving window's role before it leaves the core.
 */
export interface ChangeEvent {
  entity: Entity;
  /** The record's id; `*` when many records of the entity changed at once (an import). */
  id: string;
  action: 'created' | 'updated' | 'deleted' | 'restored';
  engagementId?: string;
  workshopId?: string;
  /** Attendance: the workshop day. */
  dayId?: string;
  /** Group work: the group; a paired device receives only its own group's events. */
  groupId?: string;
  /** The record as it is now (absent for bulk changes). */
  record?: unknown;
  /** Attendance: the day's counts of the agencies the change touched, as they are now. */
  agencies?: { agency: string; present: number; expected: number }[];
}

export { DEFAULT_DOCUMENT_SETTINGS, DEFAULT_LETTERHEAD };
