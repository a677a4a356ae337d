import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import type { BimtekBridge } from '../../../shared/bridge';
import { engagementInput, workshopInput } from '../../fixtures/inputs';

// What only Electron has: the live window's security settings, the preload's bridge, navigation
// lock-down, the app scheme. Runs wherever the Electron binary exists; elsewhere every test is
// reported skipped with the reason (printed as well, so it is never silent).

const root = process.cwd();
const MAIN = path.join(root, 'dist', 'electron', 'main.mjs');

interface BinaryProbe {
  bin: string | null;
  reason: string | null;
}

/** scripts/lib/electron-binary.mjs (plain ESM without types), loaded at run time. Never downloads. */
async function findElectronBinary(): Promise<BinaryProbe> {
  const url = pathToFileURL(path.join(root, 'scripts', 'lib', 'electron-binary.mjs')).href;
  const mod = (await import(url)) as { findElectronBinary(root: string): BinaryProbe };
  return mod.findElectronBinary(root);
}

/** The environment of the launched app, with its own data folder. */
function appEnv(userData: string): Record<string, string> {
  const env = Object.fromEntries(Object.entries(process.env).filter((e): e is [string, string] => e[1] !== undefined));
  return { ...env, BIMTEK_USER_DATA: userData, ELECTRON_ENABLE_LOGGING: '1' };
}

/** `window` as the preload leaves it. Used inside page.evaluate, where only the cast may appear. */
type BridgedWindow = Window & { bimtek: BimtekBridge; seenChanges?: unknown[] };

/** What the main process records about navigations, on `globalThis` (see the navigation test). */
type NavigationLog = { url: string; prevented: boolean }[];

test.describe('Electron app', () => {
  test.describe.configure({ mode: 'serial' });

  let app: ElectronApplication | undefined;
  let page: Page;
  let userData = '';

  test.beforeAll(async () => {
    const { bin, reason } = await findElectronBinary();
    if (!bin) {
      const message = `Electron binary not available: ${reason}`;
      console.log(`[electron e2e] ${message}`);
      test.skip(true, message);
      return;
    }
    if (!fs.existsSync(MAIN)) throw new Error(`${path.relative(root, MAIN)} is missing: run \`npm run build\` first`);
    userData = fs.mkdtempSync(path.join(os.tmpdir(), 'bimtek-electron-'));
    // Chromium refuses to start as root with its OS sandbox (CI containers run as root). The
    // renderer sandbox checked below (webPreferences.sandbox, no Node in the page) still applies.
    const noSandbox = process.getuid?.() === 0 ? ['--no-sandbox'] : [];
    app = await electron.launch({ executablePath: bin, args: [...noSandbox, MAIN], env: appEnv(userData) });
    page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
  });

  test.afterAll(async () => {
    await app?.close();
    if (userData) fs.rmSync(userData, { recursive: true, force: true });
  });

  test('the window runs with the security settings of the checklist', async () => {
    const prefs = await app!.evaluate(({ BrowserWindow }) => {
      // getLastWebPreferences is Electron's own (undocumented in its typings) read-back of the
      // preferences the renderer actually got.
      const wc = BrowserWindow.getAllWindows()[0].webContents as unknown as {
        getLastWebPreferences(): Record<string, unknown> | null;
      };
      return wc.getLastWebPreferences();
    });
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      webviewTag: false,
    });
    expect(await app!.evaluate(({ app: a }) => a.getPath('userData'))).toBe(userData);
  });

  test('the page is served from app://bimtek with the CSP header', async () => {
    expect(page.url()).toMatch(/^app:\/\/bimtek\//);
    const csp = await page.evaluate(async () => (await fetch('/index.html')).headers.get('content-security-policy'));
    expect(csp).toContain("default-src 'self'");
    expect(csp).not.toContain('unsafe-eval');
  });

  test('the page sees window.bimtek and no Node', async () => {
    const seen = await page.evaluate(() => {
      const g = globalThis as unknown as Record<string, unknown>;
      const bimtek = g.bimtek as Record<string, unknown> | undefined;
      return {
        bimtek: typeof bimtek,
        keys: bimtek ? Object.keys(bimtek).sort() : [],
        mode: bimtek?.mode,
        require: typeof g.require,
        process: typeof g.process,
        module: typeof g.module,
        Buffer: typeof g.Buffer,
        ipcRenderer: typeof g.ipcRenderer,
      };
    });
    expect(seen).toEqual({
      bimtek: 'object',
      keys: [
        'call',
        'closeKioskWindow',
        'closeProjectorWindow',
        'exportFile',
        'mode',
        'onChange',
        'openKioskWindow',
        'openProjectorWindow',
        'saveFile',
      ],
      mode: 'electron',
      require: 'undefined',
      process: 'undefined',
      module: 'undefined',
      Buffer: 'undefined',
      ipcRenderer: 'undefined',
    });
  });

  test('a contract call goes through IPC to the store in the temp folder', async () => {
    const info = await page.evaluate(() => (window as BridgedWindow).bimtek.call('app.info', {}));
    expect(info).toMatchObject({
      ok: true,
      value: { mode: 'electron', dataDir: userData, store: { status: 'ready' } },
    });
    const unknown = await page.evaluate(() => (window as BridgedWindow).bimtek.call('workshops.drop' as never, {}));
    expect(unknown).toMatchObject({ ok: false, error: { code: 'UNKNOWN_OPERATION' } });
  });

  test('navigating to another origin is blocked by the will-navigate guard', async () => {
    // Targets the session does NOT cancel (it cancels http/https/ws/ftp): another host of the app
    // scheme, and a look-alike of ours. Only the guard in shell/harden.ts keeps the page here.
    const targets = ['app://evil/index.html', 'app://bimtek.evil/index.html'];
    // A listener added after the guard's sees whether the guard cancelled the navigation; it
    // tells the test when the attempt has been handled, so nothing waits a fixed time.
    await app!.evaluate(({ BrowserWindow }) => {
      const log: { url: string; prevented: boolean }[] = [];
      (globalThis as unknown as { navigations: typeof log }).navigations = log;
      BrowserWindow.getAllWindows()[0].webContents.on('will-navigate', (event) => {
        log.push({ url: event.url, prevented: event.defaultPrevented });
      });
    });
    const navigations = () =>
      app!.evaluate(() => (globalThis as unknown as { navigations: NavigationLog }).navigations);
    for (const target of targets) {
      await page.evaluate((url) => {
        window.location.href = url;
      }, target);
      await expect.poll(navigations).toContainEqual({ url: target, prevented: true });
    }
    expect(page.url()).toMatch(/^app:\/\/bimtek\//);
    const mainUrl = await app!.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0].webContents.getURL());
    expect(mainUrl).toMatch(/^app:\/\/bimtek\//);
    // The page is still ours and alive: the bridge answers.
    const info = await page.evaluate(() => (window as BridgedWindow).bimtek.call('app.info', {}));
    expect(info).toMatchObject({ ok: true });
  });

  test('window.open opens no window and the network is out of reach', async () => {
    const opened = await page.evaluate(() => window.open('http://example.com/') === null);
    expect(opened).toBe(true);
    expect(await app!.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
    const fetched = await page.evaluate(() =>
      fetch('https://example.com/').then(
        () => 'loaded',
        () => 'blocked',
      ),
    );
    expect(fetched).toBe('blocked');
  });

  test('the self check-in window: same security settings, the change feed, one at a time, closed from the door', async () => {
    // The ids need not exist: the window opens on the route, the page then shows its own notice.
    const id = '5b0e7a52-1d4f-4c1e-9a53-000000000001';
    const route = `#/engagements/${id}/workshops/${id}/days/${id}/self`;
    const openKiosk = (r: string) => page.evaluate((x) => (window as BridgedWindow).bimtek.openKioskWindow(x), r);
    const windowCount = () => app!.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length);

    expect(await openKiosk('#/')).toEqual({ opened: false });
    expect(await openKiosk(`#/engagements/${id}/workshops/${id}/days/${id}/checkin`)).toEqual({ opened: false });
    expect(await windowCount()).toBe(1);

    const [kiosk, opened] = await Promise.all([app!.waitForEvent('window'), openKiosk(route)]);
    expect(opened).toEqual({ opened: true });
    await kiosk.waitForLoadState('domcontentloaded');
    expect(kiosk.url()).toBe(`app://bimtek/index.html${route}`);

    const shown = await app!.evaluate(({ BrowserWindow }) =>
      BrowserWindow.getAllWindows().map((w) => ({
        title: w.getTitle(),
        url: w.webContents.getURL(),
        prefs: (
          w.webContents as unknown as { getLastWebPreferences(): Record<string, unknown> | null }
        ).getLastWebPreferences(),
      })),
    );
    const self = shown.find((w) => w.url.endsWith('/self'));
    expect(self?.title).toBe('Bimtek Studio — Daftar hadir mandiri');
    expect(self?.prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      webviewTag: false,
    });

    // A change made in the facilitator window reaches the self check-in window.
    await kiosk.evaluate(() => {
      const w = window as BridgedWindow;
      w.seenChanges = [];
      w.bimtek.onChange((e) => w.seenChanges!.push(e));
    });
    await page.evaluate(() => (window as BridgedWindow).bimtek.call('settings.update', { language: 'id' }));
    await expect
      .poll(() => kiosk.evaluate(() => (window as BridgedWindow).seenChanges))
      .toContainEqual({ entity: 'settings', id: 'preferences', action: 'updated' });

    // The same route again brings the open window to the front: still two windows.
    expect(await openKiosk(route)).toEqual({ opened: true });
    expect(await windowCount()).toBe(2);

    const closed = await page.evaluate(() => (window as BridgedWindow).bimtek.closeKioskWindow());
    expect(closed).toEqual({ closed: true });
    await expect.poll(windowCount).toBe(1);
    expect(await page.evaluate(() => (window as BridgedWindow).bimtek.closeKioskWindow())).toEqual({ closed: false });
  });

  test('the projector window: projector role, on the second display when there is one, one at a time', async () => {
    const call = (p: Page, op: string, input: unknown) =>
      p.evaluate(([o, i]) => (window as BridgedWindow).bimtek.call(o as never, i), [op, input] as const);
    const created = (await call(page, 'engagements.create', engagementInput())) as {
      ok: boolean;
      value: { id: string };
    };
    expect(created.ok).toBe(true);
    const workshop = (await call(page, 'workshops.create', workshopInput(created.value.id))) as {
      ok: boolean;
      value: { id: string };
    };
    expect(workshop.ok).toBe(true);
    const w = workshop.value.id;
    const openProjector = (p: Page, id: string) =>
      p.evaluate((x) => (window as BridgedWindow).bimtek.openProjectorWindow(x), id);
    const windowCount = () => app!.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length);
    const before = await windowCount();

    expect(await openProjector(page, `#/present/${w}`)).toEqual({ opened: false });
    expect(await openProjector(page, w.toUpperCase())).toEqual({ opened: false });
    expect(await windowCount()).toBe(before);

    const [projector, opened] = await Promise.all([app!.waitForEvent('window'), openProjector(page, w)]);
    expect(opened).toEqual({ opened: true });
    await projector.waitForLoadState('domcontentloaded');
    expect(projector.url()).toBe(`app://bimtek/index.html#/present/${w}`);

    // The core gives it the projector role: the screens' reads, nothing the facilitator may do.
    expect(await call(projector, 'projector.view', { workshopId: w })).toMatchObject({
      ok: true,
      value: { workshopId: w },
    });
    expect(await call(projector, 'engagements.create', engagementInput())).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await call(projector, 'projector.set', { workshopId: w, patch: { blank: true } })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    // Nor may it open or close windows.
    expect(await openProjector(projector, w)).toEqual({ opened: false });
    expect(await projector.evaluate(() => (window as BridgedWindow).bimtek.closeProjectorWindow())).toEqual({
      closed: false,
    });

    // Where it is: full screen over the external display when there is one, else a normal window.
    const placed = await app!.evaluate(({ BrowserWindow, screen }) => {
      const win = BrowserWindow.getAllWindows().find((x) => x.webContents.getURL().includes('#/present/'))!;
      const primary = screen.getPrimaryDisplay();
      const external = screen.getAllDisplays().find((d) => d.id !== primary.id) ?? null;
      return {
        title: win.getTitle(),
        fullScreen: win.isFullScreen(),
        display: screen.getDisplayMatching(win.getBounds()).id,
        external: external?.id ?? null,
        primary: primary.id,
        size: win.getSize(),
        prefs: (
          win.webContents as unknown as { getLastWebPreferences(): Record<string, unknown> | null }
        ).getLastWebPreferences(),
      };
    });
    expect(placed.title).toBe('Bimtek Studio — Proyektor');
    expect(placed.prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
    });
    if (placed.external !== null) {
      await expect
        .poll(() =>
          app!.evaluate(({ BrowserWindow }) =>
            BrowserWindow.getAllWindows()
              .find((x) => x.webContents.getURL().includes('#/present/'))!
              .isFullScreen(),
          ),
        )
        .toBe(true);
      expect(placed.display).toBe(placed.external);
    } else {
      expect(placed.fullScreen).toBe(false);
      expect(placed.display).toBe(placed.primary);
      expect(placed.size[0]).toBeLessThanOrEqual(1280);
    }

    // A second call reuses the window; closing it leaves the facilitator window.
    expect(await openProjector(page, w)).toEqual({ opened: true });
    expect(await windowCount()).toBe(before + 1);
    expect(await page.evaluate(() => (window as BridgedWindow).bimtek.closeProjectorWindow())).toEqual({
      closed: true,
    });
    await expect.poll(windowCount).toBe(before);
    expect(await call(page, 'app.info', {})).toMatchObject({ ok: true });
  });
});
