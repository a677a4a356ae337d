import type { FilePayload } from '../../../shared/attendance';
import { formatLongDate, formatTimeRange } from '../../../shared/format';
import type { Language } from '../../../shared/languages';
import { buildAttendanceDocx, type AttendanceDocRow } from './attendance-docx';
import type { LetterheadSettings } from './letterhead';
import { exportRegisterCsv, exportRegisterXlsx } from '../import/index';
import type { AttendanceService } from '../attendance/service';
import type { BlobService } from '../store/blobs';
import type { EngagementService } from '../engagements/service';
import type { ParticipantService } from '../participants/service';
import type { WorkshopService } from '../workshops/service';

const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A file name any OS accepts: no path separators or reserved characters, not too long. */
export function safeFileName(name: string): string {
  return (
    name
      // eslint-disable-next-line no-control-regex -- control characters are exactly what must go
      .replace(/[\\/:*?"<>|\u0000-\u001f]+/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, 150)
  );
}

interface Deps {
  engagements: EngagementService;
  workshops: WorkshopService;
  participants: ParticipantService;
  attendance: AttendanceService;
  blobs: BlobService;
  language(): Language;
}

/** Files made from the store: the daftar hadir DOCX and the register as CSV/XLSX. */
export function createDocumentService(d: Deps) {
  function letterheadOf(engagementId: string): LetterheadSettings {
    const e = d.engagements.get(engagementId);
    const emblem = d.engagements.emblem(engagementId);
    return {
      lines: e.letterhead.lines.filter((l) => l.trim() !== ''),
      address: e.letterhead.address,
      contacts: e.letterhead.contacts,
      emblem: emblem ? { data: emblem.data, type: emblem.type, width: emblem.width, height: emblem.height } : null,
    };
  }

  return {
    /** The daftar hadir of a day: who is present with their signatures, or (blank) the whole register to sign on paper. */
    async attendanceList(dayId: string, blank: boolean): Promise<FilePayload> {
      const ctx = d.attendance.dayContext(dayId);
      const engagement = d.engagements.get(ctx.engagement_id);
      const register = d.participants.list(ctx.engagement_id);
      const byId = new Map(register.map((p) => [p.id, p]));
      const toRow = (p: (typeof register)[number], signatureHash: string | null): AttendanceDocRow => {
        const sig = signatureHash ? d.blobs.get(signatureHash) : null;
        return {
          name: p.name,
          nip: p.nip,
          position: p.position,
          agency: p.agency,
          phone: p.phone,
          signature: sig ? { data: sig.data, width: sig.width, height: sig.height } : null,
        };
      };
      const rows = blank
        ? register.filter((p) => p.role !== 'panitia').map((p) => toRow(p, null))
        : d.attendance
            .presentRows(dayId)
            .filter((r) => byId.has(r.participantId))
            .map((r) => toRow(byId.get(r.participantId)!, r.signatureHash));
      const bytes = await buildAttendanceDocx(
        {
          letterhead: letterheadOf(ctx.engagement_id),
          acara: ctx.title,
          dateLabel: formatLongDate(ctx.date, 'id'),
          timeLabel: formatTimeRange(ctx.start_time, ctx.end_time, engagement.timeZone, 'id'),
          venue: ctx.venue,
          rows,
          blankRows: engagement.documents.blankRows,
          blank,
        },
        {
          paper: engagement.documents.paper,
          fontFamily: engagement.documents.fontFamily,
          fontSizePt: engagement.documents.fontSizePt,
        },
      );
      const suffix = blank ? ' (kosong)' : '';
      return {
        fileName: safeFileName(`Daftar Hadir ${ctx.title} ${ctx.date}${suffix}`) + '.docx',
        mime: DOCX_MIME,
        data: Buffer.from(bytes).toString('base64'),
      };
    },

    /** The register as CSV (semicolons, BOM) or XLSX, column names in the UI language. */
    async registerFile(engagementId: string, format: 'csv' | 'xlsx'): Promise<FilePayload> {
      const e = d.engagements.get(engagementId);
      const people = d.participants.list(engagementId);
      const lang = d.language();
      const base = safeFileName(
        `${lang === 'id' ? 'Daftar Peserta' : 'Participants'} ${e.regionKind === 'kota' ? 'Kota' : 'Kabupaten'} ${e.regionName}`,
      );
      if (format === 'csv') {
        return {
          fileName: `${base}.csv`,
          mime: 'text/csv',
          data: Buffer.from(exportRegisterCsv(people, { lang })).toString('base64'),
        };
      }
      const bytes = await exportRegisterXlsx(people, { lang });
      return { fileName: `${base}.xlsx`, mime: XLSX_MIME, data: Buffer.from(bytes).toString('base64') };
    },
  };
}

export type DocumentService = ReturnType<typeof createDocumentService>;
