import type { z } from 'zod';
import { contract, isOpName, type Contract, type OpName, type OpOutput } from '../../shared/contract';
import type { AppInfo, ChangeEvent } from '../../shared/domain';
import { AppError, type Result } from '../../shared/errors';
import { errorShape } from '../../shared/messages';
import type { Language } from '../../shared/languages';
import { toFieldIssues } from '../../shared/validation';

type ParsedInput<K extends OpName> = z.output<Contract[K]['input']>;

/** What an implementation returns: the value, and the change events its commit produced. */
export interface Outcome<T> {
  value: T;
  events?: ChangeEvent[];
}

/** One implementation per contract operation, working on already-parsed input. */
export type Implementations = {
  [K in OpName]: (
    input: ParsedInput<K>,
  ) => OpOutput<K> | Outcome<OpOutput<K>> | Promise<OpOutput<K> | Outcome<OpOutput<K>>>;
};

export type Handler = (rawInput: unknown) => Promise<Result<unknown>>;
export type HandlerMap = { [K in OpName]: (rawInput: unknown) => Promise<Result<OpOutput<K>>> };

export interface HandlerDeps {
  /** The implementations; null when the store could not be opened (only app.info and settings work). */
  impl: Partial<Implementations> | null;
  language(): Language;
  emit(event: ChangeEvent): void;
  log(message: string, error?: unknown): void;
}

const isOutcome = (v: unknown): v is Outcome<unknown> =>
  !!v && typeof v === 'object' && 'value' in v && Object.keys(v).every((k) => k === 'value' || k === 'events');

/**
 * Build the handler map: parse input with the contract's schema, run the implementation, emit its
 * events, and return a result envelope. Nothing is ever thrown across the boundary.
 */
export function createHandlers(
  deps: HandlerDeps,
): HandlerMap & { dispatch(name: unknown, raw: unknown): Promise<Result<unknown>> } {
  const fail = (
    code: AppError['code'],
    key: string,
    details?: AppError['details'],
    params?: AppError['params'],
  ): Result<never> => ({ ok: false, error: errorShape(deps.language(), code, key, details, params) });

  const run = async (name: OpName, raw: unknown): Promise<Result<unknown>> => {
    const def = contract[name];
    const parsed = def.input.safeParse(raw ?? {});
    if (!parsed.success) {
      return fail('VALIDATION', 'invalidInput', { issues: toFieldIssues(parsed.error) });
    }
    const impl = deps.impl?.[name] as ((i: unknown) => unknown) | undefined;
    if (!impl) return fail('STORE_UNAVAILABLE', 'storeUnavailable');
    try {
      const out = await impl(parsed.data);
      const { value, events } = isOutcome(out) ? out : { value: out, events: undefined };
      for (const e of events ?? []) deps.emit(e);
      return { ok: true, value };
    } catch (e) {
      if (e instanceof AppError) return fail(e.code, e.messageKey, e.details, e.params);
      const code = (e as { code?: string }).code ?? '';
      if (code.startsWith('SQLITE_CONSTRAINT')) {
        deps.log(`${name}: constraint`, e);
        return fail('CONFLICT', 'internal');
      }
      if (/^(SQLITE_(IOERR|FULL|READONLY|CANTOPEN)|E[A-Z]+$)/.test(code)) {
        deps.log(`${name}: io`, e);
        return fail('IO', 'dbIo');
      }
      deps.log(`${name}: internal`, e);
      return fail('INTERNAL', 'internal');
    }
  };

  const map = {} as Record<OpName, Handler>;
  for (const name of Object.keys(contract) as OpName[]) map[name] = (raw) => run(name, raw);
  return Object.assign(map as HandlerMap, {
    dispatch(name: unknown, raw: unknown) {
      if (!isOpName(name)) return Promise.resolve(fail('UNKNOWN_OPERATION', 'unknownOperation'));
      return run(name, raw);
    },
  });
}

export type AppInfoSource = () => AppInfo;
