import { useState } from 'react';
import { WorkshopPatch, type Engagement, type Workshop } from '../../../shared/domain';
import { formatLongDate, formatTimeRange, regionTitle, stageLabel } from '../../../shared/format';
import { routeHash, useApp } from '../../app/store';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { SaveIndicator } from '../../components/fields';
import { useErrorText, useLanguage, useT } from '../../i18n';
import { call } from '../../lib/api';
import { useAutosave } from '../../lib/use-autosave';
import { useQuery } from '../../lib/use-query';
import { openProjector } from '../projector/open';
import { useAttendanceExport } from '../checkin/attendance-export';
import { WorkshopFields, type WorkshopValues } from './workshop-fields';
import './workshop-page.css';

/** A workshop: its schedule as officials write it, and every field edited in place. */
export function WorkshopPage({ engagementId, id }: { engagementId: string; id: string }) {
  const t = useT();
  const errorText = useErrorText();
  const engagement = useQuery('engagements.get', { id: engagementId });
  const workshop = useQuery('workshops.get', { id });
  const error = engagement.error ?? workshop.error;
  if (error) return <p className="banner banner--error">{errorText(error)}</p>;
  if (!engagement.data || !workshop.data) return <p className="muted">{t('app.loading')}</p>;
  return <WorkshopEditor engagement={engagement.data} workshop={workshop.data} />;
}

function WorkshopEditor({ engagement, workshop }: { engagement: Engagement; workshop: Workshop }) {
  const t = useT();
  const lang = useLanguage((s) => s.language);
  const { navigate, toast } = useApp();
  const [confirming, setConfirming] = useState(false);
  const { id } = workshop;
  const form = useAutosave<WorkshopValues>({
    draftKey: `workshop:${id}`,
    saved: workshop,
    schema: WorkshopPatch,
    save: (patch) => call('workshops.update', { id, patch }),
  });
  const values = form.values!;

  const exporter = useAttendanceExport(engagement, (name) => t('workshops.exported', { name }));

  const remove = async () => {
    setConfirming(false);
    const r = await call('workshops.delete', { id });
    if (!r.ok) return toast({ text: r.error.message });
    navigate({ name: 'engagement', id: engagement.id });
    toast({
      text: t('workshops.deleted', { name: workshop.title }),
      action: {
        label: t('app.undo'),
        run: () => void call('workshops.restore', { id }),
      },
    });
  };

  return (
    <section className="page">
      <nav className="crumbs">
        <a href={routeHash({ name: 'engagements' })}>{t('engagements.title')}</a> ›{' '}
        <a href={routeHash({ name: 'engagement', id: engagement.id })}>
          {regionTitle(engagement.regionKind, engagement.regionName)}
        </a>
      </nav>
      <header className="page__header">
        <div>
          <p className="eyebrow">{stageLabel(values.stage, values.customStageName, lang)}</p>
          <h1>{values.title || workshop.title}</h1>
          <ul className="schedule" aria-label={t('workshops.days')}>
            {workshop.days.map((d) => (
              <li key={d.id}>
                <strong>{formatLongDate(d.date, lang)}</strong> ·{' '}
                {formatTimeRange(d.startTime, d.endTime, engagement.timeZone, lang)}
              </li>
            ))}
          </ul>
          {workshop.venue && <p className="muted">{workshop.venue}</p>}
        </div>
        <SaveIndicator status={form.status} message={form.message} onDiscard={form.discard} />
      </header>
      <section className="panel" aria-label={t('agenda.title')}>
        <div className="day-actions">
          <strong>{t('agenda.title')}</strong>
          <a
            className="btn btn--small"
            href={routeHash({ name: 'agenda', engagementId: engagement.id, workshopId: id })}
          >
            {t('agenda.open')}
          </a>
          <a
            className="btn btn--small"
            href={routeHash({ name: 'groups', engagementId: engagement.id, workshopId: id })}
          >
            {t('groups.open')}
          </a>
          <button className="btn btn--small" onClick={() => void openProjector(id)}>
            {t('agenda.present')}
          </button>
          <a
            className="btn btn--small"
            href={routeHash({ name: 'quickwins', engagementId: engagement.id, workshopId: id })}
          >
            {t('quickwins.nav')}
          </a>
          <a
            className="btn btn--small"
            href={routeHash({ name: 'minutes', engagementId: engagement.id, workshopId: id })}
          >
            {t('minutes.nav')}
          </a>
        </div>
        {workshop.days.map((d, i) => (
          <div className="day-actions" key={d.id}>
            <strong>
              {t('workshops.day', { n: i + 1 })} · {formatLongDate(d.date, lang)}
            </strong>
            <a
              className="btn btn--primary btn--small"
              href={routeHash({ name: 'run', engagementId: engagement.id, workshopId: id, dayId: d.id })}
            >
              {t('agenda.runDay', { n: i + 1 })}
            </a>
          </div>
        ))}
      </section>
      <section className="panel" aria-label={t('workshops.attendance')}>
        <h2 className="panel__title">{t('workshops.attendance')}</h2>
        {workshop.days.map((d, i) => (
          <div className="day-actions" key={d.id}>
            <strong>
              {t('workshops.day', { n: i + 1 })} · {formatLongDate(d.date, lang)}
            </strong>
            <a
              className="btn btn--primary btn--small"
              href={routeHash({ name: 'checkin', engagementId: engagement.id, workshopId: id, dayId: d.id })}
            >
              {t('workshops.openDoor')}
            </a>
            <button className="btn btn--small" disabled={!!exporter.busy} onClick={() => exporter.start(d.id, 'list')}>
              {t('workshops.exportAttendance')}
            </button>
            <button className="btn btn--small" disabled={!!exporter.busy} onClick={() => exporter.start(d.id, 'annex')}>
              {t('checkin.downloadAnnex')}
            </button>
            <button className="btn btn--small" disabled={!!exporter.busy} onClick={() => exporter.start(d.id, 'blank')}>
              {t('workshops.exportBlank')}
            </button>
          </div>
        ))}
        {exporter.dialog}
      </section>
      <div className="panel">
        <WorkshopFields values={values} errors={form.errors} set={form.setField} onBlur={() => void form.flush()} />
        <div className="actions actions--start">
          <button className="btn btn--danger" onClick={() => setConfirming(true)}>
            {t('workshops.delete')}
          </button>
        </div>
      </div>
      {confirming && (
        <ConfirmDialog
          text={t('workshops.deleteConfirm', { name: workshop.title })}
          confirmLabel={t('workshops.delete')}
          onConfirm={() => void remove()}
          onCancel={() => setConfirming(false)}
        />
      )}
    </section>
  );
}
