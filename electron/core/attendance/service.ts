import type { AgencyCount, AttendanceEntry, AttendanceStatus, DaySheet, Recap } from '../../../shared/attendance';
import { normalizeAgency } from '../../../shared/names';
import { AppError } from '../../../shared/errors';
import type { TimeZone } from '../../../shared/domain';
import { zonedInstant } from '../../../shared/format';
import { isBlankPng, MAX_SIGNATURE_PIXELS, sniffImage } from '../images';
import type { BlobService } from '../store/blobs';
import type { ServiceContext } from '../store/context';
import type { ParticipantService } from '../participants/service';

interface DayContextRow {
  day_id: string;
  date: string;
  start_time: string;
  end_time: string | null;
  position: number;
  workshop_id: string;
  title: string;
  venue: string;
  engagement_id: string;
  time_zone: TimeZone;
}

interface AttendanceRow {
  id: string;
  day_id: string;
  participant_id: string;
  status: AttendanceStatus;
  check_in_at: string | null;
  check_out_at: string | null;
  represented_by: string | null;
  signature_hash: string | null;
  updated_at: string;
}

const entryFromRow = (r: AttendanceRow): AttendanceEntry => ({
  participantId: r.participant_id,
  status: r.status,
  checkInAt: r.check_in_at,
  checkOutAt: r.check_out_at,
  representedById: r.represented_by,
  hasSignature: r.signature_hash !== null,
  updatedAt: r.updated_at,
});

export const NO_AGENCY = '';

/** Check-in at the door: status, times and signature of each person on each workshop day. */
export function createAttendanceService(ctx: ServiceContext, participants: ParticipantService, blobs: BlobService) {
  const { db } = ctx;
  const selectDay = db.prepare(`
    SELECT d.id AS day_id, d.date, d.start_time, d.end_time, d.position, w.id AS workshop_id, w.title,
      w.venue, w.engagement_id, e.time_zone
    FROM workshop_days d JOIN workshops w ON w.id = d.workshop_id
    JOIN engagements e ON e.id = w.engagement_id
    WHERE d.id = ? AND d.deleted_at IS NULL AND w.deleted_at IS NULL AND e.deleted_at IS NULL`);
  // People removed from the register (or merged away) leave the day's list with them.
  const selectEntries = db.prepare(`
    SELECT a.* FROM attendance a JOIN participants p ON p.id = a.participant_id
    WHERE a.day_id = ? AND a.deleted_at IS NULL AND p.deleted_at IS NULL ORDER BY a.check_in_at, a.updated_at`);
  const selectEntry = db.prepare(
    'SELECT * FROM attendance WHERE day_id = ? AND participant_id = ? AND deleted_at IS NULL',
  );
  // A row keeps its id for life; writing over a removed one brings it back (same id, new values).
  const upsert = db.prepare(`
    INSERT INTO attendance (id, day_id, participant_id, status, check_in_at, check_out_at, represented_by,
      signature_hash, created_at, updated_at)
    VALUES (@id, @dayId, @participantId, @status, @checkInAt, @checkOutAt, @representedBy, @signatureHash,
      @now, @now)
    ON CONFLICT(day_id, participant_id) DO UPDATE SET status = excluded.status,
      check_in_at = excluded.check_in_at, check_out_at = excluded.check_out_at,
      represented_by = excluded.represented_by, signature_hash = excluded.signature_hash,
      updated_at = excluded.updated_at, deleted_at = NULL`);
  // min(): one spelling per agency key, the same in the whole sheet and in the per-agency counts
  // that change events carry (open views match them by this name).
  const agencyCounts = db.prepare(`
    SELECT min(p.agency) AS agency, count(*) AS expected,
      sum(CASE WHEN a.status = 'hadir' THEN 1 ELSE 0 END) AS present
    FROM participants p
    LEFT JOIN attendance a ON a.participant_id = p.id AND a.day_id = ? AND a.deleted_at IS NULL
    WHERE p.engagement_id = ? AND p.deleted_at IS NULL
    GROUP BY p.agency_key ORDER BY present DESC, expected DESC, min(p.agency)`);
  const oneAgencyCount = db.prepare(`
    SELECT min(p.agency) AS agency, count(*) AS expected,
      coalesce(sum(CASE WHEN a.status = 'hadir' THEN 1 ELSE 0 END), 0) AS present
    FROM participants p
    LEFT JOIN attendance a ON a.participant_id = p.id AND a.day_id = ? AND a.deleted_at IS NULL
    WHERE p.engagement_id = ? AND p.agency_key = ? AND p.deleted_at IS NULL`);
  const agencyKeyOf = db.prepare('SELECT agency_key FROM participants WHERE id = ?').pluck();
  const recapDays = db.prepare(`
    SELECT d.id AS day_id, d.date, w.id AS workshop_id, w.stage, w.custom_stage_name
    FROM workshop_days d JOIN workshops w ON w.id = d.workshop_id
    WHERE w.engagement_id = ? AND w.deleted_at IS NULL AND d.deleted_at IS NULL
    ORDER BY d.date, w.created_at, d.position`);
  const recapEntries = db.prepare(`
    SELECT a.day_id, a.participant_id, a.status FROM attendance a
    JOIN workshop_days d ON d.id = a.day_id JOIN workshops w ON w.id = d.workshop_id
    WHERE w.engagement_id = ? AND a.deleted_at IS NULL AND d.deleted_at IS NULL AND w.deleted_at IS NULL`);

  function day(dayId: string): DayContextRow {
    const d = selectDay.get(dayId) as DayContextRow | undefined;
    if (!d) throw new AppError('NOT_FOUND', 'dayNotFound', { id: dayId });
    return d;
  }

  function entry(dayId: string, participantId: string): AttendanceRow | undefined {
    return selectEntry.get(dayId, participantId) as AttendanceRow | undefined;
  }

  function write(dayId: string, participantId: string, values: Partial<AttendanceRow>): AttendanceEntry {
    const current = entry(dayId, participantId);
    upsert.run({
      id: current?.id ?? ctx.newId(),
      dayId,
      participantId,
      status: values.status ?? current?.status ?? 'hadir',
      checkInAt: 'check_in_at' in values ? values.check_in_at : (current?.check_in_at ?? null),
      checkOutAt: 'check_out_at' in values ? values.check_out_at : (current?.check_out_at ?? null),
      representedBy: 'represented_by' in values ? values.represented_by : (current?.represented_by ?? null),
      signatureHash: 'signature_hash' in values ? values.signature_hash : (current?.signature_hash ?? null),
      now: ctx.now(),
    });
    return entryFromRow(entry(dayId, participantId)!);
  }

  function signatureHash(png: string): string {
    const bytes = Buffer.from(png, 'base64');
    const info = sniffImage(bytes);
    const refuse = (code: string): never => {
      throw new AppError('VALIDATION', 'invalidInput', { issues: [{ path: ['signature'], code }] });
    };
    // A signature is what the pad exports: a PNG of modest size.
    if (!info || info.type !== 'png') refuse('notAnImage');
    if (info!.width * info!.height > MAX_SIGNATURE_PIXELS) refuse('fileTooLarge');
    if (isBlankPng(bytes)) {
      throw new AppError('VALIDATION', 'invalidInput', { issues: [{ path: ['signature'], code: 'emptySignature' }] });
    }
    return blobs.putImage(bytes, 'signature');
  }

  /** The day, its workshop, and the person checked into the right engagement. */
  function scope(dayId: string, participantId: string) {
    const d = day(dayId);
    participants.assertIn(d.engagement_id, participantId);
    return d;
  }

  return {
    /** Throws NOT_FOUND unless the day exists in a workshop that is not deleted. */
    dayContext: day,

    /**
     * Rekap kehadiran: every person of the register against every stage day of the engagement,
     * with the number present per day, per OPD (under the name the register stores), and who came
     * to every day. A representative counts where they sat, as in the day's own counts.
     */
    recap(engagementId: string): Recap {
      const people = participants.list(engagementId);
      const days = (
        recapDays.all(engagementId) as {
          day_id: string;
          date: string;
          workshop_id: string;
          stage: string;
          custom_stage_name: string;
        }[]
      ).map((d) => ({
        dayId: d.day_id,
        workshopId: d.workshop_id,
        stage: d.stage,
        customStageName: d.custom_stage_name,
        date: d.date,
      }));
      const column = new Map(days.map((d, i) => [d.dayId, i]));
      const status = new Map<string, (AttendanceStatus | null)[]>();
      for (const e of recapEntries.all(engagementId) as {
        day_id: string;
        participant_id: string;
        status: AttendanceStatus;
      }[]) {
        const i = column.get(e.day_id);
        if (i === undefined) continue;
        const row = status.get(e.participant_id) ?? Array<AttendanceStatus | null>(days.length).fill(null);
        row[i] = e.status;
        status.set(e.participant_id, row);
      }
      const present = Array<number>(days.length).fill(0);
      const agencies = new Map<string, { agency: string; expected: number; present: number[] }>();
      let everyDayCount = 0;
      const rows = people.map((p) => {
        const statuses = status.get(p.id) ?? Array<AttendanceStatus | null>(days.length).fill(null);
        const key = normalizeAgency(p.agency);
        const a = agencies.get(key) ?? { agency: p.agency, expected: 0, present: Array<number>(days.length).fill(0) };
        a.expected += 1;
        statuses.forEach((st, i) => {
          if (st !== 'hadir') return;
          present[i] += 1;
          a.present[i] += 1;
        });
        agencies.set(key, a);
        const everyDay = days.length > 0 && statuses.every((st) => st === 'hadir');
        if (everyDay) everyDayCount += 1;
        return { participantId: p.id, name: p.name, agency: p.agency, statuses, everyDay };
      });
      return {
        days,
        people: rows,
        byAgency: [...agencies.values()].sort((a, b) => a.agency.localeCompare(b.agency, 'id')),
        totals: { expected: people.length, present, everyDay: everyDayCount },
      };
    },

    /**
     * The day's counts of the agencies of these people, as they are now: what a change event
     * carries so open views update their per-OPD bars without reading the whole register.
     */
    agencyCountsFor(dayId: string, participantIds: string[]): AgencyCount[] {
      const d = day(dayId);
      const keys = new Set(participantIds.map((id) => agencyKeyOf.get(id) as string | undefined));
      const out: AgencyCount[] = [];
      for (const key of keys) {
        if (key === undefined) continue;
        const r = oneAgencyCount.get(dayId, d.engagement_id, key) as
          { agency: string | null; expected: number; present: number } | undefined;
        if (r && r.expected > 0) out.push({ agency: r.agency ?? NO_AGENCY, expected: r.expected, present: r.present });
      }
      return out;
    },

    sheet(dayId: string): DaySheet {
      const d = day(dayId);
      const entries = (selectEntries.all(dayId) as AttendanceRow[]).map(entryFromRow);
      const byAgency = (
        agencyCounts.all(dayId, d.engagement_id) as { agency: string; expected: number; present: number }[]
      ).map((r) => ({ agency: r.agency ?? NO_AGENCY, expected: r.expected, present: r.present ?? 0 }));
      return {
        day: { id: d.day_id, date: d.date, startTime: d.start_time, endTime: d.end_time, index: d.position },
        workshop: { id: d.workshop_id, title: d.title, venue: d.venue, engagementId: d.engagement_id },
        timeZone: d.time_zone,
        entries,
        counts: {
          present: byAgency.reduce((n, a) => n + a.present, 0),
          expected: byAgency.reduce((n, a) => n + a.expected, 0),
          byAgency,
        },
      };
    },

    /**
     * Present now; the first check-in time is kept when someone checks in again. With
     * `represents`, the person represented is marked diwakili in the same transaction (the
     * signature is then required).
     *
     * `selfService`: the caller is a self check-in screen, not the facilitator. It may not redo a
     * signature already given that day (only the facilitator may, with `setSignature`), so a tablet
     * at the door cannot replace anyone's signature in the daftar hadir.
     */
    checkIn(
      dayId: string,
      participantId: string,
      signaturePng: string | null,
      selfService = false,
      represents: string | null = null,
      at: string | null = null,
    ) {
      return db.transaction(() => {
        const d = scope(dayId, participantId);
        const current = entry(dayId, participantId);
        // Input susulan (from the paper sheet afterwards) is the secretariat's, not a tablet's.
        if (at !== null && selfService) throw new AppError('FORBIDDEN', 'forbiddenForRole', {});
        if (selfService && current?.status === 'hadir' && current.signature_hash) {
          throw new AppError('CONFLICT', 'alreadySigned', { participantId });
        }
        if (represents !== null) {
          // Only the facilitator records who represents whom, and only with the signature.
          if (selfService) throw new AppError('FORBIDDEN', 'forbiddenForRole', {});
          if (!signaturePng) {
            throw new AppError('VALIDATION', 'invalidInput', {
              issues: [{ path: ['signature'], code: 'emptySignature' }],
            });
          }
          if (represents === participantId) {
            throw new AppError('VALIDATION', 'invalidInput', {
              issues: [{ path: ['represents'], code: 'sameParticipant' }],
            });
          }
          participants.assertIn(d.engagement_id, represents);
        }
        const values: Partial<AttendanceRow> = {
          status: 'hadir',
          check_in_at:
            at !== null
              ? zonedInstant(d.date, at, d.time_zone)
              : current?.status === 'hadir' && current.check_in_at
                ? current.check_in_at
                : ctx.now(),
          check_out_at: null,
          represented_by: null,
        };
        const stored = signaturePng ? signatureHash(signaturePng) : null;
        if (stored) values.signature_hash = stored;
        const written = write(dayId, participantId, values);
        // The person represented: diwakili, no time and no signature of their own.
        const represented =
          represents === null
            ? null
            : write(dayId, represents, {
                status: 'diwakili',
                check_in_at: null,
                check_out_at: null,
                represented_by: participantId,
                signature_hash: null,
              });
        return {
          entry: written,
          also: represented,
          engagementId: d.engagement_id,
          workshopId: d.workshop_id,
          signatureHash: stored,
        };
      })();
    },

    setStatus(dayId: string, participantId: string, status: AttendanceStatus, representedById: string | null) {
      return db.transaction(() => {
        const d = scope(dayId, participantId);
        if (status === 'hadir') {
          const current = entry(dayId, participantId);
          const e = write(dayId, participantId, {
            status,
            check_in_at: current?.check_in_at ?? ctx.now(),
            represented_by: null,
          });
          return { entry: e, engagementId: d.engagement_id, workshopId: d.workshop_id };
        }
        if (status === 'diwakili') {
          if (representedById === participantId) {
            throw new AppError('VALIDATION', 'invalidInput', {
              issues: [{ path: ['representedById'], code: 'sameParticipant' }],
            });
          }
          participants.assertIn(d.engagement_id, representedById!);
          // The representative must be there already, checked in: nobody is marked present by
          // being named as a representative (at the door, `checkIn` with `represents` does both).
          const rep = entry(dayId, representedById!);
          if (!rep || rep.status !== 'hadir') {
            throw new AppError('CONFLICT', 'notCheckedIn', { participantId: representedById });
          }
        }
        // Absent people have no check-in time and no signature for the day.
        const e = write(dayId, participantId, {
          status,
          check_in_at: null,
          check_out_at: null,
          represented_by: status === 'diwakili' ? representedById : null,
          signature_hash: null,
        });
        return { entry: e, engagementId: d.engagement_id, workshopId: d.workshop_id };
      })();
    },

    checkOut(dayId: string, participantId: string) {
      return db.transaction(() => {
        const d = scope(dayId, participantId);
        const current = entry(dayId, participantId);
        if (!current || current.status !== 'hadir') throw new AppError('CONFLICT', 'notCheckedIn', { participantId });
        return {
          entry: write(dayId, participantId, { check_out_at: ctx.now() }),
          engagementId: d.engagement_id,
          workshopId: d.workshop_id,
        };
      })();
    },

    /** Store (or redo) the signature of someone present; an empty pad is refused. */
    setSignature(dayId: string, participantId: string, png: string) {
      return db.transaction(() => {
        const d = scope(dayId, participantId);
        const current = entry(dayId, participantId);
        if (!current || current.status !== 'hadir') throw new AppError('CONFLICT', 'notCheckedIn', { participantId });
        const stored = signatureHash(png);
        return {
          entry: write(dayId, participantId, { signature_hash: stored }),
          engagementId: d.engagement_id,
          workshopId: d.workshop_id,
          signatureHash: stored,
        };
      })();
    },

    /** The signature image of a person on a day (for the check-in screen and the DOCX only). */
    signature(dayId: string, participantId: string) {
      scope(dayId, participantId);
      const e = entry(dayId, participantId);
      return e?.signature_hash ? blobs.get(e.signature_hash) : null;
    },

    /**
     * Every live entry of the day for documents, in check-in order: status, who represents whom and
     * the signature hash. People without an entry are "tidak hadir" for the daftar hadir.
     */
    documentEntries(dayId: string): {
      participantId: string;
      status: AttendanceStatus;
      representedById: string | null;
      signatureHash: string | null;
    }[] {
      day(dayId);
      return (selectEntries.all(dayId) as AttendanceRow[]).map((r) => ({
        participantId: r.participant_id,
        status: r.status,
        representedById: r.represented_by,
        signatureHash: r.signature_hash,
      }));
    },

    /** Rows of the day for documents: who is present, in check-in order, with their signature hash. */
    presentRows(dayId: string): { participantId: string; signatureHash: string | null; checkInAt: string | null }[] {
      day(dayId);
      return (selectEntries.all(dayId) as AttendanceRow[])
        .filter((r) => r.status === 'hadir')
        .map((r) => ({ participantId: r.participant_id, signatureHash: r.signature_hash, checkInAt: r.check_in_at }));
    },
  };
}

export type AttendanceService = ReturnType<typeof createAttendanceService>;
