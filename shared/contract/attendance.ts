import { z } from 'zod';
import {
  AgencyCount,
  AttendanceEntry,
  CheckInInput,
  DayParticipant,
  DayRef,
  DaySheet,
  Participant,
  Recap,
  SetStatusInput,
} from '../attendance';
import { normalizeAgency } from '../names';
import type { ChangeEvent } from '../domain';
import { idSchema } from '../domain';
import { mutation, ONLY_FACILITATOR, query, SCREENS, SELF_CHECKIN } from './define';

/**
 * Apply an attendance change event to an open day sheet: the person's entry is replaced and the
 * counts of the agencies it touched are taken from the event (the store computed them), so a
 * check-in never makes a window reload the day. Other changes (a person added to the register,
 * a merge) make the view reload.
 */
export function patchDaySheet(sheet: DaySheet, e: ChangeEvent, dayId: string): DaySheet | undefined {
  if (e.entity === 'participant') return patchNewcomer(sheet, e);
  if (e.entity !== 'attendance') return undefined;
  if (e.dayId !== dayId) return sheet;
  const entry = AttendanceEntry.safeParse(e.record);
  const agencies = z.array(AgencyCount).safeParse(e.agencies);
  if (!entry.success || !agencies.success) return undefined;
  const entries = sheet.entries.filter((x) => x.participantId !== entry.data.participantId);
  entries.push(entry.data);
  // The store's order: by check-in time (none first), then by last change.
  const cmp = (a: string | null, b: string | null) => (a === b ? 0 : a === null ? -1 : b === null ? 1 : a < b ? -1 : 1);
  entries.sort((a, b) => cmp(a.checkInAt, b.checkInAt) || cmp(a.updatedAt, b.updatedAt));
  const byAgency = sheet.counts.byAgency.map((a) => agencies.data.find((n) => n.agency === a.agency) ?? a);
  for (const n of agencies.data) if (!byAgency.some((a) => a.agency === n.agency)) byAgency.push(n);
  return withCounts({ ...sheet, entries }, byAgency);
}

/** The sheet with these agency counts, in the store's order, and their totals. */
function withCounts(sheet: DaySheet, byAgency: DaySheet['counts']['byAgency']): DaySheet {
  byAgency.sort((a, b) => b.present - a.present || b.expected - a.expected || (a.agency < b.agency ? -1 : 1));
  return {
    ...sheet,
    counts: {
      present: byAgency.reduce((n, a) => n + a.present, 0),
      expected: byAgency.reduce((n, a) => n + a.expected, 0),
      byAgency,
    },
  };
}

/**
 * A person added to the register (a walk-in at the door) is one more expected in their agency:
 * the sheet follows without reading the register again. The agency is matched as the store groups
 * it (`normalizeAgency`) and named by the smallest spelling, as the store does. Anything else that
 * changes the register (an edit, a removal, an import, a merge) makes the view reload.
 */
function patchNewcomer(sheet: DaySheet, e: ChangeEvent): DaySheet | undefined {
  if (e.action !== 'created' || e.engagementId !== sheet.workshop.engagementId)
    return e.engagementId === sheet.workshop.engagementId ? undefined : sheet;
  const person = Participant.safeParse(e.record);
  if (!person.success) return undefined;
  const key = normalizeAgency(person.data.agency);
  let found = false;
  const byAgency = sheet.counts.byAgency.map((a) => {
    if (normalizeAgency(a.agency) !== key) return a;
    found = true;
    const agency = person.data.agency < a.agency ? person.data.agency : a.agency;
    return { ...a, agency, expected: a.expected + 1 };
  });
  if (!found) byAgency.push({ agency: person.data.agency, present: 0, expected: 1 });
  return withCounts(sheet, byAgency);
}

/** Check-in at the door: status, times and signatures of each person on each workshop day. */
export const attendanceOps = {
  /** A workshop day's attendance: entries and live counts (present / expected, by agency). */
  'attendance.day': query({
    input: DayRef,
    output: DaySheet,
    roles: SCREENS,
    reads: ['attendance', 'participant', 'workshop'],
    patch: (sheet, e, input) => patchDaySheet(sheet, e, input.dayId),
  }),
  /** Check a person in (present now), optionally with a signature PNG. */
  'attendance.checkIn': mutation({
    input: CheckInInput,
    output: AttendanceEntry,
    roles: SELF_CHECKIN,
    changes: ['attendance'],
  }),
  /** Set izin / sakit / diwakili (with the representative) / tidak hadir / hadir. */
  'attendance.setStatus': mutation({
    input: SetStatusInput,
    output: AttendanceEntry,
    roles: ONLY_FACILITATOR,
    changes: ['attendance'],
  }),
  /** Record the time a present person leaves. */
  'attendance.checkOut': mutation({
    input: DayParticipant,
    output: AttendanceEntry,
    roles: ONLY_FACILITATOR,
    changes: ['attendance'],
  }),
  /** Store or redo the signature of a present person; an empty pad is refused. */
  'attendance.setSignature': mutation({
    input: z.strictObject({
      dayId: idSchema,
      participantId: idSchema,
      signature: CheckInInput.shape.signature.unwrap().unwrap(),
    }),
    output: AttendanceEntry,
    roles: ONLY_FACILITATOR,
    changes: ['attendance'],
  }),
  /** Rekap kehadiran: the register × every stage day of the engagement, with totals per day and per OPD. */
  'attendance.recap': query({
    input: z.strictObject({ engagementId: idSchema }),
    output: Recap,
    roles: ONLY_FACILITATOR,
    reads: ['attendance', 'participant', 'workshop'],
  }),
  /** A person's signature of a day as a data URL (shown only on the facilitator's check-in screen). */
  'attendance.signature': query({
    input: DayParticipant,
    output: z.object({ dataUrl: z.string().nullable() }),
    roles: ONLY_FACILITATOR,
    reads: ['attendance'],
  }),
};
