import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LATEST_SCHEMA_VERSION, MIGRATIONS, type Migration } from '../../../electron/core/store/migrations/index';
import {
  expectedShape,
  openStore,
  StoreOpenError,
  type OpenStoreHooks,
  type Store,
} from '../../../electron/core/store/store';
import { makeTempDir, removeTempDir } from '../../fixtures/inputs';

let dir: string;
let file: string;
const opened: Store[] = [];

function open(f: string, migrations?: Migration[], hooks?: OpenStoreHooks): Store {
  const s = migrations ? openStore(f, migrations, hooks) : openStore(f);
  opened.push(s);
  return s;
}

function sha256(f: string): string {
  return crypto.createHash('sha256').update(fs.readFileSync(f)).digest('hex');
}

function tables(db: BetterSqlite3.Database): string[] {
  return (
    db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as {
      name: string;
    }[]
  ).map((r) => r.name);
}

/** Catch the StoreOpenError openStore throws, failing the test when it opens instead. */
function openError(f: string, migrations?: Migration[]): StoreOpenError {
  try {
    open(f, migrations);
  } catch (e) {
    expect(e).toBeInstanceOf(StoreOpenError);
    return e as StoreOpenError;
  }
  throw new Error(`openStore(${f}) opened a file it should have refused`);
}

/** Make an SQLite file by hand, outside openStore. */
function rawDb(f: string, setup: (db: BetterSqlite3.Database) => void): void {
  const db = new BetterSqlite3(f);
  try {
    setup(db);
  } finally {
    db.close();
  }
}

const m1: Migration = {
  version: 1,
  name: 'notes',
  up(db) {
    db.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL)');
  },
};
const m2: Migration = {
  version: 2,
  name: 'tags',
  up(db) {
    db.exec('CREATE TABLE tags (id INTEGER PRIMARY KEY, label TEXT NOT NULL)');
  },
};
const failing: Migration = {
  version: 2,
  name: 'half done',
  up(db) {
    db.exec('CREATE TABLE half_done (id INTEGER PRIMARY KEY)');
    db.exec("INSERT INTO notes (body) VALUES ('written by a failing migration')");
    throw new Error('migration failed halfway');
  },
};

beforeEach(() => {
  dir = makeTempDir('bimtek-store-');
  file = path.join(dir, 'bimtek-studio.sqlite');
});

afterEach(() => {
  for (const s of opened.splice(0)) {
    try {
      s.close();
    } catch {
      // already closed by the test
    }
  }
  removeTempDir(dir);
});

describe('openStore on a new file', () => {
  it('creates the schema at the latest version', () => {
    const store = open(file);
    expect(store.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
    expect(store.db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    expect(tables(store.db)).toEqual(expect.arrayContaining(['engagements', 'workshops', 'workshop_days']));
    expect(store.backupFile).toBeNull();
    expect(fs.existsSync(file)).toBe(true);
  });

  it('sets WAL, full sync and foreign keys', () => {
    const store = open(file);
    expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(store.db.pragma('synchronous', { simple: true })).toBe(2);
    expect(store.db.pragma('busy_timeout', { simple: true })).toBeGreaterThan(0);
  });

  it('enforces foreign keys (a workshop needs its engagement)', () => {
    const store = open(file);
    expect(() =>
      store.db
        .prepare(
          `INSERT INTO workshops (id, engagement_id, stage, title, created_at, updated_at)
           VALUES ('w', 'no-such-engagement', 'tahap-1', 't', 'now', 'now')`,
        )
        .run(),
    ).toThrow(/FOREIGN KEY/);
  });

  it('creates the folder when it does not exist yet', () => {
    const nested = path.join(dir, 'a', 'b', 'bimtek-studio.sqlite');
    const store = open(nested);
    expect(store.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
    expect(fs.existsSync(nested)).toBe(true);
  });

  it('treats an empty (0-byte) file as new', () => {
    fs.writeFileSync(file, '');
    const store = open(file);
    expect(store.db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
  });
});

describe('reopening', () => {
  it('is idempotent: same version, no backup, data kept', () => {
    const first = open(file);
    first.db
      .prepare(
        `INSERT INTO engagements (id, region_name, region_kind, province, year, time_zone, programme_name,
           created_at, updated_at)
         VALUES ('e1', 'Kediri', 'kota', 'Jawa Timur', 2019, 'WIB', 'GM100SC', 'now', 'now')`,
      )
      .run();
    first.close();

    for (let i = 0; i < 2; i++) {
      const again = open(file);
      expect(again.db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
      expect(again.backupFile).toBeNull();
      expect(again.db.prepare('SELECT region_name FROM engagements').all()).toEqual([{ region_name: 'Kediri' }]);
      again.close();
    }
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.bak'))).toEqual([]);
  });
});

describe('refusing a file from a newer app', () => {
  it.each(['delete', 'wal'])('throws "newer" and leaves the file (journal mode %s) unchanged', (mode) => {
    rawDb(file, (db) => {
      db.pragma(`journal_mode = ${mode}`);
      db.exec('CREATE TABLE engagements (id TEXT PRIMARY KEY); CREATE TABLE future_things (x TEXT);');
      db.prepare("INSERT INTO engagements VALUES ('keep me')").run();
      db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    });
    const before = sha256(file);
    const listing = fs.readdirSync(dir).sort();

    const err = openError(file);
    expect(err.reason).toBe('newer');
    expect(err.file).toBe(file);
    expect(err.foundVersion).toBe(LATEST_SCHEMA_VERSION + 1);

    expect(sha256(file)).toBe(before);
    expect(fs.readdirSync(dir).sort()).toEqual(listing);
    rawDb(file, (db) => {
      expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION + 1);
      expect(tables(db)).toEqual(['engagements', 'future_things']);
    });
  });
});

describe('refusing a file that is not our database', () => {
  it('throws "corrupt" for random bytes and leaves them unchanged', () => {
    fs.writeFileSync(file, crypto.randomBytes(8192));
    const before = sha256(file);
    expect(openError(file).reason).toBe('corrupt');
    expect(sha256(file)).toBe(before);
    expect(fs.readdirSync(dir)).toEqual([path.basename(file)]);
  });

  it('throws "corrupt" for a text file and leaves it unchanged', () => {
    fs.writeFileSync(file, 'Daftar hadir Bimtek Tahap III\nNo;Nama;NIP\n');
    const before = sha256(file);
    expect(openError(file).reason).toBe('corrupt');
    expect(sha256(file)).toBe(before);
  });

  it('throws "corrupt" for a file shorter than the SQLite header', () => {
    fs.writeFileSync(file, 'SQLite');
    expect(openError(file).reason).toBe('corrupt');
    expect(fs.readFileSync(file, 'utf8')).toBe('SQLite');
  });

  it('throws "corrupt" for an SQLite header followed by garbage, and leaves it unchanged', () => {
    fs.writeFileSync(file, Buffer.concat([Buffer.from('SQLite format 3\0', 'latin1'), crypto.randomBytes(8192)]));
    const before = sha256(file);
    expect(openError(file).reason).toBe('corrupt');
    expect(sha256(file)).toBe(before);
  });

  it('throws "foreign" for another program\'s SQLite database (user_version 0) and leaves it unchanged', () => {
    rawDb(file, (db) => {
      db.exec("CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('someone else');");
    });
    const before = sha256(file);
    const err = openError(file);
    expect(err.reason).toBe('foreign');
    expect(sha256(file)).toBe(before);
    rawDb(file, (db) => {
      expect(tables(db)).toEqual(['contacts']);
      expect(db.pragma('user_version', { simple: true })).toBe(0);
    });
  });

  it('throws "io" when the path is a folder', () => {
    fs.mkdirSync(file);
    expect(openError(file).reason).toBe('io');
  });
});

describe('migrating an existing file', () => {
  it('copies the file before migrating, then applies the new migration', () => {
    const v1 = open(file, [m1]);
    v1.db.prepare("INSERT INTO notes (body) VALUES ('Tahap I notes')").run();
    v1.close();

    const v2 = open(file, [m1, m2]);
    expect(v2.schemaVersion).toBe(2);
    expect(v2.db.pragma('user_version', { simple: true })).toBe(2);
    expect(tables(v2.db)).toEqual(['notes', 'tags']);
    expect(v2.db.prepare('SELECT body FROM notes').all()).toEqual([{ body: 'Tahap I notes' }]);

    expect(v2.backupFile).not.toBeNull();
    const backup = v2.backupFile as string;
    expect(path.dirname(backup)).toBe(dir);
    expect(fs.existsSync(backup)).toBe(true);
    const copy = new BetterSqlite3(backup, {
      readonly: true,
      fileMustExist: true,
    });
    try {
      expect(copy.pragma('user_version', { simple: true })).toBe(1);
      expect(tables(copy)).toEqual(['notes']);
      expect(copy.prepare('SELECT body FROM notes').all()).toEqual([{ body: 'Tahap I notes' }]);
    } finally {
      copy.close();
    }
  });

  it('the migrated file opens again without another backup', () => {
    open(file, [m1]).close();
    open(file, [m1, m2]).close();
    const again = open(file, [m1, m2]);
    expect(again.backupFile).toBeNull();
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.bak'))).toHaveLength(1);
  });

  it('can upgrade from schema 0 of the real migrations list (every earlier schema)', () => {
    for (let n = 1; n < MIGRATIONS.length; n++) {
      const f = path.join(dir, `from-v${n}.sqlite`);
      open(f, MIGRATIONS.slice(0, n)).close();
      const s = open(f);
      expect(s.db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
      expect(s.backupFile).not.toBeNull();
      s.close();
    }
    expect(open(path.join(dir, 'fresh.sqlite')).schemaVersion).toBe(LATEST_SCHEMA_VERSION);
  });
});

describe('a migration that fails', () => {
  it('rolls back: user_version unchanged and no partial table or row', () => {
    const v1 = open(file, [m1]);
    v1.db.prepare("INSERT INTO notes (body) VALUES ('before')").run();
    v1.close();

    const err = openError(file, [m1, failing]);
    expect(err.message).toMatch(/migration failed halfway/);

    rawDb(file, (db) => {
      expect(db.pragma('user_version', { simple: true })).toBe(1);
      expect(tables(db)).toEqual(['notes']);
      expect(db.prepare('SELECT body FROM notes').all()).toEqual([{ body: 'before' }]);
    });
    // The copy taken before migrating is still there for the user.
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.bak'))).toHaveLength(1);

    // The same file still opens with the migrations that work.
    const again = open(file, [m1]);
    expect(again.db.prepare('SELECT body FROM notes').all()).toEqual([{ body: 'before' }]);
  });

  it('on a new file keeps the migrations that succeeded and none of the failing one', () => {
    openError(file, [m1, failing]);
    rawDb(file, (db) => {
      expect(db.pragma('user_version', { simple: true })).toBe(1);
      expect(tables(db)).toEqual(['notes']);
      expect(db.prepare('SELECT count(*) AS n FROM notes').get()).toEqual({
        n: 0,
      });
    });
  });
});

/** The file's bytes and the folder's listing: both must be exactly as before a refusal. */
function snapshot() {
  return { bytes: sha256(file), listing: fs.readdirSync(dir).sort() };
}

describe('deciding before writing (a refused file is never touched)', () => {
  it.each([1, 2, 3])('another program\'s file with user_version %i is "foreign", unchanged, no .bak', (v) => {
    rawDb(file, (db) => {
      db.exec("CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('someone else');");
      db.pragma(`user_version = ${v}`);
    });
    const before = snapshot();
    const err = openError(file);
    expect(err.reason).toBe('foreign');
    expect(snapshot()).toEqual(before);
    rawDb(file, (db) => expect(db.pragma('journal_mode', { simple: true })).toBe('delete'));
  });

  it.each(['blobs', 'attendance', 'workshop_days'])(
    'a Bimtek file without its "%s" table is "corrupt", unchanged',
    (table) => {
      open(file).close();
      rawDb(file, (db) => {
        db.pragma('journal_mode = delete');
        db.pragma('foreign_keys = OFF');
        db.exec(`DROP TABLE ${table}`);
      });
      const before = snapshot();
      const err = openError(file);
      expect(err.reason).toBe('corrupt');
      expect(err.message).toContain(table);
      expect(snapshot()).toEqual(before);
    },
  );

  it('a schema-2 file that lacks a table is refused before the WAL switch and before any copy', () => {
    open(file, MIGRATIONS.slice(0, 2)).close();
    rawDb(file, (db) => {
      db.pragma('journal_mode = delete');
      db.exec('DROP TABLE blobs');
    });
    const before = snapshot();
    expect(openError(file).reason).toBe('corrupt');
    expect(snapshot()).toEqual(before);
  });

  it('the schema each version promises is derived from the migrations themselves', () => {
    const open3 = open(file);
    const shape = [
      ...(open3.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]),
    ]
      .map((r) => r.name)
      .sort();
    expect([...expectedShape(MIGRATIONS, LATEST_SCHEMA_VERSION).keys()].sort()).toEqual(shape);
    expect([...expectedShape(MIGRATIONS, 1).keys()].sort()).toEqual(['engagements', 'workshop_days', 'workshops']);
  });
});

describe('two processes migrating one file at once', () => {
  it('re-reads the schema version inside the write lock: the one that comes second skips, and opens', () => {
    open(file, [m1]).close();
    // The other process migrates between this one's checks and its first write.
    const s = open(file, [m1, m2], {
      beforeMigrate: () => {
        const other = openStore(file, [m1, m2]);
        other.db.prepare("INSERT INTO tags (label) VALUES ('from the other process')").run();
        other.close();
      },
    });
    expect(s.db.pragma('user_version', { simple: true })).toBe(2);
    expect(s.db.prepare('SELECT label FROM tags').all()).toEqual([{ label: 'from the other process' }]);
  });
});

/** Make a path unwritable even for root (the tests may run as root, where chmod does not bind). */
function makeReadOnly(target: string): (() => void) | null {
  if (process.getuid?.() === 0) {
    const r = spawnSync('chattr', ['+i', target]);
    if (r.status !== 0) return null;
    return () => spawnSync('chattr', ['-i', target]);
  }
  const mode = fs.statSync(target).mode;
  fs.chmodSync(target, fs.statSync(target).isDirectory() ? 0o555 : 0o444);
  return () => fs.chmodSync(target, mode);
}

describe('a read-only data file or folder', () => {
  it.each(['file', 'folder'])('is refused at open as "readonly" (the %s), not reported ready', (what) => {
    open(file).close();
    const undo = makeReadOnly(what === 'file' ? file : dir);
    if (!undo) return expect.fail('cannot make a read-only file here (chattr missing)');
    try {
      const before = snapshot();
      const err = openError(file);
      expect(err.reason).toBe('readonly');
      expect(snapshot()).toEqual(before);
    } finally {
      undo();
    }
  });
});
