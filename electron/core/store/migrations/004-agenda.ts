import type { Migration } from './types';

/**
 * The stage guide: the agenda of each workshop day, the run log the console writes as things
 * happen, and what the projector shows. Merge-ready like every table since migration 3: UUID ids,
 * `created_at`/`updated_at`/`deleted_at`, removed rows kept until the purge.
 *
 * - `agenda_steps`: a step belongs to a day (and, for scoped reads and the purge, to its workshop);
 *   `position` orders the steps of a day. Notes and script are long text, kept here.
 * - `run_events`: append-only; every figure on the console (timer, actual start and end, drift) is
 *   folded from these rows and the clock. `seq` orders two events of the same millisecond.
 * - `projector_state`: one row per workshop: what the facilitator chose to show, blank, and the
 *   frozen view (JSON) while frozen.
 */
export const migration004: Migration = {
  version: 4,
  name: 'stage guide: agenda steps, run log, projector state',
  up(db) {
    db.exec(`
      CREATE TABLE agenda_steps (
        id TEXT PRIMARY KEY,
        workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE RESTRICT,
        day_id TEXT NOT NULL REFERENCES workshop_days(id) ON DELETE RESTRICT,
        position INTEGER NOT NULL,
        kind TEXT NOT NULL,
        title TEXT NOT NULL,
        planned_minutes INTEGER NOT NULL CHECK (planned_minutes > 0),
        presenter TEXT NOT NULL DEFAULT '',
        script TEXT NOT NULL DEFAULT '',
        project TEXT NOT NULL DEFAULT '',
        form_id TEXT,
        notes TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        deleted_at TEXT
      );
      CREATE INDEX agenda_steps_day_live ON agenda_steps(day_id, position) WHERE deleted_at IS NULL;
      CREATE INDEX agenda_steps_workshop ON agenda_steps(workshop_id);
      CREATE INDEX agenda_steps_day ON agenda_steps(day_id);

      CREATE TABLE run_events (
        id TEXT PRIMARY KEY,
        day_id TEXT NOT NULL REFERENCES workshop_days(id) ON DELETE RESTRICT,
        step_id TEXT NOT NULL REFERENCES agenda_steps(id) ON DELETE RESTRICT,
        seq INTEGER NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('start', 'pause', 'resume', 'end', 'extend', 'skip', 'reset')),
        at TEXT NOT NULL,
        minutes INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        deleted_at TEXT
      );
      CREATE INDEX run_events_day_live ON run_events(day_id, seq) WHERE deleted_at IS NULL;
      CREATE INDEX run_events_step ON run_events(step_id);

      CREATE TABLE projector_state (
        id TEXT PRIMARY KEY,
        workshop_id TEXT NOT NULL UNIQUE REFERENCES workshops(id) ON DELETE RESTRICT,
        mode TEXT NOT NULL DEFAULT 'title',
        day_id TEXT REFERENCES workshop_days(id) ON DELETE RESTRICT,
        blank INTEGER NOT NULL DEFAULT 0,
        frozen_json TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        deleted_at TEXT
      );
      CREATE INDEX projector_state_day ON projector_state(day_id) WHERE day_id IS NOT NULL;
    `);
  },
};
