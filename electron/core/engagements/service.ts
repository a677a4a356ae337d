import { documentSettingsFrom, type DocumentSettings, type Letterhead } from '../../../shared/attendance';
import { AppError } from '../../../shared/errors';
import type { Engagement, EngagementSummary } from '../../../shared/domain';
import type { BlobService } from '../store/blobs';
import type { ServiceContext } from '../store/context';

interface EngagementRow {
  id: string;
  region_name: string;
  region_kind: 'kota' | 'kabupaten';
  province: string;
  year: number;
  time_zone: 'WIB' | 'WITA' | 'WIT';
  programme_name: string;
  agencies_json: string;
  letterhead_json: string;
  documents_json: string;
  emblem_hash: string | null;
  kiosk_pin_hash: string | null;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

type EngagementValues = Omit<
  Engagement,
  'id' | 'createdAt' | 'updatedAt' | 'letterhead' | 'documents' | 'hasEmblem' | 'kioskPinSet'
>;
type EngagementEdit = Partial<EngagementValues> & {
  letterhead?: Letterhead;
  documents?: DocumentSettings;
  /** The PIN's hash (pin-guard.ts hashes it off the event loop); never the PIN itself. */
  kioskPin?: string;
};
type EditKey = keyof EngagementEdit;

const COLUMNS: Record<EditKey, string> = {
  letterhead: 'letterhead_json',
  documents: 'documents_json',
  kioskPin: 'kiosk_pin_hash',
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
    letterhead: JSON.parse(r.letterhead_json) as Letterhead,
    documents: documentSettingsFrom(JSON.parse(r.documents_json) as Partial<DocumentSettings>),
    hasEmblem: r.emblem_hash !== null,
    kioskPinSet: r.kiosk_pin_hash !== null,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

function toColumn(key: EditKey, value: unknown): unknown {
  if (key === 'agencies' || key === 'letterhead' || key === 'documents') return JSON.stringify(value);
  return value;
}

/** Engagements (pendampingan): one region's journey through the Bimtek stages. */
export function createEngagementService(ctx: ServiceContext, blobs: BlobService) {
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
  const setEmblemHash = db.prepare('UPDATE engagements SET emblem_hash = ?, updated_at = ? WHERE id = ?');
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

    /** Change fields; `pinHash` (already hashed) sets the self check-in PIN. */
    update(id: string, fields: Omit<EngagementEdit, 'kioskPin'>, pinHash?: string): Engagement {
      const patch: EngagementEdit = pinHash === undefined ? fields : { ...fields, kioskPin: pinHash };
      const keys = (Object.keys(patch) as EditKey[]).filter((k) => patch[k] !== undefined);
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

    /** Set (PNG/JPEG bytes) or remove (null) the regional emblem shown in the letterhead. */
    setEmblem(id: string, bytes: Uint8Array | null): Engagement {
      return db.transaction(() => {
        row(id);
        const hash = bytes ? blobs.putImage(bytes, 'image') : null;
        setEmblemHash.run(hash, ctx.now(), id);
        return fromRow(row(id));
      })();
    },

    /** The emblem image, if one is set. */
    emblem(id: string) {
      const r = row(id);
      return r.emblem_hash ? blobs.get(r.emblem_hash) : null;
    },

    /** The stored hash of the self check-in PIN, or null when none is set. */
    pinHash(id: string): string | null {
      return row(id).kiosk_pin_hash;
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
