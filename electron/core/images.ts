import { createHash } from 'node:crypto';
import { constants, inflateSync } from 'node:zlib';

export interface ImageInfo {
  type: 'png' | 'jpg';
  mime: 'image/png' | 'image/jpeg';
  width: number;
  height: number;
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** What an image file is, from its bytes (never its name): PNG or JPEG with dimensions, or null. */
export function sniffImage(bytes: Uint8Array): ImageInfo | null {
  if (bytes.length > 24 && PNG_SIGNATURE.every((b, i) => bytes[i] === b)) {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const width = view.getUint32(16);
    const height = view.getUint32(20);
    if (width === 0 || height === 0 || width > 10_000 || height > 10_000) return null;
    if (!hasPngPixels(bytes, view)) return null;
    return { type: 'png', mime: 'image/png', width, height };
  }
  if (bytes.length > 4 && bytes[0] === 0xff && bytes[1] === 0xd8) {
    // Walk the JPEG segments to the first start-of-frame marker, which holds the size.
    let i = 2;
    while (i + 9 < bytes.length) {
      if (bytes[i] !== 0xff) return null;
      const marker = bytes[i + 1];
      const length = (bytes[i + 2] << 8) | bytes[i + 3];
      const isSof = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
      if (isSof) {
        const height = (bytes[i + 5] << 8) | bytes[i + 6];
        const width = (bytes[i + 7] << 8) | bytes[i + 8];
        if (width === 0 || height === 0) return null;
        // The pixels follow a start-of-scan marker; a frame header alone is no picture.
        if (!hasJpegScan(bytes, i + 2 + length)) return null;
        return { type: 'jpg', mime: 'image/jpeg', width, height };
      }
      i += 2 + length;
    }
  }
  return null;
}

/**
 * Whether a PNG's chunks are whole and hold pixels: IHDR first, at least one non-empty IDAT, and
 * IEND, each chunk inside the file. A header with no pixel data (or a file cut short) is no image.
 */
function hasPngPixels(bytes: Uint8Array, view: DataView): boolean {
  let i = 8;
  let first = true;
  let pixels = false;
  while (i + 12 <= bytes.length) {
    const len = view.getUint32(i);
    const type = String.fromCharCode(bytes[i + 4], bytes[i + 5], bytes[i + 6], bytes[i + 7]);
    if (i + 12 + len > bytes.length) return false;
    if (first && (type !== 'IHDR' || len !== 13)) return false;
    first = false;
    if (type === 'IDAT' && len > 0) pixels = true;
    if (type === 'IEND') return pixels;
    i += 12 + len;
  }
  return false;
}

/** Whether a start-of-scan segment (the compressed pixels) follows `from` in a JPEG. */
function hasJpegScan(bytes: Uint8Array, from: number): boolean {
  let i = from;
  while (i + 4 <= bytes.length) {
    if (bytes[i] !== 0xff) return false;
    const marker = bytes[i + 1];
    if (marker === 0xda) return i + 4 < bytes.length;
    const length = (bytes[i + 2] << 8) | bytes[i + 3];
    i += 2 + length;
  }
  return false;
}

/**
 * Whether a PNG has no visible pixel at all. A blank signature pad exports fully transparent
 * pixels (all bytes zero); PNG filtering of all-zero rows yields zero bytes too, so any non-zero
 * byte after the per-row filter byte means something was drawn.
 */
export function isBlankPng(bytes: Uint8Array): boolean {
  const info = sniffImage(bytes);
  if (!info || info.type !== 'png') return false;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const chunks: Uint8Array[] = [];
  let bitDepth = 8;
  let colorType = 6;
  for (let i = 8; i + 8 <= bytes.length;) {
    const len = view.getUint32(i);
    const type = String.fromCharCode(...bytes.subarray(i + 4, i + 8));
    const body = bytes.subarray(i + 8, i + 8 + len);
    if (type === 'IHDR') {
      bitDepth = body[8];
      colorType = body[9];
    }
    if (type === 'IDAT') chunks.push(body);
    if (type === 'IEND') break;
    i += 12 + len;
  }
  // Only RGBA (the canvas format) can be judged this way; anything else counts as drawn.
  if (colorType !== 6 || bitDepth !== 8) return false;
  const stride = info.width * 4 + 1;
  const compressed = Buffer.concat(chunks);
  const limit = stride * info.height;
  // A drawn pad shows ink within the first part of the stream, so a prefix is inflated first
  // (about 1 ms and a 600 KB buffer saved per check-in); only a pad that looks blank so far is
  // inflated whole. Never more than the image can hold: a tiny file must not expand into gigabytes.
  for (const size of [2048, compressed.length]) {
    const whole = size >= compressed.length;
    let raw: Buffer;
    try {
      raw = inflateSync(
        compressed.subarray(0, size),
        whole ? { maxOutputLength: limit } : { maxOutputLength: limit, finishFlush: constants.Z_SYNC_FLUSH },
      );
    } catch {
      if (whole) return false;
      continue;
    }
    if (hasInk(raw, stride)) return false;
    if (whole) return true;
  }
  return true;
}

/** Whether any pixel byte (not a row's filter byte) of inflated PNG rows is non-zero. */
function hasInk(raw: Buffer, stride: number): boolean {
  for (let start = 0; start < raw.length; start += stride) {
    const end = Math.min(start + stride, raw.length);
    for (let j = start + 1; j < end; j++) if (raw[j] !== 0) return true;
  }
  return false;
}

/** Largest signature image accepted, in pixels (a pad exports 600 × 240). */
export const MAX_SIGNATURE_PIXELS = 2000 * 1000;

export const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** An image from the store as a data URL (for `<img src>`), or null. */
export const dataUrl = (img: { mime: string; data: Uint8Array } | null): string | null =>
  img ? `data:${img.mime};base64,${Buffer.from(img.data).toString('base64')}` : null;
