import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { MIGRATIONS, type Migration } from './migrations/index';

/** Why a data file could not be opened. The file is never modified or replaced in these cases. */
export type StoreFailure = 'newer' | 'corrupt' | 'io';

export class StoreOpenError extends Error {
  constructor(
    readonly reason: StoreFailure,
    readonly file: string,
    detail: string,
    readonly foundVersion?: number,
  ) {
    super(`${reason}: ${detail}`);
    this.name = 'StoreOpenError';
  }
}

export interface Store {
  db: Database;
  file: string;
  schemaVersion: number;
  /** Path of the copy taken before migrating an existing file, if one was needed. */
  backupFile: string | null;
  close(): void;
}

const SQLITE_HEADER = 'SQLite format 3\0';
export const DB_FILE_NAME = 'bimtek-studio.sqlite';

/**
 * Open (or create) the SQLite store: checks the file before touching it, refuses a newer or
 * corrupt file, copies an existing file before migrating it, then applies pending migrations.
 */
export function openStore(file: string, migrations: readonly Migration[] = MIGRATIONS): Store {
  const latest = migrations.length ? migrations[migrations.length - 1].version : 0;
  let existed = false;
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const stat = fs.statSync(file, { throwIfNoEntry: false });
    existed = !!stat && stat.size > 0;
    if (existed) {
      const fd = fs.openSync(file, 'r');
      const header = Buffer.alloc(16);
      fs.readSync(fd, header, 0, 16, 0);
      fs.closeSync(fd);
      if (header.toString('latin1') !== SQLITE_HEADER) {
        throw new StoreOpenError('corrupt', file, 'not an SQLite file');
      }
    }
  } catch (e) {
    if (e instanceof StoreOpenError) throw e;
    throw new StoreOpenError('io', file, (e as Error).message);
  }

  let db: Database;
  try {
    db = new BetterSqlite3(file, { fileMustExist: existed });
  } catch (e) {
    throw new StoreOpenError('io', file, (e as Error).message);
  }

  try {
    // Read-only checks first: nothing is written to a file we are going to refuse.
    const found = db.pragma('user_version', { simple: true }) as number;
    const check = db.pragma('quick_check', { simple: true }) as string;
    if (check !== 'ok') throw new StoreOpenError('corrupt', file, `quick_check: ${check}`, found);
    if (found > latest) {
      throw new StoreOpenError('newer', file, `schema ${found} > ${latest}`, found);
    }
    if (existed && found === 0) {
      const tables = db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'").get() as { n: number };
      if (tables.n > 0) throw new StoreOpenError('corrupt', file, 'not a Bimtek Studio database', 0);
    }

    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');

    let backupFile: string | null = null;
    const pending = migrations.filter((m) => m.version > found);
    if (existed && found > 0 && pending.length > 0) {
      backupFile = `${file}.v${found}-${new Date().toISOString().replace(/[:.]/g, '-')}.bak`;
      db.prepare('VACUUM INTO ?').run(backupFile);
    }
    for (const m of pending) {
      db.transaction(() => {
        m.up(db);
        db.pragma(`user_version = ${m.version}`);
      })();
    }
    return {
      db,
      file,
      schemaVersion: latest,
      backupFile,
      close: () => db.close(),
    };
  } catch (e) {
    db.close();
    if (e instanceof StoreOpenError) throw e;
    const msg = (e as Error).message;
    const code = (e as { code?: string }).code ?? '';
    if (/NOTADB|CORRUPT/.test(code) || /not a database|malformed/i.test(msg)) {
      throw new StoreOpenError('corrupt', file, msg);
    }
    throw new StoreOpenError('io', file, msg);
  }
}
