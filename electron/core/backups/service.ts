import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { BACKUP_NAME, BACKUP_REASONS, type BackupInfo, type BackupReason } from '../../../shared/contract/backups';
import { AppError } from '../../../shared/errors';
import { LATEST_SCHEMA_VERSION } from '../store/migrations/index';
import { openStore } from '../store/store';

/** How many of the newest backups are always kept; beyond them, one per day for `KEEP_DAYS` days. */
export const KEEP_LATEST = 20;
export const KEEP_DAYS = 30;
/** An automatic backup is taken this often while there are changes. */
export const AUTO_EVERY_MS = 10 * 60 * 1000;

export interface BackupServiceOptions {
  db: Database;
  /** The live data file; backups go to `backups/` beside it. */
  file: string;
  now(): string;
  log(message: string, error?: unknown): void;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** `2026-11-30T06:07:00.123Z` ↔ the timestamp part of a backup's name. */
const stampOf = (iso: string) => iso.replace(/[:.]/g, '-');
const isoOfStamp = (stamp: string) =>
  stamp.replace(/^(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z$/, '$1T$2:$3:$4.$5Z');

function parseName(name: string): { createdAt: string; reason: BackupReason } | null {
  if (!BACKUP_NAME.test(name)) return null;
  const m = /^bimtek-studio-(\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z)(?:-\d+)?-([a-z-]+)\.sqlite$/.exec(name);
  if (!m || !(BACKUP_REASONS as readonly string[]).includes(m[2])) return null;
  return { createdAt: isoOfStamp(m[1]), reason: m[2] as BackupReason };
}

/** Opens a backup read-only: integrity (quick_check), schema version and what it holds. */
function inspect(file: string): Omit<BackupInfo, 'name' | 'createdAt' | 'reason'> & { ok: boolean } {
  const sizeBytes = fs.statSync(file).size;
  let db: Database | null = null;
  try {
    db = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
    const ok = db.pragma('quick_check', { simple: true }) === 'ok';
    const schemaVersion = db.pragma('user_version', { simple: true }) as number;
    const count = (sql: string) => (db!.prepare(sql).get() as { n: number }).n;
    let counts: BackupInfo['counts'] = null;
    try {
      counts = {
        engagements: count('SELECT count(*) AS n FROM engagements WHERE deleted_at IS NULL'),
        workshops: count('SELECT count(*) AS n FROM workshops WHERE deleted_at IS NULL'),
        participants: count('SELECT count(*) AS n FROM participants WHERE deleted_at IS NULL'),
        checkIns: count('SELECT count(*) AS n FROM attendance WHERE deleted_at IS NULL AND check_in_at IS NOT NULL'),
      };
    } catch {
      counts = null; // an older schema: the backup is listed, its counts are not known
    }
    return { ok, sizeBytes, schemaVersion, counts };
  } catch {
    return { ok: false, sizeBytes, schemaVersion: 0, counts: null };
  } finally {
    db?.close();
  }
}

/**
 * Backups of the data file in `backups/` beside it. Each is written with SQLite's online backup
 * (the app keeps working while it runs) to a hidden partial file, switched to a single-file
 * journal, opened and checked with `quick_check`, and only then given its name; a backup that
 * fails is removed and reported, never kept. Retention: the newest 20, and the newest of each
 * day for 30 days.
 */
export function createBackupService(opts: BackupServiceOptions) {
  const { db, file, log } = opts;
  const folder = path.join(path.dirname(file), 'backups');
  let lastFailure: { at: string; reason: BackupReason } | null = null;

  const nameFor = (reason: BackupReason) => {
    const stamp = stampOf(opts.now());
    let name = `bimtek-studio-${stamp}-${reason}.sqlite`;
    for (let n = 2; fs.existsSync(path.join(folder, name)); n++) name = `bimtek-studio-${stamp}-${n}-${reason}.sqlite`;
    return name;
  };

  /** Checks a freshly written copy and gives it its name; throws (and removes it) when it is not sound. */
  const finish = (partial: string, name: string, reason: BackupReason): BackupInfo => {
    const copy = new BetterSqlite3(partial, { fileMustExist: true });
    try {
      // One self-contained file: no -wal/-shm beside a backup.
      copy.pragma('journal_mode = DELETE');
    } finally {
      copy.close();
    }
    const checked = inspect(partial);
    if (!checked.ok) throw new Error(`backup ${name} failed quick_check`);
    fs.renameSync(partial, path.join(folder, name));
    const { ok: _ok, ...rest } = checked;
    return { name, createdAt: parseName(name)!.createdAt, reason, ...rest };
  };

  const failed = (reason: BackupReason, partial: string, e: unknown): never => {
    fs.rmSync(partial, { force: true });
    lastFailure = { at: opts.now(), reason };
    log(`backup (${reason}) failed`, e);
    throw new AppError('IO', 'backupFailed');
  };

  const service = {
    folder,

    /** Online backup (asynchronous: calls keep being answered while it copies). */
    async create(reason: BackupReason): Promise<BackupInfo> {
      const name = nameFor(reason);
      const partial = path.join(folder, `.${name}.partial`);
      try {
        fs.mkdirSync(folder, { recursive: true });
        await db.backup(partial);
        const info = finish(partial, name, reason);
        lastFailure = null;
        service.prune();
        return info;
      } catch (e) {
        return failed(reason, partial, e);
      }
    },

    /**
     * The backup taken at start, before anything is written: synchronous (`VACUUM INTO`, a
     * consistent copy in one statement) so no call can be answered before it is done.
     */
    createNow(reason: BackupReason): BackupInfo {
      const name = nameFor(reason);
      const partial = path.join(folder, `.${name}.partial`);
      try {
        fs.mkdirSync(folder, { recursive: true });
        db.prepare('VACUUM INTO ?').run(partial);
        const info = finish(partial, name, reason);
        lastFailure = null;
        service.prune();
        return info;
      } catch (e) {
        return failed(reason, partial, e);
      }
    },

    /** The backup files by name, newest first (their names say when and why). */
    names(): { name: string; createdAt: string; reason: BackupReason }[] {
      let names: string[] = [];
      try {
        names = fs.readdirSync(folder);
      } catch {
        names = [];
      }
      return names
        .flatMap((name) => {
          const parsed = parseName(name);
          return parsed ? [{ name, ...parsed }] : [];
        })
        .sort((a, b) =>
          a.createdAt === b.createdAt ? (a.name < b.name ? 1 : -1) : a.createdAt < b.createdAt ? 1 : -1,
        );
    },

    list(): { backups: BackupInfo[]; folder: string; lastFailure: typeof lastFailure } {
      const backups = service.names().map((b): BackupInfo => {
        const { ok: _ok, ...rest } = inspect(path.join(folder, b.name));
        return { ...b, ...rest };
      });
      return { backups, folder, lastFailure };
    },

    /** Keeps the newest `KEEP_LATEST`, plus the newest of each of the last `KEEP_DAYS` days. */
    prune(): string[] {
      const all = service.names(); // newest first
      const now = Date.parse(opts.now());
      const keep = new Set(all.slice(0, KEEP_LATEST).map((b) => b.name));
      const days = new Set<string>();
      for (const b of all) {
        const day = b.createdAt.slice(0, 10);
        if (now - Date.parse(b.createdAt) > KEEP_DAYS * DAY_MS || days.has(day)) continue;
        days.add(day);
        keep.add(b.name);
      }
      const removed = all.filter((b) => !keep.has(b.name)).map((b) => b.name);
      for (const name of removed) fs.rmSync(path.join(folder, name), { force: true });
      return removed;
    },

    /**
     * Replace the live data with a backup's, in one transaction, after backing up the current
     * data. A backup of an older schema is migrated on a temporary copy first; one of a newer
     * schema, or one that fails its check, is refused and nothing changes.
     */
    async restore(name: string): Promise<{ restored: BackupInfo; safetyCopy: BackupInfo }> {
      const source = path.join(folder, name);
      const parsed = parseName(name);
      if (!parsed || !fs.existsSync(source)) throw new AppError('NOT_FOUND', 'backupNotFound');
      const checked = inspect(source);
      if (!checked.ok) throw new AppError('VALIDATION', 'backupDamaged');
      if (checked.schemaVersion > LATEST_SCHEMA_VERSION) {
        throw new AppError('VALIDATION', 'backupNewer', undefined, {
          found: checked.schemaVersion,
          schema: LATEST_SCHEMA_VERSION,
        });
      }
      const { ok: _ok, ...rest } = checked;
      const restored: BackupInfo = { name, ...parsed, ...rest };
      const safetyCopy = await service.create('before-restore');

      let from = source;
      let temp: string | null = null;
      if (checked.schemaVersion < LATEST_SCHEMA_VERSION) {
        temp = fs.mkdtempSync(path.join(os.tmpdir(), 'bimtek-restore-'));
        from = path.join(temp, 'restore.sqlite');
        fs.copyFileSync(source, from);
        openStore(from).close();
      }
      try {
        replaceData(db, from);
      } finally {
        if (temp) fs.rmSync(temp, { recursive: true, force: true });
      }
      return { restored, safetyCopy };
    },
  };
  return service;
}

export type BackupService = ReturnType<typeof createBackupService>;

/** Every table's rows replaced by those of the same table in `from`, in one transaction. */
function replaceData(db: Database, from: string): void {
  const tables = (
    db.prepare("SELECT name FROM main.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as {
      name: string;
    }[]
  ).map((t) => t.name);
  db.prepare('ATTACH DATABASE ? AS restore_source').run(from);
  try {
    db.transaction(() => {
      // Rows refer to each other; the references are checked once, at commit.
      db.pragma('defer_foreign_keys = ON');
      for (const t of tables) {
        const cols = (db.prepare('SELECT name FROM pragma_table_info(?)').all(t) as { name: string }[])
          .map((c) => `"${c.name}"`)
          .join(', ');
        db.exec(`DELETE FROM main."${t}"`);
        db.exec(`INSERT INTO main."${t}" (${cols}) SELECT ${cols} FROM restore_source."${t}"`);
      }
    }).immediate();
  } finally {
    db.exec('DETACH DATABASE restore_source');
  }
}
