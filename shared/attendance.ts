import { z } from 'zod';
import { clockTime, idSchema, LIMITS, optionalText, requiredText, typeError } from './primitives';
import { validateNip } from './nip';

/**
 * Attendance domain: the participant register of an engagement, check-ins per workshop day,
 * letterhead and document settings. Messages are i18n keys (shared/messages.ts); NIP problems are
 * `nip.<problem>` (shared/nip.ts).
 */

export const ROLES = ['peserta', 'narasumber', 'panitia', 'pimpinan'] as const;
export type Role = (typeof ROLES)[number];
export const GENDERS = ['', 'L', 'P'] as const;
export type Gender = (typeof GENDERS)[number];
export const ATTENDANCE_STATUSES = ['hadir', 'izin', 'sakit', 'diwakili', 'tidak-hadir'] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];
export const PAPERS = ['F4', 'A4'] as const;
export type Paper = (typeof PAPERS)[number];
/** Who a daftar hadir lists: everyone registered for the day (with Keterangan) or only those present. */
/** How regions title their minutes (*tata naskah dinas*: a setting per region). */
export const MINUTES_TITLES = ['NOTULEN RAPAT', 'NOTULA'] as const;

/** A page margin in centimetres: 1–6 cm (anything else does not print on F4 or A4). */
const marginCm = z.number({ error: typeError }).min(1, { error: 'marginRange' }).max(6, { error: 'marginRange' });

export const LIST_SCOPES = ['all', 'present'] as const;
export type ListScope = (typeof LIST_SCOPES)[number];
/** The daftar hadir on its own, or the copy attached to the minutes (lampiran notulen). */
export const LIST_COPIES = ['list', 'annex'] as const;
export type ListCopy = (typeof LIST_COPIES)[number];

const enumOf = <T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { error: (iss) => (iss.input === undefined ? 'required' : 'invalid') });

/** Empty, or a NIP whose every part checks out; the message names the wrong part. */
export const participantNip = z
  .string({ error: 'invalidType' })
  .trim()
  .superRefine((v, ctx) => {
    if (v === '') return;
    const r = validateNip(v);
    if (!r.ok) ctx.addIssue({ code: 'custom', message: `nip.${r.problem}` });
  })
  .transform((v) => v.replace(/[\s.\u00a0-]/g, ''));

const phone = optionalText(40).refine((v) => v === '' || /^\+?[\d\s().-]{6,}$/.test(v), {
  error: 'invalidPhone',
});
const email = optionalText(200).refine((v) => v === '' || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v), {
  error: 'invalidEmail',
});

const participantFields = {
  name: requiredText(200),
  nip: participantNip,
  position: optionalText(200),
  agency: optionalText(200),
  phone,
  email,
  gender: enumOf(GENDERS),
  role: enumOf(ROLES),
};

/** A person entered by hand (or a walk-in at the door). */
export const ParticipantInput = z.strictObject({
  engagementId: idSchema,
  name: participantFields.name,
  nip: participantFields.nip.default(''),
  position: participantFields.position.default(''),
  agency: participantFields.agency.default(''),
  phone: participantFields.phone.default(''),
  email: participantFields.email.default(''),
  gender: participantFields.gender.default(''),
  role: participantFields.role.default('peserta'),
});
export type ParticipantInput = z.input<typeof ParticipantInput>;

export const ParticipantPatch = z.strictObject(participantFields).partial();
export type ParticipantPatch = z.input<typeof ParticipantPatch>;

export const Participant = z.object({
  id: idSchema,
  engagementId: idSchema,
  name: z.string(),
  nip: z.string(),
  position: z.string(),
  agency: z.string(),
  phone: z.string(),
  email: z.string(),
  gender: z.enum(GENDERS),
  role: z.enum(ROLES),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Participant = z.output<typeof Participant>;

// ---------------------------------------------------------------- import

export const IMPORT_FIELDS = ['name', 'nip', 'position', 'agency', 'phone', 'email', 'gender', 'role'] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/**
 * Base64 of a file's bytes. No size of its own: every use sets its `.max()` (zod keeps the
 * smallest of several, so a limit here would cap a larger one given at a use).
 */
export const base64Data = z.string({ error: 'invalidType' }).regex(/^[A-Za-z0-9+/]*={0,2}$/, { error: 'invalid' });

export const ColumnMapping = z.strictObject(
  Object.fromEntries(IMPORT_FIELDS.map((f) => [f, z.number().int().min(0).max(500).nullable().optional()])) as Record<
    ImportField,
    z.ZodOptional<z.ZodNullable<z.ZodNumber>>
  >,
);
export type ColumnMapping = z.input<typeof ColumnMapping>;

export const AGENCY_ACTIONS = ['opd', 'new', 'keep'] as const;
export type AgencyAction = (typeof AGENCY_ACTIONS)[number];

/**
 * What to do with an agency of the file that is neither an OPD of the engagement's list nor one of
 * its aliases: it is that OPD (`opd`, optionally saving the file's name as an alias of it), a new
 * OPD to add to the list (`new`), or left as written (`keep`).
 */
export const AgencyChoice = z.strictObject({
  /** The agency as the file writes it (compared like `normalizeAgency`). */
  written: requiredText(LIMITS.shortText),
  action: enumOf(AGENCY_ACTIONS),
  /** With `opd`: the official name of the OPD, as on the list. */
  opd: z.string({ error: 'invalidType' }).max(LIMITS.shortText, { error: 'tooLong' }).optional(),
  /** With `opd`: also save `written` as an alias of that OPD on the engagement's list. */
  saveAlias: z.boolean({ error: 'invalidType' }).default(false),
});
export type AgencyChoice = z.input<typeof AgencyChoice>;

export const ImportRequest = z.strictObject({
  engagementId: idSchema,
  fileName: requiredText(260),
  /** A register file (CSV or XLSX) of up to about 8 MB. */
  data: base64Data.max(11_000_000, { error: 'fileTooLarge' }),
  /** 0-based row index of the header; omitted: detected. */
  headerIndex: z.number().int().min(0).max(100_000).optional(),
  /** Field → 0-based column; omitted: detected from the header names. */
  mapping: ColumnMapping.optional(),
  /** A choice for agencies of the file that match no OPD of the list (see `ImportPreview.unknownAgencies`). */
  agencyChoices: z.array(AgencyChoice).max(LIMITS.agencies, { error: 'tooMany' }).optional(),
});
export type ImportRequest = z.input<typeof ImportRequest>;
/** An import request as the core works on it (parsed at the boundary). */
export type ImportRequestValues = z.output<typeof ImportRequest>;

export const PreviewRow = z.object({
  rowNumber: z.number().int(),
  status: z.enum(['new', 'duplicate', 'invalid']),
  reasons: z.array(z.string()),
  /** The reasons as sentences in the UI language. */
  messages: z.array(z.string()),
  duplicateOf: z.string().optional(),
  values: z.record(z.string(), z.string()),
});
export type PreviewRow = z.output<typeof PreviewRow>;

export const ImportPreview = z.object({
  headerIndex: z.number().int(),
  header: z.array(z.string()),
  mapping: z.record(z.string(), z.number().int().nullable()),
  rows: z.array(PreviewRow),
  counts: z.object({ new: z.number(), duplicate: z.number(), invalid: z.number() }),
  /**
   * Agencies of the file that are no OPD of the engagement's list nor an alias of one (as first
   * written, with how many rows write them), whatever choice was sent for them.
   */
  unknownAgencies: z.array(z.object({ written: z.string(), rows: z.number().int() })),
  /** The official names of the engagement's OPD list, to map them to. */
  opds: z.array(z.string()),
});
export type ImportPreview = z.output<typeof ImportPreview>;

export const ImportResult = z.object({
  created: z.number().int(),
  duplicates: z.number().int(),
  invalid: z.number().int(),
  /** OPDs added to the engagement's list, and aliases saved on it, by the agency choices. */
  opdsAdded: z.number().int(),
  aliasesSaved: z.number().int(),
});

export const FilePayload = z.object({ fileName: z.string(), mime: z.string(), data: z.string() });
export type FilePayload = z.output<typeof FilePayload>;

// ---------------------------------------------------------------- attendance

export const DayRef = z.strictObject({ dayId: idSchema });
export const DayParticipant = z.strictObject({ dayId: idSchema, participantId: idSchema });

/** A PNG signature (base64), at most 1 MB. */
export const signaturePng = base64Data.max(1_400_000, { error: 'fileTooLarge' });

export const CheckInInput = z.strictObject({
  dayId: idSchema,
  participantId: idSchema,
  signature: signaturePng.nullable().default(null),
  /**
   * The person this one represents (diwakili): recorded together with this check-in, and only
   * with a signature — a representative counts as present once they have signed, not before.
   */
  represents: idSchema.nullable().default(null),
  /**
   * Input susulan: the arrival time typed from the paper sheet (`HH:MM`, the engagement's zone, on
   * the day's date) instead of the clock. The facilitator's window only.
   */
  at: clockTime.nullable().default(null),
});

export const SetStatusInput = z
  .strictObject({
    dayId: idSchema,
    participantId: idSchema,
    status: enumOf(ATTENDANCE_STATUSES),
    representedById: idSchema.nullable().default(null),
  })
  .refine((v) => v.status !== 'diwakili' || v.representedById !== null, {
    error: 'representativeRequired',
    path: ['representedById'],
  });

export const AttendanceEntry = z.object({
  participantId: idSchema,
  status: z.enum(ATTENDANCE_STATUSES),
  checkInAt: z.string().nullable(),
  checkOutAt: z.string().nullable(),
  representedById: z.string().nullable(),
  hasSignature: z.boolean(),
  updatedAt: z.string(),
});
export type AttendanceEntry = z.output<typeof AttendanceEntry>;

export const AgencyCount = z.object({ agency: z.string(), present: z.number().int(), expected: z.number().int() });
export type AgencyCount = z.output<typeof AgencyCount>;

export const DaySheet = z.object({
  day: z.object({
    id: idSchema,
    date: z.string(),
    startTime: z.string(),
    endTime: z.string().nullable(),
    index: z.number().int(),
  }),
  workshop: z.object({ id: idSchema, title: z.string(), venue: z.string(), engagementId: idSchema }),
  timeZone: z.enum(['WIB', 'WITA', 'WIT']),
  entries: z.array(AttendanceEntry),
  /**
   * present: people in the room (status hadir; a representative counts, the person represented
   * does not — one seat, one count, as in the daftar hadir). expected: the register.
   */
  counts: z.object({ present: z.number().int(), expected: z.number().int(), byAgency: z.array(AgencyCount) }),
});
export type DaySheet = z.output<typeof DaySheet>;

// ---------------------------------------------------------------- rekap across stages

/** Who came to which stage day of an engagement: people (and OPD) × days, with totals. */
export const Recap = z.object({
  /** Every day of every workshop of the engagement, in date order. */
  days: z.array(
    z.object({
      dayId: idSchema,
      workshopId: idSchema,
      stage: z.string(),
      customStageName: z.string(),
      date: z.string(),
    }),
  ),
  /** The register, each with a status per day (null: nothing recorded, i.e. not present). */
  people: z.array(
    z.object({
      participantId: idSchema,
      name: z.string(),
      agency: z.string(),
      statuses: z.array(z.enum(ATTENDANCE_STATUSES).nullable()),
      /** Present (hadir) on every day. */
      everyDay: z.boolean(),
    }),
  ),
  /** Per OPD: registered, and present per day. */
  byAgency: z.array(z.object({ agency: z.string(), expected: z.number().int(), present: z.array(z.number().int()) })),
  /** Present per day over everyone, and how many came to every day. */
  totals: z.object({
    expected: z.number().int(),
    present: z.array(z.number().int()),
    everyDay: z.number().int(),
  }),
});
export type Recap = z.output<typeof Recap>;

// ---------------------------------------------------------------- letterhead and documents

export const Letterhead = z.object({
  /** Up to three bold centred lines, e.g. "PEMERINTAH KOTA KEDIRI", "DINAS KOMUNIKASI DAN INFORMATIKA". */
  lines: z.array(optionalText(120)).max(3, { error: 'tooMany' }),
  address: optionalText(300),
  contacts: optionalText(300),
});
export type Letterhead = z.output<typeof Letterhead>;

export const DocumentSettings = z.object({
  paper: enumOf(PAPERS),
  fontFamily: requiredText(60),
  fontSizePt: z.number({ error: typeError }).min(9, { error: 'fontSizeRange' }).max(14, { error: 'fontSizeRange' }),
  /** Numbered empty rows at the end of a daftar hadir, for walk-ins. */
  blankRows: z
    .number({ error: typeError })
    .int()
    .min(0, { error: 'blankRowsRange' })
    .max(100, { error: 'blankRowsRange' }),
  /** "semua terdaftar" (default: everyone, with Keterangan) or "hadir saja". */
  listScope: enumOf(LIST_SCOPES),
  /** Whether the No. HP column is printed in the daftar hadir itself. */
  phoneInList: z.boolean({ error: 'invalidType' }),
  /** Whether it is printed in the copy attached to the minutes (personal data, UU 27/2022: off by default). */
  phoneInAnnex: z.boolean({ error: 'invalidType' }),
  /** The minutes' title: regions write "NOTULEN RAPAT" or "NOTULA" (their own *tata naskah dinas*). */
  minutesTitle: enumOf(MINUTES_TITLES),
  /** Page margins in centimetres (regional rules: top 2–3, bottom 2.5–3, left 3–4, right 2–3). */
  margins: z.strictObject({ top: marginCm, bottom: marginCm, left: marginCm, right: marginCm }),
});
export type DocumentSettings = z.output<typeof DocumentSettings>;

export const DEFAULT_LETTERHEAD: Letterhead = { lines: [], address: '', contacts: '' };
export const DEFAULT_DOCUMENT_SETTINGS: DocumentSettings = {
  paper: 'F4',
  fontFamily: 'Arial',
  fontSizePt: 12,
  blankRows: 10,
  listScope: 'all',
  phoneInList: true,
  phoneInAnnex: false,
  minutesTitle: 'NOTULEN RAPAT',
  margins: { top: 2.5, bottom: 2.5, left: 3, right: 2.5 },
};

/** Document settings as stored: settings saved before a field existed take its default. */
export function documentSettingsFrom(stored: Partial<DocumentSettings>): DocumentSettings {
  return { ...DEFAULT_DOCUMENT_SETTINGS, ...stored };
}

/** The facilitator's PIN that closes the self check-in screen: 4 to 8 digits. */
export const KioskPin = z.string({ error: 'invalidType' }).regex(/^\d{4,8}$/, { error: 'invalidPin' });

export const EmblemInput = z.strictObject({
  id: idSchema,
  /** PNG or JPEG as base64; null removes the emblem. */
  image: base64Data.max(3_000_000, { error: 'fileTooLarge' }).nullable(),
});
