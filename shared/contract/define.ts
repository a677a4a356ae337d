import { z } from 'zod';
import { idSchema, type ChangeEvent, type Entity } from '../domain';

/**
 * Who is calling. Every Electron window and every browser-mode page has one; the core refuses any
 * operation outside the caller's role with `FORBIDDEN`, whichever transport the call came through.
 * - `facilitator`: the mentor's own window: everything.
 * - `projector`: the room's screen: read-only, no personal data.
 * - `kiosk`: the self check-in screen (a second screen of the laptop, or a page in self check-in mode).
 * - `room-device`: another device on the room network (a tablet at the door).
 * - `group-device`: a device paired with one group (a group's laptop or phone), by the token it got
 *   for a pairing code: its own group's outputs and nothing else — no register, no other group.
 */
export const ROLES = ['facilitator', 'projector', 'kiosk', 'room-device', 'group-device'] as const;
export type Role = (typeof ROLES)[number];

export const isRole = (v: unknown): v is Role => typeof v === 'string' && (ROLES as readonly string[]).includes(v);

/** Role sets used by the contract slices. */
export const ONLY_FACILITATOR = ['facilitator'] as const satisfies readonly Role[];
export const EVERY_ROLE = ROLES;
/** A group's output: the facilitator's laptop and the group's own paired device. */
export const GROUP_OUTPUT = ['facilitator', 'group-device'] as const satisfies readonly Role[];
/** The self check-in page: the facilitator, the kiosk window, a tablet on the room network. */
export const SELF_CHECKIN = ['facilitator', 'kiosk', 'room-device'] as const satisfies readonly Role[];
/**
 * Every screen, for reads that carry no personal data (or redact it): the workshop, its
 * engagement, a day's attendance counts. The facilitator, the projector and self check-in need them.
 */
export const SCREENS = ['facilitator', 'projector', 'kiosk', 'room-device'] as const satisfies readonly Role[];

/**
 * One operation of the contract. Everything about an operation is declared here once; the IPC
 * channel, HTTP route, role checks, change events, the renderer's client and refetch rules, and the
 * boundary tests are derived from it.
 */
export interface OperationDef<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  /** A query reads; a mutation commits to the store and emits change events. */
  kind: 'query' | 'mutation';
  input: I;
  output: O;
  /** Who may call it (checked in the core for IPC and HTTP alike). */
  roles: readonly Role[];
  /** Mutations: the entities whose change events it may emit (the core checks every emitted event). */
  changes: readonly Entity[];
  /** Queries: the entities it reads; a change event of one of them makes an open view refresh or patch. */
  reads: readonly Entity[];
  /**
   * What a caller of a role other than facilitator receives: personal data removed or masked.
   * Runs in the core on the value before it crosses the boundary.
   */
  redact?: (value: z.output<O>, role: Role) => z.output<O>;
  /**
   * Queries: bring an open view up to date from a change event that carries its record, without
   * asking the store again. Returns undefined when the event cannot be applied (the view reloads).
   */
  patch?: (value: z.output<O>, event: ChangeEvent, input: z.output<I>) => z.output<O> | undefined;
}

/** A query: reads `reads`, callable by `roles`. */
export function query<I extends z.ZodType, O extends z.ZodType>(def: {
  input: I;
  output: O;
  roles: readonly Role[];
  reads: readonly Entity[];
  redact?: OperationDef<I, O>['redact'];
  patch?: OperationDef<I, O>['patch'];
}): OperationDef<I, O> {
  return { kind: 'query', changes: [], ...def };
}

/** A mutation: may emit change events of `changes`, callable by `roles`. */
export function mutation<I extends z.ZodType, O extends z.ZodType>(def: {
  input: I;
  output: O;
  roles: readonly Role[];
  changes: readonly Entity[];
  redact?: OperationDef<I, O>['redact'];
}): OperationDef<I, O> {
  return { kind: 'mutation', reads: [], ...def };
}

export const Empty = z.strictObject({});
export const ById = z.strictObject({ id: idSchema });
export const Deleted = z.object({ id: idSchema });
