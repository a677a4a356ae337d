import { describe, expect, it } from 'vitest';
import { sniffImage } from '../../../electron/core/images';
import { emblemPng, signaturePng } from '../../fixtures/png';

/** The first `n` chunks of a PNG (signature included), as a file someone could send. */
function pngChunks(png: Uint8Array, n: number): Uint8Array {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  let i = 8;
  for (let k = 0; k < n; k++) i += 12 + view.getUint32(i);
  return png.slice(0, i);
}

const JPEG_SOF = [0xff, 0xc0, 0x00, 0x11, 0x08, 0x00, 0x64, 0x01, 0x2c, 0x03, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1];

describe('sniffImage: an image must hold pixels, not only a header', () => {
  it('accepts whole PNGs', () => {
    expect(sniffImage(signaturePng(1))).toMatchObject({ type: 'png', width: 300, height: 100 });
    expect(sniffImage(emblemPng())).toMatchObject({ type: 'png' });
  });

  it('refuses a PNG with its header and no pixel data', () => {
    const png = signaturePng(1);
    expect(sniffImage(pngChunks(png, 1))).toBeNull(); // IHDR only
    const headerAndEnd = Buffer.concat([pngChunks(png, 1), png.slice(png.length - 12)]); // IHDR + IEND
    expect(sniffImage(headerAndEnd)).toBeNull();
  });

  it('refuses a PNG cut short (a chunk runs past the end, or no IEND)', () => {
    const png = signaturePng(1);
    expect(sniffImage(png.slice(0, png.length - 20))).toBeNull();
    expect(sniffImage(png.slice(0, png.length - 12))).toBeNull();
  });

  it('refuses a JPEG frame header with no scan, accepts one with a scan', () => {
    const head = [0xff, 0xd8, ...JPEG_SOF];
    expect(sniffImage(Uint8Array.from([...head, 0, 0, 0, 0]))).toBeNull();
    const sos = [0xff, 0xda, 0x00, 0x08, 0x01, 0x01, 0x00, 0x00, 0x3f, 0x00, 0x12, 0x34, 0xff, 0xd9];
    expect(sniffImage(Uint8Array.from([...head, ...sos]))).toMatchObject({ type: 'jpg', width: 300, height: 100 });
  });
});
