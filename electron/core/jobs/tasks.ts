import BetterSqlite3 from 'better-sqlite3';
import { sha256 } from '../images';
import { createAgendaService } from '../agenda/service';
import { createAttendanceService } from '../attendance/service';
import { inspectBackup, sealBackup } from '../backups/check';
import { createEngagementService } from '../engagements/service';
import { createGroupService } from '../groups/service';
import { exportPackage, importPackage, previewPackage } from '../packages/service';
import { classifyImport, readImportTable } from '../participants/imports';
import { createParticipantService } from '../participants/service';
import { createBlobService } from '../store/blobs';
import { createContext } from '../store/context';
import { createSignatureCropService } from '../store/signature-crops';
import { createWorkshopService } from '../workshops/service';
import { createFollowupService } from '../followups/service';
import { createMinutesService } from '../minutes/service';
import type { JobInput, JobKind, JobMap, JobOutput, ReportProgress } from './types';

/**
 * The document builders, loaded on the first document job: docx takes longer to load than the
 * rest of the worker, and an import (often the first job of a day) never needs it.
 */
const documents = () => import('../documents/files');
const minutesDocument = () => import('../documents/minutes-files');

/**
 * The services over this worker's own connection to the store file. The app's connection set WAL
 * on the file, so these reads never wait for the app's writes, nor the app's reads for ours.
 * A connection per job: nothing stays open between jobs, so a closed or deleted store (tests, a
 * restored backup) can never be written through a stale handle.
 */
function withStore<T>(file: string, now: string | null, use: (s: ReturnType<typeof servicesOn>) => T): T {
  const db = new BetterSqlite3(file, { fileMustExist: true });
  try {
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    const s = servicesOn(db, now);
    return use(s);
  } finally {
    db.close();
  }
}

function servicesOn(db: BetterSqlite3.Database, now: string | null) {
  const ctx = createContext(db, now ? { now: () => now } : {});
  const blobs = createBlobService(ctx);
  const engagements = createEngagementService(ctx, blobs);
  const participants = createParticipantService(ctx, engagements);
  const attendance = createAttendanceService(ctx, participants, blobs);
  const workshops = createWorkshopService(ctx, engagements);
  const agenda = createAgendaService(ctx);
  const groups = createGroupService(ctx, blobs);
  const crops = createSignatureCropService(ctx, blobs);
  const followups = createFollowupService(ctx);
  const minutes = createMinutesService(ctx, { workshops, engagements, agenda, followups, attendance, groups, blobs });
  return { db, engagements, participants, attendance, blobs, workshops, agenda, groups, crops, followups, minutes };
}

type Tasks = {
  [K in JobKind]: (input: JobInput<K>, report: ReportProgress) => JobOutput<K> | Promise<JobOutput<K>>;
};

const tasks: Tasks = {
  async 'import.preview'({ dbFile, request, lang }) {
    const table = await readImportTable(request, lang);
    return withStore(dbFile, null, (s) => {
      const existing = s.participants.list(request.engagementId);
      const agencies = s.engagements.get(request.engagementId).agencies;
      const {
        people: _people,
        missingName: _m,
        agencyList: _l,
        ...preview
      } = classifyImport(table, request, existing, lang, agencies);
      return new Uint8Array(Buffer.from(JSON.stringify(preview), 'utf8'));
    });
  },

  async 'import.commit'({ dbFile, request, lang, now }) {
    const table = await readImportTable(request, lang);
    // One write transaction, taken at its start (IMMEDIATE): the duplicate check reads the register
    // as it is at the insert, and no other writer can slip in between. See `createImportService`.
    return withStore(dbFile, now, (s) =>
      s.db
        .transaction(() => {
          const agencies = s.engagements.get(request.engagementId).agencies;
          const p = classifyImport(table, request, s.participants.list(request.engagementId), lang, agencies);
          if (p.mapping.name === null) throw p.missingName();
          // The agency choices that add an OPD or save an alias change the list in the same transaction.
          const { lines, opdsAdded, aliasesSaved } = p.agencyList;
          if (opdsAdded + aliasesSaved > 0) s.engagements.update(request.engagementId, { agencies: lines });
          const created = s.participants.createMany(request.engagementId, p.people);
          return { created, duplicates: p.counts.duplicate, invalid: p.counts.invalid, opdsAdded, aliasesSaved };
        })
        .immediate(),
    );
  },

  async 'documents.attendanceList'({ dbFile, dayId, blank, copy }) {
    const { buildAttendanceList, gatherAttendanceList } = await documents();
    // Read, close the connection, then build: the store is never held open while the packer runs.
    return buildAttendanceList(withStore(dbFile, null, (s) => gatherAttendanceList(s, dayId, blank, copy)));
  },

  async 'documents.rundown'({ dbFile, workshopId }) {
    const { buildRundown, gatherRundown } = await documents();
    return buildRundown(withStore(dbFile, null, (s) => gatherRundown(s, workshopId)));
  },

  async 'documents.groupOutputs'({ dbFile, workshopId }) {
    const { buildGroupOutputs, gatherGroupOutputs } = await documents();
    return buildGroupOutputs(withStore(dbFile, null, (s) => gatherGroupOutputs(s, workshopId)));
  },

  async 'documents.recap'({ dbFile, engagementId, format }) {
    const { buildRecapFile, gatherRecap } = await documents();
    return buildRecapFile(
      withStore(dbFile, null, (s) => gatherRecap(s, engagementId)),
      format,
    );
  },

  async 'documents.actions'({ dbFile, engagementId, format }) {
    const { buildActionsFile, gatherActions } = await documents();
    return buildActionsFile(
      withStore(dbFile, null, (s) => gatherActions(s, engagementId)),
      format,
    );
  },

  async 'minutes.build'({ dbFile, workshopId, version }, report) {
    const { buildMinutesFile, gatherMinutes } = await minutesDocument();
    report({ phase: 'gather', step: 1, steps: 3 });
    return buildMinutesFile(
      withStore(dbFile, null, (s) => gatherMinutes(s, workshopId)),
      version,
      report,
    );
  },
  async 'minutes.finalize'({ dbFile, workshopId, revision, version, by, now }, report) {
    const { buildMinutesFile, gatherMinutes } = await minutesDocument();
    const steps = 4;
    report({ phase: 'gather', step: 1, steps });
    const built = await buildMinutesFile(
      withStore(dbFile, null, (s) => gatherMinutes(s, workshopId)),
      version,
      (p) => report({ ...p, steps }),
    );
    const { file, code } = built;
    report({ phase: 'save', step: 4, steps });
    return withStore(dbFile, now, (s) =>
      s.minutes.commitVersion(workshopId, revision, {
        version,
        bytes: file.bytes,
        sha256: sha256(file.bytes),
        code,
        fileName: file.fileName,
        by,
      }),
    );
  },

  async 'minutes.photo'({ bytes }) {
    const { processPhoto } = await import('../minutes/photos');
    return processPhoto(bytes);
  },

  async 'documents.registerFile'({ dbFile, engagementId, format, lang }) {
    const { buildRegisterFile, gatherRegister } = await documents();
    return buildRegisterFile(
      withStore(dbFile, null, (s) => gatherRegister(s, engagementId, lang)),
      format,
    );
  },

  'signatures.crop'({ dbFile, hashes }) {
    return withStore(dbFile, null, (s) => s.crops.compute(hashes));
  },

  'backups.check'({ file, seal }) {
    if (seal) sealBackup(file);
    return inspectBackup(file);
  },

  'packages.export'({ dbFile, engagementId, appVersion, now, outFile }) {
    return withStore(dbFile, null, (s) => exportPackage(s.db, engagementId, appVersion, now, outFile));
  },

  'packages.preview'({ dbFile, file }) {
    return withStore(dbFile, null, (s) => previewPackage(s.db, file));
  },

  'packages.import'({ dbFile, file, resolutions }) {
    return withStore(dbFile, null, (s) => importPackage(s.db, file, resolutions));
  },

  'pool.echo'({ bytes }) {
    return Uint8Array.from(bytes).reverse();
  },

  'pool.fail'({ message }) {
    throw new Error(message);
  },

  'pool.exit'({ code }) {
    process.exit(code);
  },
};

/** Run one job by name (in the worker thread). */
export function runTask<K extends JobKind>(
  kind: K,
  input: JobMap[K]['input'],
  report: ReportProgress = () => {},
): Promise<JobOutput<K>> | JobOutput<K> {
  const task = tasks[kind] as ((i: unknown, r: ReportProgress) => JobOutput<K> | Promise<JobOutput<K>>) | undefined;
  if (!task) throw new Error(`unknown job: ${String(kind)}`);
  return task(input, report);
}
