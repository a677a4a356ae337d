import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../../electron/core/backend';
import { KEEP_LATEST } from '../../../electron/core/backups/service';
import { memorySettings } from '../../../electron/core/settings';
import type { OpName } from '../../../shared/contract';
import type { ChangeEvent } from '../../../shared/domain';
import { MESSAGES } from '../../../shared/messages';
import { engagementInput, makeTempDir, removeTempDir, VALID_NIP } from '../../fixtures/inputs';

let dir: string;
let backends: Backend[];
let clock: number;
let events: ChangeEvent[];

function start(autoBackupEveryMs?: number): Backend {
  const b = createBackend({
    autoBackupEveryMs,
    dataDir: dir,
    mode: 'browser',
    version: 'test',
    settings: memorySettings(),
    log: () => {},
    context: { now: () => new Date((clock += 1000)).toISOString() },
  });
  b.bus.subscribe((e) => events.push(e));
  backends.push(b);
  return b;
}

async function ok(b: Backend, op: OpName, input: unknown): Promise<any> {
  const r = await b.handlers.dispatch(op, input);
  if (!r.ok) throw new Error(`${op}: ${JSON.stringify(r.error)}`);
  return r.value;
}

const regions = async (b: Backend) =>
  ((await ok(b, 'engagements.list', {})) as { regionName: string }[]).map((e) => e.regionName).sort();

beforeEach(() => {
  dir = makeTempDir('bimtek-backups-');
  backends = [];
  events = [];
  clock = Date.UTC(2019, 7, 28, 2, 0, 0);
});

afterEach(() => {
  for (const b of backends) b.close();
  removeTempDir(dir);
});

describe('backups', () => {
  it('a backup is a checked, self-contained copy in backups/ with what it holds', async () => {
    const b = start();
    const e = await ok(b, 'engagements.create', engagementInput());
    await ok(b, 'participants.create', { engagementId: e.id, name: 'Budi Santoso', nip: VALID_NIP, role: 'peserta' });
    const made = await ok(b, 'backups.create', {});
    expect(made).toMatchObject({
      reason: 'manual',
      counts: { engagements: 1, workshops: 0, participants: 1, checkIns: 0 },
    });
    const file = path.join(dir, 'backups', made.name);
    // The copy and what it holds (so the list never opens every file); no -wal, no partial.
    expect(fs.readdirSync(path.join(dir, 'backups')).sort()).toEqual([made.name, `${made.name}.json`]);
    const copy = new BetterSqlite3(file, { readonly: true });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(copy.prepare('SELECT name FROM participants').all()).toEqual([{ name: 'Budi Santoso' }]);
    copy.close();
    const list = await ok(b, 'backups.list', {});
    expect(list.backups.map((x: { name: string }) => x.name)).toEqual([made.name]);
    expect(events).toContainEqual({ entity: 'backup', id: made.name, action: 'created' });
  });

  it('is taken at start when there is data, before anything is written', async () => {
    const first = start();
    await ok(first, 'engagements.create', engagementInput());
    first.close();
    const again = start();
    const list = await ok(again, 'backups.list', {});
    expect(list.backups).toHaveLength(1);
    expect(list.backups[0]).toMatchObject({ reason: 'start', counts: { engagements: 1 } });
  });

  it('is taken automatically while there are changes, and not when nothing changed', async () => {
    const b = start(150);
    const reasons = async () =>
      ((await ok(b, 'backups.list', {})).backups as { reason: string }[]).map((x) => x.reason);
    await new Promise((r) => setTimeout(r, 400));
    expect(await reasons()).toEqual([]); // nothing changed yet
    await ok(b, 'engagements.create', engagementInput());
    await expect.poll(reasons, { timeout: 3000 }).toEqual(['auto']);
    await new Promise((r) => setTimeout(r, 500));
    expect(await reasons()).toEqual(['auto']); // no change since: no new backup
    await ok(b, 'engagements.create', engagementInput({ regionName: 'Malang' }));
    await expect.poll(reasons, { timeout: 3000 }).toEqual(['auto', 'auto']);
    expect(events.filter((e) => e.entity === 'backup')).toHaveLength(2);
  });

  it('an empty new data folder gets no backup at start', async () => {
    const b = start();
    expect((await ok(b, 'backups.list', {})).backups).toEqual([]);
  });

  it('is taken before an import commits', async () => {
    const b = start();
    const e = await ok(b, 'engagements.create', engagementInput());
    const csv = Buffer.from(`Nama;NIP\nBudi Santoso;${VALID_NIP}\n`, 'utf8').toString('base64');
    await ok(b, 'participants.importCommit', {
      engagementId: e.id,
      fileName: 'peserta.csv',
      data: csv,
      headerIndex: 0,
      mapping: { name: 0, nip: 1 },
    });
    const list = await ok(b, 'backups.list', {});
    expect(
      list.backups.map((x: { reason: string; counts: { participants: number } }) => [x.reason, x.counts.participants]),
    ).toEqual([['before-import', 0]]);
  });

  it('keeps the newest 20 and one per day for 30 days', async () => {
    const b = start();
    await ok(b, 'engagements.create', engagementInput());
    // 3 backups a day for 40 days.
    for (let day = 0; day < 40; day++) {
      for (let k = 0; k < 3; k++) {
        clock = Date.UTC(2019, 6, 1 + day, 8 + k * 3, 0, 0);
        await b.services!.backups.create('auto');
      }
    }
    const list = (await ok(b, 'backups.list', {})).backups as { createdAt: string }[];
    const days = new Set(list.map((x) => x.createdAt.slice(0, 10)));
    // Newest first. The newest 20 span the last 7 days (3 a day); the 23 days before keep their
    // newest each, back to 30 days before the last backup (days 10–39; day 9 is just older).
    expect(list.every((x, i, all) => i === 0 || all[i - 1].createdAt > x.createdAt)).toBe(true);
    expect(days.size).toBe(30);
    expect([...days].sort()[0]).toBe('2019-07-11');
    expect(list.length).toBe(KEEP_LATEST + 23);
    expect(list.slice(KEEP_LATEST).map((x) => x.createdAt.slice(11, 16))).toEqual(Array(23).fill('14:00'));
  });

  it('Pulihkan: restores a backup after backing up the current data; the app carries on', async () => {
    const b = start();
    const kediri = await ok(b, 'engagements.create', engagementInput({ regionName: 'Kediri' }));
    const backup = await ok(b, 'backups.create', {});
    await ok(b, 'engagements.delete', { id: kediri.id });
    await ok(b, 'engagements.create', engagementInput({ regionName: 'Malang' }));
    expect(await regions(b)).toEqual(['Malang']);
    events.length = 0;

    const r = await ok(b, 'backups.restore', { name: backup.name });
    expect(r.restored.name).toBe(backup.name);
    expect(r.safetyCopy).toMatchObject({ reason: 'before-restore', counts: { engagements: 1 } });
    expect(await regions(b)).toEqual(['Kediri']);
    // Every window reloads what it shows.
    expect(events.map((e) => e.entity)).toEqual(
      expect.arrayContaining(['engagement', 'workshop', 'participant', 'attendance']),
    );
    // Writing goes on, and the data before the restore is one restore away.
    await ok(b, 'engagements.create', engagementInput({ regionName: 'Blitar' }));
    await ok(b, 'backups.restore', { name: r.safetyCopy.name });
    expect(await regions(b)).toEqual(['Malang']);
    expect(b.services!.ctx.db.pragma('foreign_key_check')).toEqual([]);
  });

  it('refuses a name that is not a backup (no paths), a missing one and a damaged one; nothing changes', async () => {
    const b = start();
    await ok(b, 'engagements.create', engagementInput());
    const bad = await b.handlers.dispatch('backups.restore', { name: '../bimtek-studio.sqlite' });
    expect(!bad.ok && bad.error.code).toBe('VALIDATION');
    const missing = await b.handlers.dispatch('backups.restore', {
      name: 'bimtek-studio-2019-01-01T00-00-00-000Z-manual.sqlite',
    });
    expect(!missing.ok && missing.error.code).toBe('NOT_FOUND');
    const made = await ok(b, 'backups.create', {});
    const file = path.join(dir, 'backups', made.name);
    const bytes = fs.readFileSync(file);
    bytes.fill(0x41, 4096, 8192); // damage a page
    fs.writeFileSync(file, bytes);
    const damaged = await b.handlers.dispatch('backups.restore', { name: made.name });
    expect(!damaged.ok && damaged.error.code).toBe('VALIDATION');
    expect(await regions(b)).toEqual(['Kediri']);
  });

  it('a backup that cannot be written is reported (IO), not kept, and shown in the list', async () => {
    const b = start();
    await ok(b, 'engagements.create', engagementInput());
    const folder = path.join(dir, 'backups');
    fs.mkdirSync(folder, { recursive: true });
    const lock = spawnSync('chattr', ['+i', folder]);
    if (lock.status !== 0) return expect.fail('chattr is needed to make a read-only folder as root');
    try {
      const r = await b.handlers.dispatch('backups.create', {});
      expect(!r.ok && r.error.code).toBe('IO');
      expect(!r.ok && r.error.message).toBe(MESSAGES.id.errors.backupFailed);
    } finally {
      spawnSync('chattr', ['-i', folder]);
    }
    expect(fs.readdirSync(folder)).toEqual([]);
    expect((await ok(b, 'backups.list', {})).lastFailure).toMatchObject({ reason: 'manual' });
  });
});
