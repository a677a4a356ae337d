import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import type { DocumentSettings, Letterhead } from '../../../shared/attendance';
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
    documents: JSON.parse(r.documents_json) as DocumentSettings,
    hasEmblem: r.emblem_hash !== null,
    kioskPinSet: r.kiosk_pin_hash !== null,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** A PIN is kept only as a salted scrypt hash. */
function hashPin(pin: string): string {
  const salt = randomBytes(16);
  return `${salt.toString('hex')}:${scryptSync(pin, salt, 32).toString('hex')}`;
}

function pinMatches(pin: string, stored: string): boolean {
  const [saltHex, hashHex] = stored.split(':');
  const expected = Buffer.from(hashHex, 'hex');
  const actual = scryptSync(pin, Buffer.from(saltHex, 'hex'), expected.length);
  return timingSafeEqual(expected, actual);
}

function toColumn(key: EditKey, value: unknown): unknown {
  if (key === 'agencies' || key === 'letterhead' || key === 'documents') return JSON.stringify(value);
  if (key === 'kioskPin') return hashPin(value as string);
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
  const pinFailures = new Map<string, { count: number; last: number }>();

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

    update(id: string, patch: EngagementEdit): Engagement {
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

    /**
     * Whether a PIN opens the self check-in screen of this engagement (true when none is set).
     * After 5 wrong PINs in a row, every try is refused for 30 s (someone at the door guessing).
     */
    verifyPin(id: string, pin: string): boolean {
      const r = row(id);
      if (r.kiosk_pin_hash === null) return true;
      const now = Date.now();
      const f = pinFailures.get(id);
      if (f && f.count >= 5 && now - f.last < 30_000) return false;
      const ok = pinMatches(pin, r.kiosk_pin_hash);
      if (ok) pinFailures.delete(id);
      else pinFailures.set(id, { count: (f && now - f.last < 30_000 ? f.count : 0) + 1, last: now });
      return ok;
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
