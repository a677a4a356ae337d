import type { IpcMain, IpcMainInvokeEvent } from 'electron';

/**
 * The open/close channel pair of a secondary window (self check-in, projector): each call is let in
 * by `allowed` (else refused and logged), the window's own `open`/`close` never throw back to the
 * renderer, and a failure answers `{ opened: false }` / `{ closed: false }`. Returns the function
 * that removes both handlers.
 */
export function registerWindowChannels<O extends { opened: boolean }, C extends { closed: boolean }>(opts: {
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>;
  /** e.g. `projector-window`: names the channels in the log. */
  name: string;
  openChannel: string;
  closeChannel: string;
  allowed(event: IpcMainInvokeEvent, action: 'open' | 'close'): boolean;
  /** Why a refused call was refused, for the log. */
  refusal: string;
  open(arg: unknown): O;
  close(): C;
  log: (message: string, error?: unknown) => void;
}): () => void {
  const { ipcMain, name, log } = opts;
  const letIn = (event: IpcMainInvokeEvent, action: 'open' | 'close') => {
    let ok = false;
    try {
      ok = opts.allowed(event, action);
    } catch {
      // A failing check refuses, like an untrusted sender.
    }
    if (!ok) log(`${name}:${action}: refused a call from ${opts.refusal}`);
    return ok;
  };
  ipcMain.handle(opts.openChannel, async (event, arg: unknown) => {
    if (!letIn(event, 'open')) return { opened: false };
    try {
      return opts.open(arg);
    } catch (e) {
      log(`${name}:open failed`, e);
      return { opened: false };
    }
  });
  ipcMain.handle(opts.closeChannel, async (event) => {
    if (!letIn(event, 'close')) return { closed: false };
    try {
      return opts.close();
    } catch (e) {
      log(`${name}:close failed`, e);
      return { closed: false };
    }
  });
  return () => {
    ipcMain.removeHandler(opts.openChannel);
    ipcMain.removeHandler(opts.closeChannel);
  };
}
