import fs from 'node:fs/promises';
import path from 'node:path';
import type { CustomScheme, Protocol } from 'electron';
import { CSP } from '../../shared/csp';
import { APP_SCHEME, isAppUrl, parseUrl } from './origin';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * The scheme's privileges. `standard` gives it an origin and relative URLs, `secure` a secure
 * context; it does not bypass CSP, is not CORS-enabled and has no service workers.
 */
export const APP_SCHEME_PRIVILEGES: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
};

/** Register the app scheme as privileged. Electron requires this before the `ready` event. */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
}

/** Serve the built renderer on the app scheme (after `ready`, on the session's protocol). */
export function handleAppProtocol(protocol: Pick<Protocol, 'handle'>, rendererDir: string): void {
  protocol.handle(APP_SCHEME, (request) => respondToAppRequest(rendererDir, request));
}

export type Resolved = { file: string; fallback: boolean } | { status: 400 | 403 };

/**
 * Map a URL path to a file inside `rendererDir`. A path that leaves the folder (`..`, encoded
 * slashes or backslashes) is refused. A path without an extension is a client-side route and gets
 * `index.html` (`fallback`), as does `/index.html` itself, so a missing build shows a page saying so.
 */
export function resolveAppPath(rendererDir: string, pathname: string): Resolved {
  let rel: string;
  try {
    rel = decodeURIComponent(pathname);
  } catch {
    return { status: 400 };
  }
  if (rel.includes('\0')) return { status: 400 };
  if (rel === '' || rel === '/') rel = '/index.html';
  const root = path.resolve(rendererDir);
  const file = path.resolve(root, '.' + rel);
  if (!file.startsWith(root + path.sep)) return { status: 403 };
  return { file, fallback: path.extname(rel) === '' || rel === '/index.html' };
}

const headers = (type: string): Record<string, string> => ({
  'content-type': type,
  'content-security-policy': CSP,
  'x-content-type-options': 'nosniff',
  'cache-control': 'no-cache',
});

const plain = (status: number, text: string) =>
  new Response(text, { status, headers: headers('text/plain; charset=utf-8') });

const NOT_BUILT = `<!doctype html><html lang="id"><meta charset="utf-8"><title>Bimtek Studio</title>
<p>Tampilan aplikasi belum dibangun. Jalankan <code>npm run build</code>.</p>
<p lang="en">The app's interface has not been built. Run <code>npm run build</code>.</p></html>`;

async function readFileOrNull(file: string): Promise<Buffer | null> {
  try {
    const st = await fs.stat(file);
    return st.isFile() ? await fs.readFile(file) : null;
  } catch {
    return null;
  }
}

/**
 * Answer one request on the app scheme: files from the built renderer with the CSP header,
 * nothing outside it, nothing for another host, GET/HEAD only.
 */
export async function respondToAppRequest(
  rendererDir: string,
  request: { url: string; method: string },
): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'method not allowed');
  const url = parseUrl(request.url);
  if (!url || !isAppUrl(request.url)) return plain(404, 'not found');
  const resolved = resolveAppPath(rendererDir, url.pathname);
  if ('status' in resolved) return plain(resolved.status, 'refused');

  let file = resolved.file;
  let body = await readFileOrNull(file);
  if (!body && resolved.fallback) {
    file = path.join(path.resolve(rendererDir), 'index.html');
    body = await readFileOrNull(file);
    if (!body) {
      return new Response(NOT_BUILT, { status: 503, headers: headers('text/html; charset=utf-8') });
    }
  }
  if (!body) return plain(404, 'not found');
  const type = TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
  return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
    status: 200,
    headers: headers(type),
  });
}
