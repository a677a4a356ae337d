/**
 * THE table registry of engagement packages: every table a package carries, in the order rows are
 * written (a table after the tables its rows refer to), with the rows that belong to one
 * engagement and the columns that name an image (a blob by its SHA-256). A new table (agenda
 * steps, run state, …) is carried by adding one entry here; export, preview and merge read only
 * this list.
 *
 * Every table listed must be merge-ready (migration 003): a UUID `id`, `updated_at`, and soft
 * delete through `deleted_at`. Blobs are not listed: they are content-addressed, so merging them
 * is a plain union of the images the rows name.
 */
export interface PackageTable {
  table: string;
  /** SQL condition selecting the engagement's rows, with `@engagementId`. */
  scope: string;
  /** Columns holding a blob hash (signatures, emblems). */
  blobColumns?: readonly string[];
  /** A column that names a row for a person reading a conflict (e.g. a name or a title). */
  label?: string;
  /**
   * Columns that are unique besides the id: a row with another id but the same values here is the
   * same record made on both laptops (one person checked in on both), merged into the local row.
   */
  naturalKey?: readonly string[];
}

const WORKSHOPS = 'SELECT id FROM workshops WHERE engagement_id = @engagementId';
const DAYS = `SELECT id FROM workshop_days WHERE workshop_id IN (${WORKSHOPS})`;

export const PACKAGE_TABLES: readonly PackageTable[] = [
  { table: 'engagements', scope: 'id = @engagementId', blobColumns: ['emblem_hash'], label: 'region_name' },
  { table: 'workshops', scope: 'engagement_id = @engagementId', label: 'title' },
  { table: 'workshop_days', scope: `workshop_id IN (${WORKSHOPS})`, label: 'date' },
  { table: 'participants', scope: 'engagement_id = @engagementId', label: 'name' },
  {
    table: 'attendance',
    scope: `day_id IN (${DAYS})`,
    blobColumns: ['signature_hash'],
    label: 'status',
    naturalKey: ['day_id', 'participant_id'],
  },
  // Each signature's crops (made when it was stored), so the other laptop's daftar hadir need not redo them.
  {
    table: 'signature_crops',
    scope: `original_hash IN (SELECT signature_hash FROM attendance WHERE day_id IN (${DAYS}))`,
    blobColumns: ['original_hash', 'crop_hash', 'bold_hash'],
    label: 'original_hash',
    naturalKey: ['original_hash'],
  },
  { table: 'agenda_steps', scope: `workshop_id IN (${WORKSHOPS})`, label: 'title' },
  // The run log is append-only: rows from both laptops are kept side by side, ordered by `seq`.
  { table: 'run_events', scope: `day_id IN (${DAYS})`, label: 'kind' },
  // One projector state per workshop, whichever laptop made it.
  { table: 'projector_state', scope: `workshop_id IN (${WORKSHOPS})`, label: 'mode', naturalKey: ['workshop_id'] },
];
