import type { Gender, Participant, Role } from '../../../shared/attendance';
import { AppError } from '../../../shared/errors';
import { agencyIndex, canonicalAgency, normalizeAgency, normalizeName, parseAgencyList } from '../../../shared/names';
import type { ServiceContext } from '../store/context';
import type { EngagementService } from '../engagements/service';

interface ParticipantRow {
  id: string;
  engagement_id: string;
  name: string;
  name_key: string;
  nip: string;
  position: string;
  agency: string;
  agency_key: string;
  phone: string;
  email: string;
  gender: Gender;
  role: Role;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
  merged_into: string | null;
}

export type ParticipantValues = Omit<Participant, 'id' | 'engagementId' | 'createdAt' | 'updatedAt'>;

const FIELDS = ['name', 'nip', 'position', 'agency', 'phone', 'email', 'gender', 'role'] as const;

function fromRow(r: ParticipantRow): Participant {
  return {
    id: r.id,
    engagementId: r.engagement_id,
    name: r.name,
    nip: r.nip,
    position: r.position,
    agency: r.agency,
    phone: r.phone,
    email: r.email,
    gender: r.gender,
    role: r.role,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** Rank of an attendance record when two must become one (a merge): signed presence wins. */
const rank = (a: { status: string; signature_hash: string | null }) =>
  (a.status === 'hadir' ? 4 : a.status === 'diwakili' ? 3 : a.status === 'tidak-hadir' ? 1 : 2) +
  (a.signature_hash ? 10 : 0);

/** The participant register of an engagement: people registered once, checked in at every stage. */
export function createParticipantService(ctx: ServiceContext, engagements: EngagementService) {
  const { db } = ctx;
  const selectOne = db.prepare('SELECT * FROM participants WHERE id = ?');
  const selectActive = db.prepare(
    'SELECT * FROM participants WHERE engagement_id = ? AND deleted_at IS NULL ORDER BY name_key, id',
  );
  const selectByNip = db.prepare(
    "SELECT id, name FROM participants WHERE engagement_id = ? AND nip = ? AND nip <> '' AND deleted_at IS NULL AND id <> ?",
  );
  const insert = db.prepare(`
    INSERT INTO participants (id, engagement_id, name, name_key, nip, position, agency, agency_key,
      phone, email, gender, role, created_at, updated_at)
    VALUES (@id, @engagementId, @name, @nameKey, @nip, @position, @agency, @agencyKey, @phone,
      @email, @gender, @role, @now, @now)`);
  const update = db.prepare(`
    UPDATE participants SET name = @name, name_key = @nameKey, nip = @nip, position = @position,
      agency = @agency, agency_key = @agencyKey, phone = @phone, email = @email, gender = @gender,
      role = @role, updated_at = @now WHERE id = @id`);
  const setDeleted = db.prepare('UPDATE participants SET deleted_at = ?, updated_at = ? WHERE id = ?');
  const markMerged = db.prepare('UPDATE participants SET merged_into = ?, deleted_at = ?, updated_at = ? WHERE id = ?');
  const attendanceOf = db.prepare('SELECT * FROM attendance WHERE participant_id = ? AND deleted_at IS NULL');
  // Removed rows too: the (day, person) pair is unique, so a removed row is revived, never duplicated.
  const attendanceAt = db.prepare('SELECT * FROM attendance WHERE participant_id = ? AND day_id = ?');
  const moveAttendance = db.prepare('UPDATE attendance SET participant_id = @to, updated_at = @now WHERE id = @id');
  // Attendance rows are never deleted here, only marked: a later merge of two laptops must see the removal.
  const removeAttendance = db.prepare('UPDATE attendance SET deleted_at = @now, updated_at = @now WHERE id = @id');
  const copyAttendance = db.prepare(`
    UPDATE attendance SET status = @status, check_in_at = @check_in_at, check_out_at = @check_out_at,
      represented_by = @represented_by, signature_hash = @signature_hash, deleted_at = NULL, updated_at = @now
    WHERE id = @target`);
  const moveRepresentative = db.prepare(
    'UPDATE attendance SET represented_by = ?, updated_at = ? WHERE represented_by = ? AND deleted_at IS NULL',
  );
  const clearSelfRepresentation = db.prepare(`
    UPDATE attendance SET represented_by = NULL, status = 'hadir', updated_at = ?
    WHERE participant_id = ? AND represented_by = ? AND deleted_at IS NULL`);

  function row(id: string, includeDeleted = false): ParticipantRow {
    const r = selectOne.get(id) as ParticipantRow | undefined;
    if (!r || (!includeDeleted && r.deleted_at)) {
      throw new AppError('NOT_FOUND', 'participantNotFound', { id });
    }
    return r;
  }

  function assertNipFree(engagementId: string, nip: string, selfId: string): void {
    if (!nip) return;
    const other = selectByNip.get(engagementId, nip, selfId) as { id: string; name: string } | undefined;
    if (other) {
      // The message names who already has the NIP: a typo and a duplicate person look different.
      throw new AppError(
        'CONFLICT',
        'checkin.duplicateNipOf',
        { duplicateOf: other.id, issues: [{ path: ['nip'], code: 'duplicateNip' }] },
        { name: other.name },
      );
    }
  }

  /** The engagement's OPD list with aliases: agencies are stored under their official name. */
  const agencyList = (engagementId: string) => agencyIndex(parseAgencyList(engagements.get(engagementId).agencies));

  const params = (id: string, engagementId: string, v: ParticipantValues, list = agencyList(engagementId)) => {
    // "Diskominfo" is stored as "Dinas Komunikasi dan Informatika": one OPD, one name, one count.
    const agency = canonicalAgency(list, v.agency);
    return {
      ...v,
      agency,
      id,
      engagementId,
      nameKey: normalizeName(v.name),
      agencyKey: normalizeAgency(agency),
      now: ctx.now(),
    };
  };

  return {
    list(engagementId: string): Participant[] {
      engagements.assertExists(engagementId);
      return (selectActive.all(engagementId) as ParticipantRow[]).map(fromRow);
    },

    get(id: string): Participant {
      return fromRow(row(id));
    },

    /** Throws NOT_FOUND unless the person is in this engagement's register. */
    assertIn(engagementId: string, id: string): Participant {
      const r = row(id);
      if (r.engagement_id !== engagementId) throw new AppError('NOT_FOUND', 'participantNotFound', { id });
      return fromRow(r);
    },

    create(engagementId: string, values: ParticipantValues): Participant {
      return db.transaction(() => {
        engagements.assertExists(engagementId);
        const id = ctx.newId();
        assertNipFree(engagementId, values.nip, id);
        insert.run(params(id, engagementId, values));
        return fromRow(row(id));
      })();
    },

    /** Insert many people in one transaction (an accepted import): all of them or none. */
    createMany(engagementId: string, list: ParticipantValues[]): number {
      return db.transaction(() => {
        engagements.assertExists(engagementId);
        const agencies = agencyList(engagementId);
        for (const values of list) {
          const id = ctx.newId();
          assertNipFree(engagementId, values.nip, id);
          insert.run(params(id, engagementId, values, agencies));
        }
        return list.length;
      })();
    },

    update(id: string, patch: Partial<ParticipantValues>): Participant {
      return db.transaction(() => {
        const current = fromRow(row(id));
        const next = { ...current, ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) };
        assertNipFree(current.engagementId, next.nip, id);
        update.run(params(id, current.engagementId, next as ParticipantValues));
        return fromRow(row(id));
      })();
    },

    delete(id: string): Participant {
      const p = fromRow(row(id));
      const now = ctx.now();
      setDeleted.run(now, now, id);
      return p;
    },

    restore(id: string): Participant {
      const r = row(id, true);
      if (r.merged_into) throw new AppError('CONFLICT', 'participantMerged', { id });
      assertNipFree(r.engagement_id, r.nip, id);
      setDeleted.run(null, ctx.now(), id);
      return fromRow(row(id));
    },

    /**
     * Merge a duplicate into a survivor: check-ins and signatures follow the survivor (on a day
     * both have one, the signed/present one is kept), empty fields of the survivor are filled from
     * the duplicate, and the duplicate leaves the register.
     */
    merge(survivorId: string, duplicateId: string): Participant {
      if (survivorId === duplicateId) {
        throw new AppError('VALIDATION', 'invalidInput', {
          issues: [{ path: ['duplicateId'], code: 'sameParticipant' }],
        });
      }
      return db.transaction(() => {
        const survivor = fromRow(row(survivorId));
        const duplicate = fromRow(row(duplicateId));
        if (survivor.engagementId !== duplicate.engagementId) {
          throw new AppError('NOT_FOUND', 'participantNotFound', { id: duplicateId });
        }
        type Att = {
          id: string;
          day_id: string;
          status: string;
          check_in_at: string | null;
          check_out_at: string | null;
          represented_by: string | null;
          signature_hash: string | null;
          deleted_at: string | null;
        };
        const now = ctx.now();
        for (const a of attendanceOf.all(duplicateId) as Att[]) {
          const mine = attendanceAt.get(survivorId, a.day_id) as Att | undefined;
          if (mine && !mine.deleted_at && rank(mine) >= rank(a)) {
            removeAttendance.run({ id: a.id, now });
          } else if (mine) {
            // The survivor's row takes the duplicate's values and keeps its own id.
            copyAttendance.run({ ...a, target: mine.id, now });
            removeAttendance.run({ id: a.id, now });
          } else {
            moveAttendance.run({ to: survivorId, id: a.id, now });
          }
        }
        moveRepresentative.run(survivorId, now, duplicateId);
        // Group work: the duplicate's place in a group goes to the survivor, unless the survivor is
        // in a group that day already; a group the duplicate spoke for keeps its rapporteur.
        db.prepare(
          `UPDATE group_members SET participant_id = @to, updated_at = @now
           WHERE participant_id = @from AND deleted_at IS NULL AND NOT EXISTS (
             SELECT 1 FROM group_members s WHERE s.participant_id = @to AND s.day_id = group_members.day_id
               AND s.deleted_at IS NULL)`,
        ).run({ to: survivorId, from: duplicateId, now });
        db.prepare(
          'UPDATE group_members SET deleted_at = @now, updated_at = @now WHERE participant_id = @from AND deleted_at IS NULL',
        ).run({ from: duplicateId, now });
        db.prepare('UPDATE groups SET rapporteur_id = @to, updated_at = @now WHERE rapporteur_id = @from').run({
          to: survivorId,
          from: duplicateId,
          now,
        });
        // Someone cannot represent themselves: if the duplicate stood in for the survivor, the
        // survivor was there in person after all.
        clearSelfRepresentation.run(now, survivorId, survivorId);
        const filled = { ...survivor } as ParticipantValues & Participant;
        for (const f of FIELDS) {
          if (!filled[f] && duplicate[f]) (filled as Record<string, unknown>)[f] = duplicate[f];
        }
        markMerged.run(survivorId, now, now, duplicateId);
        update.run(params(survivorId, survivor.engagementId, filled));
        return fromRow(row(survivorId));
      })();
    },
  };
}

export type ParticipantService = ReturnType<typeof createParticipantService>;
