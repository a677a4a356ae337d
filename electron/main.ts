// Electron main process: app lifecycle, the facilitator window, the self check-in window and the
// projector window, menu, IPC and security settings.
// The core (store, services, handlers) is plain Node in ./core; this file only wires it to Electron.
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, screen, session, shell } from 'electron';
import Store from 'electron-store';
import { translate } from '../shared/i18n';
import type { Language } from '../shared/languages';
import { createBackend, type Backend } from './core/backend';
import { PRODUCT_NAME } from './core/paths';
import { APP_VERSION } from './core/version';
import { hardenSession, hardenWebContents } from './shell/harden';
import { createWindowRoles, forwardChanges, isTrustedSender, registerIpc, type SenderEvent } from './shell/ipc';
import { createKioskWindows, registerKioskWindow, type KioskWindows } from './shell/kiosk-window';
import { applyMenu } from './shell/menu';
import { createProjectorWindows, registerProjectorWindow, type ProjectorWindows } from './shell/projector-window';
import { APP_ENTRY_URL } from './shell/origin';
import { handleAppProtocol, registerAppScheme } from './shell/protocol';
import { registerOpenFile } from './shell/open-file';
import { registerExportFile, registerSaveFile } from './shell/save-file';
import { openShellSettings, type ShellSettings } from './shell/settings';
import { appWindowOptions } from './shell/window-options';

/** Set to a folder to keep data and settings there instead of the per-user folder (tests, USB). */
export const USER_DATA_ENV = 'BIMTEK_USER_DATA';

const here = path.dirname(fileURLToPath(import.meta.url));
const PRELOAD = path.join(here, 'preload.cjs');
const RENDERER_DIR = path.join(here, '..', 'renderer');
/** Window icon on Linux (Windows and macOS take the executable's icon). Packaged by electron-builder.yml. */
const ICON = path.join(here, '..', '..', 'assets', 'icon.png');

const log = (message: string, error?: unknown) => console.error(`[bimtek] ${message}`, error ?? '');

let mainWindow: BrowserWindow | null = null;
/** The role of every window (facilitator, kiosk, …): what the core lets it call. */
const windowRoles = createWindowRoles();
/** The self check-in window (second screen or tablet at the door), once the app is ready. */
let kioskWindows: KioskWindows | null = null;
/** The projector window (the room's screen, on the external display when there is one), once ready. */
let projectorWindows: ProjectorWindows | null = null;
/** Set once the app is ready: shows the facilitator window again (second instance, dock click). */
let reopenWindow: (() => void) | null = null;

/**
 * Same folder as browser mode's default (electron/core/paths.ts): appData/"Bimtek Studio",
 * whatever name Electron inferred (it says "Electron" when started on a bare script).
 */
function chooseUserData(): void {
  const override = process.env[USER_DATA_ENV];
  app.setPath('userData', override ? path.resolve(override) : path.join(app.getPath('appData'), PRODUCT_NAME));
}

function workAreas() {
  const primary = screen.getPrimaryDisplay();
  const others = screen.getAllDisplays().filter((d) => d.id !== primary.id);
  return [primary, ...others].map((d) => d.workArea);
}

/** The window icon, where the platform takes one from the window (Linux). */
const windowIcon = () => (process.platform === 'linux' && existsSync(ICON) ? ICON : undefined);

function createMainWindow(settings: ShellSettings): BrowserWindow {
  const state = settings.windowState(workAreas());
  const win = new BrowserWindow(
    appWindowOptions({
      preload: PRELOAD,
      state,
      title: PRODUCT_NAME,
      isPackaged: app.isPackaged,
      icon: windowIcon(),
    }),
  );
  windowRoles.assign(win.webContents, 'facilitator');
  if (state.maximized) win.maximize();
  win.once('ready-to-show', () => win.show());
  win.on('close', () => {
    settings.saveWindowState({ ...win.getNormalBounds(), maximized: win.isMaximized() });
  });
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null;
    // The self check-in window belongs to the facilitator's session: it does not outlive it (and
    // would otherwise keep the app running with no facilitator window).
    kioskWindows?.close();
    // Likewise the projector window: the room's screen of the facilitator's workshop.
    projectorWindows?.close();
  });
  win.webContents.on('render-process-gone', (_e, details) => log(`renderer gone: ${details.reason}`));
  void win.loadURL(APP_ENTRY_URL).catch((e) => log(`cannot load ${APP_ENTRY_URL}`, e));
  return win;
}

function focusMainWindow(settings: ShellSettings): void {
  if (!mainWindow || mainWindow.isDestroyed()) {
    mainWindow = createMainWindow(settings);
    return;
  }
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
}

function showAbout(backend: Backend): void {
  const info = backend.info();
  const lang = backend.language();
  const options = {
    type: 'info' as const,
    title: translate(lang, 'dialogs.about.title'),
    message: translate(lang, 'dialogs.about.message', { product: PRODUCT_NAME, version: info.version }),
    detail: translate(lang, 'dialogs.about.detail', { dataDir: info.dataDir, schema: info.schemaVersion }),
  };
  void (mainWindow ? dialog.showMessageBox(mainWindow, options) : dialog.showMessageBox(options));
}

function installMenu(backend: Backend, dataDir: string): void {
  applyMenu(Menu, {
    language: backend.language(),
    isPackaged: app.isPackaged,
    platform: process.platform,
    actions: {
      about: () => showAbout(backend),
      openDataFolder: () => void shell.openPath(dataDir),
      // Through the handler, so the change event reaches every window.
      setLanguage: (language: Language) =>
        void backend.handlers['settings.update']({ language }).then(() => installMenu(backend, dataDir)),
    },
  });
}

async function start(): Promise<void> {
  await app.whenReady();
  hardenSession(session.defaultSession);
  handleAppProtocol(session.defaultSession.protocol, RENDERER_DIR);

  const dataDir = app.getPath('userData');
  // electron-store's config.json in userData: the same file browser mode reads through conf.
  const settings = openShellSettings(() => new Store({ name: 'config' }), log);
  const backend = createBackend({
    dataDir,
    mode: 'electron',
    version: APP_VERSION,
    settings: settings.preferences,
    log,
  });

  const unregisterIpc = registerIpc(ipcMain, backend.handlers.dispatch, windowRoles, {
    language: backend.language,
    log,
  });
  // The Electron-only channels (save dialog, opening the self check-in window) are the
  // facilitator's; the self check-in window may only close itself (after its PIN).
  const facilitatorFrame = (event: SenderEvent) =>
    isTrustedSender(event) && windowRoles.roleOf(event.sender) === 'facilitator';
  const selfCheckinFrame = (event: SenderEvent) =>
    isTrustedSender(event) && ['facilitator', 'kiosk'].includes(windowRoles.roleOf(event.sender) ?? '');
  const saveDeps = {
    showSaveDialog: (event: Electron.IpcMainInvokeEvent, options: Electron.SaveDialogOptions) => {
      const parent = BrowserWindow.fromWebContents(event.sender);
      return parent ? dialog.showSaveDialog(parent, options) : dialog.showSaveDialog(options);
    },
    writeFile: (file: string, data: Uint8Array) => fs.writeFile(file, data),
    defaultDir: () => app.getPath('documents'),
    language: backend.language,
    log,
  };
  const unregisterSave = registerSaveFile(ipcMain, saveDeps, facilitatorFrame);
  // Exports: the core makes the file and this process writes it; the page gets only the outcome.
  const unregisterExport = registerExportFile(
    ipcMain,
    { ...saveDeps, dispatch: backend.handlers.dispatch, roles: windowRoles },
    facilitatorFrame,
  );
  // Imports of files of any size (packages): the user picks the file here, the core names it by a
  // token, and the page never sends a path or the bytes.
  const unregisterOpen = registerOpenFile(
    ipcMain,
    {
      showOpenDialog: (event, options) => {
        const parent = BrowserWindow.fromWebContents(event.sender);
        return parent ? dialog.showOpenDialog(parent, options) : dialog.showOpenDialog(options);
      },
      adopt: (file) => backend.services?.uploads.adopt(file) ?? null,
      roleOf: (event) => windowRoles.roleOf(event.sender),
      defaultDir: () => app.getPath('documents'),
      language: backend.language,
      log,
    },
    facilitatorFrame,
  );
  // The self check-in window: same preload, preferences and (default, hardened) session as the
  // facilitator window; `web-contents-created` hardens its contents like every other.
  const kiosk = createKioskWindows({
    createWindow: (options) => new BrowserWindow(options),
    screen,
    preload: PRELOAD,
    isPackaged: app.isPackaged,
    icon: windowIcon(),
    log,
    roles: windowRoles,
  });
  kioskWindows = kiosk;
  const unregisterKiosk = registerKioskWindow(ipcMain, kiosk, { open: facilitatorFrame, close: selfCheckinFrame }, log);
  // The projector window: the same again, with the `projector` role (screens' reads only, redacted);
  // only the facilitator window opens, moves or closes it. It follows the displays as they change.
  const projector = createProjectorWindows({
    createWindow: (options) => new BrowserWindow(options),
    screen,
    preload: PRELOAD,
    isPackaged: app.isPackaged,
    icon: windowIcon(),
    log,
    roles: windowRoles,
  });
  projectorWindows = projector;
  const unregisterProjector = registerProjectorWindow(ipcMain, projector, windowRoles, log);
  // Every window, the self check-in and projector ones included, gets every change event (as its
  // role may see it).
  const stopForwarding = forwardChanges(
    backend.bus,
    () => BrowserWindow.getAllWindows().map((w) => w.webContents),
    windowRoles,
  );
  const stopMenuUpdates = backend.bus.subscribe((e) => {
    if (e.entity === 'settings') installMenu(backend, dataDir);
  });
  installMenu(backend, dataDir);

  reopenWindow = () => focusMainWindow(settings);
  app.on('activate', () => reopenWindow?.());
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.once('will-quit', () => {
    stopMenuUpdates();
    stopForwarding();
    unregisterProjector();
    unregisterKiosk();
    unregisterExport();
    unregisterOpen();
    unregisterSave();
    unregisterIpc();
    backend.close();
  });

  mainWindow = createMainWindow(settings);
}

/** Entry: everything that must happen before `ready`, then the rest once Electron is ready. */
function main(): void {
  chooseUserData();
  // The lock lives in userData, so a test's own folder does not collide with a running app.
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  // Registered before ready so a second start during start-up is not lost (it is then a no-op).
  app.on('second-instance', () => reopenWindow?.());
  app.enableSandbox();
  registerAppScheme(protocol);
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, shell));
  start().catch((e) => {
    log('start-up failed', e);
    dialog.showErrorBox(PRODUCT_NAME, `${(e as Error)?.message ?? e}`);
    app.exit(1);
  });
}

main();
