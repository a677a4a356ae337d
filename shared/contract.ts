import { z } from 'zod';
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
