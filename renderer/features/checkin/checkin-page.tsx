import { useT } from '../../i18n';

interface Props {
  engagementId: string;
  workshopId: string;
  dayId: string;
}

/** PLACEHOLDER — replaced by the door screen. */
export function CheckinPage({ dayId }: Props) {
  const t = useT();
  return <h1 data-day={dayId}>{t('checkin.title')}</h1>;
}

/** PLACEHOLDER — replaced by the self check-in mode. */
export function SelfCheckinPage({ dayId }: Props) {
  const t = useT();
  return <h1 data-day={dayId}>{t('checkin.title')}</h1>;
}
