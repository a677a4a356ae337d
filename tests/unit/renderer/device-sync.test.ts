// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ChangeEvent } from '../../../shared/domain';
import type { CellWrite } from '../../../shared/groups';
import { DeviceSync, otherGroupsUnsent, readUnsent } from '../../../renderer/features/device/device-sync';

const G = '5d1c2a44-8a3e-4b8e-9a0f-6c7d8e9f0a12';
const G2 = '7a1c2a44-8a3e-4b8e-9a0f-6c7d8e9f0a99';
const S = '9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c23';
const LABEL = 'Laptop Bappeda';

type Answer = { ok: true; value: CellWrite } | { ok: false; error: { code: string; message: string; key?: string } };

/** A store that numbers each cell's writes, as the core does; `refuse` answers instead when set. */
function fakeStore() {
  const versions = new Map<string, number>();
  const sent: { path: string; value: unknown; baseVersion: number | null }[] = [];
  let refuse: Answer | null = null;
  const call = vi.fn(async (_op: string, input: any): Promise<Answer> => {
    sent.push({ path: input.path, value: input.value, baseVersion: input.baseVersion });
    if (refuse) return refuse;
    const v = (versions.get(input.path) ?? 0) + 1;
    const overwrote = input.baseVersion !== null ? input.baseVersion < v - 1 : v > 1;
    versions.set(input.path, v);
    return {
      ok: true,
      value: {
        groupId: G,
        stepId: S,
        path: input.path,
        value: input.value,
        meta: { version: v, by: LABEL, at: '2019-08-29T02:41:00.000Z' },
        overwrote,
      },
    };
  });
  return {
    call,
    sent,
    versions,
    refuse(a: Answer | null) {
      refuse = a;
    },
  };
}

/** Someone else's write to a cell, as it arrives on the event stream. */
function remoteWrite(path: string, value: unknown, version: number, by = ''): ChangeEvent {
  const record: CellWrite = {
    groupId: G,
    stepId: S,
    path,
    value: value as CellWrite['value'],
    meta: { version, by, at: '2019-08-29T02:45:00.000Z' },
    overwrote: false,
  };
  return { entity: 'output', id: 'o1', action: 'updated', groupId: G, record } as ChangeEvent;
}

const make = (store: ReturnType<typeof fakeStore>, groupId = G) =>
  new DeviceSync({
    groupId,
    groupName: groupId === G ? 'Kelompok 1' : 'Kelompok 2',
    label: LABEL,
    call: store.call as never,
    delayMs: 100,
    resendMs: 1000,
  });

beforeEach(() => {
  localStorage.clear();
  vi.useFakeTimers();
});
afterEach(() => vi.useRealTimers());

describe('a paired device’s writes', () => {
  it('keeps an edit on the device at once, sends it after a pause with the version seen, and forgets it once acknowledged', async () => {
    const store = fakeStore();
    const sync = make(store);
    sync.set(S, 'strengths', ['Fiber optik'], null);
    expect(readUnsent(G)!.steps[S].strengths).toEqual({ value: ['Fiber optik'], base: null });
    expect(store.call).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(100);
    expect(store.sent).toEqual([{ path: 'strengths', value: ['Fiber optik'], baseVersion: null }]);
    expect(readUnsent(G)).toBeNull();
    expect(sync.state).toBe('saved');
    expect(sync.valuesFor(S, { strengths: ['Fiber optik'] })).toEqual({ strengths: ['Fiber optik'] });
  });

  it('sends what was typed while a write travelled, based on the version just written', async () => {
    const store = fakeStore();
    let release!: () => void;
    const slow = store.call.getMockImplementation()!;
    store.call.mockImplementationOnce(async (op, input) => {
      await new Promise<void>((r) => (release = r));
      return slow(op, input);
    });
    const sync = make(store);
    sync.set(S, 'threats', ['Serangan'], 3);
    await vi.advanceTimersByTimeAsync(100);
    sync.set(S, 'threats', ['Serangan siber'], 3);
    release();
    await vi.advanceTimersByTimeAsync(200);
    expect(store.sent.map((s) => [s.value, s.baseVersion])).toEqual([
      [['Serangan'], 3],
      [['Serangan siber'], 1],
    ]);
    expect(readUnsent(G)).toBeNull();
  });

  it('keeps everything through a lost connection and sends it again by itself', async () => {
    const store = fakeStore();
    store.refuse({ ok: false, error: { code: 'IO', message: 'offline' } });
    const sync = make(store);
    sync.set(S, 'weaknesses', ['Data belum terhubung'], null);
    await vi.advanceTimersByTimeAsync(100);
    expect(sync.state).toBe('offline');
    expect(readUnsent(G)!.steps[S].weaknesses.value).toEqual(['Data belum terhubung']);
    store.refuse(null);
    await vi.advanceTimersByTimeAsync(1000);
    expect(sync.state).toBe('saved');
    expect(readUnsent(G)).toBeNull();
  });

  it('on a revoked token stops sending, keeps the text, and a later pairing with the same group sends it', async () => {
    const store = fakeStore();
    store.refuse({ ok: false, error: { code: 'FORBIDDEN', message: 'x', key: 'errors.deviceRevoked' } });
    const sync = make(store);
    sync.set(S, 'opportunities', ['Kartu non-tunai UMKM'], null);
    await vi.advanceTimersByTimeAsync(100);
    expect(sync.state).toBe('revoked');
    sync.set(S, 'opportunities', ['Kartu non-tunai UMKM', 'Wisata digital'], null);
    await vi.advanceTimersByTimeAsync(5000);
    expect(store.call).toHaveBeenCalledTimes(1);
    expect(readUnsent(G)!.steps[S].opportunities.value).toEqual(['Kartu non-tunai UMKM', 'Wisata digital']);
    sync.stop();

    // Paired with ANOTHER group: the text is listed as the earlier group's and not sent.
    store.refuse(null);
    const other = make(store, G2);
    await other.flush();
    expect(store.call).toHaveBeenCalledTimes(1);
    expect(otherGroupsUnsent(G2).map((o) => [o.groupId, o.draft.groupName])).toEqual([[G, 'Kelompok 1']]);
    expect(otherGroupsUnsent(G)).toEqual([]);
    other.stop();

    // Paired with the same group again: sent, then forgotten.
    const again = make(store);
    expect(again.unsentTotal).toBe(1);
    await again.flush();
    expect(store.sent.at(-1)).toEqual({
      path: 'opportunities',
      value: ['Kartu non-tunai UMKM', 'Wisata digital'],
      baseVersion: null,
    });
    expect(readUnsent(G)).toBeNull();
  });

  it('says when another writer replaced what this device wrote, with the text it had', async () => {
    const store = fakeStore();
    const sync = make(store);
    sync.set(S, 'strengths', ['Fiber optik'], null);
    await vi.advanceTimersByTimeAsync(100);
    // Its own write coming back on the stream is no news.
    sync.onEvent(remoteWrite('strengths', ['Fiber optik'], 1, LABEL));
    expect(sync.notes).toEqual([]);
    sync.onEvent(remoteWrite('strengths', ['Komitmen kepala daerah'], 2, ''));
    expect(sync.notes).toMatchObject([
      { kind: 'theirsReplacedMine', path: 'strengths', by: '', other: ['Fiber optik'] },
    ]);
    expect(sync.isMine(S, 'strengths', { version: 2, by: '', at: '' })).toBe(false);
    // Another device that happens to have the same name is not this one once this one has written.
    expect(sync.isMine(S, 'strengths', { version: 3, by: LABEL, at: '' })).toBe(false);
    // A write to a cell this device never touched is only a "changed by" note, not a warning.
    sync.onEvent(remoteWrite('weaknesses', ['Data'], 1, 'HP Dinkes'));
    expect(sync.notes).toHaveLength(1);
  });

  it('says when its own later write replaced what another writer had just saved, with their text', async () => {
    const store = fakeStore();
    store.versions.set('threats', 1);
    const sync = make(store);
    sync.set(S, 'threats', ['Banjir'], 1);
    // Meanwhile the facilitator writes the same cell.
    sync.onEvent(remoteWrite('threats', ['Kekeringan'], 2, ''));
    store.versions.set('threats', 2);
    expect(sync.notes).toEqual([]);
    await vi.advanceTimersByTimeAsync(100);
    expect(store.sent.at(-1)).toMatchObject({ value: ['Banjir'], baseVersion: 1 });
    expect(sync.notes).toMatchObject([{ kind: 'mineReplacedTheirs', path: 'threats', by: '', other: ['Kekeringan'] }]);
  });
});
