import { EventEmitter } from 'node:events';
import { vi } from 'vitest';

// A stand-in for the 'electron' module, for tests of electron/main.ts: the real binary cannot run
// here. It keeps what main.ts does observable (windows, IPC handlers, menu, session handlers) and
// emits what Electron would emit (web-contents-created, close, will-quit).

type Handler = (event: unknown, ...args: unknown[]) => Promise<unknown>;
type NavListener = (event: { url: string; preventDefault(): void }) => void;

export interface FakeOptions {
  /** What requestSingleInstanceLock answers. */
  lock: boolean;
  appData: string;
}

export function createFakeElectron(opts: FakeOptions) {
  const calls: string[] = [];
  const paths = new Map<string, string>([
    ['appData', opts.appData],
    ['documents', opts.appData],
  ]);
  let becomeReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => (becomeReady = resolve));

  const app = Object.assign(new EventEmitter(), {
    isPackaged: false,
    setPath: vi.fn((key: string, value: string) => {
      calls.push(`setPath:${key}`);
      paths.set(key, value);
    }),
    getPath: (key: string) => {
      const p = paths.get(key);
      if (!p) throw new Error(`no path ${key}`);
      return p;
    },
    getVersion: () => '0.0.0-test',
    requestSingleInstanceLock: vi.fn(() => {
      calls.push('requestSingleInstanceLock');
      return opts.lock;
    }),
    quit: vi.fn(() => calls.push('quit')),
    exit: vi.fn(),
    enableSandbox: vi.fn(() => calls.push('enableSandbox')),
    whenReady: () => {
      calls.push('whenReady');
      return ready;
    },
  });

  let nextContentsId = 1;
  class FakeWebContents extends EventEmitter {
    readonly id = nextContentsId++;
    url = '';
    destroyed = false;
    sent: [string, unknown][] = [];
    openHandler: ((d: { url: string }) => { action: string }) | null = null;
    send(channel: string, payload: unknown) {
      this.sent.push([channel, payload]);
    }
    isDestroyed() {
      return this.destroyed;
    }
    getURL() {
      return this.url;
    }
    setWindowOpenHandler(h: (d: { url: string }) => { action: string }) {
      this.openHandler = h;
    }
    /** Emit a navigation as Electron does; true when a listener cancelled it. */
    navigate(url: string): boolean {
      let prevented = false;
      for (const l of this.listeners('will-navigate') as NavListener[])
        l({ url, preventDefault: () => (prevented = true) });
      return prevented;
    }
  }

  const windows: FakeBrowserWindow[] = [];
  class FakeBrowserWindow extends EventEmitter {
    static getAllWindows() {
      return windows.filter((w) => !w.destroyed);
    }
    static fromWebContents(wc: unknown) {
      return windows.find((w) => w.webContents === wc) ?? null;
    }
    webContents = new FakeWebContents();
    destroyed = false;
    minimized = false;
    maximized = false;
    fullScreen = false;
    menuRemoved = false;
    bounds = { x: 0, y: 0, width: 0, height: 0 };
    focus = vi.fn();
    show = vi.fn();
    showInactive = vi.fn();
    restore = vi.fn(() => (this.minimized = false));
    constructor(readonly options: Record<string, unknown> & { webPreferences?: Record<string, unknown> }) {
      super();
      const { x = 0, y = 0, width = 800, height = 600 } = options as Record<string, number>;
      this.bounds = { x, y, width, height };
      windows.push(this);
      app.emit('web-contents-created', {}, this.webContents);
    }
    loadURL(url: string) {
      this.webContents.url = url;
      return Promise.resolve();
    }
    maximize() {
      this.maximized = true;
    }
    setFullScreen(flag: boolean) {
      this.fullScreen = flag;
    }
    isFullScreen() {
      return this.fullScreen;
    }
    /** Electron ignores new bounds on a full-screen window (the test sees that as an error). */
    setBounds(b: Partial<typeof this.bounds>) {
      if (this.fullScreen) throw new Error('setBounds on a full-screen window');
      this.bounds = { ...this.bounds, ...b };
    }
    removeMenu() {
      this.menuRemoved = true;
    }
    isMaximized() {
      return this.maximized;
    }
    isMinimized() {
      return this.minimized;
    }
    isDestroyed() {
      return this.destroyed;
    }
    getNormalBounds() {
      return { ...this.bounds };
    }
    /** The user closes the window. */
    close() {
      this.emit('close', { preventDefault: () => {} });
      this.destroyed = true;
      this.webContents.destroyed = true;
      this.webContents.emit('destroyed');
      this.emit('closed');
    }
  }

  const ipcHandlers = new Map<string, Handler>();
  const ipcMain = {
    handle: vi.fn((channel: string, h: Handler) => {
      if (ipcHandlers.has(channel)) throw new Error(`second handler for ${channel}`);
      ipcHandlers.set(channel, h);
    }),
    removeHandler: vi.fn((channel: string) => void ipcHandlers.delete(channel)),
    on: vi.fn(),
  };

  const session = {
    defaultSession: {
      setPermissionRequestHandler: vi.fn(),
      setPermissionCheckHandler: vi.fn(),
      setDevicePermissionHandler: vi.fn(),
      webRequest: { onBeforeRequest: vi.fn() },
      protocol: { handle: vi.fn() },
    },
  };

  const primary = {
    id: 1,
    bounds: { x: 0, y: 0, width: 1366, height: 768 },
    workArea: { x: 0, y: 0, width: 1366, height: 728 },
  };
  /**
   * The connected displays, primary first; a test may push a second one (and emit `display-added`
   * or `display-removed` on `electron.screen`, as Electron does once the list has changed).
   */
  const displays: {
    id: number;
    bounds: { x: number; y: number; width: number; height: number };
    workArea: typeof primary.workArea;
  }[] = [primary];
  const electron = {
    app,
    BrowserWindow: FakeBrowserWindow,
    ipcMain,
    session,
    protocol: { registerSchemesAsPrivileged: vi.fn(() => calls.push('registerSchemesAsPrivileged')) },
    screen: Object.assign(new EventEmitter(), {
      getPrimaryDisplay: () => primary,
      getAllDisplays: () => [...displays],
    }),
    Menu: {
      buildFromTemplate: (template: unknown[]) => ({ template }),
      setApplicationMenu: vi.fn(),
    },
    dialog: {
      showMessageBox: vi.fn(() => Promise.resolve({ response: 0 })),
      showErrorBox: vi.fn(),
      /** The user always cancels, unless a test sets `saveTo`. */
      saveTo: null as string | null,
      showSaveDialog: vi.fn((_parent: unknown, _options?: unknown) => {
        const filePath = electron.dialog.saveTo;
        return Promise.resolve(filePath ? { canceled: false, filePath } : { canceled: true, filePath: '' });
      }),
      /** The user always cancels the open dialog, unless a test sets `openFrom`. */
      openFrom: null as string | null,
      showOpenDialog: vi.fn((_parent: unknown, _options?: unknown) => {
        const file = electron.dialog.openFrom;
        return Promise.resolve(file ? { canceled: false, filePaths: [file] } : { canceled: true, filePaths: [] });
      }),
    },
    shell: { openExternal: vi.fn(() => Promise.resolve()), openPath: vi.fn(() => Promise.resolve('')) },
  };

  return {
    calls,
    displays,
    windows,
    ipcHandlers,
    electron,
    becomeReady: () => becomeReady(),
  };
}

export type FakeElectron = ReturnType<typeof createFakeElectron>;
