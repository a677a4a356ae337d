import { describe, expect, it } from 'vitest';
import { foldRun } from '../../../shared/agenda';
import { eventFor, type Role } from '../../../shared/contract';
import type { ChangeEvent } from '../../../shared/domain';
import { templateFor } from '../../../shared/templates';
import { useTestBackend } from '../../fixtures/backend';
import { engagementInput, STEP, workshopInput } from '../../fixtures/inputs';

const t = useTestBackend('bimtek-agenda-');
const { ok } = t;

async function tahap3() {
  const e = await ok('engagements.create', engagementInput());
  const w = await ok('workshops.create', {
    ...workshopInput(e.id),
    days: [
      { date: '2019-08-28', startTime: '08:00', endTime: '16:00' },
      { date: '2019-08-29', startTime: '08:00', endTime: '16:00' },
    ],
    template: 'tahap-3',
  });
  return { e, w, day1: w.days[0].id as string, day2: w.days[1].id as string };
}

async function refused(op: string, input: unknown) {
  const r = await t.backend().handlers.dispatch(op as never, input);
  if (r.ok) throw new Error(`${op} was accepted`);
  return r.error;
}

const at = (hhmm: string, date = '2019-08-28') => new Date(`${date}T${hhmm}:00+07:00`).toISOString();

describe('agenda from a stage template', () => {
  it('copies every step of Tahap III into the two days, in order, in Indonesian', async () => {
    const { w } = await tahap3();
    const agenda = await ok('agenda.get', { workshopId: w.id });
    const template = templateFor('tahap-3');
    expect(agenda.days).toHaveLength(2);
    agenda.days.forEach((d: any, i: number) => {
      expect(d.steps.map((s: any) => s.title)).toEqual(template.days[i].steps.map((s) => s.title.id));
      expect(d.steps.map((s: any) => s.position)).toEqual(d.steps.map((_: unknown, j: number) => j));
    });
    expect(agenda.timeZone).toBe('WIB');
  });

  it('an empty workshop has no steps; a day with steps cannot be removed with a workshop edit', async () => {
    const e = await ok('engagements.create', engagementInput());
    const empty = await ok('workshops.create', workshopInput(e.id));
    expect((await ok('agenda.get', { workshopId: empty.id })).days.every((d: any) => d.steps.length === 0)).toBe(true);

    const { w } = await tahap3();
    const err = await refused('workshops.update', { id: w.id, patch: { days: [{ ...w.days[0] }] } });
    expect(err.key).toBe('errors.dayHasAgenda');
    expect((await ok('agenda.get', { workshopId: w.id })).days).toHaveLength(2);
  });
});

describe('editing the agenda', () => {
  it('adds after a step, duplicates, deletes with undo, reorders and moves to the other day', async () => {
    const { w, day1, day2 } = await tahap3();
    const before = (await ok('agenda.get', { workshopId: w.id })).days[0].steps;
    const added = await ok('agenda.addStep', { dayId: day1, afterId: before[0].id, step: STEP });
    let steps = (await ok('agenda.get', { workshopId: w.id })).days[0].steps;
    expect(steps[1].id).toBe(added.id);

    const copy = await ok('agenda.duplicateStep', { id: added.id });
    steps = (await ok('agenda.get', { workshopId: w.id })).days[0].steps;
    expect(steps[2]).toMatchObject({ id: copy.id, title: STEP.title, notes: '' });

    await ok('agenda.deleteStep', { id: copy.id });
    steps = (await ok('agenda.get', { workshopId: w.id })).days[0].steps;
    expect(steps.map((s: any) => s.id)).not.toContain(copy.id);
    await ok('agenda.restoreStep', { id: copy.id });
    steps = (await ok('agenda.get', { workshopId: w.id })).days[0].steps;
    expect(steps[2].id).toBe(copy.id);

    await ok('agenda.moveStep', { id: added.id, dayId: day1, index: 0 });
    steps = (await ok('agenda.get', { workshopId: w.id })).days[0].steps;
    expect(steps[0].id).toBe(added.id);
    expect(steps.map((s: any) => s.position)).toEqual(steps.map((_: unknown, j: number) => j));

    await ok('agenda.moveStep', { id: added.id, dayId: day2, index: 1 });
    const days = (await ok('agenda.get', { workshopId: w.id })).days;
    expect(days[0].steps.map((s: any) => s.id)).not.toContain(added.id);
    expect(days[1].steps[1].id).toBe(added.id);
    expect(days[1].steps[1].dayId).toBe(day2);
  });

  it('refuses zero or negative minutes and an empty title, keeping the step as it was', async () => {
    const { w, day1 } = await tahap3();
    const step = (await ok('agenda.get', { workshopId: w.id })).days[0].steps[0];
    for (const plannedMinutes of [0, -5]) {
      const err = await refused('agenda.updateStep', { id: step.id, patch: { plannedMinutes } });
      expect(err.code).toBe('VALIDATION');
      expect(JSON.stringify(err.details)).toContain('minutesPositive');
    }
    const err = await refused('agenda.addStep', { dayId: day1, step: { ...STEP, title: '  ' } });
    expect(JSON.stringify(err.details)).toContain('required');
    const again = (await ok('agenda.get', { workshopId: w.id })).days[0].steps[0];
    expect(again.plannedMinutes).toBe(step.plannedMinutes);
  });
});

describe('running a day', () => {
  it('stores actual times as they happen; the timer, pauses, +5 and drift are folded from them', async () => {
    const { w, day1 } = await tahap3();
    const steps = (await ok('agenda.get', { workshopId: w.id })).days[0].steps;
    const run = async (command: string, expectedStepId: string | null, stepId: string | null = null) =>
      ok('run.command', { dayId: day1, command, expectedStepId, stepId });

    t.clock.clock = at('08:10');
    await run('start', null);
    t.clock.clock = at('08:20');
    await run('pause', steps[0].id);
    t.clock.clock = at('08:25');
    await run('resume', steps[0].id);
    await run('extend', steps[0].id);
    t.clock.clock = at('08:40');
    const r = await run('next', steps[0].id);

    const day = (await ok('agenda.get', { workshopId: w.id })).days[0];
    const state = foldRun(day, 'WIB', day.steps, r.events, Date.parse(at('08:41')));
    const first = state.steps.get(steps[0].id)!;
    expect(first.state).toBe('done');
    expect(new Date(first.actualStart!).toISOString()).toBe(at('08:10'));
    expect(new Date(first.actualEnd!).toISOString()).toBe(at('08:40'));
    expect(first.elapsedMs).toBe(25 * 60_000); // 30 minutes less the 5 paused
    expect(first.extraMinutes).toBe(5);
    expect(state.currentId).toBe(steps[1].id);
    expect(state.steps.get(steps[1].id)!.elapsedMs).toBe(60_000);
    // The first step was planned to end at 08:00 + its minutes and ended at 08:40 (wall clock:
    // started late and paused); the rest of the day keeps its planned minutes.
    expect(state.driftMinutes).toBe(40 - steps[0].plannedMinutes);
    expect(state.projectedEnd - state.plannedEnd).toBe((40 - steps[0].plannedMinutes) * 60_000);
  });

  it('two windows pressing "next" at once: the store takes the first, refuses the second, both see one state', async () => {
    const { w, day1 } = await tahap3();
    const steps = (await ok('agenda.get', { workshopId: w.id })).days[0].steps;
    await ok('run.command', { dayId: day1, command: 'start', expectedStepId: null });
    const [a, b] = await Promise.all([
      t.backend().handlers.dispatch('run.command', { dayId: day1, command: 'next', expectedStepId: steps[0].id }),
      t.backend().handlers.dispatch('run.command', { dayId: day1, command: 'next', expectedStepId: steps[0].id }),
    ]);
    expect([a.ok, b.ok].sort()).toEqual([false, true]);
    const failed = (a.ok ? b : a) as { ok: false; error: { key: string } };
    expect(failed.error.key).toBe('errors.runMoved');
    const day = (await ok('agenda.get', { workshopId: w.id })).days[0];
    const state = foldRun(day, 'WIB', day.steps, day.events, Date.parse(t.clock.clock));
    expect(state.currentId).toBe(steps[1].id);
  });

  it('previous returns to the step before and keeps the time the left step ran; skip and unskip', async () => {
    const { w, day1 } = await tahap3();
    const steps = (await ok('agenda.get', { workshopId: w.id })).days[0].steps;
    const cmd = (command: string, expectedStepId: string | null, stepId: string | null = null) =>
      ok('run.command', { dayId: day1, command, expectedStepId, stepId });
    t.clock.clock = at('08:00');
    await cmd('start', null);
    t.clock.clock = at('08:15');
    await cmd('next', steps[0].id);
    t.clock.clock = at('08:17');
    await cmd('previous', steps[1].id);
    await cmd('skip', steps[0].id, steps[2].id);
    t.clock.clock = at('08:30');
    const r = await cmd('next', steps[0].id);
    const day = (await ok('agenda.get', { workshopId: w.id })).days[0];
    const s = foldRun(day, 'WIB', day.steps, r.events, Date.parse(at('08:30')));
    expect(s.currentId).toBe(steps[1].id);
    expect(s.steps.get(steps[1].id)!.elapsedMs).toBe(2 * 60_000);
    expect(s.steps.get(steps[2].id)!.state).toBe('skipped');
    await cmd('skip', steps[1].id, steps[2].id);
    const day2 = (await ok('agenda.get', { workshopId: w.id })).days[0];
    expect(foldRun(day2, 'WIB', day2.steps, day2.events, Date.parse(at('08:31'))).steps.get(steps[2].id)!.state).toBe(
      'pending',
    );
  });

  it('refuses commands that make no sense, with a reason, and writes nothing', async () => {
    const { w, day1 } = await tahap3();
    const steps = (await ok('agenda.get', { workshopId: w.id })).days[0].steps;
    expect((await refused('run.command', { dayId: day1, command: 'pause', expectedStepId: null })).key).toBe(
      'errors.runNotRunning',
    );
    expect((await refused('run.command', { dayId: day1, command: 'previous', expectedStepId: null })).key).toBe(
      'errors.noPreviousStep',
    );
    await ok('run.command', { dayId: day1, command: 'start', expectedStepId: null });
    expect((await refused('run.command', { dayId: day1, command: 'start', expectedStepId: null })).key).toBe(
      'errors.runMoved',
    );
    const err = await refused('run.command', { dayId: day1, command: 'resume', expectedStepId: steps[0].id });
    expect(err.key).toBe('errors.runNotPaused');
    expect((await ok('agenda.get', { workshopId: w.id })).days[0].events).toHaveLength(1);

    const e = await ok('engagements.create', engagementInput());
    const empty = await ok('workshops.create', workshopInput(e.id));
    const none = await refused('run.command', { dayId: empty.days[0].id, command: 'start', expectedStepId: null });
    expect(none.key).toBe('errors.dayHasNoSteps');
  });
});

describe('the projector', () => {
  it('follows the day the console runs; blank, mode and freeze; never carries script or notes', async () => {
    const { w, day2 } = await tahap3();
    const day2Steps = (await ok('agenda.get', { workshopId: w.id })).days[1].steps;
    const seen: ChangeEvent[] = [];
    t.backend().bus.subscribe((e) => seen.push(e));
    await ok('agenda.updateStep', {
      id: day2Steps[0].id,
      patch: { script: 'RAHASIA-NASKAH', notes: 'RAHASIA-CATATAN' },
    });
    await ok('run.command', { dayId: day2, command: 'start', expectedStepId: null });
    // What the events bring each screen: the projector gets the new view (public fields only),
    // never a step's script or notes; the facilitator gets the step itself.
    const forRole = (role: Role) => seen.map((e) => eventFor(role, e)).filter((e) => e !== null);
    const projected = forRole('projector');
    const views = projected.filter((e) => e.entity === 'projector' && e.record !== undefined);
    expect(views.map((e) => (e.record as { day: { id: string } }).day.id)).toContain(day2);
    expect(JSON.stringify(projected)).not.toMatch(/RAHASIA/);
    expect(JSON.stringify(forRole('facilitator'))).toMatch(/RAHASIA-CATATAN/);
    for (const role of ['kiosk', 'room-device'] as const) {
      expect(forRole(role).filter((e) => ['agenda', 'run', 'projector'].includes(e.entity))).toEqual([]);
    }

    const projector = { role: 'projector' as const, key: 'window:2' };
    const view = await t.backend().handlers.dispatch('projector.view', { workshopId: w.id }, projector);
    if (!view.ok) throw new Error(view.error.message);
    const value = view.value as { day: { id: string } };
    expect(value.day.id).toBe(day2);
    expect(JSON.stringify(view.value)).not.toMatch(/RAHASIA/);
    expect((await t.backend().handlers.dispatch('agenda.get', { workshopId: w.id }, projector)).ok).toBe(false);

    await ok('projector.set', { workshopId: w.id, patch: { mode: 'step', frozen: true } });
    t.clock.clock = '2019-08-29T03:00:00.000Z';
    await ok('run.command', { dayId: day2, command: 'next', expectedStepId: day2Steps[0].id });
    await ok('projector.set', { workshopId: w.id, patch: { blank: true } });
    const frozen = await ok('projector.view', { workshopId: w.id });
    expect(frozen).toMatchObject({ frozen: true, blank: true, mode: 'step' });
    expect(frozen.day.events).toHaveLength(1); // as it was when frozen
    await ok('projector.set', { workshopId: w.id, patch: { frozen: false, blank: false } });
    const live = await ok('projector.view', { workshopId: w.id });
    expect(live).toMatchObject({ frozen: false, blank: false });
    expect(live.day.events.length).toBeGreaterThan(1);
  });
});

describe('drift', () => {
  it('a day run on another date than planned is measured by its clock times', () => {
    const steps = [
      { id: 'a', plannedMinutes: 30 },
      { id: 'b', plannedMinutes: 60 },
    ];
    const events = [{ stepId: 'a', kind: 'start' as const, at: '2026-11-30T01:10:00.000Z', minutes: 0 }];
    // Planned 2019-08-28 08:00 WIB; run on 2026-11-30, started 08:10 WIB.
    const s = foldRun(
      { date: '2019-08-28', startTime: '08:00' },
      'WIB',
      steps,
      events,
      Date.parse('2026-11-30T01:20:00Z'),
    );
    expect(s.driftMinutes).toBe(10);
    expect(new Date(s.projectedEnd).toISOString()).toBe('2026-11-30T02:40:00.000Z');
  });
});
