/**
 * A paired group device's pairing, kept on the device (localStorage) until it pairs again: the
 * token the core issued for one group, and which group that is. The key names the host's origin,
 * so a phone that has been on two laptops keeps one pairing per laptop.
 */
export interface DevicePairing {
  token: string;
  deviceId: string;
  groupId: string;
  workshopId: string;
}

const KEY_PREFIX = 'bimtek.device.';

export const pairingKey = (origin: string = typeof location !== 'undefined' ? location.origin : ''): string =>
  KEY_PREFIX + origin;

const listeners = new Set<() => void>();
let memory: DevicePairing | null = null;

export function readPairing(): DevicePairing | null {
  let raw: string | null;
  try {
    raw = localStorage.getItem(pairingKey());
  } catch {
    // Storage disabled: the pairing lives as long as this page.
    return memory;
  }
  if (!raw) return null;
  try {
    const p = JSON.parse(raw) as Partial<DevicePairing>;
    return typeof p.token === 'string' && typeof p.groupId === 'string' ? (p as DevicePairing) : null;
  } catch {
    return null;
  }
}

/** Keep a new pairing (replacing the one before); the event stream reopens with its token. */
export function writePairing(p: DevicePairing): void {
  try {
    localStorage.setItem(pairingKey(), JSON.stringify(p));
  } catch {
    // Storage disabled: the token lives for this page (`memory`), and the device works until a reload.
  }
  memory = p;
  listeners.forEach((l) => l());
}

/** The token calls from a device page carry, if the device is paired. */
export function deviceToken(): string | null {
  return readPairing()?.token ?? null;
}

/** Called when the pairing changes (a new token): the event stream follows it. */
export function onPairingChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
