import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { CHANGE_CHANNEL, ipcChannel, OP_NAMES, type OpName } from '../../shared/contract';
import type { ChangeEvent } from '../../shared/domain';
import type { Result } from '../../shared/errors';
import { DEFAULT_LANGUAGE, type Language } from '../../shared/languages';
import { errorMessage } from '../../shared/messages';
import { isAppUrl } from './origin';

/** One handler per contract operation (the backend's handler map satisfies it). */
export type IpcHandlers = Record<OpName, (rawInput: unknown) => Promise<Result<unknown>>>;

/** The part of an invoke event the trust check reads. */
export type SenderEvent = Pick<IpcMainInvokeEvent, 'senderFrame'>;

export interface RegisterIpcOptions {
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

const refusal = (language: Language): Result<never> => ({
  ok: false,
  error: {
    code: 'VALIDATION',
    message: errorMessage(language, 'unknownOperation'),
    details: { reason: 'untrustedSender' },
  },
});

const internal = (language: Language): Result<never> => ({
  ok: false,
  error: { code: 'INTERNAL', message: errorMessage(language, 'internal') },
});

/**
 * Register one `ipcMain.handle` per contract operation on `ipcChannel(op)`. Each checks the
 * sender, then returns the handler's result envelope; nothing is ever thrown back to the
 * renderer. Returns the function that removes every handler again.
 */
export function registerIpc(
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>,
  handlers: IpcHandlers,
  isTrusted: (event: IpcMainInvokeEvent) => boolean = isTrustedSender,
  opts: RegisterIpcOptions = {},
): () => void {
  const language = () => {
    try {
      return opts.language?.() ?? DEFAULT_LANGUAGE;
    } catch {
      return DEFAULT_LANGUAGE;
    }
  };
  const log = opts.log ?? ((m: string, e?: unknown) => console.error(`[bimtek] ${m}`, e ?? ''));
  for (const op of OP_NAMES) {
    ipcMain.handle(ipcChannel(op), async (event, input: unknown) => {
      try {
        if (!isTrusted(event)) {
          log(`${op}: refused a call from an untrusted frame (${senderUrl(event) ?? 'gone'})`);
          return refusal(language());
        }
        return await handlers[op](input);
      } catch (e) {
        log(`${op}: handler threw`, e);
        return internal(language());
      }
    });
  }
  return () => {
    for (const op of OP_NAMES) ipcMain.removeHandler(ipcChannel(op));
  };
}

/** The part of WebContents change forwarding uses. */
export type ChangeTarget = Pick<WebContents, 'send' | 'isDestroyed' | 'getURL'>;

/**
 * Send every change event to every live app page on `CHANGE_CHANNEL` (the projector window
 * included). A page that is gone or not ours is skipped; one failing window does not stop the rest.
 */
export function forwardChanges(
  bus: { subscribe(cb: (e: ChangeEvent) => void): () => void },
  targets: () => ChangeTarget[],
): () => void {
  return bus.subscribe((event) => {
    for (const wc of targets()) {
      try {
        if (!wc.isDestroyed() && isAppUrl(wc.getURL())) wc.send(CHANGE_CHANNEL, event);
      } catch {
        // The window closed between the check and the send.
      }
    }
  });
}
