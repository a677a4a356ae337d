import { migration001 } from './001-engagements-workshops';
import { migration002 } from './002-attendance';
import { migration003 } from './003-merge-ready';
import { migration004 } from './004-agenda';
import { migration005 } from './005-attendance-filing';
import { migration006 } from './006-group-work';
import { migration007 } from './007-follow-ups';
import { migration008 } from './008-signature-crops';
import { migration009 } from './009-minutes';
import type { Migration } from './types';

export type { Migration } from './types';

/**
 * Throws unless the list is numbered 1, 2, 3, … without gaps or repeats: a migration added out of
 * order would otherwise be skipped silently on files that are already past its number.
 */
export function checkNumbering(list: readonly Migration[]): void {
  list.forEach((m, i) => {
    if (m.version !== i + 1) {
      throw new Error(`migration at position ${i + 1} is numbered ${m.version} ("${m.name}")`);
    }
  });
}

/**
 * The schema migrations in order. Each lives in its own file and is imported here by name, never
 * found by reading a folder at run time, so the list works inside an asar. A released migration is
 * never edited: add the next file.
 */
export const MIGRATIONS: readonly Migration[] = [
  migration001,
  migration002,
  migration003,
  migration004,
  migration005,
  migration006,
  migration007,
  migration008,
  migration009,
];
checkNumbering(MIGRATIONS);

export const LATEST_SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1].version;
