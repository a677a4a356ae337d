import type { AttendanceEntry } from '../../../shared/attendance';
import type { ChangeEvent } from '../../../shared/domain';
import type { attendanceOps } from '../../../shared/contract/attendance';
import type { SliceImplementations } from '../handlers';
import { dataUrl } from '../images';
import type { CropQueue } from './crop-queue';
import type { AttendanceService } from './service';

interface Written {
  entry: AttendanceEntry;
  /** Another entry the same call changed (the person represented). */
  also?: AttendanceEntry | null;
  engagementId: string;
  workshopId: string;
  /** The signature this call stored, if any (cropped to its ink afterwards, off this thread). */
  signatureHash?: string | null;
}

/** The attendance operations of the contract, on the attendance service. */
export function attendanceApp(
  attendance: AttendanceService,
  crops: Pick<CropQueue, 'add'>,
): SliceImplementations<typeof attendanceOps> {
  /**
   * Each changed entry travels with the day's counts of its agency, so open day sheets (the
   * projector's OPD bars included) patch themselves without reading the register.
   */
  const outcome = (r: Written, dayId: string) => {
    // Committed: the crop is made in a job worker, ready before anyone exports the daftar hadir.
    if (r.signatureHash) crops.add(r.signatureHash);
    const entries = r.also ? [r.entry, r.also] : [r.entry];
    const events: ChangeEvent[] = entries.map((entry) => ({
      entity: 'attendance',
      id: entry.participantId,
      action: 'updated',
      engagementId: r.engagementId,
      workshopId: r.workshopId,
      dayId,
      record: entry,
      agencies: attendance.agencyCountsFor(dayId, [entry.participantId]),
    }));
    return { value: r.entry, events };
  };

  return {
    'attendance.day': ({ dayId }) => attendance.sheet(dayId),
    'attendance.recap': ({ engagementId }) => attendance.recap(engagementId),
    'attendance.checkIn': ({ dayId, participantId, signature, represents, at }, caller) =>
      outcome(
        attendance.checkIn(dayId, participantId, signature, caller.role !== 'facilitator', represents, at),
        dayId,
      ),
    'attendance.setStatus': ({ dayId, participantId, status, representedById }) =>
      outcome(attendance.setStatus(dayId, participantId, status, representedById), dayId),
    'attendance.checkOut': ({ dayId, participantId }) => outcome(attendance.checkOut(dayId, participantId), dayId),
    'attendance.setSignature': ({ dayId, participantId, signature }) =>
      outcome(attendance.setSignature(dayId, participantId, signature), dayId),
    'attendance.signature': ({ dayId, participantId }) => ({
      dataUrl: dataUrl(attendance.signature(dayId, participantId)),
    }),
  };
}
