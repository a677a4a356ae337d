import { AppError } from '../../../shared/errors';
import type { Workshop, WorkshopDay } from '../../../shared/domain';
import type { ServiceContext } from '../store/context';
import type { EngagementService } from '../engagements/service';

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
type ColumnKind = 'text' | 'nullable' | 'json';

/**
 * The one place a workshop field meets its column: the SELECT mapping, the INSERT and the UPDATE
 * column lists are all derived from it. `satisfies` makes the compiler refuse a field of the
 * shared schema that is missing here (or one listed here that the schema does not have).
 */
export const WORKSHOP_COLUMNS = {
  stage: { column: 'stage', kind: 'text' },
  customStageName: { column: 'custom_stage_name', kind: 'text' },
  title: { column: 'title', kind: 'text' },
  venue: { column: 'venue', kind: 'text' },
  chairName: { column: 'chair_name', kind: 'text' },
  chairPosition: { column: 'chair_position', kind: 'text' },
  chairNip: { column: 'chair_nip', kind: 'text' },
  chairRank: { column: 'chair_rank', kind: 'text' },
  mentors: { column: 'mentors_json', kind: 'json' },
  noteTakerName: { column: 'note_taker_name', kind: 'text' },
  noteTakerNip: { column: 'note_taker_nip', kind: 'text' },
  noteTakerRank: { column: 'note_taker_rank', kind: 'text' },
  secondSigner: { column: 'second_signer', kind: 'text' },
  invitationNumber: { column: 'invitation_number', kind: 'text' },
  invitationDate: { column: 'invitation_date', kind: 'nullable' },
} as const satisfies Record<ScalarKey, { column: string; kind: ColumnKind }>;

const SCALAR_KEYS = Object.keys(WORKSHOP_COLUMNS) as ScalarKey[];

/** A field's value as its column stores it. */
function toColumn(key: ScalarKey, value: unknown): unknown {
  return WORKSHOP_COLUMNS[key].kind === 'json' ? JSON.stringify(value) : value;
}

interface WorkshopRow extends Record<string, unknown> {
  id: string;
  engagement_id: string;
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
  deleted_at: string | null;
}

function dayFromRow(r: DayRow): WorkshopDay {
  return { id: r.id, date: r.date, startTime: r.start_time, endTime: r.end_time };
}

function fromRow(r: WorkshopRow, days: WorkshopDay[]): Workshop {
  const fields: Record<string, unknown> = {};
  for (const key of SCALAR_KEYS) {
    const { column, kind } = WORKSHOP_COLUMNS[key];
    fields[key] = kind === 'json' ? JSON.parse(r[column] as string) : r[column];
  }
  return {
    id: r.id,
    engagementId: r.engagement_id,
    ...(fields as Omit<WorkshopValues, 'days'>),
    days,
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
  // Removed days stay in the table (deleted_at) so a merge can carry the removal; reads skip them.
  const selectDays = db.prepare(
    'SELECT * FROM workshop_days WHERE workshop_id = ? AND deleted_at IS NULL ORDER BY position',
  );
  const selectDaysWithRemoved = db.prepare('SELECT * FROM workshop_days WHERE workshop_id = ?');
  const selectList = db.prepare(`
    SELECT w.* FROM workshops w
    WHERE w.engagement_id = ? AND w.deleted_at IS NULL
    ORDER BY (SELECT min(d.date) FROM workshop_days d WHERE d.workshop_id = w.id AND d.deleted_at IS NULL),
      w.created_at`);
  const selectDaysOfEngagement = db.prepare(`
    SELECT d.* FROM workshop_days d JOIN workshops w ON w.id = d.workshop_id
    WHERE w.engagement_id = ? AND w.deleted_at IS NULL AND d.deleted_at IS NULL ORDER BY d.position`);
  const columns = SCALAR_KEYS.map((k) => WORKSHOP_COLUMNS[k].column);
  const insert = db.prepare(`
    INSERT INTO workshops (id, engagement_id, ${columns.join(', ')}, created_at, updated_at)
    VALUES (@id, @engagementId, ${SCALAR_KEYS.map((k) => `@${k}`).join(', ')}, @now, @now)`);
  const insertDay = db.prepare(`
    INSERT INTO workshop_days (id, workshop_id, position, date, start_time, end_time, created_at, updated_at)
    VALUES (@id, @workshopId, @position, @date, @startTime, @endTime, @now, @now)`);
  // Also revives a day that was removed and comes back with its id. A day that did not change
  // keeps its updated_at, so a later merge does not take it for an edit.
  const updateDay = db.prepare(`
    UPDATE workshop_days SET position = @position, date = @date, start_time = @startTime,
      end_time = @endTime, deleted_at = NULL, updated_at = @now
    WHERE id = @id AND workshop_id = @workshopId
      AND (position IS NOT @position OR date IS NOT @date OR start_time IS NOT @startTime
        OR end_time IS NOT @endTime OR deleted_at IS NOT NULL)`);
  const removeDay = db.prepare(
    'UPDATE workshop_days SET deleted_at = @now, updated_at = @now WHERE id = @id AND deleted_at IS NULL',
  );
  const dayHasAttendance = db.prepare('SELECT 1 FROM attendance WHERE day_id = ? AND deleted_at IS NULL LIMIT 1');
  const dayHasSteps = db.prepare('SELECT 1 FROM agenda_steps WHERE day_id = ? AND deleted_at IS NULL LIMIT 1');
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

  function writeDays(workshopId: string, days: DayValues[], now: string): void {
    const existing = new Map((selectDaysWithRemoved.all(workshopId) as DayRow[]).map((d) => [d.id, d]));
    const kept = new Set<string>();
    days.forEach((day, position) => {
      if (day.id && existing.has(day.id)) {
        kept.add(day.id);
        updateDay.run({ ...day, id: day.id, workshopId, position, now });
      } else if (day.id) {
        throw new AppError('NOT_FOUND', 'dayNotFound', { id: day.id });
      } else {
        insertDay.run({ ...day, id: ctx.newId(), workshopId, position, now });
      }
    });
    for (const [id, d] of existing) {
      if (kept.has(id) || d.deleted_at) continue;
      if (dayHasAttendance.get(id)) throw new AppError('CONFLICT', 'dayHasAttendance', { dayId: id });
      // The agenda of a day is work too: it is moved or deleted step by step, never with the day.
      if (dayHasSteps.get(id)) throw new AppError('CONFLICT', 'dayHasAgenda', { dayId: id });
      removeDay.run({ id, now });
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
        const now = ctx.now();
        const params: Record<string, unknown> = { id, engagementId, now };
        for (const k of SCALAR_KEYS) params[k] = toColumn(k, input[k]);
        insert.run(params);
        writeDays(id, input.days, now);
        return load(id);
      })();
    },

    update(id: string, patch: Partial<WorkshopValues>): Workshop {
      return db.transaction(() => {
        const current = fromRow(row(id), []);
        const stage = patch.stage ?? current.stage;
        const customName = patch.customStageName ?? current.customStageName;
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
            const sets = keys.map((k) => `${WORKSHOP_COLUMNS[k].column} = @${k}`).join(', ');
            stmt = db.prepare(`UPDATE workshops SET ${sets}, updated_at = @now WHERE id = @id`);
            updateStatements.set(sig, stmt);
          }
          const params: Record<string, unknown> = { id, now };
          for (const k of keys) params[k] = toColumn(k, patch[k]);
          stmt.run(params);
        }
        if (patch.days) {
          writeDays(id, patch.days, now);
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
