import { describe, expect, it, vi } from 'vitest';
import {
  BLOCKED_REQUEST_URLS,
  hardenSession,
  hardenWebContents,
  safeExternalUrl,
  type HardenableContents,
  type HardenableSession,
} from '../../../electron/shell/harden';

type Listener = (event: { url: string; preventDefault(): void }, url: string) => void;

/** A WebContents stand-in that records listeners and the window-open handler. */
function fakeContents() {
  const listeners = new Map<string, Listener[]>();
  let openHandler: ((d: { url: string }) => { action: string }) | null = null;
  const contents = {
    on(event: string, l: Listener) {
      listeners.set(event, [...(listeners.get(event) ?? []), l]);
      return contents;
    },
    setWindowOpenHandler(h: (d: { url: string }) => { action: string }) {
      openHandler = h;
    },
  };
  /** Emit a navigation-like event; returns whether some listener prevented it. */
  const navigate = (event: string, url: string) => {
    let prevented = false;
    const e = { url, preventDefault: () => (prevented = true) };
    const ls = listeners.get(event) ?? [];
    expect(ls.length).toBeGreaterThan(0);
    for (const l of ls) l(e, url);
    return prevented;
  };
  return {
    contents: contents as unknown as HardenableContents,
    navigate,
    open: (url: string) => openHandler!({ url }),
  };
}

function setup() {
  const shell = { openExternal: vi.fn(() => Promise.resolve()) };
  const c = fakeContents();
  hardenWebContents(c.contents, shell);
  return { ...c, shell };
}

describe('hardenWebContents: navigation', () => {
  it.each(['will-navigate', 'will-frame-navigate', 'will-redirect'])('%s to another origin is cancelled', (event) => {
    const { navigate } = setup();
    expect(navigate(event, 'https://example.com/')).toBe(true);
    expect(navigate(event, 'http://127.0.0.1:4173/')).toBe(true);
    expect(navigate(event, 'file:///etc/passwd')).toBe(true);
    expect(navigate(event, 'app://evil/index.html')).toBe(true);
    expect(navigate(event, 'app://bimtek.evil.com/index.html')).toBe(true);
    expect(navigate(event, 'javascript:alert(1)')).toBe(true);
    expect(navigate(event, 'not a url')).toBe(true);
  });

  it.each(['will-navigate', 'will-frame-navigate', 'will-redirect'])('%s within the app origin is allowed', (event) => {
    const { navigate } = setup();
    expect(navigate(event, 'app://bimtek/index.html')).toBe(false);
    expect(navigate(event, 'app://bimtek/workshops/123')).toBe(false);
  });

  it('refuses to attach a <webview>', () => {
    const { navigate } = setup();
    expect(navigate('will-attach-webview', 'app://bimtek/index.html')).toBe(true);
  });
});

describe('hardenWebContents: window.open', () => {
  it('denies every new window and passes an https link to the system browser', () => {
    const { open, shell } = setup();
    expect(open('https://jdih.kominfo.go.id/peraturan?id=1')).toEqual({ action: 'deny' });
    expect(shell.openExternal).toHaveBeenCalledTimes(1);
    expect(shell.openExternal).toHaveBeenCalledWith('https://jdih.kominfo.go.id/peraturan?id=1');
  });

  it('passes a mailto link to the system', () => {
    const { open, shell } = setup();
    expect(open('mailto:panitia@example.go.id')).toEqual({ action: 'deny' });
    expect(shell.openExternal).toHaveBeenCalledWith('mailto:panitia@example.go.id');
  });

  it.each([
    'javascript:alert(1)',
    'file:///C:/Windows/System32/calc.exe',
    'http://example.com/',
    'smb://server/share',
    'app://bimtek/index.html',
    'https://user:pass@example.com/',
    'not a url',
    '',
  ])('denies %j and does not open it externally', (url) => {
    const { open, shell } = setup();
    expect(open(url)).toEqual({ action: 'deny' });
    expect(shell.openExternal).not.toHaveBeenCalled();
  });

  it('survives a system without a handler for the link', async () => {
    const shell = { openExternal: vi.fn(() => Promise.reject(new Error('no handler'))) };
    const c = fakeContents();
    hardenWebContents(c.contents, shell);
    expect(c.open('https://example.com/')).toEqual({ action: 'deny' });
    await Promise.resolve();
  });
});

describe('safeExternalUrl', () => {
  it('returns the normalised URL for allowed links only', () => {
    expect(safeExternalUrl('https://Example.com/a b')).toBe('https://example.com/a%20b');
    expect(safeExternalUrl('  javascript:alert(1)')).toBeNull();
    expect(safeExternalUrl('JAVASCRIPT:alert(1)')).toBeNull();
    expect(safeExternalUrl(42)).toBeNull();
  });
});

describe('hardenSession', () => {
  function fakeSession() {
    const s = {
      request: null as null | ((wc: unknown, perm: string, cb: (granted: boolean) => void, d: unknown) => void),
      check: null as null | ((wc: unknown, perm: string, origin: string, d: unknown) => boolean),
      device: null as null | ((d: unknown) => boolean),
      blocked: null as null | {
        filter: { urls: string[] };
        listener: (d: unknown, cb: (r: { cancel?: boolean }) => void) => void;
      },
    };
    const ses = {
      setPermissionRequestHandler: (h: typeof s.request) => (s.request = h),
      setPermissionCheckHandler: (h: typeof s.check) => (s.check = h),
      setDevicePermissionHandler: (h: typeof s.device) => (s.device = h),
      webRequest: {
        onBeforeRequest: (filter: { urls: string[] }, listener: NonNullable<typeof s.blocked>['listener']) =>
          (s.blocked = { filter, listener }),
      },
    };
    hardenSession(ses as unknown as HardenableSession);
    return s;
  }

  it.each(['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read', 'fullscreen'])(
    'denies a request for %s',
    (perm) => {
      const s = fakeSession();
      const cb = vi.fn();
      s.request!({}, perm, cb, { requestingUrl: 'app://bimtek/index.html' });
      expect(cb).toHaveBeenCalledExactlyOnceWith(false);
    },
  );

  it('answers every permission check and device request with no', () => {
    const s = fakeSession();
    expect(s.check!({}, 'media', 'app://bimtek', {})).toBe(false);
    expect(s.check!(null, 'hid', 'app://bimtek', {})).toBe(false);
    expect(s.device!({ deviceType: 'usb', origin: 'app://bimtek' })).toBe(false);
  });

  it('cancels every request to the network', () => {
    const s = fakeSession();
    expect(s.blocked!.filter.urls).toEqual(BLOCKED_REQUEST_URLS);
    expect(s.blocked!.filter.urls).toEqual(
      expect.arrayContaining(['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*']),
    );
    const cb = vi.fn();
    s.blocked!.listener({ url: 'https://example.com/x.js' }, cb);
    expect(cb).toHaveBeenCalledExactlyOnceWith({ cancel: true });
  });
});
