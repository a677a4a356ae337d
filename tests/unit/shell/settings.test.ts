import fs from 'node:fs';
import path from 'node:path';
import Conf from 'conf';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { keyValueSettings } from '../../../electron/core/settings';
import {
  DEFAULT_WINDOW_SIZE,
  memoryKeyValue,
  openShellSettings,
  sanitizeWindowState,
  shellSettings,
  WINDOW_STATE_KEY,
  type Rect,
} from '../../../electron/shell/settings';
import { MIN_WINDOW_SIZE } from '../../../electron/shell/window-options';
import { makeTempDir, removeTempDir } from '../../fixtures/inputs';

// electron-store reads its folder from Electron's app; the fake points it at a temp folder.
const fake = vi.hoisted(() => ({ userData: '' }));
vi.mock('electron', () => {
  const electron = {
    app: { getPath: () => fake.userData, getVersion: () => '0.0.0-test' },
    ipcMain: { on: () => {} },
    shell: {},
  };
  return { default: electron, ...electron };
});

/** A laptop screen (taskbar at the bottom) and a projector to its right. */
const LAPTOP: Rect = { x: 0, y: 0, width: 1366, height: 728 };
const PROJECTOR: Rect = { x: 1366, y: 0, width: 1024, height: 768 };

describe('sanitizeWindowState', () => {
  it('restores a saved window that is on a screen', () => {
    expect(sanitizeWindowState({ x: 100, y: 50, width: 1100, height: 650, maximized: false }, [LAPTOP])).toEqual({
      x: 100,
      y: 50,
      width: 1100,
      height: 650,
      maximized: false,
    });
  });

  it('restores a window on the second screen while that screen is there', () => {
    const saved = { x: 1400, y: 10, width: 980, height: 700, maximized: true };
    expect(sanitizeWindowState(saved, [LAPTOP, PROJECTOR])).toEqual(saved);
  });

  it('centres a window whose screen is gone (projector unplugged) on the primary screen', () => {
    const s = sanitizeWindowState({ x: 1400, y: 10, width: 980, height: 700, maximized: false }, [LAPTOP]);
    expect(s.x).toBeUndefined();
    expect(s.y).toBeUndefined();
    expect(s).toMatchObject({ width: 980, height: 700 });
  });

  it.each([
    ['far off to the left', { x: -5000, y: 100 }],
    ['below every screen', { x: 100, y: 5000 }],
    ['title bar above the top edge', { x: 100, y: -200 }],
    ['only a sliver of the title bar showing', { x: 1300, y: 100 }],
  ])('does not restore a position %s', (_name, pos) => {
    const s = sanitizeWindowState({ ...pos, width: 1000, height: 700 }, [LAPTOP]);
    expect(s.x).toBeUndefined();
    expect(s.y).toBeUndefined();
  });

  it('pulls a window that hangs over the edge fully onto its screen', () => {
    expect(sanitizeWindowState({ x: 800, y: 200, width: 1000, height: 700 }, [LAPTOP])).toMatchObject({
      x: 366,
      y: 28,
      width: 1000,
      height: 700,
    });
  });

  it('shrinks a window larger than the screen and grows one below the minimum', () => {
    expect(sanitizeWindowState({ x: 0, y: 0, width: 4000, height: 3000 }, [LAPTOP])).toMatchObject({
      x: 0,
      y: 0,
      width: LAPTOP.width,
      height: LAPTOP.height,
    });
    expect(sanitizeWindowState({ x: 10, y: 10, width: 50, height: 20 }, [LAPTOP])).toMatchObject({
      width: MIN_WINDOW_SIZE.width,
      height: MIN_WINDOW_SIZE.height,
    });
  });

  it.each([
    undefined,
    null,
    'big',
    [],
    { width: 'wide', height: 700 },
    { width: Number.NaN, height: 700 },
    { width: 1000, height: Number.POSITIVE_INFINITY },
    { width: -10, height: 700 },
  ])('falls back to the default size for %j', (raw) => {
    expect(sanitizeWindowState(raw, [LAPTOP])).toEqual({
      width: DEFAULT_WINDOW_SIZE.width,
      height: Math.min(DEFAULT_WINDOW_SIZE.height, LAPTOP.height),
      maximized: false,
    });
  });

  it('works without screen information', () => {
    expect(sanitizeWindowState({ x: 10, y: 10, width: 1000, height: 700 }, [])).toEqual({
      width: 1000,
      height: 700,
      maximized: false,
    });
  });
});

describe('shellSettings', () => {
  it('saves the window state and restores it', () => {
    const kv = memoryKeyValue();
    shellSettings(kv).saveWindowState({ x: 120.4, y: 80.6, width: 1024, height: 700, maximized: true });
    expect(kv.get(WINDOW_STATE_KEY)).toEqual({ x: 120, y: 81, width: 1024, height: 700, maximized: true });
    expect(shellSettings(kv).windowState([LAPTOP])).toEqual({
      x: 120,
      y: 28,
      width: 1024,
      height: 700,
      maximized: true,
    });
  });

  it('keeps preferences beside the window state', () => {
    const kv = memoryKeyValue();
    const s = shellSettings(kv);
    expect(s.preferences.get()).toEqual({ language: 'id' });
    s.preferences.update({ language: 'en' });
    s.saveWindowState({ width: 1000, height: 700, maximized: false });
    expect(shellSettings(kv).preferences.get()).toEqual({ language: 'en' });
  });

  it('starts with defaults in memory when the settings file cannot be opened', () => {
    const log = vi.fn();
    const s = openShellSettings(() => {
      throw new SyntaxError('Unexpected token } in JSON');
    }, log);
    expect(log).toHaveBeenCalledOnce();
    expect(s.preferences.update({ language: 'en' })).toEqual({ language: 'en' });
    expect(s.preferences.get()).toEqual({ language: 'en' });
  });
});

describe('with electron-store', () => {
  let dir: string;
  beforeEach(() => {
    dir = makeTempDir('bimtek-settings-');
    fake.userData = dir;
  });
  afterEach(() => removeTempDir(dir));

  it('writes config.json in userData, which browser mode (conf) reads as the same preferences', async () => {
    const { default: Store } = await import('electron-store');
    const s = openShellSettings(
      () => new Store({ name: 'config' }),
      () => {},
    );
    s.preferences.update({ language: 'en' });
    s.saveWindowState({ x: 10, y: 20, width: 1000, height: 700, maximized: false });
    expect(fs.existsSync(path.join(dir, 'config.json'))).toBe(true);

    // Browser mode opens the same file this way (electron/host/cli.ts).
    const conf = new Conf({ cwd: dir, configName: 'config', projectName: 'bimtek-studio' });
    expect(keyValueSettings(conf).get()).toEqual({ language: 'en' });

    const again = openShellSettings(
      () => new Store({ name: 'config' }),
      () => {},
    );
    expect(again.windowState([LAPTOP])).toEqual({ x: 10, y: 20, width: 1000, height: 700, maximized: false });
  });

  it('falls back to memory when config.json is damaged, and leaves the file alone', async () => {
    const { default: Store } = await import('electron-store');
    fs.writeFileSync(path.join(dir, 'config.json'), '{"preferences": {"language": "en"');
    const log = vi.fn();
    const s = openShellSettings(() => new Store({ name: 'config' }), log);
    expect(log).toHaveBeenCalledOnce();
    expect(s.preferences.get()).toEqual({ language: 'id' });
    expect(fs.readFileSync(path.join(dir, 'config.json'), 'utf8')).toBe('{"preferences": {"language": "en"');
  });
});
