import type { SaveFileRequest } from '../../shared/bridge';
import { type FileOpName, type OpName, type OpOutput, type OpInput } from '../../shared/contract';
import type { AppErrorShape, Result } from '../../shared/errors';
import { callerHeaders, offline, transport } from './api';

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
  download(new Blob([base64ToBytes(file.data)], { type: file.mime }), file.fileName);
  return { status: 'saved' };
}

/** The operations that make a file (an export), derived from the contract. */
export type FileOp = FileOpName;

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
  // Browser mode: the host answers the file itself (`POST /files/<op>`), not base64 inside JSON.
  let res: Response;
  try {
    res = await fetch(`./files/${op}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...callerHeaders() },
      body: JSON.stringify(input ?? {}),
    });
  } catch {
    const { error } = offline() as { error: AppErrorShape };
    return { status: 'failed', message: error.message, error };
  }
  if ((res.headers.get('content-type') ?? '').startsWith('application/json')) {
    const r = (await res.json()) as Result<unknown>;
    if (!r.ok) return { status: 'failed', message: r.error.message, error: r.error };
  }
  const fileName = decodeURIComponent(res.headers.get('x-file-name') ?? '') || op;
  download(await res.blob(), fileName);
  return { status: 'saved', fileName };
}

/** Hand bytes to the browser as a download (it asks where, or puts them in Downloads). */
function download(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
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

/**
 * Send a file the user picked to an operation that takes a file by reference (`UPLOAD_OPS`), in
 * browser mode: the bytes stream as the request body to `POST /upload/<op>` (no base64, no size
 * cap but the disk), and the host answers the operation's result, run on the token it issued.
 */
export async function uploadFile<K extends OpName>(op: K, file: File): Promise<Result<OpOutput<K>>> {
  try {
    const res = await fetch(`./upload/${op}?fileName=${encodeURIComponent(file.name)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream', ...callerHeaders() },
      body: file,
    });
    return (await res.json()) as Result<OpOutput<K>>;
  } catch {
    return offline();
  }
}
