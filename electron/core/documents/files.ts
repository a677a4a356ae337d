/**
 * The documents' two halves, both run in a job worker: gathering the data from the store (over
 * the worker's connection) and building the file from it (CPU only).
 */
import { fileNamePart, safeFileName } from '../../../shared/files';
import { planDay } from '../../../shared/agenda';
import type { AttendanceStatus, ListCopy, Recap } from '../../../shared/attendance';
import { buildRecapDocx, buildRecapXlsx } from './recap-files';
import type { Workshop } from '../../../shared/domain';
import {
  formatDayMonthYear,
  formatLongDate,
  formatTimeRange,
  regionTitle,
  stageLabel,
  zoneDate,
} from '../../../shared/format';
import type { Language } from '../../../shared/languages';
import {
  buildAttendanceDocx,
  type AttendanceDocData,
  type AttendanceDocRow,
  type AttendanceDocSettings,
  type SignatureBlock,
} from './attendance-docx';
import type { LetterheadSettings } from './letterhead';
import type { PageSettings } from './page';
import { buildRundownDocx, type RundownDocData, type RundownDocSettings } from './rundown-docx';
import { buildGroupOutputsDocx, type GroupOutputsDocData, type GroupOutputsStep } from './group-outputs-docx';
import { topicName } from '../../../shared/dimensions';
import { formDef, resolvePath } from '../../../shared/forms';
import type { GroupService } from '../groups/service';
import { exportRegisterCsv, exportRegisterXlsx, type RegisterPerson } from '../import/export';
import type { AgendaService } from '../agenda/service';
import type { AttendanceService } from '../attendance/service';
import type { BlobService } from '../store/blobs';
import type { SignatureCropService } from '../store/signature-crops';
import type { EngagementService } from '../engagements/service';
import type { FileBytes } from '../jobs/types';
import type { ParticipantService } from '../participants/service';
import type { WorkshopService } from '../workshops/service';
import type { FollowupService } from '../followups/service';
import type { MinutesService } from '../minutes/service';
import { DIMENSIONS } from '../../../shared/dimensions';
import { buildActionsCsv, buildActionsDocx, buildActionsXlsx, exportRow, type ActionsFileData } from './actions-files';

const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The store's services a document reads from (in the worker, over the worker's own connection). */
export interface DocumentSources {
  engagements: EngagementService;
  participants: ParticipantService;
  attendance: AttendanceService;
  blobs: BlobService;
  crops: SignatureCropService;
  workshops: WorkshopService;
  agenda: AgendaService;
  groups: GroupService;
  followups: FollowupService;
  minutes: MinutesService;
}

export function letterheadOf(d: DocumentSources, engagementId: string): LetterheadSettings {
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

type Person = ReturnType<ParticipantService['list']>[number];
type Entry = ReturnType<AttendanceService['documentEntries']>[number];

/** Keterangan as officials write it; representatives are named. */
const REMARKS: Record<Exclude<AttendanceStatus, 'diwakili'>, string> = {
  hadir: 'Hadir',
  izin: 'Izin',
  sakit: 'Sakit',
  'tidak-hadir': 'Tidak hadir',
};

/**
 * The Keterangan of each person of the day: "Hadir", "Izin", "Sakit", "Tidak hadir" (also for
 * anyone without an entry), "Diwakili oleh <name>", and on the representative's own row
 * "Mewakili <name>" (several joined by "dan").
 */
export function remarksOf(register: Person[], entries: Entry[]): Map<string, { remark: string; present: boolean }> {
  const byId = new Map(register.map((p) => [p.id, p]));
  const byPerson = new Map(entries.map((e) => [e.participantId, e]));
  const represents = new Map<string, string[]>();
  for (const e of entries) {
    if (e.status !== 'diwakili' || !e.representedById) continue;
    const name = byId.get(e.participantId)?.name;
    if (name) represents.set(e.representedById, [...(represents.get(e.representedById) ?? []), name]);
  }
  const out = new Map<string, { remark: string; present: boolean }>();
  for (const p of register) {
    const e = byPerson.get(p.id);
    const status = e?.status ?? 'tidak-hadir';
    let remark: string;
    if (status === 'diwakili') {
      const rep = e?.representedById ? byId.get(e.representedById)?.name : undefined;
      remark = rep ? `Diwakili oleh ${rep}` : 'Diwakili';
    } else if (status === 'hadir' && represents.has(p.id)) {
      remark = `Mewakili ${represents.get(p.id)!.join(' dan ')}`;
    } else remark = REMARKS[status];
    out.set(p.id, { remark, present: status === 'hadir' });
  }
  return out;
}

/** The closing signature block from the workshop's chair (and second signatory). */
function signatoriesOf(w: Workshop, place: string, date: string): SignatureBlock {
  return {
    place,
    dateLabel: formatDayMonthYear(date, 'id'),
    chair: { role: 'Pimpinan Rapat', name: w.chairName, rank: w.chairRank, nip: w.chairNip },
    second: w.secondSigner
      ? {
          role: w.secondSigner === 'notulis' ? 'Notulis' : 'Sekretariat',
          name: w.noteTakerName,
          rank: w.noteTakerRank,
          nip: w.noteTakerNip,
        }
      : null,
  };
}

/**
 * The daftar hadir's data. Filled in: everyone registered for the day in register order with
 * their Keterangan (setting "semua terdaftar"; the committee only when present), or only those
 * present in check-in order ("hadir saja"); signatures of those present. Blank: the whole
 * register (committee aside) to sign on paper. The copy for the minutes' annex prints phone
 * numbers only when the engagement says so.
 */
export function gatherAttendanceList(
  d: DocumentSources,
  dayId: string,
  blank: boolean,
  copy: ListCopy = 'list',
): AttendanceListData {
  const ctx = d.attendance.dayContext(dayId);
  const engagement = d.engagements.get(ctx.engagement_id);
  const workshop = d.workshops.get(ctx.workshop_id);
  const settings = engagement.documents;
  const register = d.participants.list(ctx.engagement_id);
  const byId = new Map(register.map((p) => [p.id, p]));
  const entries = d.attendance.documentEntries(dayId);
  const remarks = remarksOf(register, entries);
  const signatureOf = new Map(entries.map((e) => [e.participantId, e.signatureHash]));
  const toRow = (p: Person, signed: boolean): AttendanceDocRow => {
    const r = remarks.get(p.id)!;
    const hash = signed && r.present ? signatureOf.get(p.id) : null;
    // Cropped when it was stored; the original only when that crop is not there (yet).
    const ink = hash ? d.crops.get(hash) : null;
    const sig = hash && !ink ? d.blobs.get(hash) : null;
    return {
      name: p.name,
      nip: p.nip,
      position: p.position,
      agency: p.agency,
      phone: p.phone,
      remark: r.remark,
      present: r.present,
      signature: ink ? { ...ink.crop, ink } : sig ? { data: sig.data, width: sig.width, height: sig.height } : null,
    };
  };
  let rows: AttendanceDocRow[];
  if (blank) rows = register.filter((p) => p.role !== 'panitia').map((p) => toRow(p, false));
  else if (settings.listScope === 'present') {
    rows = entries
      .filter((e) => e.status === 'hadir' && byId.has(e.participantId))
      .map((e) => toRow(byId.get(e.participantId)!, true));
  } else {
    rows = register.filter((p) => p.role !== 'panitia' || remarks.get(p.id)!.present).map((p) => toRow(p, true));
  }
  const suffix = blank ? ' (kosong)' : copy === 'annex' ? ' (lampiran)' : '';
  return {
    fileName: safeFileName(`Daftar Hadir ${fileNamePart(ctx.title)} ${ctx.date}${suffix}.docx`),
    input: {
      letterhead: letterheadOf(d, ctx.engagement_id),
      acara: ctx.title,
      dateLabel: formatLongDate(ctx.date, 'id'),
      timeLabel: formatTimeRange(ctx.start_time, ctx.end_time, engagement.timeZone, 'id'),
      venue: ctx.venue,
      rows,
      blankRows: settings.blankRows,
      blank,
      phone: copy === 'annex' ? settings.phoneInAnnex : settings.phoneInList,
      signatures: signatoriesOf(workshop, engagement.regionName, ctx.date),
    },
    layout: {
      paper: settings.paper,
      fontFamily: settings.fontFamily,
      fontSizePt: settings.fontSizePt,
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

/** Everything the Hasil Diskusi Kelompok of a workshop is made from. */
export interface GroupOutputsData {
  fileName: string;
  input: GroupOutputsDocData;
  layout: PageSettings;
}

/**
 * The Hasil Diskusi Kelompok's data: per day (with groups), per step with a form, every group of
 * the day in presentation order with its output, its juru bicara's name and its facilitator; the
 * signature images its signature cells name.
 */
export function gatherGroupOutputs(d: DocumentSources, workshopId: string): GroupOutputsData {
  const workshop = d.workshops.get(workshopId);
  const engagement = d.engagements.get(workshop.engagementId);
  const view = d.groups.list(workshopId);
  const steps: GroupOutputsStep[] = [];
  const signatures: Record<string, Uint8Array> = {};
  view.days.forEach((day, i) => {
    const order = [...day.groups].sort((a, b) => a.position - b.position);
    if (order.length === 0) return;
    const names = new Map(day.candidates.map((c) => [c.id, c.name]));
    for (const step of day.steps) {
      if (step.formId === null) continue;
      const form = formDef(step.formId);
      steps.push({
        day: `Hari ke-${i + 1}: ${formatLongDate(day.date, 'id')}`,
        title: step.title,
        formId: step.formId,
        groups: order.map((g) => {
          const out = d.groups.output(g.id, step.id);
          for (const [path, value] of Object.entries(out.values)) {
            const at = resolvePath(form, path);
            const kind = at?.kind === 'cell' ? at.column.kind : at?.kind === 'field' ? at.field.kind : null;
            if (kind !== 'signature' || typeof value !== 'string' || signatures[value]) continue;
            const image = d.blobs.get(value);
            if (image) signatures[value] = new Uint8Array(image.data);
          }
          return {
            name: g.name,
            topic: topicName(g.topic, 'id'),
            rapporteur: g.rapporteurId ? (names.get(g.rapporteurId) ?? '') : '',
            facilitator: g.facilitator,
            values: out.values,
            agencies: out.agencies,
          };
        }),
      });
    }
  });
  return {
    fileName: safeFileName(`Hasil Diskusi Kelompok ${fileNamePart(workshop.title)}.docx`),
    input: {
      letterhead: letterheadOf(d, workshop.engagementId),
      acara: workshop.title,
      stage: stageLabel(workshop.stage, workshop.customStageName, 'id'),
      region: regionTitle(engagement.regionKind, engagement.regionName),
      venue: workshop.venue,
      steps,
      signatures,
    },
    layout: {
      paper: engagement.documents.paper,
      fontFamily: engagement.documents.fontFamily,
      fontSizePt: engagement.documents.fontSizePt,
    },
  };
}

/** The Hasil Diskusi Kelompok DOCX from its data (CPU only: runs in a job worker). */
export async function buildGroupOutputs(data: GroupOutputsData): Promise<FileBytes> {
  const bytes = await buildGroupOutputsDocx(data.input, data.layout);
  return { fileName: data.fileName, mime: DOCX_MIME, bytes };
}

export interface RecapData {
  baseName: string;
  title: string;
  recap: Recap;
  letterhead: LetterheadSettings;
  layout: AttendanceDocSettings;
}

/** Rekap kehadiran of an engagement, with what its DOCX needs (letterhead, paper, type). */
export function gatherRecap(d: DocumentSources, engagementId: string): RecapData {
  const e = d.engagements.get(engagementId);
  const region = `${e.regionKind === 'kota' ? 'Kota' : 'Kabupaten'} ${e.regionName}`;
  return {
    baseName: safeFileName(`Rekap Kehadiran ${fileNamePart(region)} ${e.year}`),
    title: `${e.programmeName} ${region} ${e.year}`,
    recap: d.attendance.recap(engagementId),
    letterhead: letterheadOf(d, engagementId),
    layout: { paper: e.documents.paper, fontFamily: e.documents.fontFamily, fontSizePt: e.documents.fontSizePt },
  };
}

/** The recap as XLSX (to work with) or DOCX (to file). */
export async function buildRecapFile(data: RecapData, format: 'xlsx' | 'docx'): Promise<FileBytes> {
  if (format === 'xlsx') {
    return { fileName: `${data.baseName}.xlsx`, mime: XLSX_MIME, bytes: await buildRecapXlsx(data.recap) };
  }
  return {
    fileName: `${data.baseName}.docx`,
    mime: DOCX_MIME,
    bytes: await buildRecapDocx(data.recap, data.title, data.letterhead, data.layout),
  };
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

/**
 * The action items of an engagement with where each came from: "Tahap III – <workshop>", the
 * agenda step, and the decision's text or the quick win's name. Items of a deleted workshop keep
 * their row; their origin says the workshop was removed.
 */
export function gatherActions(d: DocumentSources, engagementId: string): ActionsFileData {
  const e = d.engagements.get(engagementId);
  const region = regionTitle(e.regionKind, e.regionName);
  const workshops = new Map(d.workshops.list(engagementId).map((w) => [w.id, w]));
  const steps = new Map<string, string>();
  const decisions = new Map<string, string>();
  const quickWins = new Map<string, string>();
  for (const w of workshops.values()) {
    for (const day of d.agenda.get(w.id).days) for (const s of day.steps) steps.set(s.id, s.title);
    for (const x of d.followups.decisions(w.id)) decisions.set(x.id, x.text);
  }
  const items = d.followups.actions(engagementId);
  for (const w of new Set(items.filter((a) => a.quickWinKey && a.workshopId).map((a) => a.workshopId!))) {
    if (!workshops.has(w)) continue;
    for (const c of d.followups.board(w).candidates) quickWins.set(c.key, `${c.name} (${c.groupName})`);
  }
  const dimension = new Map(DIMENSIONS.map((x) => [x.id as string, x.name.id]));
  const originOf = (a: (typeof items)[number]) => {
    const parts: string[] = [];
    if (a.workshopId) {
      const w = workshops.get(a.workshopId);
      parts.push(w ? `${stageLabel(w.stage, w.customStageName, 'id')} – ${w.title}` : 'Bimtek (dihapus)');
    }
    if (a.stepId && steps.has(a.stepId)) parts.push(steps.get(a.stepId)!);
    if (a.decisionId) parts.push(`Keputusan: ${decisions.get(a.decisionId) ?? '(dihapus)'}`);
    if (a.quickWinKey) parts.push(`Quick win: ${quickWins.get(a.quickWinKey) ?? a.title}`);
    return parts.join(' · ');
  };
  return {
    baseName: safeFileName(`Tindak Lanjut ${fileNamePart(region)} ${e.year}`),
    title: `${e.programmeName} ${region} ${e.year}`,
    rows: items.map((a) =>
      exportRow(a, dimension.get(a.dimension) ?? '', originOf(a), (iso) => zoneDate(iso, e.timeZone)),
    ),
    letterhead: letterheadOf(d, engagementId),
    layout: { paper: e.documents.paper, fontFamily: e.documents.fontFamily, fontSizePt: e.documents.fontSizePt },
  };
}

/** The action items as XLSX or CSV (secretariat) or DOCX (minutes). */
export async function buildActionsFile(data: ActionsFileData, format: 'xlsx' | 'csv' | 'docx'): Promise<FileBytes> {
  if (format === 'csv')
    return { fileName: `${data.baseName}.csv`, mime: 'text/csv', bytes: buildActionsCsv(data.rows) };
  if (format === 'xlsx')
    return { fileName: `${data.baseName}.xlsx`, mime: XLSX_MIME, bytes: await buildActionsXlsx(data.rows) };
  return { fileName: `${data.baseName}.docx`, mime: DOCX_MIME, bytes: await buildActionsDocx(data) };
}
