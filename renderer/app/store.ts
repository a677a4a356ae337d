import { create } from 'zustand';
import type { AppInfo } from '../../shared/domain';
import type { AppErrorShape } from '../../shared/errors';
import type { Language } from '../../shared/languages';
import { translate } from '../../shared/i18n';
import { useLanguage } from '../i18n';
import { call, onChange } from '../lib/api';

export interface Toast {
  id: number;
  text: string;
  action?: { label: string; run(): void };
}

export type Route =
  | { name: 'engagements' }
  | { name: 'backups' }
  | { name: 'engagement-new' }
  | { name: 'engagement'; id: string }
  | { name: 'workshop-new'; engagementId: string }
  | { name: 'workshop'; engagementId: string; id: string }
  | { name: 'participants'; engagementId: string }
  | { name: 'rekap'; engagementId: string }
  | { name: 'tindak-lanjut'; engagementId: string }
  | { name: 'checkin'; engagementId: string; workshopId: string; dayId: string }
  | { name: 'self-checkin'; engagementId: string; workshopId: string; dayId: string }
  | { name: 'agenda'; engagementId: string; workshopId: string }
  | { name: 'quickwins'; engagementId: string; workshopId: string }
  | { name: 'groups'; engagementId: string; workshopId: string }
  | { name: 'minutes'; engagementId: string; workshopId: string }
  | { name: 'run'; engagementId: string; workshopId: string; dayId: string }
  | { name: 'present'; workshopId: string }
  | { name: 'pair' }
  | { name: 'group' };

/**
 * Hash routes: #/, #/backups, #/engagements/new, #/engagements/:id, #/engagements/:id/participants,
 * #/engagements/:id/(rekap|tindak-lanjut), #/engagements/:id/workshops/(new|:wid),
 * #/engagements/:id/workshops/:wid/(agenda|groups|quickwins|notulen),
 * #/engagements/:id/workshops/:wid/days/:dayId/(checkin|self|run), and the room's screen
 * #/present/:wid (the projector role: see `pageRole`), and a paired group device's pages #/pair
 * and #/group (the group-device role).
 */
export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean);
  if (parts[0] === 'present' && parts[1]) return { name: 'present', workshopId: parts[1] };
  if (parts[0] === 'backups') return { name: 'backups' };
  if (parts[0] === 'pair') return { name: 'pair' };
  if (parts[0] === 'group') return { name: 'group' };
  if (parts[0] !== 'engagements' || parts.length < 2) return { name: 'engagements' };
  if (parts[1] === 'new') return { name: 'engagement-new' };
  const id = parts[1];
  if (parts[2] === 'participants') return { name: 'participants', engagementId: id };
  if (parts[2] === 'rekap') return { name: 'rekap', engagementId: id };
  if (parts[2] === 'tindak-lanjut') return { name: 'tindak-lanjut', engagementId: id };
  if (parts[2] === 'workshops' && parts[3] && parts[4] === 'days' && parts[5]) {
    const r = { engagementId: id, workshopId: parts[3], dayId: parts[5] };
    if (parts[6] === 'run') return { name: 'run', ...r };
    return parts[6] === 'self' ? { name: 'self-checkin', ...r } : { name: 'checkin', ...r };
  }
  if (parts[2] === 'workshops' && parts[3] && parts[4] === 'agenda') {
    return { name: 'agenda', engagementId: id, workshopId: parts[3] };
  }
  if (parts[2] === 'workshops' && parts[3] && parts[4] === 'quickwins') {
    return { name: 'quickwins', engagementId: id, workshopId: parts[3] };
  }
  if (parts[2] === 'workshops' && parts[3] && parts[4] === 'groups') {
    return { name: 'groups', engagementId: id, workshopId: parts[3] };
  }
  if (parts[2] === 'workshops' && parts[3] && parts[4] === 'notulen') {
    return { name: 'minutes', engagementId: id, workshopId: parts[3] };
  }
  if (parts[2] === 'workshops' && parts[3] === 'new') return { name: 'workshop-new', engagementId: id };
  if (parts[2] === 'workshops' && parts[3]) return { name: 'workshop', engagementId: id, id: parts[3] };
  return { name: 'engagement', id };
}

export function routeHash(r: Route): string {
  switch (r.name) {
    case 'engagements':
      return '#/';
    case 'backups':
      return '#/backups';
    case 'engagement-new':
      return '#/engagements/new';
    case 'engagement':
      return `#/engagements/${r.id}`;
    case 'workshop-new':
      return `#/engagements/${r.engagementId}/workshops/new`;
    case 'workshop':
      return `#/engagements/${r.engagementId}/workshops/${r.id}`;
    case 'participants':
      return `#/engagements/${r.engagementId}/participants`;
    case 'rekap':
      return `#/engagements/${r.engagementId}/rekap`;
    case 'tindak-lanjut':
      return `#/engagements/${r.engagementId}/tindak-lanjut`;
    case 'checkin':
      return `#/engagements/${r.engagementId}/workshops/${r.workshopId}/days/${r.dayId}/checkin`;
    case 'self-checkin':
      return `#/engagements/${r.engagementId}/workshops/${r.workshopId}/days/${r.dayId}/self`;
    case 'agenda':
      return `#/engagements/${r.engagementId}/workshops/${r.workshopId}/agenda`;
    case 'quickwins':
      return `#/engagements/${r.engagementId}/workshops/${r.workshopId}/quickwins`;
    case 'groups':
      return `#/engagements/${r.engagementId}/workshops/${r.workshopId}/groups`;
    case 'minutes':
      return `#/engagements/${r.engagementId}/workshops/${r.workshopId}/notulen`;
    case 'run':
      return `#/engagements/${r.engagementId}/workshops/${r.workshopId}/days/${r.dayId}/run`;
    case 'present':
      return `#/present/${r.workshopId}`;
    case 'pair':
      return '#/pair';
    case 'group':
      return '#/group';
  }
}

interface AppState {
  info: AppInfo | null;
  /** Why the app could not say what it is; shown in the current language. */
  infoError: AppErrorShape | null;
  route: Route;
  toasts: Toast[];
  navigate(r: Route): void;
  toast(t: Omit<Toast, 'id'>): void;
  dismiss(id: number): void;
  start(): Promise<void>;
  changeLanguage(lang: Language): Promise<void>;
}

let toastSeq = 0;

/** App-wide state: what the app and its store are, the current route, toasts. */
export const useApp = create<AppState>((set, get) => ({
  info: null,
  infoError: null,
  route: parseRoute(typeof location !== 'undefined' ? location.hash : ''),
  toasts: [],
  navigate(r) {
    const hash = routeHash(r);
    if (location.hash !== hash) location.hash = hash;
    set({ route: r });
  },
  toast(t) {
    const id = ++toastSeq;
    set({ toasts: [...get().toasts, { ...t, id }] });
    setTimeout(() => get().dismiss(id), 10_000);
  },
  dismiss(id) {
    set({ toasts: get().toasts.filter((t) => t.id !== id) });
  },
  async start() {
    window.addEventListener('hashchange', () => set({ route: parseRoute(location.hash) }));
    const [info, settings] = await Promise.all([call('app.info', {}), call('settings.get', {})]);
    if (settings.ok) useLanguage.getState().setLanguage(settings.value.language);
    if (info.ok) set({ info: info.value });
    else set({ infoError: info.error });
    onChange((e) => {
      if (e.entity !== 'settings') return;
      void call('settings.get', {}).then((r) => {
        if (r.ok) useLanguage.getState().setLanguage(r.value.language);
      });
    });
  },
  async changeLanguage(lang) {
    useLanguage.getState().setLanguage(lang);
    // Said in the new language, so whoever switched by mistake sees at once what happened.
    get().toast({ text: translate(lang, 'engagements.languageChanged') });
    await call('settings.update', { language: lang });
  },
}));
