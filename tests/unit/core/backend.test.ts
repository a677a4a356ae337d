import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../../electron/core/backend';
import { LATEST_SCHEMA_VERSION } from '../../../electron/core/store/migrations/index';
import { memorySettings } from '../../../electron/core/settings';
import { DB_FILE_NAME } from '../../../electron/core/store/store';
import { contract, OP_NAMES, type OpInput, type OpName, type OpOutput } from '../../../shared/contract';
import type { ChangeEvent } from '../../../shared/domain';
import type { AppErrorShape, Result } from '../../../shared/errors';
import type { Language } from '../../../shared/languages';
import { MESSAGES } from '../../../shared/messages';
import {
  engagementInput,
  makeTempDir,
  OTHER_UNKNOWN_ID,
  removeTempDir,
  UNKNOWN_ID,
  validInputs,
  workshopInput,
} from '../../fixtures/inputs';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const UTC_ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
/** The operations of engagements, workshops, settings and app info, whose behaviour this file tests. */
const CORE_OPS = OP_NAMES.filter(
  (n) => n === 'app.info' || /^(settings|engagements|workshops)\.(get|update|list|create|delete|restore)$/.test(n),
);
/** Every operation that needs the data file (all but app.info and the preferences). */
const DATA_OPS = OP_NAMES.filter((n) => n !== 'app.info' && !n.startsWith('settings.'));
const MUTATIONS = CORE_OPS.filter((n) => contract[n].kind === 'mutation');

let dir: string;
let backends: Backend[];
let logged: string[];

interface Harness {
  backend: Backend;
  events: ChangeEvent[];
}

/** A backend on a temp folder, with a clock that moves one second per reading. */
function start(language: Language = 'id', dataDir = dir): Harness {
  let t = Date.UTC(2019, 7, 28, 2, 0, 0);
  const backend = createBackend({
    dataDir,
    mode: 'browser',
    version: 'test',
    settings: memorySettings({ language }),
    log: (m) => logged.push(m),
    context: { now: () => new Date((t += 1000)).toISOString() },
  });
  backends.push(backend);
  const events: ChangeEvent[] = [];
  backend.bus.subscribe((e) => events.push(e));
  return { backend, events };
}

/** Run an operation that must succeed; its value must match the contract's output schema. */
async function call<K extends OpName>(b: Backend, op: K, input: OpInput<K>): Promise<OpOutput<K>> {
  const r = (await b.handlers[op](input)) as Result<OpOutput<K>>;
  if (!r.ok) throw new Error(`${op} failed: ${JSON.stringify(r.error)}`);
  contract[op].output.parse(r.value);
  return r.value;
}

/** Run an operation that must fail; returns its error. */
async function fail(b: Backend, op: OpName | string, input: unknown): Promise<AppErrorShape> {
  const r = await b.handlers.dispatch(op, input);
  expect(r.ok, `${op} should fail, got ${JSON.stringify(r).slice(0, 300)}`).toBe(false);
  if (r.ok) throw new Error('unreachable');
  expect(typeof r.error.message).toBe('string');
  expect(r.error.message.length).toBeGreaterThan(0);
  return r.error;
}

async function seed(h: Harness) {
  const e = await call(h.backend, 'engagements.create', engagementInput());
  const w = await call(h.backend, 'workshops.create', workshopInput(e.id));
  h.events.length = 0;
  return { e, w };
}

beforeEach(() => {
  dir = makeTempDir('bimtek-backend-');
  backends = [];
  logged = [];
});

afterEach(() => {
  for (const b of backends) b.close();
  removeTempDir(dir);
});

describe('app.info', () => {
  it('reports the app and a ready store in a new data folder', async () => {
    const { backend } = start();
    const info = await call(backend, 'app.info', {});
    expect(info).toMatchObject({
      name: 'Bimtek Studio',
      version: 'test',
      mode: 'browser',
      dataDir: dir,
      schemaVersion: LATEST_SCHEMA_VERSION,
      store: { status: 'ready', file: path.join(dir, DB_FILE_NAME) },
    });
    expect(fs.existsSync(path.join(dir, DB_FILE_NAME))).toBe(true);
  });
});

describe('engagements', () => {
  it('create returns the engagement as entered, with a UUID and UTC timestamps', async () => {
    const { backend, events } = start();
    const e = await call(backend, 'engagements.create', engagementInput({ regionName: '  Kediri ' }));
    expect(e).toMatchObject({ ...engagementInput(), regionName: 'Kediri' });
    expect(e.id).toMatch(UUID);
    expect(e.createdAt).toMatch(UTC_ISO);
    expect(e.updatedAt).toBe(e.createdAt);
    expect(events).toEqual([{ entity: 'engagement', id: e.id, action: 'created', engagementId: e.id }]);
  });

  it('create fills the programme name and the agencies when left out', async () => {
    const { backend } = start();
    const { programmeName: _p, agencies: _a, ...minimal } = engagementInput();
    const e = await call(backend, 'engagements.create', minimal);
    expect(e.programmeName).toBe('Gerakan Menuju 100 Smart City');
    expect(e.agencies).toEqual([]);
  });

  it('list shows engagements newest year first, then newest created, with workshop counts', async () => {
    const { backend } = start();
    const kediri = await call(backend, 'engagements.create', engagementInput());
    const malang = await call(
      backend,
      'engagements.create',
      engagementInput({
        regionName: 'Malang',
        regionKind: 'kabupaten',
        year: 2020,
      }),
    );
    const surabaya = await call(backend, 'engagements.create', engagementInput({ regionName: 'Surabaya' }));
    await call(backend, 'workshops.create', workshopInput(kediri.id));
    await call(backend, 'workshops.create', workshopInput(kediri.id, { stage: 'tahap-1' }));

    const list = await call(backend, 'engagements.list', {});
    expect(list.map((e) => [e.regionName, e.workshopCount])).toEqual([
      ['Malang', 0],
      ['Surabaya', 0],
      ['Kediri', 2],
    ]);
    expect(list.map((e) => e.id)).toEqual([malang.id, surabaya.id, kediri.id]);
  });

  it('get returns what create returned', async () => {
    const { backend } = start();
    const e = await call(backend, 'engagements.create', engagementInput());
    expect(await call(backend, 'engagements.get', { id: e.id })).toEqual(e);
  });

  it('update changes only the fields sent and moves updatedAt', async () => {
    const { backend, events } = start();
    const e = await call(backend, 'engagements.create', engagementInput());
    events.length = 0;
    const u = await call(backend, 'engagements.update', {
      id: e.id,
      patch: {
        province: 'Jawa Timur (Jatim)',
        agencies: ['Diskominfo', 'Bappeda', 'Dinas Pendidikan'],
      },
    });
    expect(u).toEqual({
      ...e,
      province: 'Jawa Timur (Jatim)',
      agencies: ['Diskominfo', 'Bappeda', 'Dinas Pendidikan'],
      updatedAt: u.updatedAt,
    });
    expect(u.updatedAt > e.updatedAt).toBe(true);
    expect(await call(backend, 'engagements.get', { id: e.id })).toEqual(u);
    expect(events).toEqual([{ entity: 'engagement', id: e.id, action: 'updated', engagementId: e.id }]);
  });

  it('delete hides the engagement and restore brings it back', async () => {
    const { backend, events } = start();
    const e = await call(backend, 'engagements.create', engagementInput());
    events.length = 0;

    expect(await call(backend, 'engagements.delete', { id: e.id })).toEqual({
      id: e.id,
    });
    expect(events).toEqual([{ entity: 'engagement', id: e.id, action: 'deleted', engagementId: e.id }]);
    expect(await call(backend, 'engagements.list', {})).toEqual([]);
    expect((await fail(backend, 'engagements.get', { id: e.id })).code).toBe('NOT_FOUND');
    expect(
      (
        await fail(backend, 'engagements.update', {
          id: e.id,
          patch: { year: 2020 },
        })
      ).code,
    ).toBe('NOT_FOUND');
    expect((await fail(backend, 'engagements.delete', { id: e.id })).code).toBe('NOT_FOUND');

    events.length = 0;
    const back = await call(backend, 'engagements.restore', { id: e.id });
    expect(back).toMatchObject({ id: e.id, regionName: 'Kediri', year: 2019 });
    expect(events).toEqual([
      {
        entity: 'engagement',
        id: e.id,
        action: 'restored',
        engagementId: e.id,
      },
    ]);
    expect((await call(backend, 'engagements.list', {})).map((x) => x.id)).toEqual([e.id]);
  });

  it('keeps its data when the app is closed and opened again', async () => {
    const first = start();
    const e = await call(first.backend, 'engagements.create', engagementInput());
    const w = await call(first.backend, 'workshops.create', workshopInput(e.id));
    first.backend.close();

    const second = start();
    expect(await call(second.backend, 'engagements.get', { id: e.id })).toEqual(e);
    expect(await call(second.backend, 'workshops.get', { id: w.id })).toEqual(w);
  });
});

describe('workshops', () => {
  it('create stores the workshop with its days in order, each with an id', async () => {
    const { backend, events } = start();
    const e = await call(backend, 'engagements.create', engagementInput());
    events.length = 0;
    const w = await call(backend, 'workshops.create', workshopInput(e.id, { chairNip: '19700101 199003 1 002' }));
    expect(w).toMatchObject({
      engagementId: e.id,
      stage: 'tahap-3',
      title: 'Bimtek Tahap III Masterplan Smart City',
      venue: 'Ruang Joyoboyo, Balai Kota Kediri',
      chairNip: '197001011990031002',
      mentors: ['Mentor Kominfo'],
      invitationDate: '2019-08-20',
    });
    expect(
      w.days.map(({ date, startTime, endTime }) => ({
        date,
        startTime,
        endTime,
      })),
    ).toEqual([
      { date: '2019-08-28', startTime: '09:00', endTime: '15:30' },
      { date: '2019-08-29', startTime: '08:00', endTime: null },
    ]);
    for (const d of w.days) expect(d.id).toMatch(UUID);
    expect(new Set(w.days.map((d) => d.id)).size).toBe(2);
    expect(events).toEqual([
      {
        entity: 'workshop',
        id: w.id,
        action: 'created',
        engagementId: e.id,
        workshopId: w.id,
      },
    ]);
    expect(await call(backend, 'workshops.get', { id: w.id })).toEqual(w);
  });

  it('list shows the workshops of one engagement by first day', async () => {
    const { backend } = start();
    const kediri = await call(backend, 'engagements.create', engagementInput());
    const malang = await call(backend, 'engagements.create', engagementInput({ regionName: 'Malang' }));
    const t3 = await call(backend, 'workshops.create', workshopInput(kediri.id));
    const t1 = await call(
      backend,
      'workshops.create',
      workshopInput(kediri.id, {
        stage: 'tahap-1',
        title: 'Bimtek Tahap I',
        days: [{ date: '2019-07-09', startTime: '08:00', endTime: '16:00' }],
      }),
    );
    await call(backend, 'workshops.create', workshopInput(malang.id));

    const list = await call(backend, 'workshops.list', {
      engagementId: kediri.id,
    });
    expect(list.map((w) => w.id)).toEqual([t1.id, t3.id]);
    expect(list[1].days).toHaveLength(2);
    expect(list).toEqual([
      await call(backend, 'workshops.get', { id: t1.id }),
      await call(backend, 'workshops.get', { id: t3.id }),
    ]);
  });

  it('update with days keeps the days whose id is sent, adds new ones and removes the missing ones', async () => {
    const h = start();
    const { w } = await seed(h);
    const [first, second] = w.days;

    const u = await call(h.backend, 'workshops.update', {
      id: w.id,
      patch: {
        days: [
          { date: '2019-08-27', startTime: '10:00', endTime: null },
          {
            id: first.id,
            date: '2019-08-28',
            startTime: '08:30',
            endTime: '16:00',
          },
        ],
      },
    });
    expect(u.days).toHaveLength(2);
    expect(u.days[1]).toEqual({
      id: first.id,
      date: '2019-08-28',
      startTime: '08:30',
      endTime: '16:00',
    });
    expect(u.days[0]).toMatchObject({
      date: '2019-08-27',
      startTime: '10:00',
      endTime: null,
    });
    expect(u.days[0].id).toMatch(UUID);
    expect(u.days.map((d) => d.id)).not.toContain(second.id);
    expect(u.title).toBe(w.title);
    expect(u.updatedAt > w.updatedAt).toBe(true);
    expect(await call(h.backend, 'workshops.get', { id: w.id })).toEqual(u);
    expect(h.events).toEqual([
      {
        entity: 'workshop',
        id: w.id,
        action: 'updated',
        engagementId: w.engagementId,
        workshopId: w.id,
      },
    ]);
  });

  it('update of a single field leaves the days alone', async () => {
    const h = start();
    const { w } = await seed(h);
    const u = await call(h.backend, 'workshops.update', {
      id: w.id,
      patch: {
        venue: 'Pendopo Kota Kediri',
        mentors: ['Mentor A', 'Mentor B'],
      },
    });
    expect(u).toEqual({
      ...w,
      venue: 'Pendopo Kota Kediri',
      mentors: ['Mentor A', 'Mentor B'],
      updatedAt: u.updatedAt,
    });
  });

  it('update naming a day of another workshop is NOT_FOUND and changes nothing', async () => {
    const h = start();
    const { e, w } = await seed(h);
    const other = await call(h.backend, 'workshops.create', workshopInput(e.id, { stage: 'tahap-4' }));
    h.events.length = 0;

    const err = await fail(h.backend, 'workshops.update', {
      id: w.id,
      patch: {
        title: 'Changed title',
        days: [
          {
            id: other.days[0].id,
            date: '2019-09-01',
            startTime: '09:00',
            endTime: null,
          },
        ],
      },
    });
    expect(err.code).toBe('NOT_FOUND');
    expect(err.message).toBe(MESSAGES.id.errors.dayNotFound);
    expect(await call(h.backend, 'workshops.get', { id: w.id })).toEqual(w);
    expect(await call(h.backend, 'workshops.get', { id: other.id })).toEqual(other);
    expect(h.events).toEqual([]);
  });

  it('delete hides the workshop and restore brings it back', async () => {
    const h = start();
    const { e, w } = await seed(h);

    expect(await call(h.backend, 'workshops.delete', { id: w.id })).toEqual({
      id: w.id,
    });
    expect(h.events).toEqual([
      {
        entity: 'workshop',
        id: w.id,
        action: 'deleted',
        engagementId: e.id,
        workshopId: w.id,
      },
    ]);
    expect(await call(h.backend, 'workshops.list', { engagementId: e.id })).toEqual([]);
    expect((await call(h.backend, 'engagements.list', {}))[0].workshopCount).toBe(0);
    expect((await fail(h.backend, 'workshops.get', { id: w.id })).code).toBe('NOT_FOUND');
    expect(
      (
        await fail(h.backend, 'workshops.update', {
          id: w.id,
          patch: { venue: 'x' },
        })
      ).code,
    ).toBe('NOT_FOUND');

    h.events.length = 0;
    const back = await call(h.backend, 'workshops.restore', { id: w.id });
    expect({ ...back, updatedAt: w.updatedAt }).toEqual(w);
    expect(h.events).toEqual([
      {
        entity: 'workshop',
        id: w.id,
        action: 'restored',
        engagementId: e.id,
        workshopId: w.id,
      },
    ]);
    expect((await call(h.backend, 'workshops.list', { engagementId: e.id })).map((x) => x.id)).toEqual([w.id]);
  });

  it('cannot be created in, or restored into, a deleted engagement', async () => {
    const h = start();
    const { e, w } = await seed(h);
    await call(h.backend, 'workshops.delete', { id: w.id });
    await call(h.backend, 'engagements.delete', { id: e.id });
    h.events.length = 0;

    const create = await fail(h.backend, 'workshops.create', workshopInput(e.id));
    expect(create.code).toBe('NOT_FOUND');
    expect(create.message).toBe(MESSAGES.id.errors.engagementNotFound);
    const restore = await fail(h.backend, 'workshops.restore', { id: w.id });
    expect(restore.code).toBe('NOT_FOUND');
    expect((await fail(h.backend, 'workshops.list', { engagementId: e.id })).code).toBe('NOT_FOUND');
    expect(h.events).toEqual([]);
  });

  it('a workshop of a deleted engagement goes to the bin with it, and comes back with it', async () => {
    // The contract: engagements.delete moves "an engagement and its workshops to the bin".
    const h = start();
    const { e, w } = await seed(h);
    await call(h.backend, 'engagements.delete', { id: e.id });

    expect((await fail(h.backend, 'workshops.get', { id: w.id })).code).toBe('NOT_FOUND');
    expect(
      (
        await fail(h.backend, 'workshops.update', {
          id: w.id,
          patch: { venue: 'x' },
        })
      ).code,
    ).toBe('NOT_FOUND');

    await call(h.backend, 'engagements.restore', { id: e.id });
    expect((await call(h.backend, 'workshops.get', { id: w.id })).venue).toBe(w.venue);
    expect((await call(h.backend, 'engagements.list', {}))[0].workshopCount).toBe(1);
  });

  it('keeps the rule "a custom stage needs a name" when edited', async () => {
    const h = start();
    const { w } = await seed(h);

    const toCustom = await fail(h.backend, 'workshops.update', {
      id: w.id,
      patch: { stage: 'custom' },
    });
    expect(toCustom.code).toBe('VALIDATION');
    expect(
      toCustom.details?.issues?.some((i) => i.code === 'customStageRequired' && i.path.at(-1) === 'customStageName'),
    ).toBe(true);
    expect((await call(h.backend, 'workshops.get', { id: w.id })).stage).toBe('tahap-3');

    const custom = await call(h.backend, 'workshops.update', {
      id: w.id,
      patch: { stage: 'custom', customStageName: 'Rapat Evaluasi' },
    });
    expect(custom.customStageName).toBe('Rapat Evaluasi');
    const cleared = await fail(h.backend, 'workshops.update', {
      id: w.id,
      patch: { customStageName: '' },
    });
    expect(cleared.code).toBe('VALIDATION');
    expect((await call(h.backend, 'workshops.get', { id: w.id })).customStageName).toBe('Rapat Evaluasi');
  });
});

describe('unknown ids', () => {
  const byId: [OpName, (id: string) => unknown, keyof (typeof MESSAGES)['id']['errors']][] = [
    ['engagements.get', (id) => ({ id }), 'engagementNotFound'],
    ['engagements.update', (id) => ({ id, patch: { year: 2020 } }), 'engagementNotFound'],
    ['engagements.delete', (id) => ({ id }), 'engagementNotFound'],
    ['engagements.restore', (id) => ({ id }), 'engagementNotFound'],
    ['workshops.list', (id) => ({ engagementId: id }), 'engagementNotFound'],
    ['workshops.create', (id) => workshopInput(id), 'engagementNotFound'],
    ['workshops.get', (id) => ({ id }), 'workshopNotFound'],
    ['workshops.update', (id) => ({ id, patch: { venue: 'x' } }), 'workshopNotFound'],
    ['workshops.delete', (id) => ({ id }), 'workshopNotFound'],
    ['workshops.restore', (id) => ({ id }), 'workshopNotFound'],
  ];

  it.each(byId)('%s answers NOT_FOUND, writes nothing and emits nothing', async (op, input, key) => {
    const h = start();
    const { e } = await seed(h);
    const before = await call(h.backend, 'engagements.list', {});
    const err = await fail(h.backend, op, input(UNKNOWN_ID));
    expect(err.code).toBe('NOT_FOUND');
    expect(err.message).toBe(MESSAGES.id.errors[key]);
    expect(await call(h.backend, 'engagements.list', {})).toEqual(before);
    expect((await call(h.backend, 'workshops.list', { engagementId: e.id })).length).toBe(1);
    expect(h.events).toEqual([]);
  });

  it('an engagement id is not a workshop id, nor the other way round', async () => {
    const h = start();
    const { e, w } = await seed(h);
    expect((await fail(h.backend, 'workshops.get', { id: e.id })).code).toBe('NOT_FOUND');
    expect((await fail(h.backend, 'engagements.get', { id: w.id })).code).toBe('NOT_FOUND');
  });
});

describe('malformed input', () => {
  it('create with a wrong shape is VALIDATION with field issues, and nothing is written', async () => {
    const h = start();
    const { e } = await seed(h);
    const before = await call(h.backend, 'engagements.list', {});

    const err = await fail(h.backend, 'engagements.create', {
      ...engagementInput(),
      year: 1999,
      timeZone: 'UTC',
    });
    expect(err.code).toBe('VALIDATION');
    expect(err.message).toBe(MESSAGES.id.errors.invalidInput);
    expect(err.details?.issues).toEqual(
      expect.arrayContaining([
        { path: ['year'], code: 'yearRange' },
        { path: ['timeZone'], code: 'invalid' },
      ]),
    );

    const wErr = await fail(
      h.backend,
      'workshops.create',
      workshopInput(e.id, {
        days: [{ date: '2019-08-28', startTime: '10:00', endTime: '09:00' }],
      }),
    );
    expect(wErr.code).toBe('VALIDATION');
    expect(wErr.details?.issues).toContainEqual({
      path: ['days', 0, 'endTime'],
      code: 'endBeforeStart',
    });

    expect(await call(h.backend, 'engagements.list', {})).toEqual(before);
    expect(await call(h.backend, 'workshops.list', { engagementId: e.id })).toHaveLength(1);
    expect(h.events).toEqual([]);
  });

  it('update with a bad patch changes nothing', async () => {
    const h = start();
    const { e, w } = await seed(h);
    expect(
      (
        await fail(h.backend, 'engagements.update', {
          id: e.id,
          patch: { agencies: ['A', 'a'] },
        })
      ).code,
    ).toBe('VALIDATION');
    expect(
      (
        await fail(h.backend, 'workshops.update', {
          id: w.id,
          patch: {
            title: 'New',
            days: [{ date: '2019-02-30', startTime: '09:00', endTime: null }],
          },
        })
      ).code,
    ).toBe('VALIDATION');
    expect(await call(h.backend, 'engagements.get', { id: e.id })).toEqual(e);
    expect(await call(h.backend, 'workshops.get', { id: w.id })).toEqual(w);
    expect(h.events).toEqual([]);
  });

  it('a 1 MB title is refused as too long', async () => {
    const h = start();
    const { e } = await seed(h);
    const err = await fail(h.backend, 'workshops.create', workshopInput(e.id, { title: 'x'.repeat(1024 * 1024) }));
    expect(err.code).toBe('VALIDATION');
    expect(err.details?.issues).toContainEqual({
      path: ['title'],
      code: 'tooLong',
    });
    expect(await call(h.backend, 'workshops.list', { engagementId: e.id })).toHaveLength(1);
  });

  it('an own "__proto__" key from parsed JSON is an unknown field, not a way in', async () => {
    const h = start();
    const raw = JSON.parse(
      `{"__proto__": {"isAdmin": true}, ${JSON.stringify(engagementInput()).slice(1, -1)}}`,
    ) as unknown;
    const err = await fail(h.backend, 'engagements.create', raw);
    expect(err.code).toBe('VALIDATION');
    expect(await call(h.backend, 'engagements.list', {})).toEqual([]);
  });
});

describe('handlers never throw', () => {
  const strange: [string, unknown][] = [
    ['undefined', undefined],
    ['null', null],
    ['a string', 'engagements'],
    ['a huge string', 'x'.repeat(2 * 1024 * 1024)],
    ['a number', 42],
    ['NaN', Number.NaN],
    ['an array', [{}]],
    ['a nested array', JSON.parse('['.repeat(500) + ']'.repeat(500)) as unknown],
    ['an object of wrong types', { id: 1, patch: [], regionName: {}, days: 'x', engagementId: null }],
    ['an object with a huge key', { ['k'.repeat(100_000)]: 1 }],
  ];

  it.each(OP_NAMES)('%s answers an envelope for any input', async (op) => {
    const h = start();
    await seed(h);
    for (const [label, input] of strange) {
      let r: Result<unknown> | undefined;
      await expect(
        (async () => {
          r = await h.backend.handlers[op](input);
        })(),
        `${op} with ${label}`,
      ).resolves.toBeUndefined();
      expect(typeof r?.ok, `${op} with ${label}`).toBe('boolean');
      // An input the contract accepts (undefined is `{}` to an operation without input) may still be
      // refused by what the operation finds (`devices.me` on a window that is no paired device).
      if (r && !r.ok && !contract[op].input.safeParse(input ?? {}).success) {
        expect(['VALIDATION']).toContain(r.error.code);
        expect(r.error.message).toBe(MESSAGES.id.errors.invalidInput);
        expect(JSON.stringify(r.error)).not.toMatch(/\n\s+at /);
      }
    }
  });

  it('only empty inputs of queries may succeed without an object', async () => {
    const h = start();
    for (const op of ['app.info', 'settings.get', 'engagements.list'] as const) {
      expect((await h.backend.handlers[op](undefined)).ok).toBe(true);
      expect((await h.backend.handlers[op](null)).ok).toBe(true);
      expect((await h.backend.handlers[op]('x')).ok).toBe(false);
    }
    expect((await h.backend.handlers['engagements.create'](undefined)).ok).toBe(false);
    expect(h.events).toEqual([]);
  });

  it('dispatch of an unknown operation is UNKNOWN_OPERATION', async () => {
    const h = start();
    for (const name of ['nope', '__proto__', 'constructor', 'toString', 'engagements', '', 42, null, undefined]) {
      const err = await fail(h.backend, name as string, {});
      expect(err.code).toBe('UNKNOWN_OPERATION');
      expect(err.message).toBe(MESSAGES.id.errors.unknownOperation);
    }
  });

  it('dispatch of a known operation runs it', async () => {
    const h = start();
    const r = await h.backend.handlers.dispatch('engagements.create', engagementInput());
    expect(r.ok).toBe(true);
    expect((await call(h.backend, 'engagements.list', {})).length).toBe(1);
  });

  it('after the store is closed, operations answer an error envelope without a stack', async () => {
    const h = start();
    const { e } = await seed(h);
    h.backend.close();
    const r = await h.backend.handlers['engagements.get']({ id: e.id });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(Object.values(MESSAGES.id.errors)).toContain(r.error.message);
      expect(JSON.stringify(r.error)).not.toMatch(/\n\s+at /);
    }
  });
});

describe('the operations under test', () => {
  it('are the fifteen of app info, preferences, engagements and workshops', () => {
    expect(CORE_OPS).toHaveLength(15);
  });
});

describe('change events', () => {
  it('every mutation emits exactly one event, and queries and failures emit none', async () => {
    const h = start();
    const { e, w } = await seed(h);
    const expected: Record<string, ChangeEvent> = {
      'settings.update': {
        entity: 'settings',
        id: 'preferences',
        action: 'updated',
      },
      'engagements.update': {
        entity: 'engagement',
        id: e.id,
        action: 'updated',
        engagementId: e.id,
      },
      'workshops.update': {
        entity: 'workshop',
        id: w.id,
        action: 'updated',
        engagementId: e.id,
        workshopId: w.id,
      },
      'workshops.delete': {
        entity: 'workshop',
        id: w.id,
        action: 'deleted',
        engagementId: e.id,
        workshopId: w.id,
      },
      'workshops.restore': {
        entity: 'workshop',
        id: w.id,
        action: 'restored',
        engagementId: e.id,
        workshopId: w.id,
      },
      'engagements.delete': {
        entity: 'engagement',
        id: e.id,
        action: 'deleted',
        engagementId: e.id,
      },
      'engagements.restore': {
        entity: 'engagement',
        id: e.id,
        action: 'restored',
        engagementId: e.id,
      },
    };
    const inputs: Record<string, unknown> = {
      'settings.update': { language: 'id' },
      'engagements.update': { id: e.id, patch: { year: 2020 } },
      'workshops.update': { id: w.id, patch: { venue: 'Pendopo' } },
      'workshops.delete': { id: w.id },
      'workshops.restore': { id: w.id },
      'engagements.delete': { id: e.id },
      'engagements.restore': { id: e.id },
    };
    for (const [op, event] of Object.entries(expected)) {
      h.events.length = 0;
      const r = await h.backend.handlers.dispatch(op, inputs[op]);
      expect(r.ok, op).toBe(true);
      expect(h.events, op).toEqual([event]);
    }
    // The creates are checked in their own tests; every mutation of the contract is covered.
    expect([...Object.keys(expected), 'engagements.create', 'workshops.create'].sort()).toEqual([...MUTATIONS].sort());

    for (const op of CORE_OPS.filter((n) => contract[n].kind === 'query')) {
      h.events.length = 0;
      const input =
        op === 'workshops.list'
          ? { engagementId: e.id }
          : op.endsWith('.get') && op !== 'settings.get'
            ? { id: op.startsWith('w') ? w.id : e.id }
            : {};
      expect((await h.backend.handlers.dispatch(op, input)).ok, op).toBe(true);
      expect(h.events, op).toEqual([]);
    }
  });

  it('a listener that throws does not stop the others or the operation', async () => {
    const h = start();
    h.backend.bus.subscribe(() => {
      throw new Error('closed window');
    });
    const late: ChangeEvent[] = [];
    h.backend.bus.subscribe((ev) => late.push(ev));
    const e = await call(h.backend, 'engagements.create', engagementInput());
    expect(late).toEqual([{ entity: 'engagement', id: e.id, action: 'created', engagementId: e.id }]);
  });
});

describe('messages follow the language', () => {
  it('are English when the language is en', async () => {
    const { backend } = start('en');
    expect((await fail(backend, 'engagements.get', { id: UNKNOWN_ID })).message).toBe('Engagement not found.');
    expect((await fail(backend, 'workshops.get', { id: UNKNOWN_ID })).message).toBe('Workshop not found.');
    expect((await fail(backend, 'engagements.create', {})).message).toBe(MESSAGES.en.errors.invalidInput);
    expect((await fail(backend, 'nope', {})).message).toBe('Unknown request.');
  });

  it('are Indonesian by default', async () => {
    const { backend } = start();
    expect((await fail(backend, 'engagements.get', { id: UNKNOWN_ID })).message).toBe('Pendampingan tidak ditemukan.');
  });

  it('switch as soon as the language setting changes', async () => {
    const { backend } = start('id');
    expect(await call(backend, 'settings.update', { language: 'en' })).toEqual({
      language: 'en',
    });
    expect(await call(backend, 'settings.get', {})).toEqual({ language: 'en' });
    expect((await fail(backend, 'workshops.get', { id: OTHER_UNKNOWN_ID })).message).toBe('Workshop not found.');
    expect((await fail(backend, 'settings.update', { language: 'fr' })).code).toBe('VALIDATION');
    expect(await call(backend, 'settings.get', {})).toEqual({ language: 'en' });
  });
});

describe('outputs match the contract', () => {
  it('every operation under test succeeds on a valid input and its value parses with the output schema', async () => {
    const h = start();
    const { e, w } = await seed(h);
    const inputs = validInputs();
    const ids = (op: OpName): unknown => {
      const base = inputs[op] as Record<string, unknown>;
      if (op.startsWith('engagements.') && 'id' in base) return { ...base, id: e.id };
      if (op === 'workshops.list') return { engagementId: e.id };
      if (op === 'workshops.create') return { ...base, engagementId: e.id };
      if (op === 'workshops.update') {
        const patch = { ...(base.patch as Record<string, unknown>) };
        patch.days = [{ ...w.days[0], startTime: '07:00' }];
        return { id: w.id, patch };
      }
      if (op.startsWith('workshops.') && 'id' in base) return { ...base, id: w.id };
      return base;
    };
    // Order matters: delete before restore, and engagements.delete last but one.
    const order = [...CORE_OPS].sort((a, b) => rank(a) - rank(b));
    function rank(op: string) {
      if (op === 'engagements.delete') return 3;
      if (op === 'engagements.restore') return 4;
      if (op.endsWith('.restore')) return 2;
      if (op.endsWith('.delete')) return 1;
      return 0;
    }
    for (const op of order) {
      const r = await h.backend.handlers[op](ids(op));
      expect(r.ok, `${op}: ${JSON.stringify(r)}`).toBe(true);
      if (r.ok) expect(() => contract[op].output.parse(r.value), op).not.toThrow();
    }
  });
});

describe('a backend whose data file cannot be opened', () => {
  function corruptDataDir(): { file: string; hash: string } {
    const file = path.join(dir, DB_FILE_NAME);
    fs.writeFileSync(file, crypto.randomBytes(4096));
    return {
      file,
      hash: crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex'),
    };
  }

  it('reports the failure with reason, file and a message in the UI language', async () => {
    const { file } = corruptDataDir();
    const { backend } = start('en');
    const info = await call(backend, 'app.info', {});
    expect(info.store).toEqual({
      status: 'failed',
      file,
      reason: 'corrupt',
      message: MESSAGES.en.errors.dbCorrupt,
    });
    expect(backend.info().store.status).toBe('failed');
    expect(logged.some((m) => m.includes(file))).toBe(true);

    await call(backend, 'settings.update', { language: 'id' });
    expect((await call(backend, 'app.info', {})).store).toMatchObject({
      message: MESSAGES.id.errors.dbCorrupt,
    });
  });

  it.each(DATA_OPS)('%s answers STORE_UNAVAILABLE and the file is left unchanged', async (op) => {
    const { file, hash } = corruptDataDir();
    const { backend, events } = start();
    const err = await fail(backend, op, validInputs()[op]);
    expect(err.code).toBe('STORE_UNAVAILABLE');
    expect(err.message).toBe(MESSAGES.id.errors.storeUnavailable);
    expect(events).toEqual([]);
    expect(crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex')).toBe(hash);
  });

  it('still reads and changes the preferences', async () => {
    corruptDataDir();
    const { backend } = start();
    expect(await call(backend, 'settings.get', {})).toEqual({ language: 'id' });
    expect(await call(backend, 'settings.update', { language: 'en' })).toEqual({
      language: 'en',
    });
    expect((await fail(backend, 'engagements.list', {})).message).toBe(MESSAGES.en.errors.storeUnavailable);
  });

  it('still tells every window when the preferences change', async () => {
    corruptDataDir();
    const { backend, events } = start();
    await call(backend, 'settings.update', { language: 'en' });
    expect(events).toEqual([{ entity: 'settings', id: 'preferences', action: 'updated' }]);
  });

  it('reports a file from a newer app as "newer" with the version found', async () => {
    const file = path.join(dir, DB_FILE_NAME);
    const db = new BetterSqlite3(file);
    db.exec('CREATE TABLE engagements (id TEXT)');
    db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 5}`);
    db.close();
    const { backend } = start();
    expect(backend.info().store).toEqual({
      status: 'failed',
      file,
      reason: 'newer',
      message: MESSAGES.id.errors.dbNewer,
      foundVersion: LATEST_SCHEMA_VERSION + 5,
    });
    expect((await fail(backend, 'engagements.list', {})).code).toBe('STORE_UNAVAILABLE');
  });
});
