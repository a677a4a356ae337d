import type { Migration } from './types';

/** Released: never change what it does (add a new migration instead). */
export const migration002: Migration = {
  version: 2,
  name: 'participant register, attendance, images, letterhead',
  up(db) {
    db.exec(`
        ALTER TABLE engagements ADD COLUMN letterhead_json TEXT NOT NULL
          DEFAULT '{"lines":[],"address":"","contacts":""}';
        ALTER TABLE engagements ADD COLUMN documents_json TEXT NOT NULL
          DEFAULT '{"paper":"F4","fontFamily":"Arial","fontSizePt":12,"blankRows":10}';
        ALTER TABLE engagements ADD COLUMN emblem_hash TEXT;
        ALTER TABLE engagements ADD COLUMN kiosk_pin_hash TEXT;

        -- Images (signatures, emblems), content-addressed by sha256 so a backup of the file has them all.
        CREATE TABLE blobs (
          hash TEXT PRIMARY KEY,
          mime TEXT NOT NULL,
          width INTEGER NOT NULL,
          height INTEGER NOT NULL,
          data BLOB NOT NULL,
          created_at TEXT NOT NULL
        );

        CREATE TABLE participants (
          id TEXT PRIMARY KEY,
          engagement_id TEXT NOT NULL REFERENCES engagements(id) ON DELETE RESTRICT,
          name TEXT NOT NULL,
          name_key TEXT NOT NULL,
          nip TEXT NOT NULL DEFAULT '',
          position TEXT NOT NULL DEFAULT '',
          agency TEXT NOT NULL DEFAULT '',
          agency_key TEXT NOT NULL DEFAULT '',
          phone TEXT NOT NULL DEFAULT '',
          email TEXT NOT NULL DEFAULT '',
          gender TEXT NOT NULL DEFAULT '' CHECK (gender IN ('', 'L', 'P')),
          role TEXT NOT NULL DEFAULT 'peserta'
            CHECK (role IN ('peserta', 'narasumber', 'panitia', 'pimpinan')),
          created_at TEXT NOT NULL,
          updated_at TEXT NOT NULL,
          deleted_at TEXT,
          merged_into TEXT REFERENCES participants(id)
        );
        CREATE INDEX participants_engagement ON participants(engagement_id, name_key);
        CREATE INDEX participants_nip ON participants(engagement_id, nip) WHERE nip <> '';

        CREATE TABLE attendance (
          day_id TEXT NOT NULL REFERENCES workshop_days(id) ON DELETE RESTRICT,
          participant_id TEXT NOT NULL REFERENCES participants(id) ON DELETE RESTRICT,
          status TEXT NOT NULL
            CHECK (status IN ('hadir', 'izin', 'sakit', 'diwakili', 'tidak-hadir')),
          check_in_at TEXT,
          check_out_at TEXT,
          represented_by TEXT REFERENCES participants(id),
          signature_hash TEXT REFERENCES blobs(hash),
          updated_at TEXT NOT NULL,
          PRIMARY KEY (day_id, participant_id)
        );
        CREATE INDEX attendance_participant ON attendance(participant_id);
      `);
  },
};
