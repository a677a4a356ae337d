import { AppError } from '../../../shared/errors';
import { sha256, sniffImage, type ImageInfo } from '../images';
import type { ServiceContext } from './context';

export interface StoredImage extends ImageInfo {
  hash: string;
  data: Uint8Array;
}

/** Images kept in the database, content-addressed (the same signature twice is stored once). */
export function createBlobService(ctx: ServiceContext) {
  const { db } = ctx;
  const insert = db.prepare(`
    INSERT INTO blobs (hash, mime, width, height, data, created_at) VALUES (?, ?, ?, ?, ?, ?)
    ON CONFLICT(hash) DO NOTHING`);
  const select = db.prepare('SELECT hash, mime, width, height, data FROM blobs WHERE hash = ?');

  return {
    /** Store a PNG or JPEG; anything else is a VALIDATION error naming the field. */
    putImage(bytes: Uint8Array, field: string): string {
      const info = sniffImage(bytes);
      if (!info) throw new AppError('VALIDATION', 'invalidInput', { issues: [{ path: [field], code: 'notAnImage' }] });
      const hash = sha256(bytes);
      insert.run(hash, info.mime, info.width, info.height, Buffer.from(bytes), ctx.now());
      return hash;
    },

    get(hash: string): StoredImage | null {
      const r = select.get(hash) as
        { hash: string; mime: ImageInfo['mime']; width: number; height: number; data: Buffer } | undefined;
      if (!r) return null;
      return {
        hash: r.hash,
        mime: r.mime,
        type: r.mime === 'image/png' ? 'png' : 'jpg',
        width: r.width,
        height: r.height,
        data: new Uint8Array(r.data.buffer, r.data.byteOffset, r.data.byteLength),
      };
    },
  };
}

export type BlobService = ReturnType<typeof createBlobService>;
