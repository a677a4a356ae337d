import path from 'node:path';
import type { AppInfo, StoreStatus } from '../../shared/domain';
import { errorMessage, STORE_FAILURE_KEY } from '../../shared/messages';
import { ChangeBus } from './events';
import { createHandlers, type Implementations } from './handlers';
import { LATEST_SCHEMA_VERSION } from './store/migrations/index';
import { createContext, type ServiceContext } from './store/context';
import type { Language } from '../../shared/languages';
import { agendaApp } from './agenda/app';
import { groupApp } from './groups/app';
import { followupApp } from './followups/app';
import { createFollowupService } from './followups/service';
import { minutesApp } from './minutes/app';
import { createMinutesService } from './minutes/service';
import { createGroupService } from './groups/service';
import { createProjectorService } from './agenda/projector';
import { createAgendaService } from './agenda/service';
import { appApp } from './app/app';
import { backupApp } from './backups/app';
import { packageApp } from './packages/app';
import { AUTO_EVERY_MS, createBackupService } from './backups/service';
import { attendanceApp } from './attendance/app';
import { documentApp } from './documents/app';
import { createPinGuard } from './engagements/pin-guard';
import { engagementApp } from './engagements/app';
import { participantApp } from './participants/app';
import { storeApp } from './store/app';
import { workshopApp } from './workshops/app';
import { createAttendanceService } from './attendance/service';
import { createBlobService } from './store/blobs';
import { createSignatureCropService } from './store/signature-crops';
import { createCropQueue } from './attendance/crop-queue';
import { createDocumentService } from './documents/service';
import { createEngagementService } from './engagements/service';
import { createImportService } from './participants/imports';
import { createJobPool, type JobPool } from './jobs/pool';
import { createUploads } from './uploads';
import { createParticipantService } from './participants/service';
import { createWorkshopService } from './workshops/service';
import type { SettingsStore } from './settings';
import { FolderInUseError, lockDataFolder, type FolderLock } from './store/lock';
import { DB_FILE_NAME, openStore, StoreOpenError, type Store } from './store/store';

export interface BackendOptions {
  dataDir: string;
  mode: AppInfo['mode'];
  version: string;
  settings: SettingsStore;
  log?: (message: string, error?: unknown) => void;
  /** Replace the clock or id source (tests). */
  context?: Partial<Omit<ServiceContext, 'db'>>;
  /** How often an automatic backup is taken while there are changes (10 minutes; tests shorten it). */
  autoBackupEveryMs?: number;
}

/** Build the services on an open store and the implementation of every contract operation. */
export function createServices(
  store: Store,
  language: () => Language = () => 'id',
  ctxOverrides: Partial<Omit<ServiceContext, 'db'>> = {},
  jobs: JobPool = createJobPool(),
) {
  const ctx = createContext(store.db, ctxOverrides);
  const blobs = createBlobService(ctx);
  const engagements = createEngagementService(ctx, blobs);
  const workshops = createWorkshopService(ctx, engagements);
  const participants = createParticipantService(ctx, engagements);
  const attendance = createAttendanceService(ctx, participants, blobs);
  const agenda = createAgendaService(ctx);
  const groups = createGroupService(ctx, blobs);
  const followups = createFollowupService(ctx);
  const projector = createProjectorService(ctx, workshops, engagements, agenda, groups, followups);
  const minutes = createMinutesService(ctx, { workshops, engagements, agenda, followups, attendance, groups, blobs });
  // Long work (imports, documents) runs in the pool's workers over their own connection to the file.
  const imports = createImportService({ jobs, dbFile: store.file, language, now: () => ctx.now() });
  const documents = createDocumentService({ jobs, dbFile: store.file, language });
  // Signatures are cropped to their ink once, after the check-in committed, in the job pool.
  const crops = createSignatureCropService(ctx, blobs);
  const cropQueue = createCropQueue({
    jobs,
    dbFile: store.file,
    crops,
    log: (m, e) => console.error(`[bimtek] ${m}`, e ?? ''),
  });
  const pins = createPinGuard();
  const backups = createBackupService({
    db: store.db,
    file: store.file,
    now: () => ctx.now(),
    log: (m, e) => console.error(`[bimtek] ${m}`, e ?? ''),
    check: (file, seal) => jobs.run('backups.check', { file, seal }),
  });
  // Files that reach the core by reference (packages), in the data folder's `tmp/`.
  const uploads = createUploads(path.join(path.dirname(store.file), 'tmp'));
  return {
    ctx,
    uploads,
    blobs,
    engagements,
    workshops,
    participants,
    attendance,
    agenda,
    groups,
    followups,
    projector,
    minutes,
    imports,
    documents,
    crops,
    cropQueue,
    jobs,
    pins,
    language,
    backups,
  };
}
export type Services = ReturnType<typeof createServices>;

/**
 * Every contract operation's implementation: one slice per area, each beside its service
 * (`<area>/app.ts`). The type makes a missing operation a compile error.
 */
export function implementations(s: Services, app: ReturnType<typeof appApp>, appVersion = 'unknown'): Implementations {
  const participant = participantApp(s.participants, s.imports, s.documents);
  return {
    ...app,
    ...engagementApp(s.engagements, s.pins),
    ...workshopApp(s.workshops, s.agenda, s.ctx, s.language),
    ...agendaApp(s.agenda, s.projector, () => s.ctx.now()),
    ...groupApp(s.groups, s.projector),
    ...followupApp(s.followups, s.groups, s.projector, (id, format) => s.documents.actions(id, format)),
    ...minutesApp(s.minutes, s.jobs, s.ctx.db.name, () => s.ctx.now()),
    ...participant,
    ...attendanceApp(s.attendance, s.cropQueue),
    ...documentApp(s.documents),
    ...storeApp(s.ctx),
    ...backupApp(s.backups),
    ...packageApp({
      ctx: s.ctx,
      backups: s.backups,
      jobs: s.jobs,
      uploads: s.uploads,
      dbFile: s.ctx.db.name,
      appVersion,
    }),
    // A backup comes before every import: an import that turns out wrong can be undone by Pulihkan.
    'participants.importCommit': async (input, caller) => {
      await s.backups.create('before-import');
      return participant['participants.importCommit'](input, caller);
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
  let lock: FolderLock | null = null;
  let status: StoreStatus;
  try {
    // One process per data folder, decided before the data file is even opened.
    lock = lockDataFolder(opts.dataDir, { mode: opts.mode });
    store = openStore(file);
    status = { status: 'ready', file };
    if (store.backupFile) log(`migrated; previous file copied to ${store.backupFile}`);
  } catch (e) {
    lock?.release();
    lock = null;
    const err = storeError(e, file);
    log(`cannot open the store at ${file}`, err);
    status = {
      status: 'failed',
      file,
      reason: err.reason,
      message: errorMessage(opts.settings.get().language, STORE_FAILURE_KEY[err.reason]),
      ...(err.foundVersion !== undefined ? { foundVersion: err.foundVersion } : {}),
      ...(e instanceof FolderInUseError && e.holder ? { holder: e.holder } : {}),
    };
  }
  const jobs = createJobPool({ log, warmUpAfterMs: 1500 });
  const services = store ? createServices(store, () => opts.settings.get().language, opts.context, jobs) : null;

  // Automatic backups: at start, before anything is written (when there is anything to keep), then
  // every 10 minutes while there are changes. A failure is logged and shown in the backup list.
  let changed = false;
  let autoTimer: ReturnType<typeof setInterval> | null = null;
  if (services) {
    // Left by a process that was killed: the folder is locked, so nothing in `tmp/` is anyone's now.
    try {
      services.uploads.clear();
    } catch (e) {
      log('could not clear the temp folder', e);
    }
    const hasData = services.ctx.db.prepare('SELECT 1 FROM engagements LIMIT 1').get() !== undefined;
    if (hasData) {
      try {
        services.backups.createNow('start');
      } catch (e) {
        log('backup at start failed', e);
      }
    }
    bus.subscribe((e) => {
      if (e.entity !== 'settings' && e.entity !== 'backup') changed = true;
    });
    autoTimer = setInterval(() => {
      if (!changed) return;
      changed = false;
      services.backups.create('auto').then(
        (b) => bus.emit({ entity: 'backup', id: b.name, action: 'created' }),
        () => (changed = true),
      );
    }, opts.autoBackupEveryMs ?? AUTO_EVERY_MS);
    autoTimer.unref();
  }

  // The message follows the UI language, which may change after the store failed to open.
  const info = (): AppInfo => ({
    name: 'Bimtek Studio',
    version: opts.version,
    schemaVersion: LATEST_SCHEMA_VERSION,
    mode: opts.mode,
    dataDir: opts.dataDir,
    store:
      status.status === 'failed'
        ? { ...status, message: errorMessage(opts.settings.get().language, STORE_FAILURE_KEY[status.reason]) }
        : status,
  });

  // Without a store only the app operations work (the problem screen and the language switch).
  const app = appApp(info, opts.settings);
  const impl: Partial<Implementations> = services ? implementations(services, app, opts.version) : app;

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
    /** The group a paired device's token is for (null: unknown or revoked): its events are that group's only. */
    deviceGroup(token: string): string | null {
      return services?.groups.resolveDevice(token)?.groupId ?? null;
    },
    /** The main-process log (stacks stay here, never cross a boundary). */
    log,
    /** Tell a process that finds the data folder taken where this one answers (browser mode). */
    announce(url: string) {
      lock?.announce({ url });
    },
    close() {
      if (autoTimer) clearInterval(autoTimer);
      // Jobs still running are rejected; the workers' own connections close with their threads.
      void jobs.close();
      try {
        services?.uploads.clear();
      } catch (e) {
        log('could not clear the temp folder', e);
      }
      store?.close();
      store = null;
      lock?.release();
      lock = null;
    },
  };
}

export type Backend = ReturnType<typeof createBackend>;

/** Any failure to take the folder or open the file, as the reason the problem screen shows. */
function storeError(e: unknown, file: string): StoreOpenError {
  if (e instanceof StoreOpenError) return e;
  if (e instanceof FolderInUseError) return new StoreOpenError('inUse', file, e.message);
  const code = (e as { code?: string }).code ?? '';
  const reason = /^(SQLITE_(READONLY|CANTOPEN|PERM)|EACCES|EROFS|EPERM)/.test(code) ? 'readonly' : 'io';
  return new StoreOpenError(reason, file, String(e));
}
