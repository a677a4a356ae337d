/**
 * Signature strokes: points in CSS pixels of the pad with a pen width, painted as quadratic
 * curves through the midpoints of successive points (smooth without lagging behind the pen).
 * Pure geometry plus painting on any 2D context, so export and screen use the same code.
 */

export interface StrokePoint {
  x: number;
  y: number;
  /** Pen width in CSS pixels at this point (pressure-aware for a stylus). */
  w: number;
}
export type Stroke = StrokePoint[];

/** Blue-black, like a ballpoint pen on the paper daftar hadir. */
export const INK = '#14245c';

/** Base pen width in CSS pixels. */
export const BASE_WIDTH = 2.6;

/** The pen width of a pointer sample: a stylus' pressure thins or thickens it; mouse and touch are even. */
export function penWidth(pointerType: string, pressure: number): number {
  if (pointerType === 'pen' && pressure > 0) return BASE_WIDTH * (0.55 + pressure * 0.9);
  if (pointerType === 'touch') return BASE_WIDTH * 1.15;
  return BASE_WIDTH;
}

const mid = (a: StrokePoint, b: StrokePoint): StrokePoint => ({
  x: (a.x + b.x) / 2,
  y: (a.y + b.y) / 2,
  w: (a.w + b.w) / 2,
});

function style(ctx: CanvasRenderingContext2D): void {
  ctx.strokeStyle = INK;
  ctx.fillStyle = INK;
  ctx.lineCap = 'round';
  ctx.lineJoin = 'round';
}

/** The dot where a stroke starts (a tap alone is a dot, as on paper). */
export function paintStart(ctx: CanvasRenderingContext2D, s: Stroke): void {
  style(ctx);
  const p = s[0];
  ctx.beginPath();
  ctx.arc(p.x, p.y, p.w / 2, 0, Math.PI * 2);
  ctx.fill();
}

/**
 * The curve that the point `k` (k ≥ 2) completes: from the midpoint before `k - 1` (or the start),
 * bent through `k - 1`, to the midpoint of `k - 1` and `k`. Drawn as each point arrives.
 */
export function paintSegment(ctx: CanvasRenderingContext2D, s: Stroke, k: number): void {
  const prev = s[k - 1];
  const from = k === 2 ? s[0] : mid(s[k - 2], prev);
  const to = mid(prev, s[k]);
  style(ctx);
  ctx.lineWidth = prev.w;
  ctx.beginPath();
  ctx.moveTo(from.x, from.y);
  ctx.quadraticCurveTo(prev.x, prev.y, to.x, to.y);
  ctx.stroke();
}

/** The last straight piece to the point where the pen lifted. */
export function paintTail(ctx: CanvasRenderingContext2D, s: Stroke): void {
  const n = s.length;
  if (n < 2) return;
  const last = s[n - 1];
  const from = n === 2 ? s[0] : mid(s[n - 2], last);
  style(ctx);
  ctx.lineWidth = last.w;
  ctx.beginPath();
  ctx.moveTo(from.x, from.y);
  ctx.lineTo(last.x, last.y);
  ctx.stroke();
}

/** A whole stroke; `finished` adds the tail (a stroke still being drawn has none yet). */
export function paintStroke(ctx: CanvasRenderingContext2D, s: Stroke, finished = true): void {
  if (s.length === 0) return;
  paintStart(ctx, s);
  for (let k = 2; k < s.length; k++) paintSegment(ctx, s, k);
  if (finished) paintTail(ctx, s);
}

export interface Box {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

/** The area the ink covers, pen width included; null for no strokes. */
export function inkBounds(strokes: readonly Stroke[]): Box | null {
  let box: Box | null = null;
  for (const s of strokes) {
    for (const p of s) {
      const r = p.w / 2;
      if (!box) box = { minX: p.x - r, minY: p.y - r, maxX: p.x + r, maxY: p.y + r };
      else {
        box.minX = Math.min(box.minX, p.x - r);
        box.minY = Math.min(box.minY, p.y - r);
        box.maxX = Math.max(box.maxX, p.x + r);
        box.maxY = Math.max(box.maxY, p.y + r);
      }
    }
  }
  return box;
}

/** Export size of a signature: wide and short, like the signature cell of a daftar hadir. */
export const EXPORT_WIDTH = 600;
export const EXPORT_HEIGHT = 240;
/** A scribble is never blown up more than this (a dot stays a dot). */
const MAX_SCALE = 2;
const MARGIN = 12;

/**
 * How pad coordinates map into the export image: the ink is cropped to its bounds and fitted,
 * centred, so signatures made on a wide desktop pad and on a full-screen tablet come out alike.
 */
export function exportTransform(
  box: Box,
  width = EXPORT_WIDTH,
  height = EXPORT_HEIGHT,
): { scale: number; dx: number; dy: number } {
  const bw = Math.max(1, box.maxX - box.minX);
  const bh = Math.max(1, box.maxY - box.minY);
  const scale = Math.min((width - 2 * MARGIN) / bw, (height - 2 * MARGIN) / bh, MAX_SCALE);
  const dx = (width - bw * scale) / 2 - box.minX * scale;
  const dy = (height - bh * scale) / 2 - box.minY * scale;
  return { scale, dx, dy };
}

/**
 * The strokes as a PNG (base64 without the `data:` prefix) on a TRANSPARENT background: the
 * store refuses a PNG whose pixels are all transparent, which is exactly what an empty pad gives.
 * Null when there is nothing to export or no canvas.
 */
export function strokesToPng(strokes: readonly Stroke[], doc: Document = document): string | null {
  const box = inkBounds(strokes);
  if (!box) return null;
  const canvas = doc.createElement('canvas');
  canvas.width = EXPORT_WIDTH;
  canvas.height = EXPORT_HEIGHT;
  const ctx = canvas.getContext('2d');
  if (!ctx) return null;
  const { scale, dx, dy } = exportTransform(box);
  // Scale coordinates but keep pen widths readable on paper: between 1.6 and 9 image pixels.
  const scaled = strokes.map((s) =>
    s.map((p) => ({ x: p.x * scale + dx, y: p.y * scale + dy, w: Math.min(9, Math.max(1.6, p.w * scale)) })),
  );
  for (const s of scaled) paintStroke(ctx, s);
  const url = canvas.toDataURL('image/png');
  const comma = url.indexOf(',');
  return comma >= 0 ? url.slice(comma + 1) : null;
}
