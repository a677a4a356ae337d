import { AppError } from '../../../shared/errors';
import type { Engagement, EngagementSummary } from '../../../shared/domain';
import type { ServiceContext } from './context';

interface EngagementRow {
  id: string;
  region_name: string;
  region_kind: 'kota' | 'kabupaten';
  province: string;
  year: number;
  time_zone: 'WIB' | 'WITA' | 'WIT';
  programme_name: string;
  agencies_json: string;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

type EngagementValues = Omit<Engagement, 'id' | 'createdAt' | 'updatedAt'>;

const COLUMNS: Record<keyof EngagementValues, string> = {
  regionName: 'region_name',
  regionKind: 'region_kind',
  province: 'province',
  year: 'year',
  timeZone: 'time_zone',
  programmeName: 'programme_name',
  agencies: 'agencies_json',
};

function fromRow(r: EngagementRow): Engagement {
  return {
    id: r.id,
    regionName: r.region_name,
    regionKind: r.region_kind,
    province: r.province,
    year: r.year,
    timeZone: r.time_zone,
    programmeName: r.programme_name,
    agencies: JSON.parse(r.agencies_json) as string[],
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

function toColumn(key: keyof EngagementValues, value: unknown): unknown {
  return key === 'agencies' ? JSON.stringify(value) : value;
}

/** Engagements (pendampingan): one region's journey through the Bimtek stages. */
export function createEngagementService(ctx: ServiceContext) {
  const { db } = ctx;
  const selectOne = db.prepare('SELECT * FROM engagements WHERE id = ?');
  const selectList = db.prepare(`
    SELECT e.*, (SELECT count(*) FROM workshops w
                 WHERE w.engagement_id = e.id AND w.deleted_at IS NULL) AS workshop_count
    FROM engagements e WHERE e.deleted_at IS NULL
    ORDER BY e.year DESC, e.created_at DESC`);
  const insert = db.prepare(`
    INSERT INTO engagements (id, region_name, region_kind, province, year, time_zone,
      programme_name, agencies_json, created_at, updated_at)
    VALUES (@id, @regionName, @regionKind, @province, @year, @timeZone, @programmeName,
      @agencies, @now, @now)`);
  const setDeleted = db.prepare('UPDATE engagements SET deleted_at = ?, updated_at = ? WHERE id = ?');
  const updateStatements = new Map<string, ReturnType<typeof db.prepare>>();

  function row(id: string, includeDeleted = false): EngagementRow {
    const r = selectOne.get(id) as EngagementRow | undefined;
    if (!r || (!includeDeleted && r.deleted_at)) {
      throw new AppError('NOT_FOUND', 'engagementNotFound', { id });
    }
    return r;
  }

  return {
    list(): EngagementSummary[] {
      return (selectList.all() as (EngagementRow & { workshop_count: number })[]).map((r) => ({
        ...fromRow(r),
        workshopCount: r.workshop_count,
      }));
    },

    get(id: string): Engagement {
      return fromRow(row(id));
    },

    /** Throws NOT_FOUND unless the engagement exists and is not deleted. */
    assertExists(id: string): EngagementRow {
      return row(id);
    },

    create(input: EngagementValues): Engagement {
      const id = ctx.newId();
      insert.run({ ...input, agencies: JSON.stringify(input.agencies), id, now: ctx.now() });
      return fromRow(row(id));
    },

    update(id: string, patch: Partial<EngagementValues>): Engagement {
      const keys = (Object.keys(patch) as (keyof EngagementValues)[]).filter(
        (k) => patch[k] !== undefined,
      );
      return db.transaction(() => {
        row(id);
        if (keys.length > 0) {
          const sig = keys.join(',');
          let stmt = updateStatements.get(sig);
          if (!stmt) {
            const sets = keys.map((k) => `${COLUMNS[k]} = @${k}`).join(', ');
            stmt = db.prepare(`UPDATE engagements SET ${sets}, updated_at = @now WHERE id = @id`);
            updateStatements.set(sig, stmt);
          }
          const params: Record<string, unknown> = { id, now: ctx.now() };
          for (const k of keys) params[k] = toColumn(k, patch[k]);
          stmt.run(params);
        }
        return fromRow(row(id));
      })();
    },

    delete(id: string): { id: string } {
      row(id);
      const now = ctx.now();
      setDeleted.run(now, now, id);
      return { id };
    },

    restore(id: string): Engagement {
      row(id, true);
      setDeleted.run(null, ctx.now(), id);
      return fromRow(row(id));
    },
  };
}

export type EngagementService = ReturnType<typeof createEngagementService>;
