import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import type { Caller } from '../handlers';

const scryptAsync = (pin: string, salt: Buffer, length: number) =>
  new Promise<Buffer>((resolve, reject) => scrypt(pin, salt, length, (err, key) => (err ? reject(err) : resolve(key))));

export interface PinGuardOptions {
  /** Wrong PINs in a row after which one caller is refused for `callerLockMs`. */
  callerLimit?: number;
  callerLockMs?: number;
  /**
   * Wrong PINs from room-network devices (all of them together) within `deviceWindowMs` after
   * which every room device is refused for `deviceLockMs`. The laptop's own windows are never
   * locked by what devices do.
   */
  deviceLimit?: number;
  deviceWindowMs?: number;
  deviceLockMs?: number;
  now?: () => number;
}

interface Count {
  count: number;
  last: number;
}

/**
 * The facilitator PIN that closes self check-in: kept only as a salted scrypt hash, computed on
 * libuv's thread pool (never blocking the loop that answers calls). Wrong tries are counted per
 * caller and engagement, so a device guessing at the door locks itself out, not the facilitator's
 * window; and per engagement across room devices, so many devices cannot guess together.
 */
export function createPinGuard(opts: PinGuardOptions = {}) {
  const callerLimit = opts.callerLimit ?? 5;
  const callerLockMs = opts.callerLockMs ?? 30_000;
  const deviceLimit = opts.deviceLimit ?? 20;
  const deviceWindowMs = opts.deviceWindowMs ?? 5 * 60_000;
  const deviceLockMs = opts.deviceLockMs ?? 5 * 60_000;
  const now = opts.now ?? Date.now;
  const perCaller = new Map<string, Count>();
  const perEngagement = new Map<string, Count>();

  /** A count is forgotten after this long without a wrong try. */
  const quietMs = Math.max(10 * 60_000, deviceWindowMs, callerLockMs);
  const locked = (c: Count | undefined, limit: number, lockMs: number, t: number) =>
    !!c && c.count >= limit && t - c.last < lockMs;
  const bump = (map: Map<string, Count>, key: string, windowMs: number, t: number) => {
    const c = map.get(key);
    map.set(key, { count: (c && t - c.last < windowMs ? c.count : 0) + 1, last: t });
  };

  return {
    /** A salted hash of a new PIN: `salt:hash`, hex. */
    async hash(pin: string): Promise<string> {
      const salt = randomBytes(16);
      return `${salt.toString('hex')}:${(await scryptAsync(pin, salt, 32)).toString('hex')}`;
    },

    /**
     * Whether `pin` opens the engagement's self check-in screen (true when no PIN is set). A caller
     * that is locked out gets false without the PIN being checked.
     */
    async verify(engagementId: string, stored: string | null, pin: string, caller: Caller): Promise<boolean> {
      if (stored === null) return true;
      const callerKey = `${engagementId}\u0000${caller.key}`;
      const device = caller.role === 'room-device';
      const t = now();
      if (locked(perCaller.get(callerKey), callerLimit, callerLockMs, t)) return false;
      if (device && locked(perEngagement.get(engagementId), deviceLimit, deviceLockMs, t)) return false;
      // The try is counted before the PIN is checked: guesses sent together are all counted, so
      // none of them gets past the limit while another is still being hashed. After a lock ends
      // the count stays (until a quiet period), so each further wrong try locks again at once.
      bump(perCaller, callerKey, quietMs, t);
      if (device) bump(perEngagement, engagementId, deviceWindowMs, t);
      const [saltHex, hashHex] = stored.split(':');
      const expected = Buffer.from(hashHex ?? '', 'hex');
      const actual = await scryptAsync(pin, Buffer.from(saltHex ?? '', 'hex'), expected.length || 32);
      const ok = expected.length === actual.length && timingSafeEqual(expected, actual);
      if (ok) {
        perCaller.delete(callerKey);
        if (device) {
          const c = perEngagement.get(engagementId);
          if (c) c.count = Math.max(0, c.count - 1);
        }
      }
      return ok;
    },
  };
}

export type PinGuard = ReturnType<typeof createPinGuard>;
