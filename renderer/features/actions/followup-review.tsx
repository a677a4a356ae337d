import { ACTION_STATUSES, isOverdue, type ActionItem, type ActionStatus } from '../../../shared/followups';
import { formatDayMonthYear, zoneDate } from '../../../shared/format';
import type { TimeZone } from '../../../shared/domain';
import { routeHash, useApp } from '../../app/store';
import { useErrorText, useLanguage, useT } from '../../i18n';
import { call } from '../../lib/api';
import { useQuery } from '../../lib/use-query';
import { byUrgency, todayIn } from './labels';
import './actions.css';

/**
 * What the review shows: items of the engagement not made in this workshop that are open, and
 * those settled today (a status changed in the room stays in sight with its new status).
 */
export function reviewItems(items: readonly ActionItem[], workshopId: string, today: string, zone: TimeZone) {
  return items
    .filter((a) => a.workshopId !== workshopId)
    .filter((a) => {
      if (a.status === 'belum' || a.status === 'proses') return true;
      const last = a.history.at(-1);
      return last !== undefined && zoneDate(last.at, zone) === today;
    })
    .sort(byUrgency(today));
}

/**
 * "Review tindak lanjut Tahap N−1" in the run console: the engagement's open items from earlier
 * workshops, overdue ones marked, status changed inline, and the same list put on the projector.
 */
export function FollowupReview({
  engagementId,
  workshopId,
  zone,
  onShow,
}: {
  engagementId: string;
  workshopId: string;
  zone: TimeZone;
  onShow(): void;
}) {
  const t = useT();
  const lang = useLanguage((s) => s.language);
  const errorText = useErrorText();
  const toast = useApp((s) => s.toast);
  const actions = useQuery('actions.list', { engagementId });
  const today = todayIn(zone);
  const items = reviewItems(actions.data ?? [], workshopId, today, zone);
  const setStatus = async (a: ActionItem, status: ActionStatus) => {
    const r = await call('actions.update', { id: a.id, patch: { status } });
    if (!r.ok) toast({ text: errorText(r.error) });
  };
  return (
    <section className="panel review-panel" aria-labelledby="review-heading">
      <div className="decisions-panel__head">
        <h2 className="panel__title" id="review-heading">
          {t('actions.review.title')}
        </h2>
        <button type="button" className="btn btn--small" onClick={onShow}>
          {t('actions.review.show')}
        </button>
        <a className="btn btn--small btn--ghost" href={routeHash({ name: 'tindak-lanjut', engagementId })}>
          {t('actions.review.open')}
        </a>
      </div>
      {actions.error && <p className="banner banner--error">{errorText(actions.error)}</p>}
      {actions.data && items.length === 0 && <p className="muted">{t('actions.review.empty')}</p>}
      <ul className="review-list" aria-label={t('actions.review.title')}>
        {items.map((a) => {
          const late = isOverdue(a, today);
          return (
            <li key={a.id} className={late ? 'is-late' : undefined}>
              <div className="review-list__main">
                <span className="review-list__title">{a.title}</span>
                <span className="muted">
                  {t(`actions.kinds.${a.kind}`)} · {a.agency || t('actions.noAgency')} ·{' '}
                  {a.dueDate ? formatDayMonthYear(a.dueDate, lang) : t('actions.noDue')}
                </span>
                {late && <span className="tl-late">{t('actions.overdue')}</span>}
              </div>
              <select
                aria-label={`${t('actions.status')}: ${a.title}`}
                value={a.status}
                onChange={(e) => void setStatus(a, e.target.value as ActionStatus)}
              >
                {ACTION_STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {t(`actions.statuses.${s}`)}
                  </option>
                ))}
              </select>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
