import type { CALL_CHANNEL, CHANGE_CHANNEL, OpName } from './contract';
import type { ChangeEvent } from './domain';
import type { AppErrorShape, Result } from './errors';

/** A file to save: its suggested name, MIME type and bytes as base64. */
export interface SaveFileRequest {
  fileName: string;
  mime: string;
  data: string;
}

export interface SaveFileResult {
  saved: boolean;
  /** Where it was written. */
  path?: string;
  /** Why it could not be written (a message for people). */
  error?: string;
}

/** IPC channel of the native save dialog (not a contract operation: it exists only in Electron). */
export const SAVE_FILE_CHANNEL = 'bimtek:save-file';

/**
 * IPC channel that runs a file-making operation (`FILE_OPS` of the contract) in the main process and
 * saves its file where the user chooses: the bytes go from the core straight to disk, never through
 * the page.
 */
export const EXPORT_FILE_CHANNEL = 'bimtek:export-file';

export interface ExportFileResult extends SaveFileResult {
  /** The file's suggested name (for the message after saving). */
  fileName?: string;
  /** Why the operation refused (validation, not found…), as the core answered it. */
  refusal?: AppErrorShape;
}

/**
 * IPC channel that lets the user pick a file in the native open dialog for an operation that takes
 * a file by reference (`UPLOAD_OPS`): the main process registers the file with the core and the
 * page gets only a token and the file's name, never a path it could choose itself.
 */
export const OPEN_FILE_CHANNEL = 'bimtek:open-file';

export type OpenFileResult = { picked: true; file: string; fileName: string } | { picked: false; error?: string };

/** IPC channel that opens (or brings to the front) the self check-in window (Electron only). */
export const KIOSK_OPEN_CHANNEL = 'bimtek:kiosk-window:open';
/** IPC channel that closes the self check-in window (Electron only). */
export const KIOSK_CLOSE_CHANNEL = 'bimtek:kiosk-window:close';

/**
 * The only routes a self check-in window may show: the self check-in page of one day
 * (`routeHash({ name: 'self-checkin', … })` in the renderer). Checked by the preload and again in
 * the main process, which trusts nothing the renderer sends.
 */
export const KIOSK_ROUTE_PATTERN =
  /^#\/engagements\/[0-9a-f-]{36}\/workshops\/[0-9a-f-]{36}\/days\/[0-9a-f-]{36}\/self$/;

/** Whether a value is a self check-in route the kiosk window may load. */
export const isKioskRoute = (route: unknown): route is string =>
  typeof route === 'string' && KIOSK_ROUTE_PATTERN.test(route);

export interface KioskWindowResult {
  /** True when the self check-in window now shows the route (opened, or brought to the front). */
  opened: boolean;
}

export interface KioskCloseResult {
  /** True when a self check-in window was open and has been closed. */
  closed: boolean;
}

/** IPC channel that opens the projector window on a workshop, or focuses and moves it there (Electron only). */
export const PROJECTOR_OPEN_CHANNEL = 'bimtek:projector-window:open';
/** IPC channel that closes the projector window (Electron only). */
export const PROJECTOR_CLOSE_CHANNEL = 'bimtek:projector-window:close';

/**
 * A workshop id the projector window may be opened on: a lowercase UUID as the store makes them
 * (the shape `idSchema` accepts; the preload cannot import zod). Checked by the preload and again in
 * the main process.
 */
export const WORKSHOP_ID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** Whether a value is a workshop id the projector window may be opened on. */
export const isProjectorWorkshopId = (id: unknown): id is string =>
  typeof id === 'string' && WORKSHOP_ID_PATTERN.test(id);

/** The projector page of a workshop (the renderer's `#/present/<workshopId>` route, role `projector`). */
export const projectorRoute = (workshopId: string) => `#/present/${workshopId}`;

export interface ProjectorWindowResult {
  /** True when the projector window now shows the workshop (opened, or focused and moved there). */
  opened: boolean;
}

export interface ProjectorCloseResult {
  /** True when a projector window was open and has been closed. */
  closed: boolean;
}

/**
 * What the Electron preload exposes to the renderer as `window.bimtek`: the contract's operations
 * and the change feed, nothing else (never `ipcRenderer`).
 */
export interface BimtekBridge {
  mode: 'electron';
  /**
   * Run an operation. The main process checks the name, this window's role and the input; a name
   * that is not a string resolves to an `UNKNOWN_OPERATION` envelope without IPC.
   */
  call(op: OpName, input: unknown): Promise<Result<unknown>>;
  /** Listen to change events from the main process; returns the function that stops listening. */
  onChange(cb: (e: ChangeEvent) => void): () => void;
  /**
   * Save a file the user names in the native save dialog (exports: DOCX, CSV, XLSX).
   * Resolves `{ saved: false }` when the user cancels; never throws.
   */
  saveFile(file: SaveFileRequest): Promise<SaveFileResult>;
  /**
   * Run a file-making operation (an export) and save its file in the native save dialog, without
   * the bytes passing through the page. Never throws.
   */
  exportFile(op: OpName, input: unknown): Promise<ExportFileResult>;
  /**
   * Pick a file in the native open dialog for an operation that takes one (`UPLOAD_OPS`), showing
   * files with these extensions; resolves its token and name, `{ picked: false }` when cancelled.
   * Optional: a page served by an older main process has no such channel. Never throws.
   */
  openFile?(op: OpName, extensions: string[]): Promise<OpenFileResult>;
  /**
   * Show a self check-in route (`#/engagements/<e>/workshops/<w>/days/<d>/self`) in its own window:
   * full screen on the second display when there is one, otherwise a normal window. If the window
   * already shows that route it is brought to the front. Any other route is refused
   * (`{ opened: false }`); never throws.
   */
  openKioskWindow(route: string): Promise<KioskWindowResult>;
  /** Close the self check-in window, if one is open. Never throws. */
  closeKioskWindow(): Promise<KioskCloseResult>;
  /**
   * Show a workshop's projector page (`#/present/<workshopId>`) in the projector window: full screen
   * on the second display when there is one, otherwise a normal window. An open projector window is
   * focused and moved to this workshop. Only the facilitator's window may ask; an id that is not a
   * UUID is refused (`{ opened: false }`); never throws.
   */
  openProjectorWindow(workshopId: string): Promise<ProjectorWindowResult>;
  /** Close the projector window, if one is open (facilitator's window only). Never throws. */
  closeProjectorWindow(): Promise<ProjectorCloseResult>;
}

/** The channel of every operation call; its type is the contract's literal, so a rename fails to compile. */
export const BRIDGE_CALL_CHANNEL: typeof CALL_CHANNEL = 'bimtek:call';

/** The channel of change events; its type is the contract's literal, so a rename fails to compile. */
export const BRIDGE_CHANGE_CHANNEL: typeof CHANGE_CHANNEL = 'bimtek:change';
