import { regionTitle } from '../../../shared/format';
import { routeHash, useApp } from '../../app/store';
import { useErrorText, useT } from '../../i18n';
import { useQuery } from '../../lib/use-query';
import { ImportPackageButton } from '../packages/import-package';

/** Home: every engagement, newest year first. */
export function EngagementList() {
  const t = useT();
  const errorText = useErrorText();
  const navigate = useApp((s) => s.navigate);
  const { data, loading, error } = useQuery('engagements.list', {});
  return (
    <section className="page">
      <header className="page__header">
        <h1>{t('engagements.title')}</h1>
        <div className="actions actions--inline">
          <ImportPackageButton />
          <button className="btn btn--primary" onClick={() => navigate({ name: 'engagement-new' })}>
            + {t('engagements.new')}
          </button>
        </div>
      </header>
      {error && <p className="banner banner--error">{errorText(error)}</p>}
      {loading && !data && <p className="muted">{t('app.loading')}</p>}
      {data && data.length === 0 && (
        <div className="empty">
          <p>{t('engagements.empty')}</p>
        </div>
      )}
      <ul className="card-list" aria-label={t('engagements.title')}>
        {data?.map((e) => (
          <li key={e.id}>
            <a className="card" href={routeHash({ name: 'engagement', id: e.id })}>
              <span className="card__eyebrow">
                {e.year} · {e.province} · {e.timeZone}
              </span>
              <span className="card__title">{regionTitle(e.regionKind, e.regionName)}</span>
              <span className="card__meta">
                {e.programmeName} · {t('engagements.workshops', { count: e.workshopCount })}
              </span>
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
