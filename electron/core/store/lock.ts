import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { FolderHolder } from '../../../shared/domain';

/** The lock of a data folder (an SQLite file held in exclusive mode) and who holds it (JSON). */
export const LOCK_FILE_NAME = 'bimtek-studio.lock';
export const HOLDER_FILE_NAME = 'bimtek-studio.lock.json';

export interface FolderLock {
  /** Record where the holder answers (browser mode, once it listens). */
  announce(extra: Partial<Pick<FolderHolder, 'url'>>): void;
  release(): void;
}

/** Another process holds the folder; `holder` says which when it could be read. */
export class FolderInUseError extends Error {
  constructor(
    readonly folder: string,
    readonly holder: FolderHolder | null,
  ) {
    super(`data folder ${folder} is in use${holder ? ` by ${holder.mode} process ${holder.pid}` : ''}`);
    this.name = 'FolderInUseError';
  }
}

/**
 * Take the data folder for this process, or throw FolderInUseError. One process per folder: two
 * processes writing one SQLite file (the desktop app and browser mode, or two hosts) would wait on
 * each other's write locks and never see each other's live events.
 *
 * The lock is an exclusive SQLite lock on a file of its own, held for the life of the process. The
 * operating system drops it when the process ends in any way (SIGKILL, power loss of the process),
 * so a crash never leaves a stale lock behind; a second connection in the same process is refused
 * too (SQLite keeps its own per-file lock table), which the tests rely on.
 */
export function lockDataFolder(folder: string, who: Pick<FolderHolder, 'mode'> & Partial<FolderHolder>): FolderLock {
  fs.mkdirSync(folder, { recursive: true });
  const lockFile = path.join(folder, LOCK_FILE_NAME);
  const holderFile = path.join(folder, HOLDER_FILE_NAME);
  let db: Database | null = new BetterSqlite3(lockFile);
  try {
    db.pragma('busy_timeout = 0');
    db.pragma('locking_mode = EXCLUSIVE');
    // The first write under EXCLUSIVE locking mode keeps the exclusive lock until the connection closes.
    db.exec('BEGIN EXCLUSIVE; CREATE TABLE IF NOT EXISTS holder (since TEXT); COMMIT');
  } catch (e) {
    db.close();
    db = null;
    const code = (e as { code?: string }).code ?? '';
    if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
      throw new FolderInUseError(folder, readHolder(holderFile));
    }
    throw e;
  }
  let holder: FolderHolder = {
    pid: process.pid,
    hostname: os.hostname(),
    since: new Date().toISOString(),
    ...who,
  };
  const write = () => {
    // Written whole then renamed: a reader never sees half of it.
    const tmp = `${holderFile}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify(holder));
    fs.renameSync(tmp, holderFile);
  };
  try {
    write();
  } catch {
    // Who holds the folder is a courtesy to the next process; the lock itself is what counts.
  }
  return {
    announce(extra) {
      holder = { ...holder, ...extra };
      try {
        write();
      } catch {
        // as above
      }
    },
    release() {
      if (!db) return;
      try {
        fs.rmSync(holderFile, { force: true });
      } catch {
        // a stale holder file is harmless: the lock decides, and the next holder rewrites it
      }
      db.close();
      db = null;
    },
  };
}

function readHolder(file: string): FolderHolder | null {
  try {
    const parsed = FolderHolder.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
