import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { BACKUP_NAME, BACKUP_REASONS, type BackupInfo, type BackupReason } from '../../../shared/contract/backups';
import { AppError } from '../../../shared/errors';
import { LATEST_SCHEMA_VERSION } from '../store/migrations/index';
import { openStore } from '../store/store';
import { inspectBackup, sealBackup, type CheckedBackup } from './check';

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
  /**
   * Seal (when asked) and check a backup file: the job pool runs it in a worker, so a quick_check
   * of a large file never blocks the thread that answers calls. Inline when not given.
   */
  check?(file: string, seal: boolean): Promise<CheckedBackup>;
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

  const check =
    opts.check ??
    ((file: string, seal: boolean) => {
      if (seal) sealBackup(file);
      return Promise.resolve(inspectBackup(file));
    });
  /** What a backup holds, written beside it at backup time so the list never opens every file. */
  const sidecar = (name: string) => path.join(folder, `${name}.json`);

  /** Gives a checked copy its name and its sidecar; throws when the copy is not sound. */
  const finish = (partial: string, name: string, reason: BackupReason, checked: CheckedBackup): BackupInfo => {
    if (!checked.ok) throw new Error(`backup ${name} failed quick_check`);
    const { ok: _ok, ...rest } = checked;
    const info: BackupInfo = { name, createdAt: parseName(name)!.createdAt, reason, ...rest };
    fs.writeFileSync(sidecar(name), JSON.stringify(info));
    fs.renameSync(partial, path.join(folder, name));
    return info;
  };

  const failed = (reason: BackupReason, partial: string, e: unknown): never => {
    fs.rmSync(partial, { force: true });
    const name = path.basename(partial).replace(/^\.(.*)\.partial$/, '$1');
    if (!fs.existsSync(path.join(folder, name))) fs.rmSync(sidecar(name), { force: true });
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
        const info = finish(partial, name, reason, await check(partial, true));
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
        sealBackup(partial);
        const info = finish(partial, name, reason, inspectBackup(partial));
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
        try {
          const known = JSON.parse(fs.readFileSync(sidecar(b.name), 'utf8')) as BackupInfo;
          return { ...b, sizeBytes: known.sizeBytes, schemaVersion: known.schemaVersion, counts: known.counts };
        } catch {
          // No sidecar (copied in by hand): listed; what it holds is known once it is restored.
          const size = fs.statSync(path.join(folder, b.name), { throwIfNoEntry: false })?.size ?? 0;
          return { ...b, sizeBytes: size, schemaVersion: 0, counts: null };
        }
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
      for (const name of removed) {
        fs.rmSync(path.join(folder, name), { force: true });
        fs.rmSync(sidecar(name), { force: true });
      }
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
      const checked = await check(source, false);
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
