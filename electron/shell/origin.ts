/** The privileged scheme the renderer is served from (never a remote URL, never file://). */
export const APP_SCHEME = 'app';
/** The one host of that scheme; anything else is not ours. */
export const APP_HOST = 'bimtek';
/** `app://bimtek` — the origin of every trusted page. */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
/** The page the facilitator window opens. */
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** Parse a URL without throwing; null when it is not a URL. */
export function parseUrl(raw: unknown): URL | null {
  if (typeof raw !== 'string') return null;
  try {
    return new URL(raw);
  } catch {
    return null;
  }
}

/**
 * Whether a URL belongs to the app's own origin. Compared by parts rather than `URL.origin`,
 * which is "null" for custom schemes in Node.
 */
export function isAppUrl(raw: unknown): boolean {
  const url = parseUrl(raw);
  return (
    !!url &&
    url.protocol === `${APP_SCHEME}:` &&
    // Chromium lowercases the host of a standard scheme; Node's URL does not for custom schemes.
    url.hostname.toLowerCase() === APP_HOST &&
    url.port === '' &&
    url.username === '' &&
    url.password === ''
  );
}
