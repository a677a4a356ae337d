import { useRef, useState, type KeyboardEvent } from 'react';
import { DIMENSIONS } from '../../../shared/dimensions';
import type { TimeZone } from '../../../shared/domain';
import { formatLongDate, regionTitle, stageLabel } from '../../../shared/format';
import type { GroupsDay } from '../../../shared/groups';
import { routeHash, useApp } from '../../app/store';
import { Dialog } from '../../components/dialog';
import { useErrorText, useLanguage, useT } from '../../i18n';
import { call } from '../../lib/api';
import { useQuery } from '../../lib/use-query';
import { CapturePanel } from './capture-panel';
import { GroupBoard } from './group-board';
import { GroupCard } from './group-card';
import { useSessionState } from './use-session-state';
import './groups-page.css';

/**
 * Group work of a workshop, per day: the groups (members moved by drag or keyboard, a juru bicara,
 * a facilitator, paired devices) and, per group-work step, capture on this laptop one group at a time.
 */
export function GroupsPage({ engagementId, workshopId }: { engagementId: string; workshopId: string }) {
  const t = useT();
  const errorText = useErrorText();
  const lang = useLanguage((s) => s.language);
  const engagement = useQuery('engagements.get', { id: engagementId });
  const workshop = useQuery('workshops.get', { id: workshopId });
  const view = useQuery('groups.list', { workshopId });
  const [dayId, setDayId] = useSessionState<string | null>(`groups:${workshopId}:day`, null);
  const dayTabs = useRef<HTMLDivElement>(null);
  const error = engagement.error ?? workshop.error ?? view.error;
  if (error) return <p className="banner banner--error">{errorText(error)}</p>;
  if (!engagement.data || !workshop.data || !view.data) return <p className="muted">{t('app.loading')}</p>;
  const e = engagement.data;
  const w = workshop.data;
  const days = view.data.days;
  // The first day with group work unless one was chosen.
  const day = days.find((d) => d.dayId === dayId) ?? days.find((d) => d.steps.some((s) => s.formId)) ?? days[0];

  const onDayKey = (ev: KeyboardEvent, i: number) => {
    if (ev.key !== 'ArrowLeft' && ev.key !== 'ArrowRight') return;
    ev.preventDefault();
    const next = days[(i + (ev.key === 'ArrowRight' ? 1 : days.length - 1)) % days.length];
    setDayId(next.dayId);
    dayTabs.current?.querySelector<HTMLElement>(`[data-day-tab="${next.dayId}"]`)?.focus();
  };

  return (
    <section className="page groups-page">
      <nav className="crumbs">
        <a href={routeHash({ name: 'engagements' })}>{t('engagements.title')}</a> ›{' '}
        <a href={routeHash({ name: 'engagement', id: e.id })}>{regionTitle(e.regionKind, e.regionName)}</a> ›{' '}
        <a href={routeHash({ name: 'workshop', engagementId, id: workshopId })}>{w.title}</a>
      </nav>
      <header className="groups-page__header">
        <div>
          <p className="eyebrow">{stageLabel(w.stage, w.customStageName, lang)}</p>
          <h1>{t('groups.title')}</h1>
        </div>
        {days.length > 1 && (
          <div className="day-tabs" role="tablist" aria-label={t('groups.days')} ref={dayTabs}>
            {days.map((d, i) => (
              <button
                key={d.dayId}
                type="button"
                role="tab"
                data-day-tab={d.dayId}
                aria-selected={d.dayId === day?.dayId}
                tabIndex={d.dayId === day?.dayId ? 0 : -1}
                className={`day-tab${d.dayId === day?.dayId ? ' is-active' : ''}`}
                onClick={() => setDayId(d.dayId)}
                onKeyDown={(ev) => onDayKey(ev, i)}
              >
                {t('groups.dayTab', { n: i + 1, date: formatLongDate(d.date, lang) })}
              </button>
            ))}
          </div>
        )}
      </header>
      {!day ? (
        <p className="empty">{t('groups.noDays')}</p>
      ) : (
        <DayView key={day.dayId} day={day} workshopId={workshopId} zone={e.timeZone} agencies={view.data.agencies} />
      )}
    </section>
  );
}

function DayView({
  day,
  workshopId,
  zone,
  agencies,
}: {
  day: GroupsDay;
  workshopId: string;
  zone: TimeZone;
  agencies: string[];
}) {
  const t = useT();
  const errorText = useErrorText();
  const toast = useApp((s) => s.toast);
  const formSteps = day.steps.filter((s) => s.formId);
  const [tab, setTab] = useSessionState<string>(`groups:${day.dayId}:tab`, 'board');
  const [asking, setAsking] = useState(false);
  const [count, setCount] = useState(String(DIMENSIONS.length));
  const tabs = useRef<HTMLDivElement>(null);
  const step = formSteps.find((s) => s.id === tab);
  const views = [{ id: 'board', label: t('groups.boardTab', { count: day.groups.length }) }].concat(
    formSteps.map((s) => ({ id: s.id, label: s.title })),
  );
  const activeView = step ? step.id : 'board';
  const present = day.candidates.filter((c) => c.present).length;
  const assigned = new Set(day.groups.flatMap((g) => g.memberIds));

  const add = async () => {
    const r = await call('groups.create', {
      dayId: day.dayId,
      name: t('groups.newName', { n: day.groups.length + 1 }),
      topic: '',
    });
    if (!r.ok) toast({ text: errorText(r.error) });
  };

  const autoAssign = async (keep: boolean) => {
    setAsking(false);
    const n = Number(count);
    const r = await call('groups.autoAssign', { dayId: day.dayId, count: Number.isInteger(n) ? n : NaN, keep });
    if (!r.ok) return toast({ text: errorText(r.error) });
    const people = r.value.groups.reduce((a, g) => a + g.memberIds.length, 0);
    toast({ text: t('groups.autoDone', { count: people, groups: r.value.groups.length }) });
  };
  const startAuto = () => {
    if (day.groups.some((g) => g.memberIds.length > 0)) setAsking(true);
    else void autoAssign(false);
  };

  const onTabKey = (ev: KeyboardEvent, i: number) => {
    if (ev.key !== 'ArrowLeft' && ev.key !== 'ArrowRight') return;
    ev.preventDefault();
    const next = views[(i + (ev.key === 'ArrowRight' ? 1 : views.length - 1)) % views.length];
    setTab(next.id);
    tabs.current?.querySelector<HTMLElement>(`[data-view-tab="${next.id}"]`)?.focus();
  };

  return (
    <div className="day-view">
      <div className="view-tabs" role="tablist" aria-label={t('groups.views')} ref={tabs}>
        {views.map((v, i) => (
          <button
            key={v.id}
            type="button"
            role="tab"
            data-view-tab={v.id}
            aria-selected={v.id === activeView}
            tabIndex={v.id === activeView ? 0 : -1}
            className={`view-tab${v.id === activeView ? ' is-active' : ''}`}
            onClick={() => setTab(v.id)}
            onKeyDown={(ev) => onTabKey(ev, i)}
          >
            {i > 0 && <span className="view-tab__kind">{t('groups.captureTab')}</span>}
            {v.label}
          </button>
        ))}
      </div>
      {step ? (
        <CapturePanel day={day} step={step} agencies={agencies} />
      ) : (
        <>
          <div className="groups-toolbar">
            <button type="button" className="btn btn--primary" onClick={startAuto}>
              {t('groups.autoAssign')}
            </button>
            {day.groups.length === 0 && (
              <label className="groups-toolbar__count">
                {t('groups.autoCount')}
                <input
                  type="number"
                  min={1}
                  max={30}
                  inputMode="numeric"
                  value={count}
                  onChange={(ev) => setCount(ev.target.value)}
                />
              </label>
            )}
            <button type="button" className="btn" onClick={() => void add()}>
              + {t('groups.add')}
            </button>
            <span className="muted groups-toolbar__counts">
              {t('groups.counts', { present, assigned: [...assigned].length, groups: day.groups.length })}
            </span>
            {formSteps.length === 0 && <span className="muted">{t('groups.noSteps')}</span>}
          </div>
          {day.groups.length === 0 && <p className="empty">{t('groups.noGroups')}</p>}
          <GroupBoard
            day={day}
            renderCard={(g, members) => (
              <GroupCard group={g} day={day} workshopId={workshopId} zone={zone} members={members} />
            )}
          />
        </>
      )}
      {asking && (
        <Dialog title={t('groups.autoAskTitle')} onClose={() => setAsking(false)} closeLabel={t('app.cancel')}>
          <p>{t('groups.autoAsk')}</p>
          <div className="actions">
            <button type="button" className="btn" onClick={() => setAsking(false)}>
              {t('app.cancel')}
            </button>
            <button type="button" className="btn" onClick={() => void autoAssign(true)}>
              {t('groups.autoKeep')}
            </button>
            <button type="button" className="btn btn--danger" onClick={() => void autoAssign(false)}>
              {t('groups.autoReplace')}
            </button>
          </div>
        </Dialog>
      )}
    </div>
  );
}
