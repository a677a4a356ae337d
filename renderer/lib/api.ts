import type { BimtekBridge } from '../../shared/bridge';
import { DEVICE_HEADER, ROLE_HEADER, type OpInput, type OpName, type OpOutput, type Role } from '../../shared/contract';
import type { ChangeEvent } from '../../shared/domain';
import type { Result } from '../../shared/errors';
import { errorMessage } from '../../shared/messages';
import { useLanguage } from '../i18n';
import { deviceToken, onPairingChange } from './device';

declare global {
  interface Window {
    bimtek?: BimtekBridge;
  }
}

/** Which transport this window talks through, chosen once at start. */
export const transport: 'electron' | 'http' = typeof window !== 'undefined' && window.bimtek ? 'electron' : 'http';

/**
 * The role this page plays, from its route: the self check-in page is a kiosk, the audience screen
 * a projector, the pages of a paired group device (`#/pair`, `#/group`) a group device, every other
 * page the facilitator's. In browser mode it goes with every call and the host's core holds the
 * page to it; in Electron the main process knows each window's role itself.
 */
export function pageRole(hash: string = typeof location !== 'undefined' ? location.hash : ''): Role {
  if (/^#\/present(\/|$)/.test(hash)) return 'projector';
  if (/^#\/(pair|group)(\/|\?|$)/.test(hash)) return 'group-device';
  if (/\/self$/.test(hash)) return 'kiosk';
  return 'facilitator';
}

/**
 * The headers that say who a browser-mode request comes from: the page's role and, on a device
 * page, the token of its pairing (the core holds such a call to the token's group). One place for
 * every transport of the page: calls, file exports, uploads.
 */
export function callerHeaders(hash?: string): Record<string, string> {
  const role = pageRole(hash);
  const headers: Record<string, string> = { [ROLE_HEADER]: role };
  const token = role === 'group-device' ? deviceToken() : null;
  if (token) headers[DEVICE_HEADER] = token;
  return headers;
}

/** The live-event stream's address for this page: its role and, on a device page, its token. */
export function eventsUrl(hash?: string): string {
  const role = pageRole(hash);
  const token = role === 'group-device' ? deviceToken() : null;
  return `./api/events?role=${role}${token ? `&device=${encodeURIComponent(token)}` : ''}`;
}

/** The answer when the host cannot be reached (browser mode: the host was stopped). */
export function offline(): Result<never> {
  const lang = useLanguage.getState().language;
  return {
    ok: false,
    error: { code: 'IO', message: errorMessage(lang, 'dbIo') },
  };
}

/**
 * Call a contract operation: `window.bimtek` under Electron, `POST /api/<op>` in browser mode.
 * Always resolves to a result envelope; never throws.
 */
export async function call<K extends OpName>(op: K, input: OpInput<K>): Promise<Result<OpOutput<K>>> {
  try {
    if (transport === 'electron') {
      return (await window.bimtek!.call(op, input)) as Result<OpOutput<K>>;
    }
    const res = await fetch(`./api/${op}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...callerHeaders() },
      body: JSON.stringify(input ?? {}),
    });
    return (await res.json()) as Result<OpOutput<K>>;
  } catch {
    return offline();
  }
}

/** Call and unwrap: resolves to the value, rejects with the error envelope. */
export async function must<K extends OpName>(op: K, input: OpInput<K>): Promise<OpOutput<K>> {
  const r = await call(op, input);
  if (r.ok) return r.value;
  throw r.error;
}

const listeners = new Set<(e: ChangeEvent) => void>();
let started = false;

function startEvents(): void {
  if (started) return;
  started = true;
  const dispatch = (e: ChangeEvent) => listeners.forEach((l) => l(e));
  if (transport === 'electron') {
    window.bimtek!.onChange(dispatch);
    return;
  }
  // The stream is filtered for the page's role (and a device's token); when the page changes role in
  // the same tab (the facilitator leaves self check-in with the PIN) or a device pairs again, it is
  // opened again for the new caller, so a view is never patched from a record filtered for another.
  let url = eventsUrl();
  let source: EventSource | null = null;
  const open = () => {
    source?.close();
    source = new EventSource(url);
    source.addEventListener('change', (msg) => {
      try {
        dispatch(JSON.parse((msg as MessageEvent<string>).data) as ChangeEvent);
      } catch {
        // A malformed event is ignored; the next one refreshes the view.
      }
    });
  };
  open();
  const follow = () => {
    if (eventsUrl() === url) return;
    url = eventsUrl();
    open();
  };
  window.addEventListener('hashchange', follow);
  onPairingChange(follow);
}

/** Listen to change events from every window (and other browser tabs). Returns unsubscribe. */
export function onChange(listener: (e: ChangeEvent) => void): () => void {
  startEvents();
  listeners.add(listener);
  return () => listeners.delete(listener);
}
