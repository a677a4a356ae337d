import type { CHANGE_CHANNEL, ipcChannel, OpName } from './contract';
import type { ChangeEvent } from './domain';
import type { Result } from './errors';

/**
 * What the Electron preload exposes to the renderer as `window.bimtek`: the contract's operations
 * and the change feed, nothing else (never `ipcRenderer`).
 */
export interface BimtekBridge {
  mode: 'electron';
  /** Run an operation. An unknown name resolves to an `UNKNOWN_OPERATION` envelope without IPC. */
  call(op: OpName, input: unknown): Promise<Result<unknown>>;
  /** Listen to change events from the main process; returns the function that stops listening. */
  onChange(cb: (e: ChangeEvent) => void): () => void;
  /** One function per contract operation, the same as `call(op, input)`. */
  ops: Record<OpName, (input: unknown) => Promise<Result<unknown>>>;
}

/**
 * The operation names the preload exposes. Kept here as plain strings (not derived from
 * `shared/contract.ts` at run time) so the sandboxed preload does not bundle zod — about 450 KB
 * that every window would parse. The checks below and tests/unit/shell/preload.test.ts keep it
 * equal to the contract.
 */
export const BRIDGE_OPS = [
  'app.info',
  'settings.get',
  'settings.update',
  'engagements.list',
  'engagements.get',
  'engagements.create',
  'engagements.update',
  'engagements.delete',
  'engagements.restore',
  'workshops.list',
  'workshops.get',
  'workshops.create',
  'workshops.update',
  'workshops.delete',
  'workshops.restore',
] as const satisfies readonly OpName[];

/** Fails to type-check when the contract gains an operation that `BRIDGE_OPS` does not list. */
export const BRIDGE_OPS_COMPLETE: [Exclude<OpName, (typeof BRIDGE_OPS)[number]>] extends [never] ? true : never = true;

/** The IPC channel of an operation; the same string as `ipcChannel` in the contract. */
export const bridgeChannel = (op: OpName): ReturnType<typeof ipcChannel> => `bimtek:${op}`;

/** The channel of change events; its type is the contract's literal, so a rename fails to compile. */
export const BRIDGE_CHANGE_CHANNEL: typeof CHANGE_CHANNEL = 'bimtek:change';
