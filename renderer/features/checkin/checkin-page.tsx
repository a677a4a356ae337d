import { routeHash } from '../../app/store';
import { useErrorText, useT } from '../../i18n';
import { DoorScreen } from './door-screen';
import { useDayData, type DayIds } from './use-day-data';

export { SelfCheckinPage } from './self-checkin';

/**
 * The door check-in screen of one workshop day (`#/engagements/:id/workshops/:wid/days/:dayId/checkin`):
 * keyboard-first search, confirm with signature, walk-ins, live counts per OPD.
 */
export function CheckinPage({ engagementId, workshopId, dayId }: DayIds) {
  const t = useT();
  const errorText = useErrorText();
  const ids = { engagementId, workshopId, dayId };
  const state = useDayData(ids);
  if (state.status === 'error') {
    return (
      <section className="page">
        <p className="banner banner--error" role="alert">
          {t('checkin.loadFailed')} {errorText(state.error)}
        </p>
        <p>
          <a href={routeHash({ name: 'workshop', engagementId: ids.engagementId, id: ids.workshopId })}>
            ‹ {t('checkin.backToWorkshop')}
          </a>
        </p>
      </section>
    );
  }
  if (state.status === 'loading') return <p className="muted">{t('app.loading')}</p>;
  return <DoorScreen data={state.data} />;
}
