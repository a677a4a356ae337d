import { useT } from '../../i18n';

/** PLACEHOLDER — replaced by the register page (list, search, add/edit, merge, import, export). */
export function ParticipantsPage({ engagementId }: { engagementId: string }) {
  const t = useT();
  return <h1 data-engagement={engagementId}>{t('participants.title')}</h1>;
}
