import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../../electron/core/backend';
import { memorySettings } from '../../../electron/core/settings';
import { MIGRATIONS } from '../../../electron/core/store/migrations/index';
import { DB_FILE_NAME, openStore } from '../../../electron/core/store/store';
import { MESSAGES } from '../../../shared/messages';
import { engagementInput, makeTempDir, removeTempDir } from '../../fixtures/inputs';

let dir: string;
let backends: Backend[];

function start(mode: 'browser' | 'electron' = 'browser', language: 'id' | 'en' = 'id'): Backend {
  const b = createBackend({
    dataDir: dir,
    mode,
    version: 'test',
    settings: memorySettings({ language }),
    log: () => {},
  });
  backends.push(b);
  return b;
}

const sha = (f: string) => crypto.createHash('sha256').update(fs.readFileSync(f)).digest('hex');

beforeEach(() => {
  dir = makeTempDir('bimtek-folder-');
  backends = [];
});

afterEach(() => {
  for (const b of backends) b.close();
  removeTempDir(dir);
});

describe('one process per data folder', () => {
  it('a second backend on the same folder says the folder is in use, by whom; it never answers INTERNAL', async () => {
    const first = start('electron');
    expect(first.info().store.status).toBe('ready');
    const second = start('browser', 'en');
    const store = second.info().store;
    expect(store).toMatchObject({
      status: 'failed',
      reason: 'inUse',
      message: MESSAGES.en.errors.dbInUse,
      holder: { mode: 'electron', pid: process.pid },
    });
    // Every data call of the second answers "store unavailable", never a database-locked INTERNAL.
    for (let i = 0; i < 20; i++) {
      const r = await second.handlers['engagements.create'](engagementInput({ regionName: `Kota ${i}` }));
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.code).toBe('STORE_UNAVAILABLE');
    }
    // The first is unaffected and keeps writing.
    const r = await first.handlers['engagements.create'](engagementInput());
    expect(r.ok).toBe(true);
  });

  it('the holder can say where it answers (browser mode)', () => {
    const first = start('browser');
    first.announce('http://127.0.0.1:4173/');
    const store = start().info().store;
    expect(store).toMatchObject({ reason: 'inUse', holder: { mode: 'browser', url: 'http://127.0.0.1:4173/' } });
  });

  it('once the holder closes, the folder opens again (no stale lock)', async () => {
    const first = start();
    await first.handlers['engagements.create'](engagementInput());
    first.close();
    const again = start();
    expect(again.info().store.status).toBe('ready');
    const list = await again.handlers['engagements.list']({});
    expect(list.ok && list.value.length).toBe(1);
  });
});

describe('files the app must refuse show the problem screen, never stop the app', () => {
  it.each([1, 2])('another program\'s SQLite file with user_version %i: "foreign", file unchanged', async (v) => {
    const file = path.join(dir, DB_FILE_NAME);
    const db = new BetterSqlite3(file);
    db.exec("CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('x')");
    db.pragma(`user_version = ${v}`);
    db.close();
    const before = sha(file);
    const b = start();
    expect(b.info().store).toMatchObject({
      status: 'failed',
      reason: 'foreign',
      message: MESSAGES.id.errors.dbForeign,
    });
    const r = await b.handlers['engagements.list']({});
    expect(!r.ok && r.error.code).toBe('STORE_UNAVAILABLE');
    expect(sha(file)).toBe(before);
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.bak'))).toEqual([]);
  });

  it('a schema-2 Bimtek file without its blobs table: "corrupt", no exit at start', () => {
    const file = path.join(dir, DB_FILE_NAME);
    openStore(file, MIGRATIONS.slice(0, 2)).close();
    const db = new BetterSqlite3(file);
    db.exec('DROP TABLE blobs');
    db.close();
    const b = start();
    expect(b.info().store).toMatchObject({ status: 'failed', reason: 'corrupt' });
    expect(b.services).toBeNull();
  });
});
