import { z } from 'zod';
import {
  AttendanceEntry,
  CheckInInput,
  DayParticipant,
  DayRef,
  DaySheet,
  EmblemInput,
  FilePayload,
  ImportPreview,
  ImportRequest,
  ImportResult,
  Participant,
  ParticipantInput,
  ParticipantPatch,
  SetStatusInput,
} from './attendance';
import {
  AppInfo,
  AppSettings,
  AppSettingsPatch,
  Engagement,
  EngagementInput,
  EngagementPatch,
  EngagementSummary,
  idSchema,
  Workshop,
  WorkshopInput,
  WorkshopPatch,
} from './domain';

/**
 * The contract: every operation named once with its input and output schema.
 * The preload, IPC handlers, HTTP routes, renderer client and tests all derive from this map.
 */
export interface OperationDef<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
  /** A mutation commits to the store and emits a change event. */
  kind: 'query' | 'mutation';
  summary: string;
}

const op = <I extends z.ZodType, O extends z.ZodType>(
  kind: OperationDef['kind'],
  input: I,
  output: O,
  summary: string,
): OperationDef<I, O> => ({ kind, input, output, summary });

const Empty = z.strictObject({});
const ById = z.strictObject({ id: idSchema });
const Deleted = z.object({ id: idSchema });

export const contract = {
  /** Name, version, schema version and the state of the data file (ready, or why it failed). */
  'app.info': op('query', Empty, AppInfo, 'About the running app and its data file'),

  /** The user's preferences (UI language). */
  'settings.get': op('query', Empty, AppSettings, 'Read the preferences'),
  /** Change preferences; the choice persists across restarts. */
  'settings.update': op('mutation', AppSettingsPatch, AppSettings, 'Change preferences'),

  /** Engagements (pendampingan) that are not deleted, newest first, with their workshop count. */
  'engagements.list': op('query', Empty, z.array(EngagementSummary), 'List engagements'),
  /** One engagement by id. */
  'engagements.get': op('query', ById, Engagement, 'Read one engagement'),
  /** Create an engagement for a region. */
  'engagements.create': op('mutation', EngagementInput, Engagement, 'Create an engagement'),
  /** Change some fields of an engagement (autosave sends one field at a time). */
  'engagements.update': op(
    'mutation',
    z.strictObject({ id: idSchema, patch: EngagementPatch }),
    Engagement,
    'Edit an engagement',
  ),
  /** Move an engagement and its workshops to the bin; `engagements.restore` undoes it. */
  'engagements.delete': op('mutation', ById, Deleted, 'Delete an engagement (undoable)'),
  /** Bring a deleted engagement back. */
  'engagements.restore': op('mutation', ById, Engagement, 'Undo an engagement delete'),

  /** Workshops of an engagement that are not deleted, by first day. */
  'workshops.list': op(
    'query',
    z.strictObject({ engagementId: idSchema }),
    z.array(Workshop),
    'List the workshops of an engagement',
  ),
  /** One workshop by id, with its days. */
  'workshops.get': op('query', ById, Workshop, 'Read one workshop'),
  /** Create a workshop (one Bimtek stage) with at least one day. */
  'workshops.create': op('mutation', WorkshopInput, Workshop, 'Create a workshop'),
  /** Change some fields of a workshop; `days` replaces the list, keeping days by id. */
  'workshops.update': op(
    'mutation',
    z.strictObject({ id: idSchema, patch: WorkshopPatch }),
    Workshop,
    'Edit a workshop',
  ),
  /** Move a workshop to the bin; `workshops.restore` undoes it. */
  'workshops.delete': op('mutation', ById, Deleted, 'Delete a workshop (undoable)'),
  /** Bring a deleted workshop back. */
  'workshops.restore': op('mutation', ById, Workshop, 'Undo a workshop delete'),

  /** Set or remove the regional emblem of the engagement's letterhead (PNG/JPEG, base64). */
  'engagements.setEmblem': op('mutation', EmblemInput, Engagement, 'Set the letterhead emblem'),
  /** The emblem as a data URL, for the settings preview. */
  'engagements.emblem': op('query', ById, z.object({ dataUrl: z.string().nullable() }), 'Read the letterhead emblem'),
  /** Whether a PIN is the facilitator's PIN that closes the self check-in screen. */
  'engagements.verifyPin': op(
    'query',
    z.strictObject({ id: idSchema, pin: z.string().max(20) }),
    z.object({ ok: z.boolean() }),
    'Check the self check-in PIN',
  ),

  /** The participant register of an engagement, by name. */
  'participants.list': op(
    'query',
    z.strictObject({ engagementId: idSchema }),
    z.array(Participant),
    'List the register',
  ),
  /** Add a person to the register (by hand, or a walk-in at the door). */
  'participants.create': op('mutation', ParticipantInput, Participant, 'Add a person'),
  /** Change some fields of a person. */
  'participants.update': op(
    'mutation',
    z.strictObject({ id: idSchema, patch: ParticipantPatch }),
    Participant,
    'Edit a person',
  ),
  /** Remove a person from the register (undoable with `participants.restore`). */
  'participants.delete': op('mutation', ById, Participant, 'Remove a person (undoable)'),
  /** Bring a removed person back. */
  'participants.restore': op('mutation', ById, Participant, 'Undo a removal'),
  /** Merge a duplicate into a survivor; check-ins and signatures follow the survivor. */
  'participants.merge': op(
    'mutation',
    z.strictObject({ survivorId: idSchema, duplicateId: idSchema }),
    Participant,
    'Merge two records of one person',
  ),
  /** Read a CSV/XLSX file and say, row by row, what an import would do. Writes nothing. */
  'participants.importPreview': op('query', ImportRequest, ImportPreview, 'Preview an import'),
  /** Import the new rows of a file in one transaction (duplicates and invalid rows are skipped). */
  'participants.importCommit': op(
    'mutation',
    ImportRequest.extend({ headerIndex: z.number().int().min(0), mapping: ImportRequest.shape.mapping.unwrap() }),
    ImportResult,
    'Import a file',
  ),
  /** The register as a CSV (semicolon, BOM) or XLSX file. */
  'participants.export': op(
    'query',
    z.strictObject({ engagementId: idSchema, format: z.enum(['csv', 'xlsx'], { error: 'invalid' }) }),
    FilePayload,
    'Export the register',
  ),

  /** A workshop day's attendance: entries and live counts (present / expected, by agency). */
  'attendance.day': op('query', DayRef, DaySheet, 'Attendance of a day'),
  /** Check a person in (present now), optionally with a signature PNG. */
  'attendance.checkIn': op('mutation', CheckInInput, AttendanceEntry, 'Check in'),
  /** Set izin / sakit / diwakili (with the representative) / tidak hadir / hadir. */
  'attendance.setStatus': op('mutation', SetStatusInput, AttendanceEntry, 'Set attendance status'),
  /** Record the time a present person leaves. */
  'attendance.checkOut': op('mutation', DayParticipant, AttendanceEntry, 'Check out'),
  /** Store or redo the signature of a present person; an empty pad is refused. */
  'attendance.setSignature': op(
    'mutation',
    z.strictObject({
      dayId: idSchema,
      participantId: idSchema,
      signature: CheckInInput.shape.signature.unwrap().unwrap(),
    }),
    AttendanceEntry,
    'Sign',
  ),
  /** A person's signature of a day as a data URL (shown only on the check-in screen). */
  'attendance.signature': op('query', DayParticipant, z.object({ dataUrl: z.string().nullable() }), 'Read a signature'),

  /** The daftar hadir of a workshop day as DOCX; `blank` is the printable paper fallback. */
  'documents.attendanceList': op(
    'query',
    z.strictObject({ dayId: idSchema, blank: z.boolean().default(false) }),
    FilePayload,
    'Export the attendance list',
  ),
} as const satisfies Record<string, OperationDef>;

export type Contract = typeof contract;
export type OpName = keyof Contract;
export type OpInput<K extends OpName> = z.input<Contract[K]['input']>;
export type OpOutput<K extends OpName> = z.output<Contract[K]['output']>;

export const OP_NAMES = Object.keys(contract) as OpName[];

export function isOpName(name: unknown): name is OpName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}

/** IPC channel of an operation. */
export const ipcChannel = (name: OpName) => `bimtek:${name}` as const;
/** IPC channel on which the main process pushes change events to every window. */
export const CHANGE_CHANNEL = 'bimtek:change';
