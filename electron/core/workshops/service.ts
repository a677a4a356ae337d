import { AppError } from '../../../shared/errors';
import type { Workshop, WorkshopDay } from '../../../shared/domain';
import type { ServiceContext } from '../store/context';
import type { EngagementService } from '../engagements/service';

interface WorkshopRow {
  id: string;
  engagement_id: string;
  stage: Workshop['stage'];
  custom_stage_name: string;
  title: string;
  venue: string;
  chair_name: string;
  chair_position: string;
  chair_nip: string;
  mentors_json: string;
  note_taker_name: string;
  note_taker_nip: string;
  invitation_number: string;
  invitation_date: string | null;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

interface DayRow {
  id: string;
  workshop_id: string;
  position: number;
  date: string;
  start_time: string;
  end_time: string | null;
}

export interface DayValues {
  id?: string;
  date: string;
  startTime: string;
  endTime: string | null;
}

export type WorkshopValues = Omit<Workshop, 'id' | 'engagementId' | 'days' | 'createdAt' | 'updatedAt'> & {
  days: DayValues[];
};

type ScalarKey = Exclude<keyof WorkshopValues, 'days'>;

const COLUMNS: Record<ScalarKey, string> = {
  stage: 'stage',
  customStageName: 'custom_stage_name',
  title: 'title',
  venue: 'venue',
  chairName: 'chair_name',
  chairPosition: 'chair_position',
  chairNip: 'chair_nip',
  mentors: 'mentors_json',
  noteTakerName: 'note_taker_name',
  noteTakerNip: 'note_taker_nip',
  invitationNumber: 'invitation_number',
  invitationDate: 'invitation_date',
};

function dayFromRow(r: DayRow): WorkshopDay {
  return { id: r.id, date: r.date, startTime: r.start_time, endTime: r.end_time };
}

function fromRow(r: WorkshopRow, days: WorkshopDay[]): Workshop {
  return {
    id: r.id,
    engagementId: r.engagement_id,
    stage: r.stage,
    customStageName: r.custom_stage_name,
    title: r.title,
    days,
    venue: r.venue,
    chairName: r.chair_name,
    chairPosition: r.chair_position,
    chairNip: r.chair_nip,
    mentors: JSON.parse(r.mentors_json) as string[],
    noteTakerName: r.note_taker_name,
    noteTakerNip: r.note_taker_nip,
    invitationNumber: r.invitation_number,
    invitationDate: r.invitation_date,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** Workshops: one Bimtek stage of an engagement, held on one or more days. */
export function createWorkshopService(ctx: ServiceContext, engagements: EngagementService) {
  const { db } = ctx;
  // A workshop of a deleted engagement is in the bin with it.
  const selectOne = db.prepare(`
    SELECT w.*, e.deleted_at AS engagement_deleted_at FROM workshops w
    JOIN engagements e ON e.id = w.engagement_id WHERE w.id = ?`);
  const selectDays = db.prepare('SELECT * FROM workshop_days WHERE workshop_id = ? ORDER BY position');
  const selectList = db.prepare(`
    SELECT w.* FROM workshops w
    WHERE w.engagement_id = ? AND w.deleted_at IS NULL
    ORDER BY (SELECT min(d.date) FROM workshop_days d WHERE d.workshop_id = w.id), w.created_at`);
  const selectDaysOfEngagement = db.prepare(`
    SELECT d.* FROM workshop_days d JOIN workshops w ON w.id = d.workshop_id
    WHERE w.engagement_id = ? AND w.deleted_at IS NULL ORDER BY d.position`);
  const insert = db.prepare(`
    INSERT INTO workshops (id, engagement_id, stage, custom_stage_name, title, venue, chair_name,
      chair_position, chair_nip, mentors_json, note_taker_name, note_taker_nip, invitation_number,
      invitation_date, created_at, updated_at)
    VALUES (@id, @engagementId, @stage, @customStageName, @title, @venue, @chairName,
      @chairPosition, @chairNip, @mentors, @noteTakerName, @noteTakerNip, @invitationNumber,
      @invitationDate, @now, @now)`);
  const insertDay = db.prepare(`
    INSERT INTO workshop_days (id, workshop_id, position, date, start_time, end_time)
    VALUES (@id, @workshopId, @position, @date, @startTime, @endTime)`);
  const updateDay = db.prepare(`
    UPDATE workshop_days SET position = @position, date = @date, start_time = @startTime,
      end_time = @endTime WHERE id = @id AND workshop_id = @workshopId`);
  const deleteDay = db.prepare('DELETE FROM workshop_days WHERE id = ?');
  const dayHasAttendance = db.prepare('SELECT 1 FROM attendance WHERE day_id = ? LIMIT 1');
  const setDeleted = db.prepare('UPDATE workshops SET deleted_at = ?, updated_at = ? WHERE id = ?');
  const touch = db.prepare('UPDATE workshops SET updated_at = ? WHERE id = ?');
  const updateStatements = new Map<string, ReturnType<typeof db.prepare>>();

  function row(id: string, includeDeleted = false): WorkshopRow {
    const r = selectOne.get(id) as (WorkshopRow & { engagement_deleted_at: string | null }) | undefined;
    if (!r || (!includeDeleted && r.deleted_at) || r.engagement_deleted_at) {
      throw new AppError('NOT_FOUND', 'workshopNotFound', { id });
    }
    return r;
  }

  function load(id: string): Workshop {
    const r = row(id);
    return fromRow(r, (selectDays.all(id) as DayRow[]).map(dayFromRow));
  }

  function writeDays(workshopId: string, days: DayValues[]): void {
    const existing = new Map((selectDays.all(workshopId) as DayRow[]).map((d) => [d.id, d]));
    const kept = new Set<string>();
    days.forEach((day, position) => {
      if (day.id && existing.has(day.id)) {
        kept.add(day.id);
        updateDay.run({ ...day, id: day.id, workshopId, position });
      } else if (day.id) {
        throw new AppError('NOT_FOUND', 'dayNotFound', { id: day.id });
      } else {
        insertDay.run({ ...day, id: ctx.newId(), workshopId, position });
      }
    });
    for (const id of existing.keys()) {
      if (kept.has(id)) continue;
      if (dayHasAttendance.get(id)) throw new AppError('CONFLICT', 'dayHasAttendance', { dayId: id });
      deleteDay.run(id);
    }
  }

  return {
    list(engagementId: string): Workshop[] {
      engagements.assertExists(engagementId);
      const daysBy = new Map<string, WorkshopDay[]>();
      for (const d of selectDaysOfEngagement.all(engagementId) as DayRow[]) {
        const list = daysBy.get(d.workshop_id) ?? [];
        list.push(dayFromRow(d));
        daysBy.set(d.workshop_id, list);
      }
      return (selectList.all(engagementId) as WorkshopRow[]).map((r) => fromRow(r, daysBy.get(r.id) ?? []));
    },

    get: load,

    create(engagementId: string, input: WorkshopValues): Workshop {
      return db.transaction(() => {
        engagements.assertExists(engagementId);
        const id = ctx.newId();
        insert.run({
          ...input,
          mentors: JSON.stringify(input.mentors),
          id,
          engagementId,
          now: ctx.now(),
        });
        writeDays(id, input.days);
        return load(id);
      })();
    },

    update(id: string, patch: Partial<WorkshopValues>): Workshop {
      return db.transaction(() => {
        const current = row(id);
        const stage = patch.stage ?? current.stage;
        const customName = patch.customStageName ?? current.custom_stage_name;
        if (stage === 'custom' && customName.trim() === '') {
          throw new AppError('VALIDATION', 'invalidInput', {
            issues: [{ path: ['patch', 'customStageName'], code: 'customStageRequired' }],
          });
        }
        const keys = (Object.keys(patch) as (keyof WorkshopValues)[]).filter(
          (k): k is ScalarKey => k !== 'days' && patch[k] !== undefined,
        );
        const now = ctx.now();
        if (keys.length > 0) {
          const sig = keys.join(',');
          let stmt = updateStatements.get(sig);
          if (!stmt) {
            const sets = keys.map((k) => `${COLUMNS[k]} = @${k}`).join(', ');
            stmt = db.prepare(`UPDATE workshops SET ${sets}, updated_at = @now WHERE id = @id`);
            updateStatements.set(sig, stmt);
          }
          const params: Record<string, unknown> = { id, now };
          for (const k of keys) params[k] = k === 'mentors' ? JSON.stringify(patch[k]) : patch[k];
          stmt.run(params);
        }
        if (patch.days) {
          writeDays(id, patch.days);
          touch.run(now, id);
        }
        return load(id);
      })();
    },

    delete(id: string): { id: string; engagementId: string } {
      const r = row(id);
      const now = ctx.now();
      setDeleted.run(now, now, id);
      return { id, engagementId: r.engagement_id };
    },

    restore(id: string): Workshop {
      const r = row(id, true);
      engagements.assertExists(r.engagement_id);
      setDeleted.run(null, ctx.now(), id);
      return load(id);
    },
  };
}

export type WorkshopService = ReturnType<typeof createWorkshopService>;
