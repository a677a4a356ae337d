import fs from 'node:fs';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import type { BackupInfo } from '../../../shared/contract/backups';

/** What a backup file holds, and whether it passed `quick_check`. */
export type CheckedBackup = Omit<BackupInfo, 'name' | 'createdAt' | 'reason'> & { ok: boolean };

/** A fresh copy made into one self-contained file: no -wal/-shm beside a backup. */
export function sealBackup(file: string): void {
  const copy = new BetterSqlite3(file, { fileMustExist: true });
  try {
    copy.pragma('journal_mode = DELETE');
  } finally {
    copy.close();
  }
}

/** Opens a backup read-only: integrity (quick_check), schema version and what it holds. */
export function inspectBackup(file: string): CheckedBackup {
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
