import type { SaveFileRequest } from '../../shared/bridge';
import type { OpInput } from '../../shared/contract';
import type { AppErrorShape } from '../../shared/errors';
import { call, transport } from './api';

export type SaveOutcome =
  { status: 'saved'; path?: string } | { status: 'cancelled' } | { status: 'failed'; message: string };

function base64ToBytes(data: string): Uint8Array<ArrayBuffer> {
  const bin = atob(data);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return bytes;
}

/**
 * Hand an exported file to the user: the native save dialog under Electron, a download in browser
 * mode (the browser asks where, or puts it in Downloads).
 */
export async function saveFile(file: SaveFileRequest): Promise<SaveOutcome> {
  if (transport === 'electron' && window.bimtek?.saveFile) {
    const r = await window.bimtek.saveFile(file);
    if (r.saved) return { status: 'saved', path: r.path };
    return r.error ? { status: 'failed', message: r.error } : { status: 'cancelled' };
  }
  const blob = new Blob([base64ToBytes(file.data)], { type: file.mime });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = file.fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
  return { status: 'saved' };
}

/** The operations that make a file (an export). */
export type FileOp = 'documents.attendanceList' | 'participants.export';

export type ExportOutcome =
  | { status: 'saved'; path?: string; fileName: string }
  | { status: 'cancelled' }
  | { status: 'failed'; message: string; error?: AppErrorShape };

/**
 * Make a file with an export operation and hand it to the user. In the desktop app the main
 * process makes the file and writes it where the user chooses (the bytes never pass through the
 * page); in browser mode the file comes back and is downloaded.
 */
export async function exportFile<K extends FileOp>(op: K, input: OpInput<K>): Promise<ExportOutcome> {
  if (transport === 'electron' && window.bimtek?.exportFile) {
    const r = await window.bimtek.exportFile(op, input);
    if (r.saved) return { status: 'saved', path: r.path, fileName: r.fileName ?? '' };
    if (r.refusal) return { status: 'failed', message: r.refusal.message, error: r.refusal };
    return r.error ? { status: 'failed', message: r.error } : { status: 'cancelled' };
  }
  const r = await call(op, input);
  if (!r.ok) return { status: 'failed', message: r.error.message, error: r.error };
  const out = await saveFile(r.value);
  return out.status === 'saved' ? { ...out, fileName: r.value.fileName } : out;
}

/** Read a file the user picked as base64 (for imports and the emblem). */
export function readFileBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onerror = () => reject(reader.error);
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.readAsDataURL(file);
  });
}
