import { useEffect, useMemo, useState } from 'react';
import type { Engagement, Workshop } from '../../../shared/domain';
import { regionTitle, stageLabel } from '../../../shared/format';
import { MinutesHeaderInput, MINUTES_LIMITS, type MinutesVersion, type MinutesView } from '../../../shared/minutes';
import { routeHash, useApp } from '../../app/store';
import { SaveIndicator, TextInput } from '../../components/fields';
import { useErrorText, useLanguage, useT } from '../../i18n';
import { call } from '../../lib/api';
import { exportFile } from '../../lib/files';
import { useAutosave } from '../../lib/use-autosave';
import { useQuery } from '../../lib/use-query';
import { createMinutesSession, MinutesContext, useMinutesContext, type MinutesPageContext } from './context';
import { BuildProgress } from './build-progress';
import { FinalizeDialog, formatMoment, ReopenDialog, VersionsList } from './finalize';
import { PhotosPanel } from './photos';
import { MinutesPreview } from './preview';
import { SectionEditor } from './section-editor';
import './minutes.css';

/** The Notulen page of a workshop: loads what it shows, then the editor. */
export function MinutesPage({ engagementId, workshopId }: { engagementId: string; workshopId: string }) {
  const t = useT();
  const errorText = useErrorText();
  const engagement = useQuery('engagements.get', { id: engagementId });
  const workshop = useQuery('workshops.get', { id: workshopId });
  const minutes = useQuery('minutes.get', { workshopId });
  const error = engagement.error ?? workshop.error ?? minutes.error;
  if (error) return <p className="banner banner--error">{errorText(error)}</p>;
  if (!engagement.data || !workshop.data || !minutes.data) return <p className="muted">{t('app.loading')}</p>;
  return <MinutesEditor engagement={engagement.data} workshop={workshop.data} view={minutes.data} />;
}

/** The note-taker's name from the signing block: who finalizes by default. */
function noteTaker(view: MinutesView): string {
  return view.signing.signatories.find((s) => /notul/i.test(s.role))?.name.trim() ?? '';
}

/**
 * The minutes as the secretariat works on them: a toolbar that stays in view (edit or preview,
 * export, finalize), the header, the sections, Tindak Lanjut, the annexes and photos, and the
 * finalized versions. Final minutes are read-only until reopened with a reason.
 */
export function MinutesEditor({
  engagement,
  workshop,
  view,
}: {
  engagement: Engagement;
  workshop: Workshop;
  view: MinutesView;
}) {
  const t = useT();
  const errorText = useErrorText();
  const lang = useLanguage((s) => s.language);
  const toast = useApp((s) => s.toast);
  const [tab, setTab] = useState<'edit' | 'preview'>('edit');
  const [dialog, setDialog] = useState<'finalize' | 'reopen' | null>(null);
  const [exporting, setExporting] = useState(false);
  const [finalized, setFinalized] = useState<MinutesVersion | null>(null);
  const session = useMemo(() => createMinutesSession(), []);
  const final = view.state === 'final';
  const ctx = useMemo<MinutesPageContext>(
    () => ({
      workshopId: view.workshopId,
      readOnly: final,
      register: session.register,
      noteRevision: session.noteRevision,
    }),
    [view.workshopId, final, session],
  );
  const last = view.versions[view.versions.length - 1];
  const zone = engagement.timeZone;

  const exportDocx = async () => {
    setExporting(true);
    await session.flushAll();
    const out = await exportFile('minutes.export', { workshopId: view.workshopId });
    setExporting(false);
    if (out.status === 'saved') toast({ text: t('minutes.exported', { name: out.path ?? out.fileName }) });
    else if (out.status === 'failed') toast({ text: out.error ? errorText(out.error) : out.message });
  };

  return (
    <MinutesContext.Provider value={ctx}>
      <section className="page minutes-page">
        <nav className="crumbs">
          <a href={routeHash({ name: 'engagements' })}>{t('engagements.title')}</a> ›{' '}
          <a href={routeHash({ name: 'engagement', id: engagement.id })}>
            {regionTitle(engagement.regionKind, engagement.regionName)}
          </a>{' '}
          › <a href={routeHash({ name: 'workshop', engagementId: engagement.id, id: workshop.id })}>{workshop.title}</a>
        </nav>
        <header className="page__header">
          <div>
            <p className="eyebrow">{stageLabel(workshop.stage, workshop.customStageName, lang)}</p>
            <h1>{t('minutes.title')}</h1>
            <p className="muted">{t('minutes.intro')}</p>
          </div>
        </header>

        <div className="minutes-toolbar" role="toolbar" aria-label={t('minutes.title')}>
          <div className="minutes-tabs" role="tablist" aria-label={t('minutes.tabsLabel')}>
            {(['edit', 'preview'] as const).map((k) => (
              <button
                key={k}
                type="button"
                role="tab"
                id={`minutes-tab-${k}`}
                aria-selected={tab === k}
                aria-controls="minutes-tabpanel"
                className={`btn btn--small${tab === k ? ' is-active' : ''}`}
                onClick={() => setTab(k)}
              >
                {t(k === 'edit' ? 'minutes.tabEdit' : 'minutes.tabPreview')}
              </button>
            ))}
          </div>
          <div className="minutes-toolbar__actions">
            {exporting && <BuildProgress workshopId={view.workshopId} label={t('minutes.exporting')} />}
            <button type="button" className="btn" disabled={exporting} onClick={() => void exportDocx()}>
              ⤓ {t(final ? 'minutes.exportFinal' : 'minutes.exportDocx')}
            </button>
            {final ? (
              <button type="button" className="btn" onClick={() => setDialog('reopen')}>
                {t('minutes.reopen')}
              </button>
            ) : (
              <button type="button" className="btn btn--primary" onClick={() => setDialog('finalize')}>
                {t('minutes.finalize')}
              </button>
            )}
          </div>
        </div>

        {final && last && (
          <p className="banner minutes-final-banner" data-testid="minutes-final">
            {t('minutes.finalBanner', {
              version: last.version,
              date: formatMoment(last.finalizedAt, zone, lang),
              by: last.finalizedBy,
            })}
          </p>
        )}
        {finalized && (
          <p className="banner minutes-finalized" role="status" data-testid="minutes-finalized">
            {t('minutes.finalized', { version: finalized.version, code: finalized.code })}
          </p>
        )}

        <div id="minutes-tabpanel" role="tabpanel" aria-labelledby={`minutes-tab-${tab}`}>
          {tab === 'preview' ? (
            <MinutesPreview view={view} />
          ) : (
            <>
              <HeaderPanel view={view} engagementId={engagement.id} />
              <h2 className="minutes-heading">{t('minutes.sections')}</h2>
              {view.sections.map((s) => (
                <SectionEditor key={s.key} section={s} />
              ))}
              <FollowUpsPanel view={view} engagementId={engagement.id} />
              <section className="panel" aria-labelledby="minutes-annexes-title">
                <h2 id="minutes-annexes-title" className="panel__title">
                  {t('minutes.annexes')}
                </h2>
                <ul className="minutes-annexes">
                  {view.annexes.map((a) => (
                    <li key={a}>{a}</li>
                  ))}
                </ul>
              </section>
              <PhotosPanel photos={view.photos} />
            </>
          )}
        </div>
        <VersionsList
          workshopId={view.workshopId}
          versions={view.versions}
          zone={zone}
          onMessage={(text) => toast({ text })}
        />
      </section>
      {dialog === 'finalize' && (
        <FinalizeDialog
          workshopId={view.workshopId}
          nextVersion={(last?.version ?? 0) + 1}
          defaultBy={noteTaker(view)}
          prepare={async () => {
            await session.flushAll();
            return session.unsaved() ? null : session.revision(view.revision);
          }}
          onDone={(v) => {
            setDialog(null);
            setFinalized(v);
          }}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog === 'reopen' && last && (
        <ReopenDialog
          workshopId={view.workshopId}
          version={last.version}
          defaultBy={noteTaker(view)}
          onDone={() => {
            setDialog(null);
            setFinalized(null);
          }}
          onClose={() => setDialog(null)}
        />
      )}
    </MinutesContext.Provider>
  );
}

const numberPatch = MinutesHeaderInput.pick({ number: true }).partial();

/** Nomor (edited here) and the header lines as they print (edited on the workshop page). */
function HeaderPanel({ view, engagementId }: { view: MinutesView; engagementId: string }) {
  const t = useT();
  const { workshopId, readOnly, register, noteRevision } = useMinutesContext();
  const saved = useMemo(() => ({ number: view.number }), [view.number]);
  const draftKey = `minutes-number:${workshopId}`;
  const form = useAutosave<{ number: string }>({
    draftKey,
    saved,
    schema: numberPatch,
    delayMs: 600,
    save: async (patch) => {
      const r = await call('minutes.setHeader', { workshopId, number: patch.number ?? '' });
      if (r.ok) noteRevision(r.value.revision);
      return r;
    },
  });
  const { flush } = form;
  useEffect(() => register(flush, draftKey), [register, flush, draftKey]);
  return (
    <section className="panel" aria-labelledby="minutes-header-title">
      <div className="minutes-section__header">
        <h2 id="minutes-header-title" className="panel__title">
          {view.title}
        </h2>
        {!readOnly && <SaveIndicator status={form.status} message={form.message} onDiscard={form.discard} />}
      </div>
      {readOnly ? (
        <p>
          <strong>{t('minutes.number')}:</strong> {view.number || '—'}
        </p>
      ) : (
        <div className="minutes-number">
          <TextInput
            name="minutesNumber"
            label={t('minutes.number')}
            hint={t('minutes.numberHint')}
            value={form.values?.number ?? view.number}
            maxLength={MINUTES_LIMITS.number}
            error={form.errors.number}
            onChange={(v) => form.setField('number', v)}
            onBlur={() => void flush()}
          />
        </div>
      )}
      <dl className="minutes-header-lines">
        {view.header.map((h) => (
          <div key={h.label}>
            <dt>{h.label}</dt>
            <dd>
              {h.value.split('\n').map((line, i) => (
                <span key={i}>{line}</span>
              ))}
            </dd>
          </div>
        ))}
      </dl>
      <p className="muted">
        {t('minutes.headerHint')}{' '}
        <a href={routeHash({ name: 'workshop', engagementId, id: workshopId })}>{t('minutes.editWorkshop')}</a>
      </p>
    </section>
  );
}

/** Tindak Lanjut as the table prints it; edited on the follow-up page. */
function FollowUpsPanel({ view, engagementId }: { view: MinutesView; engagementId: string }) {
  const t = useT();
  const [head, ...rows] = view.followUps;
  return (
    <section className="panel" aria-labelledby="minutes-followups-title">
      <h2 id="minutes-followups-title" className="panel__title">
        {t('minutes.followUps')}
      </h2>
      {rows.length === 0 || !head ? (
        <p className="muted">{t('minutes.noFollowUps')}</p>
      ) : (
        <div className="minutes-table-wrap">
          <table className="minutes-followups">
            <thead>
              <tr>
                {head.map((c, i) => (
                  <th key={i} scope="col">
                    {c}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row, i) => (
                <tr key={i}>
                  {row.map((c, j) => (
                    <td key={j}>{c}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p className="muted">
        {t('minutes.followUpsHint')}{' '}
        <a href={routeHash({ name: 'tindak-lanjut', engagementId })}>{t('minutes.openFollowUps')}</a>
      </p>
    </section>
  );
}
