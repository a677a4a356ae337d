import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  BRIDGE_CALL_CHANNEL,
  BRIDGE_CHANGE_CHANNEL,
  EXPORT_FILE_CHANNEL,
  KIOSK_CLOSE_CHANNEL,
  KIOSK_OPEN_CHANNEL,
  PROJECTOR_CLOSE_CHANNEL,
  PROJECTOR_OPEN_CHANNEL,
  SAVE_FILE_CHANNEL,
  type BimtekBridge,
} from '../../../shared/bridge';
import { CALL_CHANNEL, CHANGE_CHANNEL, OP_NAMES } from '../../../shared/contract';
import type { ChangeEvent } from '../../../shared/domain';
import { MESSAGES } from '../../../shared/messages';

// The fake 'electron' the preload sees: a contextBridge that records what is exposed, and an
// ipcRenderer that is a real EventEmitter with a scripted invoke().
const fake = vi.hoisted(() => ({
  exposed: [] as [string, unknown][],
  ipc: null as unknown as import('node:events').EventEmitter & { invoke: ReturnType<typeof vi.fn> },
}));

vi.mock('electron', async () => {
  const { EventEmitter: Emitter } = await import('node:events');
  fake.ipc = Object.assign(new Emitter(), { invoke: vi.fn() });
  return {
    contextBridge: { exposeInMainWorld: (key: string, api: unknown) => fake.exposed.push([key, api]) },
    ipcRenderer: fake.ipc,
  };
});

// Importing the preload runs it, as Electron does before the page loads.
await import('../../../electron/preload');

const bridge = () => fake.exposed[0][1] as BimtekBridge;

beforeEach(() => {
  fake.ipc.invoke.mockReset();
  fake.ipc.removeAllListeners();
});

describe('preload', () => {
  it('exposes one object, window.bimtek, with only mode, call, onChange, saveFile, exportFile, openFile, the self check-in and projector windows', () => {
    expect(fake.exposed).toHaveLength(1);
    expect(fake.exposed[0][0]).toBe('bimtek');
    expect(Object.keys(bridge()).sort()).toEqual([
      'call',
      'closeKioskWindow',
      'closeProjectorWindow',
      'exportFile',
      'mode',
      'onChange',
      'openFile',
      'openKioskWindow',
      'openProjectorWindow',
      'saveFile',
    ]);
    expect(bridge().mode).toBe('electron');
  });

  it('does not leak ipcRenderer or its methods anywhere in the bridge', () => {
    const seen = new Set<unknown>();
    const walk = (v: unknown) => {
      if (!v || (typeof v !== 'object' && typeof v !== 'function') || seen.has(v)) return;
      seen.add(v);
      expect(v).not.toBe(fake.ipc);
      for (const m of [fake.ipc.invoke, fake.ipc.on, fake.ipc.emit, fake.ipc.removeListener]) expect(v).not.toBe(m);
      for (const k of Object.keys(v)) walk((v as Record<string, unknown>)[k]);
    };
    walk(bridge());
  });

  it('uses the contract channels', () => {
    expect(BRIDGE_CALL_CHANNEL).toBe(CALL_CHANNEL);
    expect(BRIDGE_CHANGE_CHANNEL).toBe(CHANGE_CHANNEL);
  });

  // The preload lists no operations (it would have to be kept equal to the contract): every name
  // goes to the one call channel, and the main process checks it, the window's role and the input.
  it.each(OP_NAMES)(
    'call(%j) invokes the call channel with the name and input, and returns the envelope',
    async (op) => {
      const envelope = { ok: true, value: { op } };
      fake.ipc.invoke.mockResolvedValueOnce(envelope);
      const input = { marker: op };
      await expect(bridge().call(op, input)).resolves.toEqual(envelope);
      expect(fake.ipc.invoke).toHaveBeenCalledExactlyOnceWith(CALL_CHANNEL, op, input);
    },
  );

  it.each([42, null, undefined, {}, 'x'.repeat(101)])('call() refuses %j without touching IPC', async (op) => {
    const r = await bridge().call(op as never, {});
    expect(r).toEqual({
      ok: false,
      error: { code: 'UNKNOWN_OPERATION', message: MESSAGES.id.errors.unknownOperation },
    });
    expect(fake.ipc.invoke).not.toHaveBeenCalled();
  });

  it('turns a failed invoke into an INTERNAL envelope instead of rejecting', async () => {
    fake.ipc.invoke.mockRejectedValueOnce(new Error("No handler registered for 'bimtek:app.info'"));
    await expect(bridge().call('app.info', {})).resolves.toEqual({
      ok: false,
      error: { code: 'INTERNAL', message: MESSAGES.id.errors.internal },
    });
  });

  it('onChange passes only the payload, never the IPC event, and unsubscribes', () => {
    const got: unknown[][] = [];
    const off = bridge().onChange((...args: unknown[]) => void got.push(args));
    const event: ChangeEvent = { entity: 'workshop', id: 'w1', action: 'updated', workshopId: 'w1' };
    const ipcEvent = { sender: fake.ipc, senderId: 0, ports: [] };
    fake.ipc.emit(CHANGE_CHANNEL, ipcEvent, event);
    expect(got).toEqual([[event]]);
    off();
    expect(fake.ipc.listenerCount(CHANGE_CHANNEL)).toBe(0);
    fake.ipc.emit(CHANGE_CHANNEL, ipcEvent, event);
    expect(got).toHaveLength(1);
  });

  it('one failing listener does not stop the others', () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const got: ChangeEvent[] = [];
    bridge().onChange(() => {
      throw new Error('listener bug');
    });
    bridge().onChange((e) => void got.push(e));
    fake.ipc.emit(CHANGE_CHANNEL, {}, { entity: 'settings', id: 'preferences', action: 'updated' });
    expect(got).toHaveLength(1);
    expect(errors).toHaveBeenCalled();
    errors.mockRestore();
  });

  it('exportFile sends the operation and input to the export channel and resolves even when IPC fails', async () => {
    fake.ipc.invoke.mockResolvedValueOnce({ saved: true, path: '/tmp/x.docx', fileName: 'x.docx' });
    await expect(bridge().exportFile('participants.export', { engagementId: 'e', format: 'csv' })).resolves.toEqual({
      saved: true,
      path: '/tmp/x.docx',
      fileName: 'x.docx',
    });
    expect(fake.ipc.invoke).toHaveBeenCalledExactlyOnceWith(EXPORT_FILE_CHANNEL, 'participants.export', {
      engagementId: 'e',
      format: 'csv',
    });
    fake.ipc.invoke.mockRejectedValueOnce(new Error('gone'));
    await expect(bridge().exportFile('participants.export', {})).resolves.toMatchObject({ saved: false });
  });

  it('saveFile goes to the save-file channel and resolves even when IPC fails', async () => {
    const file = { fileName: 'a.docx', mime: 'application/octet-stream', data: 'AAAA' };
    fake.ipc.invoke.mockResolvedValueOnce({ saved: true, path: '/home/u/a.docx' });
    await expect(bridge().saveFile(file)).resolves.toEqual({ saved: true, path: '/home/u/a.docx' });
    expect(fake.ipc.invoke).toHaveBeenCalledExactlyOnceWith(SAVE_FILE_CHANNEL, file);
    fake.ipc.invoke.mockRejectedValueOnce(new Error('No handler registered'));
    await expect(bridge().saveFile(file)).resolves.toEqual({ saved: false, error: MESSAGES.id.errors.internal });
  });

  it('openKioskWindow sends a self check-in route to its channel and resolves even when IPC fails', async () => {
    const id = '5b0e7a52-1d4f-4c1e-9a53-000000000001';
    const route = `#/engagements/${id}/workshops/${id}/days/${id}/self`;
    fake.ipc.invoke.mockResolvedValueOnce({ opened: true });
    await expect(bridge().openKioskWindow(route)).resolves.toEqual({ opened: true });
    expect(fake.ipc.invoke).toHaveBeenCalledExactlyOnceWith(KIOSK_OPEN_CHANNEL, route);
    fake.ipc.invoke.mockResolvedValueOnce({ opened: 'yes', extra: 1 });
    await expect(bridge().openKioskWindow(route)).resolves.toEqual({ opened: false });
    fake.ipc.invoke.mockRejectedValueOnce(new Error('No handler registered'));
    await expect(bridge().openKioskWindow(route)).resolves.toEqual({ opened: false });
  });

  it.each(['#/', `#/engagements/x/workshops/y/days/z/checkin`, 'https://evil.example/', '', 42, null])(
    'openKioskWindow refuses %j without touching IPC',
    async (route) => {
      await expect(bridge().openKioskWindow(route as never)).resolves.toEqual({ opened: false });
      expect(fake.ipc.invoke).not.toHaveBeenCalled();
    },
  );

  it('closeKioskWindow goes to its channel and resolves even when IPC fails', async () => {
    fake.ipc.invoke.mockResolvedValueOnce({ closed: true });
    await expect(bridge().closeKioskWindow()).resolves.toEqual({ closed: true });
    expect(fake.ipc.invoke).toHaveBeenCalledExactlyOnceWith(KIOSK_CLOSE_CHANNEL);
    fake.ipc.invoke.mockRejectedValueOnce(new Error('No handler registered'));
    await expect(bridge().closeKioskWindow()).resolves.toEqual({ closed: false });
  });

  it('openProjectorWindow sends a workshop id to its channel and resolves even when IPC fails', async () => {
    const id = '5b0e7a52-1d4f-4c1e-9a53-0000000000a1';
    fake.ipc.invoke.mockResolvedValueOnce({ opened: true });
    await expect(bridge().openProjectorWindow(id)).resolves.toEqual({ opened: true });
    expect(fake.ipc.invoke).toHaveBeenCalledExactlyOnceWith(PROJECTOR_OPEN_CHANNEL, id);
    fake.ipc.invoke.mockResolvedValueOnce({ opened: 'yes', extra: 1 });
    await expect(bridge().openProjectorWindow(id)).resolves.toEqual({ opened: false });
    fake.ipc.invoke.mockRejectedValueOnce(new Error('No handler registered'));
    await expect(bridge().openProjectorWindow(id)).resolves.toEqual({ opened: false });
  });

  it.each([
    '#/present/5b0e7a52-1d4f-4c1e-9a53-0000000000a1',
    '5B0E7A52-1D4F-4C1E-9A53-0000000000A1',
    '5b0e7a52-1d4f-4c1e-9a53-0000000000a1/../x',
    'not-a-uuid',
    '',
    42,
    null,
  ])('openProjectorWindow refuses %j without touching IPC', async (id) => {
    await expect(bridge().openProjectorWindow(id as never)).resolves.toEqual({ opened: false });
    expect(fake.ipc.invoke).not.toHaveBeenCalled();
  });

  it('closeProjectorWindow goes to its channel and resolves even when IPC fails', async () => {
    fake.ipc.invoke.mockResolvedValueOnce({ closed: true });
    await expect(bridge().closeProjectorWindow()).resolves.toEqual({ closed: true });
    expect(fake.ipc.invoke).toHaveBeenCalledExactlyOnceWith(PROJECTOR_CLOSE_CHANNEL);
    fake.ipc.invoke.mockRejectedValueOnce(new Error('No handler registered'));
    await expect(bridge().closeProjectorWindow()).resolves.toEqual({ closed: false });
  });

  it('ignores a non-function listener', () => {
    const off = bridge().onChange('nope' as never);
    expect(fake.ipc.listenerCount(CHANGE_CHANNEL)).toBe(0);
    expect(off).toBeTypeOf('function');
  });
});
