import { useCallback, useState } from 'react';

const PREFIX = 'bimtek.view.';

/**
 * A choice of view (which day, which tab, which group) kept for this window's session, so a
 * reload opens the screen where the facilitator was.
 */
export function useSessionState<T>(key: string, initial: T): [T, (v: T) => void] {
  const [value, setValue] = useState<T>(() => {
    try {
      const raw = sessionStorage.getItem(PREFIX + key);
      return raw === null ? initial : (JSON.parse(raw) as T);
    } catch {
      return initial;
    }
  });
  const set = useCallback(
    (v: T) => {
      setValue(v);
      try {
        sessionStorage.setItem(PREFIX + key, JSON.stringify(v));
      } catch {
        // Storage disabled: the choice lasts until the page closes.
      }
    },
    [key],
  );
  return [value, set];
}
