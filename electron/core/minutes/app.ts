import type { minutesOps } from '../../../shared/contract/minutes';
import type { ChangeEvent } from '../../../shared/domain';
import { AppError } from '../../../shared/errors';
import { MINUTES_LIMITS, MINUTES_PHASES, type MinutesProgress } from '../../../shared/minutes';
import { filePayload } from '../documents/file-payload';
import { sha256 } from '../images';
import type { JobPool } from '../jobs/pool';
import type { JobProgress } from '../jobs/types';
import type { SliceImplementations } from '../handlers';
import type { MinutesService } from './service';

const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/**
 * The minutes' operations. Building the DOCX and processing photos run in the job pool (over the
 * worker's own connection and sharp's threads); this thread only stores what they return.
 */
export function minutesApp(
  minutes: MinutesService,
  jobs: JobPool,
  dbFile: string,
  now: () => string,
): SliceImplementations<typeof minutesOps> {
  const changed = (workshopId: string, id = workshopId, action: ChangeEvent['action'] = 'updated'): ChangeEvent => ({
    entity: 'minutes',
    id,
    action,
    engagementId: minutes.engagementOf(workshopId),
    workshopId,
  });

  /** The DOCX being built per workshop (an export or a finalize), for `minutes.progress`. */
  const building = new Map<string, NonNullable<MinutesProgress>>();
  const track = (workshopId: string) => {
    const startedAt = now();
    building.set(workshopId, { phase: 'gather', step: 0, steps: 1, startedAt });
    return (p: JobProgress) => {
      if ((MINUTES_PHASES as readonly string[]).includes(p.phase))
        building.set(workshopId, { ...p, phase: p.phase as (typeof MINUTES_PHASES)[number], startedAt });
    };
  };

  return {
    'minutes.progress': ({ workshopId }) => building.get(workshopId) ?? null,
    'minutes.get': ({ workshopId }) => minutes.view(workshopId),
    'minutes.saveSection': ({ workshopId, key, blocks }) => ({
      value: minutes.saveSection(workshopId, key, blocks),
      events: [changed(workshopId)],
    }),
    'minutes.rebuildSection': ({ workshopId, key }) => ({
      value: minutes.rebuildSection(workshopId, key),
      events: [changed(workshopId)],
    }),
    'minutes.setHeader': ({ workshopId, number }) => ({
      value: minutes.setNumber(workshopId, number),
      events: [changed(workshopId)],
    }),
    'minutes.addPhoto': async ({ workshopId, fileName, data }) => {
      // Refused before any work when the minutes are locked or the workshop is unknown.
      if (minutes.state(workshopId).state === 'final') throw new AppError('CONFLICT', 'minutesFinal');
      const bytes = Buffer.from(data, 'base64');
      if (bytes.length > MINUTES_LIMITS.photoBytes) throw new AppError('VALIDATION', 'minutes.photoRefused.tooLarge');
      const r = await jobs.run('minutes.photo', { bytes: new Uint8Array(bytes) });
      if (!r.ok) throw new AppError('VALIDATION', `minutes.photoRefused.${r.reason}`);
      const photo = minutes.addPhoto(
        workshopId,
        fileName,
        { jpeg: r.jpeg, width: r.width, height: r.height },
        { jpeg: r.thumb, width: r.thumbWidth, height: r.thumbHeight },
        sha256,
      );
      return { value: photo, events: [changed(workshopId, photo.id, 'created')] };
    },
    'minutes.updatePhoto': ({ id, caption, included }) => {
      const p = minutes.updatePhoto(id, { caption, included });
      return { value: p, events: [changed(minutes.photoWorkshop(id), id)] };
    },
    'minutes.movePhoto': ({ id, index }) => {
      const p = minutes.movePhoto(id, index);
      return { value: p, events: [changed(minutes.photoWorkshop(id), id)] };
    },
    'minutes.removePhoto': ({ id }) => {
      const { workshopId } = minutes.removePhoto(id);
      return { value: { id }, events: [changed(workshopId, id, 'deleted')] };
    },
    'minutes.finalize': async ({ workshopId, revision, by }) => {
      const current = minutes.state(workshopId);
      if (current.state === 'final') throw new AppError('CONFLICT', 'minutesFinal');
      if (current.revision !== revision) throw new AppError('CONFLICT', 'minutesChanged');
      // Built and committed in the worker, only if nothing changed meanwhile: a second window's
      // finalize finds the minutes final and is refused, so there is one version.
      const v = await jobs
        .run(
          'minutes.finalize',
          { dbFile, workshopId, revision, version: minutes.nextVersion(workshopId), by, now: now() },
          [],
          track(workshopId),
        )
        .finally(() => building.delete(workshopId));
      return { value: v, events: [changed(workshopId)] };
    },
    'minutes.reopen': ({ workshopId, by, reason }) => ({
      value: minutes.reopen(workshopId, by, reason),
      events: [changed(workshopId)],
    }),
    'minutes.export': async ({ workshopId }) => {
      const { state } = minutes.state(workshopId);
      if (state === 'final') {
        const f = minutes.versionFile(workshopId, minutes.nextVersion(workshopId) - 1);
        return filePayload({ fileName: f.fileName, mime: DOCX_MIME, bytes: f.bytes });
      }
      const built = await jobs
        .run('minutes.build', { dbFile, workshopId, version: null }, [], track(workshopId))
        .finally(() => building.delete(workshopId));
      return filePayload(built.file);
    },
    'minutes.version': ({ workshopId, version }) => {
      const f = minutes.versionFile(workshopId, version);
      return filePayload({ fileName: f.fileName, mime: DOCX_MIME, bytes: f.bytes });
    },
  };
}
