import type { IpcMainInvokeEvent } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createBackend, type Backend } from '../../../electron/core/backend';
import { memorySettings } from '../../../electron/core/settings';
import {
  forwardChanges,
  isTrustedSender,
  registerIpc,
  type ChangeTarget,
  type IpcHandlers,
} from '../../../electron/shell/ipc';
import { CHANGE_CHANNEL, ipcChannel, OP_NAMES, type OpName } from '../../../shared/contract';
import type { ChangeEvent } from '../../../shared/domain';
import type { AppErrorShape, FieldIssue, Result } from '../../../shared/errors';
import { MESSAGES } from '../../../shared/messages';
import { engagementInput, makeTempDir, removeTempDir, validInputs } from '../../fixtures/inputs';

type Listener = (event: IpcMainInvokeEvent, input: unknown) => Promise<unknown>;

/** Both envelope shapes in one, so assertions can read either side without narrowing. */
interface Envelope {
  ok: boolean;
  value: { id: string } & Record<string, unknown>;
  error: AppErrorShape & { details: { issues?: FieldIssue[]; reason?: string } };
}

/** ipcMain as Electron behaves: a second handle() on one channel throws. */
function fakeIpcMain() {
  const handlers = new Map<string, Listener>();
  return {
    handlers,
    handle: vi.fn((channel: string, l: Listener) => {
      if (handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
      handlers.set(channel, l);
    }),
    removeHandler: vi.fn((channel: string) => void handlers.delete(channel)),
  };
}

const frameEvent = (url: string | null) =>
  ({ senderFrame: url === null ? null : { url } }) as unknown as IpcMainInvokeEvent;
const APP = frameEvent('app://bimtek/index.html');

let dir: string;
let backend: Backend;
let ipc: ReturnType<typeof fakeIpcMain>;
let logs: string[];

const invoke = (op: OpName, input: unknown, event: IpcMainInvokeEvent = APP) =>
  ipc.handlers.get(ipcChannel(op))!(event, input) as Promise<Envelope>;

beforeEach(() => {
  dir = makeTempDir('bimtek-ipc-');
  logs = [];
  backend = createBackend({
    dataDir: dir,
    mode: 'electron',
    version: '0.0.0-test',
    settings: memorySettings(),
    log: () => {},
  });
  ipc = fakeIpcMain();
  registerIpc(ipc, backend.handlers, isTrustedSender, { language: backend.language, log: (m) => logs.push(m) });
});

afterEach(() => {
  backend.close();
  removeTempDir(dir);
});

describe('registerIpc', () => {
  it('registers exactly one handler per contract operation, on its channel', () => {
    expect(ipc.handle).toHaveBeenCalledTimes(OP_NAMES.length);
    expect([...ipc.handlers.keys()].sort()).toEqual(OP_NAMES.map((op) => ipcChannel(op)).sort());
  });

  it('removes every handler again', () => {
    const ipc2 = fakeIpcMain();
    const unregister = registerIpc(ipc2, backend.handlers);
    unregister();
    expect(ipc2.handlers.size).toBe(0);
    // Registering again after removal works (no leftover channel).
    expect(() => registerIpc(ipc2, backend.handlers)).not.toThrow();
  });

  it('returns the handler result to a trusted frame', async () => {
    const created = await invoke('engagements.create', engagementInput());
    expect(created.ok).toBe(true);
    const list = await invoke('engagements.list', {});
    expect(list).toMatchObject({ ok: true, value: [{ id: created.value.id, regionName: 'Kediri' }] });
    const info = await invoke('app.info', {});
    expect(info).toMatchObject({ ok: true, value: { mode: 'electron', dataDir: dir, store: { status: 'ready' } } });
  });

  it('returns a VALIDATION envelope for bad input, with the field', async () => {
    const r = await invoke('engagements.create', { ...engagementInput(), year: 1800 });
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: MESSAGES.id.errors.invalidInput } });
    expect(r.error.details.issues).toEqual(expect.arrayContaining([expect.objectContaining({ path: ['year'] })]));
    expect((await invoke('engagements.list', {})).value).toEqual([]);
  });

  it.each([
    ['another origin', 'https://evil.example/'],
    ['a local web page', 'http://127.0.0.1:4173/'],
    ['a file page', 'file:///tmp/x.html'],
    ['a look-alike host', 'app://bimtek.evil/index.html'],
    ['a frame that is gone', null],
  ])('refuses a call from %s and runs nothing', async (_name, url) => {
    const r = await invoke('engagements.create', engagementInput(), frameEvent(url));
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION', details: { reason: 'untrustedSender' } } });
    expect(r.error.message).toBe(MESSAGES.id.errors.unknownOperation);
    expect((await invoke('engagements.list', {})).value).toEqual([]);
    expect(logs.some((l) => l.includes('untrusted'))).toBe(true);
  });

  it('refuses in the UI language', async () => {
    await invoke('settings.update', { language: 'en' });
    const r = await invoke('app.info', {}, frameEvent('https://evil.example/'));
    expect(r.error.message).toBe(MESSAGES.en.errors.unknownOperation);
  });

  it('treats a frame whose url cannot be read as untrusted', () => {
    const event = {
      get senderFrame() {
        throw new Error('Render frame was disposed before WebFrameMain could be accessed');
      },
    } as unknown as IpcMainInvokeEvent;
    expect(isTrustedSender(event)).toBe(false);
  });

  it('never throws: every valid, invalid or hostile input resolves to an envelope', async () => {
    const inputs = validInputs();
    const hostile: unknown[] = [undefined, null, 42, 'x', [], { __proto__: { id: 1 } }, { id: '../../etc' }];
    for (const op of OP_NAMES) {
      for (const input of [inputs[op], ...hostile]) {
        const r = await invoke(op, input);
        expect(typeof r.ok).toBe('boolean');
        if (!r.ok) expect(['VALIDATION', 'NOT_FOUND', 'CONFLICT']).toContain(r.error.code);
      }
    }
  });

  it('turns a handler that throws or rejects into an INTERNAL envelope', async () => {
    const ipc2 = fakeIpcMain();
    const broken = Object.fromEntries(
      OP_NAMES.map((op, i) => [
        op,
        i % 2
          ? () => Promise.reject(new Error('boom'))
          : () => {
              throw new Error('sync boom');
            },
      ]),
    ) as unknown as IpcHandlers;
    const seen: unknown[] = [];
    registerIpc(ipc2, broken, isTrustedSender, { language: () => 'en', log: (_m, e) => seen.push(e) });
    for (const op of OP_NAMES) {
      const r = await ipc2.handlers.get(ipcChannel(op))!(APP, {});
      expect(r).toEqual({ ok: false, error: { code: 'INTERNAL', message: MESSAGES.en.errors.internal } });
    }
    expect(seen).toHaveLength(OP_NAMES.length);
  });

  it('refuses everything when the trust check itself throws', async () => {
    const ipc2 = fakeIpcMain();
    registerIpc(
      ipc2,
      backend.handlers,
      () => {
        throw new Error('bad check');
      },
      { log: () => {} },
    );
    const r = (await ipc2.handlers.get(ipcChannel('engagements.create'))!(APP, engagementInput())) as Result<unknown>;
    expect(r.ok).toBe(false);
    expect((await invoke('engagements.list', {})).value).toEqual([]);
  });
});

describe('forwardChanges', () => {
  function target(url: string, destroyed = false) {
    const sent: [string, unknown][] = [];
    const t: ChangeTarget & { sent: typeof sent } = {
      sent,
      send: (channel: string, payload: unknown) => void sent.push([channel, payload]),
      isDestroyed: () => destroyed,
      getURL: () => url,
    };
    return t;
  }

  it('sends each change of a real mutation to every live app window, and only to those', async () => {
    const facilitator = target('app://bimtek/index.html');
    const projector = target('app://bimtek/projector');
    const closed = target('app://bimtek/index.html', true);
    const foreign = target('https://example.com/');
    const stop = forwardChanges(backend.bus, () => [facilitator, closed, foreign, projector]);
    const created = await invoke('engagements.create', engagementInput());
    const expected: ChangeEvent = {
      entity: 'engagement',
      id: created.value.id,
      action: 'created',
      engagementId: created.value.id,
    };
    expect(facilitator.sent).toEqual([[CHANGE_CHANNEL, expected]]);
    expect(projector.sent).toEqual([[CHANGE_CHANNEL, expected]]);
    expect(closed.sent).toEqual([]);
    expect(foreign.sent).toEqual([]);
    stop();
    await invoke('settings.update', { language: 'en' });
    expect(facilitator.sent).toHaveLength(1);
  });

  it('keeps sending to the others when one window fails', async () => {
    const broken = {
      ...target('app://bimtek/'),
      send: () => {
        throw new Error('Object has been destroyed');
      },
    };
    const ok = target('app://bimtek/');
    forwardChanges(backend.bus, () => [broken, ok]);
    await invoke('settings.update', { language: 'en' });
    expect(ok.sent).toEqual([[CHANGE_CHANNEL, { entity: 'settings', id: 'preferences', action: 'updated' }]]);
  });
});
