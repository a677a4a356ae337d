import type { IpcMainInvokeEvent } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createBackend, type Backend } from '../../../electron/core/backend';
import { memorySettings } from '../../../electron/core/settings';
import {
  createWindowRoles,
  forwardChanges,
  isTrustedSender,
  registerIpc,
  type ChangeTarget,
  type WindowRoles,
} from '../../../electron/shell/ipc';
import {
  CALL_CHANNEL,
  CHANGE_CHANNEL,
  mayCall,
  OP_NAMES,
  ROLES,
  type OpName,
  type Role,
} from '../../../shared/contract';
import type { ChangeEvent } from '../../../shared/domain';
import type { AppErrorShape, FieldIssue, Result } from '../../../shared/errors';
import { MESSAGES } from '../../../shared/messages';
import { engagementInput, makeTempDir, removeTempDir, validInputs } from '../../fixtures/inputs';

type Listener = (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<unknown>;

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

/** A window's contents as the role registry sees them. */
const contents = (id: number) => ({ id, once: () => {} });
const FACILITATOR_WINDOW = contents(1);
const frameEvent = (url: string | null, sender: { id: number } = FACILITATOR_WINDOW) =>
  ({ senderFrame: url === null ? null : { url }, sender }) as unknown as IpcMainInvokeEvent;
const APP = frameEvent('app://bimtek/index.html');

let dir: string;
let backend: Backend;
let ipc: ReturnType<typeof fakeIpcMain>;
let logs: string[];
let roles: WindowRoles;

const invoke = (op: OpName, input: unknown, event: IpcMainInvokeEvent = APP) =>
  ipc.handlers.get(CALL_CHANNEL)!(event, op, input) as Promise<Envelope>;

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
  roles = createWindowRoles();
  roles.assign(FACILITATOR_WINDOW, 'facilitator');
  registerIpc(ipc, backend.handlers.dispatch, roles, { language: backend.language, log: (m) => logs.push(m) });
});

afterEach(() => {
  backend.close();
  removeTempDir(dir);
});

describe('registerIpc', () => {
  it('registers one handler, on the call channel, through which every operation goes', () => {
    expect(ipc.handle).toHaveBeenCalledTimes(1);
    expect([...ipc.handlers.keys()]).toEqual([CALL_CHANNEL]);
  });

  it('removes the handler again', () => {
    const ipc2 = fakeIpcMain();
    const unregister = registerIpc(ipc2, backend.handlers.dispatch, roles);
    unregister();
    expect(ipc2.handlers.size).toBe(0);
    // Registering again after removal works (no leftover channel).
    expect(() => registerIpc(ipc2, backend.handlers.dispatch, roles)).not.toThrow();
  });

  it.each(['workshops.drop', '', '__proto__', 'constructor', 'toString', 'bimtek:app.info', 42, null])(
    'answers UNKNOWN_OPERATION for %j',
    async (op) => {
      const r = (await ipc.handlers.get(CALL_CHANNEL)!(APP, op, {})) as Envelope;
      expect(r).toMatchObject({ ok: false, error: { code: 'UNKNOWN_OPERATION' } });
    },
  );

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
    expect(r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', details: { reason: 'untrustedSender' } } });
    expect(r.error.message).toBe(MESSAGES.id.errors.untrustedSender);
    expect((await invoke('engagements.list', {})).value).toEqual([]);
    expect(logs.some((l) => l.includes('untrusted'))).toBe(true);
  });

  it('refuses in the UI language', async () => {
    await invoke('settings.update', { language: 'en' });
    const r = await invoke('app.info', {}, frameEvent('https://evil.example/'));
    expect(r.error.message).toBe(MESSAGES.en.errors.untrustedSender);
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
    let calls = 0;
    const broken = (() => {
      calls++;
      if (calls % 2) return Promise.reject(new Error('boom'));
      throw new Error('sync boom');
    }) as unknown as Parameters<typeof registerIpc>[1];
    const seen: unknown[] = [];
    registerIpc(ipc2, broken, roles, { language: () => 'en', log: (_m, e) => seen.push(e) });
    for (const op of OP_NAMES) {
      const r = await ipc2.handlers.get(CALL_CHANNEL)!(APP, op, {});
      expect(r).toMatchObject({ ok: false, error: { code: 'INTERNAL', message: MESSAGES.en.errors.internal } });
    }
    expect(seen).toHaveLength(OP_NAMES.length);
  });

  it('refuses everything when the trust check itself throws', async () => {
    const ipc2 = fakeIpcMain();
    registerIpc(ipc2, backend.handlers.dispatch, roles, {
      isTrusted: () => {
        throw new Error('bad check');
      },
      log: () => {},
    });
    const r = (await ipc2.handlers.get(CALL_CHANNEL)!(APP, 'engagements.create', engagementInput())) as Result<unknown>;
    expect(r.ok).toBe(false);
    expect((await invoke('engagements.list', {})).value).toEqual([]);
  });
});

describe('window roles at the IPC boundary', () => {
  /** One window per role, plus one the shell never gave a role. */
  const windows = Object.fromEntries(ROLES.map((r, i) => [r, contents(10 + i)])) as unknown as Record<
    Role,
    ReturnType<typeof contents>
  >;
  beforeEach(() => {
    for (const r of ROLES) roles.assign(windows[r], r);
  });

  // Derived from the contract: a new operation is covered here without a new test.
  it.each(ROLES.filter((r) => r !== 'facilitator'))(
    'a %s window is refused every operation its role may not call, and nothing is written',
    async (role) => {
      const inputs = validInputs();
      const forbidden = OP_NAMES.filter((op) => !mayCall(role, op));
      expect(forbidden.length).toBeGreaterThan(0);
      for (const op of forbidden) {
        const r = await invoke(op, inputs[op], frameEvent('app://bimtek/index.html', windows[role]));
        expect(r.error?.code, op).toBe('FORBIDDEN');
      }
      expect((await invoke('engagements.list', {})).value).toEqual([]);
    },
  );

  it('a window without a role is refused everything', async () => {
    const r = await invoke('app.info', {}, frameEvent('app://bimtek/index.html', contents(99)));
    expect(r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', details: { reason: 'noRole' } } });
  });

  it('a closed window loses its role', async () => {
    const listeners: (() => void)[] = [];
    const wc = { id: 50, once: (_e: 'destroyed', l: () => void) => void listeners.push(l) };
    roles.assign(wc, 'facilitator');
    expect(roles.roleOf(wc)).toBe('facilitator');
    listeners.forEach((l) => l());
    expect(roles.roleOf(wc)).toBeNull();
  });

  it('a kiosk window gets the register with phones masked and no e-mail', async () => {
    const e = (await invoke('engagements.create', engagementInput())).value.id;
    await invoke('participants.create', {
      engagementId: e,
      name: 'Siti Aminah',
      phone: '081234567890',
      email: 'siti@kedirikota.go.id',
    });
    const kiosk = await invoke('participants.list', { engagementId: e }, frameEvent('app://bimtek/', windows.kiosk));
    const list = kiosk.value as unknown as { phone: string; email: string }[];
    expect(list).toHaveLength(1);
    expect(list[0].phone).toBe('0812••••7890');
    expect(list[0].email).toBe('');
    const own = await invoke('participants.list', { engagementId: e });
    expect((own.value as unknown as { phone: string }[])[0].phone).toBe('081234567890');
  });
});

describe('forwardChanges', () => {
  let nextId = 100;
  function target(url: string, destroyed = false, role: Role | null = 'facilitator') {
    const sent: [string, unknown][] = [];
    const id = nextId++;
    if (role) roles.assign(contents(id), role);
    const t: ChangeTarget & { sent: typeof sent } = {
      id,
      sent,
      send: (channel: string, payload: unknown) => void sent.push([channel, payload]),
      isDestroyed: () => destroyed,
      getURL: () => url,
    };
    return t;
  }

  it('sends each change of a real mutation to every live app window, and only to those', async () => {
    const facilitator = target('app://bimtek/index.html');
    const projector = target('app://bimtek/projector', false, 'projector');
    const roleless = target('app://bimtek/index.html', false, null);
    const closed = target('app://bimtek/index.html', true);
    const foreign = target('https://example.com/');
    const stop = forwardChanges(backend.bus, () => [facilitator, closed, foreign, projector, roleless], roles);
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
    expect(roleless.sent).toEqual([]);
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
    forwardChanges(backend.bus, () => [broken, ok], roles);
    await invoke('settings.update', { language: 'en' });
    expect(ok.sent).toEqual([[CHANGE_CHANNEL, { entity: 'settings', id: 'preferences', action: 'updated' }]]);
  });

  it('a projector window gets participant changes without the person; a kiosk window without contact data', async () => {
    const facilitator = target('app://bimtek/');
    const projector = target('app://bimtek/', false, 'projector');
    const kiosk = target('app://bimtek/', false, 'kiosk');
    forwardChanges(backend.bus, () => [facilitator, projector, kiosk], roles);
    const e = (await invoke('engagements.create', engagementInput())).value.id;
    await invoke('participants.create', { engagementId: e, name: 'Budi', phone: '081234567890', email: 'b@x.id' });
    const participantEvents = (t: { sent: [string, unknown][] }) =>
      t.sent.map(([, ev]) => ev as ChangeEvent).filter((ev) => ev.entity === 'participant');
    expect(participantEvents(facilitator)[0].record).toMatchObject({ phone: '081234567890', email: 'b@x.id' });
    // The projector's day sheet reloads through its own query; no person reaches it.
    expect(participantEvents(projector)).toHaveLength(1);
    expect(participantEvents(projector)[0]).not.toHaveProperty('record');
    expect(participantEvents(kiosk)[0].record).toMatchObject({ phone: '0812••••7890', email: '' });
  });
});
