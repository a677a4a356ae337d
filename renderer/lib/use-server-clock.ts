import { useEffect, useRef, useState } from 'react';

/**
 * The store's clock, ticking on this screen. Every answer that a timer is computed from carries
 * the store's `now`; the difference to this device's clock is kept, so the console, a projector
 * on another device and a reloaded page all count from the same instants (the run log's), even
 * when the device clocks disagree.
 */
export function useServerClock(serverNow: string | undefined, tickMs = 250, frozen = false): number {
  const offset = useRef(0);
  const seen = useRef<string | undefined>(undefined);
  if (serverNow && serverNow !== seen.current) {
    seen.current = serverNow;
    offset.current = Date.parse(serverNow) - Date.now();
  }
  const [now, setNow] = useState(() => Date.now() + offset.current);
  useEffect(() => {
    if (frozen) return;
    setNow(Date.now() + offset.current);
    const id = setInterval(() => setNow(Date.now() + offset.current), tickMs);
    return () => clearInterval(id);
  }, [tickMs, frozen, serverNow]);
  if (frozen && serverNow) return Date.parse(serverNow);
  return now;
}
