import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { processPhoto, sniffPhoto, THUMB_LONG_SIDE, type ProcessedPhoto } from '../../../electron/core/minutes/photos';
import { MINUTES_LIMITS } from '../../../shared/minutes';

/** A solid picture of `width` × `height` in one colour, as the encoder given (sharp's defaults). */
function solid(width: number, height: number, background: sharp.Color, channels: 3 | 4 = 3): sharp.Sharp {
  return sharp({ create: { width, height, channels, background } });
}

/** Noise, so a JPEG has real compressed data (a cut-off file then misses real pixels). */
async function noisyJpeg(width: number, height: number): Promise<Buffer> {
  return sharp({
    create: { width, height, channels: 3, background: '#000000', noise: { type: 'gaussian', mean: 128, sigma: 40 } },
  })
    .jpeg({ quality: 90 })
    .toBuffer();
}

async function processed(bytes: Uint8Array): Promise<ProcessedPhoto> {
  const result = await processPhoto(bytes);
  if (!result.ok) throw new Error(`refused: ${result.reason}`);
  return result;
}

async function pixel(jpeg: Uint8Array, x: number, y: number): Promise<number[]> {
  const { data, info } = await sharp(jpeg).raw().toBuffer({ resolveWithObject: true });
  const i = (y * info.width + x) * info.channels;
  return [...data.subarray(i, i + info.channels)];
}

/** Whether an RGB pixel is close to a colour (JPEG is lossy). */
function near(actual: number[], expected: number[], tolerance = 24): boolean {
  return expected.every((v, i) => Math.abs(actual[i] - v) <= tolerance);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** A real 1×1 PNG whose IHDR is rewritten (with a valid CRC) to claim `width` × `height`. */
async function pngClaiming(width: number, height: number): Promise<Buffer> {
  const png = Buffer.from(await solid(1, 1, '#808080').png().toBuffer());
  expect(png.toString('latin1', 12, 16)).toBe('IHDR');
  png.writeUInt32BE(width, 16);
  png.writeUInt32BE(height, 20);
  png.writeUInt32BE(crc32(png.subarray(12, 29)), 29);
  return png;
}

/** An ISO-BMFF file type box with these brands, then junk (the start of an iPhone photo). */
function ftyp(major: string, compatible: string[]): Buffer {
  const size = 16 + 4 * compatible.length;
  const box = Buffer.alloc(size);
  box.writeUInt32BE(size, 0);
  box.write('ftyp', 4, 'latin1');
  box.write(major, 8, 'latin1');
  compatible.forEach((b, i) => box.write(b, 16 + 4 * i, 'latin1'));
  return Buffer.concat([box, Buffer.alloc(2000, 0x5a)]);
}

describe('processPhoto: what goes into the document', () => {
  it('turns a phone photo with EXIF orientation 6 upright, and the tag is gone', async () => {
    // Stored 400 × 200 landscape, top half red: orientation 6 means "rotate 90° clockwise to view",
    // so the viewer sees a 200 × 400 portrait whose right half is red.
    const stored = await solid(400, 200, '#0000ff')
      .composite([
        { input: { create: { width: 400, height: 100, channels: 3, background: '#ff0000' } }, top: 0, left: 0 },
      ])
      .jpeg({ quality: 95 })
      .withMetadata({ orientation: 6 })
      .toBuffer();
    expect((await sharp(stored).metadata()).orientation).toBe(6);

    const out = await processed(stored);
    expect([out.width, out.height]).toEqual([200, 400]);
    expect(near(await pixel(out.jpeg, 150, 200), [255, 0, 0])).toBe(true); // right half red
    expect(near(await pixel(out.jpeg, 50, 200), [0, 0, 255])).toBe(true); // left half blue
    const meta = await sharp(out.jpeg).metadata();
    expect([meta.width, meta.height]).toEqual([200, 400]);
    expect(meta.orientation).toBeUndefined();
    expect(out.sourceFormat).toBe('jpeg');
  });

  it('keeps no EXIF (the GPS position of a phone photo), XMP or ICC in the photo or the thumbnail', async () => {
    const withGps = await solid(800, 600, '#336699')
      .jpeg()
      .withExif({
        IFD0: { Make: 'TestPhone', Model: 'X1' },
        IFD3: {
          GPSLatitudeRef: 'S',
          GPSLatitude: '6/1 10/1 0/1',
          GPSLongitudeRef: 'E',
          GPSLongitude: '106/1 49/1 0/1',
        },
      })
      .toBuffer();
    const source = await sharp(withGps).metadata();
    // The source really carries a GPS sub-IFD (tag 0x8825, little-endian as sharp writes it).
    expect(source.exif?.includes(Buffer.from([0x25, 0x88]))).toBe(true);

    const out = await processed(withGps);
    for (const jpeg of [out.jpeg, out.thumb]) {
      const meta = await sharp(jpeg).metadata();
      expect(meta.exif).toBeUndefined();
      expect(meta.xmp).toBeUndefined();
      expect(meta.icc).toBeUndefined();
      expect(Buffer.from(jpeg).includes('TestPhone')).toBe(false);
    }
  });

  it('flattens a PNG with transparency on white', async () => {
    const png = await solid(300, 200, { r: 0, g: 0, b: 0, alpha: 0 }, 4)
      .composite([
        { input: { create: { width: 100, height: 200, channels: 4, background: '#00aa00' } }, left: 0, top: 0 },
      ])
      .png()
      .toBuffer();
    const out = await processed(png);
    expect(out.sourceFormat).toBe('png');
    expect([out.width, out.height]).toEqual([300, 200]);
    expect(near(await pixel(out.jpeg, 250, 100), [255, 255, 255], 6)).toBe(true); // was transparent
    expect(near(await pixel(out.jpeg, 50, 100), [0, 170, 0])).toBe(true);
    expect((await sharp(out.jpeg).metadata()).channels).toBe(3);
  });

  it('takes a 16-bit PNG with alpha', async () => {
    const png16 = await solid(120, 80, { r: 255, g: 0, b: 0, alpha: 1 }, 4).toColourspace('rgb16').png().toBuffer();
    expect((await sharp(png16).metadata()).depth).toBe('ushort');
    const out = await processed(png16);
    expect([out.width, out.height]).toEqual([120, 80]);
    expect(near(await pixel(out.jpeg, 60, 40), [255, 0, 0])).toBe(true);
  });

  it('takes a WebP (with alpha, on white)', async () => {
    const webp = await solid(640, 480, { r: 0, g: 0, b: 200, alpha: 0.0 }, 4)
      .composite([
        { input: { create: { width: 320, height: 480, channels: 4, background: '#0000c8' } }, left: 0, top: 0 },
      ])
      .webp({ quality: 90 })
      .toBuffer();
    const out = await processed(webp);
    expect(out.sourceFormat).toBe('webp');
    expect([out.width, out.height]).toEqual([640, 480]);
    expect(near(await pixel(out.jpeg, 500, 240), [255, 255, 255], 6)).toBe(true);
    expect(near(await pixel(out.jpeg, 100, 240), [0, 0, 200])).toBe(true);
  });

  it('turns a CMYK JPEG (from a print shop or a scanner) and a greyscale one into RGB', async () => {
    const cmyk = await solid(300, 200, '#cc2222').toColourspace('cmyk').jpeg().toBuffer();
    expect((await sharp(cmyk).metadata()).space).toBe('cmyk');
    const out = await processed(cmyk);
    const meta = await sharp(out.jpeg).metadata();
    expect([meta.space, meta.channels]).toEqual(['srgb', 3]);
    const [r, g, b] = await pixel(out.jpeg, 150, 100);
    expect(r).toBeGreaterThan(150);
    expect(Math.max(g, b)).toBeLessThan(90);

    const grey = await solid(300, 200, '#777777').toColourspace('b-w').jpeg().toBuffer();
    expect((await sharp(grey).metadata()).channels).toBe(1);
    expect(await sharp((await processed(grey)).jpeg).metadata()).toMatchObject({ space: 'srgb', channels: 3 });
  });

  it('scales 4000 × 3000 down to 1600 × 1200, and a thumbnail of 320 × 240', async () => {
    const out = await processed(await solid(4000, 3000, '#406080').jpeg().toBuffer());
    expect([out.width, out.height]).toEqual([MINUTES_LIMITS.photoLongSide, 1200]);
    expect([out.thumbWidth, out.thumbHeight]).toEqual([THUMB_LONG_SIDE, 240]);
    const meta = await sharp(out.jpeg).metadata();
    expect([meta.format, meta.width, meta.height, meta.isProgressive]).toEqual(['jpeg', 1600, 1200, false]);
    const thumb = await sharp(out.thumb).metadata();
    expect([thumb.format, thumb.width, thumb.height]).toEqual(['jpeg', 320, 240]);
  });

  it('scales a portrait photo by its long side', async () => {
    const out = await processed(await solid(1500, 3000, '#aaaaaa').png().toBuffer());
    expect([out.width, out.height]).toEqual([800, 1600]);
    expect([out.thumbWidth, out.thumbHeight]).toEqual([160, 320]);
  });

  it('never enlarges: 800 × 600 stays 800 × 600, a 200 × 100 thumbnail stays 200 × 100', async () => {
    const out = await processed(await noisyJpeg(800, 600));
    expect([out.width, out.height]).toEqual([800, 600]);
    expect([out.thumbWidth, out.thumbHeight]).toEqual([320, 240]);
    const tiny = await processed(await noisyJpeg(200, 100));
    expect([tiny.width, tiny.height, tiny.thumbWidth, tiny.thumbHeight]).toEqual([200, 100, 200, 100]);
  });
});

describe('sharp as the minutes set it up', () => {
  it('runs one libvips thread per image and keeps no operation cache', () => {
    // Importing photos.ts (above) configured the process's sharp.
    expect(sharp.concurrency()).toBe(1);
    const cache = sharp.cache();
    expect([cache.memory.max, cache.files.max, cache.items.max]).toEqual([0, 0, 0]);
  });
});

describe('processPhoto: what is refused, and why', () => {
  it('refuses HEIC/HEIF by its file type box, whatever follows', async () => {
    expect(await processPhoto(ftyp('heic', ['mif1', 'heic']))).toEqual({ ok: false, reason: 'heic' });
    expect(await processPhoto(ftyp('mif1', ['heic']))).toEqual({ ok: false, reason: 'heic' });
    expect(await processPhoto(ftyp('hevc', []))).toEqual({ ok: false, reason: 'heic' });
    expect(sniffPhoto(ftyp('msf1', ['hevx']))).toBe('heic');
  });

  it('refuses AVIF as not an image we take (it shares HEIF’s box and brand mif1)', async () => {
    const avif = await solid(64, 64, '#888888').avif().toBuffer();
    expect(avif.toString('latin1', 4, 8)).toBe('ftyp');
    expect(await processPhoto(avif)).toEqual({ ok: false, reason: 'notImage' });
    expect(await processPhoto(ftyp('mif1', ['avif', 'miaf']))).toEqual({ ok: false, reason: 'notImage' });
  });

  it('refuses random bytes, an empty file, a PDF, a GIF, text and an MP4 as not an image', async () => {
    const random = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 251));
    const gif = await solid(10, 10, '#ff0000').gif().toBuffer();
    for (const bytes of [
      random,
      new Uint8Array(0),
      Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n'),
      gif,
      Buffer.from('foto_bimtek.jpg'),
      ftyp('isom', ['iso2', 'mp41']),
    ]) {
      expect(await processPhoto(bytes)).toEqual({ ok: false, reason: 'notImage' });
    }
  });

  it('refuses a JPEG cut in half as corrupt (not a half-grey picture)', async () => {
    const jpeg = await noisyJpeg(1200, 900);
    expect((await processPhoto(jpeg)).ok).toBe(true);
    expect(await processPhoto(jpeg.subarray(0, jpeg.length >> 1))).toEqual({ ok: false, reason: 'corrupt' });
  });

  it('accepts a JPEG with a harmless decoder warning (extra bytes before a marker), as phones write them', async () => {
    const jpeg = await solid(300, 200, '#446688').jpeg().toBuffer();
    const sos = jpeg.indexOf(Buffer.from([0xff, 0xda]));
    const withJunk = Buffer.concat([jpeg.subarray(0, sos), Buffer.from([0, 0, 0]), jpeg.subarray(sos)]);
    // sharp's default (failOn 'warning') would refuse this photo.
    await expect(sharp(withJunk).raw().toBuffer()).rejects.toThrow(/extraneous bytes/);
    const out = await processed(withJunk);
    expect([out.width, out.height]).toEqual([300, 200]);
  });

  it('refuses a PNG cut short, and garbage after a valid signature, as corrupt', async () => {
    const png = await sharp({
      create: {
        width: 600,
        height: 400,
        channels: 3,
        background: '#000000',
        noise: { type: 'gaussian', mean: 128, sigma: 40 },
      },
    })
      .png()
      .toBuffer();
    expect(await processPhoto(png.subarray(0, png.length >> 1))).toEqual({ ok: false, reason: 'corrupt' });
    const junk = (head: number[]) => Buffer.concat([Buffer.from(head), Buffer.alloc(500, 0x41)]);
    expect(await processPhoto(junk([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toEqual({
      ok: false,
      reason: 'corrupt',
    });
    expect(await processPhoto(junk([0xff, 0xd8, 0xff, 0xe0]))).toEqual({ ok: false, reason: 'corrupt' });
    expect(await processPhoto(Buffer.concat([Buffer.from('RIFF\0\0\0\0WEBPVP8 '), Buffer.alloc(300, 1)]))).toEqual({
      ok: false,
      reason: 'corrupt',
    });
  });

  it('refuses a tiny PNG claiming 30000 × 30000 pixels from its header (a decompression bomb)', async () => {
    const bomb = await pngClaiming(30_000, 30_000);
    expect(bomb.length).toBeLessThan(200);
    const header = await sharp(bomb, { limitInputPixels: false }).metadata();
    expect([header.width, header.height]).toEqual([30_000, 30_000]);
    expect(await processPhoto(bomb)).toEqual({ ok: false, reason: 'tooManyPixels' });
    // Just under the limit by the header, the same file is tried and found corrupt (its pixel data is 1×1).
    expect(await processPhoto(await pngClaiming(10_000, 10_000))).toEqual({ ok: false, reason: 'corrupt' });
  });

  it('refuses a file over 40 MB as too large, whatever it is', async () => {
    const head = await noisyJpeg(64, 64);
    const big = new Uint8Array(MINUTES_LIMITS.photoBytes + 1);
    big.set(head);
    expect(await processPhoto(big)).toEqual({ ok: false, reason: 'tooLarge' });
    const heicBig = new Uint8Array(MINUTES_LIMITS.photoBytes + 1);
    heicBig.set(ftyp('heic', ['mif1']));
    expect(await processPhoto(heicBig)).toEqual({ ok: false, reason: 'tooLarge' });
  });
});
