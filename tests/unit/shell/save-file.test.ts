import fs from 'node:fs';
import path from 'node:path';
import type { IpcMainInvokeEvent, SaveDialogOptions } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  MAX_SAVE_BYTES,
  parseSaveRequest,
  registerSaveFile,
  safeFileName,
  saveWithDialog,
  type SaveFileDeps,
} from '../../../electron/shell/save-file';
import { SAVE_FILE_CHANNEL } from '../../../shared/bridge';
import { makeTempDir, removeTempDir } from '../../fixtures/inputs';

const DOCX_BYTES = Buffer.from('PK\u0003\u0004 pretend docx bytes');
const request = (overrides: Record<string, unknown> = {}) => ({
  fileName: 'Daftar Hadir Tahap III.docx',
  mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  data: DOCX_BYTES.toString('base64'),
  ...overrides,
});
const event = (url: string | null = 'app://bimtek/index.html') =>
  ({ senderFrame: url === null ? null : { url }, sender: {} }) as unknown as IpcMainInvokeEvent;

let dir: string;
let chosen: string | null;
let deps: SaveFileDeps & { showSaveDialog: ReturnType<typeof vi.fn> };

beforeEach(() => {
  dir = makeTempDir('bimtek-save-');
  chosen = path.join(dir, 'chosen.docx');
  deps = {
    showSaveDialog: vi.fn(async (_e: IpcMainInvokeEvent, _o: SaveDialogOptions) =>
      chosen ? { canceled: false, filePath: chosen } : { canceled: true },
    ),
    writeFile: (file, data) => fs.promises.writeFile(file, data),
    defaultDir: () => '/home/fasilitator/Documents',
    language: () => 'id',
    log: () => {},
  };
});
afterEach(() => removeTempDir(dir));

describe('parseSaveRequest', () => {
  it('accepts a file name, a type and base64 bytes', () => {
    expect(parseSaveRequest(request())).toEqual(request());
  });

  it.each([
    ['nothing', undefined],
    ['a string', 'file.docx'],
    ['an empty name', request({ fileName: '' })],
    ['a name that is not text', request({ fileName: 42 })],
    ['a very long name', request({ fileName: 'a'.repeat(300) })],
    ['bytes that are not base64', request({ data: 'not base64!' })],
    ['bytes that are not text', request({ data: [1, 2, 3] })],
    ['a file above the limit', request({ data: 'AAAA'.repeat(Math.ceil(MAX_SAVE_BYTES / 3) + 1) })],
  ])('refuses %s', (_name, raw) => {
    expect(parseSaveRequest(raw)).toBeNull();
  });
});

describe('safeFileName', () => {
  it.each([
    ['Notulen Bimtek.docx', 'Notulen Bimtek.docx'],
    ['../../.bashrc', 'bashrc'],
    ['../../etc/passwd', 'passwd'],
    ['C:\\Windows\\System32\\evil.dll', 'evil.dll'],
    ['a<b>:c?"d|e*.csv', 'a_b__c__d_e_.csv'],
    ['tab\there.xlsx', 'tab_here.xlsx'],
    ['...', 'ekspor'],
    ['', 'ekspor'],
  ])('%j becomes %j', (input, expected) => {
    expect(safeFileName(input)).toBe(expected);
  });
});

describe('saveWithDialog', () => {
  it('writes the bytes where the user chose', async () => {
    expect(await saveWithDialog(event(), request(), deps)).toEqual({ saved: true, path: chosen });
    expect(fs.readFileSync(chosen!)).toEqual(DOCX_BYTES);
  });

  it('opens the dialog in Documents with the cleaned name and a filter for its type', async () => {
    await saveWithDialog(event(), request({ fileName: '../Daftar Hadir.docx' }), deps);
    const [, options] = deps.showSaveDialog.mock.calls[0] as [IpcMainInvokeEvent, SaveDialogOptions];
    expect(options.defaultPath).toBe(path.join('/home/fasilitator/Documents', 'Daftar Hadir.docx'));
    expect(options.filters).toEqual([{ name: 'DOCX', extensions: ['docx'] }]);
  });

  it('writes nothing when the user cancels', async () => {
    chosen = null;
    expect(await saveWithDialog(event(), request(), deps)).toEqual({ saved: false });
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('says why when the file cannot be written', async () => {
    chosen = path.join(dir, 'no-such-folder', 'x.docx');
    const r = await saveWithDialog(event(), request(), { ...deps, language: () => 'en' });
    expect(r).toEqual({ saved: false, error: 'The file could not be saved (ENOENT).' });
  });

  it('refuses an invalid request without opening the dialog', async () => {
    const r = await saveWithDialog(event(), request({ data: '%%%' }), deps);
    expect(r).toEqual({ saved: false, error: 'Berkas yang akan disimpan tidak valid.' });
    expect(deps.showSaveDialog).not.toHaveBeenCalled();
  });
});

describe('registerSaveFile', () => {
  function setup() {
    const handlers = new Map<string, (e: IpcMainInvokeEvent, raw: unknown) => Promise<unknown>>();
    const ipcMain = {
      handle: vi.fn(
        (ch: string, h: (e: IpcMainInvokeEvent, raw: unknown) => Promise<unknown>) => void handlers.set(ch, h),
      ),
      removeHandler: vi.fn((ch: string) => void handlers.delete(ch)),
    };
    const unregister = registerSaveFile(ipcMain, deps);
    return { handlers, unregister };
  }

  it('saves for a page of the app', async () => {
    const { handlers } = setup();
    expect([...handlers.keys()]).toEqual([SAVE_FILE_CHANNEL]);
    expect(await handlers.get(SAVE_FILE_CHANNEL)!(event(), request())).toEqual({ saved: true, path: chosen });
  });

  it.each(['https://evil.example/', 'file:///tmp/x.html', null])('refuses %s without a dialog', async (url) => {
    const { handlers } = setup();
    const r = await handlers.get(SAVE_FILE_CHANNEL)!(event(url), request());
    expect(r).toEqual({ saved: false, error: 'Permintaan tidak dikenal.' });
    expect(deps.showSaveDialog).not.toHaveBeenCalled();
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('removes its handler', () => {
    const { handlers, unregister } = setup();
    unregister();
    expect(handlers.size).toBe(0);
  });
});
