import { useEffect, useMemo, useRef, useState, type DragEvent } from 'react';
import type { AppErrorShape } from '../../../shared/errors';
import { MINUTES_LIMITS, PhotoPatch, type MinutesPhoto } from '../../../shared/minutes';
import { useApp } from '../../app/store';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { SaveIndicator, TextInput } from '../../components/fields';
import { useErrorText, useT } from '../../i18n';
import { call } from '../../lib/api';
import { readFileBase64 } from '../../lib/files';
import { useAutosave } from '../../lib/use-autosave';
import { useMinutesContext } from './context';

/** What the file picker offers: the photos the core takes, and HEIC so that it can say how to convert it. */
export const PHOTO_ACCEPT = '.jpg,.jpeg,.png,.webp,.heic,.heif,image/*';

/**
 * The host refused the request itself for its size (browser mode caps a JSON body below the
 * photo limit): said as such, not as "check the marked field" of a form that has none.
 */
function tooBigToSend(error: AppErrorShape): boolean {
  return (
    error.code === 'VALIDATION' && !!error.details?.issues?.some((i) => i.path.length === 0 && i.code === 'tooLong')
  );
}

interface UploadResult {
  name: string;
  ok: boolean;
  message: string;
}

/**
 * Photos for the Dokumentasi annex: many at once (picked or dropped), sent one after another with a
 * line per file saying whether it went in or why not; then each with its caption, whether it goes
 * into the annex, and its place in the annex's order.
 */
export function PhotosPanel({ photos }: { photos: MinutesPhoto[] }) {
  const t = useT();
  const errorText = useErrorText();
  const { workshopId, readOnly } = useMinutesContext();
  const input = useRef<HTMLInputElement>(null);
  const [results, setResults] = useState<UploadResult[]>([]);
  const [progress, setProgress] = useState<{ n: number; total: number } | null>(null);
  const [dragging, setDragging] = useState(false);

  const add = async (files: File[]) => {
    if (files.length === 0 || progress) return;
    setResults([]);
    for (let i = 0; i < files.length; i++) {
      const file = files[i];
      setProgress({ n: i + 1, total: files.length });
      let result: UploadResult;
      if (file.size > MINUTES_LIMITS.photoBytes) {
        // Not sent at all: the core would refuse it after 40 MB crossed the wire.
        result = { name: file.name, ok: false, message: t('minutes.photoRefused.tooLarge') };
      } else {
        const data = await readFileBase64(file);
        const r = await call('minutes.addPhoto', { workshopId, fileName: file.name.slice(0, 300), data });
        result = r.ok
          ? { name: file.name, ok: true, message: t('minutes.photoAdded') }
          : {
              name: file.name,
              ok: false,
              message: tooBigToSend(r.error) ? t('minutes.photoTooBigToSend') : errorText(r.error),
            };
      }
      setResults((prev) => [...prev, result]);
    }
    setProgress(null);
  };

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    if (!readOnly) void add([...e.dataTransfer.files]);
  };

  return (
    <section className="panel minutes-photos" aria-labelledby="minutes-photos-title">
      <h2 id="minutes-photos-title" className="panel__title">
        {t('minutes.photos')}
      </h2>
      {!readOnly && (
        <div
          className={`minutes-dropzone${dragging ? ' is-dragging' : ''}`}
          data-testid="photo-dropzone"
          onDragOver={(e) => {
            e.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={onDrop}
        >
          <p className="muted">{t('minutes.photosHint')}</p>
          <input
            ref={input}
            type="file"
            multiple
            accept={PHOTO_ACCEPT}
            hidden
            data-testid="photo-input"
            onChange={(e) => {
              const files = [...(e.target.files ?? [])];
              e.target.value = '';
              void add(files);
            }}
          />
          <button type="button" className="btn" disabled={!!progress} onClick={() => input.current?.click()}>
            {t('minutes.addPhotos')}
          </button>
          {progress && (
            <p role="status" className="minutes-busy">
              <span className="spinner" aria-hidden="true" /> {t('minutes.uploading', progress)}
            </p>
          )}
        </div>
      )}
      {results.length > 0 && (
        <ul className="minutes-upload-results" aria-label={t('minutes.uploadResults')}>
          {results.map((r, i) => (
            <li key={i} className={r.ok ? 'is-ok' : 'is-refused'}>
              <strong>{r.name}</strong> {r.ok ? '✓' : '✕'} <span>{r.message}</span>
            </li>
          ))}
        </ul>
      )}
      {photos.length === 0 ? (
        <p className="muted">{t('minutes.noPhotos')}</p>
      ) : (
        <ol className="minutes-photo-grid">
          {photos.map((p, i) => (
            <PhotoCard key={p.id} photo={p} index={i} count={photos.length} />
          ))}
        </ol>
      )}
    </section>
  );
}

const captionPatch = PhotoPatch.pick({ caption: true });

function PhotoCard({ photo, index, count }: { photo: MinutesPhoto; index: number; count: number }) {
  const t = useT();
  const errorText = useErrorText();
  const toast = useApp((s) => s.toast);
  const { readOnly, register } = useMinutesContext();
  const [confirming, setConfirming] = useState(false);
  const n = index + 1;
  const saved = useMemo(() => ({ caption: photo.caption }), [photo.caption]);
  const draftKey = `minutes-photo:${photo.id}`;
  const form = useAutosave<{ caption: string }>({
    draftKey,
    saved,
    schema: captionPatch,
    delayMs: 600,
    save: (patch) => call('minutes.updatePhoto', { id: photo.id, ...patch }),
  });
  const { flush } = form;
  useEffect(() => register(flush, draftKey), [register, flush, draftKey]);
  const refuse = (r: { ok: boolean; error?: Parameters<typeof errorText>[0] }) => {
    if (!r.ok && r.error) toast({ text: errorText(r.error) });
  };
  const earlier = useRef<HTMLButtonElement>(null);
  const later = useRef<HTMLButtonElement>(null);
  // Moved from the keyboard: the focus stays on the photo's move buttons at its new place (on the
  // other one when it reached an end), so it can be moved again at once.
  const refocus = useRef<'earlier' | 'later' | null>(null);
  useEffect(() => {
    const dir = refocus.current;
    if (!dir) return;
    refocus.current = null;
    const [first, second] = dir === 'earlier' ? [earlier, later] : [later, earlier];
    (first.current && !first.current.disabled ? first.current : second.current)?.focus();
  }, [index]);
  const moveTo = async (to: number, dir: 'earlier' | 'later') => {
    refocus.current = dir;
    refuse(await call('minutes.movePhoto', { id: photo.id, index: to }));
  };

  return (
    <li className="minutes-photo" data-testid="minutes-photo">
      <img src={photo.thumbnail} alt={photo.caption || t('minutes.photoAlt', { n })} />
      <p className="minutes-photo__name" title={photo.fileName}>
        {n}. {photo.fileName}
      </p>
      {readOnly ? (
        <p className="minutes-photo__caption">{photo.caption}</p>
      ) : (
        <>
          <TextInput
            name={`caption-${photo.id}`}
            label={t('minutes.caption', { n })}
            value={form.values?.caption ?? photo.caption}
            maxLength={MINUTES_LIMITS.caption}
            error={form.errors.caption}
            onChange={(v) => form.setField('caption', v)}
            onBlur={() => void flush()}
          />
          <SaveIndicator status={form.status} message={form.message} onDiscard={form.discard} />
        </>
      )}
      <label className="check">
        <input
          type="checkbox"
          checked={photo.included}
          disabled={readOnly}
          onChange={(e) => void call('minutes.updatePhoto', { id: photo.id, included: e.target.checked }).then(refuse)}
        />
        {t('minutes.included')}
      </label>
      {!readOnly && (
        <div className="minutes-photo__tools">
          <button
            type="button"
            className="btn btn--small"
            ref={earlier}
            aria-label={t('minutes.moveEarlierLabel', { n })}
            disabled={index === 0}
            onClick={() => void moveTo(index - 1, 'earlier')}
          >
            ← {t('minutes.moveEarlier')}
          </button>
          <button
            type="button"
            className="btn btn--small"
            ref={later}
            aria-label={t('minutes.moveLaterLabel', { n })}
            disabled={index === count - 1}
            onClick={() => void moveTo(index + 1, 'later')}
          >
            {t('minutes.moveLater')} →
          </button>
          <button
            type="button"
            className="btn btn--small btn--danger-text"
            aria-label={t('minutes.removePhotoLabel', { n })}
            onClick={() => setConfirming(true)}
          >
            {t('minutes.removePhoto')}
          </button>
        </div>
      )}
      {confirming && (
        <ConfirmDialog
          text={t('minutes.removePhotoConfirm', { name: photo.fileName })}
          confirmLabel={t('minutes.removePhoto')}
          onConfirm={() => {
            setConfirming(false);
            void call('minutes.removePhoto', { id: photo.id }).then(refuse);
          }}
          onCancel={() => setConfirming(false)}
        />
      )}
    </li>
  );
}
