import type { Migration } from './types';

/**
 * Signatures cropped to their ink once, when they are stored, instead of at every export of the
 * daftar hadir: a row maps a stored signature (`original_hash`) to its two prints, both
 * content-addressed in `blobs` beside it — `crop_hash` as drawn, `bold_hash` with strokes a pixel
 * thicker (for a print that shrinks it). A signature that is not an RGBA PNG or has no ink maps to
 * itself. Merge-ready like every table since migration 3; one row per original.
 */
export const migration008: Migration = {
  version: 8,
  name: 'signature crops: each stored signature cropped to its ink, once',
  up(db) {
    db.exec(`
      CREATE TABLE signature_crops (
        id TEXT PRIMARY KEY,
        original_hash TEXT NOT NULL UNIQUE REFERENCES blobs(hash) ON DELETE RESTRICT,
        crop_hash TEXT NOT NULL REFERENCES blobs(hash) ON DELETE RESTRICT,
        bold_hash TEXT NOT NULL REFERENCES blobs(hash) ON DELETE RESTRICT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        deleted_at TEXT
      );
    `);
  },
};
