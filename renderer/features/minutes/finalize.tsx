import { useState } from 'react';
import type { TimeZone } from '../../../shared/domain';
import type { AppErrorShape } from '../../../shared/errors';
import { formatDayMonthYear, formatInstantTime, zoneDate } from '../../../shared/format';
import type { Language } from '../../../shared/languages';
import { FinalizeInput, MINUTES_LIMITS, ReopenInput, type MinutesVersion } from '../../../shared/minutes';
import { issuesByField, toFieldIssues } from '../../../shared/validation';
import { Dialog } from '../../components/dialog';
import { Field, TextInput } from '../../components/fields';
import { useErrorText, useLanguage, useT } from '../../i18n';
import { call } from '../../lib/api';
import { exportFile } from '../../lib/files';
import { BuildProgress } from './build-progress';

/** An instant as the region reads it: "28 Agustus 2019 14.05 WIB". */
export function formatMoment(iso: string, zone: TimeZone, lang: Language): string {
  return `${formatDayMonthYear(zoneDate(iso, zone), lang)} ${formatInstantTime(iso, zone)}`;
}

const byField = FinalizeInput.pick({ by: true });

/**
 * "Finalkan": who finalizes (the note-taker by default), what it means, and the busy state while
 * the document is built in the worker. `prepare` commits pending edits and names the revision.
 */
export function FinalizeDialog(props: {
  workshopId: string;
  nextVersion: number;
  defaultBy: string;
  /** Commits pending edits; the revision to name, or null when an edit could not be saved. */
  prepare(): Promise<number | null>;
  onDone(v: MinutesVersion): void;
  onClose(): void;
}) {
  const t = useT();
  const errorText = useErrorText();
  const [by, setBy] = useState(props.defaultBy);
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<AppErrorShape | null>(null);
  const [unsaved, setUnsaved] = useState(false);
  const submit = async () => {
    const parsed = byField.safeParse({ by });
    if (!parsed.success) return setFieldError(issuesByField(toFieldIssues(parsed.error)).by);
    setFieldError(undefined);
    setRefusal(null);
    setBusy(true);
    const revision = await props.prepare();
    if (revision === null) {
      setBusy(false);
      return setUnsaved(true);
    }
    setUnsaved(false);
    const r = await call('minutes.finalize', { workshopId: props.workshopId, revision, by: parsed.data.by });
    setBusy(false);
    if (r.ok) props.onDone(r.value);
    else setRefusal(r.error);
  };
  return (
    <Dialog
      title={t('minutes.finalizeTitle')}
      onClose={busy ? undefined : props.onClose}
      closeOnEscape={!busy}
      onSubmit={(e) => {
        e.preventDefault();
        if (!busy) void submit();
      }}
    >
      <p>{t('minutes.finalizeExplain', { n: props.nextVersion })}</p>
      <TextInput
        name="finalizedBy"
        label={t('minutes.finalizedBy')}
        value={by}
        required
        maxLength={200}
        error={fieldError}
        onChange={setBy}
      />
      {busy && (
        <p>
          <BuildProgress workshopId={props.workshopId} label={t('minutes.finalizing')} />
        </p>
      )}
      {refusal && (
        <p className="banner banner--error" role="alert">
          {errorText(refusal)}
        </p>
      )}
      {unsaved && (
        <p className="banner banner--error" role="alert">
          {t('minutes.unsavedBeforeFinalize')}
        </p>
      )}
      <div className="actions">
        <button type="button" className="btn" disabled={busy} onClick={props.onClose}>
          {t('app.cancel')}
        </button>
        <button type="submit" className="btn btn--primary" disabled={busy}>
          {t('minutes.finalize')}
        </button>
      </div>
    </Dialog>
  );
}

const reopenFields = ReopenInput.pick({ by: true, reason: true });

/** "Buka kembali": a reason is required; the next finalize makes version N+1. */
export function ReopenDialog(props: {
  workshopId: string;
  version: number;
  defaultBy: string;
  onDone(): void;
  onClose(): void;
}) {
  const t = useT();
  const errorText = useErrorText();
  const [by, setBy] = useState(props.defaultBy);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<AppErrorShape | null>(null);
  const submit = async () => {
    const parsed = reopenFields.safeParse({ by, reason });
    if (!parsed.success) return setErrors(issuesByField(toFieldIssues(parsed.error)));
    setErrors({});
    setBusy(true);
    const r = await call('minutes.reopen', { workshopId: props.workshopId, ...parsed.data });
    setBusy(false);
    if (r.ok) props.onDone();
    else setRefusal(r.error);
  };
  return (
    <Dialog
      title={t('minutes.reopenTitle')}
      onClose={busy ? undefined : props.onClose}
      onSubmit={(e) => {
        e.preventDefault();
        if (!busy) void submit();
      }}
    >
      <p>{t('minutes.reopenExplain', { version: props.version, next: props.version + 1 })}</p>
      <TextInput
        name="reopenedBy"
        label={t('minutes.reopenedBy')}
        value={by}
        required
        maxLength={200}
        error={errors.by}
        onChange={setBy}
      />
      <Field
        label={t('minutes.reason')}
        required
        hint={t('minutes.reasonHint')}
        error={errors.reason}
        maxLength={MINUTES_LIMITS.reason}
      >
        {(id, described) => (
          <textarea
            id={id}
            name="reason"
            aria-describedby={described}
            aria-invalid={!!errors.reason}
            maxLength={MINUTES_LIMITS.reason}
            rows={3}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
        )}
      </Field>
      {refusal && (
        <p className="banner banner--error" role="alert">
          {errorText(refusal)}
        </p>
      )}
      <div className="actions">
        <button type="button" className="btn" disabled={busy} onClick={props.onClose}>
          {t('app.cancel')}
        </button>
        <button type="submit" className="btn btn--primary" disabled={busy}>
          {t('minutes.reopen')}
        </button>
      </div>
    </Dialog>
  );
}

/** Every finalized version: when, by whom, its code and hash, why it was reopened; each downloads as it was. */
export function VersionsList({
  workshopId,
  versions,
  zone,
  onMessage,
}: {
  workshopId: string;
  versions: MinutesVersion[];
  zone: TimeZone;
  onMessage(text: string): void;
}) {
  const t = useT();
  const errorText = useErrorText();
  const lang = useLanguage((s) => s.language);
  const [busy, setBusy] = useState<number | null>(null);
  const download = async (version: number) => {
    setBusy(version);
    const out = await exportFile('minutes.version', { workshopId, version });
    setBusy(null);
    if (out.status === 'saved') onMessage(t('minutes.exported', { name: out.path ?? out.fileName }));
    else if (out.status === 'failed') onMessage(out.error ? errorText(out.error) : out.message);
  };
  return (
    <section className="panel" aria-labelledby="minutes-versions-title">
      <h2 id="minutes-versions-title" className="panel__title">
        {t('minutes.versions')}
      </h2>
      {versions.length === 0 ? (
        <p className="muted">{t('minutes.noVersions')}</p>
      ) : (
        <div className="minutes-table-wrap">
          <table className="minutes-versions">
            <thead>
              <tr>
                <th scope="col">{t('minutes.colVersion')}</th>
                <th scope="col">{t('minutes.colAt')}</th>
                <th scope="col">{t('minutes.colBy')}</th>
                <th scope="col">{t('minutes.colCode')}</th>
                <th scope="col">{t('minutes.colSha')}</th>
                <th scope="col">{t('minutes.colReopen')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('minutes.download')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {versions.map((v) => (
                <tr key={v.version} data-testid="minutes-version">
                  <td>{v.version}</td>
                  <td>{formatMoment(v.finalizedAt, zone, lang)}</td>
                  <td>{v.finalizedBy}</td>
                  <td>
                    <code>{v.code}</code>
                  </td>
                  <td>
                    <code title={v.sha256}>{v.sha256.slice(0, 12)}</code>
                  </td>
                  <td>
                    {v.reopenedAt
                      ? t('minutes.reopenedLine', {
                          at: formatMoment(v.reopenedAt, zone, lang),
                          by: v.reopenedBy,
                          reason: v.reopenReason,
                        })
                      : '—'}
                  </td>
                  <td>
                    <button
                      type="button"
                      className="btn btn--small"
                      aria-label={t('minutes.downloadVersion', { n: v.version })}
                      disabled={busy !== null}
                      onClick={() => void download(v.version)}
                    >
                      {busy === v.version ? t('checkin.downloading') : `⤓ ${t('minutes.download')}`}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
