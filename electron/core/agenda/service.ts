import {
  EXTEND_MINUTES,
  foldRun,
  nextPendingIndex,
  type AgendaStep,
  type RunCommand,
  type RunEvent,
  type RunEventKind,
  type StepInput,
  type StepPatch,
  type TemplateId,
} from '../../../shared/agenda';
import type { TimeZone } from '../../../shared/domain';
import { AppError } from '../../../shared/errors';
import type { Language } from '../../../shared/languages';
import { templateFor } from '../../../shared/templates';
import type { ServiceContext } from '../store/context';

type StepValues = Required<{ [K in keyof StepInput]: Exclude<StepInput[K], undefined> }>;

/**
 * The one place a step field meets its column: reads, inserts and updates derive from it, and
 * `satisfies` refuses a field of the shared schema that is missing here.
 */
export const STEP_COLUMNS = {
  kind: 'kind',
  title: 'title',
  plannedMinutes: 'planned_minutes',
  presenter: 'presenter',
  script: 'script',
  project: 'project',
  formId: 'form_id',
  notes: 'notes',
} as const satisfies Record<keyof StepValues, string>;
const STEP_KEYS = Object.keys(STEP_COLUMNS) as (keyof StepValues)[];

interface StepRow extends Record<string, unknown> {
  id: string;
  workshop_id: string;
  day_id: string;
  position: number;
  updated_at: string;
  deleted_at: string | null;
}

interface DayRow {
  id: string;
  workshop_id: string;
  engagement_id: string;
  date: string;
  start_time: string;
  end_time: string | null;
  position: number;
  time_zone: TimeZone;
}

interface EventRow {
  id: string;
  step_id: string;
  kind: RunEventKind;
  at: string;
  minutes: number;
}

function stepFromRow(r: StepRow): AgendaStep {
  const fields: Record<string, unknown> = {};
  for (const k of STEP_KEYS) fields[k] = r[STEP_COLUMNS[k]];
  return {
    id: r.id,
    workshopId: r.workshop_id,
    dayId: r.day_id,
    position: r.position,
    ...(fields as StepValues),
    updatedAt: r.updated_at,
  };
}

const eventFromRow = (r: EventRow): RunEvent => ({
  id: r.id,
  stepId: r.step_id,
  kind: r.kind,
  at: r.at,
  minutes: r.minutes,
});

export interface AgendaDay {
  id: string;
  date: string;
  startTime: string;
  endTime: string | null;
  steps: AgendaStep[];
  events: RunEvent[];
}

/** Agenda steps of workshop days, and the run log the console writes as the day happens. */
export function createAgendaService(ctx: ServiceContext) {
  const { db } = ctx;
  const selectDay = db.prepare(`
    SELECT d.id, d.workshop_id, d.date, d.start_time, d.end_time, d.position, w.engagement_id, e.time_zone
    FROM workshop_days d JOIN workshops w ON w.id = d.workshop_id JOIN engagements e ON e.id = w.engagement_id
    WHERE d.id = ? AND d.deleted_at IS NULL AND w.deleted_at IS NULL AND e.deleted_at IS NULL`);
  const selectDaysOf = db.prepare(`
    SELECT d.id, d.workshop_id, d.date, d.start_time, d.end_time, d.position, w.engagement_id, e.time_zone
    FROM workshop_days d JOIN workshops w ON w.id = d.workshop_id JOIN engagements e ON e.id = w.engagement_id
    WHERE d.workshop_id = ? AND d.deleted_at IS NULL AND w.deleted_at IS NULL AND e.deleted_at IS NULL
    ORDER BY d.position`);
  const selectSteps = db.prepare(
    'SELECT * FROM agenda_steps WHERE day_id = ? AND deleted_at IS NULL ORDER BY position, created_at',
  );
  const selectStep = db.prepare('SELECT * FROM agenda_steps WHERE id = ?');
  const selectEvents = db.prepare(
    'SELECT id, step_id, kind, at, minutes FROM run_events WHERE day_id = ? AND deleted_at IS NULL ORDER BY seq',
  );
  const nextSeq = db.prepare('SELECT coalesce(max(seq), 0) + 1 FROM run_events WHERE day_id = ?').pluck();
  const insertEvent = db.prepare(`
    INSERT INTO run_events (id, day_id, step_id, seq, kind, at, minutes, created_at, updated_at)
    VALUES (@id, @dayId, @stepId, @seq, @kind, @at, @minutes, @at, @at)`);
  const columns = STEP_KEYS.map((k) => STEP_COLUMNS[k]);
  const insertStep = db.prepare(`
    INSERT INTO agenda_steps (id, workshop_id, day_id, position, ${columns.join(', ')}, created_at, updated_at)
    VALUES (@id, @workshopId, @dayId, @position, ${STEP_KEYS.map((k) => `@${k}`).join(', ')}, @now, @now)`);
  const setPosition = db.prepare(
    'UPDATE agenda_steps SET day_id = @dayId, position = @position, updated_at = @now WHERE id = @id AND (day_id IS NOT @dayId OR position IS NOT @position)',
  );
  const setDeleted = db.prepare('UPDATE agenda_steps SET deleted_at = @deletedAt, updated_at = @now WHERE id = @id');
  const stepHasRun = db.prepare('SELECT 1 FROM run_events WHERE step_id = ? AND deleted_at IS NULL LIMIT 1');
  const liveStepsOfDay = db.prepare('SELECT 1 FROM agenda_steps WHERE day_id = ? AND deleted_at IS NULL LIMIT 1');
  const updateStatements = new Map<string, ReturnType<typeof db.prepare>>();

  function day(dayId: string): DayRow {
    const d = selectDay.get(dayId) as DayRow | undefined;
    if (!d) throw new AppError('NOT_FOUND', 'dayNotFound', { id: dayId });
    return d;
  }

  function stepRow(id: string, includeDeleted = false): StepRow {
    const r = selectStep.get(id) as StepRow | undefined;
    if (!r || (!includeDeleted && r.deleted_at)) throw new AppError('NOT_FOUND', 'stepNotFound', { id });
    day(r.day_id);
    return r;
  }

  const stepsOf = (dayId: string) => (selectSteps.all(dayId) as StepRow[]).map(stepFromRow);
  const eventsOf = (dayId: string) => (selectEvents.all(dayId) as EventRow[]).map(eventFromRow);

  /** Write positions 0…n−1 for the steps of a day in this order. */
  function renumber(dayId: string, ids: string[], now: string) {
    ids.forEach((id, position) => setPosition.run({ id, dayId, position, now }));
  }

  function insert(d: DayRow, values: StepValues, index: number, now: string): string {
    const ids = stepsOf(d.id).map((s) => s.id);
    const id = ctx.newId();
    insertStep.run({ id, workshopId: d.workshop_id, dayId: d.id, position: ids.length, now, ...values });
    ids.splice(Math.max(0, Math.min(index, ids.length)), 0, id);
    renumber(d.id, ids, now);
    return id;
  }

  function assertRoom(dayId: string) {
    if (stepsOf(dayId).length >= 60) {
      throw new AppError('VALIDATION', 'invalidInput', { issues: [{ path: ['dayId'], code: 'tooManySteps' }] });
    }
  }

  const load = (id: string) => stepFromRow(stepRow(id));

  function agendaDay(d: DayRow): AgendaDay {
    return {
      id: d.id,
      date: d.date,
      startTime: d.start_time,
      endTime: d.end_time,
      steps: stepsOf(d.id),
      events: eventsOf(d.id),
    };
  }

  return {
    /** Where a day belongs (throws NOT_FOUND for a removed day). */
    dayContext: day,

    /** Every day of a workshop with its steps and run log. */
    get(workshopId: string): { workshopId: string; days: AgendaDay[] } {
      const days = selectDaysOf.all(workshopId) as DayRow[];
      if (days.length === 0) throw new AppError('NOT_FOUND', 'workshopNotFound', { id: workshopId });
      return { workshopId, days: days.map(agendaDay) };
    },

    /** One day with its steps and run log. */
    day(dayId: string): AgendaDay & { workshopId: string; engagementId: string; timeZone: TimeZone } {
      const d = day(dayId);
      return { ...agendaDay(d), workshopId: d.workshop_id, engagementId: d.engagement_id, timeZone: d.time_zone };
    },

    /** Add a step after `afterId` (or at the end of the day). */
    add(dayId: string, values: StepValues, afterId: string | null): AgendaStep {
      return db.transaction(() => {
        const d = day(dayId);
        assertRoom(dayId);
        const steps = stepsOf(dayId);
        const after = afterId === null ? steps.length - 1 : steps.findIndex((s) => s.id === afterId);
        if (afterId !== null && after < 0) throw new AppError('NOT_FOUND', 'stepNotFound', { id: afterId });
        return load(insert(d, values, after + 1, ctx.now()));
      })();
    },

    update(id: string, patch: StepPatch): AgendaStep {
      return db.transaction(() => {
        stepRow(id);
        const keys = STEP_KEYS.filter((k) => patch[k] !== undefined);
        if (keys.length > 0) {
          const sig = keys.join(',');
          let stmt = updateStatements.get(sig);
          if (!stmt) {
            const sets = keys.map((k) => `${STEP_COLUMNS[k]} = @${k}`).join(', ');
            stmt = db.prepare(`UPDATE agenda_steps SET ${sets}, updated_at = @now WHERE id = @id`);
            updateStatements.set(sig, stmt);
          }
          stmt.run({ ...patch, id, now: ctx.now() });
        }
        return load(id);
      })();
    },

    /** A copy right after the original, without its notes (they belong to what happened). */
    duplicate(id: string): AgendaStep {
      return db.transaction(() => {
        const s = load(id);
        assertRoom(s.dayId);
        const { kind, title, plannedMinutes, presenter, script, project, formId } = s;
        const values: StepValues = { kind, title, plannedMinutes, presenter, script, project, formId, notes: '' };
        return load(insert(day(s.dayId), values, s.position + 1, ctx.now()));
      })();
    },

    /** Move to the bin; a step that has run keeps its place in the log (and can come back). */
    delete(id: string): AgendaStep {
      return db.transaction(() => {
        const s = load(id);
        const now = ctx.now();
        setDeleted.run({ id, deletedAt: now, now });
        renumber(
          s.dayId,
          stepsOf(s.dayId).map((x) => x.id),
          now,
        );
        return s;
      })();
    },

    /** Bring a deleted step back where it was. */
    restore(id: string): AgendaStep {
      return db.transaction(() => {
        const r = stepRow(id, true);
        const now = ctx.now();
        const ids = stepsOf(r.day_id).map((x) => x.id);
        setDeleted.run({ id, deletedAt: null, now });
        ids.splice(Math.min(r.position, ids.length), 0, id);
        renumber(r.day_id, ids, now);
        return load(id);
      })();
    },

    /** Reorder within a day or move to another day of the same workshop, at `index`. */
    move(id: string, dayId: string, index: number): { step: AgendaStep; fromDayId: string } {
      return db.transaction(() => {
        const s = load(id);
        const target = day(dayId);
        if (target.workshop_id !== s.workshopId) {
          throw new AppError('VALIDATION', 'invalidInput', { issues: [{ path: ['dayId'], code: 'otherWorkshop' }] });
        }
        if (dayId !== s.dayId && stepHasRun.get(id)) throw new AppError('CONFLICT', 'stepHasRun', { id });
        const now = ctx.now();
        if (dayId !== s.dayId) {
          assertRoom(dayId);
          renumber(
            s.dayId,
            stepsOf(s.dayId)
              .filter((x) => x.id !== id)
              .map((x) => x.id),
            now,
          );
        }
        const ids = stepsOf(dayId)
          .map((x) => x.id)
          .filter((x) => x !== id);
        ids.splice(Math.max(0, Math.min(index, ids.length)), 0, id);
        renumber(dayId, ids, now);
        return { step: load(id), fromDayId: s.dayId };
      })();
    },

    /** Copy a stage template's steps into the workshop's days (template day i → day i; extra days → last). */
    applyTemplate(workshopId: string, templateId: TemplateId, lang: Language): void {
      const days = selectDaysOf.all(workshopId) as DayRow[];
      const template = templateFor(templateId);
      const now = ctx.now();
      template.days.forEach((tday, i) => {
        const d = days[Math.min(i, days.length - 1)];
        let position = stepsOf(d.id).length;
        for (const t of tday.steps) {
          insertStep.run({
            id: ctx.newId(),
            workshopId,
            dayId: d.id,
            position: position++,
            now,
            kind: t.kind,
            title: t.title[lang],
            plannedMinutes: t.minutes,
            presenter: t.presenter?.[lang] ?? '',
            script: t.script[lang],
            project: t.project[lang],
            formId: t.formId ?? null,
            notes: '',
          });
        }
      });
    },

    /** Whether a day still has steps (a day with an agenda is not removed with a workshop edit). */
    dayHasSteps: (dayId: string) => liveStepsOfDay.get(dayId) !== undefined,

    /**
     * Carry out a console command. `expectedStepId` is the current step as the caller saw it: when
     * another window moved the run meanwhile, the command is refused (the store decides, and both
     * screens reload the same state) instead of acting twice.
     */
    command(dayId: string, command: RunCommand, expectedStepId: string | null, stepId: string | null) {
      return db.transaction(() => {
        const d = day(dayId);
        const steps = stepsOf(dayId);
        const at = ctx.now();
        const run = foldRun(
          { date: d.date, startTime: d.start_time },
          d.time_zone,
          steps,
          eventsOf(dayId),
          Date.parse(at),
        );
        if ((expectedStepId ?? null) !== run.currentId) {
          throw new AppError('CONFLICT', 'runMoved', { dayId });
        }
        const states = steps.map((s) => run.steps.get(s.id)!.state);
        const cur = run.currentId === null ? -1 : steps.findIndex((s) => s.id === run.currentId);
        const log = (index: number, kind: RunEventKind, minutes = 0) =>
          insertEvent.run({
            id: ctx.newId(),
            dayId,
            stepId: steps[index].id,
            seq: nextSeq.get(dayId),
            kind,
            at,
            minutes,
          });
        const indexOf = (id: string | null) => {
          const i = id === null ? -1 : steps.findIndex((s) => s.id === id);
          if (id !== null && i < 0) throw new AppError('NOT_FOUND', 'stepNotFound', { id });
          return i;
        };
        const refuse = (key: string): never => {
          throw new AppError('CONFLICT', key, { dayId });
        };
        if (steps.length === 0) refuse('dayHasNoSteps');
        switch (command) {
          case 'start': {
            if (cur >= 0) refuse('runAlreadyStarted');
            let target = indexOf(stepId);
            if (target < 0) target = nextPendingIndex(states, -1);
            if (target < 0) refuse('dayFinished');
            if (states[target] === 'skipped') log(target, 'reset');
            log(target, 'start');
            break;
          }
          case 'pause':
            if (cur < 0 || states[cur] !== 'running') refuse('runNotRunning');
            log(cur, 'pause');
            break;
          case 'resume':
            if (cur < 0 || states[cur] !== 'paused') refuse('runNotPaused');
            log(cur, 'resume');
            break;
          case 'next': {
            const from = cur >= 0 ? cur : -1;
            if (cur >= 0) log(cur, 'end');
            const target = nextPendingIndex(states, from);
            if (target >= 0) log(target, 'start');
            else if (cur < 0) refuse('dayFinished');
            break;
          }
          case 'previous': {
            const anchor = cur >= 0 ? cur : steps.length;
            let target = anchor - 1;
            while (target >= 0 && states[target] === 'pending') target--;
            if (target < 0) refuse('noPreviousStep');
            // The step we leave goes back to pending with the time it ran, so "next" returns to it.
            if (cur >= 0) log(cur, 'reset');
            log(target, 'start');
            break;
          }
          case 'extend': {
            const target = stepId === null ? cur : indexOf(stepId);
            if (target < 0) refuse('runNotRunning');
            log(target, 'extend', EXTEND_MINUTES);
            break;
          }
          case 'skip': {
            const target = stepId === null ? cur : indexOf(stepId);
            if (target < 0) refuse('runNotRunning');
            if (states[target] === 'skipped') {
              log(target, 'reset');
            } else if (target === cur) {
              log(cur, 'skip');
              const after = nextPendingIndex(states, cur);
              if (after >= 0) log(after, 'start');
            } else if (states[target] === 'pending') {
              log(target, 'skip');
            } else {
              refuse('stepAlreadyRun');
            }
            break;
          }
        }
        return { ...agendaDay(d), workshopId: d.workshop_id, engagementId: d.engagement_id, timeZone: d.time_zone };
      })();
    },
  };
}

export type AgendaService = ReturnType<typeof createAgendaService>;
