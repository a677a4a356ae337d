import type { BrowserWindowConstructorOptions, IpcMainInvokeEvent } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createKioskWindows,
  externalDisplay,
  KIOSK_WINDOW_TITLE,
  kioskUrl,
  registerKioskWindow,
  type KioskWindow,
  type KioskWindows,
} from '../../../electron/shell/kiosk-window';
import { createWindowRoles, type WindowRoles } from '../../../electron/shell/ipc';
import { secureWebPreferences } from '../../../electron/shell/window-options';
import { isKioskRoute, KIOSK_CLOSE_CHANNEL, KIOSK_OPEN_CHANNEL, KIOSK_ROUTE_PATTERN } from '../../../shared/bridge';
import { createFakeElectron, type FakeElectron } from './fake-electron';

const E = '5b0e7a52-1d4f-4c1e-9a53-000000000001';
const W = '5b0e7a52-1d4f-4c1e-9a53-0000000000a1';
const D = '5b0e7a52-1d4f-4c1e-9a53-0000000000d1';
const D2 = '5b0e7a52-1d4f-4c1e-9a53-0000000000d2';
const route = (day = D) => `#/engagements/${E}/workshops/${W}/days/${day}/self`;
const PRELOAD = '/app/dist/electron/preload.cjs';

const frameEvent = (url: string | null) =>
  ({ senderFrame: url === null ? null : { url } }) as unknown as IpcMainInvokeEvent;
const TRUSTED = frameEvent('app://bimtek/index.html#/engagements');

type FakeWindow = FakeElectron['windows'][number];

let fake: FakeElectron;
let kiosk: KioskWindows;
let logs: string[];
let roles: WindowRoles;

function setup(isPackaged = true) {
  fake = createFakeElectron({ lock: true, appData: '/tmp/unused' });
  logs = [];
  roles = createWindowRoles();
  kiosk = createKioskWindows({
    createWindow: (options: BrowserWindowConstructorOptions) =>
      new fake.electron.BrowserWindow(options as Record<string, unknown>) as unknown as KioskWindow,
    screen: fake.electron.screen,
    preload: PRELOAD,
    isPackaged,
    log: (m) => logs.push(m),
    roles,
  });
}

/** Register the channels on the fake ipcMain and call one as a renderer would. */
function ipc() {
  const unregister = registerKioskWindow(fake.electron.ipcMain, kiosk, undefined, (m) => logs.push(m));
  const invoke = (channel: string, event: IpcMainInvokeEvent, ...args: unknown[]) =>
    fake.ipcHandlers.get(channel)!(event, args[0]) as Promise<Record<string, boolean>>;
  return { unregister, invoke };
}

const SECOND = {
  id: 2,
  bounds: { x: 1366, y: -120, width: 1920, height: 1080 },
  workArea: { x: 1366, y: -120, width: 1920, height: 1040 },
};

beforeEach(() => setup());

describe('self check-in route', () => {
  it('accepts only the self check-in page of one day', () => {
    expect(isKioskRoute(route())).toBe(true);
    expect(kioskUrl(route())).toBe(`app://bimtek/index.html${route()}`);
    for (const bad of [
      `#/engagements/${E}/workshops/${W}/days/${D}/checkin`,
      `#/engagements/${E}/participants`,
      `#/engagements/${E}/workshops/${W}/days/${D}/self/`,
      `#/engagements/${E}/workshops/${W}/days/${D}/self?x=1`,
      `${route()}\n`,
      `#/engagements/${E.toUpperCase()}/workshops/${W}/days/${D}/self`,
      `#/engagements/${E.slice(1)}/workshops/${W}/days/${D}/self`,
      `#/engagements/../../../../../../../etc/passwd/workshops/${W}/days/${D}/self`,
      `https://evil.example/${route()}`,
      `app://bimtek/index.html${route()}`,
      '#/',
      '',
      42,
      null,
      undefined,
      { toString: () => route() },
    ]) {
      expect(isKioskRoute(bad), String(bad)).toBe(false);
      expect(kioskUrl(bad)).toBeNull();
    }
  });

  it('is anchored at both ends', () => {
    expect(KIOSK_ROUTE_PATTERN.source.startsWith('^')).toBe(true);
    expect(KIOSK_ROUTE_PATTERN.source.endsWith('$')).toBe(true);
    expect(KIOSK_ROUTE_PATTERN.flags).toBe('');
  });
});

describe('self check-in window', () => {
  it('refuses a route that is not a self check-in route and opens nothing', () => {
    expect(kiosk.open(`#/engagements/${E}/workshops/${W}/days/${D}/checkin`)).toEqual({ opened: false });
    expect(kiosk.open('javascript:alert(1)')).toEqual({ opened: false });
    expect(kiosk.open({ route: route() })).toEqual({ opened: false });
    expect(fake.windows).toHaveLength(0);
    expect(kiosk.current()).toBeNull();
    expect(logs.some((l) => l.includes('refused a route'))).toBe(true);
  });

  it('opens one window with the secure web preferences, the bundled preload and the route on app://bimtek', () => {
    expect(kiosk.open(route())).toEqual({ opened: true });
    expect(fake.windows).toHaveLength(1);
    const [win] = fake.windows;
    expect(win.options.webPreferences).toEqual(secureWebPreferences(PRELOAD, true));
    // Same (default, hardened) session as the facilitator window: no partition or session of its own.
    expect(win.options.webPreferences).not.toHaveProperty('partition');
    expect(win.options.webPreferences).not.toHaveProperty('session');
    expect(win.webContents.getURL()).toBe(`app://bimtek/index.html${route()}`);
    expect(win.options).toMatchObject({ title: KIOSK_WINDOW_TITLE, show: false });
    expect(KIOSK_WINDOW_TITLE).toBe('Bimtek Studio — Daftar hadir mandiri');
    expect(win.menuRemoved).toBe(true);
    expect(kiosk.current()).toBe(win);
    // The core limits it to self check-in; once it is gone its role goes with it.
    expect(roles.roleOf(win.webContents)).toBe('kiosk');
    win.close();
    expect(roles.roleOf(win.webContents)).toBeNull();
  });

  it('keeps its title when the page sets its own', () => {
    kiosk.open(route());
    const preventDefault = vi.fn();
    fake.windows[0].emit('page-title-updated', { preventDefault }, 'Bimtek Studio', true);
    expect(preventDefault).toHaveBeenCalledOnce();
  });

  it('with one display: a normal centred window, shown at first paint, not full screen', () => {
    kiosk.open(route());
    const [win] = fake.windows;
    expect(win.options.fullscreen).toBeUndefined();
    expect(win.options).toMatchObject({ center: true, width: 1024, height: 768 });
    expect(externalDisplay(fake.electron.screen)).toBeNull();
    win.emit('ready-to-show');
    expect(win.show).toHaveBeenCalledOnce();
    expect(win.fullScreen).toBe(false);
  });

  it('with two displays: full screen on the one that is not the primary', () => {
    // The external display listed first: the choice is by id, not by order.
    fake.displays.unshift(SECOND);
    expect(externalDisplay(fake.electron.screen)).toBe(SECOND);
    kiosk.open(route());
    const [win] = fake.windows;
    expect(win.options).toMatchObject({ x: 1366, y: -120, width: 1920, height: 1080, fullscreen: true });
    expect(win.options.center).toBeUndefined();
    win.emit('ready-to-show');
    expect(win.show).toHaveBeenCalledOnce();
    expect(win.fullScreen).toBe(true);
  });

  it('a second call for the same route focuses the open window instead of opening another', () => {
    kiosk.open(route());
    const [win] = fake.windows;
    win.minimized = true;
    expect(kiosk.open(route())).toEqual({ opened: true });
    expect(fake.windows).toHaveLength(1);
    expect(win.restore).toHaveBeenCalledOnce();
    expect(win.show).toHaveBeenCalled();
    expect(win.focus).toHaveBeenCalledOnce();
  });

  it('another day replaces the open window: there is never more than one', () => {
    kiosk.open(route());
    const [first] = fake.windows;
    expect(kiosk.open(route(D2))).toEqual({ opened: true });
    expect(first.isDestroyed()).toBe(true);
    expect(fake.electron.BrowserWindow.getAllWindows()).toHaveLength(1);
    const second = kiosk.current() as unknown as FakeWindow;
    expect(second).not.toBe(first);
    expect(second.webContents.getURL()).toBe(`app://bimtek/index.html${route(D2)}`);
  });

  it('reopens the route when the facilitator left the kiosk page in that window with the PIN', () => {
    kiosk.open(route());
    const [first] = fake.windows;
    first.webContents.url = `app://bimtek/index.html#/engagements/${E}/workshops/${W}/days/${D}/checkin`;
    kiosk.open(route());
    expect(first.isDestroyed()).toBe(true);
    expect((kiosk.current() as unknown as FakeWindow).webContents.getURL()).toBe(`app://bimtek/index.html${route()}`);
  });

  it('closeKioskWindow closes it; closing again finds nothing', () => {
    kiosk.open(route());
    const [win] = fake.windows;
    expect(kiosk.close()).toEqual({ closed: true });
    expect(win.isDestroyed()).toBe(true);
    expect(kiosk.current()).toBeNull();
    expect(kiosk.close()).toEqual({ closed: false });
  });

  it('forgets a window closed with its own close button, and opens a new one next time', () => {
    kiosk.open(route());
    fake.windows[0].close();
    expect(kiosk.current()).toBeNull();
    expect(kiosk.close()).toEqual({ closed: false });
    kiosk.open(route());
    expect(fake.electron.BrowserWindow.getAllWindows()).toHaveLength(1);
    expect(fake.windows).toHaveLength(2);
  });

  it('offers developer tools only in a development build, like the facilitator window', () => {
    setup(false);
    kiosk.open(route());
    expect(fake.windows[0].options.webPreferences).toEqual(secureWebPreferences(PRELOAD, false));
  });
});

describe('self check-in window IPC', () => {
  it('registers both channels and removes them again', () => {
    const { unregister } = ipc();
    expect([...fake.ipcHandlers.keys()].sort()).toEqual([KIOSK_CLOSE_CHANNEL, KIOSK_OPEN_CHANNEL].sort());
    unregister();
    expect(fake.ipcHandlers.size).toBe(0);
  });

  it('opens and closes the window for a trusted app frame', async () => {
    const { invoke } = ipc();
    await expect(invoke(KIOSK_OPEN_CHANNEL, TRUSTED, route())).resolves.toEqual({ opened: true });
    expect(fake.windows).toHaveLength(1);
    await expect(invoke(KIOSK_OPEN_CHANNEL, TRUSTED, route())).resolves.toEqual({ opened: true });
    expect(fake.windows).toHaveLength(1);
    await expect(invoke(KIOSK_CLOSE_CHANNEL, TRUSTED)).resolves.toEqual({ closed: true });
    expect(fake.windows[0].isDestroyed()).toBe(true);
  });

  it('checks the route in the main process, whatever the preload let through', async () => {
    const { invoke } = ipc();
    for (const bad of [
      '#/',
      `#/engagements/${E}/workshops/${W}/days/${D}/checkin`,
      'https://evil.example/',
      null,
      { route: route() },
    ]) {
      await expect(invoke(KIOSK_OPEN_CHANNEL, TRUSTED, bad)).resolves.toEqual({ opened: false });
    }
    expect(fake.windows).toHaveLength(0);
  });

  it.each([
    ['another origin', 'https://evil.example/'],
    ['a file page', 'file:///tmp/x.html'],
    ['a look-alike host', 'app://bimtek.evil/index.html'],
    ['a frame that is gone', null],
  ])('refuses %s: opens nothing and closes nothing', async (_name, url) => {
    const { invoke } = ipc();
    await expect(invoke(KIOSK_OPEN_CHANNEL, frameEvent(url), route())).resolves.toEqual({ opened: false });
    expect(fake.windows).toHaveLength(0);
    kiosk.open(route());
    await expect(invoke(KIOSK_CLOSE_CHANNEL, frameEvent(url))).resolves.toEqual({ closed: false });
    expect(fake.windows[0].isDestroyed()).toBe(false);
    expect(logs.some((l) => l.includes('untrusted'))).toBe(true);
  });

  it('refuses when the trust check throws, and never throws back to the renderer', async () => {
    registerKioskWindow(
      fake.electron.ipcMain,
      kiosk,
      () => {
        throw new Error('bad check');
      },
      () => {},
    );
    await expect(fake.ipcHandlers.get(KIOSK_OPEN_CHANNEL)!(TRUSTED, route())).resolves.toEqual({ opened: false });
    expect(fake.windows).toHaveLength(0);

    fake.ipcHandlers.clear();
    const broken = {
      open: () => {
        throw new Error('window failed');
      },
      close: () => {
        throw new Error('window failed');
      },
    };
    const seen: string[] = [];
    registerKioskWindow(
      fake.electron.ipcMain,
      broken,
      () => true,
      (m) => seen.push(m),
    );
    await expect(fake.ipcHandlers.get(KIOSK_OPEN_CHANNEL)!(TRUSTED, route())).resolves.toEqual({ opened: false });
    await expect(fake.ipcHandlers.get(KIOSK_CLOSE_CHANNEL)!(TRUSTED, undefined)).resolves.toEqual({ closed: false });
    expect(seen).toEqual(['kiosk-window:open failed', 'kiosk-window:close failed']);
  });
});
