import fs from 'node:fs/promises';
import path from 'node:path';
import type { IpcMain, IpcMainInvokeEvent, SaveDialogOptions } from 'electron';
import type { FilePayload } from '../../shared/attendance';
import {
  EXPORT_FILE_CHANNEL,
  SAVE_FILE_CHANNEL,
  type ExportFileResult,
  type SaveFileRequest,
  type SaveFileResult,
} from '../../shared/bridge';
import { FILE_OPS, type OpName } from '../../shared/contract';
import { translate } from '../../shared/i18n';
import { safeFileName } from '../../shared/files';
import { DEFAULT_LANGUAGE, type Language } from '../../shared/languages';
import { payloadBytes, payloadFile } from '../core/documents/file-payload';
import { isTrustedSender, type Dispatch, type WindowRoles } from './ipc';

/** Largest export accepted over IPC (a minutes DOCX with hundreds of signatures stays far below). */
export const MAX_SAVE_BYTES = 64 * 1024 * 1024;

/** One definition for the core's names and the save dialog's (re-exported for existing callers). */
export { safeFileName };

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** The UI language, Indonesian when it cannot be read. */
function languageOf(deps: Pick<SaveFileDeps, 'language'>): Language {
  try {
    return deps.language() ?? DEFAULT_LANGUAGE;
  } catch {
    return DEFAULT_LANGUAGE;
  }
}

/** Check a request from the renderer as if it came from a stranger; null when it is not valid. */
export function parseSaveRequest(raw: unknown): SaveFileRequest | null {
  if (!raw || typeof raw !== 'object') return null;
  const { fileName, mime, data } = raw as Record<string, unknown>;
  if (typeof fileName !== 'string' || fileName.length === 0 || fileName.length > 255) return null;
  if (typeof mime !== 'string' || mime.length > 200) return null;
  if (typeof data !== 'string' || data.length % 4 !== 0 || data.length > Math.ceil(MAX_SAVE_BYTES / 3) * 4) return null;
  if (!BASE64.test(data)) return null;
  return { fileName, mime, data };
}

export interface SaveFileDeps {
  /** The native save dialog, attached to the window that asked. */
  showSaveDialog(
    event: IpcMainInvokeEvent,
    options: SaveDialogOptions,
  ): Promise<{ canceled: boolean; filePath?: string }>;
  writeFile(file: string, data: Uint8Array): Promise<void>;
  /**
   * Move a file the core left on disk (a package of any size) to where the user chose: a rename,
   * or a copy then removal across disks. Default: `moveFile` below.
   */
  moveFile?(from: string, to: string): Promise<void>;
  /** Folder the dialog opens in (the user's Documents). */
  defaultDir(): string;
  language(): Language;
  log?(message: string, error?: unknown): void;
}

/**
 * Ask the user where to save, then write the bytes there. Resolves `{ saved: false }` when the user
 * cancels and `{ saved: false, error }` when the request or the write fails; never throws.
 */
export async function saveWithDialog(
  event: IpcMainInvokeEvent,
  raw: unknown,
  deps: SaveFileDeps,
): Promise<SaveFileResult> {
  const request = parseSaveRequest(raw);
  if (!request) return { saved: false, error: translate(languageOf(deps), 'dialogs.saveFile.invalid') };
  return saveBytesWithDialog(event, { fileName: request.fileName, bytes: Buffer.from(request.data, 'base64') }, deps);
}

/** Rename `from` to `to`, or copy and remove it when they are on different disks. */
export async function moveFile(from: string, to: string): Promise<void> {
  try {
    await fs.rename(from, to);
  } catch (e) {
    if ((e as { code?: string }).code !== 'EXDEV') throw e;
    await fs.copyFile(from, to);
    await fs.rm(from, { force: true });
  }
}

/**
 * Ask the user where to save, then write the bytes there (or move the file the core made there:
 * `fromFile`); never throws.
 */
export async function saveBytesWithDialog(
  event: IpcMainInvokeEvent,
  file: { fileName: string; bytes?: Uint8Array; fromFile?: string },
  deps: SaveFileDeps,
): Promise<SaveFileResult> {
  const lang = languageOf(deps);
  try {
    const name = safeFileName(file.fileName);
    const ext = path.extname(name).slice(1).toLowerCase();
    const choice = await deps.showSaveDialog(event, {
      defaultPath: path.join(deps.defaultDir(), name),
      ...(ext ? { filters: [{ name: ext.toUpperCase(), extensions: [ext] }] } : {}),
      properties: ['showOverwriteConfirmation', 'createDirectory'],
    });
    if (choice.canceled || !choice.filePath) return { saved: false };
    if (file.fromFile) await (deps.moveFile ?? moveFile)(file.fromFile, choice.filePath);
    else await deps.writeFile(choice.filePath, file.bytes ?? new Uint8Array());
    return { saved: true, path: choice.filePath };
  } catch (e) {
    deps.log?.('save-file failed', e);
    const code = (e as { code?: unknown }).code;
    return {
      saved: false,
      error:
        typeof code === 'string'
          ? translate(lang, 'dialogs.saveFile.failedWithCode', { code })
          : translate(lang, 'dialogs.saveFile.failed'),
    };
  }
}

/** Register the save-file channel (trusted frames only). Returns the function that removes it. */
export function registerSaveFile(
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>,
  deps: SaveFileDeps,
  isTrusted: (event: IpcMainInvokeEvent) => boolean = isTrustedSender,
): () => void {
  ipcMain.handle(SAVE_FILE_CHANNEL, async (event, raw: unknown): Promise<SaveFileResult> => {
    let trusted = false;
    try {
      trusted = isTrusted(event);
    } catch {
      // A failing check refuses, like an untrusted sender.
    }
    if (!trusted) {
      deps.log?.('save-file: refused a call from an untrusted frame');
      return { saved: false, error: translate(languageOf(deps), 'dialogs.saveFile.refused') };
    }
    return saveWithDialog(event, raw, deps);
  });
  return () => ipcMain.removeHandler(SAVE_FILE_CHANNEL);
}

/**
 * Register the export channel: run a file-making operation of the contract for the asking window
 * (the core checks its role and the input, as for every call) and save the file it made where the
 * user chooses. The bytes go from the core to the disk in this process; the page only gets the
 * outcome. Returns the function that removes the channel.
 */
export function registerExportFile(
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>,
  deps: SaveFileDeps & {
    dispatch: Dispatch;
    roles: Pick<WindowRoles, 'roleOf'>;
  },
  isTrusted: (event: IpcMainInvokeEvent) => boolean = isTrustedSender,
): () => void {
  ipcMain.handle(EXPORT_FILE_CHANNEL, async (event, op: unknown, input: unknown): Promise<ExportFileResult> => {
    const lang = languageOf(deps);
    let trusted = false;
    try {
      trusted = isTrusted(event);
    } catch {
      // A failing check refuses, like an untrusted sender.
    }
    const role = trusted ? deps.roles.roleOf(event.sender) : null;
    if (!role) {
      deps.log?.('export-file: refused a call from an untrusted frame');
      return { saved: false, error: translate(lang, 'dialogs.saveFile.refused') };
    }
    if (!FILE_OPS.includes(op as OpName)) return { saved: false, error: translate(lang, 'errors.unknownOperation') };
    try {
      const r = await deps.dispatch(op, input, { role, key: `window:${event.sender.id}` });
      if (!r.ok) return { saved: false, error: r.error.message, refusal: r.error };
      const file = r.value as FilePayload;
      // A file the core left on disk (a package) is moved, never read into memory; whatever is
      // left of it (cancelled, failed) is removed.
      const onDisk = payloadFile(file);
      try {
        const saved = await saveBytesWithDialog(
          event,
          onDisk
            ? { fileName: file.fileName, fromFile: onDisk }
            : { fileName: file.fileName, bytes: payloadBytes(file) },
          deps,
        );
        return { ...saved, fileName: file.fileName };
      } finally {
        if (onDisk) await fs.rm(onDisk, { force: true }).catch(() => {});
      }
    } catch (e) {
      deps.log?.('export-file failed', e);
      return { saved: false, error: translate(lang, 'dialogs.saveFile.failed') };
    }
  });
  return () => ipcMain.removeHandler(EXPORT_FILE_CHANNEL);
}
