import { useEffect, useLayoutEffect, useRef, useState } from 'react';

const offsetFrom = (serverNow: string | undefined) => (serverNow ? Date.parse(serverNow) - Date.now() : 0);

/**
 * The store's clock, ticking on this screen. Every answer that a timer is computed from carries
 * the store's `now`; the difference to this device's clock is kept, so the console, a projector
 * on another device and a reloaded page all count from the same instants (the run log's), even
 * when the device clocks disagree. `frozen`: the clock stands at `serverNow`.
 */
export function useServerClock(serverNow: string | undefined, tickMs = 250, frozen = false): number {
  const offset = useRef<number | null>(null);
  const [now, setNow] = useState(() => {
    offset.current = offsetFrom(serverNow);
    return Date.now() + offset.current;
  });
  // Before paint: a new answer's clock replaces the old one without showing a stale figure.
  useLayoutEffect(() => {
    offset.current = offsetFrom(serverNow);
    setNow(Date.now() + offset.current);
  }, [serverNow]);
  useEffect(() => {
    if (frozen) return;
    const id = setInterval(() => setNow(Date.now() + (offset.current ?? 0)), tickMs);
    return () => clearInterval(id);
  }, [tickMs, frozen]);
  if (frozen && serverNow) return Date.parse(serverNow);
  return now;
}
