import type { z } from 'zod';
import { contract, isOpName, opDef, type Contract, type OpName, type OpOutput, type Role } from '../../shared/contract';
import type { AppInfo, ChangeEvent } from '../../shared/domain';
import { AppError, type Result } from '../../shared/errors';
import { errorShape } from '../../shared/messages';
import type { Language } from '../../shared/languages';
import { toFieldIssues } from '../../shared/validation';
import { rawJsonOf } from './jobs/raw-json';

type ParsedInput<K extends OpName> = z.output<Contract[K]['input']>;

/**
 * Who is calling, as the transport established it (never as the caller claims it): the role of the
 * window or page, and a key that tells callers apart (a window, a remote address) for rate limits.
 */
export interface Caller {
  role: Role;
  /** e.g. `window:3`, `http:127.0.0.1`, `remote:192.168.1.20`. */
  key: string;
  /** A paired device's token (role `group-device`): the core resolves it to the one group it may use. */
  device?: string;
}

/** The facilitator's own window; what in-process callers (the menu, tests) act as. */
export const FACILITATOR: Caller = { role: 'facilitator', key: 'main' };

/** What an implementation returns: the value, and the change events its commit produced. */
export interface Outcome<T> {
  value: T;
  events?: ChangeEvent[];
}

/** The implementation of one operation, on already-parsed input. */
export type Implementation<K extends OpName> = (
  input: ParsedInput<K>,
  caller: Caller,
) => OpOutput<K> | Outcome<OpOutput<K>> | Promise<OpOutput<K> | Outcome<OpOutput<K>>>;

/** One implementation per contract operation. Each area's `app.ts` provides its slice. */
export type Implementations = { [K in OpName]: Implementation<K> };

/** The implementations of the operations of one contract slice. */
export type SliceImplementations<S> = { [K in keyof S & OpName]: Implementation<K> };

export type Handler = (rawInput: unknown, caller?: Caller) => Promise<Result<unknown>>;
export type HandlerMap = { [K in OpName]: (rawInput: unknown, caller?: Caller) => Promise<Result<OpOutput<K>>> };

export interface HandlerDeps {
  /** The implementations; null when the store could not be opened (only app.info and settings work). */
  impl: Partial<Implementations> | null;
  language(): Language;
  emit(event: ChangeEvent): void;
  log(message: string, error?: unknown): void;
}

const isOutcome = (v: unknown): v is Outcome<unknown> =>
  !!v &&
  typeof v === 'object' &&
  rawJsonOf(v) === null &&
  'value' in v &&
  Object.keys(v).every((k) => k === 'value' || k === 'events');

/**
 * Build the handler map: check the caller's role against the contract, parse input with the
 * contract's schema, run the implementation, emit its events, filter the answer for the caller's
 * role, and return a result envelope. Nothing is ever thrown across the boundary. Every transport
 * (IPC, HTTP, in-process) passes through here, so the policy holds for all of them.
 */
export function createHandlers(
  deps: HandlerDeps,
): HandlerMap & { dispatch(name: unknown, raw: unknown, caller?: Caller): Promise<Result<unknown>> } {
  const fail = (
    code: AppError['code'],
    key: string,
    details?: AppError['details'],
    params?: AppError['params'],
  ): Result<never> => ({ ok: false, error: errorShape(deps.language(), code, key, details, params) });

  const run = async (name: OpName, raw: unknown, caller: Caller): Promise<Result<unknown>> => {
    const def = opDef(name);
    if (!def.roles.includes(caller.role)) {
      const key = caller.role === 'room-device' ? 'roomNetworkForbidden' : 'forbiddenForRole';
      return fail('FORBIDDEN', key, { role: caller.role });
    }
    const parsed = def.input.safeParse(raw ?? {});
    if (!parsed.success) {
      return fail('VALIDATION', 'invalidInput', { issues: toFieldIssues(parsed.error) });
    }
    const impl = deps.impl?.[name] as ((i: unknown, c: Caller) => unknown) | undefined;
    if (!impl) return fail('STORE_UNAVAILABLE', 'storeUnavailable');
    try {
      const out = await impl(parsed.data, caller);
      const { value, events } = isOutcome(out) ? out : { value: out, events: undefined };
      for (const e of events ?? []) {
        // The contract says which entities an operation changes; an undeclared event would reach
        // windows whose refetch rules never expect it.
        if (!def.changes.includes(e.entity)) deps.log(`${name}: emitted an undeclared '${e.entity}' event`);
        deps.emit(e);
      }
      return { ok: true, value: def.redact && caller.role !== 'facilitator' ? def.redact(value, caller.role) : value };
    } catch (e) {
      if (e instanceof AppError) return fail(e.code, e.messageKey, e.details, e.params);
      const code = (e as { code?: string }).code ?? '';
      if (code.startsWith('SQLITE_CONSTRAINT')) {
        deps.log(`${name}: constraint`, e);
        return fail('CONFLICT', 'internal');
      }
      if (/^(SQLITE_(IOERR|FULL|READONLY|CANTOPEN)|E[A-Z]+$)/.test(code)) {
        deps.log(`${name}: io`, e);
        return fail('IO', ioKey(code));
      }
      deps.log(`${name}: internal`, e);
      return fail('INTERNAL', 'internal');
    }
  };

  const map = {} as Record<OpName, Handler>;
  for (const name of Object.keys(contract) as OpName[])
    map[name] = (raw, caller = FACILITATOR) => run(name, raw, caller);
  return Object.assign(map as HandlerMap, {
    /** Run an operation named by a transport; an unknown name is `UNKNOWN_OPERATION`. */
    dispatch(name: unknown, raw: unknown, caller: Caller = FACILITATOR) {
      if (!isOpName(name)) return Promise.resolve(fail('UNKNOWN_OPERATION', 'unknownOperation'));
      return run(name, raw, caller);
    },
  });
}

export type AppInfoSource = () => AppInfo;

/**
 * What a failed write tells the user: the disk is full, the folder became read-only (a flash disk
 * pulled or locked), the folder is gone; otherwise that the file cannot be read or written. Each
 * says the edit is kept and sent again.
 */
export function ioKey(code: string): 'diskFull' | 'dbReadonlyNow' | 'dbVanished' | 'dbIo' {
  if (code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'EDQUOT') return 'diskFull';
  if (code.startsWith('SQLITE_READONLY') || code === 'EROFS' || code === 'EACCES' || code === 'EPERM')
    return 'dbReadonlyNow';
  if (code.startsWith('SQLITE_CANTOPEN') || code === 'ENOENT' || code === 'SQLITE_IOERR_DELETE_NOENT')
    return 'dbVanished';
  return 'dbIo';
}
