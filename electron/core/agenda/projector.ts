import { ProjectorView, type ProjectorMode, type ProjectorPatch } from '../../../shared/agenda';
import { AppError } from '../../../shared/errors';
import type { EngagementService } from '../engagements/service';
import type { ServiceContext } from '../store/context';
import type { WorkshopService } from '../workshops/service';
import type { AgendaService } from './service';

interface StateRow {
  id: string;
  workshop_id: string;
  mode: ProjectorMode;
  day_id: string | null;
  blank: number;
  frozen_json: string | null;
}

/**
 * What the room's projector shows for a workshop. The view is assembled here from public fields
 * only — a step's script and notes, and every person's data, never enter it — so the projector
 * role cannot receive them whatever its page asks for.
 */
export function createProjectorService(
  ctx: ServiceContext,
  workshops: WorkshopService,
  engagements: EngagementService,
  agenda: AgendaService,
) {
  const { db } = ctx;
  const selectState = db.prepare('SELECT * FROM projector_state WHERE workshop_id = ? AND deleted_at IS NULL');
  const insertState = db.prepare(`
    INSERT INTO projector_state (id, workshop_id, mode, day_id, blank, frozen_json, created_at, updated_at)
    VALUES (@id, @workshopId, @mode, @dayId, @blank, @frozen, @now, @now)
    ON CONFLICT(workshop_id) DO UPDATE SET mode = excluded.mode, day_id = excluded.day_id,
      blank = excluded.blank, frozen_json = excluded.frozen_json, updated_at = excluded.updated_at,
      deleted_at = NULL`);

  function state(workshopId: string): StateRow {
    return (
      (selectState.get(workshopId) as StateRow | undefined) ?? {
        id: '',
        workshop_id: workshopId,
        mode: 'title',
        day_id: null,
        blank: 0,
        frozen_json: null,
      }
    );
  }

  /** The live view (what the screen would show unfrozen). */
  function live(workshopId: string, s: StateRow): ProjectorView {
    const w = workshops.get(workshopId);
    const e = engagements.get(w.engagementId);
    const dayId = s.day_id && w.days.some((d) => d.id === s.day_id) ? s.day_id : (w.days[0]?.id ?? null);
    const day = dayId ? agenda.day(dayId) : null;
    return {
      workshopId,
      now: ctx.now(),
      mode: s.mode,
      blank: s.blank === 1,
      frozen: false,
      control: { mode: s.mode, dayId },
      title: {
        engagementId: e.id,
        programmeName: e.programmeName,
        stage: w.stage,
        customStageName: w.customStageName,
        workshopTitle: w.title,
        regionKind: e.regionKind,
        regionName: e.regionName,
        venue: w.venue,
        dates: w.days.map((d) => d.date),
        timeZone: e.timeZone,
        hasEmblem: e.hasEmblem,
      },
      day: day && {
        id: day.id,
        date: day.date,
        startTime: day.startTime,
        endTime: day.endTime,
        steps: day.steps.map(({ id, kind, title, plannedMinutes, presenter, project }) => ({
          id,
          kind,
          title,
          plannedMinutes,
          presenter,
          project,
        })),
        events: day.events,
      },
    };
  }

  function write(workshopId: string, s: StateRow) {
    insertState.run({
      id: s.id || ctx.newId(),
      workshopId,
      mode: s.mode,
      dayId: s.day_id,
      blank: s.blank,
      frozen: s.frozen_json,
      now: ctx.now(),
    });
  }

  return {
    view(workshopId: string): ProjectorView {
      const s = state(workshopId);
      if (s.frozen_json) {
        // Frozen: the room keeps seeing what it saw; blank still works on top of it.
        const frozen = ProjectorView.parse(JSON.parse(s.frozen_json));
        return { ...frozen, frozen: true, blank: s.blank === 1, control: live(workshopId, s).control };
      }
      return live(workshopId, s);
    },

    set(workshopId: string, patch: ProjectorPatch): void {
      db.transaction(() => {
        const w = workshops.get(workshopId);
        const s = { ...state(workshopId) };
        if (patch.dayId !== undefined) {
          if (!w.days.some((d) => d.id === patch.dayId)) {
            throw new AppError('NOT_FOUND', 'dayNotFound', { id: patch.dayId });
          }
          s.day_id = patch.dayId;
        }
        if (patch.mode !== undefined) s.mode = patch.mode;
        if (patch.blank !== undefined) s.blank = patch.blank ? 1 : 0;
        if (patch.frozen === true && !s.frozen_json) {
          s.frozen_json = JSON.stringify(live(workshopId, s));
        } else if (patch.frozen === false) {
          s.frozen_json = null;
        }
        write(workshopId, s);
      })();
    },

    /** The projector follows the day the console runs. */
    followDay(workshopId: string, dayId: string): boolean {
      const s = state(workshopId);
      if (s.day_id === dayId) return false;
      write(workshopId, { ...s, day_id: dayId });
      return true;
    },
  };
}

export type ProjectorService = ReturnType<typeof createProjectorService>;
