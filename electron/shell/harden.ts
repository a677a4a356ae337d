import type { Session, Shell, WebContents } from 'electron';
import { isAppUrl, parseUrl } from './origin';

/** Protocols a link may use to leave the app, opened by the system (browser, mail client). */
export const EXTERNAL_PROTOCOLS: readonly string[] = ['https:', 'mailto:'];

/**
 * The URL to hand to the system, or null. Parsed with `new URL()` and checked against the
 * https/mailto allowlist; credentials in the URL (a phishing trick) are refused as well.
 */
export function safeExternalUrl(raw: unknown): string | null {
  const url = parseUrl(raw);
  if (!url || !EXTERNAL_PROTOCOLS.includes(url.protocol)) return null;
  if (url.username || url.password) return null;
  if (url.protocol === 'https:' && !url.hostname) return null;
  return url.href;
}

/** The parts of WebContents hardening touches; a real WebContents satisfies it. */
export type HardenableContents = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;

interface NavigationEvent {
  url: string;
  preventDefault(): void;
}

/**
 * Lock one WebContents to the app origin: navigation and redirects elsewhere are cancelled,
 * `window.open` is always denied (an allowed external link goes to the system browser instead),
 * and `<webview>` cannot be attached.
 */
export function hardenWebContents(contents: HardenableContents, shell: Pick<Shell, 'openExternal'>): void {
  const stayInApp = (event: NavigationEvent) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  };
  contents.on('will-navigate', stayInApp);
  contents.on('will-frame-navigate', stayInApp);
  contents.on('will-redirect', stayInApp);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    const external = safeExternalUrl(url);
    if (external) {
      shell.openExternal(external).catch(() => {
        // No handler for the link on this machine: nothing more to do.
      });
    }
    return { action: 'deny' };
  });
}

/** The parts of a Session hardening touches; a real Session satisfies it. */
export type HardenableSession = Pick<
  Session,
  'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler'
> & { webRequest: Pick<Session['webRequest'], 'onBeforeRequest'> };

/** Network schemes the offline app's pages never need. */
export const BLOCKED_REQUEST_URLS = ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*', 'ftp://*/*'];

/**
 * Deny every permission (camera, geolocation, notifications, …) and every device, and cancel any
 * request from the renderer to the network: the app works offline, so a request to the network
 * can only be a mistake or an attack (CSP blocks it too; this holds even if the CSP were lost).
 */
export function hardenSession(ses: HardenableSession): void {
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
  ses.webRequest.onBeforeRequest({ urls: BLOCKED_REQUEST_URLS }, (_details, callback) => callback({ cancel: true }));
}
