import { describe, expect, it } from 'vitest';
import { createPinGuard } from '../../../electron/core/engagements/pin-guard';
import type { Caller } from '../../../electron/core/handlers';

const E = 'engagement-1';
const facilitator: Caller = { role: 'facilitator', key: 'window:1' };
const kiosk: Caller = { role: 'kiosk', key: 'window:2' };
const device = (n: number): Caller => ({ role: 'room-device', key: `remote:192.168.1.${n}` });

function setup() {
  let t = 1_000_000;
  const guard = createPinGuard({ now: () => t });
  return { guard, advance: (ms: number) => (t += ms) };
}

describe('the self check-in PIN guard', () => {
  it('keeps only a salted hash, and verifies it', async () => {
    const { guard } = setup();
    const a = await guard.hash('2468');
    const b = await guard.hash('2468');
    expect(a).not.toContain('2468');
    expect(a).not.toBe(b);
    expect(await guard.verify(E, a, '2468', facilitator)).toBe(true);
    expect(await guard.verify(E, a, '1357', facilitator)).toBe(false);
    expect(await guard.verify(E, null, 'anything', facilitator)).toBe(true);
  });

  it('locks out the caller who guessed five times for 30 s, and nobody else', async () => {
    const { guard, advance } = setup();
    const stored = await guard.hash('2468');
    for (let i = 0; i < 5; i++) expect(await guard.verify(E, stored, '0000', device(7))).toBe(false);
    expect(await guard.verify(E, stored, '2468', device(7))).toBe(false);
    expect(await guard.verify(E, stored, '2468', device(8))).toBe(true);
    expect(await guard.verify(E, stored, '2468', kiosk)).toBe(true);
    expect(await guard.verify(E, stored, '2468', facilitator)).toBe(true);
    advance(30_001);
    expect(await guard.verify(E, stored, '2468', device(7))).toBe(true);
  });

  it('guesses sent together are all counted: the right one among 200 does not get through', async () => {
    const { guard } = setup();
    const stored = await guard.hash('2468');
    const guesses = Array.from({ length: 200 }, (_, i) => (i === 150 ? '2468' : String(1000 + i)));
    const answers = await Promise.all(guesses.map((pin) => guard.verify(E, stored, pin, device(7))));
    expect(answers.filter(Boolean)).toEqual([]);
    expect(await guard.verify(E, stored, '2468', facilitator)).toBe(true);
  });

  it('after a lock ends, one more wrong try locks again at once', async () => {
    const { guard, advance } = setup();
    const stored = await guard.hash('2468');
    for (let i = 0; i < 5; i++) await guard.verify(E, stored, '0000', kiosk);
    advance(30_001);
    expect(await guard.verify(E, stored, '1111', kiosk)).toBe(false);
    expect(await guard.verify(E, stored, '2468', kiosk)).toBe(false);
    advance(30_001);
    expect(await guard.verify(E, stored, '2468', kiosk)).toBe(true);
  });

  it('the same caller is counted per engagement', async () => {
    const { guard } = setup();
    const stored = await guard.hash('2468');
    for (let i = 0; i < 5; i++) await guard.verify(E, stored, '0000', kiosk);
    expect(await guard.verify(E, stored, '2468', kiosk)).toBe(false);
    expect(await guard.verify('engagement-2', stored, '2468', kiosk)).toBe(true);
  });

  it('many devices guessing together lock out every device, never the laptop windows', async () => {
    const { guard, advance } = setup();
    const stored = await guard.hash('2468');
    // Four tries each from five devices: none reaches its own limit, together they reach 20.
    for (let d = 1; d <= 5; d++) for (let i = 0; i < 4; i++) await guard.verify(E, stored, '0000', device(d));
    expect(await guard.verify(E, stored, '2468', device(99))).toBe(false);
    expect(await guard.verify(E, stored, '2468', facilitator)).toBe(true);
    expect(await guard.verify(E, stored, '2468', kiosk)).toBe(true);
    advance(5 * 60_000 + 1);
    expect(await guard.verify(E, stored, '2468', device(99))).toBe(true);
  });

  it('a right PIN clears the caller count', async () => {
    const { guard } = setup();
    const stored = await guard.hash('2468');
    for (let i = 0; i < 4; i++) await guard.verify(E, stored, '0000', kiosk);
    expect(await guard.verify(E, stored, '2468', kiosk)).toBe(true);
    for (let i = 0; i < 4; i++) await guard.verify(E, stored, '0000', kiosk);
    expect(await guard.verify(E, stored, '2468', kiosk)).toBe(true);
  });
});
