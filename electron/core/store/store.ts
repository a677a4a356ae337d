import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import type { STORE_FAILURES } from '../../../shared/domain';
import { MIGRATIONS, type Migration } from './migrations/index';

/**
 * Why a data file could not be opened. The file is never modified or replaced in these cases.
 * - `newer`: written by a newer app (schema above ours);
 * - `corrupt`: damaged, or a Bimtek Studio file with parts missing;
 * - `foreign`: an SQLite file of another program;
 * - `readonly`: the file or its folder cannot be written (every save would fail);
 * - `inUse`: another Bimtek Studio process holds the data folder (see lock.ts);
 * - `io`: cannot be read at all.
 */
export type StoreFailure = (typeof STORE_FAILURES)[number];

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

/** Test hooks: run between the read-only checks and the first write (to play a second process). */
export interface OpenStoreHooks {
  beforeMigrate?(): void;
}

/** Tables and their columns, as a schema version makes them. */
type SchemaShape = Map<string, Set<string>>;

function shapeOf(db: Database): SchemaShape {
  const shape: SchemaShape = new Map();
  const tables = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
    .all() as { name: string }[];
  for (const { name } of tables) {
    const cols = db.prepare('SELECT name FROM pragma_table_info(?)').all(name) as { name: string }[];
    shape.set(name, new Set(cols.map((c) => c.name)));
  }
  return shape;
}

const expectedShapes = new WeakMap<readonly Migration[], Map<number, SchemaShape>>();

/**
 * What a file at `version` must contain: derived by running the migrations up to it on an empty
 * in-memory database, so a new migration needs no list of tables here.
 */
export function expectedShape(migrations: readonly Migration[], version: number): SchemaShape {
  let byVersion = expectedShapes.get(migrations);
  if (!byVersion) expectedShapes.set(migrations, (byVersion = new Map()));
  const known = byVersion.get(version);
  if (known) return known;
  const mem = new BetterSqlite3(':memory:');
  try {
    mem.pragma('foreign_keys = ON');
    for (const m of migrations) if (m.version <= version) m.up(mem);
    const shape = shapeOf(mem);
    byVersion.set(version, shape);
    return shape;
  } finally {
    mem.close();
  }
}

/** Refuses (without writing) a file whose tables are not those its `user_version` promises. */
function checkShape(db: Database, file: string, migrations: readonly Migration[], found: number): void {
  const expected = expectedShape(migrations, found);
  const actual = shapeOf(db);
  const missingTables = [...expected.keys()].filter((t) => !actual.has(t));
  if (missingTables.length === expected.size) {
    throw new StoreOpenError('foreign', file, `none of the tables of schema ${found}`, found);
  }
  const missing = [...missingTables];
  for (const [table, cols] of expected) {
    const have = actual.get(table);
    if (!have) continue;
    for (const c of cols) if (!have.has(c)) missing.push(`${table}.${c}`);
  }
  if (missing.length > 0) {
    throw new StoreOpenError('corrupt', file, `schema ${found} lacks ${missing.join(', ')}`, found);
  }
}

const READONLY_CODES = /^SQLITE_(READONLY|CANTOPEN|PERM|AUTH)/;

/**
 * Whether this connection can write: a write transaction that is rolled back at once (it writes
 * nothing), plus the folder, where SQLite must create its journal files.
 */
function checkWritable(db: Database, file: string, found: number): void {
  try {
    fs.accessSync(path.dirname(file), fs.constants.W_OK);
    db.exec('BEGIN IMMEDIATE');
    try {
      db.pragma(`user_version = ${found}`);
    } finally {
      db.exec('ROLLBACK');
    }
  } catch (e) {
    const code = (e as { code?: string }).code ?? '';
    if (READONLY_CODES.test(code) || code === 'EACCES' || code === 'EROFS' || code === 'EPERM') {
      throw new StoreOpenError('readonly', file, (e as Error).message, found);
    }
    throw e;
  }
}

/**
 * Open (or create) the SQLite store. Everything that can refuse a file is decided first, on reads
 * only: not SQLite, damaged, from a newer app, another program's, a Bimtek file with parts
 * missing, or read-only. Only then is anything written (WAL mode, the copy before migrating, the
 * migrations, each re-checking the schema version inside its write lock).
 */
export function openStore(
  file: string,
  migrations: readonly Migration[] = MIGRATIONS,
  hooks: OpenStoreHooks = {},
): Store {
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

  // SQLite makes these beside a WAL file even to read it; a refused file's folder is left as found.
  const sidecars = [`${file}-wal`, `${file}-shm`].filter((f) => !fs.existsSync(f));
  let db: Database;
  try {
    db = new BetterSqlite3(file, { fileMustExist: existed });
  } catch (e) {
    const code = (e as { code?: string }).code ?? '';
    throw new StoreOpenError(READONLY_CODES.test(code) ? 'readonly' : 'io', file, (e as Error).message);
  }

  try {
    // Read-only checks first: nothing is written to a file we are going to refuse.
    db.pragma('busy_timeout = 5000');
    const found = db.pragma('user_version', { simple: true }) as number;
    const check = db.pragma('quick_check', { simple: true }) as string;
    if (check !== 'ok') throw new StoreOpenError('corrupt', file, `quick_check: ${check}`, found);
    if (found > latest) {
      throw new StoreOpenError('newer', file, `schema ${found} > ${latest}`, found);
    }
    if (existed && found === 0) {
      const tables = db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'").get() as { n: number };
      if (tables.n > 0) throw new StoreOpenError('foreign', file, 'not a Bimtek Studio database', 0);
    }
    if (found > 0) checkShape(db, file, migrations, found);
    checkWritable(db, file, found);

    hooks.beforeMigrate?.();
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');

    let backupFile: string | null = null;
    if (existed && found > 0 && found < latest) {
      backupFile = `${file}.v${found}-${new Date().toISOString().replace(/[:.]/g, '-')}.bak`;
      db.prepare('VACUUM INTO ?').run(backupFile);
    }
    for (const m of migrations) {
      // Another process may have migrated since `found` was read: the version is read again
      // inside the write lock, and a migration already applied is skipped, never run twice.
      db.transaction(() => {
        const now = db.pragma('user_version', { simple: true }) as number;
        if (now >= m.version) return;
        if (now !== m.version - 1) throw new Error(`schema ${now} cannot take migration ${m.version}`);
        m.up(db);
        db.pragma(`user_version = ${m.version}`);
      }).immediate();
    }
    const reached = db.pragma('user_version', { simple: true }) as number;
    if (reached > latest) throw new StoreOpenError('newer', file, `schema ${reached} > ${latest}`, reached);
    return {
      db,
      file,
      schemaVersion: latest,
      backupFile,
      close: () => db.close(),
    };
  } catch (e) {
    db.close();
    removeEmptySidecars(sidecars);
    if (e instanceof StoreOpenError) throw e;
    const msg = (e as Error).message;
    const code = (e as { code?: string }).code ?? '';
    if (/NOTADB|CORRUPT/.test(code) || /not a database|malformed/i.test(msg)) {
      throw new StoreOpenError('corrupt', file, msg);
    }
    if (READONLY_CODES.test(code)) throw new StoreOpenError('readonly', file, msg);
    throw new StoreOpenError('io', file, msg);
  }
}

/** Remove the WAL files SQLite left beside a refused file, when they hold nothing (no lost write). */
function removeEmptySidecars(created: string[]): void {
  const wal = created.find((f) => f.endsWith('-wal'));
  if (wal && (fs.statSync(wal, { throwIfNoEntry: false })?.size ?? 0) > 0) return;
  for (const f of created) {
    try {
      fs.rmSync(f, { force: true });
    } catch {
      // left behind: harmless, SQLite recreates or ignores them
    }
  }
}
