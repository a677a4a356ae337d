import { useEffect, useRef, useState } from 'react';
import { EngagementPatch, type Engagement } from '../../../shared/domain';
import { formatLongDate, formatTimeRange, regionTitle, stageLabel } from '../../../shared/format';
import { routeHash, useApp } from '../../app/store';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { SaveIndicator } from '../../components/fields';
import { useErrorText, useLanguage, useT } from '../../i18n';
import { call } from '../../lib/api';
import { useAutosave } from '../../lib/use-autosave';
import { useQuery } from '../../lib/use-query';
import { EngagementFields, type EngagementValues } from './engagement-fields';
import { ExportPackageButton } from '../packages/export-package';
import { LetterheadSettings } from './letterhead-settings';

type EngagementForm = EngagementValues & Pick<Engagement, 'letterhead' | 'documents'>;

/** One engagement: its workshops, and its details edited in place (autosaved). */
export function EngagementPage({ id }: { id: string }) {
  const t = useT();
  const errorText = useErrorText();
  const { data, error } = useQuery('engagements.get', { id });
  if (error) return <p className="banner banner--error">{errorText(error)}</p>;
  if (!data) return <p className="muted">{t('app.loading')}</p>;
  return <EngagementView engagement={data} />;
}

function EngagementView({ engagement }: { engagement: Engagement }) {
  const t = useT();
  const lang = useLanguage((s) => s.language);
  const { navigate, toast } = useApp();
  const [confirming, setConfirming] = useState(false);
  const { id } = engagement;
  const form = useAutosave<EngagementForm>({
    draftKey: `engagement:${id}`,
    saved: engagement,
    schema: EngagementPatch,
    save: (patch) => call('engagements.update', { id, patch }),
  });
  const workshops = useQuery('workshops.list', { engagementId: id });
  const values = form.values!;
  const name = regionTitle(engagement.regionKind, engagement.regionName);
  const letterheadRef = useRef<HTMLElement>(null);
  // Opened from "Atur kop surat" (an export without a letterhead): straight to the letterhead.
  useEffect(() => {
    if (!location.hash.endsWith('/kop')) return;
    letterheadRef.current?.scrollIntoView({ block: 'start' });
    letterheadRef.current?.querySelector<HTMLInputElement>('input[name="letterhead.lines.0"]')?.focus();
  }, []);

  const remove = async () => {
    setConfirming(false);
    const r = await call('engagements.delete', { id });
    if (!r.ok) return toast({ text: r.error.message });
    navigate({ name: 'engagements' });
    toast({
      text: t('engagements.deleted', { name }),
      action: {
        label: t('app.undo'),
        run: () => void call('engagements.restore', { id }).then(() => navigate({ name: 'engagement', id })),
      },
    });
  };

  return (
    <section className="page">
      <nav className="crumbs">
        <a href={routeHash({ name: 'engagements' })}>{t('engagements.title')}</a>
      </nav>
      <header className="page__header">
        <div>
          <h1>{regionTitle(values.regionKind, values.regionName || engagement.regionName)}</h1>
          <p className="muted">
            {values.programmeName} · {values.year} · {values.province}
          </p>
        </div>
        <div className="actions actions--inline">
          <a className="btn" href={routeHash({ name: 'participants', engagementId: id })}>
            {t('engagements.register')}
          </a>
          <ExportPackageButton engagementId={id} />
          <a className="btn" href={routeHash({ name: 'rekap', engagementId: id })}>
            {t('rekap.title')}
          </a>
          <a className="btn" href={routeHash({ name: 'tindak-lanjut', engagementId: id })}>
            {t('actions.title')}
          </a>
          <button className="btn btn--primary" onClick={() => navigate({ name: 'workshop-new', engagementId: id })}>
            + {t('workshops.new')}
          </button>
        </div>
      </header>

      <h2>{t('workshops.title')}</h2>
      {workshops.data && workshops.data.length === 0 && <p className="empty">{t('workshops.empty')}</p>}
      <ul className="card-list" aria-label={t('workshops.title')}>
        {workshops.data?.map((w) => (
          <li key={w.id}>
            <a className="card" href={routeHash({ name: 'workshop', engagementId: id, id: w.id })}>
              <span className="card__eyebrow">{stageLabel(w.stage, w.customStageName, lang)}</span>
              <span className="card__title">{w.title}</span>
              {w.days.map((d) => (
                <span key={d.id} className="card__meta">
                  {formatLongDate(d.date, lang)} · {formatTimeRange(d.startTime, d.endTime, engagement.timeZone, lang)}
                </span>
              ))}
              {w.venue && <span className="card__meta muted">{w.venue}</span>}
            </a>
          </li>
        ))}
      </ul>

      <details className="panel" open={form.status === 'invalid' || undefined}>
        <summary>
          <h2>{t('engagements.settings')}</h2>
          <SaveIndicator status={form.status} message={form.message} onDiscard={form.discard} />
        </summary>
        <EngagementFields values={values} errors={form.errors} set={form.setField} onBlur={() => void form.flush()} />
        <div className="actions actions--start">
          <button className="btn btn--danger" onClick={() => setConfirming(true)}>
            {t('engagements.delete')}
          </button>
        </div>
      </details>

      <section className="panel documents-panel" id="kop" ref={letterheadRef} aria-labelledby="kop-title" tabIndex={-1}>
        <header className="documents-panel__header">
          <h2 id="kop-title">{t('engagements.documentsSection')}</h2>
          <SaveIndicator status={form.status} message={form.message} onDiscard={form.discard} />
        </header>
        <LetterheadSettings
          engagement={engagement}
          letterhead={values.letterhead}
          documents={values.documents}
          errors={form.errors}
          setLetterhead={(l) => form.setField('letterhead', l)}
          setDocuments={(d) => form.setField('documents', d)}
          onBlur={() => void form.flush()}
        />
      </section>
      {confirming && (
        <ConfirmDialog
          text={t('engagements.deleteConfirm', { name })}
          confirmLabel={t('engagements.delete')}
          onConfirm={() => void remove()}
          onCancel={() => setConfirming(false)}
        />
      )}
    </section>
  );
}
