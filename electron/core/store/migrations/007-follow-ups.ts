import type { Migration } from './types';

/**
 * Decisions, quick wins and follow-ups. Merge-ready like every table since migration 3.
 *
 * - `decisions`: a workshop's decisions and conclusions, captured during a day (and its step).
 * - `quickwin_settings`: the weights of the four criteria per workshop.
 * - `quickwin_scores`: one row per scorer and candidate (a candidate is a row of a group's
 *   "Usulan Quick Win" output: `<groupId>/<stepId>/<rowId>`); `scorer_key` tells scorers apart.
 * - `quickwin_choices`: the chosen candidates and the action item each became.
 * - `actions`: the engagement's action items (tindak lanjut), across stages, with where they came
 *   from (workshop, step, decision, quick win) and their evidence (document number and date).
 * - `action_history`: every status change, dated, with its note.
 * - `action_attachments`: evidence files (PDF, PNG, JPEG) kept content-addressed in `blobs`.
 */
export const migration007: Migration = {
  version: 7,
  name: 'follow-ups: decisions, quick-win scoring and choice, action items with history and evidence',
  up(db) {
    db.exec(`
      CREATE TABLE decisions (
        id TEXT PRIMARY KEY,
        workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE RESTRICT,
        day_id TEXT NOT NULL REFERENCES workshop_days(id) ON DELETE RESTRICT,
        step_id TEXT REFERENCES agenda_steps(id) ON DELETE RESTRICT,
        text TEXT NOT NULL,
        position INTEGER NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        deleted_at TEXT
      );
      CREATE INDEX decisions_workshop ON decisions(workshop_id, position);
      CREATE INDEX decisions_day ON decisions(day_id);
      CREATE INDEX decisions_step ON decisions(step_id) WHERE step_id IS NOT NULL;

      CREATE TABLE quickwin_settings (
        id TEXT PRIMARY KEY,
        workshop_id TEXT NOT NULL UNIQUE REFERENCES workshops(id) ON DELETE RESTRICT,
        weights_json TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        deleted_at TEXT
      );

      CREATE TABLE quickwin_scores (
        id TEXT PRIMARY KEY,
        workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE RESTRICT,
        candidate_key TEXT NOT NULL,
        scorer TEXT NOT NULL,
        scorer_key TEXT NOT NULL,
        impact INTEGER NOT NULL CHECK (impact BETWEEN 1 AND 5),
        feasibility INTEGER NOT NULL CHECK (feasibility BETWEEN 1 AND 5),
        cost INTEGER NOT NULL CHECK (cost BETWEEN 1 AND 5),
        innovation INTEGER NOT NULL CHECK (innovation BETWEEN 1 AND 5),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        deleted_at TEXT
      );
      CREATE UNIQUE INDEX quickwin_scores_one ON quickwin_scores(workshop_id, candidate_key, scorer_key)
        WHERE deleted_at IS NULL;

      CREATE TABLE actions (
        id TEXT PRIMARY KEY,
        engagement_id TEXT NOT NULL REFERENCES engagements(id) ON DELETE RESTRICT,
        workshop_id TEXT REFERENCES workshops(id) ON DELETE RESTRICT,
        step_id TEXT REFERENCES agenda_steps(id) ON DELETE RESTRICT,
        decision_id TEXT REFERENCES decisions(id) ON DELETE RESTRICT,
        quickwin_key TEXT,
        title TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('payung-hukum', 'sk', 'sop', 'anggaran', 'data', 'lainnya')),
        programme TEXT NOT NULL DEFAULT '',
        dimension TEXT NOT NULL DEFAULT '',
        agency TEXT NOT NULL DEFAULT '',
        person TEXT NOT NULL DEFAULT '',
        due_date TEXT NOT NULL DEFAULT '',
        status TEXT NOT NULL DEFAULT 'belum' CHECK (status IN ('belum', 'proses', 'selesai', 'batal')),
        evidence_number TEXT NOT NULL DEFAULT '',
        evidence_date TEXT NOT NULL DEFAULT '',
        notes TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        deleted_at TEXT
      );
      CREATE INDEX actions_engagement ON actions(engagement_id, created_at);
      CREATE INDEX actions_workshop ON actions(workshop_id) WHERE workshop_id IS NOT NULL;
      CREATE INDEX actions_decision ON actions(decision_id) WHERE decision_id IS NOT NULL;
      CREATE INDEX actions_step ON actions(step_id) WHERE step_id IS NOT NULL;

      CREATE TABLE quickwin_choices (
        id TEXT PRIMARY KEY,
        workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE RESTRICT,
        candidate_key TEXT NOT NULL,
        action_id TEXT REFERENCES actions(id) ON DELETE RESTRICT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        deleted_at TEXT
      );
      CREATE UNIQUE INDEX quickwin_choices_one ON quickwin_choices(workshop_id, candidate_key) WHERE deleted_at IS NULL;
      CREATE INDEX quickwin_choices_action ON quickwin_choices(action_id) WHERE action_id IS NOT NULL;

      CREATE TABLE action_history (
        id TEXT PRIMARY KEY,
        action_id TEXT NOT NULL REFERENCES actions(id) ON DELETE RESTRICT,
        status TEXT NOT NULL CHECK (status IN ('belum', 'proses', 'selesai', 'batal')),
        note TEXT NOT NULL DEFAULT '',
        at TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        deleted_at TEXT
      );
      CREATE INDEX action_history_action ON action_history(action_id, at);

      CREATE TABLE action_attachments (
        id TEXT PRIMARY KEY,
        action_id TEXT NOT NULL REFERENCES actions(id) ON DELETE RESTRICT,
        file_name TEXT NOT NULL,
        mime TEXT NOT NULL CHECK (mime IN ('application/pdf', 'image/png', 'image/jpeg')),
        bytes INTEGER NOT NULL,
        blob_hash TEXT NOT NULL REFERENCES blobs(hash),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        deleted_at TEXT
      );
      CREATE INDEX action_attachments_action ON action_attachments(action_id);
      CREATE INDEX action_attachments_blob ON action_attachments(blob_hash);
    `);
  },
};
