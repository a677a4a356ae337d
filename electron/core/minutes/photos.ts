import type { Metadata } from 'sharp';
import { MINUTES_LIMITS, type PhotoRefusal } from '../../../shared/minutes';
import { sharp } from './sharp';

/**
 * Photos for the minutes' Dokumentasi annex: what the secretariat picked (a phone's JPEG, a
 * camera's PNG, a WebP saved from a chat) becomes an upright, metadata-free JPEG with its long
 * side at most `MINUTES_LIMITS.photoLongSide`, plus a small thumbnail for the photo list.
 *
 * Runs in a job worker thread, never on the thread that answers calls; sharp's thread settings
 * (one libvips thread per image, no cache) and why are in `./sharp`.
 */

export type PhotoSourceFormat = 'jpeg' | 'png' | 'webp';

export interface ProcessedPhoto {
  ok: true;
  /** The photo as it goes into the document: JPEG, upright, no metadata. */
  jpeg: Uint8Array;
  width: number;
  height: number;
  /** A small JPEG (long side `THUMB_LONG_SIDE`) for the photo list and the preview. */
  thumb: Uint8Array;
  thumbWidth: number;
  thumbHeight: number;
  sourceFormat: PhotoSourceFormat;
}

export interface RefusedPhoto {
  ok: false;
  reason: PhotoRefusal;
}

export const THUMB_LONG_SIDE = 320;
const PHOTO_QUALITY = 82;
const THUMB_QUALITY = 70;

/**
 * HEIF brands of an ISO-BMFF `ftyp` box that mean an iPhone-style HEIC/HEIF picture. sharp's
 * prebuilt libvips decodes HEIF only for AVIF, so these are refused with a hint on converting.
 */
const HEIC_BRANDS = new Set(['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'hevm', 'hevs', 'mif1', 'msf1']);
/** AVIF shares the HEIF container (and often lists `mif1`): its own brands win. */
const AVIF_BRANDS = new Set(['avif', 'avis']);

export type SniffedPhoto = PhotoSourceFormat | 'heic' | null;

/** What a picked file is, from its first bytes (never its name): a format we take, HEIC, or nothing we know. */
export function sniffPhoto(bytes: Uint8Array): SniffedPhoto {
  const ascii = (from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  if (bytes.length >= 8 && PNG_SIGNATURE.every((b, i) => bytes[i] === b)) return 'png';
  if (bytes.length >= 12 && ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'webp';
  if (bytes.length >= 16 && ascii(4, 8) === 'ftyp') {
    const size = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(0);
    // The major brand at 8, a minor version at 12, then compatible brands to the end of the box.
    const end = Math.min(bytes.length, size >= 16 ? size : 16);
    const brands = [ascii(8, 12)];
    for (let i = 16; i + 4 <= end; i += 4) brands.push(ascii(i, i + 4));
    if (brands.some((b) => AVIF_BRANDS.has(b))) return null;
    if (brands.some((b) => HEIC_BRANDS.has(b))) return 'heic';
  }
  return null;
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/**
 * Decode options for every sharp call on a picked file.
 *
 * `failOn: 'error'`: with no check at all ('none') a JPEG cut in half (a photo still downloading
 * from the chat, a copy that stopped) decodes into a picture whose lower part is flat grey; from
 * 'truncated' up, sharp throws "premature end of JPEG image" instead and we refuse it as corrupt.
 * The same goes for a PNG cut short or with a damaged chunk. sharp's default, 'warning', is
 * stricter still, but it also refuses good photos: camera and phone JPEGs often carry harmless
 * warnings ("N extraneous bytes before marker"), which 'error' lets through. What no level
 * catches: a JPEG whose compressed data is damaged in the middle decodes to visible streaks
 * without an error; the user sees that in the thumbnail and can remove the photo. A JPEG missing
 * only its final end marker counts as truncated and is refused.
 *
 * `limitInputPixels` is the second fence behind the header check in `processPhoto`.
 */
const INPUT_OPTIONS = { failOn: 'error', limitInputPixels: MINUTES_LIMITS.photoPixels } as const;

/**
 * A picked photo as it goes into the minutes, or why it is refused. Refusals come in the order a
 * user can act on them: too large a file, HEIC, not an image, too many pixels, corrupt.
 */
export async function processPhoto(bytes: Uint8Array): Promise<ProcessedPhoto | RefusedPhoto> {
  if (bytes.length > MINUTES_LIMITS.photoBytes) return refuse('tooLarge');
  const format = sniffPhoto(bytes);
  if (format === 'heic') return refuse('heic');
  if (format === null) return refuse('notImage');

  // The header only: a tiny PNG may claim 30000 × 30000 pixels (a decompression bomb), which is
  // refused here before a single pixel is decoded.
  // sharp's metadata() applies the pixel limit itself and would throw on exactly the files we want
  // to name, so the limit is off for reading the header (which decodes no pixels) and checked below.
  let header: Metadata;
  try {
    header = await sharp(bytes, { ...INPUT_OPTIONS, limitInputPixels: false }).metadata();
  } catch {
    return refuse('corrupt');
  }
  // The signature said one format and the header reader found another: not a file to trust.
  if (header.format !== format) return refuse('corrupt');
  const { width, height } = header;
  if (!width || !height) return refuse('corrupt');
  if (width * height > MINUTES_LIMITS.photoPixels) return refuse('tooManyPixels');

  try {
    // Decoded once: upright (EXIF orientation applied, the tag itself dropped), transparency on
    // white, at most the long side, as raw pixels; both JPEGs are encoded from those pixels.
    // Nothing of the source's metadata (EXIF with the phone's GPS position, XMP, ICC) is kept:
    // sharp writes none unless asked to.
    const { data, info } = await sharp(bytes, INPUT_OPTIONS)
      .rotate()
      .flatten({ background: '#ffffff' })
      .resize({
        width: MINUTES_LIMITS.photoLongSide,
        height: MINUTES_LIMITS.photoLongSide,
        fit: 'inside',
        withoutEnlargement: true,
      })
      .toColourspace('srgb')
      .raw()
      .toBuffer({ resolveWithObject: true });
    const raw = { raw: { width: info.width, height: info.height, channels: info.channels } } as const;
    const jpeg = await sharp(data, raw)
      .jpeg({ quality: PHOTO_QUALITY, progressive: false, mozjpeg: false })
      .toBuffer({ resolveWithObject: true });
    const thumb = await sharp(data, raw)
      .resize({ width: THUMB_LONG_SIDE, height: THUMB_LONG_SIDE, fit: 'inside', withoutEnlargement: true })
      .jpeg({ quality: THUMB_QUALITY, progressive: false, mozjpeg: false })
      .toBuffer({ resolveWithObject: true });
    return {
      ok: true,
      jpeg: new Uint8Array(jpeg.data.buffer, jpeg.data.byteOffset, jpeg.data.byteLength),
      width: jpeg.info.width,
      height: jpeg.info.height,
      thumb: new Uint8Array(thumb.data.buffer, thumb.data.byteOffset, thumb.data.byteLength),
      thumbWidth: thumb.info.width,
      thumbHeight: thumb.info.height,
      sourceFormat: format,
    };
  } catch {
    // libvips' decode errors (truncated, damaged chunk, the pixel limit) carry no stable code;
    // anything failing here is the file's fault, since the pipeline itself is fixed.
    return refuse('corrupt');
  }
}

function refuse(reason: PhotoRefusal): RefusedPhoto {
  return { ok: false, reason };
}
