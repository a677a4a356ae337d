import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { foldRun, formatCountdown, planDay, timerTone, type ProjectorView } from '../../../shared/agenda';
import { topicName } from '../../../shared/dimensions';
import { formatClock, formatInstantTime, formatLongDate, regionTitle, stageLabel } from '../../../shared/format';
import { formDef } from '../../../shared/forms';
import { FormPresent } from '../groupwork/form-present';
import { pairAddress } from './pair-address';
import { useErrorText, useLanguage, useT } from '../../i18n';
import { transport } from '../../lib/api';
import { useQuery } from '../../lib/use-query';
import { useServerClock } from '../../lib/use-server-clock';
import { ProjectorQuickWins } from '../quickwins/projector-quickwins';
import { ProjectorFollowups } from '../actions/projector-followups';
import './projector-page.css';

/**
 * The room's screen (`#/present/<workshop>`, projector role): what the facilitator chose to show,
 * in projector type, fitted to the image whatever its aspect. Read-only: nothing to click but
 * the full-screen button.
 */
export function ProjectorPage({ workshopId }: { workshopId: string }) {
  const t = useT();
  const errorText = useErrorText();
  const view = useQuery('projector.view', { workshopId });
  useProjectorSurface();
  if (view.error) return <p className="projector-error">{errorText(view.error)}</p>;
  if (!view.data) return <div className="projector-stage" aria-busy="true" />;
  return <Projected view={view.data} label={t('projector.heading')} />;
}

/** Projector tokens on the whole document, and the aspect of the image it is shown on. */
function useProjectorSurface() {
  useEffect(() => {
    const root = document.documentElement;
    root.dataset.surface = 'projector';
    const fit = () => {
      root.dataset.aspect = window.innerWidth / window.innerHeight < 1.55 ? '4:3' : '16:9';
    };
    fit();
    window.addEventListener('resize', fit);
    return () => {
      window.removeEventListener('resize', fit);
      delete root.dataset.surface;
      delete root.dataset.aspect;
    };
  }, []);
}

function Projected({ view, label }: { view: ProjectorView; label: string }) {
  const t = useT();
  const stage = useFitStage(view);
  const [fullScreen, setFullScreen] = useState(false);
  useEffect(() => {
    const on = () => setFullScreen(document.fullscreenElement !== null);
    document.addEventListener('fullscreenchange', on);
    return () => document.removeEventListener('fullscreenchange', on);
  }, []);
  return (
    <main
      className="projector"
      aria-label={label}
      data-mode={view.mode}
      data-frozen={view.frozen || undefined}
      data-blank={view.blank || undefined}
    >
      <div className="projector-stage" ref={stage}>
        {view.mode === 'title' && <TitleSlide view={view} />}
        {view.mode === 'step' && <StepSlide view={view} />}
        {view.mode === 'agenda' && <AgendaSlide view={view} />}
        {view.mode === 'attendance' && <AttendanceSlide view={view} />}
        {view.mode === 'quickwins' && <ProjectorQuickWins view={view} />}
        {view.mode === 'group' && <GroupSlide view={view} />}
        {view.mode === 'pairing' && <PairingSlide view={view} />}
        {(view.mode === 'decisions' || view.mode === 'followups') && <ProjectorFollowups view={view} />}
      </div>
      {view.blank && <div className="projector-blank" data-testid="projector-blank" />}
      {/* The desktop app puts its projector window in full screen itself (and its pages may not). */}
      {!fullScreen && document.fullscreenEnabled && transport === 'http' && (
        <button className="projector-fullscreen" onClick={() => void document.documentElement.requestFullscreen()}>
          {t('projector.fullScreen')}
        </button>
      )}
    </main>
  );
}

function TitleSlide({ view }: { view: ProjectorView }) {
  const lang = useLanguage((s) => s.language);
  const { title } = view;
  const emblem = useQuery('engagements.emblem', title.hasEmblem ? { id: title.engagementId } : null);
  const dates = title.dates.map((d) => formatLongDate(d, lang));
  return (
    <section className="slide slide--title">
      {emblem.data?.dataUrl && <img className="slide__emblem" src={emblem.data.dataUrl} alt="" />}
      <p className="slide__programme">{title.programmeName}</p>
      <h1 className="slide__headline">{title.workshopTitle}</h1>
      <p className="slide__stage">
        {stageLabel(title.stage, title.customStageName, lang)} · {regionTitle(title.regionKind, title.regionName)}
      </p>
      <p className="slide__when">
        {dates.length > 1 ? `${dates[0]} – ${dates[dates.length - 1]}` : dates[0]}
        {title.venue && <br />}
        {title.venue}
      </p>
    </section>
  );
}

function useRun(view: ProjectorView) {
  const now = useServerClock(view.now, 250, view.frozen);
  const day = view.day;
  if (!day) return null;
  return { day, now, run: foldRun(day, view.title.timeZone, day.steps, day.events, now) };
}

function StepSlide({ view }: { view: ProjectorView }) {
  const t = useT();
  const r = useRun(view);
  if (!r) return <p className="slide__headline">{t('projector.noDay')}</p>;
  const { day, run } = r;
  const current = run.currentId ? day.steps.find((s) => s.id === run.currentId)! : null;
  const from = current ? day.steps.indexOf(current) : -1;
  const next = day.steps.slice(from + 1).find((s) => run.steps.get(s.id)!.state === 'pending') ?? null;
  if (!current) {
    return (
      <section className="slide slide--step">
        <p className="slide__eyebrow">{run.finished ? '' : t('projector.waiting')}</p>
        <h1 className="slide__headline" data-testid="projector-title">
          {run.finished ? t('run.finished') : (next?.title ?? view.title.workshopTitle)}
        </h1>
      </section>
    );
  }
  const cur = run.steps.get(current.id)!;
  const tone = timerTone(cur.remainingMs);
  return (
    <section className="slide slide--step">
      <p className="slide__eyebrow">{t(`agenda.kinds.${current.kind}`)}</p>
      <h1 className="slide__headline" data-testid="projector-title">
        {current.title}
      </h1>
      {current.presenter && <p className="slide__presenter">{current.presenter}</p>}
      <p className="slide__countdown" data-tone={tone} data-testid="projector-countdown">
        {formatCountdown(cur.remainingMs)}
      </p>
      {current.project && <p className="slide__project">{current.project}</p>}
      {next && (
        <p className="slide__next">
          <strong>{t('projector.next')}:</strong> {next.title}
        </p>
      )}
    </section>
  );
}

function AgendaSlide({ view }: { view: ProjectorView }) {
  const t = useT();
  const lang = useLanguage((s) => s.language);
  const r = useRun(view);
  const board = useFitText(r?.day.steps.map((s) => s.title).join('\n') ?? '');
  if (!r) return <p className="slide__headline">{t('projector.noDay')}</p>;
  const { day, run } = r;
  const plan = planDay(day, day.steps);
  return (
    <section className="slide slide--agenda">
      <h1 className="slide__subhead">{t('projector.agendaOf', { date: formatLongDate(day.date, lang) })}</h1>
      <ol className="agenda-board" ref={board}>
        {day.steps.map((s, i) => {
          const state = run.steps.get(s.id)!.state;
          return (
            <li
              key={s.id}
              className={`agenda-board__row is-${state}`}
              aria-current={s.id === run.currentId ? 'step' : undefined}
            >
              <span className="agenda-board__time">
                {formatClock(plan.slots[i].start)}–{formatClock(plan.slots[i].end)}
              </span>
              <span className="agenda-board__title">{s.title}</span>
            </li>
          );
        })}
      </ol>
    </section>
  );
}

/**
 * Whatever a slide holds (a long workshop title, a three-line step), it is shown whole: when its
 * content is taller than the stage, the slide is scaled down to fit instead of being cut.
 */
function useFitStage(view: ProjectorView) {
  const ref = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const stage = ref.current;
    const slide = stage?.firstElementChild as HTMLElement | null;
    if (!stage || !slide) return;
    const fit = () => {
      slide.style.zoom = '';
      const room = stage.clientHeight - parseFloat(getComputedStyle(stage).paddingTop) * 2;
      if (slide.scrollHeight > room) slide.style.zoom = String(Math.max(0.5, room / slide.scrollHeight));
    };
    fit();
    window.addEventListener('resize', fit);
    return () => window.removeEventListener('resize', fit);
  }, [view]);
  return ref;
}

/**
 * The largest type (up to the projector's body size) at which the list fits its box without
 * scrolling or cutting a line: long titles wrap instead of being clipped, and a day of twenty
 * steps still fits. Measured after layout, again when the text or the window changes.
 */
function useFitText(text: string) {
  const ref = useRef<HTMLOListElement>(null);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const fit = () => {
      const vmin = Math.min(window.innerWidth, window.innerHeight) / 100;
      let size = 4.2 * vmin;
      el.style.fontSize = `${size}px`;
      while (el.scrollHeight > el.clientHeight + 1 && size > 1.6 * vmin) {
        size *= 0.94;
        el.style.fontSize = `${size}px`;
      }
    };
    fit();
    window.addEventListener('resize', fit);
    return () => window.removeEventListener('resize', fit);
  }, [text]);
  return ref;
}

function AttendanceSlide({ view }: { view: ProjectorView }) {
  const t = useT();
  const sheet = useQuery('attendance.day', view.day ? { dayId: view.day.id } : null);
  if (!view.day) return <p className="slide__headline">{t('projector.noDay')}</p>;
  if (!sheet.data) return null;
  const { counts } = sheet.data;
  const agencies = counts.byAgency.filter((a) => a.expected > 0).slice(0, 8);
  return (
    <section className="slide slide--attendance">
      <p className="slide__big-number" data-testid="projector-present">
        {counts.present} <span>{t('projector.present')}</span>
      </p>
      <p className="slide__stage">{t('projector.ofExpected', { expected: counts.expected })}</p>
      {agencies.length > 0 && <h2 className="slide__subhead">{t('projector.byAgency')}</h2>}
      <ul className="agency-bars">
        {agencies.map((a) => (
          <li key={a.agency}>
            <span className="agency-bars__name">{a.agency || '—'}</span>
            <span className="agency-bars__track">
              <span className="agency-bars__fill" style={{ width: `${(100 * a.present) / a.expected}%` }} />
            </span>
            <span className="agency-bars__count">
              {a.present}/{a.expected}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * Pleno: the group presenting, its output on the current page, its own countdown (its share of
 * the pleno's time, from when it was put on screen) and who comes next. The output box has a
 * fixed height, so a long output runs onto pages the console turns instead of shrinking.
 */
function GroupSlide({ view }: { view: ProjectorView }) {
  const t = useT();
  const lang = useLanguage((s) => s.language);
  const now = useServerClock(view.now, 250, view.frozen);
  const g = view.group;
  if (!g) {
    return (
      <section className="slide slide--group">
        <h1 className="slide__headline">{t('projector.noGroup')}</h1>
      </section>
    );
  }
  const remaining = Date.parse(g.startedAt) + g.plannedSeconds * 1000 - now;
  const topic = topicName(g.topic, lang);
  return (
    <section className="slide slide--group" data-testid="projector-group">
      <header className="group-slide__head">
        <div className="group-slide__who">
          <p className="slide__eyebrow">
            {g.stepTitle} · {t('projector.groupOf', { index: g.index + 1, count: g.count })}
          </p>
          <h1 className="group-slide__name" data-testid="projector-group-name">
            {g.name}
            {topic && <span className="group-slide__topic"> · {topic}</span>}
          </h1>
        </div>
        <p className="group-slide__countdown" data-tone={timerTone(remaining)} data-testid="projector-group-countdown">
          {formatCountdown(remaining)}
        </p>
      </header>
      <FormPresent form={formDef(g.formId)} values={g.values} agencies={g.agencies} language={lang} page={g.page + 1} />
      <p className="slide__next group-slide__next" data-testid="projector-group-next">
        {g.next ? (
          <>
            <strong>{t('projector.next')}:</strong> {g.next}
          </>
        ) : (
          t('projector.lastGroup')
        )}
      </p>
    </section>
  );
}

/** How many codes share the screen: fewer codes, larger type (six groups still read from the back). */
const density = (n: number) => (n <= 4 ? 'few' : n <= 9 ? 'some' : 'many');

/** Pairing: each group's code, huge, with where to enter it and until when it works. */
function PairingSlide({ view }: { view: ProjectorView }) {
  const t = useT();
  const address = pairAddress(transport === 'http', location);
  const zone = view.title.timeZone;
  return (
    <section className="slide slide--pairing" data-testid="projector-pairing">
      <h1 className="slide__subhead">{t('projector.pairingTitle')}</h1>
      <p className="pairing-slide__how">
        {address ? (
          <>
            {t('projector.pairingOpen')} <strong className="pairing-slide__address">{address}</strong>
          </>
        ) : (
          <>
            {t('projector.pairingOpenLocal')} <strong className="pairing-slide__address">/#/pair</strong>
          </>
        )}
      </p>
      {view.pairing.length === 0 ? (
        <p className="slide__stage">{t('projector.pairingNone')}</p>
      ) : (
        <ul className={`pairing-codes pairing-codes--${density(view.pairing.length)}`}>
          {view.pairing.map((p) => (
            <li key={p.groupId} className="pairing-codes__item">
              <span className="pairing-codes__name">{p.name}</span>
              <span className="pairing-codes__code" data-testid="pair-code">
                <span>{p.code.slice(0, 3)}</span>
                <span>{p.code.slice(3)}</span>
              </span>
              <span className="pairing-codes__expires">
                {t('projector.pairingExpires', { time: formatInstantTime(p.expiresAt, zone) })}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
