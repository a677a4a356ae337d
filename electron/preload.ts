// The sandboxed preload: exposes one `call(op, input)` for every contract operation, the change
// feed, the save dialog, the self check-in and projector windows as `window.bimtek`, and nothing else. It must
// stay one CommonJS file that requires only 'electron' (scripts/build.mjs), so it imports no zod
// and lists no operations: the main process checks the name and the window's role on every call.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import {
  BRIDGE_CALL_CHANNEL,
  BRIDGE_CHANGE_CHANNEL,
  EXPORT_FILE_CHANNEL,
  isKioskRoute,
  isProjectorWorkshopId,
  KIOSK_CLOSE_CHANNEL,
  KIOSK_OPEN_CHANNEL,
  OPEN_FILE_CHANNEL,
  PROJECTOR_CLOSE_CHANNEL,
  PROJECTOR_OPEN_CHANNEL,
  SAVE_FILE_CHANNEL,
  type BimtekBridge,
  type ExportFileResult,
  type KioskCloseResult,
  type KioskWindowResult,
  type OpenFileResult,
  type ProjectorCloseResult,
  type ProjectorWindowResult,
  type SaveFileRequest,
  type SaveFileResult,
} from '../shared/bridge';
import type { OpName } from '../shared/contract';
import type { ChangeEvent } from '../shared/domain';
import type { Result } from '../shared/errors';
import { errorMessage } from '../shared/messages';

/** The part of `ipcRenderer` the bridge uses. */
export type BridgeIpc = Pick<typeof ipcRenderer, 'invoke' | 'on' | 'removeListener'>;

/** The page's language for the few messages made here (the main process makes all others). */
const pageLanguage = () => (typeof document !== 'undefined' && document.documentElement?.lang === 'en' ? 'en' : 'id');

const failure = (code: 'UNKNOWN_OPERATION' | 'INTERNAL', key: string): Result<never> => ({
  ok: false,
  error: { code, message: errorMessage(pageLanguage(), key) },
});

/**
 * Build the bridge over an `ipcRenderer`. `call` refuses a name that is not a string without
 * touching IPC, and never rejects: a failed invoke becomes an `INTERNAL` envelope. `saveFile` (the
 * native save dialog), `openKioskWindow`/`closeKioskWindow` (the self check-in window) and
 * `openProjectorWindow`/`closeProjectorWindow` (the projector window) are the Electron-only
 * channels; the main process checks their sender and input again.
 */
export function createBridge(ipc: BridgeIpc): BimtekBridge {
  const call = async (op: OpName, input: unknown): Promise<Result<unknown>> => {
    if (typeof op !== 'string' || op.length > 100) return failure('UNKNOWN_OPERATION', 'unknownOperation');
    try {
      return (await ipc.invoke(BRIDGE_CALL_CHANNEL, op, input)) as Result<unknown>;
    } catch {
      return failure('INTERNAL', 'internal');
    }
  };
  const onChange = (cb: (e: ChangeEvent) => void): (() => void) => {
    if (typeof cb !== 'function') return () => {};
    // The IPC event object (with its `sender`) never reaches the page: only the payload does.
    const listener = (_event: IpcRendererEvent, payload: ChangeEvent) => {
      try {
        cb(payload);
      } catch (e) {
        console.error('[bimtek] change listener failed', e);
      }
    };
    ipc.on(BRIDGE_CHANGE_CHANNEL, listener);
    return () => {
      ipc.removeListener(BRIDGE_CHANGE_CHANNEL, listener);
    };
  };
  const saveFile = async (file: SaveFileRequest): Promise<SaveFileResult> => {
    try {
      return (await ipc.invoke(SAVE_FILE_CHANNEL, file)) as SaveFileResult;
    } catch {
      return { saved: false, error: errorMessage(pageLanguage(), 'internal') };
    }
  };
  const exportFile = async (op: OpName, input: unknown): Promise<ExportFileResult> => {
    if (typeof op !== 'string' || op.length > 100)
      return { saved: false, error: errorMessage(pageLanguage(), 'unknownOperation') };
    try {
      return (await ipc.invoke(EXPORT_FILE_CHANNEL, op, input)) as ExportFileResult;
    } catch {
      return { saved: false, error: errorMessage(pageLanguage(), 'internal') };
    }
  };
  const openFile = async (op: OpName, extensions: string[]): Promise<OpenFileResult> => {
    if (typeof op !== 'string' || op.length > 100) {
      return { picked: false, error: errorMessage(pageLanguage(), 'unknownOperation') };
    }
    try {
      const r = (await ipc.invoke(OPEN_FILE_CHANNEL, op, extensions)) as OpenFileResult | null;
      return r?.picked === true
        ? { picked: true, file: String(r.file), fileName: String(r.fileName) }
        : { picked: false, ...(r?.error ? { error: String(r.error) } : {}) };
    } catch {
      return { picked: false, error: errorMessage(pageLanguage(), 'internal') };
    }
  };
  const openKioskWindow = async (route: string): Promise<KioskWindowResult> => {
    // Refused here without IPC; the main process refuses it as well (it trusts no page).
    if (!isKioskRoute(route)) return { opened: false };
    try {
      const r = (await ipc.invoke(KIOSK_OPEN_CHANNEL, route)) as Partial<KioskWindowResult> | null;
      return { opened: r?.opened === true };
    } catch {
      return { opened: false };
    }
  };
  const closeKioskWindow = async (): Promise<KioskCloseResult> => {
    try {
      const r = (await ipc.invoke(KIOSK_CLOSE_CHANNEL)) as Partial<KioskCloseResult> | null;
      return { closed: r?.closed === true };
    } catch {
      return { closed: false };
    }
  };
  const openProjectorWindow = async (workshopId: string): Promise<ProjectorWindowResult> => {
    // Refused here without IPC; the main process refuses it as well (it trusts no page).
    if (!isProjectorWorkshopId(workshopId)) return { opened: false };
    try {
      const r = (await ipc.invoke(PROJECTOR_OPEN_CHANNEL, workshopId)) as Partial<ProjectorWindowResult> | null;
      return { opened: r?.opened === true };
    } catch {
      return { opened: false };
    }
  };
  const closeProjectorWindow = async (): Promise<ProjectorCloseResult> => {
    try {
      const r = (await ipc.invoke(PROJECTOR_CLOSE_CHANNEL)) as Partial<ProjectorCloseResult> | null;
      return { closed: r?.closed === true };
    } catch {
      return { closed: false };
    }
  };
  return {
    mode: 'electron',
    call,
    onChange,
    saveFile,
    exportFile,
    openFile,
    openKioskWindow,
    closeKioskWindow,
    openProjectorWindow,
    closeProjectorWindow,
  };
}

contextBridge.exposeInMainWorld('bimtek', createBridge(ipcRenderer));
