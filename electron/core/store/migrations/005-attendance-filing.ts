import type { Migration } from './types';

/**
 * A daftar hadir that can be filed: its closing signature block prints the chair's (and the
 * note-taker's) pangkat/golongan under the name, and may have a second signatory. Additive only;
 * document settings added alongside (list scope, phone column) live in `documents_json` and take
 * their defaults when missing, so they need no column.
 */
export const migration005: Migration = {
  version: 5,
  name: 'signatories: pangkat/golongan of the chair and the note-taker, second signatory',
  up(db) {
    db.exec(`
      ALTER TABLE workshops ADD COLUMN chair_rank TEXT NOT NULL DEFAULT '';
      ALTER TABLE workshops ADD COLUMN note_taker_rank TEXT NOT NULL DEFAULT '';
      ALTER TABLE workshops ADD COLUMN second_signer TEXT NOT NULL DEFAULT ''
        CHECK (second_signer IN ('', 'notulis', 'sekretariat'));
    `);
  },
};
