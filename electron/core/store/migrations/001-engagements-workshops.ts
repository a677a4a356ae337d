import type { Migration } from './types';

/** Released: never change what it does (add a new migration instead). */
export const migration001: Migration = {
  version: 1,
  name: 'engagements and workshops',
  up(db) {
    db.exec(`
        CREATE TABLE engagements (
          id TEXT PRIMARY KEY,
          region_name TEXT NOT NULL,
          region_kind TEXT NOT NULL CHECK (region_kind IN ('kota', 'kabupaten')),
          province TEXT NOT NULL,
          year INTEGER NOT NULL,
          time_zone TEXT NOT NULL CHECK (time_zone IN ('WIB', 'WITA', 'WIT')),
          programme_name TEXT NOT NULL,
          agencies_json TEXT NOT NULL DEFAULT '[]',
          created_at TEXT NOT NULL,
          updated_at TEXT NOT NULL,
          deleted_at TEXT
        );
        CREATE TABLE workshops (
          id TEXT PRIMARY KEY,
          engagement_id TEXT NOT NULL REFERENCES engagements(id) ON DELETE RESTRICT,
          stage TEXT NOT NULL,
          custom_stage_name TEXT NOT NULL DEFAULT '',
          title TEXT NOT NULL,
          venue TEXT NOT NULL DEFAULT '',
          chair_name TEXT NOT NULL DEFAULT '',
          chair_position TEXT NOT NULL DEFAULT '',
          chair_nip TEXT NOT NULL DEFAULT '',
          mentors_json TEXT NOT NULL DEFAULT '[]',
          note_taker_name TEXT NOT NULL DEFAULT '',
          note_taker_nip TEXT NOT NULL DEFAULT '',
          invitation_number TEXT NOT NULL DEFAULT '',
          invitation_date TEXT,
          created_at TEXT NOT NULL,
          updated_at TEXT NOT NULL,
          deleted_at TEXT
        );
        CREATE INDEX workshops_engagement ON workshops(engagement_id);
        CREATE TABLE workshop_days (
          id TEXT PRIMARY KEY,
          workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
          position INTEGER NOT NULL,
          date TEXT NOT NULL,
          start_time TEXT NOT NULL,
          end_time TEXT
        );
        CREATE INDEX workshop_days_workshop ON workshop_days(workshop_id, position);
      `);
  },
};
