import type { AttendanceStatus, Recap } from '../../../shared/attendance';
import type { Engagement } from '../../../shared/domain';
import { formatDayMonthYear, regionTitle, stageLabel } from '../../../shared/format';
import { useState } from 'react';
import { routeHash, useApp } from '../../app/store';
import { exportFile } from '../../lib/files';
import { useErrorText, useLanguage, useT } from '../../i18n';
import { useQuery } from '../../lib/use-query';
import './recap-page.css';

/** One letter per status, as the legend says; a tick for present. */
const MARK: Record<AttendanceStatus, string> = {
  hadir: '✓',
  izin: 'I',
  sakit: 'S',
  diwakili: 'D',
  'tidak-hadir': 'T',
};

/** Rekap kehadiran: the register against every stage day, who came to every stage at a glance. */
export function RecapPage({ engagementId }: { engagementId: string }) {
  const t = useT();
  const errorText = useErrorText();
  const engagement = useQuery('engagements.get', { id: engagementId });
  const recap = useQuery('attendance.recap', { engagementId });
  const error = engagement.error ?? recap.error;
  if (error) return <p className="banner banner--error">{errorText(error)}</p>;
  if (!engagement.data || !recap.data) return <p className="muted">{t('app.loading')}</p>;
  return <RecapView engagement={engagement.data} recap={recap.data} />;
}

function RecapView({ engagement, recap }: { engagement: Engagement; recap: Recap }) {
  const t = useT();
  const lang = useLanguage((s) => s.language);
  const errorText = useErrorText();
  const toast = useApp((s) => s.toast);
  const [busy, setBusy] = useState<'xlsx' | 'docx' | null>(null);
  const download = async (format: 'xlsx' | 'docx') => {
    setBusy(format);
    const out = await exportFile('documents.recap', { engagementId: engagement.id, format });
    setBusy(null);
    if (out.status === 'saved') toast({ text: t('checkin.saved', { name: out.path ?? out.fileName }) });
    else if (out.status === 'failed') toast({ text: out.error ? errorText(out.error) : out.message });
  };
  const { days, people, byAgency, totals } = recap;
  const dayHead = days.map((d) => (
    <th key={d.dayId} scope="col" className="rk-day">
      <span>{stageLabel(d.stage, d.customStageName, lang)}</span>
      <span className="muted">{formatDayMonthYear(d.date, lang)}</span>
    </th>
  ));
  return (
    <section className="page rk">
      <nav className="crumbs">
        <a href={routeHash({ name: 'engagements' })}>{t('engagements.title')}</a> ›{' '}
        <a href={routeHash({ name: 'engagement', id: engagement.id })}>
          {regionTitle(engagement.regionKind, engagement.regionName)}
        </a>
      </nav>
      <header className="page__header">
        <div>
          <h1>{t('rekap.title')}</h1>
          <p className="muted">{t('rekap.intro')}</p>
        </div>
        <div className="actions actions--inline">
          <button type="button" className="btn" disabled={busy !== null} onClick={() => void download('xlsx')}>
            {busy === 'xlsx' ? t('checkin.downloading') : `⤓ ${t('rekap.downloadXlsx')}`}
          </button>
          <button type="button" className="btn" disabled={busy !== null} onClick={() => void download('docx')}>
            {busy === 'docx' ? t('checkin.downloading') : `⤓ ${t('rekap.downloadDocx')}`}
          </button>
        </div>
      </header>
      {days.length === 0 || people.length === 0 ? (
        <p className="empty">{t('rekap.empty')}</p>
      ) : (
        <>
          <p className="rk-summary">
            {t('rekap.everyDayCount', { count: totals.everyDay, expected: totals.expected })}
          </p>
          <h2>{t('rekap.byAgency')}</h2>
          <div className="rk-scroll" tabIndex={0} role="region" aria-label={t('rekap.byAgency')}>
            <table className="rk-table">
              <thead>
                <tr>
                  <th scope="col">{t('rekap.agency')}</th>
                  <th scope="col" className="rk-num">
                    {t('rekap.registered')}
                  </th>
                  {dayHead}
                </tr>
              </thead>
              <tbody>
                {byAgency.map((a) => (
                  <tr key={a.agency}>
                    <th scope="row">{a.agency || t('checkin.noAgency')}</th>
                    <td className="rk-num">{a.expected}</td>
                    {a.present.map((n, i) => (
                      <td key={days[i].dayId} className="rk-num">
                        {n}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row">{t('rekap.total')}</th>
                  <td className="rk-num">{totals.expected}</td>
                  {totals.present.map((n, i) => (
                    <td key={days[i].dayId} className="rk-num">
                      {n}
                    </td>
                  ))}
                </tr>
              </tfoot>
            </table>
          </div>

          <h2>{t('rekap.people')}</h2>
          <p className="muted rk-legend">{t('rekap.legend')}</p>
          <div className="rk-scroll" tabIndex={0} role="region" aria-label={t('rekap.people')}>
            <table className="rk-table">
              <thead>
                <tr>
                  <th scope="col" className="rk-num">
                    No
                  </th>
                  <th scope="col">{t('rekap.name')}</th>
                  <th scope="col">{t('rekap.agency')}</th>
                  {dayHead}
                  <th scope="col">{t('rekap.everyDay')}</th>
                </tr>
              </thead>
              <tbody>
                {people.map((p, n) => (
                  <tr key={p.participantId} className={p.everyDay ? 'is-every' : undefined}>
                    <td className="rk-num">{n + 1}</td>
                    <th scope="row">{p.name}</th>
                    <td>{p.agency}</td>
                    {p.statuses.map((s, i) => (
                      <td key={days[i].dayId} className={`rk-mark rk-mark--${s ?? 'none'}`}>
                        {s ? MARK[s] : '–'}
                      </td>
                    ))}
                    <td className="rk-mark">
                      {p.everyDay ? (
                        <span role="img" aria-label={t('rekap.everyDayYes')}>
                          ★
                        </span>
                      ) : (
                        ''
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
