import { keyValueSettings, type KeyValueStore, type SettingsStore } from '../core/settings';
import { MIN_WINDOW_SIZE } from './window-options';

/** A rectangle in screen coordinates (Electron's `Rectangle` fits). */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Size and position of a window as restored; no x/y means "centre it". */
export interface WindowState {
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}

export const DEFAULT_WINDOW_SIZE = { width: 1280, height: 800 } as const;
/** Key of the facilitator window's state in the settings file (config.json). */
export const WINDOW_STATE_KEY = 'window';
/** How much of the title bar must be on a screen for the saved position to be used. */
const TITLE_BAR = { height: 32, minVisibleWidth: 100 } as const;

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? Math.round(v) : null);

function overlap(a: Rect, b: Rect): Rect {
  const x = Math.max(a.x, b.x);
  const y = Math.max(a.y, b.y);
  const right = Math.min(a.x + a.width, b.x + b.width);
  const bottom = Math.min(a.y + a.height, b.y + b.height);
  return { x, y, width: Math.max(0, right - x), height: Math.max(0, bottom - y) };
}

/** Whether the window could be grabbed by its title bar on this work area. */
function titleBarVisible(win: Rect, area: Rect): boolean {
  const bar = overlap({ x: win.x, y: win.y, width: win.width, height: TITLE_BAR.height }, area);
  return bar.height === TITLE_BAR.height && bar.width >= Math.min(TITLE_BAR.minVisibleWidth, win.width);
}

const clampSize = (value: number, min: number, max: number) => Math.max(Math.min(Math.max(value, min), max), 1);

function sizeOn(area: Rect | undefined, width: number, height: number) {
  if (!area) return { width: Math.max(width, MIN_WINDOW_SIZE.width), height: Math.max(height, MIN_WINDOW_SIZE.height) };
  return {
    width: clampSize(width, MIN_WINDOW_SIZE.width, area.width),
    height: clampSize(height, MIN_WINDOW_SIZE.height, area.height),
  };
}

/**
 * Turn what was saved (any JSON, possibly hand-edited or from another monitor setup) into a state
 * that is safe to restore: a size that fits a screen, and a position only when the title bar is on
 * one of today's screens — otherwise the window is centred on the primary screen (the first area).
 */
export function sanitizeWindowState(raw: unknown, workAreas: Rect[]): WindowState {
  const primary = workAreas[0];
  const fallback: WindowState = {
    ...sizeOn(primary, DEFAULT_WINDOW_SIZE.width, DEFAULT_WINDOW_SIZE.height),
    maximized: false,
  };
  if (!raw || typeof raw !== 'object') return fallback;
  const r = raw as Record<string, unknown>;
  const [x, y, width, height] = [num(r.x), num(r.y), num(r.width), num(r.height)];
  if (width === null || height === null || width <= 0 || height <= 0) return fallback;
  const maximized = r.maximized === true;
  const area =
    x !== null && y !== null ? workAreas.find((a) => titleBarVisible({ x, y, width, height }, a)) : undefined;
  if (!area || x === null || y === null) return { ...sizeOn(primary, width, height), maximized };
  const size = sizeOn(area, width, height);
  // Pull the window fully onto the screen it mostly sits on.
  const left = Math.min(Math.max(x, area.x), area.x + area.width - size.width);
  const top = Math.min(Math.max(y, area.y), area.y + area.height - size.height);
  return { x: left, y: top, ...size, maximized };
}

/** Preferences and window state, both kept in one key-value file (electron-store's config.json). */
export interface ShellSettings {
  preferences: SettingsStore;
  /** The saved window state, validated against the current screens' work areas. */
  windowState(workAreas: Rect[]): WindowState;
  saveWindowState(state: WindowState): void;
}

/** Shell settings over a key-value store (electron-store in the app, memory in tests). */
export function shellSettings(kv: KeyValueStore): ShellSettings {
  return {
    preferences: keyValueSettings(kv),
    windowState: (workAreas) => sanitizeWindowState(kv.get(WINDOW_STATE_KEY), workAreas),
    saveWindowState(state) {
      const position =
        state.x !== undefined && state.y !== undefined ? { x: Math.round(state.x), y: Math.round(state.y) } : {};
      kv.set(WINDOW_STATE_KEY, {
        ...position,
        width: Math.round(state.width),
        height: Math.round(state.height),
        maximized: state.maximized === true,
      });
    },
  };
}

/** A key-value store in memory: the fallback when the settings file cannot be read. */
export function memoryKeyValue(): KeyValueStore {
  const data = new Map<string, unknown>();
  return { get: (key) => data.get(key), set: (key, value) => void data.set(key, value) };
}

/**
 * Open the settings file; when it is unreadable (damaged JSON, no permission) the app still
 * starts, with defaults kept in memory for this run, and says why in the log.
 */
export function openShellSettings(
  open: () => KeyValueStore,
  log: (message: string, error?: unknown) => void,
): ShellSettings {
  try {
    return shellSettings(open());
  } catch (e) {
    log('settings file unreadable, using defaults for this run', e);
    return shellSettings(memoryKeyValue());
  }
}
