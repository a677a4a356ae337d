import { z } from 'zod';
import { FilePayload } from '../attendance';
import type { ChangeEvent } from '../domain';
import { agendaOps } from './agenda';
import { appOps } from './app';
import { attendanceOps } from './attendance';
import { backupOps } from './backups';
import { type OperationDef, type Role } from './define';
import { documentOps } from './documents';
import { engagementOps } from './engagements';
import { followupOps } from './followups';
import { groupOps } from './groups';
import { minutesOps } from './minutes';
import { packageOps } from './packages';
import { participantOps } from './participants';
import { storeOps } from './store';
import { UploadRef } from './uploads';
import { workshopOps } from './workshops';

export { EVERY_ROLE, isRole, ROLES, type OperationDef, type Role } from './define';
export { UploadRef } from './uploads';

/**
 * The contract: every operation named once, composed from one slice per feature area
 * (`shared/contract/<area>.ts`). The IPC channel, HTTP route, role checks, change events, the
 * renderer's typed client and refetch rules, and the boundary tests all derive from this map.
 */
export const contract = {
  ...appOps,
  ...engagementOps,
  ...workshopOps,
  ...agendaOps,
  ...groupOps,
  ...followupOps,
  ...minutesOps,
  ...participantOps,
  ...attendanceOps,
  ...documentOps,
  ...storeOps,
  ...backupOps,
  ...packageOps,
} satisfies Record<string, OperationDef>;

export type Contract = typeof contract;
export type OpName = keyof Contract;
export type OpInput<K extends OpName> = z.input<Contract[K]['input']>;
export type OpOutput<K extends OpName> = z.output<Contract[K]['output']>;

export const OP_NAMES = Object.keys(contract) as OpName[];

export function isOpName(name: unknown): name is OpName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}

/** The definition of an operation, typed loosely for code that handles every operation alike. */
export const opDef = (name: OpName): OperationDef => contract[name] as unknown as OperationDef;

/** The names of the operations that make a file, as a type: the same rule as `FILE_OPS`. */
export type FileOpName = { [K in OpName]: Contract[K]['output'] extends typeof FilePayload ? K : never }[OpName];

/** The operations that make a file (an export): their answer is a `FilePayload`. */
export const FILE_OPS: readonly OpName[] = OP_NAMES.filter((n) => opDef(n).output === FilePayload);

/**
 * The operations that take a file by reference (their input has a `file` field that is an
 * `UploadRef`): browser mode streams the file to `POST /upload/<op>` and the host names it by token.
 */
export const UPLOAD_OPS: readonly OpName[] = OP_NAMES.filter((n) => {
  const input = opDef(n).input as unknown as { shape?: Record<string, unknown> };
  return input.shape?.file === UploadRef;
});

/** Whether a caller of `role` may call `name`. */
export const mayCall = (role: Role, name: OpName): boolean => opDef(name).roles.includes(role);

/** The operations a role may call (derived; used by transports and tests). */
export const opsFor = (role: Role): OpName[] => OP_NAMES.filter((n) => mayCall(role, n));

/**
 * Whether a change event concerns an open query `name` with `input`: its entity is one the query
 * reads, and the event's scope (engagement, workshop, day, the record itself) does not exclude the
 * query's. One rule for every query, so a new query gets its refetch rule from its `reads`.
 */
export function affects(name: OpName, input: unknown, e: ChangeEvent): boolean {
  const def = opDef(name);
  if (!def.reads.includes(e.entity)) return false;
  const scope = (input ?? {}) as Record<string, unknown>;
  const differs = (key: 'engagementId' | 'workshopId' | 'dayId' | 'groupId') =>
    typeof scope[key] === 'string' && typeof e[key] === 'string' && scope[key] !== e[key];
  if (differs('engagementId') || differs('workshopId') || differs('dayId') || differs('groupId')) return false;
  // `X.get({ id })` follows its own record only.
  if (typeof scope.id === 'string' && e.entity === def.reads[0] && e.id !== '*' && e.id !== scope.id) return false;
  return true;
}

/**
 * What a change event looks like to a window of `role`: dropped when the role may call no query
 * that reads its entity. Its record goes only to a role that may call a query answering with that
 * entity's records (the query's `reads[0]`), filtered as that answer would be; any other role gets
 * the event without the record (its views reload through their own queries and filters). A paired
 * group device gets its own group's events only.
 */
export function eventFor(role: Role, e: ChangeEvent, scope: { groupId?: string | null } = {}): ChangeEvent | null {
  if (role === 'facilitator') return e;
  // A paired device hears of its own group only (its token names the group: `scope.groupId`).
  if (role === 'group-device' && (e.groupId !== undefined || e.entity === 'group' || e.entity === 'output'))
    if (!scope.groupId || e.groupId !== scope.groupId) return null;
  const allowed = opsFor(role).map(opDef);
  if (!allowed.some((d) => d.reads.includes(e.entity))) return null;
  if (e.record === undefined) return e;
  const owner = allowed.find((d) => d.reads[0] === e.entity);
  if (!owner) {
    const { record: _record, ...rest } = e;
    return rest;
  }
  if (!owner.redact) return e;
  // Redactors work on the query's answer: a record is run through as a one-element list when the
  // answer is a list.
  const redacted =
    owner.output instanceof z.ZodArray
      ? (owner.redact([e.record], role) as unknown[])[0]
      : owner.redact(e.record, role);
  return { ...e, record: redacted };
}

/** IPC channel through which every operation is called: `invoke(CALL_CHANNEL, op, input)`. */
export const CALL_CHANNEL = 'bimtek:call';
/** IPC channel on which the main process pushes change events to every window. */
export const CHANGE_CHANNEL = 'bimtek:change';

/**
 * Browser mode: the header (or `?role=` on the event stream) by which a page of this machine says
 * which role it plays. It can only narrow what the page may do: a request from another device is a
 * `room-device` whatever it says, and a page on this machine could act as the facilitator anyway.
 */
export const ROLE_HEADER = 'x-bimtek-role';

/**
 * The header (or `?device=` on the event stream) carrying a paired device's token: a call with it is
 * a `group-device` call, limited to the group the token was issued for.
 */
export const DEVICE_HEADER = 'x-bimtek-device';
