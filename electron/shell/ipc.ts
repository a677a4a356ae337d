import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { CALL_CHANNEL, CHANGE_CHANNEL, eventFor, type Role } from '../../shared/contract';
import type { ChangeEvent } from '../../shared/domain';
import type { Result } from '../../shared/errors';
import { DEFAULT_LANGUAGE, type Language } from '../../shared/languages';
import { errorShape } from '../../shared/messages';
import type { Caller } from '../core/handlers';
import { cloneable } from '../core/jobs/raw-json';
import { isAppUrl } from './origin';

/** The core's entry for every transport: name, raw input and the caller the transport established. */
export type Dispatch = (op: unknown, rawInput: unknown, caller: Caller) => Promise<Result<unknown>>;

/** The part of an invoke event the trust and role checks read. */
export type SenderEvent = Pick<IpcMainInvokeEvent, 'senderFrame'> & { sender?: { id: number } };

/**
 * Which role each window has. The shell assigns one when it creates a window (facilitator,
 * self check-in, projector); a window it never assigned has none and is refused everything.
 */
export function createWindowRoles() {
  const roles = new Map<number, Role>();
  return {
    /** Give a window its role for as long as its contents live. */
    assign(
      contents: { readonly id: number; once(event: 'destroyed', listener: () => void): unknown },
      role: Role,
    ): void {
      roles.set(contents.id, role);
      contents.once('destroyed', () => roles.delete(contents.id));
    },
    roleOf(contents: { id: number } | undefined | null): Role | null {
      return contents ? (roles.get(contents.id) ?? null) : null;
    },
  };
}
export type WindowRoles = ReturnType<typeof createWindowRoles>;

export interface RegisterIpcOptions {
  /** Whether the sending frame is one of the app's pages. */
  isTrusted?: (event: SenderEvent) => boolean;
  /** Language of the refusal messages. */
  language?: () => Language;
  /** Where unexpected failures are written (the main-process log). */
  log?: (message: string, error?: unknown) => void;
}

/**
 * A sender is trusted when the frame that sent the message is a page of the app origin. A frame
 * that navigated away or was destroyed (`senderFrame` null) is not.
 */
export function isTrustedSender(event: SenderEvent): boolean {
  return isAppUrl(senderUrl(event));
}

/** The sender frame's URL, or null when the frame is gone (reading a disposed frame throws). */
function senderUrl(event: SenderEvent): string | null {
  try {
    return event.senderFrame?.url ?? null;
  } catch {
    return null;
  }
}

const forbidden = (language: Language, reason: 'untrustedSender' | 'noRole'): Result<never> => ({
  ok: false,
  error: errorShape(language, 'FORBIDDEN', 'untrustedSender', { reason }),
});

const internal = (language: Language): Result<never> => ({
  ok: false,
  error: errorShape(language, 'INTERNAL', 'internal'),
});

/**
 * Register the one IPC handler through which every contract operation is called:
 * `invoke(CALL_CHANNEL, op, input)`. It checks the sender frame, looks up the sending window's
 * role and hands both to the core, which checks the name, the role and the input. Nothing is ever
 * thrown back to the renderer. Returns the function that removes the handler again.
 */
export function registerIpc(
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>,
  dispatch: Dispatch,
  roles: Pick<WindowRoles, 'roleOf'>,
  opts: RegisterIpcOptions = {},
): () => void {
  const isTrusted = opts.isTrusted ?? isTrustedSender;
  const language = () => {
    try {
      return opts.language?.() ?? DEFAULT_LANGUAGE;
    } catch {
      return DEFAULT_LANGUAGE;
    }
  };
  const log = opts.log ?? ((m: string, e?: unknown) => console.error(`[bimtek] ${m}`, e ?? ''));
  ipcMain.handle(CALL_CHANNEL, async (event: IpcMainInvokeEvent, op: unknown, input: unknown) => {
    const name = typeof op === 'string' ? op.slice(0, 100) : '?';
    try {
      if (!isTrusted(event)) {
        log(`${name}: refused a call from an untrusted frame (${senderUrl(event) ?? 'gone'})`);
        return forbidden(language(), 'untrustedSender');
      }
      const role = roles.roleOf(event.sender);
      if (!role) {
        log(`${name}: refused a call from a window without a role`);
        return forbidden(language(), 'noRole');
      }
      const r = await dispatch(op, input, { role, key: `window:${event.sender.id}` });
      // IPC copies answers by structured clone: an answer a worker serialised is parsed here.
      return r.ok ? { ok: true, value: cloneable(r.value) } : r;
    } catch (e) {
      log(`${name}: handler threw`, e);
      return internal(language());
    }
  });
  return () => ipcMain.removeHandler(CALL_CHANNEL);
}

/** The part of WebContents change forwarding uses. */
export type ChangeTarget = Pick<WebContents, 'send' | 'isDestroyed' | 'getURL'> & { id: number };

/**
 * Send every change event to every live app page on `CHANGE_CHANNEL`, as that window's role may see
 * it (`eventFor`: a projector gets no personal data, a window without a role gets nothing). A page
 * that is gone or not ours is skipped; one failing window does not stop the rest.
 */
export function forwardChanges(
  bus: { subscribe(cb: (e: ChangeEvent) => void): () => void },
  targets: () => ChangeTarget[],
  roles: Pick<WindowRoles, 'roleOf'>,
): () => void {
  return bus.subscribe((event) => {
    for (const wc of targets()) {
      try {
        if (wc.isDestroyed() || !isAppUrl(wc.getURL())) continue;
        const role = roles.roleOf(wc);
        const visible = role ? eventFor(role, event) : null;
        if (visible) wc.send(CHANGE_CHANNEL, visible);
      } catch {
        // The window closed between the check and the send.
      }
    }
  });
}
