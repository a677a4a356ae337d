/**
 * The documents' two halves, both run in a job worker: gathering the data from the store (over
 * the worker's connection) and building the file from it (CPU only).
 */
import { fileNamePart, safeFileName } from '../../../shared/files';
import { planDay } from '../../../shared/agenda';
import { formatLongDate, formatTimeRange, regionTitle, stageLabel } from '../../../shared/format';
import type { Language } from '../../../shared/languages';
import {
  buildAttendanceDocx,
  type AttendanceDocData,
  type AttendanceDocRow,
  type AttendanceDocSettings,
} from './attendance-docx';
import type { LetterheadSettings } from './letterhead';
import { buildRundownDocx, type RundownDocData, type RundownDocSettings } from './rundown-docx';
import { exportRegisterCsv, exportRegisterXlsx, type RegisterPerson } from '../import/export';
import type { AgendaService } from '../agenda/service';
import type { AttendanceService } from '../attendance/service';
import type { BlobService } from '../store/blobs';
import type { EngagementService } from '../engagements/service';
import type { FileBytes } from '../jobs/types';
import type { ParticipantService } from '../participants/service';
import type { WorkshopService } from '../workshops/service';

const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The store's services a document reads from (in the worker, over the worker's own connection). */
export interface DocumentSources {
  engagements: EngagementService;
  participants: ParticipantService;
  attendance: AttendanceService;
  blobs: BlobService;
  workshops: WorkshopService;
  agenda: AgendaService;
}

function letterheadOf(d: DocumentSources, engagementId: string): LetterheadSettings {
  const e = d.engagements.get(engagementId);
  const emblem = d.engagements.emblem(engagementId);
  return {
    lines: e.letterhead.lines.filter((l) => l.trim() !== ''),
    address: e.letterhead.address,
    contacts: e.letterhead.contacts,
    emblem: emblem ? { data: emblem.data, type: emblem.type, width: emblem.width, height: emblem.height } : null,
  };
}

/** Everything the daftar hadir of a day is made from: a pure function of this gives the file. */
export interface AttendanceListData {
  fileName: string;
  input: AttendanceDocData;
  layout: AttendanceDocSettings;
}

/** The daftar hadir's data: who is present with their signatures, or (blank) the whole register to sign on paper. */
export function gatherAttendanceList(d: DocumentSources, dayId: string, blank: boolean): AttendanceListData {
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
  const suffix = blank ? ' (kosong)' : '';
  return {
    fileName: safeFileName(`Daftar Hadir ${fileNamePart(ctx.title)} ${ctx.date}${suffix}.docx`),
    input: {
      letterhead: letterheadOf(d, ctx.engagement_id),
      acara: ctx.title,
      dateLabel: formatLongDate(ctx.date, 'id'),
      timeLabel: formatTimeRange(ctx.start_time, ctx.end_time, engagement.timeZone, 'id'),
      venue: ctx.venue,
      rows,
      blankRows: engagement.documents.blankRows,
      blank,
    },
    layout: {
      paper: engagement.documents.paper,
      fontFamily: engagement.documents.fontFamily,
      fontSizePt: engagement.documents.fontSizePt,
    },
  };
}

/** The daftar hadir DOCX from its data (CPU only: runs in a job worker). */
export async function buildAttendanceList(data: AttendanceListData): Promise<FileBytes> {
  const bytes = await buildAttendanceDocx(data.input, data.layout);
  return { fileName: data.fileName, mime: DOCX_MIME, bytes };
}

/** Everything the susunan acara of a workshop is made from: a pure function of this gives the file. */
export interface RundownData {
  fileName: string;
  input: RundownDocData;
  layout: RundownDocSettings;
}

/**
 * The susunan acara's data: per day its heading and every step with its planned times from the
 * day's start (`planDay`), its title and its presenter; never its script or notes.
 */
export function gatherRundown(d: DocumentSources, workshopId: string): RundownData {
  const workshop = d.workshops.get(workshopId);
  const engagement = d.engagements.get(workshop.engagementId);
  const zone = engagement.timeZone;
  const { days } = d.agenda.get(workshopId);
  return {
    fileName: safeFileName(`Susunan Acara ${fileNamePart(workshop.title)}.docx`),
    input: {
      letterhead: letterheadOf(d, workshop.engagementId),
      acara: workshop.title,
      stage: stageLabel(workshop.stage, workshop.customStageName, 'id'),
      region: regionTitle(engagement.regionKind, engagement.regionName),
      venue: workshop.venue,
      days: days.map((day, i) => {
        const { slots } = planDay(day, day.steps);
        return {
          heading: `Hari ke-${i + 1}: ${formatLongDate(day.date, 'id')}`,
          rows: day.steps.map((s, j) => ({
            time: formatTimeRange(slots[j].start, slots[j].end, zone, 'id'),
            title: s.title,
            presenter: s.presenter,
          })),
        };
      }),
    },
    layout: {
      paper: engagement.documents.paper,
      fontFamily: engagement.documents.fontFamily,
      fontSizePt: engagement.documents.fontSizePt,
    },
  };
}

/** The susunan acara DOCX from its data (CPU only: runs in a job worker). */
export async function buildRundown(data: RundownData): Promise<FileBytes> {
  const bytes = await buildRundownDocx(data.input, data.layout);
  return { fileName: data.fileName, mime: DOCX_MIME, bytes };
}

export interface RegisterData {
  baseName: string;
  people: RegisterPerson[];
  lang: Language;
}

/** The register of an engagement, named in the UI language. */
export function gatherRegister(d: DocumentSources, engagementId: string, lang: Language): RegisterData {
  const e = d.engagements.get(engagementId);
  return {
    baseName: safeFileName(
      `${lang === 'id' ? 'Daftar Peserta' : 'Participants'} ${e.regionKind === 'kota' ? 'Kota' : 'Kabupaten'} ${fileNamePart(e.regionName)}`,
    ),
    people: d.participants.list(engagementId),
    lang,
  };
}

/** The register as CSV (semicolons, BOM) or XLSX, column names in the UI language. */
export async function buildRegisterFile(data: RegisterData, format: 'csv' | 'xlsx'): Promise<FileBytes> {
  if (format === 'csv') {
    return {
      fileName: `${data.baseName}.csv`,
      mime: 'text/csv',
      bytes: exportRegisterCsv(data.people, { lang: data.lang }),
    };
  }
  const bytes = await exportRegisterXlsx(data.people, { lang: data.lang });
  return { fileName: `${data.baseName}.xlsx`, mime: XLSX_MIME, bytes };
}
