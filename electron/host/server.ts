import fs from 'node:fs';
import { pipeline } from 'node:stream/promises';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { FilePayload } from '../../shared/attendance';
import {
  DEVICE_HEADER,
  eventFor,
  FILE_OPS,
  isOpName,
  isRole,
  mayCall,
  opDef,
  ROLE_HEADER,
  UPLOAD_OPS,
  type OpName,
  type Role,
} from '../../shared/contract';
import type { z } from 'zod';
import { CSP } from '../../shared/csp';
import { errorShape } from '../../shared/messages';
import { maxLengthOf } from '../../shared/validation';
import type { Backend } from '../core/backend';
import { payloadBytes, payloadFile } from '../core/documents/file-payload';
import { rawJsonOf } from '../core/jobs/raw-json';
import { ioKey, type Caller } from '../core/handlers';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

/**
 * Largest JSON request body accepted (images of signatures and emblems travel as data URLs).
 * Packages do not pass here: they stream to `POST /upload/<op>`, capped only by the disk.
 */
export const MAX_BODY_BYTES = 8 * 1024 * 1024;

/**
 * The body an operation may need: more than `MAX_BODY_BYTES` only where its input's `data` (a
 * file as base64: a phone's photo for the minutes) may be longer, and only for the facilitator's
 * own pages — a device on the room network never sends more than `MAX_BODY_BYTES`. Derived from
 * the contract's schema, never listed.
 */
export function bodyLimit(name: OpName, caller: Caller | null): number {
  if (caller?.role !== 'facilitator') return MAX_BODY_BYTES;
  const data = (opDef(name).input as unknown as { shape?: Record<string, z.ZodType> }).shape?.data;
  const max = data ? maxLengthOf(data) : undefined;
  return max === undefined ? MAX_BODY_BYTES : Math.max(MAX_BODY_BYTES, max + 64 * 1024);
}

export interface HostOptions {
  backend: Backend;
  /** Folder with the built renderer (index.html); null serves only the API. */
  rendererDir: string | null;
  port: number;
  /** 127.0.0.1 unless the user turned on the room-network mode explicitly. */
  host?: string;
  /** Whether a request comes from this machine (tests replace it to play a tablet). */
  isLocal?(remoteAddress: string | undefined): boolean;
}

/** HTTP status of a refused call (the envelope says the rest); other errors answer 200. */
const HTTP_STATUS: Partial<Record<string, number>> = { UNKNOWN_OPERATION: 404, VALIDATION: 400, FORBIDDEN: 403 };

const isLoopback = (addr: string | undefined) => addr === '127.0.0.1' || addr === '::1' || addr === '::ffff:127.0.0.1';

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  const data = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  res.end(data);
}

/** A success envelope around a value that is already JSON bytes (see core/jobs/raw-json.ts). */
function sendRawValue(res: http.ServerResponse, value: Uint8Array): void {
  const head = Buffer.from('{"ok":true,"value":');
  const tail = Buffer.from('}');
  res.writeHead(200, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': head.length + value.byteLength + tail.length,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  res.write(head);
  res.write(value);
  res.end(tail);
}

/** The body as text; rejects with `tooLarge` past the limit, still reading (and dropping) the rest
 * so the 413 answer reaches the client instead of a reset connection. */
function readBody(req: http.IncomingMessage, limit = MAX_BODY_BYTES): Promise<string> {
  return new Promise((resolve, reject) => {
    const tooLarge = () => Object.assign(new Error('too large'), { tooLarge: true });
    if (Number(req.headers['content-length'] ?? 0) > limit) {
      req.resume();
      reject(tooLarge());
      return;
    }
    let size = 0;
    let over = false;
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > limit) over = true;
      if (!over) chunks.push(c);
    });
    req.on('end', () => (over ? reject(tooLarge()) : resolve(Buffer.concat(chunks).toString('utf8'))));
    req.on('error', reject);
  });
}

/**
 * Browser mode: serves the built renderer and the contract's handlers over HTTP
 * (`POST /api/<operation>`), live change events over SSE (`GET /api/events`) and `GET /healthz`.
 */
export function createHostServer(opts: HostOptions) {
  const { backend } = opts;
  const bindHost = opts.host ?? '127.0.0.1';
  /** Live-event subscribers, each with its role: every event is filtered for it (`eventFor`). */
  const clients = new Map<http.ServerResponse, Caller>();
  const unsubscribe = backend.bus.subscribe((event) => {
    const lines = new Map<Role, string | null>();
    for (const [c, caller] of clients) {
      const { role } = caller;
      if (role === 'group-device') {
        // Each paired device hears its own group only, and nothing once its token is revoked.
        const groupId = caller.device ? backend.deviceGroup(caller.device) : null;
        const visible = groupId ? eventFor(role, event, { groupId }) : null;
        if (visible) c.write(`event: change\ndata: ${JSON.stringify(visible)}\n\n`);
        continue;
      }
      if (!lines.has(role)) {
        const visible = eventFor(role, event);
        lines.set(role, visible ? `event: change\ndata: ${JSON.stringify(visible)}\n\n` : null);
      }
      const line = lines.get(role);
      if (line) c.write(line);
    }
  });

  const isRemote = (req: http.IncomingMessage) => !(opts.isLocal ?? isLoopback)(req.socket.remoteAddress);

  /**
   * Who is calling: another device is a room device; a page here plays the role it declares, or
   * the facilitator's when it declares none. A declaration that names no role is refused (null):
   * a typo must not widen what a page may do.
   */
  const callerOf = (req: http.IncomingMessage, url: URL): Caller | null => {
    const address = req.socket.remoteAddress ?? '?';
    // A paired device, here or on the room network: the core holds it to the group of its token.
    const device = req.headers[DEVICE_HEADER] ?? url.searchParams.get('device');
    if (typeof device === 'string' && device !== '')
      return { role: 'group-device', key: `${isRemote(req) ? 'remote' : 'http'}:${address}`, device };
    if (isRemote(req)) return { role: 'room-device', key: `remote:${address}` };
    const declared = req.headers[ROLE_HEADER] ?? url.searchParams.get('role');
    if (declared === undefined || declared === null) return { role: 'facilitator', key: `http:${address}` };
    return isRole(declared) ? { role: declared, key: `http:${address}` } : null;
  };
  const refuseRole = (res: http.ServerResponse) =>
    sendJson(res, 403, { ok: false, error: errorShape(backend.language(), 'FORBIDDEN', 'forbiddenForRole') });

  const allowedHost = (req: http.IncomingMessage, port: number): boolean => {
    // Guards against DNS rebinding: Host must name this machine by address, never by a domain
    // name someone else controls. In room-network mode any IPv4 address of ours will do.
    const h = req.headers.host ?? '';
    if (h === `127.0.0.1:${port}` || h === `localhost:${port}`) return true;
    return bindHost !== '127.0.0.1' && new RegExp(`^\\d{1,3}(\\.\\d{1,3}){3}:${port}$`).test(h);
  };

  const server = http.createServer((req, res) => {
    handle(req, res).catch((e) => {
      backend.log('host: request failed', e);
      if (!res.headersSent)
        sendJson(res, 500, {
          ok: false,
          error: errorShape(backend.language(), 'INTERNAL', 'internal'),
        });
      else res.end();
    });
  });

  const handle = async (req: http.IncomingMessage, res: http.ServerResponse) => {
    const port = (server.address() as AddressInfo).port;
    if (!allowedHost(req, port)) {
      res.writeHead(421).end();
      return;
    }
    const url = new URL(req.url ?? '/', 'http://localhost');
    let pathname: string;
    try {
      pathname = decodeURIComponent(url.pathname);
    } catch {
      if (url.pathname.startsWith('/api/')) {
        sendJson(res, 404, {
          ok: false,
          error: errorShape(backend.language(), 'UNKNOWN_OPERATION', 'unknownOperation'),
        });
      } else res.writeHead(400).end();
      return;
    }

    if (pathname === '/healthz' && req.method === 'GET') {
      const info = backend.info();
      // Where the data lives (a path with the user's name) is for this machine only.
      const { file: _file, ...store } = info.store;
      sendJson(res, 200, {
        ok: info.store.status === 'ready',
        name: info.name,
        version: info.version,
        schemaVersion: info.schemaVersion,
        store: isRemote(req) ? store : info.store,
      });
      return;
    }

    if (pathname === '/api/events' && req.method === 'GET') {
      const caller = callerOf(req, url);
      if (!caller) return refuseRole(res);
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-store',
        connection: 'keep-alive',
      });
      res.write(': connected\n\n');
      clients.set(res, caller);
      req.on('close', () => clients.delete(res));
      return;
    }

    // `/upload/<op>` streams a file (a package of any size) to the data folder's `tmp/`, then runs
    // the operation with the token the core issued for it: `{ fileName, file: <token> }`. The
    // operations that take a file are derived from the contract (`UPLOAD_OPS`).
    if (pathname.startsWith('/upload/')) {
      if (req.method !== 'POST') {
        res.writeHead(405, { allow: 'POST' }).end();
        return;
      }
      const origin = req.headers.origin;
      if (origin && !sameOrigin(origin, req.headers.host)) {
        req.resume();
        sendJson(res, 403, { ok: false, error: errorShape(backend.language(), 'FORBIDDEN', 'forbiddenOrigin') });
        return;
      }
      const name = pathname.slice('/upload/'.length) as OpName;
      if (!UPLOAD_OPS.includes(name)) {
        req.resume();
        sendJson(res, 404, {
          ok: false,
          error: errorShape(backend.language(), 'UNKNOWN_OPERATION', 'unknownOperation'),
        });
        return;
      }
      // The role is checked before a byte is written: a caller who may not run the operation
      // cannot fill the disk either. The core checks it again on dispatch, as for every call.
      const caller = callerOf(req, url);
      if (!caller) {
        req.resume();
        return refuseRole(res);
      }
      if (!mayCall(caller.role, name)) {
        req.resume();
        const key = caller.role === 'room-device' ? 'roomNetworkForbidden' : 'forbiddenForRole';
        sendJson(res, 403, {
          ok: false,
          error: errorShape(backend.language(), 'FORBIDDEN', key, { role: caller.role }),
        });
        return;
      }
      const uploads = backend.services?.uploads;
      if (!uploads) {
        req.resume();
        sendJson(res, 200, {
          ok: false,
          error: errorShape(backend.language(), 'STORE_UNAVAILABLE', 'storeUnavailable'),
        });
        return;
      }
      const { token, file } = uploads.create();
      const declared = req.headers['content-length'];
      try {
        await pipeline(req, fs.createWriteStream(file, { flags: 'wx' }));
        // A body shorter than it said it was (a cut connection that still ended) is not a file.
        if (declared !== undefined && fs.statSync(file).size !== Number(declared)) throw new Error('cut upload');
      } catch (e) {
        fs.rmSync(file, { force: true });
        backend.log('host: upload not completed', e);
        if (!res.headersSent && !res.destroyed) {
          // The disk filled up (or the folder went away) while receiving: say so; otherwise the
          // body was cut and what arrived is not the file.
          const code = (e as { code?: string }).code ?? '';
          sendJson(
            res,
            /^E[A-Z]+$/.test(code) && code !== 'ECONNRESET' ? 200 : 400,
            /^E[A-Z]+$/.test(code) && code !== 'ECONNRESET'
              ? { ok: false, error: errorShape(backend.language(), 'IO', ioKey(code)) }
              : { ok: false, error: errorShape(backend.language(), 'VALIDATION', 'packageDamaged') },
          );
        }
        return;
      }
      uploads.accept(token, file);
      const fileName = url.searchParams.get('fileName') ?? '';
      const result = await backend.handlers.dispatch(name, { fileName, file: token }, caller);
      // A refused call leaves nothing behind; an accepted one keeps its file for the core to use.
      if (!result.ok) uploads.release(token);
      sendJson(res, result.ok ? 200 : (HTTP_STATUS[result.error.code] ?? 200), result);
      return;
    }

    // `/files/<op>` runs a file-making operation like `/api/<op>` (same checks, same envelope when
    // refused) and answers the file itself, as bytes: no base64 inside JSON for a 5 MB document.
    const fileRoute = pathname.startsWith('/files/');
    if (pathname.startsWith('/api/') || fileRoute) {
      if (req.method !== 'POST') {
        res.writeHead(405, { allow: 'POST' }).end();
        return;
      }
      // A page from another origin must not drive the API (CSRF from a browser tab): browsers
      // send Origin on every POST, and ours is the same host the request was sent to.
      const origin = req.headers.origin;
      if (origin && !sameOrigin(origin, req.headers.host)) {
        sendJson(res, 403, {
          ok: false,
          error: errorShape(backend.language(), 'FORBIDDEN', 'forbiddenOrigin'),
        });
        return;
      }
      const name = pathname.slice(fileRoute ? '/files/'.length : '/api/'.length);
      if (fileRoute && !FILE_OPS.includes(name as OpName)) {
        sendJson(res, 404, {
          ok: false,
          error: errorShape(backend.language(), 'UNKNOWN_OPERATION', 'unknownOperation'),
        });
        return;
      }
      let body: unknown;
      try {
        const text = await readBody(req, isOpName(name) ? bodyLimit(name, callerOf(req, url)) : MAX_BODY_BYTES);
        body = text.trim() === '' ? {} : JSON.parse(text);
      } catch (e) {
        const l = backend.language();
        const tooLarge = (e as { tooLarge?: boolean }).tooLarge;
        sendJson(res, tooLarge ? 413 : 400, {
          ok: false,
          error: errorShape(l, 'VALIDATION', 'invalidInput', {
            issues: [{ path: [], code: tooLarge ? 'tooLong' : 'invalid' }],
          }),
        });
        return;
      }
      // The role check, the input check and what personal data the answer may carry are the core's.
      const caller = callerOf(req, url);
      if (!caller) return refuseRole(res);
      const result = await backend.handlers.dispatch(name, body, caller);
      const status = result.ok ? 200 : (HTTP_STATUS[result.error.code] ?? 200);
      if (fileRoute && result.ok) {
        sendFile(res, result.value as FilePayload);
        return;
      }
      // An answer a worker already serialised is written as it is (see raw-json.ts).
      const raw = result.ok ? rawJsonOf(result.value) : null;
      if (raw !== null) sendRawValue(res, raw);
      else sendJson(res, status, result);
      return;
    }

    serveStatic(opts.rendererDir, pathname, res);
  };

  return {
    server,
    listen(): Promise<string> {
      return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(opts.port, bindHost, () => {
          const { port } = server.address() as AddressInfo;
          resolve(`http://${bindHost}:${port}/`);
        });
      });
    },
    close(): Promise<void> {
      unsubscribe();
      for (const c of clients.keys()) c.end();
      clients.clear();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

/**
 * A file answer: its bytes, its type, and its name (RFC 6266/5987, and plainly in `x-file-name`).
 * A file the core left on disk (a package) is streamed from there and removed once sent or dropped.
 */
function sendFile(res: http.ServerResponse, file: FilePayload): void {
  const onDisk = payloadFile(file);
  const encoded = encodeURIComponent(file.fileName);
  const headers = {
    'content-type': file.mime,
    'content-disposition': `attachment; filename*=UTF-8''${encoded}`,
    'x-file-name': encoded,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  };
  if (onDisk) {
    const remove = () => fs.rm(onDisk, { force: true }, () => {});
    res.writeHead(200, { ...headers, 'content-length': fs.statSync(onDisk).size });
    void pipeline(fs.createReadStream(onDisk), res).then(remove, remove);
    return;
  }
  const bytes = payloadBytes(file);
  res.writeHead(200, {
    'content-type': file.mime,
    'content-length': bytes.byteLength,
    'content-disposition': `attachment; filename*=UTF-8''${encoded}`,
    'x-file-name': encoded,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  res.end(bytes);
}

function sameOrigin(origin: string, host: string | undefined): boolean {
  try {
    const o = new URL(origin);
    return o.protocol === 'http:' && o.host === host;
  } catch {
    return false;
  }
}

function serveStatic(root: string | null, pathname: string, res: http.ServerResponse): void {
  if (!root) {
    res.writeHead(404).end();
    return;
  }
  let rel = pathname;
  if (rel === '/' || rel === '') rel = '/index.html';
  const file = path.resolve(root, '.' + rel);
  if (!file.startsWith(path.resolve(root) + path.sep)) {
    res.writeHead(403).end();
    return;
  }
  let target = file;
  if (!fs.existsSync(target) || fs.statSync(target).isDirectory()) {
    // Unknown paths get the app (client-side routes), unless they look like an asset.
    if (path.extname(rel)) {
      res.writeHead(404).end();
      return;
    }
    target = path.join(root, 'index.html');
  }
  const ext = path.extname(target);
  const headers: Record<string, string> = {
    'content-type': TYPES[ext] ?? 'application/octet-stream',
    'x-content-type-options': 'nosniff',
    'cache-control': ext === '.html' ? 'no-store' : 'public, max-age=31536000, immutable',
  };
  if (ext === '.html') {
    headers['content-security-policy'] = CSP;
    headers['x-frame-options'] = 'DENY';
    headers['referrer-policy'] = 'no-referrer';
  }
  res.writeHead(200, headers);
  fs.createReadStream(target).pipe(res);
}
