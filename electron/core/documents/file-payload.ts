import fs from 'node:fs';
import type { FilePayload } from '../../../shared/attendance';
import type { FileBytes, FileOnDisk } from '../jobs/types';

const BYTES = Symbol('file bytes');
const ON_DISK = Symbol('file on disk');

/**
 * A file made by the core, as the contract answers it (`FilePayload`: name, type, base64 data).
 * The base64 text is made only when something reads `data` (the JSON route, `JSON.stringify`);
 * the routes that save bytes (the desktop export channel, `POST /files/<op>`) take the bytes as
 * they came from the worker, so a 5 MB document is never encoded on the loop that answers calls.
 */
export function filePayload(f: FileBytes): FilePayload {
  let data: string | undefined;
  const out = { fileName: f.fileName, mime: f.mime } as FilePayload;
  Object.defineProperty(out, 'data', {
    enumerable: true,
    get: () => (data ??= Buffer.from(f.bytes.buffer, f.bytes.byteOffset, f.bytes.byteLength).toString('base64')),
  });
  Object.defineProperty(out, BYTES, { enumerable: false, value: f.bytes });
  return out;
}

/**
 * A file the core left on disk (a package of any size, in the data folder's `tmp/`): the routes
 * that save files stream it from disk (`POST /files/<op>`) or move it where the user chose (the
 * desktop export channel) and then remove it. Only the JSON route, which no page uses for such a
 * file, would read it whole to make `data`.
 */
export function filePayloadOnDisk(f: FileOnDisk): FilePayload {
  const out = { fileName: f.fileName, mime: f.mime } as FilePayload;
  let data: string | undefined;
  Object.defineProperty(out, 'data', {
    enumerable: true,
    get: () => (data ??= fs.readFileSync(f.file).toString('base64')),
  });
  Object.defineProperty(out, ON_DISK, { enumerable: false, value: f.file });
  return out;
}

/** The temp file behind a file answer made by `filePayloadOnDisk`, or null. */
export function payloadFile(p: FilePayload): string | null {
  return (p as unknown as Record<symbol, string | undefined>)[ON_DISK] ?? null;
}

/** The bytes of a file answer: kept from the worker when there, decoded from base64 otherwise. */
export function payloadBytes(p: FilePayload): Uint8Array {
  const kept = (p as unknown as Record<symbol, Uint8Array | undefined>)[BYTES];
  if (kept) return kept;
  const file = payloadFile(p);
  return file ? fs.readFileSync(file) : Buffer.from(p.data, 'base64');
}
