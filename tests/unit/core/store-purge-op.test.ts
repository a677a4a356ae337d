import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../../electron/core/backend';
import { memorySettings } from '../../../electron/core/settings';
import type { ChangeEvent } from '../../../shared/domain';
import { engagementInput, makeTempDir, removeTempDir, workshopInput } from '../../fixtures/inputs';

// `store.purge` end to end through the handlers: the worked example of "adding an operation".
let dir: string;
let backend: Backend;
let now = '2019-08-28T02:00:00.000Z';
const events: ChangeEvent[] = [];

beforeEach(() => {
  dir = makeTempDir('bimtek-purge-op-');
  events.length = 0;
  backend = createBackend({
    dataDir: dir,
    mode: 'browser',
    version: 'test',
    settings: memorySettings(),
    context: { now: () => now },
  });
  backend.bus.subscribe((e) => events.push(e));
});
afterEach(() => {
  backend.close();
  removeTempDir(dir);
});

describe('store.purge', () => {
  it('removes for good only what sat in the bin longer than asked, and says how much', async () => {
    const h = backend.handlers;
    const keep = await h['engagements.create'](engagementInput({ regionName: 'Kediri' }));
    const gone = await h['engagements.create'](engagementInput({ regionName: 'Blitar' }));
    if (!keep.ok || !gone.ok) throw new Error('seed');
    const w = await h['workshops.create'](workshopInput(gone.value.id));
    if (!w.ok) throw new Error('seed');
    await h['engagements.delete']({ id: gone.value.id });

    // Deleted today: a purge of what is older than 30 days keeps it (it can still be restored).
    const early = await h['store.purge']({ olderThanDays: 30 });
    expect(early).toMatchObject({ ok: true, value: { engagements: 0, workshops: 0 } });
    expect((await h['engagements.restore']({ id: gone.value.id })).ok).toBe(true);
    await h['engagements.delete']({ id: gone.value.id });

    now = '2019-10-01T02:00:00.000Z';
    events.length = 0;
    const r = await h['store.purge']({});
    expect(r).toMatchObject({ ok: true, value: { engagements: 1 } });
    expect(events.every((e) => e.id === '*' && e.action === 'deleted')).toBe(true);
    expect((await h['engagements.restore']({ id: gone.value.id })).ok).toBe(false);
    expect((await h['engagements.get']({ id: keep.value.id })).ok).toBe(true);
    // A second purge finds nothing more, and says so without events.
    events.length = 0;
    const again = await h['store.purge']({});
    expect(again.ok && Object.values(again.value).every((n) => n === 0)).toBe(true);
    expect(events).toEqual([]);
  });

  it('refuses a negative age and any caller but the facilitator', async () => {
    const bad = await backend.handlers['store.purge']({ olderThanDays: -1 });
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const kiosk = await backend.handlers.dispatch('store.purge', {}, { role: 'kiosk', key: 'window:2' });
    expect(kiosk).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
