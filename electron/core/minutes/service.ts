import { foldRun, planDay } from '../../../shared/agenda';
import { AppError } from '../../../shared/errors';
import type { ActionItem } from '../../../shared/followups';
import {
  formatDayMonthYear,
  formatInstantTime,
  formatLongDate,
  formatTimeRange,
  regionTitle,
  stageLabel,
  zoneDate,
} from '../../../shared/format';
import {
  annexHeadings,
  BODY_PARTS,
  MINUTES_LIMITS,
  MinutesBlocks,
  STEP_KINDS_WITHOUT_DISCUSSION,
  textToBlocks,
  type AnnexKey,
  type MinutesBlock,
  type MinutesPhoto,
  type MinutesSection,
  type MinutesVersion,
  type MinutesView,
} from '../../../shared/minutes';
import type { TimeZone, Workshop } from '../../../shared/domain';
import { DIMENSIONS } from '../../../shared/dimensions';
import { actionDocRows, exportRow } from '../documents/actions-files';
import type { AgendaDay, AgendaService } from '../agenda/service';
import type { AttendanceService } from '../attendance/service';
import type { EngagementService } from '../engagements/service';
import type { FollowupService } from '../followups/service';
import type { GroupService } from '../groups/service';
import type { BlobService } from '../store/blobs';
import type { ServiceContext } from '../store/context';
import type { WorkshopService } from '../workshops/service';

interface MinutesRow {
  id: string;
  workshop_id: string;
  number: string;
  state: 'draft' | 'final';
  revision: number;
}

interface PhotoRow {
  id: string;
  workshop_id: string;
  blob_hash: string;
  thumb_hash: string;
  file_name: string;
  caption: string;
  included: number;
  position: number;
}

interface VersionRow {
  id: string;
  workshop_id: string;
  version: number;
  docx_hash: string;
  code: string;
  bytes: number;
  file_name: string;
  finalized_at: string;
  finalized_by: string;
  reopened_at: string | null;
  reopened_by: string;
  reopen_reason: string;
}

/** Steps whose notes open or close the minutes rather than get a Pembahasan section. */
const OPENING_KINDS = new Set(['pembukaan', 'sambutan']);
const CLOSING_KINDS = new Set(['penutup']);
const SKIPPED_KINDS = new Set<string>(STEP_KINDS_WITHOUT_DISCUSSION);

/** Whether a step gets a Pembahasan section of its own (`step:<id>`). */
const hasDiscussion = (s: { kind: string }) =>
  !SKIPPED_KINDS.has(s.kind) && !OPENING_KINDS.has(s.kind) && !CLOSING_KINDS.has(s.kind);

/** The keys of the sections a workshop's minutes have, without assembling them. */
const FIXED_SECTIONS = new Set(['opening', 'decisions', 'closing']);

/** One day's planned and actual times, folded from the run log. */
interface DayTimes {
  dayId: string;
  date: string;
  label: string;
  planned: string;
  actual: string | null;
  firstStart: number | null;
  lastEnd: number | null;
  steps: Map<string, { start: number | null; end: number | null; planned: string }>;
}

const isoOf = (ms: number) => new Date(ms).toISOString();

/** A sentence ends with one full stop, also after a title that has its own ("…, M.Si."). */
const sentence = (text: string) => (text.endsWith('.') ? text : `${text}.`);

/**
 * Sidang/Rapat: the workshop's title, with its stage and region when the title does not already
 * say them ("Bimtek Tahap III Masterplan Smart City Kota Kediri").
 */
function meetingName(w: Workshop, e: { regionKind: 'kota' | 'kabupaten'; regionName: string }): string {
  const stage = stageLabel(w.stage, w.customStageName, 'id');
  const region = regionTitle(e.regionKind, e.regionName);
  const has = (part: string) => w.title.toLocaleLowerCase('id-ID').includes(part.toLocaleLowerCase('id-ID'));
  return [w.title, has(stage) ? '' : `(${stage})`, has(region) ? '' : region].filter(Boolean).join(' ');
}

/**
 * The minutes of a workshop: what the Notulen page shows and the DOCX is made from. Every section
 * is built from what was recorded (the run log's actual times, the note-taker's notes per step,
 * the decisions) unless the secretariat rewrote it; a rewrite is kept until it is rebuilt on request.
 * Finalized minutes are locked: every change is refused until they are reopened with a reason.
 */
export function createMinutesService(
  ctx: ServiceContext,
  deps: {
    workshops: WorkshopService;
    engagements: EngagementService;
    agenda: AgendaService;
    followups: FollowupService;
    attendance: AttendanceService;
    groups: GroupService;
    blobs: BlobService;
  },
) {
  const { db } = ctx;
  const q = {
    minutes: db.prepare('SELECT * FROM minutes WHERE workshop_id = ? AND deleted_at IS NULL'),
    createMinutes: db.prepare(
      `INSERT INTO minutes (id, workshop_id, created_at, updated_at) VALUES (?, ?, ?, ?)
       ON CONFLICT(workshop_id) DO NOTHING`,
    ),
    bump: db.prepare('UPDATE minutes SET revision = revision + 1, updated_at = ? WHERE workshop_id = ?'),
    setNumber: db.prepare('UPDATE minutes SET number = ? WHERE workshop_id = ?'),
    setState: db.prepare('UPDATE minutes SET state = ? WHERE workshop_id = ?'),
    sections: db.prepare(
      'SELECT section_key, blocks_json FROM minutes_sections WHERE workshop_id = ? AND deleted_at IS NULL',
    ),
    upsertSection: db.prepare(`
      INSERT INTO minutes_sections (id, workshop_id, section_key, blocks_json, created_at, updated_at)
      VALUES (@id, @workshopId, @key, @json, @now, @now)
      ON CONFLICT(workshop_id, section_key) WHERE deleted_at IS NULL
      DO UPDATE SET blocks_json = excluded.blocks_json, updated_at = excluded.updated_at`),
    dropSection: db.prepare(
      `UPDATE minutes_sections SET deleted_at = ?, updated_at = ?
       WHERE workshop_id = ? AND section_key = ? AND deleted_at IS NULL`,
    ),
    photos: db.prepare('SELECT * FROM minutes_photos WHERE workshop_id = ? AND deleted_at IS NULL ORDER BY position'),
    photo: db.prepare('SELECT * FROM minutes_photos WHERE id = ? AND deleted_at IS NULL'),
    insertPhoto: db.prepare(`
      INSERT INTO minutes_photos (id, workshop_id, blob_hash, thumb_hash, file_name, caption, included, position,
        created_at, updated_at)
      VALUES (@id, @workshopId, @blob, @thumb, @fileName, @caption, 1, @position, @now, @now)`),
    updatePhoto: db.prepare(
      'UPDATE minutes_photos SET caption = @caption, included = @included, updated_at = @now WHERE id = @id',
    ),
    setPosition: db.prepare('UPDATE minutes_photos SET position = ?, updated_at = ? WHERE id = ?'),
    removePhoto: db.prepare('UPDATE minutes_photos SET deleted_at = ?, updated_at = ? WHERE id = ?'),
    versions: db.prepare(
      'SELECT * FROM minutes_versions WHERE workshop_id = ? AND deleted_at IS NULL ORDER BY version',
    ),
    version: db.prepare('SELECT * FROM minutes_versions WHERE workshop_id = ? AND version = ? AND deleted_at IS NULL'),
    insertVersion: db.prepare(`
      INSERT INTO minutes_versions (id, workshop_id, version, docx_hash, code, bytes, file_name, finalized_at,
        finalized_by, created_at, updated_at)
      VALUES (@id, @workshopId, @version, @hash, @code, @bytes, @fileName, @now, @by, @now, @now)`),
    reopen: db.prepare(
      `UPDATE minutes_versions SET reopened_at = @now, reopened_by = @by, reopen_reason = @reason, updated_at = @now
       WHERE workshop_id = @workshopId AND version = @version`,
    ),
    putBlob: db.prepare(`
      INSERT INTO blobs (hash, mime, width, height, data, created_at) VALUES (?, ?, ?, ?, ?, ?)
      ON CONFLICT(hash) DO NOTHING`),
    blobData: db.prepare('SELECT data FROM blobs WHERE hash = ?'),
    /** Who the daftar hadir lists under "semua terdaftar": the register but the committee. */
    listed: db.prepare(
      "SELECT count(*) FROM participants WHERE engagement_id = ? AND deleted_at IS NULL AND role <> 'panitia'",
    ),
  };

  function workshopOf(workshopId: string): Workshop {
    return deps.workshops.get(workshopId);
  }

  /**
   * The minutes row of a workshop as it stands; minutes nobody changed yet read as an untouched
   * draft. Reading never writes: the row is made by the first change (`stored`).
   */
  function row(workshopId: string): MinutesRow {
    workshopOf(workshopId);
    return (
      (q.minutes.get(workshopId) as MinutesRow | undefined) ?? {
        id: '',
        workshop_id: workshopId,
        number: '',
        state: 'draft',
        revision: 0,
      }
    );
  }

  /** The minutes row, made now if it is not there yet (inside a change's transaction). */
  function stored(workshopId: string): MinutesRow {
    const r = row(workshopId);
    if (r.id !== '') return r;
    const now = ctx.now();
    q.createMinutes.run(ctx.newId(), workshopId, now, now);
    return q.minutes.get(workshopId) as MinutesRow;
  }

  /** Every change goes through here: refused when finalized, counted in the revision. */
  function change<T>(workshopId: string, apply: () => T): T {
    return db.transaction(() => {
      const r = stored(workshopId);
      if (r.state === 'final') throw new AppError('CONFLICT', 'minutesFinal');
      const out = apply();
      q.bump.run(ctx.now(), workshopId);
      return out;
    })();
  }

  function dayTimes(agenda: { days: AgendaDay[] }, zone: TimeZone) {
    const now = Date.parse(ctx.now());
    return agenda.days.map((day, i): DayTimes => {
      const run = foldRun(day, zone, day.steps, day.events, now);
      const { slots } = planDay(day, day.steps);
      const steps = new Map<string, { start: number | null; end: number | null; planned: string }>();
      let firstStart: number | null = null;
      let lastEnd: number | null = null;
      day.steps.forEach((s, j) => {
        const r = run.steps.get(s.id);
        const start = r?.actualStart ?? null;
        const end = r?.actualEnd ?? null;
        if (start !== null && (firstStart === null || start < firstStart)) firstStart = start;
        if (end !== null && (lastEnd === null || end > lastEnd)) lastEnd = end;
        steps.set(s.id, { start, end, planned: formatTimeRange(slots[j].start, slots[j].end, zone, 'id') });
      });
      const plannedEnd = day.endTime ?? (slots.length ? slots[slots.length - 1].end : null);
      const time = (ms: number) => formatInstantTime(isoOf(ms), zone).replace(` ${zone}`, '');
      const actual =
        firstStart === null
          ? null
          : lastEnd !== null && run.finished
            ? `${time(firstStart)}–${time(lastEnd)} ${zone}`
            : `${time(firstStart)} ${zone} s.d. selesai`;
      return {
        dayId: day.id,
        date: day.date,
        label: agenda.days.length > 1 ? `Hari ke-${i + 1}` : '',
        planned: formatTimeRange(day.startTime, plannedEnd, zone, 'id'),
        actual,
        firstStart,
        lastEnd,
        steps,
      };
    });
  }

  /** "09.05–10.20 WIB" from a step's actual start and end; "09.05 WIB" when it did not end. */
  function actualRange(t: { start: number | null; end: number | null }, zone: TimeZone): string | null {
    if (t.start === null) return null;
    const start = formatInstantTime(isoOf(t.start), zone);
    if (t.end === null) return `mulai ${start}`;
    return `${start.replace(` ${zone}`, '')}–${formatInstantTime(isoOf(t.end), zone)}`;
  }

  /** The action items of the engagement as of this workshop: none from a later workshop. */
  function registerAsOf(w: Workshop, all: ActionItem[]): ActionItem[] {
    const first = (x: Workshop) => x.days[0]?.date ?? '';
    const later = new Set(
      deps.workshops
        .list(w.engagementId)
        .filter((x) => x.id !== w.id && first(x) > first(w))
        .map((x) => x.id),
    );
    return all.filter((a) => !a.workshopId || !later.has(a.workshopId));
  }

  function followUpRows(items: ActionItem[], zone: TimeZone): string[][] {
    const dimension = new Map(DIMENSIONS.map((x) => [x.id as string, x.name.id]));
    return actionDocRows(
      items.map((a) => exportRow(a, dimension.get(a.dimension) ?? '', '', (i) => zoneDate(i, zone))),
    );
  }

  function toPhoto(r: PhotoRow): MinutesPhoto {
    const thumb = deps.blobs.get(r.thumb_hash);
    const photo = deps.blobs.get(r.blob_hash);
    return {
      id: r.id,
      caption: r.caption,
      included: r.included === 1,
      position: r.position,
      width: photo?.width ?? 0,
      height: photo?.height ?? 0,
      fileName: r.file_name,
      thumbnail: thumb ? `data:${thumb.mime};base64,${Buffer.from(thumb.data).toString('base64')}` : '',
    };
  }

  function toVersion(r: VersionRow): MinutesVersion {
    return {
      version: r.version,
      sha256: r.docx_hash,
      code: r.code,
      bytes: r.bytes,
      finalizedAt: r.finalized_at,
      finalizedBy: r.finalized_by,
      reopenedAt: r.reopened_at,
      reopenedBy: r.reopened_by,
      reopenReason: r.reopen_reason,
    };
  }

  const service = {
    /** The minutes as they stand (made on first use). */
    view(workshopId: string): MinutesView {
      const m = row(workshopId);
      const w = workshopOf(workshopId);
      const e = deps.engagements.get(w.engagementId);
      const zone = e.timeZone;
      const agenda = deps.agenda.get(workshopId);
      const days = dayTimes(agenda, zone);
      const edited = new Map(
        (q.sections.all(workshopId) as { section_key: string; blocks_json: string }[]).map((s) => [
          s.section_key,
          JSON.parse(s.blocks_json) as MinutesBlock[],
        ]),
      );
      const decisions = deps.followups.decisions(workshopId);
      const chair = [w.chairName, w.chairPosition].filter((x) => x.trim() !== '').join(', ');

      // Pembukaan and Penutup: when it opened and closed, then the notes of the opening and closing steps.
      const opening: MinutesBlock[] = [];
      const closing: MinutesBlock[] = [];
      const first = days.find((d) => d.firstStart !== null);
      const openedAt = first?.firstStart != null ? formatInstantTime(isoOf(first.firstStart), zone) : null;
      opening.push({
        kind: 'p',
        text: sentence(`Rapat dibuka${openedAt ? ` pada pukul ${openedAt}` : ''}${chair ? ` oleh ${chair}` : ''}`),
      });
      const discussion: { step: AgendaDay['steps'][number]; day: DayTimes }[] = [];
      agenda.days.forEach((day, i) => {
        for (const s of day.steps) {
          if (SKIPPED_KINDS.has(s.kind)) continue;
          if (OPENING_KINDS.has(s.kind)) opening.push(...textToBlocks(s.notes));
          else if (CLOSING_KINDS.has(s.kind)) closing.push(...textToBlocks(s.notes));
          else if (hasDiscussion(s)) discussion.push({ step: s, day: days[i] });
        }
      });
      const last = [...days].reverse().find((d) => d.lastEnd !== null);
      const closedAt = last?.lastEnd != null ? formatInstantTime(isoOf(last.lastEnd), zone) : null;
      closing.unshift({ kind: 'p', text: `Rapat ditutup${closedAt ? ` pada pukul ${closedAt}` : ''}.` });

      const section = (key: string, title: string, subtitle: string, draft: MinutesBlock[]): MinutesSection => {
        const own = edited.get(key);
        return { key, title, subtitle, blocks: own ?? draft, edited: own !== undefined, draft };
      };
      const sections: MinutesSection[] = [section('opening', BODY_PARTS.opening.title, '', opening)];
      for (const { step, day } of discussion) {
        const t = day.steps.get(step.id)!;
        const actual = actualRange(t, zone);
        const when = actual ? `${actual} (rencana ${t.planned})` : `rencana ${t.planned}`;
        const title = step.presenter.trim() ? `${step.title} — ${step.presenter.trim()}` : step.title;
        sections.push(
          section(`step:${step.id}`, title, [day.label, when].filter(Boolean).join(' · '), textToBlocks(step.notes)),
        );
      }
      sections.push(
        section(
          'decisions',
          BODY_PARTS.decisions.title,
          '',
          decisions.length ? [{ kind: 'ol', items: decisions.map((d) => d.text) }] : [],
        ),
      );
      sections.push(section('closing', BODY_PARTS.closing.title, '', closing));

      const all = deps.followups.actions(w.engagementId);
      const mine = all.filter((a) => a.workshopId === workshopId);
      const register = registerAsOf(w, all);
      const presentPerDay = days.map((d) => deps.attendance.presentRows(d.dayId).length);
      const photos = (q.photos.all(workshopId) as PhotoRow[]).map(toPhoto);
      const groupDays = deps.groups.list(workshopId).days;
      const hasGroups = groupDays.some((d) => d.groups.length > 0 && d.steps.some((s) => s.formId !== null));
      const board = deps.followups.board(workshopId);

      const present: Record<AnnexKey, boolean> = {
        // As the daftar hadir lists them: the register (semua terdaftar) or those present (hadir saja).
        attendance:
          presentPerDay.some((n) => n > 0) ||
          (e.documents.listScope === 'all' && (q.listed.pluck().get(w.engagementId) as number) > 0),
        groups: hasGroups,
        register: register.length > 0,
        quickwins: board.candidates.length > 0,
        photos: photos.some((p) => p.included),
      };
      const annexes = annexHeadings((k) => present[k]).map((a) => `${a.number} ${a.title}`);

      const lines = (xs: string[]) => xs.filter((x) => x.trim() !== '').join('\n');
      const dayLine = (d: DayTimes, text: string) => (d.label ? `${d.label}: ${text}` : text);
      const acara = discussion.length + opening.length > 0 ? agenda.days.flatMap((d) => d.steps) : [];
      const header = [
        {
          label: 'Sidang/Rapat',
          value: meetingName(w, e),
        },
        { label: 'Hari/Tanggal', value: lines(days.map((d) => dayLine(d, formatLongDate(d.date, 'id')))) || '—' },
        {
          label: 'Surat Undangan',
          value:
            w.invitationNumber || w.invitationDate
              ? [
                  w.invitationNumber && `Nomor ${w.invitationNumber}`,
                  w.invitationDate && `tanggal ${formatDayMonthYear(w.invitationDate, 'id')}`,
                ]
                  .filter(Boolean)
                  .join(' ')
              : '—',
        },
        {
          label: 'Waktu',
          value:
            lines(days.map((d) => dayLine(d, d.actual ? `${d.planned} (pelaksanaan ${d.actual})` : d.planned))) || '—',
        },
        { label: 'Tempat', value: w.venue.trim() || '—' },
        {
          label: 'Acara',
          value: lines(acara.filter((s) => !SKIPPED_KINDS.has(s.kind)).map((s, i) => `${i + 1}. ${s.title}`)) || '—',
        },
        { label: 'Pimpinan Rapat', value: chair || '—' },
        { label: 'Narasumber', value: lines(w.mentors) || '—' },
        { label: 'Notulis', value: w.noteTakerName.trim() || '—' },
        {
          label: 'Peserta',
          value:
            days.length === 0
              ? '—'
              : lines(days.map((d, i) => dayLine(d, `${presentPerDay[i]} orang`))) +
                (presentPerDay.some((n) => n > 0) ? ', daftar hadir terlampir' : ''),
        },
      ];
      const lastDay = days[days.length - 1]?.date ?? null;
      const docs = e.documents;
      return {
        workshopId,
        state: m.state,
        revision: m.revision,
        number: m.number,
        title: docs.minutesTitle,
        header,
        sections,
        followUps: followUpRows(mine, zone),
        annexes,
        photos,
        versions: (q.versions.all(workshopId) as VersionRow[]).map(toVersion),
        signing: {
          placeDate: lastDay ? `${e.regionName}, ${formatDayMonthYear(lastDay, 'id')}` : e.regionName,
          signatories: [
            { role: 'Pimpinan Rapat', name: w.chairName, rank: w.chairRank, nip: w.chairNip },
            { role: 'Notulis', name: w.noteTakerName, rank: w.noteTakerRank, nip: w.noteTakerNip },
          ],
        },
        page: {
          paper: docs.paper,
          fontFamily: docs.fontFamily,
          fontSizePt: docs.fontSizePt,
          margins: docs.margins,
        },
      };
    },

    /**
     * The action items of the minutes: this workshop's own (the Tindak Lanjut table) and the
     * engagement's register as of this workshop (Lampiran III: none from a later workshop).
     */
    actionItems(workshopId: string): { mine: ActionItem[]; register: ActionItem[] } {
      const w = workshopOf(workshopId);
      const all = deps.followups.actions(w.engagementId);
      return { mine: all.filter((a) => a.workshopId === workshopId), register: registerAsOf(w, all) };
    },

    engagementOf(workshopId: string): string {
      return workshopOf(workshopId).engagementId;
    },

    saveSection(workshopId: string, key: string, blocks: MinutesBlock[]): MinutesView {
      const parsed = MinutesBlocks.parse(blocks);
      change(workshopId, () => {
        const step = key.startsWith('step:')
          ? deps.agenda
              .get(workshopId)
              .days.flatMap((d) => d.steps)
              .find((s) => `step:${s.id}` === key)
          : undefined;
        if (!FIXED_SECTIONS.has(key) && !(step && hasDiscussion(step)))
          throw new AppError('NOT_FOUND', 'sectionNotFound', { id: key });
        q.upsertSection.run({ id: ctx.newId(), workshopId, key, json: JSON.stringify(parsed), now: ctx.now() });
      });
      return service.view(workshopId);
    },

    rebuildSection(workshopId: string, key: string): MinutesView {
      change(workshopId, () => {
        const now = ctx.now();
        q.dropSection.run(now, now, workshopId, key);
      });
      return service.view(workshopId);
    },

    setNumber(workshopId: string, number: string): MinutesView {
      change(workshopId, () => q.setNumber.run(number, workshopId));
      return service.view(workshopId);
    },

    /** Store a processed photo (resized JPEG and thumbnail) at the end of the annex. */
    addPhoto(
      workshopId: string,
      fileName: string,
      photo: { jpeg: Uint8Array; width: number; height: number },
      thumb: { jpeg: Uint8Array; width: number; height: number },
      hashOf: (b: Uint8Array) => string,
    ): MinutesPhoto {
      const id = change(workshopId, () => {
        const existing = q.photos.all(workshopId) as PhotoRow[];
        if (existing.length >= MINUTES_LIMITS.photos) throw new AppError('VALIDATION', 'minutes.photoRefused.tooMany');
        const now = ctx.now();
        const blob = hashOf(photo.jpeg);
        const thumbHash = hashOf(thumb.jpeg);
        q.putBlob.run(blob, 'image/jpeg', photo.width, photo.height, Buffer.from(photo.jpeg), now);
        q.putBlob.run(thumbHash, 'image/jpeg', thumb.width, thumb.height, Buffer.from(thumb.jpeg), now);
        const id = ctx.newId();
        const position = existing.reduce((n, p) => Math.max(n, p.position + 1), 0);
        q.insertPhoto.run({ id, workshopId, blob, thumb: thumbHash, fileName, caption: '', position, now });
        return id;
      });
      return toPhoto(q.photo.get(id) as PhotoRow);
    },

    photoWorkshop(id: string): string {
      const p = q.photo.get(id) as PhotoRow | undefined;
      if (!p) throw new AppError('NOT_FOUND', 'photoNotFound', { id });
      return p.workshop_id;
    },

    updatePhoto(id: string, patch: { caption?: string; included?: boolean }): MinutesPhoto {
      const workshopId = service.photoWorkshop(id);
      change(workshopId, () => {
        const p = q.photo.get(id) as PhotoRow;
        q.updatePhoto.run({
          id,
          caption: patch.caption ?? p.caption,
          included: patch.included === undefined ? p.included : patch.included ? 1 : 0,
          now: ctx.now(),
        });
      });
      return toPhoto(q.photo.get(id) as PhotoRow);
    },

    movePhoto(id: string, index: number): MinutesPhoto {
      const workshopId = service.photoWorkshop(id);
      change(workshopId, () => {
        const list = (q.photos.all(workshopId) as PhotoRow[]).filter((p) => p.id !== id);
        list.splice(Math.min(index, list.length), 0, q.photo.get(id) as PhotoRow);
        const now = ctx.now();
        list.forEach((p, i) => {
          if (p.position !== i) q.setPosition.run(i, now, p.id);
        });
      });
      return toPhoto(q.photo.get(id) as PhotoRow);
    },

    removePhoto(id: string): { id: string; workshopId: string } {
      const workshopId = service.photoWorkshop(id);
      change(workshopId, () => {
        const now = ctx.now();
        q.removePhoto.run(now, now, id);
      });
      return { id, workshopId };
    },

    /** The photos that go into Lampiran V, in order, with their JPEG bytes. */
    annexPhotos(workshopId: string): { data: Uint8Array; width: number; height: number; caption: string }[] {
      return (q.photos.all(workshopId) as PhotoRow[])
        .filter((p) => p.included === 1)
        .flatMap((p) => {
          const b = deps.blobs.get(p.blob_hash);
          return b ? [{ data: b.data, width: b.width, height: b.height, caption: p.caption }] : [];
        });
    },

    /** The number the next finalize takes. */
    nextVersion(workshopId: string): number {
      const list = q.versions.all(workshopId) as VersionRow[];
      return list.length ? list[list.length - 1].version + 1 : 1;
    },

    /** The state and revision a finalize must still find when it commits. */
    state(workshopId: string): { state: 'draft' | 'final'; revision: number } {
      const r = row(workshopId);
      return { state: r.state, revision: r.revision };
    },

    /**
     * Commit a finalized version: only if the minutes are still the draft at `revision` (another
     * window's finalize or a change meanwhile is refused, so two finalizes make one version).
     */
    commitVersion(
      workshopId: string,
      revision: number,
      v: { version: number; bytes: Uint8Array; sha256: string; code: string; fileName: string; by: string },
    ): MinutesVersion {
      return db
        .transaction(() => {
          const r = stored(workshopId);
          if (r.state === 'final') throw new AppError('CONFLICT', 'minutesFinal');
          if (r.revision !== revision) throw new AppError('CONFLICT', 'minutesChanged');
          if (service.nextVersion(workshopId) !== v.version) throw new AppError('CONFLICT', 'minutesChanged');
          const now = ctx.now();
          q.putBlob.run(
            v.sha256,
            'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
            0,
            0,
            Buffer.from(v.bytes),
            now,
          );
          q.insertVersion.run({
            id: ctx.newId(),
            workshopId,
            version: v.version,
            hash: v.sha256,
            code: v.code,
            bytes: v.bytes.byteLength,
            fileName: v.fileName,
            now,
            by: v.by,
          });
          q.setState.run('final', workshopId);
          q.bump.run(now, workshopId);
          return toVersion(q.version.get(workshopId, v.version) as VersionRow);
        })
        .immediate();
    },

    reopen(workshopId: string, by: string, reason: string): MinutesView {
      db.transaction(() => {
        const r = row(workshopId);
        if (r.state !== 'final') throw new AppError('CONFLICT', 'minutesNotFinal');
        const now = ctx.now();
        q.reopen.run({ now, by, reason, workshopId, version: service.nextVersion(workshopId) - 1 });
        q.setState.run('draft', workshopId);
        q.bump.run(now, workshopId);
      }).immediate();
      return service.view(workshopId);
    },

    /** A finalized version's bytes, exactly as they were stored. */
    versionFile(workshopId: string, version: number): { fileName: string; bytes: Uint8Array } {
      workshopOf(workshopId);
      const v = q.version.get(workshopId, version) as VersionRow | undefined;
      if (!v) throw new AppError('NOT_FOUND', 'minutesVersionNotFound', { id: String(version) });
      const b = q.blobData.get(v.docx_hash) as { data: Buffer } | undefined;
      if (!b) throw new AppError('NOT_FOUND', 'minutesVersionNotFound', { id: String(version) });
      return { fileName: v.file_name, bytes: new Uint8Array(b.data.buffer, b.data.byteOffset, b.data.byteLength) };
    },
  };
  return service;
}

export type MinutesService = ReturnType<typeof createMinutesService>;
