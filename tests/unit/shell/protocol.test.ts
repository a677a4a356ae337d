import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CSP } from '../../../shared/csp';
import { APP_ENTRY_URL, APP_ORIGIN, isAppUrl } from '../../../electron/shell/origin';
import {
  APP_SCHEME_PRIVILEGES,
  handleAppProtocol,
  registerAppScheme,
  resolveAppPath,
  respondToAppRequest,
} from '../../../electron/shell/protocol';
import { makeTempDir, removeTempDir } from '../../fixtures/inputs';

let root: string;
let renderer: string;

beforeEach(() => {
  // root/secret.txt sits beside root/renderer: nothing may reach it through the scheme.
  root = makeTempDir('bimtek-protocol-');
  renderer = path.join(root, 'renderer');
  fs.mkdirSync(path.join(renderer, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(renderer, 'index.html'), '<!doctype html><title>Bimtek Studio</title>');
  fs.writeFileSync(path.join(renderer, 'assets', 'app-1a2b.js'), 'console.log(1)');
  fs.writeFileSync(path.join(renderer, 'assets', 'logo.svg'), '<svg/>');
  fs.writeFileSync(path.join(root, 'secret.txt'), 'SECRET');
});
afterEach(() => removeTempDir(root));

const get = (url: string, method = 'GET') => respondToAppRequest(renderer, { url, method });

describe('the app scheme', () => {
  it('is registered as standard and secure, without CSP bypass, CORS or service workers', () => {
    const protocol = { registerSchemesAsPrivileged: vi.fn() };
    registerAppScheme(protocol);
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledExactlyOnceWith([APP_SCHEME_PRIVILEGES]);
    expect(APP_SCHEME_PRIVILEGES).toMatchObject({ scheme: 'app', privileges: { standard: true, secure: true } });
    const p = APP_SCHEME_PRIVILEGES.privileges!;
    expect(p.bypassCSP).toBeFalsy();
    expect(p.corsEnabled).toBeFalsy();
    expect(p.allowServiceWorkers).toBeFalsy();
  });

  it('is handled by a function that serves the renderer folder', async () => {
    const protocol = { handle: vi.fn() };
    handleAppProtocol(protocol, renderer);
    expect(protocol.handle).toHaveBeenCalledOnce();
    const [scheme, handler] = protocol.handle.mock.calls[0];
    expect(scheme).toBe('app');
    const res: Response = await handler(new Request(APP_ENTRY_URL));
    expect(await res.text()).toContain('Bimtek Studio');
  });

  it('recognises only its own origin', () => {
    expect(APP_ORIGIN).toBe('app://bimtek');
    expect(isAppUrl('app://bimtek/index.html')).toBe(true);
    expect(isAppUrl('APP://BIMTEK/x')).toBe(true);
    for (const url of [
      'app://bimtek:8080/',
      'app://user@bimtek/',
      'app://other/',
      'https://bimtek/',
      'bimtek',
      '',
      null,
    ]) {
      expect(isAppUrl(url)).toBe(false);
    }
  });
});

describe('respondToAppRequest', () => {
  it('serves index.html with the CSP header', async () => {
    const res = await get(APP_ENTRY_URL);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toBe(CSP);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(res.headers.get('content-security-policy')).not.toContain('unsafe-eval');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await res.text()).toBe('<!doctype html><title>Bimtek Studio</title>');
  });

  it('serves assets with their type', async () => {
    const js = await get('app://bimtek/assets/app-1a2b.js');
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await js.text()).toBe('console.log(1)');
    expect((await get('app://bimtek/assets/logo.svg')).headers.get('content-type')).toBe('image/svg+xml');
  });

  it('answers a client-side route with the app, and a missing asset with 404', async () => {
    expect(await (await get('app://bimtek/')).text()).toContain('Bimtek Studio');
    expect(await (await get('app://bimtek/workshops/123')).text()).toContain('Bimtek Studio');
    expect((await get('app://bimtek/assets/missing.js')).status).toBe(404);
  });

  it.each([
    'app://bimtek/../secret.txt',
    'app://bimtek/%2e%2e/secret.txt',
    'app://bimtek/..%2fsecret.txt',
    'app://bimtek/..%2Fsecret.txt',
    'app://bimtek/assets/..%2f..%2fsecret.txt',
    'app://bimtek/..%5csecret.txt',
    'app://bimtek/%2e%2e%2fsecret.txt',
  ])('never serves a file outside the renderer folder: %s', async (url) => {
    const res = await get(url);
    expect(await res.text()).not.toContain('SECRET');
    expect(res.status).not.toBe(200);
  });

  it('refuses malformed escapes and NUL bytes', async () => {
    expect((await get('app://bimtek/%E0%A4%A')).status).toBe(400);
    expect((await get('app://bimtek/index.html%00.js')).status).toBe(400);
  });

  it('serves nothing for another host or another method', async () => {
    expect((await get('app://evil/index.html')).status).toBe(404);
    expect((await get(APP_ENTRY_URL, 'POST')).status).toBe(405);
    const head = await get(APP_ENTRY_URL, 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('says the interface is not built when index.html is missing', async () => {
    fs.rmSync(path.join(renderer, 'index.html'));
    const res = await get(APP_ENTRY_URL);
    expect(res.status).toBe(503);
    expect(res.headers.get('content-security-policy')).toBe(CSP);
    expect(await res.text()).toContain('npm run build');
  });
});

describe('resolveAppPath', () => {
  it('keeps every path inside the folder', () => {
    expect(resolveAppPath(renderer, '/assets/a.js')).toEqual({
      file: path.join(renderer, 'assets', 'a.js'),
      fallback: false,
    });
    expect(resolveAppPath(renderer, '/..%2f..%2fetc/passwd')).toEqual({ status: 403 });
    expect(resolveAppPath(renderer, '/%2e%2e')).toEqual({ status: 403 });
  });
});
