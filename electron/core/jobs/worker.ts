import { parentPort } from 'node:worker_threads';
import { serializeError } from './errors';
import { runTask } from './tasks';
import type { JobProgress, JobProgressMessage, JobReply, JobRequest } from './types';

/** Buffers of a result to move to the caller instead of copying (a 2 MB DOCX, for one). */
function transferables(value: unknown): { value: unknown; transfer: ArrayBuffer[] } {
  const own = (u: Uint8Array) =>
    // A view into a larger or shared buffer (Node's pool) is copied first: transferring would
    // detach memory that other values still use.
    u.byteOffset === 0 && u.byteLength === u.buffer.byteLength && u.buffer instanceof ArrayBuffer
      ? u
      : new Uint8Array(u);
  if (value instanceof Uint8Array) {
    const v = own(value);
    return { value: v, transfer: [v.buffer as ArrayBuffer] };
  }
  if (value && typeof value === 'object' && (value as { bytes?: unknown }).bytes instanceof Uint8Array) {
    const bytes = own((value as { bytes: Uint8Array }).bytes);
    return { value: { ...value, bytes }, transfer: [bytes.buffer as ArrayBuffer] };
  }
  // A file with something beside it ({ file: { bytes }, code }): the file's bytes move too.
  const file = value && typeof value === 'object' ? (value as { file?: unknown }).file : undefined;
  if (file && typeof file === 'object' && (file as { bytes?: unknown }).bytes instanceof Uint8Array) {
    const inner = transferables(file);
    return { value: { ...(value as object), file: inner.value }, transfer: inner.transfer };
  }
  return { value, transfer: [] };
}

const port = parentPort;
if (!port) throw new Error('jobs worker: must run in a worker thread');

port.on('message', (msg: JobRequest) => {
  void (async () => {
    let reply: JobReply;
    let transfer: ArrayBuffer[] = [];
    try {
      const report = (progress: JobProgress) => port.postMessage({ id: msg.id, progress } satisfies JobProgressMessage);
      const out = transferables(await runTask(msg.kind, msg.input as never, report));
      transfer = out.transfer;
      reply = { id: msg.id, ok: true, value: out.value };
    } catch (e) {
      reply = { id: msg.id, ok: false, error: serializeError(e) };
    }
    port.postMessage(reply, transfer);
  })();
});
