import type { BrowserWindowConstructorOptions, IpcMain, IpcMainInvokeEvent, Rectangle } from 'electron';
import {
  isKioskRoute,
  KIOSK_CLOSE_CHANNEL,
  KIOSK_OPEN_CHANNEL,
  type KioskCloseResult,
  type KioskWindowResult,
} from '../../shared/bridge';
import { translate } from '../../shared/i18n';
import { DEFAULT_LANGUAGE } from '../../shared/languages';
import { isTrustedSender, type WindowRoles } from './ipc';
import { APP_ENTRY_URL } from './origin';
import { registerWindowChannels } from './window-channels';
import { appWindowOptions } from './window-options';

/**
 * Title of the self check-in window (the page's own `<title>` is not allowed to replace it); in
 * Indonesian, as the window is for participants at the door.
 */
export const KIOSK_WINDOW_TITLE = translate(DEFAULT_LANGUAGE, 'windows.kiosk');

/** Size of the self check-in window when there is no second display (then it is a normal window). */
export const KIOSK_WINDOW_SIZE = { width: 1024, height: 768 } as const;

/** The app URL of a self check-in route; null when the route is not one (checked here, in main). */
export function kioskUrl(route: unknown): string | null {
  return isKioskRoute(route) ? `${APP_ENTRY_URL}${route}` : null;
}

/** The parts of a BrowserWindow the self check-in window uses; a real BrowserWindow satisfies it. */
export interface KioskWindow {
  loadURL(url: string): Promise<void>;
  show(): void;
  focus(): void;
  restore(): void;
  close(): void;
  isMinimized(): boolean;
  isDestroyed(): boolean;
  setFullScreen(flag: boolean): void;
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
export interface KioskDisplay {
  id: number;
  bounds: Rectangle;
}

export interface KioskWindowDeps {
  /** `new BrowserWindow(options)`: the window gets the default session, hardened at start-up. */
  createWindow(options: BrowserWindowConstructorOptions): KioskWindow;
  screen: { getAllDisplays(): KioskDisplay[]; getPrimaryDisplay(): KioskDisplay };
  /** The bundled preload (the same one as the facilitator window). */
  preload: string;
  isPackaged: boolean;
  icon?: string;
  log?(message: string, error?: unknown): void;
  /** Gives the window the `kiosk` role: the core then refuses it everything but self check-in. */
  roles: Pick<WindowRoles, 'assign'>;
}

export interface KioskWindows {
  /** Show a self check-in route: a new window, or the open one brought to the front. */
  open(route: unknown): KioskWindowResult;
  /** Close the self check-in window; `closed: false` when none was open. */
  close(): KioskCloseResult;
  /** The open self check-in window, if any. */
  current(): KioskWindow | null;
}

/** The display that is not the primary one, when there is more than one; otherwise null. */
export function externalDisplay(screen: KioskWindowDeps['screen']): KioskDisplay | null {
  const all = screen.getAllDisplays();
  if (all.length < 2) return null;
  const primary = screen.getPrimaryDisplay();
  return all.find((d) => d.id !== primary.id) ?? null;
}

/**
 * Options of the self check-in window: the facilitator window's options (the same hardened web
 * preferences and preload, no separate session or partition), placed full screen on the external
 * display when there is one, otherwise a normal centred window.
 */
export function kioskWindowOptions(deps: KioskWindowDeps): BrowserWindowConstructorOptions {
  const display = externalDisplay(deps.screen);
  const state = display
    ? { ...display.bounds, maximized: false }
    : { width: KIOSK_WINDOW_SIZE.width, height: KIOSK_WINDOW_SIZE.height, maximized: false };
  const options = appWindowOptions({
    preload: deps.preload,
    state,
    title: KIOSK_WINDOW_TITLE,
    isPackaged: deps.isPackaged,
    icon: deps.icon,
  });
  return display ? { ...options, fullscreen: true } : options;
}

/**
 * The self check-in ("mode mandiri") window for a second screen or tablet at the door. There is at
 * most one. It shows exactly one route, the self check-in page, whose PIN dialog is the only way
 * out of that page.
 *
 * Its own close button is left working on purpose: the facilitator owns the laptop this window runs
 * on, and the second screen or tablet only shows the page (participants touch the page, not the
 * window frame — full screen on an external display has none). Taking the close button away would
 * only leave the facilitator without a way to end a window whose page has stopped responding.
 */
export function createKioskWindows(deps: KioskWindowDeps): KioskWindows {
  let win: KioskWindow | null = null;
  /** The URL `win` was opened on: what it shows while the first load has not committed yet. */
  let winUrl = '';
  const log = deps.log ?? ((m: string, e?: unknown) => console.error(`[bimtek] ${m}`, e ?? ''));
  const live = () => (win && !win.isDestroyed() ? win : null);

  const focus = (w: KioskWindow) => {
    if (w.isMinimized()) w.restore();
    w.show();
    w.focus();
  };

  const create = (url: string): KioskWindow => {
    const options = kioskWindowOptions(deps);
    const w = deps.createWindow(options);
    // Before the page loads, so its very first call is already limited to self check-in.
    deps.roles.assign(w.webContents, 'kiosk');
    // No application menu on the door screen (Windows, Linux): nothing there is for participants,
    // and its shortcuts (reload, zoom, language) would leave or change the kiosk page.
    w.removeMenu();
    // The page's <title> would otherwise replace the window's.
    w.on('page-title-updated', (event) => event.preventDefault());
    w.once('ready-to-show', () => {
      w.show();
      // Some window managers ignore `fullscreen` on a window created hidden.
      if (options.fullscreen) w.setFullScreen(true);
    });
    w.on('closed', () => {
      if (win === w) win = null;
    });
    w.webContents.on('render-process-gone', (_e, details) =>
      log(`self check-in window: renderer gone: ${details.reason}`),
    );
    w.loadURL(url).catch((e: unknown) => log(`cannot load ${url}`, e));
    return w;
  };

  return {
    open(route) {
      const url = kioskUrl(route);
      if (!url) {
        log('self check-in window: refused a route that is not a self check-in page');
        return { opened: false };
      }
      const open = live();
      if (open && (open.webContents.getURL() || winUrl) === url) {
        focus(open);
        return { opened: true };
      }
      // Another day, or the facilitator left the page with the PIN: a fresh window for this route
      // (loading a new hash into the old page would be undone by the kiosk page's hash lock).
      if (open) open.close();
      win = create(url);
      winUrl = url;
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
 * Register the two self check-in window channels, answering trusted app frames only (the route is
 * checked again in `open`). Never throws back to the renderer. Returns the function that removes
 * both handlers.
 */
export function registerKioskWindow(
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>,
  kiosk: Pick<KioskWindows, 'open' | 'close'>,
  isTrusted:
    | ((event: IpcMainInvokeEvent) => boolean)
    | { open: (event: IpcMainInvokeEvent) => boolean; close: (event: IpcMainInvokeEvent) => boolean } = isTrustedSender,
  log: (message: string, error?: unknown) => void = (m, e) => console.error(`[bimtek] ${m}`, e ?? ''),
): () => void {
  const checks = typeof isTrusted === 'function' ? { open: isTrusted, close: isTrusted } : isTrusted;
  return registerWindowChannels({
    ipcMain,
    name: 'kiosk-window',
    openChannel: KIOSK_OPEN_CHANNEL,
    closeChannel: KIOSK_CLOSE_CHANNEL,
    allowed: (event, action) => checks[action](event),
    refusal: 'an untrusted frame',
    open: (route): KioskWindowResult => kiosk.open(route),
    close: (): KioskCloseResult => kiosk.close(),
    log,
  });
}
