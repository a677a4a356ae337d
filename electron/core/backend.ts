import path from 'node:path';
import type { AppInfo, StoreStatus } from '../../shared/domain';
import { errorMessage } from '../../shared/messages';
import { ChangeBus } from './events';
import { createHandlers, type Implementations } from './handlers';
import { LATEST_SCHEMA_VERSION } from './migrations/index';
import { createContext, type ServiceContext } from './services/context';
import { createEngagementService } from './services/engagements';
import { createWorkshopService } from './services/workshops';
import type { SettingsStore } from './settings';
import { DB_FILE_NAME, openStore, StoreOpenError, type Store } from './store';

const FAILURE_KEY = { newer: 'dbNewer', corrupt: 'dbCorrupt', io: 'dbIo' } as const;

export interface BackendOptions {
  dataDir: string;
  mode: AppInfo['mode'];
  version: string;
  settings: SettingsStore;
  log?: (message: string, error?: unknown) => void;
  /** Replace the clock or id source (tests). */
  context?: Partial<Omit<ServiceContext, 'db'>>;
}

/** Build the services on an open store and the implementation of every contract operation. */
export function createServices(store: Store, ctxOverrides: Partial<Omit<ServiceContext, 'db'>> = {}) {
  const ctx = createContext(store.db, ctxOverrides);
  const engagements = createEngagementService(ctx);
  const workshops = createWorkshopService(ctx, engagements);
  return { ctx, engagements, workshops };
}
export type Services = ReturnType<typeof createServices>;

function implementations(services: Services, settings: SettingsStore): Omit<Implementations, 'app.info'> {
  const { engagements, workshops } = services;
  return {
    'settings.get': () => settings.get(),
    'settings.update': (patch) => ({
      value: settings.update(patch),
      events: [{ entity: 'settings', id: 'preferences', action: 'updated' }],
    }),
    'engagements.list': () => engagements.list(),
    'engagements.get': ({ id }) => engagements.get(id),
    'engagements.create': (input) => {
      const e = engagements.create(input);
      return { value: e, events: [{ entity: 'engagement', id: e.id, action: 'created', engagementId: e.id }] };
    },
    'engagements.update': ({ id, patch }) => {
      const e = engagements.update(id, patch);
      return { value: e, events: [{ entity: 'engagement', id, action: 'updated', engagementId: id }] };
    },
    'engagements.delete': ({ id }) => ({
      value: engagements.delete(id),
      events: [{ entity: 'engagement', id, action: 'deleted', engagementId: id }],
    }),
    'engagements.restore': ({ id }) => ({
      value: engagements.restore(id),
      events: [{ entity: 'engagement', id, action: 'restored', engagementId: id }],
    }),
    'workshops.list': ({ engagementId }) => workshops.list(engagementId),
    'workshops.get': ({ id }) => workshops.get(id),
    'workshops.create': ({ engagementId, ...input }) => {
      const w = workshops.create(engagementId, input);
      return {
        value: w,
        events: [{ entity: 'workshop', id: w.id, action: 'created', engagementId, workshopId: w.id }],
      };
    },
    'workshops.update': ({ id, patch }) => {
      const w = workshops.update(id, patch);
      return {
        value: w,
        events: [{ entity: 'workshop', id, action: 'updated', engagementId: w.engagementId, workshopId: id }],
      };
    },
    'workshops.delete': ({ id }) => {
      const { engagementId } = workshops.delete(id);
      return {
        value: { id },
        events: [{ entity: 'workshop', id, action: 'deleted', engagementId, workshopId: id }],
      };
    },
    'workshops.restore': ({ id }) => {
      const w = workshops.restore(id);
      return {
        value: w,
        events: [{ entity: 'workshop', id, action: 'restored', engagementId: w.engagementId, workshopId: id }],
      };
    },
  };
}

/**
 * The whole main-process core, transport-free: opens the store (or records why it could not),
 * and exposes the handler map and the change bus. Used by the Electron shell and browser mode.
 */
export function createBackend(opts: BackendOptions) {
  const log = opts.log ?? ((m: string, e?: unknown) => console.error(`[bimtek] ${m}`, e ?? ''));
  const file = path.join(opts.dataDir, DB_FILE_NAME);
  const bus = new ChangeBus();
  let store: Store | null = null;
  let status: StoreStatus;
  try {
    store = openStore(file);
    status = { status: 'ready', file };
    if (store.backupFile) log(`migrated; previous file copied to ${store.backupFile}`);
  } catch (e) {
    const err = e instanceof StoreOpenError ? e : new StoreOpenError('io', file, String(e));
    log(`cannot open the store at ${file}`, err);
    const key = FAILURE_KEY[err.reason];
    status = {
      status: 'failed',
      file,
      reason: err.reason,
      message: errorMessage(opts.settings.get().language, key),
      ...(err.foundVersion !== undefined ? { foundVersion: err.foundVersion } : {}),
    };
  }
  const services = store ? createServices(store, opts.context) : null;

  // The message follows the UI language, which may change after the store failed to open.
  const info = (): AppInfo => ({
    name: 'Bimtek Studio',
    version: opts.version,
    schemaVersion: LATEST_SCHEMA_VERSION,
    mode: opts.mode,
    dataDir: opts.dataDir,
    store:
      status.status === 'failed'
        ? { ...status, message: errorMessage(opts.settings.get().language, FAILURE_KEY[status.reason]) }
        : status,
  });

  const impl: Partial<Implementations> = services
    ? { 'app.info': info, ...implementations(services, opts.settings) }
    : {
        'app.info': info,
        'settings.get': () => opts.settings.get(),
        'settings.update': (patch) => opts.settings.update(patch),
      };

  const handlers = createHandlers({
    impl,
    language: () => opts.settings.get().language,
    emit: (e) => bus.emit(e),
    log,
  });

  return {
    handlers,
    bus,
    info,
    services,
    /** The UI language, for messages produced outside a handler. */
    language: () => opts.settings.get().language,
    close() {
      store?.close();
      store = null;
    },
  };
}

export type Backend = ReturnType<typeof createBackend>;
