import { randomUUID } from 'node:crypto';
import type { Migration } from './types';

interface AttendanceV2 {
  day_id: string;
  participant_id: string;
  status: string;
  check_in_at: string | null;
  check_out_at: string | null;
  represented_by: string | null;
  signature_hash: string | null;
  updated_at: string;
}

/**
 * Merge-ready: every row has a UUID `id`, `created_at`, `updated_at` and `deleted_at`, so the data
 * of two laptops can later be merged by id, carrying edits (newest `updated_at`) and deletions
 * (a `deleted_at` instead of a missing row). Rows are removed for real only by the purge.
 *
 * - `workshop_days` gains the three timestamps and becomes soft-deleted. SQLite cannot add a
 *   NOT NULL column without a default, so the table is rebuilt; existing days take their
 *   workshop's `created_at`/`updated_at` (a day was always written together with its workshop).
 *   Its workshop link becomes RESTRICT instead of CASCADE: no row may vanish as a side effect;
 *   the purge removes days explicitly and counts them.
 * - `attendance` had the composite key (day_id, participant_id): it is rebuilt with a UUID `id`
 *   (generated here, one per existing row), keeping (day_id, participant_id) unique, and gains
 *   `created_at` (the check-in time, or the last change when there was none) and `deleted_at`.
 * - `blobs` stays as it is, keyed by the SHA-256 of its bytes. A hash names exactly one content,
 *   so the same image on two laptops has the same key and a merge is a plain union: nothing in a
 *   blob is ever edited (no `updated_at`), and a blob is not deleted by anyone — it becomes
 *   garbage when no row refers to it any more, which the purge detects from the references
 *   themselves. A `deleted_at` there would be a second truth that could disagree with them.
 * - Partial indexes (`WHERE deleted_at IS NULL`) serve the hot reads, which never see removed
 *   rows; the released full indexes stay for the foreign-key checks and the purge.
 */
export const migration003: Migration = {
  version: 3,
  name: 'merge-ready: ids, timestamps and soft delete on every table',
  up(db) {
    // Held in memory while the tables under them are rebuilt: attendance refers to workshop_days,
    // and a referenced table cannot be dropped while foreign keys are enforced.
    const attendance = db.prepare('SELECT * FROM attendance').all() as AttendanceV2[];
    const now = new Date().toISOString();

    db.exec(`
      DROP TABLE attendance;

      CREATE TABLE workshop_days_v3 (
        id TEXT PRIMARY KEY,
        workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE RESTRICT,
        position INTEGER NOT NULL,
        date TEXT NOT NULL,
        start_time TEXT NOT NULL,
        end_time TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        deleted_at TEXT
      );
    `);
    db.prepare(
      `INSERT INTO workshop_days_v3 (id, workshop_id, position, date, start_time, end_time, created_at, updated_at)
       SELECT d.id, d.workshop_id, d.position, d.date, d.start_time, d.end_time,
         coalesce(w.created_at, @now), coalesce(w.updated_at, @now)
       FROM workshop_days d LEFT JOIN workshops w ON w.id = d.workshop_id`,
    ).run({ now });
    db.exec(`
      DROP TABLE workshop_days;
      ALTER TABLE workshop_days_v3 RENAME TO workshop_days;
      CREATE INDEX workshop_days_workshop ON workshop_days(workshop_id, position);

      CREATE TABLE attendance (
        id TEXT PRIMARY KEY,
        day_id TEXT NOT NULL REFERENCES workshop_days(id) ON DELETE RESTRICT,
        participant_id TEXT NOT NULL REFERENCES participants(id) ON DELETE RESTRICT,
        status TEXT NOT NULL
          CHECK (status IN ('hadir', 'izin', 'sakit', 'diwakili', 'tidak-hadir')),
        check_in_at TEXT,
        check_out_at TEXT,
        represented_by TEXT REFERENCES participants(id),
        signature_hash TEXT REFERENCES blobs(hash),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        deleted_at TEXT,
        UNIQUE (day_id, participant_id)
      );
      CREATE INDEX attendance_participant ON attendance(participant_id);
      -- The day sheet: the live rows of a day in check-in order, without a sort.
      CREATE INDEX attendance_day_live ON attendance(day_id, check_in_at, updated_at) WHERE deleted_at IS NULL;
      -- Foreign-key checks when the purge removes a blob or a participant.
      CREATE INDEX attendance_signature ON attendance(signature_hash) WHERE signature_hash IS NOT NULL;
      CREATE INDEX attendance_represented_by ON attendance(represented_by) WHERE represented_by IS NOT NULL;

      -- The register and the workshop list of an engagement, live rows only.
      CREATE INDEX participants_live ON participants(engagement_id, name_key, id) WHERE deleted_at IS NULL;
      CREATE INDEX participants_merged_into ON participants(merged_into) WHERE merged_into IS NOT NULL;
      -- One agency's people: the counts a check-in event carries read only that agency.
      CREATE INDEX participants_agency_live ON participants(engagement_id, agency_key) WHERE deleted_at IS NULL;
      CREATE INDEX workshops_live ON workshops(engagement_id) WHERE deleted_at IS NULL;
    `);

    const insert = db.prepare(
      `INSERT INTO attendance (id, day_id, participant_id, status, check_in_at, check_out_at, represented_by,
         signature_hash, created_at, updated_at)
       VALUES (@id, @day_id, @participant_id, @status, @check_in_at, @check_out_at, @represented_by,
         @signature_hash, @created_at, @updated_at)`,
    );
    for (const a of attendance) {
      const checkedIn = a.check_in_at ?? a.updated_at;
      insert.run({ ...a, id: randomUUID(), created_at: checkedIn < a.updated_at ? checkedIn : a.updated_at });
    }
    // The rebuilt tables must still agree with everything that refers to them.
    const broken = db.pragma('foreign_key_check') as unknown[];
    if (broken.length > 0) throw new Error(`foreign key check failed after the rebuild: ${JSON.stringify(broken[0])}`);
  },
};
