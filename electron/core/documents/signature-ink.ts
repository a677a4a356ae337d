import { deflateSync, inflateSync } from 'node:zlib';

/**
 * Signatures as the pad exports them are a wide transparent canvas with the ink somewhere in it.
 * Before one goes into the daftar hadir it is cropped to its ink (so the ink, not the empty canvas,
 * fills the cell) and, when the print shrinks it a lot, its strokes are thickened by a pixel so a
 * 2 px pen line does not fade to a hairline on paper. Only 8-bit RGBA, non-interlaced PNGs (what a
 * canvas exports) are reworked; anything else is used as it is.
 */

export interface InkImage {
  data: Uint8Array;
  width: number;
  height: number;
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
/** Alpha above which a pixel counts as ink (anti-aliasing fringes below it do not widen the box). */
const INK_ALPHA = 24;
/** Transparent margin kept around the ink, in pixels. */
const MARGIN = 4;

interface Decoded {
  width: number;
  height: number;
  /** RGBA, row after row, no filter bytes. */
  pixels: Uint8Array;
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/** Decodes an 8-bit RGBA non-interlaced PNG; null for any other kind. */
export function decodeRgbaPng(bytes: Uint8Array): Decoded | null {
  if (bytes.length < 33 || PNG_SIGNATURE.some((b, i) => bytes[i] !== b)) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let width = 0;
  let height = 0;
  const idat: Uint8Array[] = [];
  for (let i = 8; i + 8 <= bytes.length;) {
    const len = view.getUint32(i);
    const type = String.fromCharCode(...bytes.subarray(i + 4, i + 8));
    const body = bytes.subarray(i + 8, i + 8 + len);
    if (type === 'IHDR') {
      width = view.getUint32(i + 8);
      height = view.getUint32(i + 12);
      // bit depth 8, colour type 6 (RGBA), no interlace
      if (body[8] !== 8 || body[9] !== 6 || body[12] !== 0) return null;
    }
    if (type === 'IDAT') idat.push(body);
    if (type === 'IEND') break;
    i += 12 + len;
  }
  if (width === 0 || height === 0 || width * height > 4_000_000) return null;
  const stride = width * 4;
  let raw: Buffer;
  try {
    raw = inflateSync(Buffer.concat(idat), { maxOutputLength: (stride + 1) * height });
  } catch {
    return null;
  }
  if (raw.length < (stride + 1) * height) return null;
  const pixels = new Uint8Array(stride * height);
  // One loop per filter type (not a branch per byte): 300 signatures decode in a fraction of a second.
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const src = y * (stride + 1) + 1;
    const out = y * stride;
    const up = out - stride;
    if (filter === 0) {
      pixels.set(raw.subarray(src, src + stride), out);
    } else if (filter === 1) {
      for (let x = 0; x < 4; x++) pixels[out + x] = raw[src + x];
      for (let x = 4; x < stride; x++) pixels[out + x] = (raw[src + x] + pixels[out + x - 4]) & 0xff;
    } else if (filter === 2) {
      if (y === 0) pixels.set(raw.subarray(src, src + stride), out);
      else for (let x = 0; x < stride; x++) pixels[out + x] = (raw[src + x] + pixels[up + x]) & 0xff;
    } else if (filter === 3) {
      for (let x = 0; x < stride; x++) {
        const left = x >= 4 ? pixels[out + x - 4] : 0;
        const above = y > 0 ? pixels[up + x] : 0;
        pixels[out + x] = (raw[src + x] + ((left + above) >> 1)) & 0xff;
      }
    } else if (filter === 4) {
      for (let x = 0; x < stride; x++) {
        const left = x >= 4 ? pixels[out + x - 4] : 0;
        const above = y > 0 ? pixels[up + x] : 0;
        const corner = x >= 4 && y > 0 ? pixels[up + x - 4] : 0;
        pixels[out + x] = (raw[src + x] + paeth(left, above, corner)) & 0xff;
      }
    } else return null;
  }
  return { width, height, pixels };
}

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** One PNG chunk: length, type, body and CRC (also what the test fixtures build images with). */
export function pngChunk(type: string, body: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(body.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), body])), 0);
  return Buffer.concat([head, body, crc]);
}

function encodeRgbaPng({ width, height, pixels }: Decoded): Uint8Array {
  const stride = width * 4;
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) raw.set(pixels.subarray(y * stride, (y + 1) * stride), y * (stride + 1) + 1);
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  return new Uint8Array(
    Buffer.concat([
      Buffer.from(PNG_SIGNATURE),
      pngChunk('IHDR', ihdr),
      pngChunk('IDAT', deflateSync(raw, { level: 3 })),
      pngChunk('IEND', new Uint8Array(0)),
    ]),
  );
}

/** The box around every ink pixel, or null when there is none. */
export function inkBox(img: Decoded): { x: number; y: number; width: number; height: number } | null {
  let minX = img.width;
  let minY = img.height;
  let maxX = -1;
  let maxY = -1;
  for (let y = 0; y < img.height; y++) {
    for (let x = 0; x < img.width; x++) {
      if (img.pixels[(y * img.width + x) * 4 + 3] <= INK_ALPHA) continue;
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
    }
  }
  if (maxX < 0) return null;
  return { x: minX, y: minY, width: maxX - minX + 1, height: maxY - minY + 1 };
}

/**
 * Strokes one pixel bolder on every side: the alpha of each pixel becomes the largest of its 3 × 3
 * neighbourhood (two separable passes), in the colour of the ink (a pad draws in one colour).
 */
function thicken(img: Decoded): Decoded {
  const { width, height, pixels } = img;
  const n = width * height;
  const alpha = new Uint8Array(n);
  let ink = -1;
  for (let i = 0; i < n; i++) {
    const a = pixels[i * 4 + 3];
    alpha[i] = a;
    if (ink < 0 && a > 200) ink = i * 4;
  }
  if (ink < 0) return img;
  const across = new Uint8Array(n);
  for (let y = 0; y < height; y++) {
    const row = y * width;
    for (let x = 0; x < width; x++) {
      let m = alpha[row + x];
      if (x > 0 && alpha[row + x - 1] > m) m = alpha[row + x - 1];
      if (x + 1 < width && alpha[row + x + 1] > m) m = alpha[row + x + 1];
      across[row + x] = m;
    }
  }
  const out = new Uint8Array(pixels);
  const [r, g, b] = [pixels[ink], pixels[ink + 1], pixels[ink + 2]];
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = y * width + x;
      let m = across[i];
      if (y > 0 && across[i - width] > m) m = across[i - width];
      if (y + 1 < height && across[i + width] > m) m = across[i + width];
      if (m <= alpha[i]) continue;
      const o = i * 4;
      out[o] = r;
      out[o + 1] = g;
      out[o + 2] = b;
      out[o + 3] = m;
    }
  }
  return { width, height, pixels: out };
}

/** A signature cropped to its ink, as printed small (`bold`: strokes a pixel thicker) or not (`crop`). */
export interface InkVariants {
  crop: InkImage;
  bold: InkImage;
}

/**
 * Both prints of a signature cropped to its ink (plus a small margin), from one decode: `crop` as
 * drawn, `bold` with strokes a pixel thicker. Null when the image is not an 8-bit RGBA PNG or has
 * no ink (it is then used as it is). Made once when a signature is stored (see signature-crops.ts).
 */
export function inkVariants(image: InkImage): InkVariants | null {
  const cropped = cropDecoded(image);
  if (!cropped) return null;
  const thick = thicken(cropped);
  const crop = { data: encodeRgbaPng(cropped), width: cropped.width, height: cropped.height };
  return { crop, bold: thick === cropped ? crop : { ...crop, data: encodeRgbaPng(thick) } };
}

/** The pixels inside the ink's box (plus a margin); null when not an RGBA PNG or without ink. */
function cropDecoded(image: InkImage): Decoded | null {
  const decoded = decodeRgbaPng(image.data);
  if (!decoded) return null;
  const box = inkBox(decoded);
  if (!box) return null;
  const x0 = Math.max(0, box.x - MARGIN);
  const y0 = Math.max(0, box.y - MARGIN);
  const x1 = Math.min(decoded.width, box.x + box.width + MARGIN);
  const y1 = Math.min(decoded.height, box.y + box.height + MARGIN);
  const width = x1 - x0;
  const height = y1 - y0;
  const pixels = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) {
    const from = ((y0 + y) * decoded.width + x0) * 4;
    pixels.set(decoded.pixels.subarray(from, from + width * 4), y * width * 4);
  }
  return { width, height, pixels };
}

/**
 * Which print of a cropped signature goes on paper `printedWidthPx` wide (about how many pixels
 * wide the print is at 300 dpi): when the ink is shrunk to fit it, a pad's 2–3 px strokes would
 * print thinner than a ballpoint line, so the thickened one.
 */
export function inkForPrint(v: InkVariants, printedWidthPx = 350): InkImage {
  return v.crop.width > printedWidthPx ? v.bold : v.crop;
}

/**
 * The signature cropped to its ink for a print `printedWidthPx` wide, computed now: what the
 * daftar hadir falls back to for a signature whose crop was not made when it was stored.
 */
export function cropToInk(image: InkImage, printedWidthPx = 350): InkImage {
  let cropped = cropDecoded(image);
  if (!cropped) return image;
  if (cropped.width > printedWidthPx) cropped = thicken(cropped);
  return { data: encodeRgbaPng(cropped), width: cropped.width, height: cropped.height };
}
