import { useRef, useState } from 'react';
import type { PackagePreview } from '../../../shared/contract/packages';
import type { AppErrorShape } from '../../../shared/errors';
import { useApp } from '../../app/store';
import { useErrorText, useLanguage, useT } from '../../i18n';
import { call, transport } from '../../lib/api';
import { uploadFile } from '../../lib/files';
import { Modal } from '../participants/modal';
import './import-package.css';

interface Picked {
  fileName: string;
  /** The token the core issued for the file (it stays on the host; the import uses it again). */
  file: string;
  preview: PackagePreview;
}

/** "Impor paket": pick a `.bimtek` file, see what it would change, choose per conflict, import. */
export function ImportPackageButton() {
  const t = useT();
  const errorText = useErrorText();
  const language = useLanguage((s) => s.language);
  const { toast, navigate } = useApp();
  const input = useRef<HTMLInputElement>(null);
  const [picked, setPicked] = useState<Picked | null>(null);
  const [choices, setChoices] = useState<Record<string, 'here' | 'there'>>({});
  const [failure, setFailure] = useState<AppErrorShape | null>(null);
  const [busy, setBusy] = useState(false);

  const when = (iso: string) =>
    new Date(iso).toLocaleString(language === 'id' ? 'id-ID' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' });

  const show = (fileName: string, r: Awaited<ReturnType<typeof call<'packages.preview'>>>) => {
    if (!r.ok) return toast({ text: errorText(r.error) });
    if (!r.value.file) return;
    setFailure(null);
    setChoices(Object.fromEntries(r.value.conflicts.map((c) => [c.key, c.defaultChoice])));
    setPicked({ fileName, file: r.value.file, preview: r.value });
  };

  // Browser mode: the file streams to the host; only its token comes back with the preview.
  const onFile = async (file: File | undefined) => {
    if (!file) return;
    setBusy(true);
    const r = await uploadFile('packages.preview', file);
    setBusy(false);
    if (input.current) input.current.value = '';
    show(file.name, r);
  };

  // Desktop: the main process opens the file the user picks and the core names it by a token.
  const openFile = window.bimtek?.openFile;
  const pick = async () => {
    if (transport !== 'electron' || !openFile) return input.current?.click();
    const picked = await openFile('packages.preview', ['bimtek']);
    if (!picked.picked) return picked.error ? toast({ text: picked.error }) : undefined;
    setBusy(true);
    const r = await call('packages.preview', { fileName: picked.fileName, file: picked.file });
    setBusy(false);
    show(picked.fileName, r);
  };

  const commit = async () => {
    if (!picked) return;
    setBusy(true);
    const r = await call('packages.import', {
      fileName: picked.fileName,
      file: picked.file,
      resolutions: Object.entries(choices).map(([key, choice]) => ({ key, choice })),
    });
    setBusy(false);
    if (!r.ok) return setFailure(r.error);
    setPicked(null);
    toast({ text: t('packages.imported', { title: r.value.title }) });
    navigate({ name: 'engagement', id: r.value.engagementId });
  };

  const p = picked?.preview;
  return (
    <>
      <button className="btn" disabled={busy} onClick={() => void pick()}>
        {t('packages.import')}
      </button>
      <input
        ref={input}
        type="file"
        accept=".bimtek"
        hidden
        data-testid="package-file"
        onChange={(e) => void onFile(e.target.files?.[0])}
      />
      {p && (
        <Modal
          title={t('packages.previewTitle', { title: p.title })}
          onClose={() => setPicked(null)}
          wide
          footer={
            <div className="actions">
              <button className="btn" onClick={() => setPicked(null)}>
                {t('app.cancel')}
              </button>
              <button className="btn btn--primary" disabled={busy} onClick={() => void commit()}>
                {t('packages.confirm')}
              </button>
            </div>
          }
        >
          <p className="muted">
            {t('packages.madeWith', { version: p.appVersion, time: when(p.createdAt), images: p.images })}
          </p>
          <div className="p-table-wrap">
            <table className="p-table pkg-preview">
              <thead>
                <tr>
                  <th>{t('packages.kind')}</th>
                  <th>{t('packages.added')}</th>
                  <th>{t('packages.updated')}</th>
                  <th>{t('packages.kept')}</th>
                  <th>{t('packages.deleted')}</th>
                  <th>{t('packages.unchanged')}</th>
                </tr>
              </thead>
              <tbody>
                {p.tables.map((row) => (
                  <tr key={row.table}>
                    <td>{t(`packages.tables.${row.table}` as 'packages.tables.engagements')}</td>
                    <td>{row.added}</td>
                    <td>{row.updated}</td>
                    <td>{row.kept}</td>
                    <td>{row.deleted}</td>
                    <td>{row.unchanged}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {p.conflicts.length > 0 && (
            <>
              <h3>{t('packages.conflicts', { count: p.conflicts.length })}</h3>
              <p className="muted">{t('packages.conflictsHelp')}</p>
              <ul className="pkg-conflicts">
                {p.conflicts.map((c) => (
                  <li key={c.key}>
                    <span className="pkg-conflicts__label">{c.label}</span>
                    <label>
                      <input
                        type="radio"
                        name={c.key}
                        checked={choices[c.key] === 'here'}
                        onChange={() => setChoices({ ...choices, [c.key]: 'here' })}
                      />{' '}
                      {t('packages.keepHere', { time: when(c.hereUpdatedAt) })}
                    </label>
                    <label>
                      <input
                        type="radio"
                        name={c.key}
                        checked={choices[c.key] === 'there'}
                        onChange={() => setChoices({ ...choices, [c.key]: 'there' })}
                      />{' '}
                      {t('packages.takeThere', { time: when(c.thereUpdatedAt) })}
                    </label>
                  </li>
                ))}
              </ul>
            </>
          )}
          <p className="muted">{t('packages.backupFirst')}</p>
          {failure && (
            <p className="banner banner--error" role="alert">
              {errorText(failure)}
            </p>
          )}
        </Modal>
      )}
    </>
  );
}
