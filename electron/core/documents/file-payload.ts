import type { FilePayload } from '../../../shared/attendance';
import type { FileBytes } from '../jobs/types';

const BYTES = Symbol('file bytes');

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

/** The bytes of a file answer: kept from the worker when there, decoded from base64 otherwise. */
export function payloadBytes(p: FilePayload): Uint8Array {
  const kept = (p as unknown as Record<symbol, Uint8Array | undefined>)[BYTES];
  return kept ?? Buffer.from(p.data, 'base64');
}
