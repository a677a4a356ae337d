import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { errorMessage } from '../../shared/messages';
import type { Backend } from '../core/backend';

/** Content-Security-Policy for the renderer, the same in browser mode as in Electron. */
export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');

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

/** Largest request body accepted (images of signatures and emblems travel as data URLs). */
export const MAX_BODY_BYTES = 8 * 1024 * 1024;

export interface HostOptions {
  backend: Backend;
  /** Folder with the built renderer (index.html); null serves only the API. */
  rendererDir: string | null;
  port: number;
  /** 127.0.0.1 unless the user turned on the room-network mode explicitly. */
  host?: string;
}

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  const data = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  res.end(data);
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY_BYTES) {
        reject(Object.assign(new Error('too large'), { tooLarge: true }));
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
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
  const clients = new Set<http.ServerResponse>();
  const unsubscribe = backend.bus.subscribe((event) => {
    const line = `event: change\ndata: ${JSON.stringify(event)}\n\n`;
    for (const c of clients) c.write(line);
  });

  const allowedHost = (req: http.IncomingMessage, port: number): boolean => {
    // Guards against DNS rebinding: only our own address may be named in Host.
    if (bindHost !== '127.0.0.1') return true;
    const h = req.headers.host ?? '';
    return h === `127.0.0.1:${port}` || h === `localhost:${port}`;
  };

  const server = http.createServer(async (req, res) => {
    const port = (server.address() as AddressInfo).port;
    const url = new URL(req.url ?? '/', `http://${req.headers.host ?? 'localhost'}`);
    if (!allowedHost(req, port)) {
      res.writeHead(421).end();
      return;
    }

    if (url.pathname === '/healthz' && req.method === 'GET') {
      const info = backend.info();
      sendJson(res, 200, {
        ok: info.store.status === 'ready',
        name: info.name,
        version: info.version,
        schemaVersion: info.schemaVersion,
        store: info.store,
      });
      return;
    }

    if (url.pathname === '/api/events' && req.method === 'GET') {
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-store',
        connection: 'keep-alive',
      });
      res.write(': connected\n\n');
      clients.add(res);
      req.on('close', () => clients.delete(res));
      return;
    }

    if (url.pathname.startsWith('/api/')) {
      if (req.method !== 'POST') {
        res.writeHead(405, { allow: 'POST' }).end();
        return;
      }
      // A page from another origin must not drive the API (CSRF from a browser tab).
      const origin = req.headers.origin;
      if (origin && origin !== `http://127.0.0.1:${port}` && origin !== `http://localhost:${port}`) {
        sendJson(res, 403, { ok: false, error: { code: 'VALIDATION', message: 'origin' } });
        return;
      }
      const name = decodeURIComponent(url.pathname.slice('/api/'.length));
      let body: unknown;
      try {
        const text = await readBody(req);
        body = text.trim() === '' ? {} : JSON.parse(text);
      } catch (e) {
        const l = backend.language();
        const tooLarge = (e as { tooLarge?: boolean }).tooLarge;
        sendJson(res, tooLarge ? 413 : 400, {
          ok: false,
          error: {
            code: 'VALIDATION',
            message: errorMessage(l, 'invalidInput'),
            details: { issues: [{ path: [], code: tooLarge ? 'tooLong' : 'invalid' }] },
          },
        });
        return;
      }
      const result = await backend.handlers.dispatch(name, body);
      const status = result.ok
        ? 200
        : result.error.code === 'UNKNOWN_OPERATION'
          ? 404
          : result.error.code === 'VALIDATION'
            ? 400
            : 200;
      sendJson(res, status, result);
      return;
    }

    serveStatic(opts.rendererDir, url.pathname, res);
  });

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
      for (const c of clients) c.end();
      clients.clear();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}


function serveStatic(root: string | null, pathname: string, res: http.ServerResponse): void {
  if (!root) {
    res.writeHead(404).end();
    return;
  }
  let rel = decodeURIComponent(pathname);
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
