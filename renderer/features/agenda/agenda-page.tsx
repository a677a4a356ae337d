import { useEffect, useRef, useState, type DragEvent, type KeyboardEvent } from 'react';
import {
  OUTPUT_FORM_IDS,
  planDay,
  STEP_KINDS,
  StepPatch,
  type AgendaDayView,
  type AgendaStep,
  type OutputFormId,
  type StepKind,
} from '../../../shared/agenda';
import { formatClock, formatLongDate, regionTitle, stageLabel } from '../../../shared/format';
import { routeHash, useApp } from '../../app/store';
import { SaveIndicator } from '../../components/fields';
import { useErrorText, useLanguage, useT, useValidationText } from '../../i18n';
import { call } from '../../lib/api';
import { exportFile } from '../../lib/files';
import { useAutosave } from '../../lib/use-autosave';
import { useQuery } from '../../lib/use-query';
import './agenda-page.css';

type StepValues = Omit<AgendaStep, 'id' | 'workshopId' | 'dayId' | 'position' | 'updatedAt'>;

/** The agenda editor: every day of a workshop with its steps, times computed from the day's start. */
export function AgendaPage({ engagementId, workshopId }: { engagementId: string; workshopId: string }) {
  const t = useT();
  const errorText = useErrorText();
  const lang = useLanguage((s) => s.language);
  const toast = useApp((s) => s.toast);
  const engagement = useQuery('engagements.get', { id: engagementId });
  const workshop = useQuery('workshops.get', { id: workshopId });
  const agenda = useQuery('agenda.get', { workshopId });
  const error = engagement.error ?? workshop.error ?? agenda.error;
  if (error) return <p className="banner banner--error">{errorText(error)}</p>;
  if (!engagement.data || !workshop.data || !agenda.data) return <p className="muted">{t('app.loading')}</p>;
  const e = engagement.data;
  const w = workshop.data;
  const days = agenda.data.days;

  const downloadRundown = async () => {
    const saved = await exportFile('documents.rundown', { workshopId });
    if (saved.status === 'saved') toast({ text: t('workshops.exported', { name: saved.path ?? saved.fileName }) });
    else if (saved.status === 'failed') toast({ text: saved.error ? errorText(saved.error) : saved.message });
  };

  return (
    <section className="page agenda-page">
      <nav className="crumbs">
        <a href={routeHash({ name: 'engagements' })}>{t('engagements.title')}</a> ›{' '}
        <a href={routeHash({ name: 'engagement', id: e.id })}>{regionTitle(e.regionKind, e.regionName)}</a> ›{' '}
        <a href={routeHash({ name: 'workshop', engagementId, id: workshopId })}>{w.title}</a>
      </nav>
      <header className="page__header">
        <div>
          <p className="eyebrow">{stageLabel(w.stage, w.customStageName, lang)}</p>
          <h1>{t('agenda.title')}</h1>
        </div>
        <div className="actions">
          <button className="btn" onClick={() => void downloadRundown()}>
            {t('agenda.rundown')}
          </button>
        </div>
      </header>
      {days.map((day, i) => (
        <AgendaDay
          key={day.id}
          day={day}
          index={i}
          days={days}
          engagementId={engagementId}
          workshopId={workshopId}
          zone={e.timeZone}
        />
      ))}
    </section>
  );
}

function AgendaDay(props: {
  day: AgendaDayView;
  index: number;
  days: AgendaDayView[];
  engagementId: string;
  workshopId: string;
  zone: string;
}) {
  const { day, index, days, zone } = props;
  const t = useT();
  const errorText = useErrorText();
  const lang = useLanguage((s) => s.language);
  const toast = useApp((s) => s.toast);
  const plan = planDay(day, day.steps);
  const [dragId, setDragId] = useState<string | null>(null);
  const [focusId, setFocusId] = useState<string | null>(null);
  const [announce, setAnnounce] = useState('');

  const move = async (step: AgendaStep, dayId: string, target: number) => {
    const r = await call('agenda.moveStep', { id: step.id, dayId, index: target });
    if (!r.ok) return toast({ text: errorText(r.error) });
    const dayIndex = days.findIndex((d) => d.id === dayId);
    setAnnounce(t('agenda.moved', { name: step.title, position: target + 1, day: dayIndex + 1 }));
    setFocusId(step.id);
  };

  const add = async () => {
    const r = await call('agenda.addStep', {
      dayId: day.id,
      afterId: null,
      step: { kind: 'paparan', title: t('agenda.newStepTitle'), plannedMinutes: 30 },
    });
    if (!r.ok) return toast({ text: errorText(r.error) });
    setFocusId(r.value.id);
  };

  const onDrop = (ev: DragEvent, target: number) => {
    ev.preventDefault();
    const id = ev.dataTransfer.getData('text/x-bimtek-step') || dragId;
    setDragId(null);
    const step = days.flatMap((d) => d.steps).find((s) => s.id === id);
    if (step) void move(step, day.id, target);
  };

  return (
    <section className="panel agenda-day" aria-labelledby={`day-${day.id}`}>
      <header className="agenda-day__header">
        <h2 className="panel__title" id={`day-${day.id}`}>
          {t('agenda.dayHeading', { n: index + 1, date: formatLongDate(day.date, lang) })}
        </h2>
        <span className="muted">
          {formatClock(day.startTime)}–{day.endTime ? formatClock(day.endTime) : t('workshops.untilFinished')} {zone}
          {' · '}
          {t('agenda.plannedEnd', { time: `${formatClock(plan.end)} ${zone}` })}
        </span>
      </header>
      {plan.overrun && (
        <p className="banner banner--warning" role="status">
          {t('agenda.dayOverrun', { end: `${formatClock(day.endTime ?? '')} ${zone}` })}
        </p>
      )}
      {day.steps.length === 0 && <p className="muted">{t('agenda.noSteps')}</p>}
      <ol
        className="agenda-steps"
        onDragOver={(ev) => ev.preventDefault()}
        onDrop={(ev) => onDrop(ev, day.steps.length)}
      >
        {day.steps.map((step, i) => (
          <li
            key={step.id}
            className={`agenda-step${dragId === step.id ? ' is-dragging' : ''}`}
            onDragOver={(ev) => ev.preventDefault()}
            onDrop={(ev) => {
              ev.stopPropagation();
              onDrop(ev, i);
            }}
          >
            <StepRow
              step={step}
              slot={plan.slots[i]}
              zone={zone}
              index={i}
              count={day.steps.length}
              days={days}
              dayIndex={index}
              focus={focusId === step.id}
              onFocused={() => setFocusId(null)}
              onDragStart={(ev) => {
                ev.dataTransfer.setData('text/x-bimtek-step', step.id);
                ev.dataTransfer.effectAllowed = 'move';
                setDragId(step.id);
              }}
              onMove={(dayId, target) => void move(step, dayId, target)}
            />
          </li>
        ))}
      </ol>
      <div className="actions actions--start">
        <button className="btn btn--small" onClick={() => void add()}>
          + {t('agenda.addStep')}
        </button>
      </div>
      <p className="visually-hidden" aria-live="polite">
        {announce}
      </p>
    </section>
  );
}

function StepRow(props: {
  step: AgendaStep;
  slot: { start: string; end: string; overrun: boolean };
  zone: string;
  index: number;
  count: number;
  days: AgendaDayView[];
  dayIndex: number;
  focus: boolean;
  onFocused(): void;
  onDragStart(ev: DragEvent): void;
  onMove(dayId: string, index: number): void;
}) {
  const { step, slot, index, count, days, dayIndex } = props;
  const t = useT();
  const v = useValidationText();
  const errorText = useErrorText();
  const toast = useApp((s) => s.toast);
  const [open, setOpen] = useState(false);
  const handle = useRef<HTMLButtonElement>(null);
  const form = useAutosave<StepValues>({
    draftKey: `step:${step.id}`,
    saved: step,
    schema: StepPatch,
    save: (patch) => call('agenda.updateStep', { id: step.id, patch }),
  });
  const values = form.values!;
  const { focus, onFocused } = props;
  useEffect(() => {
    if (focus) {
      handle.current?.focus();
      onFocused();
    }
  }, [focus, onFocused]);

  const onHandleKey = (ev: KeyboardEvent) => {
    if (ev.key === 'ArrowUp' && index > 0) {
      ev.preventDefault();
      props.onMove(step.dayId, index - 1);
    } else if (ev.key === 'ArrowDown' && index < count - 1) {
      ev.preventDefault();
      props.onMove(step.dayId, index + 1);
    }
  };

  const remove = async () => {
    await form.flush();
    const r = await call('agenda.deleteStep', { id: step.id });
    if (!r.ok) return toast({ text: errorText(r.error) });
    toast({
      text: t('agenda.deleted', { name: step.title }),
      action: { label: t('app.undo'), run: () => void call('agenda.restoreStep', { id: step.id }) },
    });
  };
  const duplicate = async () => {
    await form.flush();
    const r = await call('agenda.duplicateStep', { id: step.id });
    if (!r.ok) toast({ text: errorText(r.error) });
  };

  const err = (k: keyof StepValues) => (form.errors[k] ? v(form.errors[k]) : undefined);
  const id = (k: string) => `step-${step.id}-${k}`;
  return (
    <div className={`step-row${slot.overrun ? ' step-row--overrun' : ''}`}>
      <div className="step-row__main">
        <button
          ref={handle}
          className="step-row__handle"
          draggable
          onDragStart={props.onDragStart}
          onKeyDown={onHandleKey}
          aria-label={t('agenda.moveHandle', { name: step.title })}
          title={t('agenda.moveHandle', { name: step.title })}
        >
          ⠿
        </button>
        <span className="step-row__time">
          {formatClock(slot.start)}–{formatClock(slot.end)}
          {slot.overrun && <small className="step-row__flag">{t('agenda.stepOverrun')}</small>}
        </span>
        <label className="visually-hidden" htmlFor={id('title')}>
          {t('agenda.stepTitle')}
        </label>
        <input
          id={id('title')}
          className="step-row__title"
          value={values.title}
          maxLength={300}
          aria-invalid={!!form.errors.title}
          onChange={(ev) => form.setField('title', ev.target.value)}
          onBlur={() => void form.flush()}
        />
        <label className="step-row__minutes">
          <span className="visually-hidden">{t('agenda.minutes')}</span>
          <input
            type="number"
            min={1}
            max={600}
            inputMode="numeric"
            value={Number.isFinite(values.plannedMinutes) ? values.plannedMinutes : ''}
            aria-invalid={!!form.errors.plannedMinutes}
            onChange={(ev) => form.setField('plannedMinutes', ev.target.value === '' ? NaN : Number(ev.target.value))}
            onBlur={() => void form.flush()}
          />
          <span aria-hidden="true">{t('agenda.minutes').toLowerCase()}</span>
        </label>
      </div>
      <div className="step-row__meta">
        <label className="visually-hidden" htmlFor={id('kind')}>
          {t('agenda.kind')}
        </label>
        <select
          id={id('kind')}
          value={values.kind}
          onChange={(ev) => form.setField('kind', ev.target.value as StepKind)}
          onBlur={() => void form.flush()}
        >
          {STEP_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`agenda.kinds.${k}`)}
            </option>
          ))}
        </select>
        <label className="visually-hidden" htmlFor={id('presenter')}>
          {t('agenda.presenter')}
        </label>
        <input
          id={id('presenter')}
          className="step-row__presenter"
          placeholder={t('agenda.presenter')}
          value={values.presenter}
          maxLength={300}
          onChange={(ev) => form.setField('presenter', ev.target.value)}
          onBlur={() => void form.flush()}
        />
        <div className="step-row__buttons">
          <button className="btn btn--ghost btn--small" aria-expanded={open} onClick={() => setOpen(!open)}>
            {t('agenda.details')}
          </button>
          <button className="btn btn--ghost btn--small" onClick={() => void duplicate()}>
            {t('agenda.duplicate')}
          </button>
          {days.map((d, i) =>
            i === dayIndex ? null : (
              <button
                key={d.id}
                className="btn btn--ghost btn--small"
                onClick={() => props.onMove(d.id, d.steps.length)}
              >
                {t('agenda.moveToDay', { n: i + 1 })}
              </button>
            ),
          )}
          <button className="btn btn--ghost btn--small btn--danger-text" onClick={() => void remove()}>
            {t('agenda.delete')}
          </button>
        </div>
      </div>
      {(err('title') || err('plannedMinutes') || form.message) && (
        <p className="field__error" role="alert">
          {err('title') ?? err('plannedMinutes') ?? form.message}
        </p>
      )}
      {open && (
        <div className="step-row__details">
          <label htmlFor={id('script')}>{t('agenda.script')}</label>
          <textarea
            id={id('script')}
            rows={3}
            value={values.script}
            onChange={(ev) => form.setField('script', ev.target.value)}
            onBlur={() => void form.flush()}
          />
          <label htmlFor={id('project')}>{t('agenda.project')}</label>
          <input
            id={id('project')}
            value={values.project}
            onChange={(ev) => form.setField('project', ev.target.value)}
            onBlur={() => void form.flush()}
          />
          <label htmlFor={id('form')}>{t('agenda.form')}</label>
          <select
            id={id('form')}
            value={values.formId ?? ''}
            onChange={(ev) => form.setField('formId', (ev.target.value || null) as OutputFormId | null)}
            onBlur={() => void form.flush()}
          >
            <option value="">{t('agenda.formNone')}</option>
            {OUTPUT_FORM_IDS.map((f) => (
              <option key={f} value={f}>
                {t(`agenda.forms.${f}`)}
              </option>
            ))}
          </select>
          <label htmlFor={id('notes')}>{t('agenda.notes')}</label>
          <textarea
            id={id('notes')}
            rows={3}
            value={values.notes}
            onChange={(ev) => form.setField('notes', ev.target.value)}
            onBlur={() => void form.flush()}
          />
          <SaveIndicator status={form.status} message={form.message} onDiscard={form.discard} />
        </div>
      )}
    </div>
  );
}
