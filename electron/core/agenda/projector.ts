import { ProjectorView, type ProjectorMode, type ProjectorPatch } from '../../../shared/agenda';
import { PRESENTING_KIND } from '../../../shared/groups';
import { AppError } from '../../../shared/errors';
import type { EngagementService } from '../engagements/service';
import type { ServiceContext } from '../store/context';
import type { WorkshopService } from '../workshops/service';
import type { FollowupService } from '../followups/service';
import type { GroupService } from '../groups/service';
import { zoneDate } from '../../../shared/format';
import type { AgendaService } from './service';

interface StateRow {
  id: string;
  workshop_id: string;
  mode: ProjectorMode;
  day_id: string | null;
  blank: number;
  frozen_json: string | null;
  group_id: string | null;
  output_step_id: string | null;
  group_started_at: string | null;
  page: number;
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
  groups: GroupService,
  followups: FollowupService,
) {
  const { db } = ctx;
  const selectState = db.prepare('SELECT * FROM projector_state WHERE workshop_id = ? AND deleted_at IS NULL');
  const insertState = db.prepare(`
    INSERT INTO projector_state (id, workshop_id, mode, day_id, blank, frozen_json, group_id, output_step_id,
      group_started_at, page, created_at, updated_at)
    VALUES (@id, @workshopId, @mode, @dayId, @blank, @frozen, @groupId, @stepId, @startedAt, @page, @now, @now)
    ON CONFLICT(workshop_id) DO UPDATE SET mode = excluded.mode, day_id = excluded.day_id,
      blank = excluded.blank, frozen_json = excluded.frozen_json, group_id = excluded.group_id,
      output_step_id = excluded.output_step_id, group_started_at = excluded.group_started_at,
      page = excluded.page, updated_at = excluded.updated_at, deleted_at = NULL`);

  function state(workshopId: string): StateRow {
    return (
      (selectState.get(workshopId) as StateRow | undefined) ?? {
        id: '',
        workshop_id: workshopId,
        mode: 'title',
        day_id: null,
        blank: 0,
        frozen_json: null,
        group_id: null,
        output_step_id: null,
        group_started_at: null,
        page: 0,
      }
    );
  }

  /** The group presenting, with its output and its share of the pleno's time. */
  function presenting(s: StateRow): ProjectorView['group'] {
    if (!s.group_id || !s.output_step_id) return null;
    let g;
    let out;
    try {
      g = groups.get(s.group_id);
      out = groups.output(s.group_id, s.output_step_id);
    } catch {
      return null; // the group or step was deleted since it was chosen
    }
    const order = groups.dayGroups(g.dayId);
    const index = order.findIndex((x) => x.id === g.id);
    const day = agenda.day(g.dayId);
    const outputAt = day.steps.findIndex((x) => x.id === s.output_step_id);
    const step = day.steps[outputAt];
    const pleno = day.steps.find((x, i) => x.kind === PRESENTING_KIND && i > outputAt) ?? null;
    const minutes = pleno ? pleno.plannedMinutes / Math.max(1, order.length) : 10;
    return {
      id: g.id,
      name: g.name,
      topic: g.topic,
      stepId: s.output_step_id,
      stepTitle: step?.title ?? '',
      formId: out.formId,
      values: out.values,
      agencies: out.agencies,
      page: s.page,
      startedAt: s.group_started_at ?? ctx.now(),
      plannedSeconds: Math.round(minutes * 60),
      index,
      count: order.length,
      next: order[index + 1]?.name ?? null,
    };
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
      group: s.mode === 'group' ? presenting(s) : null,
      followup: followups.projector(workshopId, s.mode, zoneDate(ctx.now(), e.timeZone)),
      pairing:
        s.mode === 'pairing' && dayId
          ? groups
              .dayGroups(dayId)
              .flatMap((g) =>
                g.pairing
                  ? [{ groupId: g.id, name: g.name, code: g.pairing.code, expiresAt: g.pairing.expiresAt }]
                  : [],
              )
          : [],
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
      groupId: s.group_id,
      stepId: s.output_step_id,
      startedAt: s.group_started_at,
      page: s.page,
      now: ctx.now(),
    });
  }

  return {
    /** The workshops of an engagement whose (unfrozen) projector is in `mode`: they follow its changes. */
    showing(engagementId: string, mode: ProjectorMode): string[] {
      return (
        db
          .prepare(
            `SELECT p.workshop_id FROM projector_state p JOIN workshops w ON w.id = p.workshop_id
             WHERE w.engagement_id = ? AND p.mode = ? AND p.frozen_json IS NULL AND p.deleted_at IS NULL`,
          )
          .all(engagementId, mode) as { workshop_id: string }[]
      ).map((r) => r.workshop_id);
    },

    /** The group and output the projector presents now, if it is in pleno mode (to follow its edits). */
    presentingNow(workshopId: string): { groupId: string; stepId: string } | null {
      const s = state(workshopId);
      if (s.mode !== 'group' || s.frozen_json || !s.group_id || !s.output_step_id) return null;
      return { groupId: s.group_id, stepId: s.output_step_id };
    },

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
        if (patch.groupId !== undefined || patch.stepId !== undefined) {
          const groupId = patch.groupId ?? s.group_id;
          const stepId = patch.stepId ?? s.output_step_id;
          if (!groupId || !stepId) throw new AppError('VALIDATION', 'presentNeedsGroupAndStep');
          const out = groups.output(groupId, stepId); // checks both exist and belong together
          if (groups.get(out.groupId).workshopId !== workshopId)
            throw new AppError('NOT_FOUND', 'groupNotFound', { id: groupId });
          if (groupId !== s.group_id) {
            // A new group presenting: its own timer starts now, from its first page.
            s.group_started_at = ctx.now();
            s.page = 0;
          }
          s.group_id = groupId;
          s.output_step_id = stepId;
        }
        if (patch.page !== undefined) s.page = patch.page;
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
