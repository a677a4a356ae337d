import { z } from 'zod';
import { CellValueSchema } from './forms/types';
import { ProjectorFollowups } from './followups';
import type { TimeZone } from './domain';
import { ZONE_OFFSET_HOURS, zoneDate } from './format';
import { clockTime, idSchema, LIMITS, optionalText, requiredText, typeError } from './primitives';
import type { TemplateId } from './template-ids';

/**
 * The agenda of a workshop day (susunan acara) and how it runs: the steps the facilitator edits,
 * the run log the console writes as things happen, and the pure functions that turn both into the
 * planned schedule, the timer and the drift of the day. Main, console and projector all use these,
 * so a reload anywhere shows the same figures.
 */

/** What kind of thing happens in a step; drives the icon, the projector view and the minutes. */
export const STEP_KINDS = [
  'registrasi',
  'pembukaan',
  'sambutan',
  'paparan',
  'diskusi-kelompok',
  'pleno',
  'tanya-jawab',
  'istirahat',
  'review-tindak-lanjut',
  'penandatanganan-komitmen',
  'penutup',
] as const;
export type StepKind = (typeof STEP_KINDS)[number];

/**
 * The output forms a group-work step can name. Their definitions (fields, projector view, DOCX
 * table) come with group work; templates and steps may name them now and are checked against this.
 */
export const OUTPUT_FORM_IDS = [
  'readiness',
  'swot',
  'issue-analysis',
  'vision-mission',
  'programme-map',
  'quick-win-proposal',
  'strategy',
  'action-plan',
  'roadmap',
  'commitment',
  'notes',
] as const;
export type OutputFormId = (typeof OUTPUT_FORM_IDS)[number];

export const STEP_LIMITS = { minutes: 600, steps: 60, notes: 20_000, script: 4000 } as const;

const plannedMinutes = z
  .number({ error: typeError })
  .int({ error: 'invalid' })
  .min(1, { error: 'minutesPositive' })
  .max(STEP_LIMITS.minutes, { error: 'minutesTooMany' });

/** The fields of a step that a facilitator edits. */
export const stepFields = {
  kind: z.enum(STEP_KINDS, { error: (iss) => (iss.input === undefined ? 'required' : 'invalid') }),
  title: requiredText(300),
  plannedMinutes,
  /** Keterangan / penanggung jawab in the rundown: who leads it. */
  presenter: optionalText(300),
  /** What to say and do: for the facilitator's screen only, never the projector. */
  script: optionalText(STEP_LIMITS.script),
  /** What to show on the projector during the step. */
  project: optionalText(LIMITS.longText),
  formId: z.enum(OUTPUT_FORM_IDS, { error: 'invalid' }).nullable(),
  /** The note-taker's notes (discussion points, Q&A); they feed the minutes. Never projected. */
  notes: optionalText(STEP_LIMITS.notes),
};

export const StepInput = z.strictObject({
  kind: stepFields.kind,
  title: stepFields.title,
  plannedMinutes: stepFields.plannedMinutes,
  presenter: stepFields.presenter.default(''),
  script: stepFields.script.default(''),
  project: stepFields.project.default(''),
  formId: stepFields.formId.default(null),
  notes: stepFields.notes.default(''),
});
export type StepInput = z.input<typeof StepInput>;

export const StepPatch = z.strictObject(stepFields).partial();
export type StepPatch = z.input<typeof StepPatch>;

export const AgendaStep = z.object({
  id: idSchema,
  workshopId: idSchema,
  dayId: idSchema,
  position: z.number().int(),
  kind: z.enum(STEP_KINDS),
  title: z.string(),
  plannedMinutes: z.number().int(),
  presenter: z.string(),
  script: z.string(),
  project: z.string(),
  formId: z.enum(OUTPUT_FORM_IDS).nullable(),
  notes: z.string(),
  updatedAt: z.string(),
});
export type AgendaStep = z.output<typeof AgendaStep>;

// ---------------------------------------------------------------- the run log

/**
 * What happened, stored as it happens: the console's commands become these rows, and every figure
 * on screen (timer, actual times, drift) is folded from them and the clock. Nothing is kept in a
 * timer in memory, so a reload or a crash resumes exactly where the room was.
 */
/**
 * `reset` puts a step back to pending (going back to the step before, or un-skipping) and keeps
 * the time it already ran.
 */
export const RUN_EVENT_KINDS = ['start', 'pause', 'resume', 'end', 'extend', 'skip', 'reset'] as const;
export type RunEventKind = (typeof RUN_EVENT_KINDS)[number];

export const RunEvent = z.object({
  id: idSchema,
  stepId: idSchema,
  kind: z.enum(RUN_EVENT_KINDS),
  /** UTC instant (ISO). */
  at: z.string(),
  /** `extend`: the minutes added. */
  minutes: z.number().int(),
});
export type RunEvent = z.output<typeof RunEvent>;

export const RUN_COMMANDS = ['start', 'pause', 'resume', 'next', 'previous', 'extend', 'skip'] as const;
export type RunCommand = (typeof RUN_COMMANDS)[number];

export const EXTEND_MINUTES = 5;

export type StepState = 'pending' | 'running' | 'paused' | 'done' | 'skipped';

export interface StepRun {
  state: StepState;
  /** First start (UTC ms), or null. */
  actualStart: number | null;
  /** Last end (UTC ms) once done, or null. */
  actualEnd: number | null;
  /** Time spent running, pauses excluded. */
  elapsedMs: number;
  extraMinutes: number;
  /** Planned plus extra minutes, in ms. */
  allowanceMs: number;
  /** Allowance minus elapsed; negative when over time. */
  remainingMs: number;
}

export interface DayRun {
  steps: Map<string, StepRun>;
  currentId: string | null;
  started: boolean;
  finished: boolean;
  /** UTC ms: day start + every planned minute. */
  plannedEnd: number;
  /** UTC ms: where the day will end at this pace. */
  projectedEnd: number;
  /** Whole minutes, positive when late. */
  driftMinutes: number;
}

type StepLike = Pick<AgendaStep, 'id' | 'plannedMinutes'>;

/** UTC ms of a wall-clock time on a date in the region's zone. */
export function zonedInstant(date: string, time: string, zone: TimeZone): number {
  const [y, mo, d] = date.split('-').map(Number);
  const [h, mi] = time.split(':').map(Number);
  return Date.UTC(y, mo - 1, d, h, mi) - ZONE_OFFSET_HOURS[zone] * 3_600_000;
}

/** "08:00" + 95 → "09:35" (clamped to the day: a schedule past midnight shows 24:xx). */
export function addMinutes(time: string, minutes: number): string {
  const [h, m] = time.split(':').map(Number);
  const total = h * 60 + m + minutes;
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
}

export interface PlannedSlot {
  stepId: string;
  start: string;
  end: string;
  /** The step ends after the day's end time. */
  overrun: boolean;
}

/** The planned start and end of every step from the day's start, and whether the day runs over. */
export function planDay(day: { startTime: string; endTime: string | null }, steps: readonly StepLike[]) {
  let at = day.startTime;
  const slots: PlannedSlot[] = steps.map((s) => {
    const start = at;
    at = addMinutes(at, s.plannedMinutes);
    return { stepId: s.id, start, end: at, overrun: day.endTime !== null && at > day.endTime };
  });
  return { slots, end: at, overrun: day.endTime !== null && at > day.endTime };
}

/** Folds a day's run log into the state of every step and the drift of the day, at `now`. */
export function foldRun(
  day: { date: string; startTime: string },
  zone: TimeZone,
  steps: readonly StepLike[],
  events: readonly Pick<RunEvent, 'stepId' | 'kind' | 'at' | 'minutes'>[],
  now: number,
): DayRun {
  const runs = new Map<string, StepRun & { since: number | null }>();
  for (const s of steps) {
    runs.set(s.id, {
      state: 'pending',
      actualStart: null,
      actualEnd: null,
      elapsedMs: 0,
      extraMinutes: 0,
      allowanceMs: 0,
      remainingMs: 0,
      since: null,
    });
  }
  const stop = (r: StepRun & { since: number | null }, at: number) => {
    if (r.since !== null) r.elapsedMs += Math.max(0, at - r.since);
    r.since = null;
  };
  for (const e of events) {
    const r = runs.get(e.stepId);
    if (!r) continue;
    const at = Date.parse(e.at);
    switch (e.kind) {
      case 'start':
        r.actualStart ??= at;
        r.actualEnd = null;
        r.state = 'running';
        r.since = at;
        break;
      case 'pause':
        if (r.state === 'running') stop(r, at);
        if (r.state === 'running') r.state = 'paused';
        break;
      case 'resume':
        if (r.state === 'paused') {
          r.state = 'running';
          r.since = at;
        }
        break;
      case 'end':
        stop(r, at);
        r.actualEnd = at;
        r.state = 'done';
        break;
      case 'skip':
        stop(r, at);
        if (r.actualStart !== null) r.actualEnd = at;
        r.state = 'skipped';
        break;
      case 'extend':
        r.extraMinutes += e.minutes;
        break;
      case 'reset':
        stop(r, at);
        r.actualEnd = null;
        r.state = 'pending';
        if (r.elapsedMs === 0) r.actualStart = null;
        break;
    }
  }
  let currentId: string | null = null;
  for (const s of steps) {
    const r = runs.get(s.id)!;
    if (r.state === 'running') {
      stop(r, now);
      r.since = now;
    }
    if (r.state === 'running' || r.state === 'paused') currentId = s.id;
    r.allowanceMs = (s.plannedMinutes + r.extraMinutes) * 60_000;
    r.remainingMs = r.allowanceMs - r.elapsedMs;
  }
  const started = [...runs.values()].some((r) => r.actualStart !== null);
  // The plan is held against the calendar day the run happens on: a day run on another date (a
  // rehearsal, a postponed day) is late or early by its clock times, not by the weeks between.
  const firstStart = Math.min(...[...runs.values()].map((r) => r.actualStart ?? Infinity));
  const runDate = started ? zoneDate(new Date(firstStart).toISOString(), zone) : day.date;
  const dayStart = zonedInstant(runDate, day.startTime, zone);
  const plannedEnd = dayStart + steps.reduce((sum, s) => sum + s.plannedMinutes, 0) * 60_000;
  let projectedEnd = plannedEnd;
  let finished = false;
  if (started) {
    const pendingMs = steps
      .filter((s) => runs.get(s.id)!.state === 'pending')
      .reduce((sum, s) => sum + s.plannedMinutes * 60_000, 0);
    if (currentId) {
      const cur = runs.get(currentId)!;
      projectedEnd = now + Math.max(0, cur.remainingMs) + pendingMs;
    } else {
      const lastEnd = Math.max(...[...runs.values()].map((r) => r.actualEnd ?? r.actualStart ?? 0));
      finished = pendingMs === 0;
      projectedEnd = finished ? lastEnd : Math.max(now, lastEnd) + pendingMs;
    }
  }
  const clean = new Map<string, StepRun>();
  for (const [id, { since: _since, ...r }] of runs) clean.set(id, r);
  return {
    steps: clean,
    currentId,
    started,
    finished,
    plannedEnd,
    projectedEnd,
    driftMinutes: Math.round((projectedEnd - plannedEnd) / 60_000),
  };
}

/** Which step a command acts on next: the first pending step after `fromIndex`. */
export function nextPendingIndex(states: readonly StepState[], fromIndex: number): number {
  for (let i = fromIndex + 1; i < states.length; i++) if (states[i] === 'pending') return i;
  return -1;
}

/** Countdown colour: amber in the last 2 minutes, red when over time. */
export function timerTone(remainingMs: number): 'normal' | 'warning' | 'over' {
  if (remainingMs < 0) return 'over';
  if (remainingMs <= 2 * 60_000) return 'warning';
  return 'normal';
}

/** `-754000` → "-12:34", `3723000` → "1:02:03". */
export function formatCountdown(ms: number): string {
  const sign = ms < 0 ? '-' : '';
  const total = Math.floor(Math.abs(ms) / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const mm = h > 0 ? String(m).padStart(2, '0') : String(m);
  return `${sign}${h > 0 ? `${h}:` : ''}${mm}:${String(s).padStart(2, '0')}`;
}

// ---------------------------------------------------------------- templates

/** Text in Indonesian with the English beside it. */
export interface Bilingual {
  id: string;
  en: string;
}

export interface TemplateStep {
  kind: StepKind;
  minutes: number;
  title: Bilingual;
  presenter?: Bilingual;
  script: Bilingual;
  project: Bilingual;
  formId?: OutputFormId;
}

export interface TemplateDay {
  startTime: string;
  endTime: string;
  steps: TemplateStep[];
}

export interface StageTemplate {
  id: TemplateId;
  title: Bilingual;
  summary: Bilingual;
  days: TemplateDay[];
}

export { TEMPLATE_IDS, templateIdSchema, type TemplateId } from './template-ids';

export { clockTime };

// ---------------------------------------------------------------- what crosses the boundary

const AgendaDayOut = z.object({
  id: idSchema,
  date: z.string(),
  startTime: z.string(),
  endTime: z.string().nullable(),
  steps: z.array(AgendaStep),
  events: z.array(RunEvent),
});

/** The facilitator's agenda of a workshop: every day with its steps and run log. */
export const AgendaView = z.object({
  workshopId: idSchema,
  timeZone: z.enum(['WIB', 'WITA', 'WIT']),
  /** The store's clock when it answered: screens keep their timers on it, not on their own clock. */
  now: z.string(),
  days: z.array(AgendaDayOut),
});
export type AgendaView = z.output<typeof AgendaView>;
export type AgendaDayView = AgendaView['days'][number];

/** A day's run log after a command, with the store's clock. */
export const RunDay = z.object({ dayId: idSchema, workshopId: idSchema, now: z.string(), events: z.array(RunEvent) });
export type RunDay = z.output<typeof RunDay>;

// ---------------------------------------------------------------- the projector

/**
 * What the facilitator can put on the room's screen: the title slide, the current step, the day's
 * agenda, attendance counts, a group's output (pleno), the groups' pairing codes, the quick-win
 * ranking (bar chart and impact × feasibility matrix), the decisions, the follow-up review.
 */
export const PROJECTOR_MODES = [
  'title',
  'step',
  'agenda',
  'attendance',
  'group',
  'pairing',
  'quickwins',
  'decisions',
  'followups',
] as const;
export type ProjectorMode = (typeof PROJECTOR_MODES)[number];

/** A step as the room sees it: no script, no notes. */
export const ProjectorStep = AgendaStep.pick({
  id: true,
  kind: true,
  title: true,
  plannedMinutes: true,
  presenter: true,
  project: true,
});
export type ProjectorStep = z.output<typeof ProjectorStep>;

/**
 * Everything the projector page renders, built in the core from public fields only: the title
 * slide, the chosen day with its steps and run log, the mode, blank and freeze. While frozen, the
 * answer is the view as it was when frozen (with the clock of that moment); blank stays live.
 */
export const ProjectorView = z.object({
  workshopId: idSchema,
  now: z.string(),
  mode: z.enum(PROJECTOR_MODES),
  blank: z.boolean(),
  frozen: z.boolean(),
  /** What the facilitator has chosen now (while frozen, `mode` and `day` are those of the frozen view). */
  control: z.object({ mode: z.enum(PROJECTOR_MODES), dayId: idSchema.nullable() }),
  title: z.object({
    engagementId: idSchema,
    programmeName: z.string(),
    stage: z.string(),
    customStageName: z.string(),
    workshopTitle: z.string(),
    regionKind: z.enum(['kota', 'kabupaten']),
    regionName: z.string(),
    venue: z.string(),
    dates: z.array(z.string()),
    timeZone: z.enum(['WIB', 'WITA', 'WIT']),
    hasEmblem: z.boolean(),
  }),
  day: z
    .object({
      id: idSchema,
      date: z.string(),
      startTime: z.string(),
      endTime: z.string().nullable(),
      steps: z.array(ProjectorStep),
      events: z.array(RunEvent),
    })
    .nullable(),
  /**
   * Pleno: the group presenting and its output, rendered from the form's definition. No member
   * names: the room sees the group's work, not its register. `startedAt` and `plannedSeconds` are
   * the group's own presentation timer (the pleno step's minutes shared by the groups).
   */
  group: z
    .object({
      id: idSchema,
      name: z.string(),
      topic: z.string(),
      stepId: idSchema,
      stepTitle: z.string(),
      formId: z.enum(OUTPUT_FORM_IDS),
      values: z.record(z.string(), CellValueSchema),
      agencies: z.array(z.string()),
      page: z.number().int(),
      startedAt: z.string(),
      plannedSeconds: z.number().int(),
      /** Position in presentation order (0-based) and how many groups present. */
      index: z.number().int(),
      count: z.number().int(),
      next: z.string().nullable(),
    })
    .nullable(),
  /** Pairing mode: each group's code while it can be entered. */
  pairing: z.array(z.object({ groupId: idSchema, name: z.string(), code: z.string(), expiresAt: z.string() })),
  /** Quick wins, decisions, follow-ups: filled in their own modes only. */
  followup: ProjectorFollowups,
});
export type ProjectorView = z.output<typeof ProjectorView>;

export const ProjectorPatch = z
  .strictObject({
    mode: z.enum(PROJECTOR_MODES, { error: 'invalid' }),
    dayId: idSchema,
    blank: z.boolean({ error: 'invalidType' }),
    frozen: z.boolean({ error: 'invalidType' }),
    /** Pleno: the group to present and the group-work step whose output it shows. */
    groupId: idSchema,
    stepId: idSchema,
    /** The page of a long output. */
    page: z.number({ error: 'invalidType' }).int({ error: 'invalid' }).min(0, { error: 'invalid' }).max(500),
  })
  .partial();
export type ProjectorPatch = z.input<typeof ProjectorPatch>;
