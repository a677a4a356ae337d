import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  checkNumbering,
  LATEST_SCHEMA_VERSION,
  MIGRATIONS,
  type Migration,
} from '../../../electron/core/store/migrations/index';
import { openStore, type Store } from '../../../electron/core/store/store';
import { createServices } from '../../../electron/core/backend';
import { IDS, ORDER, seed, SIGNATURE_HASH, snapshot, V1_ROWS, V2_ROWS } from '../../fixtures/db/seed';
import { fixtureName, FIXTURE_VERSIONS } from '../../fixtures/db/build';
import { makeTempDir, removeTempDir } from '../../fixtures/inputs';

/*
 * Migration tests in the style of Signal Desktop: build the schema up to N-1 with the real
 * migration code, insert realistic rows, migrate to N, and check every row and the new columns.
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const FIXTURES = fileURLToPath(new URL('../../fixtures/db', import.meta.url));

let dir: string;
const opened: Store[] = [];

beforeEach(() => {
  dir = makeTempDir('bimtek-migrations-');
});
afterEach(() => {
  for (const s of opened.splice(0)) s.close();
  removeTempDir(dir);
});

/** A database file at schema `version`, made by the real migrations up to it, with the seed rows. */
function seededAt(version: number): string {
  const file = path.join(dir, `at-v${version}.sqlite`);
  const s = openStore(file, MIGRATIONS.slice(0, version));
  seed(s.db);
  s.close();
  return file;
}

function open(file: string, upTo = LATEST_SCHEMA_VERSION): Store {
  const s = openStore(file, MIGRATIONS.slice(0, upTo));
  opened.push(s);
  return s;
}

function columns(db: BetterSqlite3.Database, table: string): string[] {
  return (db.pragma(`table_info(${table})`) as { name: string }[]).map((c) => c.name);
}

function tables(db: BetterSqlite3.Database): string[] {
  return (
    db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]
  ).map((r) => r.name);
}

function indexes(db: BetterSqlite3.Database): string[] {
  return (
    db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name").all() as {
      name: string;
    }[]
  ).map((r) => r.name);
}

/** The rows of `table` after migrating, reduced to the columns it had before. */
function sameColumns(db: BetterSqlite3.Database, table: string, before: Record<string, unknown>[]) {
  const cols = Object.keys(before[0]);
  return db.prepare(`SELECT ${cols.join(', ')} FROM ${table} ORDER BY ${ORDER[table]}`).all();
}

/** What each released migration executes, recorded without a database. */
function sqlOf(m: Migration): string {
  const sql: string[] = [];
  m.up({ exec: (s: string) => sql.push(s) } as unknown as BetterSqlite3.Database);
  return sql.join('\n');
}

describe('the migration list', () => {
  it('is numbered 1, 2, 3, … in order', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
    expect(LATEST_SCHEMA_VERSION).toBe(MIGRATIONS.length);
    expect(() => checkNumbering(MIGRATIONS)).not.toThrow();
  });

  it('refuses a gap, a repeat or a wrong order', () => {
    const [m1, m2, m3] = MIGRATIONS;
    expect(() => checkNumbering([m1, m3])).toThrow(/position 2 is numbered 3/);
    expect(() => checkNumbering([m1, m2, m2])).toThrow(/position 3 is numbered 2/);
    expect(() => checkNumbering([m2, m1])).toThrow(/position 1 is numbered 2/);
  });

  it('keeps the released migrations 1 and 2 exactly as shipped', () => {
    // Pinned at release: a file migrated by 0.1.0 must equal a file migrated by any later app.
    // If this fails, undo the edit and put the change in a new migration.
    const sha = (s: string) => crypto.createHash('sha256').update(s).digest('hex');
    expect(sha(sqlOf(MIGRATIONS[0]))).toBe('dd0ec04880f9f481c7ad04b350a9409653dd407f33b83c9da490ba614a40664f');
    expect(sha(sqlOf(MIGRATIONS[1]))).toBe('3228c2f4ecc4f5bcb77a717bb2565abffe28cefddb974a92ff59f7921bcbd58d');
  });
});

describe('migration 2 (register, attendance, images, letterhead) from schema 1 with data', () => {
  it('keeps every engagement, workshop and day and gives engagements the default settings', () => {
    const file = seededAt(1);
    const db = open(file, 2).db;
    expect(db.pragma('user_version', { simple: true })).toBe(2);
    expect(sameColumns(db, 'engagements', V1_ROWS.engagements)).toEqual(V1_ROWS.engagements);
    expect(sameColumns(db, 'workshops', V1_ROWS.workshops)).toEqual(
      [...V1_ROWS.workshops].sort((a, b) => String(a.id).localeCompare(String(b.id))),
    );
    expect(sameColumns(db, 'workshop_days', V1_ROWS.workshop_days)).toEqual(
      [...V1_ROWS.workshop_days].sort((a, b) => String(a.id).localeCompare(String(b.id))),
    );
    const e = db.prepare('SELECT * FROM engagements').get() as Record<string, string | null>;
    expect(JSON.parse(e.letterhead_json!)).toEqual({ lines: [], address: '', contacts: '' });
    expect(JSON.parse(e.documents_json!)).toEqual({ paper: 'F4', fontFamily: 'Arial', fontSizePt: 12, blankRows: 10 });
    expect(e.emblem_hash).toBeNull();
    expect(tables(db)).toEqual(
      expect.arrayContaining(['attendance', 'blobs', 'participants', 'engagements', 'workshops', 'workshop_days']),
    );
  });
});

describe('migration 3 (merge-ready) from schema 2 with data', () => {
  function migrated() {
    const file = seededAt(2);
    const raw = new BetterSqlite3(file, { readonly: true });
    const before = Object.fromEntries(tables(raw).map((t) => [t, snapshot(raw, t, ORDER[t])]));
    raw.close();
    const store = open(file, 3);
    return { db: store.db, before, store, file };
  }

  it('keeps every row of every table with all its values', () => {
    const { db, before } = migrated();
    expect(db.pragma('user_version', { simple: true })).toBe(3);
    expect(Object.keys(before).sort()).toEqual(tables(db));
    for (const [table, rows] of Object.entries(before)) {
      expect(rows.length, table).toBeGreaterThan(0);
      expect(sameColumns(db, table, rows), table).toEqual(rows);
    }
    // The values a user would recognise, spelled out.
    const day = db.prepare('SELECT date, start_time, end_time FROM workshop_days WHERE id = ?').get(IDS.day1);
    expect(day).toEqual({ date: '2019-08-28', start_time: '09:00', end_time: '15:30' });
    const nips = db.prepare("SELECT nip FROM participants WHERE nip <> '' ORDER BY nip").pluck().all();
    expect(nips).toEqual(['197912302005011003', '198503152010012002']);
    const signed = db.prepare('SELECT signature_hash FROM attendance WHERE participant_id = ?').pluck().get(IDS.siti);
    expect(signed).toBe(SIGNATURE_HASH);
  });

  it('gives every day its workshop timestamps and no deletion', () => {
    const { db } = migrated();
    const rows = db
      .prepare(
        `SELECT d.created_at, d.updated_at, d.deleted_at, w.created_at AS wc, w.updated_at AS wu
         FROM workshop_days d JOIN workshops w ON w.id = d.workshop_id`,
      )
      .all() as Record<string, string | null>[];
    expect(rows).toHaveLength(V1_ROWS.workshop_days.length);
    for (const r of rows) {
      expect(r.created_at).toBe(r.wc);
      expect(r.updated_at).toBe(r.wu);
      expect(r.deleted_at).toBeNull();
    }
  });

  it('gives every attendance row a fresh UUID, a created_at and no deletion, and keeps (day, person) unique', () => {
    const { db } = migrated();
    const rows = db.prepare('SELECT * FROM attendance ORDER BY day_id, participant_id').all() as Record<
      string,
      string | null
    >[];
    expect(rows).toHaveLength(V2_ROWS.attendance.length);
    expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
    for (const r of rows) {
      expect(r.id).toMatch(UUID);
      expect(r.created_at).toBe(r.check_in_at ?? r.updated_at);
      expect(r.deleted_at).toBeNull();
    }
    const again = db.prepare(
      `INSERT INTO attendance (id, day_id, participant_id, status, created_at, updated_at)
       VALUES (?, ?, ?, 'hadir', 'now', 'now')`,
    );
    expect(() => again.run(crypto.randomUUID(), IDS.day1, IDS.siti)).toThrow(/UNIQUE/);
    expect(() => again.run(rows[0].id, IDS.day2, IDS.rahmat)).toThrow(/UNIQUE|PRIMARY/);
  });

  it('leaves every table with an id, created_at, updated_at and deleted_at (blobs: hash and created_at)', () => {
    const { db } = migrated();
    for (const table of tables(db)) {
      const cols = columns(db, table);
      if (table === 'blobs') {
        // Content-addressed: the hash is the merge key and the content never changes (see migration 3).
        expect(cols).toEqual(expect.arrayContaining(['hash', 'created_at']));
        continue;
      }
      expect(cols, table).toEqual(expect.arrayContaining(['id', 'created_at', 'updated_at', 'deleted_at']));
      const pk = (db.pragma(`table_info(${table})`) as { name: string; pk: number }[]).filter((c) => c.pk > 0);
      expect(
        pk.map((c) => c.name),
        table,
      ).toEqual(['id']);
    }
  });

  it('keeps the database consistent and adds the indexes of the read paths', () => {
    const { db } = migrated();
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(indexes(db)).toEqual(
      expect.arrayContaining([
        'attendance_day_live',
        'attendance_participant',
        'attendance_signature',
        'attendance_represented_by',
        'participants_live',
        'participants_merged_into',
        'participants_nip',
        'workshops_live',
        'workshops_engagement',
        'workshop_days_workshop',
      ]),
    );
    // A day is removed by the purge explicitly, never as a side effect of removing its workshop.
    const fk = db.pragma('foreign_key_list(workshop_days)') as { table: string; on_delete: string }[];
    expect(fk).toEqual([expect.objectContaining({ table: 'workshops', on_delete: 'RESTRICT' })]);
  });

  it('the services read the migrated data as before', () => {
    // Today's services read today's schema: the v2 file migrated through 003 and everything after.
    const store = open(seededAt(2));
    const s = createServices(store);
    const [w] = s.workshops.list(IDS.kediri);
    expect(w.title).toMatch(/Tahap III/);
    expect(w.days.map((d) => [d.date, d.startTime, d.endTime])).toEqual([
      ['2019-08-28', '09:00', '15:30'],
      ['2019-08-29', '08:00', null],
    ]);
    expect(w.mentors).toEqual(['Dr. Ir. Sri Wahyuni, M.T.', 'Andi Pratama, S.T., M.Eng.']);
    const sheet = s.attendance.sheet(IDS.day1);
    expect(sheet.entries.map((e) => [e.participantId, e.status, e.hasSignature])).toEqual(
      expect.arrayContaining([
        [IDS.siti, 'hadir', true],
        [IDS.rahmat, 'hadir', false],
        [IDS.budi, 'diwakili', false],
      ]),
    );
    expect(sheet.entries).toHaveLength(3);
    expect(s.participants.list(IDS.kediri).map((p) => p.id)).not.toContain(IDS.rahmatDuplicate);
  });
});

describe('the hot queries use the indexes', () => {
  /** The SQL of every statement the services prepare, as they prepare it. */
  function preparedSql(store: Store): string[] {
    const sql: string[] = [];
    const db = new Proxy(store.db, {
      get(target, prop) {
        if (prop === 'prepare') {
          return (source: string) => {
            sql.push(source);
            return target.prepare(source);
          };
        }
        const value = Reflect.get(target, prop, target);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    createServices({ ...store, db });
    return sql;
  }

  function plan(db: BetterSqlite3.Database, source: string): string {
    const params = (source.match(/\?/g) ?? []).map(() => 'x');
    const rows = db.prepare(`EXPLAIN QUERY PLAN ${source}`).all(...params) as { detail: string }[];
    return rows.map((r) => r.detail).join('\n');
  }

  function find(sql: string[], ...parts: RegExp[]): string {
    const found = sql.filter((s) => parts.every((p) => p.test(s)));
    expect(found, parts.join(' ')).toHaveLength(1);
    return found[0];
  }

  it('day sheet by day_id, register by engagement, workshops by engagement', () => {
    const store = open(seededAt(2));
    const sql = preparedSql(store);
    const db = store.db;

    const sheet = plan(db, find(sql, /FROM attendance a JOIN participants p/, /a\.day_id = \?/));
    expect(sheet).toMatch(/SEARCH a USING INDEX attendance_day_live \(day_id=\?\)/);
    expect(sheet).not.toMatch(/TEMP B-TREE/);

    const register = plan(db, find(sql, /FROM participants WHERE engagement_id = \? AND deleted_at IS NULL ORDER BY/));
    expect(register).toMatch(/USING (COVERING )?INDEX participants_live \(engagement_id=\?\)/);
    expect(register).not.toMatch(/TEMP B-TREE/);

    const workshops = plan(db, find(sql, /SELECT w\.\* FROM workshops w/, /w\.engagement_id = \?/));
    expect(workshops).toMatch(/SEARCH w USING INDEX workshops_live \(engagement_id=\?\)/);
    expect(workshops).toMatch(/SEARCH d USING INDEX workshop_days_workshop \(workshop_id=\?\)/);

    const days = plan(db, find(sql, /SELECT d\.\* FROM workshop_days d JOIN workshops w/));
    expect(days).toMatch(/SEARCH w USING INDEX workshops_live \(engagement_id=\?\)/);
    expect(days).toMatch(/SEARCH d USING INDEX workshop_days_workshop \(workshop_id=\?\)/);

    const counts = plan(db, find(sql, /LEFT JOIN attendance a ON a\.participant_id = p\.id/, /GROUP BY/));
    expect(counts).toMatch(/USING (COVERING )?INDEX participants_(live|agency_live) \(engagement_id=\?\)/);
    expect(counts).toMatch(/SEARCH a USING INDEX sqlite_autoindex_attendance_2 \(day_id=\? AND participant_id=\?\)/);

    // What a check-in event carries: one agency's counts, read through that agency's people only.
    const oneAgency = plan(db, find(sql, /LEFT JOIN attendance a ON a\.participant_id = p\.id/, /p\.agency_key = \?/));
    expect(oneAgency).toMatch(/SEARCH p USING INDEX participants_agency_live \(engagement_id=\? AND agency_key=\?\)/);
    expect(oneAgency).toMatch(/SEARCH a USING INDEX sqlite_autoindex_attendance_2 \(day_id=\? AND participant_id=\?\)/);
  });
});

describe('fixture databases of released schemas', () => {
  function sha(file: string) {
    return crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
  }

  it('there is one for every released schema before the latest', () => {
    expect([...FIXTURE_VERSIONS]).toEqual(MIGRATIONS.map((m) => m.version).filter((v) => v < LATEST_SCHEMA_VERSION));
  });

  it.each(FIXTURE_VERSIONS.map((v) => [v]))('schema %i: a migration from the fixture keeps its rows', (version) => {
    const fixture = path.join(FIXTURES, fixtureName(version));
    const pristine = sha(fixture);
    // Small: a page or two per table and index (about 60 of them by schema 6), a few rows each.
    expect(fs.statSync(fixture).size).toBeLessThan(400 * 1024);

    const raw = new BetterSqlite3(fixture, { readonly: true, fileMustExist: true });
    expect(raw.pragma('user_version', { simple: true })).toBe(version);
    expect(raw.pragma('journal_mode', { simple: true })).toBe('delete');
    const before = Object.fromEntries(tables(raw).map((t) => [t, snapshot(raw, t, ORDER[t])]));
    raw.close();

    const copy = path.join(dir, 'bimtek-studio.sqlite');
    fs.copyFileSync(fixture, copy);
    const store = open(copy);
    expect(store.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
    expect(store.db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    expect(store.backupFile).not.toBeNull();
    for (const [table, rows] of Object.entries(before)) {
      expect(rows.length, table).toBeGreaterThan(0);
      expect(sameColumns(store.db, table, rows), table).toEqual(rows);
    }
    expect(store.db.pragma('foreign_key_check')).toEqual([]);

    // The latest schema, read by today's services.
    const s = createServices(store);
    const workshops = s.workshops.list(IDS.kediri);
    expect(workshops.map((w) => w.stage)).toEqual(['tahap-3']);
    expect(workshops[0].days.map((d) => d.date)).toEqual(['2019-08-28', '2019-08-29']);
    if (version >= 2) {
      expect(s.attendance.sheet(IDS.day1).entries).toHaveLength(3);
      const blob = s.blobs.get(SIGNATURE_HASH)!;
      expect(crypto.createHash('sha256').update(blob.data).digest('hex')).toBe(SIGNATURE_HASH);
      expect(s.engagements.get(IDS.kediri).letterhead.lines).toEqual([
        'PEMERINTAH KOTA KEDIRI',
        'DINAS KOMUNIKASI DAN INFORMATIKA',
      ]);
    }

    if (version >= 6) {
      // Group work survives the follow-ups migration and reads as before.
      const out = s.groups.output('a6000002-0000-4000-8000-000000000001', 'a6000001-0000-4000-8000-000000000001');
      expect(out.values).toEqual({
        dimension: 'governance',
        strengths: ['Command center sudah berjalan', 'Aplikasi e-SPTPD'],
      });
      expect(s.groups.get('a6000002-0000-4000-8000-000000000001').memberIds).toEqual([IDS.siti]);
    }

    if (version >= 7) {
      const [action] = s.followups.actions(IDS.kediri);
      expect(action).toMatchObject({ title: 'Menyusun Perwali tentang Smart City', status: 'selesai' });
      expect(action.history.map((h) => h.status)).toEqual(['belum', 'selesai']);
      expect(s.followups.attachment(action.id, action.attachments[0].id).data.subarray(0, 5).toString()).toBe('%PDF-');
    }

    // The file in the repository is untouched, and nothing was written beside it.
    expect(sha(fixture)).toBe(pristine);
    expect(fs.readdirSync(FIXTURES).filter((f) => /-(wal|shm|journal)$|\.bak$/.test(f))).toEqual([]);
  });
});

describe('migration 004: signatories of the daftar hadir', () => {
  it('gives every workshop an empty pangkat/golongan and no second signatory, and old document settings their defaults', () => {
    const copy = path.join(dir, 'bimtek-studio.sqlite');
    fs.copyFileSync(path.join(FIXTURES, fixtureName(3)), copy);
    const store = open(copy);
    expect(columns(store.db, 'workshops')).toEqual(
      expect.arrayContaining(['chair_rank', 'note_taker_rank', 'second_signer']),
    );
    const s = createServices(store);
    const [w] = s.workshops.list(IDS.kediri);
    expect([w.chairName, w.chairRank, w.noteTakerRank, w.secondSigner]).toEqual([
      'Ir. Bagus Wicaksono, M.Si.',
      '',
      '',
      '',
    ]);
    // Settings saved before the list scope and phone settings existed read as their defaults.
    expect(s.engagements.get(IDS.kediri).documents).toMatchObject({
      listScope: 'all',
      phoneInList: true,
      phoneInAnnex: false,
    });
    expect(() => store.db.prepare("UPDATE workshops SET second_signer = 'bupati' WHERE id = ?").run(w.id)).toThrow(
      /CHECK/,
    );
  });
});
