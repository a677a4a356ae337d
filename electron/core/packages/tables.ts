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
const ACTIONS = 'SELECT id FROM actions WHERE engagement_id = @engagementId';

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
  { table: 'groups', scope: `workshop_id IN (${WORKSHOPS})`, label: 'name' },
  { table: 'group_members', scope: `day_id IN (${DAYS})`, label: 'participant_id' },
  {
    table: 'group_outputs',
    scope: `group_id IN (SELECT id FROM groups WHERE workshop_id IN (${WORKSHOPS}))`,
    label: 'form_id',
    naturalKey: ['group_id', 'step_id'],
  },
  // A cell is the unit two laptops may both have written: the same output and path is one cell.
  {
    table: 'output_cells',
    scope: `output_id IN (SELECT o.id FROM group_outputs o JOIN groups g ON g.id = o.group_id WHERE g.workshop_id IN (${WORKSHOPS}))`,
    blobColumns: ['blob_hash'],
    label: 'path',
    naturalKey: ['output_id', 'path'],
  },
  // Paired devices are this laptop's business (their tokens answer only here): never carried.
  { table: 'decisions', scope: `workshop_id IN (${WORKSHOPS})`, label: 'text' },
  {
    table: 'quickwin_settings',
    scope: `workshop_id IN (${WORKSHOPS})`,
    label: 'weights_json',
    naturalKey: ['workshop_id'],
  },
  // One scorer's ratings of one candidate, whichever laptop took them.
  {
    table: 'quickwin_scores',
    scope: `workshop_id IN (${WORKSHOPS})`,
    label: 'scorer',
    naturalKey: ['workshop_id', 'candidate_key', 'scorer_key'],
  },
  { table: 'actions', scope: 'engagement_id = @engagementId', label: 'title' },
  {
    table: 'quickwin_choices',
    scope: `workshop_id IN (${WORKSHOPS})`,
    label: 'candidate_key',
    naturalKey: ['workshop_id', 'candidate_key'],
  },
  { table: 'action_history', scope: `action_id IN (${ACTIONS})`, label: 'status' },
  { table: 'action_attachments', scope: `action_id IN (${ACTIONS})`, blobColumns: ['blob_hash'], label: 'file_name' },
  { table: 'minutes', scope: `workshop_id IN (${WORKSHOPS})`, label: 'number', naturalKey: ['workshop_id'] },
  { table: 'minutes_sections', scope: `workshop_id IN (${WORKSHOPS})`, label: 'section_key' },
  {
    table: 'minutes_photos',
    scope: `workshop_id IN (${WORKSHOPS})`,
    blobColumns: ['blob_hash', 'thumb_hash'],
    label: 'file_name',
  },
  {
    table: 'minutes_versions',
    scope: `workshop_id IN (${WORKSHOPS})`,
    blobColumns: ['docx_hash'],
    label: 'version',
    naturalKey: ['workshop_id', 'version'],
  },
];
