import type { AppSettings } from '../../shared/domain';
import { DEFAULT_LANGUAGE } from '../../shared/languages';

/**
 * The preferences interface. The Electron shell backs it with electron-store, browser mode with
 * `conf` (the library electron-store wraps), tests with memory. Both files live in the same
 * per-user folder under the same name, so both modes share one set of preferences.
 */
export interface SettingsStore {
  get(): AppSettings;
  update(patch: Partial<AppSettings>): AppSettings;
}

export const DEFAULT_SETTINGS: AppSettings = { language: DEFAULT_LANGUAGE };

/** The shape electron-store and conf both have. */
export interface KeyValueStore {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
}

/** Preferences kept in a key-value store (electron-store or conf) under the key `preferences`. */
export function keyValueSettings(kv: KeyValueStore): SettingsStore {
  const read = (): AppSettings => {
    const raw = kv.get('preferences');
    const language =
      raw &&
      typeof raw === 'object' &&
      ((raw as AppSettings).language === 'en' || (raw as AppSettings).language === 'id')
        ? (raw as AppSettings).language
        : DEFAULT_SETTINGS.language;
    return { language };
  };
  return {
    get: read,
    update(patch) {
      const next = { ...read(), ...patch };
      kv.set('preferences', next);
      return next;
    },
  };
}

/** In-memory preferences, for tests and as a fallback when the settings file is unreadable. */
export function memorySettings(initial: Partial<AppSettings> = {}): SettingsStore {
  let s: AppSettings = { ...DEFAULT_SETTINGS, ...initial };
  return {
    get: () => s,
    update(patch) {
      s = { ...s, ...patch };
      return s;
    },
  };
}
