import path from 'node:path';
import type { IpcMain, IpcMainInvokeEvent, OpenDialogOptions } from 'electron';
import { OPEN_FILE_CHANNEL, type OpenFileResult } from '../../shared/bridge';
import { mayCall, UPLOAD_OPS, type OpName, type Role } from '../../shared/contract';
import { translate } from '../../shared/i18n';
import { DEFAULT_LANGUAGE, type Language } from '../../shared/languages';
import { isTrustedSender } from './ipc';

export interface OpenFileDeps {
  /** The native open dialog, attached to the window that asked. */
  showOpenDialog(
    event: IpcMainInvokeEvent,
    options: OpenDialogOptions,
  ): Promise<{ canceled: boolean; filePaths: string[] }>;
  /** The core's token for a file the user picked (null when the store is not open). */
  adopt(file: string): string | null;
  roleOf(event: IpcMainInvokeEvent): Role | null;
  defaultDir(): string;
  language(): Language;
  log?(message: string, error?: unknown): void;
}

const EXTENSION = /^[a-z0-9]{1,10}$/i;

/**
 * Register the open-file channel: for an operation that takes a file by reference, the user picks
 * the file in the native dialog and the core names it by a token. The page never sends a path
 * (it could name any file); it only gets the token and the name it shows. Returns the function
 * that removes the channel.
 */
export function registerOpenFile(
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>,
  deps: OpenFileDeps,
  isTrusted: (event: IpcMainInvokeEvent) => boolean = isTrustedSender,
): () => void {
  ipcMain.handle(OPEN_FILE_CHANNEL, async (event, op: unknown, extensions: unknown): Promise<OpenFileResult> => {
    let lang: Language = DEFAULT_LANGUAGE;
    try {
      lang = deps.language() ?? DEFAULT_LANGUAGE;
    } catch {
      // Indonesian.
    }
    let role: Role | null = null;
    try {
      role = isTrusted(event) ? deps.roleOf(event) : null;
    } catch {
      // A failing check refuses, like an untrusted sender.
    }
    if (!role) return { picked: false, error: translate(lang, 'dialogs.saveFile.refused') };
    if (!UPLOAD_OPS.includes(op as OpName) || !mayCall(role, op as OpName)) {
      return { picked: false, error: translate(lang, 'errors.unknownOperation') };
    }
    const exts = Array.isArray(extensions)
      ? extensions.filter((e): e is string => typeof e === 'string' && EXTENSION.test(e)).slice(0, 5)
      : [];
    try {
      const choice = await deps.showOpenDialog(event, {
        defaultPath: deps.defaultDir(),
        properties: ['openFile'],
        ...(exts.length ? { filters: [{ name: exts.map((e) => `.${e}`).join(', '), extensions: exts }] } : {}),
      });
      const file = choice.filePaths[0];
      if (choice.canceled || !file) return { picked: false };
      const token = deps.adopt(file);
      if (!token) return { picked: false, error: translate(lang, 'errors.storeUnavailable') };
      return { picked: true, file: token, fileName: path.basename(file) };
    } catch (e) {
      deps.log?.('open-file failed', e);
      return { picked: false, error: translate(lang, 'dialogs.saveFile.failed') };
    }
  });
  return () => ipcMain.removeHandler(OPEN_FILE_CHANNEL);
}
