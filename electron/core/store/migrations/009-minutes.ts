import type { Migration } from './types';

/**
 * The minutes (notulen) of a workshop. Merge-ready like every table since migration 3.
 *
 * - `minutes`: one row per workshop: its number, whether it is a draft or finalized, and a
 *   revision counted up by every change (a finalize names the revision it saw).
 * - `minutes_sections`: the sections the secretariat rewrote by hand, as blocks (JSON); a section
 *   without a row is built from the recorded data (notes, decisions, run times) whenever it is read.
 * - `minutes_photos`: Dokumentasi photos, resized JPEG and thumbnail kept content-addressed in
 *   `blobs`, with caption, whether each goes into the annex, and its place in the annex.
 * - `minutes_versions`: every finalized version: the DOCX bytes as handed out (in `blobs`, by their
 *   SHA-256), the short verification code printed in its footer, who finalized it and when, and
 *   who reopened it, when and why.
 */
export const migration009: Migration = {
  version: 9,
  name: 'minutes: sections rewritten by hand, photos, finalized versions',
  up(db) {
    db.exec(`
      CREATE TABLE minutes (
        id TEXT PRIMARY KEY,
        workshop_id TEXT NOT NULL UNIQUE REFERENCES workshops(id) ON DELETE RESTRICT,
        number TEXT NOT NULL DEFAULT '',
        state TEXT NOT NULL DEFAULT 'draft' CHECK (state IN ('draft', 'final')),
        revision INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        deleted_at TEXT
      );

      CREATE TABLE minutes_sections (
        id TEXT PRIMARY KEY,
        workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE RESTRICT,
        section_key TEXT NOT NULL,
        blocks_json TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        deleted_at TEXT
      );
      CREATE UNIQUE INDEX minutes_sections_one ON minutes_sections(workshop_id, section_key)
        WHERE deleted_at IS NULL;

      CREATE TABLE minutes_photos (
        id TEXT PRIMARY KEY,
        workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE RESTRICT,
        blob_hash TEXT NOT NULL REFERENCES blobs(hash) ON DELETE RESTRICT,
        thumb_hash TEXT NOT NULL REFERENCES blobs(hash) ON DELETE RESTRICT,
        file_name TEXT NOT NULL,
        caption TEXT NOT NULL DEFAULT '',
        included INTEGER NOT NULL DEFAULT 1 CHECK (included IN (0, 1)),
        position INTEGER NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        deleted_at TEXT
      );
      CREATE INDEX minutes_photos_workshop ON minutes_photos(workshop_id, position);

      CREATE TABLE minutes_versions (
        id TEXT PRIMARY KEY,
        workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE RESTRICT,
        version INTEGER NOT NULL CHECK (version >= 1),
        docx_hash TEXT NOT NULL REFERENCES blobs(hash) ON DELETE RESTRICT,
        code TEXT NOT NULL,
        bytes INTEGER NOT NULL,
        file_name TEXT NOT NULL,
        finalized_at TEXT NOT NULL,
        finalized_by TEXT NOT NULL,
        reopened_at TEXT,
        reopened_by TEXT NOT NULL DEFAULT '',
        reopen_reason TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        deleted_at TEXT
      );
      CREATE UNIQUE INDEX minutes_versions_one ON minutes_versions(workshop_id, version);
    `);
  },
};
