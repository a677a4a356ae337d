import { makePng } from '../fixtures/png';

/**
 * Signatures as the check-in pad really exports them: 600 × 240 RGBA PNG (EXPORT_WIDTH ×
 * EXPORT_HEIGHT in renderer/features/checkin/strokes.ts), transparent background, blue-black ink
 * with soft (anti-aliased) edges and pressure-varying width, and a different hand for every
 * person — so 300 signatures are 300 different images in the DOCX, as on a real day.
 */
export const PAD_WIDTH = 600;
export const PAD_HEIGHT = 240;

/** A small deterministic random source, so the bench draws the same signatures every run. */
function random(seed: number): () => number {
  let s = (seed * 2654435761) >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
}

/** Ink coverage (0–1) of the pad, stroke by stroke: discs stamped along smooth random curves. */
function inkCoverage(seed: number): Float32Array {
  const rnd = random(seed);
  const cover = new Float32Array(PAD_WIDTH * PAD_HEIGHT);
  const stamp = (cx: number, cy: number, r: number) => {
    const x0 = Math.max(0, Math.floor(cx - r - 1));
    const x1 = Math.min(PAD_WIDTH - 1, Math.ceil(cx + r + 1));
    const y0 = Math.max(0, Math.floor(cy - r - 1));
    const y1 = Math.min(PAD_HEIGHT - 1, Math.ceil(cy + r + 1));
    for (let y = y0; y <= y1; y++) {
      for (let x = x0; x <= x1; x++) {
        const d = Math.hypot(x + 0.5 - cx, y + 0.5 - cy);
        const a = Math.min(1, Math.max(0, r + 0.5 - d));
        const i = y * PAD_WIDTH + x;
        if (a > cover[i]) cover[i] = a;
      }
    }
  };
  // A name-like scrawl: 2–4 strokes left to right, loops and a final flourish.
  const strokes = 2 + Math.floor(rnd() * 3);
  let x = 30 + rnd() * 40;
  for (let s = 0; s < strokes; s++) {
    const len = 120 + rnd() * 180;
    const baseY = 80 + rnd() * 90;
    const amp = 20 + rnd() * 55;
    const freq = 0.03 + rnd() * 0.06;
    const loop = 8 + rnd() * 22;
    const phase = rnd() * Math.PI * 2;
    const width = 1.6 + rnd() * 2.4;
    const steps = Math.round(len * 12);
    let lastX = -1e9;
    let lastY = -1e9;
    for (let k = 0; k <= steps; k++) {
      const t = k / steps;
      const px = x + t * len + loop * Math.cos(t * len * freq * 3 + phase);
      const py = baseY + amp * Math.sin(t * len * freq + phase) + loop * Math.sin(t * len * freq * 3 + phase);
      // Pressure: thinner at the start and end of a stroke, like a pen landing and lifting.
      const r = Math.max(0.8, width * (0.45 + 0.55 * Math.sin(Math.PI * Math.min(1, t * 1.15))));
      // A continuous line: a new disc once the pen has moved a fraction of its width.
      if (Math.hypot(px - lastX, py - lastY) < r * 0.35) continue;
      stamp(px, py, r);
      lastX = px;
      lastY = py;
    }
    x += len * (0.55 + rnd() * 0.3);
    if (x > PAD_WIDTH - 120) x = 40 + rnd() * 60;
  }
  // An underline flourish on most signatures.
  if (rnd() < 0.7) {
    const y = 190 + rnd() * 30;
    const x0 = 40 + rnd() * 80;
    const x1 = PAD_WIDTH - 40 - rnd() * 120;
    for (let px = x0; px <= x1; px += 0.5) stamp(px, y + 6 * Math.sin(px / 40), 1.4);
  }
  return cover;
}

/** One person's signature as PNG bytes (different for every seed). */
export function padSignature(seed: number): Uint8Array {
  const cover = inkCoverage(seed);
  return makePng(PAD_WIDTH, PAD_HEIGHT, (x, y) => {
    const a = cover[y * PAD_WIDTH + x];
    return a > 0 ? [22, 30, 96, Math.round(a * 255)] : null;
  });
}

/** `n` distinct signatures, base64 as the check-in call carries them. */
export function padSignatures(n: number, firstSeed = 1): string[] {
  return Array.from({ length: n }, (_, i) => Buffer.from(padSignature(firstSeed + i)).toString('base64'));
}
