import { inkVariants, type InkImage, type InkVariants } from '../documents/signature-ink';
import type { BlobService } from './blobs';
import type { ServiceContext } from './context';

/** A signature's crops as a worker made them: PNG bytes (null: prints as it is / same as `crop`). */
export interface MadeCrop {
  original: string;
  crop: Uint8Array | null;
  bold: Uint8Array | null;
}

/**
 * Signatures cropped to their ink, made once when a signature is stored (in a job worker, after
 * the check-in committed; stored back by the app's connection) and kept content-addressed in `blobs` beside the original, mapped from
 * it in `signature_crops`. The daftar hadir reads them; a signature without a row (older data, or
 * a crop not made yet) is cropped there as before.
 */
export function createSignatureCropService(ctx: ServiceContext, blobs: BlobService) {
  const { db } = ctx;
  const select = db.prepare(
    'SELECT crop_hash, bold_hash FROM signature_crops WHERE original_hash = ? AND deleted_at IS NULL',
  );
  const exists = db.prepare('SELECT 1 FROM signature_crops WHERE original_hash = ?').pluck();
  const blobExists = db.prepare('SELECT 1 FROM blobs WHERE hash = ?').pluck();
  const insert = db.prepare(`
    INSERT INTO signature_crops (id, original_hash, crop_hash, bold_hash, created_at, updated_at)
    VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(original_hash) DO NOTHING`);

  const image = (hash: string): InkImage | null => {
    const b = blobs.get(hash);
    return b ? { data: b.data, width: b.width, height: b.height } : null;
  };

  return {
    /** The two prints of a stored signature, or null when its crop was not made. */
    get(originalHash: string): InkVariants | null {
      const r = select.get(originalHash) as { crop_hash: string; bold_hash: string } | undefined;
      if (!r) return null;
      const crop = image(r.crop_hash);
      const bold = r.bold_hash === r.crop_hash ? crop : image(r.bold_hash);
      return crop && bold ? { crop, bold } : null;
    },

    /**
     * The crops of every signature of `hashes` that has none yet, computed from the stored
     * originals (reads only: runs in a job worker; `save` writes them on the app's connection).
     */
    compute(hashes: readonly string[]): MadeCrop[] {
      const made: MadeCrop[] = [];
      for (const hash of new Set(hashes)) {
        if (exists.get(hash)) continue;
        const original = image(hash);
        if (!original) continue;
        const v = inkVariants(original);
        made.push({ original: hash, crop: v?.crop.data ?? null, bold: v && v.bold !== v.crop ? v.bold.data : null });
      }
      return made;
    },

    /**
     * Store crops made by `compute`, in one short transaction. Written here, on the connection
     * that answers calls, not in the worker: a second writer would make a check-in's transaction
     * (reads, then writes) fail with SQLITE_BUSY when the worker commits between the two.
     */
    save(made: readonly MadeCrop[]): number {
      if (made.length === 0) return 0;
      return db.transaction(() => {
        const now = ctx.now();
        let n = 0;
        for (const m of made) {
          if (exists.get(m.original) || !blobExists.get(m.original)) continue;
          // No ink, or not an RGBA PNG: the signature prints as it is, so it maps to itself.
          const crop = m.crop ? blobs.putImage(m.crop, 'signature') : m.original;
          const bold = m.bold ? blobs.putImage(m.bold, 'signature') : crop;
          insert.run(ctx.newId(), m.original, crop, bold, now, now);
          n++;
        }
        return n;
      })();
    },
  };
}

export type SignatureCropService = ReturnType<typeof createSignatureCropService>;
