import type { IpcMainInvokeEvent } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { registerOpenFile, type OpenFileDeps } from '../../../electron/shell/open-file';
import { OPEN_FILE_CHANNEL } from '../../../shared/bridge';
import type { Role } from '../../../shared/contract';

type Handler = (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<unknown>;

function setup(role: Role | null, trusted = true, picked: string | null = '/home/u/Kota Kediri 2019.bimtek') {
  const handlers = new Map<string, Handler>();
  const ipc = {
    handle: (channel: string, h: Handler) => handlers.set(channel, h),
    removeHandler: (channel: string) => handlers.delete(channel),
  };
  const deps: OpenFileDeps = {
    showOpenDialog: vi.fn(() =>
      Promise.resolve(picked ? { canceled: false, filePaths: [picked] } : { canceled: true, filePaths: [] }),
    ),
    adopt: vi.fn(() => 'ab'.repeat(16)),
    roleOf: () => role,
    defaultDir: () => '/home/u/Documents',
    language: () => 'id',
  };
  const remove = registerOpenFile(ipc as never, deps, () => trusted);
  const open = (op: unknown, exts: unknown) => handlers.get(OPEN_FILE_CHANNEL)!({} as IpcMainInvokeEvent, op, exts);
  return { deps, open, remove, handlers };
}

describe('the open-file channel (desktop imports by token)', () => {
  it('gives the page a token and the name, never the path, and filters by extension', async () => {
    const { deps, open } = setup('facilitator');
    expect(await open('packages.preview', ['bimtek', '../x', 'a'.repeat(40)])).toEqual({
      picked: true,
      file: 'ab'.repeat(16),
      fileName: 'Kota Kediri 2019.bimtek',
    });
    expect(deps.adopt).toHaveBeenCalledWith('/home/u/Kota Kediri 2019.bimtek');
    const options = (deps.showOpenDialog as ReturnType<typeof vi.fn>).mock.calls[0][1] as {
      filters: { extensions: string[] }[];
    };
    expect(options.filters[0].extensions).toEqual(['bimtek']);
  });

  it('refuses an untrusted frame, a role that may not import, and an operation that takes no file', async () => {
    for (const [role, trusted, op] of [
      ['facilitator', false, 'packages.preview'],
      ['kiosk', true, 'packages.preview'],
      ['projector', true, 'packages.import'],
      ['facilitator', true, 'engagements.delete'],
      ['facilitator', true, { toString: () => 'packages.preview' }],
    ] as const) {
      const { deps, open } = setup(role, trusted);
      const r = (await open(op, ['bimtek'])) as { picked: boolean; error?: string };
      expect(r.picked).toBe(false);
      expect(r.error).toBeTruthy();
      expect(deps.showOpenDialog).not.toHaveBeenCalled();
      expect(deps.adopt).not.toHaveBeenCalled();
    }
  });

  it('a cancelled dialog registers nothing; the channel can be removed', async () => {
    const { deps, open, remove, handlers } = setup('facilitator', true, null);
    expect(await open('packages.preview', ['bimtek'])).toEqual({ picked: false });
    expect(deps.adopt).not.toHaveBeenCalled();
    remove();
    expect(handlers.has(OPEN_FILE_CHANNEL)).toBe(false);
  });
});
