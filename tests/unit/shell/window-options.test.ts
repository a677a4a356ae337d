import { describe, expect, it } from 'vitest';
import { appWindowOptions, MIN_WINDOW_SIZE, secureWebPreferences } from '../../../electron/shell/window-options';

const state = { width: 1200, height: 700, maximized: false };

describe('window options', () => {
  it('sets every security flag of the checklist', () => {
    const prefs = appWindowOptions({
      preload: '/app/dist/electron/preload.cjs',
      state,
      title: 'Bimtek Studio',
      isPackaged: true,
    }).webPreferences!;
    expect(prefs).toMatchObject({
      preload: '/app/dist/electron/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
    });
  });

  it('offers developer tools only in a development build', () => {
    expect(secureWebPreferences('/p.cjs', true).devTools).toBe(false);
    expect(secureWebPreferences('/p.cjs', false).devTools).toBe(true);
  });

  it('never turns a security flag off in development', () => {
    const dev = secureWebPreferences('/p.cjs', false);
    const prod = secureWebPreferences('/p.cjs', true);
    const { devTools: _d1, ...devRest } = dev;
    const { devTools: _d2, ...prodRest } = prod;
    expect(devRest).toEqual(prodRest);
  });

  it('uses a restored position, or centres the window when there is none', () => {
    const placed = appWindowOptions({ preload: '/p', state: { ...state, x: 40, y: 30 }, title: 't', isPackaged: true });
    expect(placed).toMatchObject({ x: 40, y: 30, width: 1200, height: 700 });
    expect(placed.center).toBeUndefined();
    const centred = appWindowOptions({ preload: '/p', state, title: 't', isPackaged: true });
    expect(centred.center).toBe(true);
    expect(centred.x).toBeUndefined();
  });

  it('stays hidden until first paint and keeps the minimum size', () => {
    const o = appWindowOptions({ preload: '/p', state, title: 'Bimtek Studio', isPackaged: true });
    expect(o.show).toBe(false);
    expect(o.minWidth).toBe(MIN_WINDOW_SIZE.width);
    expect(o.minHeight).toBe(MIN_WINDOW_SIZE.height);
    expect(o.title).toBe('Bimtek Studio');
  });
});
