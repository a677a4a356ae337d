import type { Database } from 'better-sqlite3';

/**
 * One numbered schema migration. `openStore` runs each in its own transaction and then sets
 * `PRAGMA user_version` to its number.
 */
export interface Migration {
  version: number;
  name: string;
  up(db: Database): void;
}
