import { useCallback, useEffect, useMemo, useRef, useState, type MouseEvent as ReactMouseEvent } from 'react';
import {
  foldRun,
  formatCountdown,
  planDay,
  StepPatch,
  timerTone,
  type AgendaDayView,
  type AgendaStep,
  type DayRun,
  type ProjectorPatch,
  type ProjectorView,
  type RunCommand,
  PROJECTOR_MODES,
} from '../../../shared/agenda';
import type { TimeZone } from '../../../shared/domain';
import { PRESENTING_KIND } from '../../../shared/groups';
import { formatClock, formatInstantTime, formatLongDate, stageLabel } from '../../../shared/format';
import { routeHash, useApp } from '../../app/store';
import { Dialog } from '../../components/dialog';
import { SaveIndicator } from '../../components/fields';
import { useErrorText, useLanguage, useT } from '../../i18n';
import { call } from '../../lib/api';
import { useAutosave } from '../../lib/use-autosave';
import { useQuery } from '../../lib/use-query';
import { DecisionCapture } from '../actions/decision-capture';
import { FollowupReview } from '../actions/followup-review';
import { useServerClock } from '../../lib/use-server-clock';
import { openProjector } from '../projector/open';
import { QuickWinConsolePanel } from '../quickwins/console-panel';
import { GroupPanel } from './group-panel';
import { beep, soundEnabled, setSoundEnabled } from './sound';
import './console-page.css';

interface Props {
  engagementId: string;
  workshopId: string;
  dayId: string;
}

/** The console: one workshop day run from the front of the room, and what the projector shows. */
export function ConsolePage({ engagementId, workshopId, dayId }: Props) {
  const t = useT();
  const errorText = useErrorText();
  const agenda = useQuery('agenda.get', { workshopId });
  const workshop = useQuery('workshops.get', { id: workshopId });
  const projector = useQuery('projector.view', { workshopId });
  const error = agenda.error ?? workshop.error ?? projector.error;
  if (error) return <p className="banner banner--error">{errorText(error)}</p>;
  if (!agenda.data || !workshop.data || !projector.data) return <p className="muted">{t('app.loading')}</p>;
  const index = agenda.data.days.findIndex((d) => d.id === dayId);
  if (index < 0) return <p className="banner banner--error">{t('errors.dayNotFound')}</p>;
  return (
    <Console
      engagementId={engagementId}
      workshopId={workshopId}
      stage={stageLabel(workshop.data.stage, workshop.data.customStageName, 'id')}
      title={workshop.data.title}
      day={agenda.data.days[index]}
      days={agenda.data.days}
      index={index}
      zone={agenda.data.timeZone}
      serverNow={agenda.data.now}
      projector={projector.data}
      reload={agenda.reload}
    />
  );
}

function Console(props: {
  engagementId: string;
  workshopId: string;
  stage: string;
  title: string;
  day: AgendaDayView;
  days: AgendaDayView[];
  index: number;
  zone: TimeZone;
  serverNow: string;
  projector: ProjectorView;
  reload(): void;
}) {
  const { day, zone, workshopId, projector } = props;
  const t = useT();
  const errorText = useErrorText();
  const lang = useLanguage((s) => s.language);
  const toast = useApp((s) => s.toast);
  const now = useServerClock(props.serverNow);
  const run = foldRun(day, zone, day.steps, day.events, now);
  const plan = planDay(day, day.steps);
  const current = run.currentId ? day.steps.find((s) => s.id === run.currentId)! : null;
  const currentIndex = current ? day.steps.indexOf(current) : -1;
  const upcoming = nextStep(day.steps, run, currentIndex);
  const [busy, setBusy] = useState(false);
  const [help, setHelp] = useState(false);
  const [sound, setSound] = useState(soundEnabled);

  const command = useCallback(
    async (c: RunCommand, stepId: string | null = null) => {
      setBusy(true);
      const r = await call('run.command', { dayId: day.id, command: c, expectedStepId: run.currentId, stepId });
      setBusy(false);
      if (!r.ok) {
        toast({ text: r.error.key === 'errors.runMoved' ? t('run.moved') : errorText(r.error) });
        props.reload();
      }
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [day.id, run.currentId],
  );
  const setProjector = useCallback(
    async (patch: ProjectorPatch) => {
      const r = await call('projector.set', { workshopId, patch: { ...patch, dayId: day.id } });
      if (!r.ok) toast({ text: errorText(r.error) });
      return r.ok;
    },
    [workshopId, day.id, toast, errorText],
  );

  const curRun = current ? run.steps.get(current.id)! : null;
  const primary: { label: string; command: RunCommand } | null = !current
    ? run.finished
      ? null
      : { label: t('run.start'), command: 'start' }
    : curRun!.state === 'paused'
      ? { label: t('run.resume'), command: 'resume' }
      : { label: t('run.pause'), command: 'pause' };

  // Keyboard: Space start/pause/resume, → next, ← previous, B blank, F freeze, ? shortcuts.
  const keys = useRef({ primary, projector, command, setProjector });
  keys.current = { primary, projector, command, setProjector };
  useEffect(() => {
    const onKey = (ev: KeyboardEvent) => {
      const target = ev.target as HTMLElement | null;
      if (target && /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)) return;
      if (target?.isContentEditable || ev.ctrlKey || ev.metaKey || ev.altKey) return;
      if (document.querySelector('[role="dialog"], [role="alertdialog"]')) return;
      const k = keys.current;
      if (ev.key === ' ' && !(target instanceof HTMLButtonElement)) {
        ev.preventDefault();
        if (k.primary) void k.command(k.primary.command);
      } else if (ev.key === 'ArrowRight') {
        ev.preventDefault();
        void k.command('next');
      } else if (ev.key === 'ArrowLeft') {
        ev.preventDefault();
        void k.command('previous');
      } else if (ev.key === 'b' || ev.key === 'B') {
        void k.setProjector({ blank: !k.projector.blank });
      } else if (ev.key === 'f' || ev.key === 'F') {
        void k.setProjector({ frozen: !k.projector.frozen });
      } else if (ev.key === '?') {
        setHelp(true);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  // A soft sound once when the current step runs out of time.
  const over = curRun ? curRun.remainingMs < 0 && curRun.state === 'running' : false;
  const wasOver = useRef(over);
  useEffect(() => {
    if (over && !wasOver.current && sound) beep();
    wasOver.current = over;
  }, [over, sound]);

  const drift =
    run.driftMinutes > 0
      ? t('run.late', { minutes: run.driftMinutes })
      : run.driftMinutes < 0
        ? t('run.early', { minutes: -run.driftMinutes })
        : t('run.onTime');
  const tone = curRun ? timerTone(curRun.remainingMs) : 'normal';
  // In a pleno (or while the projector shows a group or the codes) the groups come first, under the
  // current step; otherwise they wait in the side column.
  const pleno =
    current?.kind === PRESENTING_KIND || projector.control.mode === 'group' || projector.control.mode === 'pairing';
  const groupPanel = (
    <GroupPanel
      workshopId={workshopId}
      dayId={day.id}
      current={current}
      projector={projector}
      setProjector={setProjector}
      prominent={pleno}
    />
  );

  return (
    <section className="console" onMouseDown={keepFocus}>
      <header className="console__header">
        <div className="console__heading">
          <nav className="crumbs">
            <a href={routeHash({ name: 'workshop', engagementId: props.engagementId, id: workshopId })}>
              {props.title}
            </a>{' '}
            ›{' '}
            <a href={routeHash({ name: 'agenda', engagementId: props.engagementId, workshopId })}>
              {t('agenda.title')}
            </a>{' '}
            ·{' '}
            <a href={routeHash({ name: 'minutes', engagementId: props.engagementId, workshopId })}>
              {t('minutes.nav')}
            </a>
          </nav>
          <h1>
            {props.stage} · {t('run.day', { n: props.index + 1 })} · {formatLongDate(day.date, lang)}
          </h1>
        </div>
        <div className="console__drift" role="status" data-testid="drift">
          <strong className={run.driftMinutes > 0 ? 'is-late' : ''}>{run.started ? drift : t('run.notStarted')}</strong>
          <span>
            {t('run.projectedEnd', { time: formatInstantTime(new Date(run.projectedEnd).toISOString(), zone) })}
          </span>
        </div>
        <nav className="console__days" aria-label={t('workshops.days')}>
          {props.days.map((d, i) => (
            <a
              key={d.id}
              className={`btn btn--small${d.id === day.id ? ' is-active' : ''}`}
              aria-current={d.id === day.id ? 'page' : undefined}
              href={routeHash({ name: 'run', engagementId: props.engagementId, workshopId, dayId: d.id })}
            >
              {t('run.day', { n: i + 1 })}
            </a>
          ))}
          <button className="btn btn--small btn--ghost" onClick={() => setHelp(true)} aria-keyshortcuts="?">
            ? {t('run.shortcuts')}
          </button>
        </nav>
      </header>

      <div className="console__grid">
        <div className="console__main">
          <article className={`now-card now-card--${tone}`} aria-labelledby="now-title">
            <p className="now-card__eyebrow">
              {current
                ? `${t('run.current')} · ${t(`agenda.kinds.${current.kind}`)}`
                : run.finished
                  ? ''
                  : t('run.next')}
            </p>
            <h2 id="now-title" className="now-card__title" data-testid="current-title">
              {current?.title ?? (run.finished ? t('run.finished') : (upcoming?.title ?? t('agenda.noSteps')))}
            </h2>
            {current?.presenter && <p className="now-card__presenter">{current.presenter}</p>}
            {curRun && (
              <div className="now-card__timer">
                <span className="countdown" data-testid="countdown" data-tone={tone}>
                  {formatCountdown(curRun.remainingMs)}
                </span>
                <span className="now-card__elapsed">
                  {t('run.elapsed', {
                    elapsed: formatCountdown(curRun.elapsedMs),
                    planned: current!.plannedMinutes + curRun.extraMinutes,
                  })}
                  {curRun.state === 'paused' && <strong> · {t('run.paused')}</strong>}
                  {tone === 'over' && <strong> · {t('run.overTime')}</strong>}
                </span>
              </div>
            )}
            <div className="console__controls">
              <button
                className="btn"
                disabled={busy}
                onClick={() => void command('previous')}
                aria-keyshortcuts="ArrowLeft"
              >
                ← {t('run.previousStep')}
              </button>
              {primary && (
                <button
                  className="btn btn--primary btn--big"
                  disabled={busy}
                  onClick={() => void command(primary.command)}
                  aria-keyshortcuts="Space"
                >
                  {primary.label}
                </button>
              )}
              <button
                className="btn"
                disabled={busy || run.finished}
                onClick={() => void command('next')}
                aria-keyshortcuts="ArrowRight"
              >
                {t('run.nextStep')} →
              </button>
              <button className="btn" disabled={busy || !current} onClick={() => void command('extend')}>
                {t('run.extend')}
              </button>
              <button className="btn" disabled={busy || !current} onClick={() => void command('skip')}>
                {t('run.skip')}
              </button>
            </div>
          </article>

          <p className="next-line">
            <strong>{t('run.next')}:</strong>{' '}
            {current
              ? upcoming
                ? `${upcoming.title} · ${upcoming.plannedMinutes} ${t('agenda.minutes').toLowerCase()}`
                : t('run.nothingNext')
              : '—'}
          </p>

          {pleno && groupPanel}

          {current && <StepNotes key={current.id} step={current} />}
          {current?.kind === 'review-tindak-lanjut' && (
            <FollowupReview
              engagementId={props.engagementId}
              workshopId={workshopId}
              zone={zone}
              onShow={() => void setProjector({ mode: 'followups' })}
            />
          )}
          <DecisionCapture
            engagementId={props.engagementId}
            workshopId={workshopId}
            dayId={day.id}
            stepId={current?.id ?? null}
            stepTitle={(id) => props.days.flatMap((d) => d.steps).find((s) => s.id === id)?.title}
            onShow={() => void setProjector({ mode: 'decisions' })}
          />
        </div>

        <aside className="console__side">
          <section className="panel projector-controls" aria-labelledby="projector-heading">
            <h2 className="panel__title" id="projector-heading">
              {t('projector.heading')}
            </h2>
            <div className="segmented" role="group" aria-label={t('projector.mode')}>
              {PROJECTOR_MODES.map((m) => (
                <button
                  key={m}
                  className={`btn btn--small${projector.control.mode === m ? ' is-active' : ''}`}
                  aria-pressed={projector.control.mode === m}
                  onClick={() => void setProjector({ mode: m })}
                >
                  {t(`projector.modes.${m}`)}
                </button>
              ))}
            </div>
            <div className="projector-controls__row">
              <button
                className={`btn btn--small${projector.blank ? ' is-active' : ''}`}
                aria-pressed={projector.blank}
                onClick={() => void setProjector({ blank: !projector.blank })}
                aria-keyshortcuts="B"
              >
                {projector.blank ? t('projector.unblank') : t('projector.blank')}
              </button>
              <button
                className={`btn btn--small${projector.frozen ? ' is-active' : ''}`}
                aria-pressed={projector.frozen}
                onClick={() => void setProjector({ frozen: !projector.frozen })}
                aria-keyshortcuts="F"
              >
                {projector.frozen ? t('projector.unfreeze') : t('projector.freeze')}
              </button>
              <button className="btn btn--small" onClick={() => void openProjector(workshopId)}>
                {t('agenda.present')}
              </button>
              {window.bimtek?.closeProjectorWindow && (
                <button className="btn btn--small" onClick={() => void window.bimtek?.closeProjectorWindow()}>
                  {t('projector.close')}
                </button>
              )}
            </div>
            {projector.blank && <p className="projector-controls__note">{t('projector.blankNote')}</p>}
            {projector.frozen && <p className="projector-controls__note">{t('projector.frozenNote')}</p>}
            <label className="projector-controls__sound">
              <input
                type="checkbox"
                checked={sound}
                onChange={(ev) => {
                  setSound(ev.target.checked);
                  setSoundEnabled(ev.target.checked);
                }}
              />{' '}
              {t('run.sound')}
            </label>
          </section>

          <QuickWinConsolePanel
            engagementId={props.engagementId}
            workshopId={workshopId}
            dayId={day.id}
            shown={projector.control.mode === 'quickwins'}
          />

          <section className="panel day-strip" aria-labelledby="strip-heading">
            <h2 className="panel__title" id="strip-heading">
              {t('run.strip')}
            </h2>
            <ol className="day-strip__list">
              {day.steps.map((s, i) => {
                const r = run.steps.get(s.id)!;
                const slot = plan.slots[i];
                return (
                  <li
                    key={s.id}
                    className={`day-strip__item is-${r.state}`}
                    aria-current={s.id === run.currentId ? 'step' : undefined}
                  >
                    <span className="day-strip__time">
                      {r.actualStart !== null
                        ? formatInstantTime(new Date(r.actualStart).toISOString(), zone).replace(` ${zone}`, '')
                        : formatClock(slot.start)}
                    </span>
                    <span className="day-strip__title">{s.title}</span>
                    <span className="day-strip__state">
                      {r.state === 'skipped'
                        ? t('run.skipped')
                        : r.state === 'done' && r.actualEnd !== null
                          ? `${Math.round(r.elapsedMs / 60_000)}/${s.plannedMinutes + r.extraMinutes}′`
                          : `${s.plannedMinutes + r.extraMinutes}′`}
                    </span>
                    {!current && r.state !== 'pending' && r.state !== 'skipped' ? null : r.state === 'pending' &&
                      s.id !== run.currentId ? (
                      <button
                        className="btn btn--ghost btn--small day-strip__action"
                        onClick={() => void command(current ? 'skip' : 'start', s.id)}
                      >
                        {current ? t('run.skip') : t('run.startStep')}
                      </button>
                    ) : r.state === 'skipped' ? (
                      <button
                        className="btn btn--ghost btn--small day-strip__action"
                        onClick={() => void command('skip', s.id)}
                      >
                        {t('run.unskip')}
                      </button>
                    ) : null}
                  </li>
                );
              })}
            </ol>
          </section>

          {!pleno && groupPanel}

          {current && (
            <section className="panel script-panel" aria-labelledby="script-heading">
              <h2 className="panel__title" id="script-heading">
                {t('run.script')}
              </h2>
              <p className="script-panel__text">{current.script || t('run.noScript')}</p>
            </section>
          )}
        </aside>
      </div>

      {help && (
        <Dialog title={t('run.shortcuts')} onClose={() => setHelp(false)} closeLabel={t('app.close')} closeOnBackdrop>
          <ul className="shortcut-list">
            {(['space', 'right', 'left', 'blank', 'freeze', 'decision', 'help'] as const).map((k) => (
              <li key={k}>{t(`run.shortcutList.${k}`)}</li>
            ))}
            {(['group', 'page', 'codes'] as const).map((k) => (
              <li key={k}>{t(`run.groups.shortcuts.${k}`)}</li>
            ))}
          </ul>
        </Dialog>
      )}
    </section>
  );
}

/**
 * A console button pressed with the mouse does not take the focus, so Space and the arrows keep
 * driving the run instead of pressing that button again (keyboard users still tab to buttons).
 */
function keepFocus(ev: ReactMouseEvent) {
  if ((ev.target as HTMLElement).closest('button')) ev.preventDefault();
}

/** The step that "next" would start: the first pending one after the current (or from the top). */
function nextStep(steps: AgendaStep[], run: DayRun, currentIndex: number): AgendaStep | null {
  for (let i = currentIndex + 1; i < steps.length; i++) {
    if (run.steps.get(steps[i].id)!.state === 'pending') return steps[i];
  }
  return null;
}

type NotesValues = Pick<AgendaStep, 'notes'>;

/** The note-taker's notes of the current step, saved as they are typed. */
function StepNotes({ step }: { step: AgendaStep }) {
  const t = useT();
  const saved = useMemo(() => ({ notes: step.notes }), [step.notes]);
  const form = useAutosave<NotesValues>({
    draftKey: `step-notes:${step.id}`,
    saved,
    schema: StepPatch.pick({ notes: true }),
    save: (patch) => call('agenda.updateStep', { id: step.id, patch }),
  });
  return (
    <section className="panel notes-panel">
      <div className="notes-panel__head">
        <label htmlFor="step-notes" className="panel__title">
          {t('agenda.notes')}
        </label>
        <SaveIndicator status={form.status} message={form.message} onDiscard={form.discard} />
      </div>
      <textarea
        id="step-notes"
        rows={4}
        value={form.values!.notes}
        placeholder={t('agenda.notesHint')}
        onChange={(ev) => form.setField('notes', ev.target.value)}
        onBlur={() => void form.flush()}
      />
    </section>
  );
}
