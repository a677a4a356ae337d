import type { Migration } from './types';

/**
 * Group work. Merge-ready like every table since migration 3 (UUID ids, created/updated/deleted_at).
 *
 * - `groups`: per workshop day, ordered by `position`; the pairing code the projector shows lives
 *   on the group while it can be entered (`pair_code_expires_at`).
 * - `group_members`: who is in which group. A person is in at most one live group of a day
 *   (`day_id` is kept here for that unique index).
 * - `group_outputs`: one per group and group-work step (the step names the form); `status` draft/done.
 * - `output_cells`: the values, one row per cell path, so that two devices editing one output
 *   overwrite each other's cell only; `version` counts writes, `updated_by` says who wrote last;
 *   a signature cell also names its image in `blob_hash` (packages carry it, the purge keeps it).
 * - `group_devices`: devices paired with a group. Only the SHA-256 of the token is kept; a
 *   revoked device keeps its row (`revoked_at`) so the facilitator sees what was revoked.
 * - `projector_state` learns which group's output it presents, from when, and the page shown.
 */
export const migration006: Migration = {
  version: 6,
  name: 'group work: groups, members, outputs cell by cell, paired devices',
  up(db) {
    db.exec(`
      CREATE TABLE groups (
        id TEXT PRIMARY KEY,
        workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE RESTRICT,
        day_id TEXT NOT NULL REFERENCES workshop_days(id) ON DELETE RESTRICT,
        position INTEGER NOT NULL,
        name TEXT NOT NULL,
        topic TEXT NOT NULL DEFAULT '',
        rapporteur_id TEXT REFERENCES participants(id) ON DELETE RESTRICT,
        facilitator TEXT NOT NULL DEFAULT '',
        pair_code TEXT,
        pair_code_expires_at TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        deleted_at TEXT
      );
      CREATE INDEX groups_day_live ON groups(day_id, position) WHERE deleted_at IS NULL;
      CREATE INDEX groups_workshop ON groups(workshop_id);
      CREATE UNIQUE INDEX groups_pair_code ON groups(pair_code) WHERE pair_code IS NOT NULL AND deleted_at IS NULL;

      CREATE TABLE group_members (
        id TEXT PRIMARY KEY,
        group_id TEXT NOT NULL REFERENCES groups(id) ON DELETE RESTRICT,
        day_id TEXT NOT NULL REFERENCES workshop_days(id) ON DELETE RESTRICT,
        participant_id TEXT NOT NULL REFERENCES participants(id) ON DELETE RESTRICT,
        position INTEGER NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        deleted_at TEXT
      );
      CREATE UNIQUE INDEX group_members_one_per_day ON group_members(day_id, participant_id) WHERE deleted_at IS NULL;
      CREATE INDEX group_members_group ON group_members(group_id, position);
      CREATE INDEX group_members_participant ON group_members(participant_id);

      CREATE TABLE group_outputs (
        id TEXT PRIMARY KEY,
        group_id TEXT NOT NULL REFERENCES groups(id) ON DELETE RESTRICT,
        step_id TEXT NOT NULL REFERENCES agenda_steps(id) ON DELETE RESTRICT,
        form_id TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'done')),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        deleted_at TEXT
      );
      CREATE UNIQUE INDEX group_outputs_one ON group_outputs(group_id, step_id) WHERE deleted_at IS NULL;
      CREATE INDEX group_outputs_step ON group_outputs(step_id);

      CREATE TABLE output_cells (
        id TEXT PRIMARY KEY,
        output_id TEXT NOT NULL REFERENCES group_outputs(id) ON DELETE RESTRICT,
        path TEXT NOT NULL,
        value_json TEXT NOT NULL,
        version INTEGER NOT NULL DEFAULT 1,
        updated_by TEXT NOT NULL DEFAULT '',
        blob_hash TEXT REFERENCES blobs(hash),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        deleted_at TEXT
      );
      CREATE UNIQUE INDEX output_cells_path ON output_cells(output_id, path);
      CREATE INDEX output_cells_blob ON output_cells(blob_hash) WHERE blob_hash IS NOT NULL;

      CREATE TABLE group_devices (
        id TEXT PRIMARY KEY,
        group_id TEXT NOT NULL REFERENCES groups(id) ON DELETE RESTRICT,
        label TEXT NOT NULL DEFAULT '',
        token_hash TEXT NOT NULL UNIQUE,
        last_seen_at TEXT,
        revoked_at TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        deleted_at TEXT
      );
      CREATE INDEX group_devices_group ON group_devices(group_id);

      ALTER TABLE projector_state ADD COLUMN group_id TEXT REFERENCES groups(id) ON DELETE RESTRICT;
      ALTER TABLE projector_state ADD COLUMN output_step_id TEXT REFERENCES agenda_steps(id) ON DELETE RESTRICT;
      ALTER TABLE projector_state ADD COLUMN group_started_at TEXT;
      ALTER TABLE projector_state ADD COLUMN page INTEGER NOT NULL DEFAULT 0;
    `);
  },
};
