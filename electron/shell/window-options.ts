import type { BrowserWindowConstructorOptions, WebPreferences } from 'electron';
import type { WindowState } from './settings';

export interface WindowOptionsInput {
  /** Absolute path of the bundled preload (dist/electron/preload.cjs). */
  preload: string;
  /** Restored (already validated) size and position. */
  state: WindowState;
  title: string;
  /** Developer tools only in a development build. */
  isPackaged: boolean;
  icon?: string;
}

/** Smallest window the facilitator screens are laid out for. */
export const MIN_WINDOW_SIZE = { width: 960, height: 600 } as const;

/**
 * Web preferences of every app window: Electron's security checklist, spelled out even where it
 * is the default so a future default change or a careless edit shows up in review and tests.
 */
export function secureWebPreferences(preload: string, isPackaged: boolean): WebPreferences {
  return {
    preload,
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
    safeDialogs: true,
    spellcheck: false,
    devTools: !isPackaged,
  };
}

/** Options of the facilitator window: hidden until its first paint, secure preferences. */
export function appWindowOptions(input: WindowOptionsInput): BrowserWindowConstructorOptions {
  const { state } = input;
  return {
    title: input.title,
    width: state.width,
    height: state.height,
    ...(state.x !== undefined && state.y !== undefined ? { x: state.x, y: state.y } : { center: true }),
    minWidth: MIN_WINDOW_SIZE.width,
    minHeight: MIN_WINDOW_SIZE.height,
    show: false,
    backgroundColor: '#ffffff',
    ...(input.icon ? { icon: input.icon } : {}),
    webPreferences: secureWebPreferences(input.preload, input.isPackaged),
  };
}
