import type { BrowserWindowConstructorOptions, IpcMainInvokeEvent } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createWindowRoles, type WindowRoles } from '../../../electron/shell/ipc';
import {
  createProjectorWindows,
  PROJECTOR_WINDOW_TITLE,
  projectorPlacement,
  projectorUrl,
  registerProjectorWindow,
  type ProjectorWindow,
  type ProjectorWindows,
} from '../../../electron/shell/projector-window';
import { secureWebPreferences } from '../../../electron/shell/window-options';
import {
  isProjectorWorkshopId,
  PROJECTOR_CLOSE_CHANNEL,
  PROJECTOR_OPEN_CHANNEL,
  WORKSHOP_ID_PATTERN,
} from '../../../shared/bridge';
import { idSchema } from '../../../shared/primitives';
import { createFakeElectron, type FakeElectron } from './fake-electron';

const W = '5b0e7a52-1d4f-4c1e-9a53-0000000000a1';
const W2 = '5b0e7a52-1d4f-4c1e-9a53-0000000000a2';
const url = (id = W) => `app://bimtek/index.html#/present/${id}`;
const PRELOAD = '/app/dist/electron/preload.cjs';

type FakeWindow = FakeElectron['windows'][number];

let fake: FakeElectron;
let projector: ProjectorWindows;
let logs: string[];
let roles: WindowRoles;

function setup(isPackaged = true) {
  fake = createFakeElectron({ lock: true, appData: '/tmp/unused' });
  logs = [];
  roles = createWindowRoles();
  projector = createProjectorWindows({
    createWindow: (options: BrowserWindowConstructorOptions) =>
      new fake.electron.BrowserWindow(options as Record<string, unknown>) as unknown as ProjectorWindow,
    screen: fake.electron.screen,
    preload: PRELOAD,
    isPackaged,
    log: (m) => logs.push(m),
    roles,
  });
}

const SECOND = {
  id: 2,
  bounds: { x: 1366, y: -120, width: 1920, height: 1080 },
  workArea: { x: 1366, y: -120, width: 1920, height: 1040 },
};
const THIRD = {
  id: 3,
  bounds: { x: -1024, y: 0, width: 1024, height: 768 },
  workArea: { x: -1024, y: 0, width: 1024, height: 728 },
};
/** 1280×720 centred in the fake primary's work area (1366×728 at 0,0). */
const ORDINARY = { x: 43, y: 4, width: 1280, height: 720 };

/** Plug a display in or out, as Electron reports it: the list changes, then the event. */
function plug(display: typeof SECOND) {
  fake.displays.push(display);
  fake.electron.screen.emit('display-added', {}, display);
}
function unplug(display: typeof SECOND) {
  fake.displays.splice(fake.displays.indexOf(display), 1);
  fake.electron.screen.emit('display-removed', {}, display);
}

beforeEach(() => setup());

describe('projector workshop id', () => {
  it('accepts a workshop id (a UUID as the store makes it) and builds the #/present route on app://bimtek', () => {
    expect(isProjectorWorkshopId(W)).toBe(true);
    expect(projectorUrl(W)).toBe(url());
    expect(isProjectorWorkshopId(crypto.randomUUID())).toBe(true);
  });

  it('refuses anything else', () => {
    for (const bad of [
      W.toUpperCase(),
      W.slice(1),
      `${W}0`,
      `${W}\n`,
      ` ${W}`,
      `${W}/../../etc/passwd`,
      `${W}?x=1`,
      `${W}#/engagements`,
      `../${W}`,
      '5b0e7a52-1d4f-0c1e-9a53-0000000000a1', // version 0
      '5b0e7a52-1d4f-4c1e-1a53-0000000000a1', // not the RFC variant
      '5b0e7a52x1d4fx4c1ex9a53x0000000000a1',
      `#/present/${W}`,
      url(),
      '',
      42,
      null,
      undefined,
      { toString: () => W },
      [W],
    ]) {
      expect(isProjectorWorkshopId(bad), String(bad)).toBe(false);
      expect(projectorUrl(bad)).toBeNull();
    }
  });

  it('accepts nothing the core would refuse as an id, and is anchored at both ends', () => {
    for (const id of [W, W2, crypto.randomUUID(), crypto.randomUUID(), '00000000-0000-4000-8000-000000000000'])
      expect(idSchema.safeParse(id).success && isProjectorWorkshopId(id), id).toBe(true);
    expect(WORKSHOP_ID_PATTERN.source.startsWith('^')).toBe(true);
    expect(WORKSHOP_ID_PATTERN.source.endsWith('$')).toBe(true);
    expect(WORKSHOP_ID_PATTERN.flags).toBe('');
  });
});

describe('projector window', () => {
  it('refuses a workshop id that is not a UUID and opens nothing', () => {
    expect(projector.open('#/engagements')).toEqual({ opened: false });
    expect(projector.open(`${W}/../x`)).toEqual({ opened: false });
    expect(projector.open({ workshopId: W })).toEqual({ opened: false });
    expect(fake.windows).toHaveLength(0);
    expect(projector.current()).toBeNull();
    expect(logs.some((l) => l.includes('not a UUID'))).toBe(true);
  });

  it('opens one window with the secure web preferences, the bundled preload, its title and the projector role', () => {
    expect(projector.open(W)).toEqual({ opened: true });
    expect(fake.windows).toHaveLength(1);
    const [win] = fake.windows;
    expect(win.options.webPreferences).toEqual(secureWebPreferences(PRELOAD, true));
    // Same (default, hardened) session as the facilitator window.
    expect(win.options.webPreferences).not.toHaveProperty('partition');
    expect(win.options.webPreferences).not.toHaveProperty('session');
    expect(win.webContents.getURL()).toBe(url());
    expect(win.options).toMatchObject({ title: PROJECTOR_WINDOW_TITLE, show: false });
    expect(PROJECTOR_WINDOW_TITLE).toBe('Bimtek Studio — Proyektor');
    expect(win.menuRemoved).toBe(true);
    expect(projector.current()).toBe(win);
    expect(roles.roleOf(win.webContents)).toBe('projector');
    win.close();
    expect(roles.roleOf(win.webContents)).toBeNull();
  });

  it('keeps its title when the page sets its own', () => {
    projector.open(W);
    const preventDefault = vi.fn();
    fake.windows[0].emit('page-title-updated', { preventDefault }, 'Bimtek Studio', true);
    expect(preventDefault).toHaveBeenCalledOnce();
  });

  it('with one display: an ordinary 1280×720 window centred on the primary display, not full screen', () => {
    projector.open(W);
    const [win] = fake.windows;
    expect(win.options.fullscreen).toBeUndefined();
    expect(win.options).toMatchObject(ORDINARY);
    win.emit('ready-to-show');
    expect(win.show).toHaveBeenCalledOnce();
    expect(win.showInactive).not.toHaveBeenCalled();
    expect(win.fullScreen).toBe(false);
  });

  it('on a small primary display the ordinary window fits its work area', () => {
    const small = {
      id: 1,
      bounds: { x: 0, y: 0, width: 1024, height: 768 },
      workArea: { x: 0, y: 0, width: 1024, height: 728 },
    };
    const screen = { getPrimaryDisplay: () => small, getAllDisplays: () => [small] };
    expect(projectorPlacement(screen)).toEqual({
      displayId: null,
      bounds: { x: 0, y: 4, width: 1024, height: 720 },
      fullScreen: false,
    });
  });

  it('with two displays: full screen over the one that is not the primary', () => {
    // The external display listed first: the choice is by id, not by order.
    fake.displays.unshift(SECOND);
    projector.open(W);
    const [win] = fake.windows;
    expect(win.options).toMatchObject({ x: 1366, y: -120, width: 1920, height: 1080, fullscreen: true });
    expect(win.options.center).toBeUndefined();
    win.emit('ready-to-show');
    // Shown without taking the keyboard from the facilitator window.
    expect(win.showInactive).toHaveBeenCalledOnce();
    expect(win.show).not.toHaveBeenCalled();
    expect(win.focus).not.toHaveBeenCalled();
    expect(win.fullScreen).toBe(true);
  });

  it('a second call for the same workshop focuses the open window and does not reload it', () => {
    projector.open(W);
    const [win] = fake.windows;
    const load = vi.spyOn(win, 'loadURL');
    win.minimized = true;
    expect(projector.open(W)).toEqual({ opened: true });
    expect(fake.windows).toHaveLength(1);
    expect(load).not.toHaveBeenCalled();
    expect(win.restore).toHaveBeenCalledOnce();
    expect(win.show).toHaveBeenCalled();
    expect(win.focus).toHaveBeenCalledOnce();
  });

  it('a call for another workshop reuses the window: focused and moved to that workshop', () => {
    projector.open(W);
    const [win] = fake.windows;
    expect(projector.open(W2)).toEqual({ opened: true });
    expect(fake.windows).toHaveLength(1);
    expect(win.isDestroyed()).toBe(false);
    expect(win.webContents.getURL()).toBe(url(W2));
    expect(win.focus).toHaveBeenCalledOnce();
    expect(roles.roleOf(win.webContents)).toBe('projector');
    expect(projector.current()).toBe(win);
  });

  it('close() closes it; closing again finds nothing; its own close button is forgotten too', () => {
    projector.open(W);
    const [win] = fake.windows;
    expect(projector.close()).toEqual({ closed: true });
    expect(win.isDestroyed()).toBe(true);
    expect(projector.close()).toEqual({ closed: false });
    projector.open(W);
    fake.windows[1].close();
    expect(projector.current()).toBeNull();
    projector.open(W);
    expect(fake.electron.BrowserWindow.getAllWindows()).toHaveLength(1);
    expect(fake.windows).toHaveLength(3);
  });

  it('offers developer tools only in a development build, like the facilitator window', () => {
    setup(false);
    projector.open(W);
    expect(fake.windows[0].options.webPreferences).toEqual(secureWebPreferences(PRELOAD, false));
  });
});

describe('projector window and the displays', () => {
  it('moves to a projector plugged in (full screen), and back to an ordinary window when it is unplugged', () => {
    projector.open(W);
    const [win] = fake.windows;
    win.emit('ready-to-show');
    plug(SECOND);
    expect(win.bounds).toEqual(SECOND.bounds);
    expect(win.fullScreen).toBe(true);
    unplug(SECOND);
    expect(win.fullScreen).toBe(false);
    expect(win.bounds).toEqual(ORDINARY);
    expect(logs.filter((l) => l.includes('cannot follow'))).toEqual([]);
  });

  it('stays where it is when nothing it needs has changed', () => {
    fake.displays.push(SECOND);
    projector.open(W);
    const [win] = fake.windows;
    win.emit('ready-to-show');
    // A third display: the projector window stays on the second.
    plug(THIRD);
    expect(win.fullScreen).toBe(true);
    expect(win.bounds).toEqual(SECOND.bounds);
    unplug(THIRD);
    expect(win.bounds).toEqual(SECOND.bounds);
    // The facilitator dragged the ordinary window somewhere: a display event that leaves no
    // external display does not pull it back.
    unplug(SECOND);
    win.bounds = { x: 100, y: 50, width: 1000, height: 600 };
    fake.electron.screen.emit('display-removed', {}, THIRD);
    expect(win.bounds).toEqual({ x: 100, y: 50, width: 1000, height: 600 });
  });

  it('a display unplugged before the first paint: shown as an ordinary window, not full screen', () => {
    fake.displays.push(SECOND);
    projector.open(W);
    const [win] = fake.windows;
    unplug(SECOND);
    win.emit('ready-to-show');
    expect(win.show).toHaveBeenCalledOnce();
    expect(win.fullScreen).toBe(false);
    expect(win.bounds).toEqual(ORDINARY);
  });

  it('stops listening to the displays once the window is closed', () => {
    const screen = fake.electron.screen;
    projector.open(W);
    expect(screen.listenerCount('display-added')).toBe(1);
    expect(screen.listenerCount('display-removed')).toBe(1);
    // Moving to another workshop adds no second listener.
    projector.open(W2);
    expect(screen.listenerCount('display-added')).toBe(1);
    projector.close();
    expect(screen.listenerCount('display-added')).toBe(0);
    expect(screen.listenerCount('display-removed')).toBe(0);
    plug(SECOND);
    expect(fake.windows).toHaveLength(1);
  });
});

describe('projector window IPC', () => {
  const frame = (win: FakeWindow | null, frameUrl: string | null = 'app://bimtek/index.html#/engagements') =>
    ({
      senderFrame: frameUrl === null ? null : { url: frameUrl },
      sender: win?.webContents ?? { id: 9999 },
    }) as unknown as IpcMainInvokeEvent;

  /** A facilitator window and a self check-in window, each with its role, as main.ts assigns them. */
  function windowsWithRoles() {
    const facilitator = new fake.electron.BrowserWindow({});
    roles.assign(facilitator.webContents, 'facilitator');
    const kiosk = new fake.electron.BrowserWindow({});
    roles.assign(kiosk.webContents, 'kiosk');
    return { facilitator, kiosk };
  }

  function ipc() {
    const unregister = registerProjectorWindow(fake.electron.ipcMain, projector, roles, (m) => logs.push(m));
    const invoke = (channel: string, event: IpcMainInvokeEvent, arg?: unknown) =>
      fake.ipcHandlers.get(channel)!(event, arg) as Promise<Record<string, boolean>>;
    return { unregister, invoke };
  }

  it('registers both channels and removes them again', () => {
    const { unregister } = ipc();
    expect([...fake.ipcHandlers.keys()].sort()).toEqual([PROJECTOR_CLOSE_CHANNEL, PROJECTOR_OPEN_CHANNEL].sort());
    unregister();
    expect(fake.ipcHandlers.size).toBe(0);
  });

  it('the facilitator window opens, reuses and closes it', async () => {
    const { facilitator } = windowsWithRoles();
    const { invoke } = ipc();
    await expect(invoke(PROJECTOR_OPEN_CHANNEL, frame(facilitator), W)).resolves.toEqual({ opened: true });
    await expect(invoke(PROJECTOR_OPEN_CHANNEL, frame(facilitator), W2)).resolves.toEqual({ opened: true });
    const shown = projector.current() as unknown as FakeWindow;
    expect(fake.windows.filter((w) => roles.roleOf(w.webContents) === 'projector')).toEqual([shown]);
    expect(shown.webContents.getURL()).toBe(url(W2));
    await expect(invoke(PROJECTOR_CLOSE_CHANNEL, frame(facilitator))).resolves.toEqual({ closed: true });
    expect(shown.isDestroyed()).toBe(true);
    expect(facilitator.isDestroyed()).toBe(false);
  });

  it('checks the workshop id in the main process, whatever the preload let through', async () => {
    const { facilitator } = windowsWithRoles();
    const { invoke } = ipc();
    const before = fake.windows.length;
    for (const bad of ['#/', `${W}/../../x`, W.toUpperCase(), 'https://evil.example/', null, { workshopId: W }])
      await expect(invoke(PROJECTOR_OPEN_CHANNEL, frame(facilitator), bad)).resolves.toEqual({ opened: false });
    expect(fake.windows).toHaveLength(before);
  });

  it('refuses every frame that is not the facilitator window: opens nothing, closes nothing', async () => {
    const { facilitator, kiosk } = windowsWithRoles();
    const { invoke } = ipc();
    projector.open(W);
    const shown = projector.current() as unknown as FakeWindow;
    const refused = [
      frame(kiosk),
      frame(shown, url()),
      frame(null), // a window the shell never gave a role
      frame(facilitator, 'https://evil.example/'),
      frame(facilitator, 'app://bimtek.evil/index.html'),
      frame(facilitator, null), // a frame that is gone
    ];
    for (const event of refused) {
      await expect(invoke(PROJECTOR_OPEN_CHANNEL, event, W2)).resolves.toEqual({ opened: false });
      await expect(invoke(PROJECTOR_CLOSE_CHANNEL, event)).resolves.toEqual({ closed: false });
    }
    expect(shown.isDestroyed()).toBe(false);
    expect(shown.webContents.getURL()).toBe(url());
    expect(logs.filter((l) => l.includes("not the facilitator's"))).toHaveLength(refused.length * 2);
  });

  it('refuses when the check throws, and never throws back to the renderer', async () => {
    registerProjectorWindow(
      fake.electron.ipcMain,
      projector,
      {
        roleOf: () => {
          throw new Error('bad roles');
        },
      },
      () => {},
    );
    const { facilitator } = windowsWithRoles();
    const before = fake.windows.length;
    await expect(fake.ipcHandlers.get(PROJECTOR_OPEN_CHANNEL)!(frame(facilitator), W)).resolves.toEqual({
      opened: false,
    });
    expect(fake.windows).toHaveLength(before);

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
    registerProjectorWindow(fake.electron.ipcMain, broken, roles, (m) => seen.push(m));
    await expect(fake.ipcHandlers.get(PROJECTOR_OPEN_CHANNEL)!(frame(facilitator), W)).resolves.toEqual({
      opened: false,
    });
    await expect(fake.ipcHandlers.get(PROJECTOR_CLOSE_CHANNEL)!(frame(facilitator), undefined)).resolves.toEqual({
      closed: false,
    });
    expect(seen).toEqual(['projector-window:open failed', 'projector-window:close failed']);
  });
});
