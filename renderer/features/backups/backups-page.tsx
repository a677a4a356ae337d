import { useState } from 'react';
import type { BackupInfo } from '../../../shared/contract/backups';
import { useApp } from '../../app/store';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { useErrorText, useLanguage, useT } from '../../i18n';
import { call } from '../../lib/api';
import { useQuery } from '../../lib/use-query';
import './backups-page.css';

const sizeText = (bytes: number) =>
  bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;

/** Cadangan & Pulihkan: the automatic backups, a backup now, and restoring one. */
export function BackupsPage() {
  const t = useT();
  const errorText = useErrorText();
  const language = useLanguage((s) => s.language);
  const toast = useApp((s) => s.toast);
  const { data, loading, error } = useQuery('backups.list', {});
  const [busy, setBusy] = useState(false);
  const [asking, setAsking] = useState<BackupInfo | null>(null);

  const when = (iso: string) =>
    new Date(iso).toLocaleString(language === 'id' ? 'id-ID' : 'en-GB', {
      dateStyle: 'medium',
      timeStyle: 'short',
    });

  const backupNow = async () => {
    setBusy(true);
    const r = await call('backups.create', {});
    setBusy(false);
    toast({ text: r.ok ? t('backups.made', { time: when(r.value.createdAt) }) : errorText(r.error) });
  };

  const restore = async (b: BackupInfo) => {
    setAsking(null);
    setBusy(true);
    const r = await call('backups.restore', { name: b.name });
    setBusy(false);
    toast({ text: r.ok ? t('backups.restored', { time: when(b.createdAt) }) : errorText(r.error) });
  };

  return (
    <section className="page backups">
      <header className="page__header">
        <h1>{t('backups.title')}</h1>
        <button className="btn btn--primary" disabled={busy} onClick={() => void backupNow()}>
          {t('backups.now')}
        </button>
      </header>
      <p className="muted">{t('backups.intro')}</p>
      {data?.lastFailure && (
        <p className="banner banner--error" role="alert">
          {t('backups.lastFailed', { time: when(data.lastFailure.at) })}
        </p>
      )}
      {error && <p className="banner banner--error">{errorText(error)}</p>}
      {loading && !data && <p className="muted">{t('app.loading')}</p>}
      {data && data.backups.length === 0 && <p className="empty">{t('backups.empty')}</p>}
      {data && data.backups.length > 0 && (
        <div className="p-table-wrap">
          <table className="p-table backups__table">
            <thead>
              <tr>
                <th>{t('backups.time')}</th>
                <th>{t('backups.reason')}</th>
                <th>{t('backups.holds')}</th>
                <th className="backups__size">{t('backups.size')}</th>
                <th aria-label={t('backups.restore')} />
              </tr>
            </thead>
            <tbody>
              {data.backups.map((b) => (
                <tr key={b.name}>
                  <td>{when(b.createdAt)}</td>
                  <td>{t(`backups.reasons.${b.reason}`)}</td>
                  <td>
                    {b.counts
                      ? t('backups.counts', {
                          engagements: b.counts.engagements,
                          workshops: b.counts.workshops,
                          participants: b.counts.participants,
                          checkIns: b.counts.checkIns,
                        })
                      : t('backups.unreadable')}
                  </td>
                  <td className="backups__size">{sizeText(b.sizeBytes)}</td>
                  <td className="backups__action">
                    <button className="btn btn--small" disabled={busy} onClick={() => setAsking(b)}>
                      {t('backups.restore')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {data && <p className="muted backups__folder">{t('backups.folder', { folder: data.folder })}</p>}
      {asking && (
        <ConfirmDialog
          text={t('backups.confirm', { time: when(asking.createdAt) })}
          confirmLabel={t('backups.restore')}
          onConfirm={() => void restore(asking)}
          onCancel={() => setAsking(null)}
        />
      )}
    </section>
  );
}
