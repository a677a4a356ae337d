import type { BrowserWindowConstructorOptions, IpcMain, Rectangle } from 'electron';
import {
  isProjectorWorkshopId,
  PROJECTOR_CLOSE_CHANNEL,
  PROJECTOR_OPEN_CHANNEL,
  projectorRoute,
  type ProjectorCloseResult,
  type ProjectorWindowResult,
} from '../../shared/bridge';
import { translate } from '../../shared/i18n';
import { DEFAULT_LANGUAGE } from '../../shared/languages';
import { isTrustedSender, type SenderEvent, type WindowRoles } from './ipc';
import { externalDisplay } from './kiosk-window';
import { APP_ENTRY_URL } from './origin';
import { registerWindowChannels } from './window-channels';
import { appWindowOptions } from './window-options';

/**
 * Title of the projector window (the page's own `<title>` is not allowed to replace it); in
 * Indonesian, as the window is for the room.
 */
export const PROJECTOR_WINDOW_TITLE = translate(DEFAULT_LANGUAGE, 'projector.windowTitle');

/** Largest size of the projector window when there is no second display (then it is a normal window). */
export const PROJECTOR_WINDOW_SIZE = { width: 1280, height: 720 } as const;

/** The app URL of a workshop's projector page; null when the id is not a workshop id (checked here, in main). */
export function projectorUrl(workshopId: unknown): string | null {
  return isProjectorWorkshopId(workshopId) ? `${APP_ENTRY_URL}${projectorRoute(workshopId)}` : null;
}

/** The parts of a BrowserWindow the projector window uses; a real BrowserWindow satisfies it. */
export interface ProjectorWindow {
  loadURL(url: string): Promise<void>;
  show(): void;
  showInactive(): void;
  focus(): void;
  restore(): void;
  close(): void;
  isMinimized(): boolean;
  isDestroyed(): boolean;
  isFullScreen(): boolean;
  setFullScreen(flag: boolean): void;
  setBounds(bounds: Partial<Rectangle>): void;
  removeMenu(): void;
  once(event: 'ready-to-show', listener: () => void): unknown;
  on(event: 'closed', listener: () => void): unknown;
  on(event: 'page-title-updated', listener: (event: { preventDefault(): void }) => void): unknown;
  readonly webContents: {
    readonly id: number;
    getURL(): string;
    on(event: 'render-process-gone', listener: (event: unknown, details: { reason: string }) => void): unknown;
    once(event: 'destroyed', listener: () => void): unknown;
  };
}

/** A display as `screen` reports it (only what placement reads). */
export interface ProjectorDisplay {
  id: number;
  bounds: Rectangle;
  workArea: Rectangle;
}

type DisplayEvent = 'display-added' | 'display-removed';

/** The part of Electron's `screen` the projector window reads and listens to. */
export interface ProjectorScreen {
  getAllDisplays(): ProjectorDisplay[];
  getPrimaryDisplay(): ProjectorDisplay;
  on(event: DisplayEvent, listener: () => void): unknown;
  removeListener(event: DisplayEvent, listener: () => void): unknown;
}

export interface ProjectorWindowDeps {
  /** `new BrowserWindow(options)`: the window gets the default session, hardened at start-up. */
  createWindow(options: BrowserWindowConstructorOptions): ProjectorWindow;
  screen: ProjectorScreen;
  /** The bundled preload (the same one as the facilitator window). */
  preload: string;
  isPackaged: boolean;
  icon?: string;
  log?(message: string, error?: unknown): void;
  /** Gives the window the `projector` role: the core then lets it read screens only, redacted. */
  roles: Pick<WindowRoles, 'assign'>;
}

export interface ProjectorWindows {
  /** Show a workshop's projector page: a new window, or the open one focused and moved to it. */
  open(workshopId: unknown): ProjectorWindowResult;
  /** Close the projector window; `closed: false` when none was open. */
  close(): ProjectorCloseResult;
  /** The open projector window, if any. */
  current(): ProjectorWindow | null;
}

/** Where the projector window goes: full screen on `displayId`, or (null) a normal window. */
export interface ProjectorPlacement {
  displayId: number | null;
  bounds: Rectangle;
  fullScreen: boolean;
}

/**
 * Where the projector window belongs now: over the whole external display (the first one that is
 * not the primary) and full screen when there is one; otherwise a normal window of at most
 * 1280×720, centred in the primary display's work area.
 */
export function projectorPlacement(
  screen: Pick<ProjectorScreen, 'getAllDisplays' | 'getPrimaryDisplay'>,
): ProjectorPlacement {
  const external = externalDisplay(screen);
  if (external) return { displayId: external.id, bounds: { ...external.bounds }, fullScreen: true };
  const area = screen.getPrimaryDisplay().workArea;
  const width = Math.min(PROJECTOR_WINDOW_SIZE.width, area.width);
  const height = Math.min(PROJECTOR_WINDOW_SIZE.height, area.height);
  return {
    displayId: null,
    bounds: {
      x: area.x + Math.round((area.width - width) / 2),
      y: area.y + Math.round((area.height - height) / 2),
      width,
      height,
    },
    fullScreen: false,
  };
}

/**
 * Options of the projector window: the facilitator window's options (the same hardened web
 * preferences and preload, no separate session or partition) at the placement's bounds, full
 * screen when it is on the external display.
 */
export function projectorWindowOptions(
  deps: Pick<ProjectorWindowDeps, 'preload' | 'isPackaged' | 'icon'>,
  placement: ProjectorPlacement,
): BrowserWindowConstructorOptions {
  const options = appWindowOptions({
    preload: deps.preload,
    state: { ...placement.bounds, maximized: false },
    title: PROJECTOR_WINDOW_TITLE,
    isPackaged: deps.isPackaged,
    icon: deps.icon,
  });
  return placement.fullScreen ? { ...options, fullscreen: true } : options;
}

/**
 * The projector window: the room's screen of one workshop (`#/present/<workshopId>`). There is at
 * most one. It follows the displays: when a projector is plugged in it moves there, full screen;
 * when it is unplugged it becomes a normal window on the laptop's screen. Closing it leaves the
 * facilitator window alone.
 */
export function createProjectorWindows(deps: ProjectorWindowDeps): ProjectorWindows {
  let win: ProjectorWindow | null = null;
  /** The URL `win` was last asked to show: what it shows while that load has not committed yet. */
  let winUrl = '';
  const log = deps.log ?? ((m: string, e?: unknown) => console.error(`[bimtek] ${m}`, e ?? ''));
  const live = () => (win && !win.isDestroyed() ? win : null);

  const focus = (w: ProjectorWindow) => {
    if (w.isMinimized()) w.restore();
    w.show();
    w.focus();
  };

  const load = (w: ProjectorWindow, url: string) => {
    winUrl = url;
    w.loadURL(url).catch((e: unknown) => log(`cannot load ${url}`, e));
  };

  const create = (url: string): ProjectorWindow => {
    let placement = projectorPlacement(deps.screen);
    const w = deps.createWindow(projectorWindowOptions(deps, placement));
    // Before the page loads, so its very first call is already limited to the screens' reads.
    deps.roles.assign(w.webContents, 'projector');
    // No application menu over the room's screen (Windows, Linux): its shortcuts (reload, zoom,
    // language) are the facilitator's, in the facilitator window.
    w.removeMenu();
    // The page's <title> would otherwise replace the window's.
    w.on('page-title-updated', (event) => event.preventDefault());
    w.once('ready-to-show', () => {
      if (placement.fullScreen) {
        // On the external display it appears without taking the keyboard: the facilitator keeps
        // driving the stage (→, B, F) from the facilitator window.
        w.showInactive();
        // Some window managers ignore `fullscreen` on a window created hidden.
        w.setFullScreen(true);
      } else {
        w.show();
      }
    });

    // A projector plugged in or out: move the window to where it now belongs. A window already on
    // the right display (or a normal window with still no external display) is left where it is.
    const follow = () => {
      if (w.isDestroyed()) return;
      const next = projectorPlacement(deps.screen);
      if (next.displayId === placement.displayId) return;
      placement = next;
      try {
        // Out of full screen first: a full-screen window does not take new bounds.
        if (w.isFullScreen()) w.setFullScreen(false);
        w.setBounds(next.bounds);
        if (next.fullScreen) w.setFullScreen(true);
      } catch (e) {
        log('projector window: cannot follow the displays', e);
      }
    };
    deps.screen.on('display-added', follow);
    deps.screen.on('display-removed', follow);
    w.on('closed', () => {
      deps.screen.removeListener('display-added', follow);
      deps.screen.removeListener('display-removed', follow);
      if (win === w) win = null;
    });
    w.webContents.on('render-process-gone', (_e, details) => log(`projector window: renderer gone: ${details.reason}`));
    load(w, url);
    return w;
  };

  return {
    open(workshopId) {
      const url = projectorUrl(workshopId);
      if (!url) {
        log('projector window: refused a workshop id that is not a UUID');
        return { opened: false };
      }
      const open = live();
      if (open) {
        // Another workshop: the same window moves to it (the page follows its hash).
        if ((open.webContents.getURL() || winUrl) !== url) load(open, url);
        focus(open);
        return { opened: true };
      }
      win = create(url);
      return { opened: true };
    },
    close() {
      const open = live();
      if (!open) return { closed: false };
      open.close();
      if (win === open) win = null;
      return { closed: true };
    },
    current: live,
  };
}

/**
 * Register the two projector window channels. Both answer the facilitator's window only: a trusted
 * app frame whose window has the `facilitator` role (the projector window cannot open, move or close
 * itself, nor can a self check-in window). The workshop id is checked again in `open`. Never throws
 * back to the renderer. Returns the function that removes both handlers.
 */
export function registerProjectorWindow(
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>,
  projector: Pick<ProjectorWindows, 'open' | 'close'>,
  roles: Pick<WindowRoles, 'roleOf'>,
  log: (message: string, error?: unknown) => void = (m, e) => console.error(`[bimtek] ${m}`, e ?? ''),
  isTrusted: (event: SenderEvent) => boolean = isTrustedSender,
): () => void {
  return registerWindowChannels({
    ipcMain,
    name: 'projector-window',
    openChannel: PROJECTOR_OPEN_CHANNEL,
    closeChannel: PROJECTOR_CLOSE_CHANNEL,
    allowed: (event) => isTrusted(event) && roles.roleOf(event.sender) === 'facilitator',
    refusal: "a frame that is not the facilitator's",
    open: (workshopId): ProjectorWindowResult => projector.open(workshopId),
    close: (): ProjectorCloseResult => projector.close(),
    log,
  });
}
