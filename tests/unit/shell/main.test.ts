import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DB_FILE_NAME } from '../../../electron/core/store/store';
import {
  EXPORT_FILE_CHANNEL,
  KIOSK_CLOSE_CHANNEL,
  KIOSK_OPEN_CHANNEL,
  OPEN_FILE_CHANNEL,
  PROJECTOR_CLOSE_CHANNEL,
  PROJECTOR_OPEN_CHANNEL,
  SAVE_FILE_CHANNEL,
} from '../../../shared/bridge';
import { CALL_CHANNEL, CHANGE_CHANNEL, mayCall, OP_NAMES, type OpName } from '../../../shared/contract';
import { engagementInput, makeTempDir, removeTempDir, workshopInput } from '../../fixtures/inputs';
import { createFakeElectron, type FakeElectron } from './fake-electron';

// electron/main.ts runs on import, against a fake Electron (the binary cannot run here) and the
// real electron-store, store and handlers in a temp folder. Each launch gets a fresh fake: the
// mocked module reads the current one on every access.
const holder = vi.hoisted(() => ({ fake: null as { electron: Record<string, unknown> } | null }));
vi.mock('electron', () => {
  const current = () => holder.fake!.electron;
  const mod: Record<string, unknown> = {};
  for (const name of ['app', 'BrowserWindow', 'ipcMain', 'session', 'protocol', 'screen', 'Menu', 'dialog', 'shell']) {
    Object.defineProperty(mod, name, { get: () => current()[name], enumerable: true });
  }
  Object.defineProperty(mod, 'default', { get: current, enumerable: true });
  return mod;
});

let userData: string;
let appData: string;

/** Start a fresh copy of main.ts, as launching the app does. */
async function launch({ lock = true, ready = true } = {}): Promise<FakeElectron> {
  vi.resetModules();
  const fake = createFakeElectron({ lock, appData });
  holder.fake = fake;
  await import('../../../electron/main');
  if (ready) {
    fake.becomeReady();
    await vi.waitFor(() => expect(fake.windows.length).toBeGreaterThan(0));
  }
  return fake;
}

/** An invoke event from a window: its frame's URL and its contents (whose role the shell knows). */
const from = (win: FakeElectron['windows'][number], url = 'app://bimtek/index.html') => ({
  senderFrame: { url },
  sender: win.webContents,
});
const invoke = (fake: FakeElectron, op: OpName, input: unknown, event: unknown = from(fake.windows[0])) =>
  fake.ipcHandlers.get(CALL_CHANNEL)!(event, op, input) as Promise<{
    ok: boolean;
    value: { id: string };
    error: { code: string };
  }>;
const menuLabels = (fake: FakeElectron) => {
  const calls = fake.electron.Menu.setApplicationMenu.mock.calls as unknown as [{ template: { label?: string }[] }][];
  return calls.at(-1)![0].template.map((i) => i.label);
};
const readConfig = () => JSON.parse(fs.readFileSync(path.join(userData, 'config.json'), 'utf8'));

let launched: FakeElectron[];

beforeEach(() => {
  appData = makeTempDir('bimtek-appdata-');
  userData = makeTempDir('bimtek-userdata-');
  process.env.BIMTEK_USER_DATA = userData;
  launched = [];
});

afterEach(() => {
  // Quit every launched copy so its database is closed before the folder goes.
  for (const f of launched) f.electron.app.emit('will-quit');
  delete process.env.BIMTEK_USER_DATA;
  removeTempDir(userData);
  removeTempDir(appData);
});

describe('main process start-up', () => {
  it('before ready: uses BIMTEK_USER_DATA, takes the lock there, enables the sandbox and registers the scheme', async () => {
    const fake = await launch({ ready: false });
    launched.push(fake);
    expect(fake.electron.app.setPath).toHaveBeenCalledWith('userData', userData);
    expect(fake.calls.slice(0, 2)).toEqual(['setPath:userData', 'requestSingleInstanceLock']);
    expect(fake.calls).toEqual(expect.arrayContaining(['enableSandbox', 'registerSchemesAsPrivileged', 'whenReady']));
    expect(fake.calls.indexOf('registerSchemesAsPrivileged')).toBeLessThan(fake.calls.indexOf('whenReady'));
    expect(fake.windows).toHaveLength(0);
    expect(fake.ipcHandlers.size).toBe(0);
    // A second start during start-up is harmless.
    fake.electron.app.emit('second-instance');
    expect(fake.windows).toHaveLength(0);
    fake.becomeReady();
    await vi.waitFor(() => expect(fake.windows).toHaveLength(1));
  });

  it('without BIMTEK_USER_DATA uses appData/"Bimtek Studio", the folder browser mode uses', async () => {
    delete process.env.BIMTEK_USER_DATA;
    const fake = await launch({ ready: false });
    expect(fake.electron.app.setPath).toHaveBeenCalledWith('userData', path.join(appData, 'Bimtek Studio'));
  });

  it('a second instance quits at once and opens nothing', async () => {
    const fake = await launch({ lock: false, ready: false });
    expect(fake.electron.app.quit).toHaveBeenCalledOnce();
    expect(fake.calls).not.toContain('whenReady');
    expect(fake.electron.protocol.registerSchemesAsPrivileged).not.toHaveBeenCalled();
    expect(fake.ipcHandlers.size).toBe(0);
  });

  it('when ready: hardens the session, serves the app scheme and registers every operation', async () => {
    const fake = await launch();
    launched.push(fake);
    const ses = fake.electron.session.defaultSession;
    expect(ses.setPermissionRequestHandler).toHaveBeenCalledOnce();
    const deny = vi.fn();
    (ses.setPermissionRequestHandler.mock.calls[0] as unknown as [(...a: unknown[]) => void])[0]({}, 'media', deny, {});
    expect(deny).toHaveBeenCalledWith(false);
    expect(ses.setPermissionCheckHandler).toHaveBeenCalledOnce();
    expect(ses.webRequest.onBeforeRequest).toHaveBeenCalledOnce();
    expect(ses.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    expect([...fake.ipcHandlers.keys()].sort()).toEqual(
      [
        CALL_CHANNEL,
        SAVE_FILE_CHANNEL,
        EXPORT_FILE_CHANNEL,
        OPEN_FILE_CHANNEL,
        KIOSK_OPEN_CHANNEL,
        KIOSK_CLOSE_CHANNEL,
        PROJECTOR_OPEN_CHANNEL,
        PROJECTOR_CLOSE_CHANNEL,
      ].sort(),
    );
  });

  it('opens one secure window on app://bimtek with the bundled preload, hardened against navigation', async () => {
    const fake = await launch();
    launched.push(fake);
    const [win] = fake.windows;
    expect(win.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
    });
    expect(path.basename(String(win.options.webPreferences!.preload))).toBe('preload.cjs');
    expect(win.webContents.getURL()).toBe('app://bimtek/index.html');
    expect(win.webContents.navigate('https://example.com/')).toBe(true);
    expect(win.webContents.navigate('app://bimtek/workshops/1')).toBe(false);
    expect(win.webContents.openHandler!({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    expect(fake.electron.shell.openExternal).toHaveBeenCalledWith('https://example.com/');
    win.emit('ready-to-show');
    expect(win.show).toHaveBeenCalled();
  });

  it('keeps data in userData and forwards each change to the window', async () => {
    const fake = await launch();
    launched.push(fake);
    const created = await invoke(fake, 'engagements.create', engagementInput());
    expect(created.ok).toBe(true);
    expect(fs.existsSync(path.join(userData, DB_FILE_NAME))).toBe(true);
    expect(fake.windows[0].webContents.sent).toEqual([
      [
        CHANGE_CHANNEL,
        { entity: 'engagement', id: created.value.id, action: 'created', engagementId: created.value.id },
      ],
    ]);
    const refused = await invoke(fake, 'engagements.create', engagementInput(), {
      senderFrame: { url: 'https://evil.example/' },
      sender: fake.windows[0].webContents,
    });
    expect(refused.ok).toBe(false);
    expect(refused.error.code).toBe('FORBIDDEN');
  });

  it('rebuilds the menu in English when the language changes, and keeps it in config.json', async () => {
    const fake = await launch();
    launched.push(fake);
    expect(menuLabels(fake)).toEqual(['Berkas', 'Sunting', 'Tampilan', 'Jendela', 'Bantuan']);
    await invoke(fake, 'settings.update', { language: 'en' });
    expect(menuLabels(fake)).toEqual(['File', 'Edit', 'View', 'Window', 'Help']);
    expect(readConfig().preferences).toEqual({ language: 'en' });
  });

  it('saves the window bounds on close and restores them at the next start', async () => {
    const first = await launch();
    launched.push(first);
    Object.assign(first.windows[0].bounds, { x: 40, y: 20, width: 1100, height: 650 });
    first.windows[0].close();
    expect(readConfig().window).toEqual({ x: 40, y: 20, width: 1100, height: 650, maximized: false });
    first.electron.app.emit('will-quit');

    const second = await launch();
    launched.push(second);
    expect(second.windows[0].options).toMatchObject({ x: 40, y: 20, width: 1100, height: 650 });
  });

  it('saves an export where the user chooses, attached to the asking window', async () => {
    const fake = await launch();
    launched.push(fake);
    const target = path.join(userData, 'Daftar Hadir.docx');
    fake.electron.dialog.saveTo = target;
    const sender = fake.windows[0].webContents;
    const r = await fake.ipcHandlers.get(SAVE_FILE_CHANNEL)!(
      { ...from(fake.windows[0]), sender },
      { fileName: 'Daftar Hadir.docx', mime: 'application/octet-stream', data: Buffer.from('isi').toString('base64') },
    );
    expect(r).toEqual({ saved: true, path: target });
    expect(fs.readFileSync(target, 'utf8')).toBe('isi');
    expect(fake.electron.dialog.showSaveDialog.mock.calls[0][0]).toBe(fake.windows[0]);
  });

  it('exports a file from the core straight to disk; another window may not', async () => {
    const fake = await launch();
    launched.push(fake);
    const e = (await invoke(fake, 'engagements.create', engagementInput())).value.id;
    await invoke(fake, 'participants.create', { engagementId: e, name: 'Siti Aminah', phone: '081234567890' });
    const target = path.join(userData, 'Daftar Peserta.csv');
    fake.electron.dialog.saveTo = target;
    const exportFile = fake.ipcHandlers.get(EXPORT_FILE_CHANNEL)!;
    const r = (await exportFile(from(fake.windows[0]), 'participants.export', { engagementId: e, format: 'csv' })) as {
      saved: boolean;
      path: string;
      fileName: string;
    };
    expect(r).toMatchObject({ saved: true, path: target });
    expect(r.fileName).toMatch(/\.csv$/);
    expect(fs.readFileSync(target, 'utf8')).toContain('Siti Aminah');
    // Only file-making operations go through this channel.
    expect(await exportFile(from(fake.windows[0]), 'engagements.delete', { id: e })).toMatchObject({ saved: false });
    expect((await invoke(fake, 'engagements.get', { id: e })).ok).toBe(true);
    // A refusal of the core comes back with its key.
    const bad = (await exportFile(from(fake.windows[0]), 'participants.export', {
      engagementId: e,
      format: 'pdf',
    })) as {
      refusal: { code: string };
    };
    expect(bad.refusal.code).toBe('VALIDATION');
  });

  it('moves an exported package to the chosen file and imports one the user picks, by token, never by path', async () => {
    const fake = await launch();
    launched.push(fake);
    const e = (await invoke(fake, 'engagements.create', engagementInput())).value.id;
    const target = path.join(userData, 'Kota Kediri 2019.bimtek');
    fake.electron.dialog.saveTo = target;
    const exportFile = fake.ipcHandlers.get(EXPORT_FILE_CHANNEL)!;
    expect(await exportFile(from(fake.windows[0]), 'packages.export', { engagementId: e })).toMatchObject({
      saved: true,
      path: target,
    });
    expect(fs.readFileSync(target).subarray(0, 14).toString('latin1')).toBe('BIMTEK-PACKAGE');
    // The core's temp file was moved, not copied: nothing is left behind.
    const tmp = path.join(userData, 'tmp');
    expect(fs.existsSync(tmp) ? fs.readdirSync(tmp) : []).toEqual([]);
    // Cancelled: the temp file goes too.
    fake.electron.dialog.saveTo = null;
    expect(await exportFile(from(fake.windows[0]), 'packages.export', { engagementId: e })).toMatchObject({
      saved: false,
    });
    expect(fs.existsSync(tmp) ? fs.readdirSync(tmp) : []).toEqual([]);

    const openFile = fake.ipcHandlers.get(OPEN_FILE_CHANNEL)!;
    // Only operations that take a file, and the dialog decides the path.
    expect(await openFile(from(fake.windows[0]), 'engagements.delete', ['bimtek'])).toMatchObject({ picked: false });
    expect(await openFile(from(fake.windows[0]), 'packages.preview', ['bimtek'])).toEqual({ picked: false });
    fake.electron.dialog.openFrom = target;
    const picked = (await openFile(from(fake.windows[0]), 'packages.preview', ['bimtek'])) as {
      picked: true;
      file: string;
      fileName: string;
    };
    expect(picked).toMatchObject({ picked: true, fileName: 'Kota Kediri 2019.bimtek' });
    expect(picked.file).toMatch(/^[0-9a-f]{32}$/);
    const preview = await invoke(fake, 'packages.preview', { fileName: picked.fileName, file: picked.file });
    expect(preview.value).toMatchObject({ engagementId: e, file: picked.file });
    expect((await invoke(fake, 'packages.import', { fileName: picked.fileName, file: picked.file })).ok).toBe(true);
    // The user's own file is never removed.
    expect(fs.existsSync(target)).toBe(true);
    // A path in place of a token is refused.
    expect((await invoke(fake, 'packages.preview', { fileName: 'x.bimtek', file: target })).ok).toBe(false);
  });

  it('opens the self check-in window beside the facilitator window: hardened, and fed the same changes', async () => {
    const fake = await launch();
    launched.push(fake);
    const created = await invoke(fake, 'engagements.create', engagementInput());
    const e = created.value.id;
    const route = `#/engagements/${e}/workshops/${e}/days/${e}/self`;
    const open = fake.ipcHandlers.get(KIOSK_OPEN_CHANNEL)!;
    expect(await open(from(fake.windows[0], 'https://evil.example/'), route)).toEqual({ opened: false });
    expect(await open(from(fake.windows[0]), '#/')).toEqual({ opened: false });
    expect(fake.windows).toHaveLength(1);

    expect(await open(from(fake.windows[0]), route)).toEqual({ opened: true });
    expect(fake.windows).toHaveLength(2);
    const [main, kiosk] = fake.windows;
    expect(kiosk.options).toMatchObject({ title: 'Bimtek Studio — Daftar hadir mandiri' });
    expect(kiosk.options.webPreferences).toEqual(main.options.webPreferences);
    expect(kiosk.webContents.getURL()).toBe(`app://bimtek/index.html${route}`);
    // web-contents-created hardened it like the facilitator window.
    expect(kiosk.webContents.navigate('file:///etc/passwd')).toBe(true);
    expect(kiosk.webContents.openHandler!({ url: 'https://example.com/' })).toEqual({ action: 'deny' });

    main.webContents.sent.length = 0;
    await invoke(fake, 'settings.update', { language: 'en' });
    const change = [CHANGE_CHANNEL, { entity: 'settings', id: 'preferences', action: 'updated' }];
    expect(main.webContents.sent).toEqual([change]);
    expect(kiosk.webContents.sent).toEqual([change]);

    // The self check-in window has the kiosk role: the core refuses it every other operation,
    // and the Electron-only channels of the facilitator.
    for (const op of OP_NAMES.filter((n) => !mayCall('kiosk', n))) {
      const r = await invoke(fake, op, {}, from(kiosk, kiosk.webContents.getURL()));
      expect(r.error?.code, op).toBe('FORBIDDEN');
    }
    expect((await invoke(fake, 'engagements.get', { id: e }, from(kiosk, kiosk.webContents.getURL()))).ok).toBe(true);
    expect(await open(from(kiosk, kiosk.webContents.getURL()), route)).toEqual({ opened: false });
    const save = await fake.ipcHandlers.get(SAVE_FILE_CHANNEL)!(from(kiosk, kiosk.webContents.getURL()), {
      fileName: 'x.docx',
      mime: 'application/octet-stream',
      data: '',
    });
    expect(save).toMatchObject({ saved: false });
    const exported = await fake.ipcHandlers.get(EXPORT_FILE_CHANNEL)!(
      from(kiosk, kiosk.webContents.getURL()),
      'participants.export',
      { engagementId: e, format: 'csv' },
    );
    expect(exported).toMatchObject({ saved: false });

    // It may close itself (after its PIN).
    expect(await fake.ipcHandlers.get(KIOSK_CLOSE_CHANNEL)!(from(kiosk, kiosk.webContents.getURL()))).toEqual({
      closed: true,
    });
    expect(kiosk.isDestroyed()).toBe(true);
    expect(main.isDestroyed()).toBe(false);
  });

  it('closing the facilitator window closes the self check-in window too', async () => {
    const fake = await launch();
    launched.push(fake);
    const id = '5b0e7a52-1d4f-4c1e-9a53-000000000001';
    await fake.ipcHandlers.get(KIOSK_OPEN_CHANNEL)!(
      from(fake.windows[0]),
      `#/engagements/${id}/workshops/${id}/days/${id}/self`,
    );
    const [main, kiosk] = fake.windows;
    main.close();
    expect(kiosk.isDestroyed()).toBe(true);
    expect(fake.electron.BrowserWindow.getAllWindows()).toHaveLength(0);
  });

  it('opens the projector window with the projector role: screens read, everything else refused', async () => {
    const fake = await launch();
    launched.push(fake);
    const e = (await invoke(fake, 'engagements.create', engagementInput())).value.id;
    const w = (await invoke(fake, 'workshops.create', workshopInput(e))).value.id;
    const open = fake.ipcHandlers.get(PROJECTOR_OPEN_CHANNEL)!;
    expect(await open(from(fake.windows[0]), `#/present/${w}`)).toEqual({ opened: false });
    expect(await open(from(fake.windows[0], 'https://evil.example/'), w)).toEqual({ opened: false });
    expect(fake.windows).toHaveLength(1);

    expect(await open(from(fake.windows[0]), w)).toEqual({ opened: true });
    expect(fake.windows).toHaveLength(2);
    const [main, projector] = fake.windows;
    const at = (p = projector) => from(p, p.webContents.getURL());
    expect(projector.options).toMatchObject({ title: 'Bimtek Studio — Proyektor', width: 1280, height: 720 });
    expect(projector.options.fullscreen).toBeUndefined();
    expect(projector.options.webPreferences).toEqual(main.options.webPreferences);
    expect(projector.webContents.getURL()).toBe(`app://bimtek/index.html#/present/${w}`);
    // web-contents-created hardened it like the facilitator window.
    expect(projector.webContents.navigate('file:///etc/passwd')).toBe(true);
    expect(projector.webContents.openHandler!({ url: 'https://example.com/' })).toEqual({ action: 'deny' });

    // The core refuses it every operation outside the screens' reads…
    const refused = OP_NAMES.filter((n) => !mayCall('projector', n));
    expect(refused).toEqual(expect.arrayContaining(['engagements.create', 'projector.set', 'run.command']));
    for (const op of refused) expect((await invoke(fake, op, {}, at())).error?.code, op).toBe('FORBIDDEN');
    // …and answers the projector view.
    const view = await invoke(fake, 'projector.view', { workshopId: w }, at());
    expect(view).toMatchObject({ ok: true, value: { workshopId: w } });
    // What the facilitator puts on the screen reaches the projector window as a change event.
    projector.webContents.sent.length = 0;
    expect((await invoke(fake, 'projector.set', { workshopId: w, patch: { mode: 'agenda' } })).ok).toBe(true);
    expect(
      projector.webContents.sent.map(([channel, e]) => [channel, (e as { entity: string }).entity]),
    ).toContainEqual([CHANGE_CHANNEL, 'projector']);

    // Neither the Electron-only channels of the facilitator, nor its own window's.
    expect(await open(at(), w)).toEqual({ opened: false });
    expect(await fake.ipcHandlers.get(PROJECTOR_CLOSE_CHANNEL)!(at())).toEqual({ closed: false });
    const id = '5b0e7a52-1d4f-4c1e-9a53-000000000001';
    expect(
      await fake.ipcHandlers.get(KIOSK_OPEN_CHANNEL)!(at(), `#/engagements/${id}/workshops/${id}/days/${id}/self`),
    ).toEqual({ opened: false });
    const save = await fake.ipcHandlers.get(SAVE_FILE_CHANNEL)!(at(), {
      fileName: 'x.docx',
      mime: 'application/octet-stream',
      data: '',
    });
    expect(save).toMatchObject({ saved: false });
    const exported = await fake.ipcHandlers.get(EXPORT_FILE_CHANNEL)!(at(), 'participants.export', {
      engagementId: e,
      format: 'csv',
    });
    expect(exported).toMatchObject({ saved: false });
    expect(fake.windows).toHaveLength(2);

    // A second call reuses the window. Closing it leaves the facilitator window open.
    expect(await open(from(main), w)).toEqual({ opened: true });
    expect(fake.windows).toHaveLength(2);
    expect(projector.focus).toHaveBeenCalled();
    projector.close();
    expect(main.isDestroyed()).toBe(false);
    expect(fake.electron.BrowserWindow.getAllWindows()).toEqual([main]);
  });

  it('opens the projector window full screen on the second display, and follows it when it is unplugged', async () => {
    const fake = await launch();
    launched.push(fake);
    const second = {
      id: 7,
      bounds: { x: 1366, y: 0, width: 1024, height: 768 },
      workArea: { x: 1366, y: 0, width: 1024, height: 728 },
    };
    fake.displays.push(second);
    const w = '5b0e7a52-1d4f-4c1e-9a53-0000000000a1';
    expect(await fake.ipcHandlers.get(PROJECTOR_OPEN_CHANNEL)!(from(fake.windows[0]), w)).toEqual({ opened: true });
    const projector = fake.windows[1];
    expect(projector.options).toMatchObject({ ...second.bounds, fullscreen: true });
    projector.emit('ready-to-show');
    expect(projector.fullScreen).toBe(true);
    fake.displays.pop();
    fake.electron.screen.emit('display-removed', {}, second);
    expect(projector.fullScreen).toBe(false);
    expect(projector.bounds).toMatchObject({ width: 1280, height: 720 });
  });

  it('closing the facilitator window closes the projector window too', async () => {
    const fake = await launch();
    launched.push(fake);
    await fake.ipcHandlers.get(PROJECTOR_OPEN_CHANNEL)!(from(fake.windows[0]), '5b0e7a52-1d4f-4c1e-9a53-0000000000a1');
    const [main, projector] = fake.windows;
    expect(projector.isDestroyed()).toBe(false);
    main.close();
    expect(projector.isDestroyed()).toBe(true);
    expect(fake.electron.BrowserWindow.getAllWindows()).toHaveLength(0);
  });

  it('brings the window back when a second instance starts', async () => {
    const fake = await launch();
    launched.push(fake);
    const [win] = fake.windows;
    win.minimized = true;
    fake.electron.app.emit('second-instance');
    expect(win.restore).toHaveBeenCalledOnce();
    expect(win.focus).toHaveBeenCalledOnce();
    expect(fake.windows).toHaveLength(1);
  });

  it('on quit closes the database and removes the IPC handlers', async () => {
    const fake = await launch();
    await invoke(fake, 'engagements.create', engagementInput());
    expect(fs.existsSync(path.join(userData, `${DB_FILE_NAME}-wal`))).toBe(true);
    fake.electron.app.emit('will-quit');
    expect(fake.ipcHandlers.size).toBe(0);
    // SQLite removes the WAL file when the last connection closes cleanly.
    expect(fs.existsSync(path.join(userData, `${DB_FILE_NAME}-wal`))).toBe(false);
  });

  it('quits when the last window closes (not on macOS)', async () => {
    const fake = await launch();
    launched.push(fake);
    fake.electron.app.emit('window-all-closed');
    expect(fake.electron.app.quit).toHaveBeenCalledTimes(process.platform === 'darwin' ? 0 : 1);
  });
});
