/**
 * Drafts kept on this device (localStorage) until the store has them: what was typed survives a
 * closed window, a crash or a lost connection, even when it is not valid yet.
 */
const PREFIX = 'bimtek.draft.';

export function readDraft<T>(key: string): T | null {
  try {
    const raw = localStorage.getItem(PREFIX + key);
    return raw ? (JSON.parse(raw) as T) : null;
  } catch {
    return null;
  }
}

export function writeDraft(key: string, value: unknown): void {
  try {
    if (value === null || (typeof value === 'object' && Object.keys(value as object).length === 0)) {
      localStorage.removeItem(PREFIX + key);
    } else {
      localStorage.setItem(PREFIX + key, JSON.stringify(value));
    }
  } catch {
    // Storage full or disabled: the debounced save still goes to the store.
  }
}

export function clearDraft(key: string): void {
  writeDraft(key, null);
}
