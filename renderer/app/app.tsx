import { lazy, Suspense, useEffect } from 'react';
import { BackupsPage } from '../features/backups/backups-page';
import { CheckinPage, SelfCheckinPage } from '../features/checkin/checkin-page';
import { ParticipantsPage } from '../features/participants/participants-page';
import { RecapPage } from '../features/rekap/recap-page';
import { ActionsPage } from '../features/actions/actions-page';
import { EngagementList } from '../features/engagements/engagement-list';
import { EngagementNew } from '../features/engagements/engagement-new';
import { EngagementPage } from '../features/engagements/engagement-page';
import { AgendaPage } from '../features/agenda/agenda-page';
import { GroupsPage } from '../features/groups/groups-page';
import { ConsolePage } from '../features/run/console-page';
import { QuickWinsPage } from '../features/quickwins/quickwins-page';
import { ProjectorPage } from '../features/projector/projector-page';
import { GroupPage } from '../features/device/group-page';
import { PairPage } from '../features/device/pair-page';
import { WorkshopNew } from '../features/workshops/workshop-new';
import { WorkshopPage } from '../features/workshops/workshop-page';
import { STORE_FAILURE_KEY } from '../../shared/messages';
import { useErrorText, useLanguage, useT } from '../i18n';
import { routeHash, useApp, type Route } from './store';
import './app.css';

// The Notulen page (editor, preview, photos) loads when first opened: it is not needed to start.
const MinutesPage = lazy(() => import('../features/minutes/minutes-page').then((m) => ({ default: m.MinutesPage })));

function Page({ route }: { route: Route }) {
  switch (route.name) {
    case 'engagements':
      return <EngagementList />;
    case 'backups':
      return <BackupsPage />;
    case 'engagement-new':
      return <EngagementNew />;
    case 'engagement':
      return <EngagementPage key={route.id} id={route.id} />;
    case 'workshop-new':
      return <WorkshopNew key={route.engagementId} engagementId={route.engagementId} />;
    case 'workshop':
      return <WorkshopPage key={route.id} engagementId={route.engagementId} id={route.id} />;
    case 'participants':
      return <ParticipantsPage key={route.engagementId} engagementId={route.engagementId} />;
    case 'rekap':
      return <RecapPage key={route.engagementId} engagementId={route.engagementId} />;
    case 'tindak-lanjut':
      return <ActionsPage key={route.engagementId} engagementId={route.engagementId} />;
    case 'checkin':
      return <CheckinPage key={route.dayId} {...route} />;
    case 'agenda':
      return <AgendaPage key={route.workshopId} {...route} />;
    case 'groups':
      return <GroupsPage key={route.workshopId} {...route} />;
    case 'minutes':
      return (
        <Suspense fallback={<MinutesLoading />}>
          <MinutesPage key={route.workshopId} {...route} />
        </Suspense>
      );
    case 'run':
      return <ConsolePage key={route.dayId} {...route} />;
    case 'quickwins':
      return <QuickWinsPage key={route.workshopId} {...route} />;
    case 'self-checkin':
    case 'present':
    case 'pair':
    case 'group':
      return null;
  }
}

function MinutesLoading() {
  const t = useT();
  return <p className="muted">{t('app.loading')}</p>;
}

/** The facilitator window: top bar, the current page, toasts; or the data-file problem screen. */
export function App() {
  const t = useT();
  const errorText = useErrorText();
  const { info, infoError, route, start } = useApp();
  useEffect(() => {
    void start();
  }, [start]);

  if (infoError) return <p className="banner banner--error">{errorText(infoError)}</p>;
  if (!info) return <p className="muted centered">{t('app.loading')}</p>;
  if (info.store.status === 'failed') return <StoreProblem />;
  // The self check-in screen is the whole window: no top bar, nothing else to click.
  if (route.name === 'self-checkin') return <SelfCheckinPage key={route.dayId} {...route} />;
  // The room's screen is the whole window too: what the audience sees, nothing to click but full screen.
  if (route.name === 'present') return <ProjectorPage key={route.workshopId} workshopId={route.workshopId} />;
  // A paired group device (a phone or a group's laptop on the room network): its own pages only.
  if (route.name === 'pair') return <PairPage />;
  if (route.name === 'group') return <GroupPage />;

  return (
    <div className="shell">
      <TopBar />
      <main className="shell__main">
        <Page route={route} />
      </main>
      <Toasts />
    </div>
  );
}

function TopBar() {
  const t = useT();
  const language = useLanguage((s) => s.language);
  const changeLanguage = useApp((s) => s.changeLanguage);
  return (
    <header className="topbar">
      <a className="topbar__brand" href={routeHash({ name: 'engagements' })}>
        <span className="topbar__logo" aria-hidden="true">
          B
        </span>
        <span>
          <strong>{t('app.name')}</strong>
          <small>{t('app.tagline')}</small>
        </span>
      </a>
      <a className="topbar__link" href={routeHash({ name: 'backups' })}>
        {t('backups.nav')}
      </a>
      <div className="lang-switch" role="group" aria-label={t('app.language')}>
        {(['id', 'en'] as const).map((l) => (
          <button
            key={l}
            className={l === language ? 'is-active' : ''}
            aria-pressed={l === language}
            onClick={() => void changeLanguage(l)}
          >
            {l.toUpperCase()}
          </button>
        ))}
      </div>
    </header>
  );
}

function Toasts() {
  const { toasts, dismiss } = useApp();
  const t = useT();
  return (
    <div className="toasts" aria-live="polite">
      {toasts.map((toast) => (
        <div className="toast" key={toast.id} role="status">
          <span>{toast.text}</span>
          {toast.action && (
            <button
              className="btn btn--small"
              onClick={() => {
                toast.action!.run();
                dismiss(toast.id);
              }}
            >
              {toast.action.label}
            </button>
          )}
          <button className="btn btn--ghost btn--small" aria-label={t('app.close')} onClick={() => dismiss(toast.id)}>
            ✕
          </button>
        </div>
      ))}
    </div>
  );
}

/** Shown instead of the app when the data file is corrupt, from a newer version, or unreadable. */
function StoreProblem() {
  const t = useT();
  const info = useApp((s) => s.info)!;
  const store = info.store;
  if (store.status !== 'failed') return null;
  return (
    <div className="problem" role="alert">
      <h1>{t('storeProblem.title')}</h1>
      <p className="problem__message">{t(`errors.${STORE_FAILURE_KEY[store.reason]}`)}</p>
      {store.reason === 'newer' && (
        <p>{t('storeProblem.newer', { found: store.foundVersion ?? '?', schema: info.schemaVersion })}</p>
      )}
      {store.reason === 'inUse' && store.holder && (
        <p data-testid="store-holder">
          {t(store.holder.mode === 'browser' ? 'errors.dbInUseBrowser' : 'errors.dbInUseDesktop', {
            pid: store.holder.pid,
            hostname: store.holder.hostname,
            url: store.holder.url ?? '?',
            since: new Date(store.holder.since).toLocaleString(),
          })}
        </p>
      )}
      <p>
        {t('storeProblem.file')}: <code data-testid="store-file">{store.file}</code>
      </p>
      {/* In use or read-only: the sentence above says what to do; the file itself is fine. */}
      {store.reason !== 'inUse' && store.reason !== 'readonly' && <p>{t('storeProblem.advice')}</p>}
    </div>
  );
}
