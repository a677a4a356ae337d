import { useEffect, useRef } from 'react';
import { useT } from '../i18n';

interface Props {
  text: string;
  confirmLabel: string;
  onConfirm(): void;
  onCancel(): void;
}

/** A modal question with a dangerous action; Escape cancels, focus starts on Cancel. */
export function ConfirmDialog({ text, confirmLabel, onConfirm, onCancel }: Props) {
  const t = useT();
  const cancelRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    cancelRef.current?.focus();
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && onCancel();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onCancel]);
  return (
    <div className="dialog-backdrop" role="presentation" onClick={onCancel}>
      <div
        className="dialog"
        role="alertdialog"
        aria-modal="true"
        aria-label={text}
        onClick={(e) => e.stopPropagation()}
      >
        <p>{text}</p>
        <div className="actions">
          <button ref={cancelRef} className="btn" onClick={onCancel}>
            {t('app.cancel')}
          </button>
          <button className="btn btn--danger" onClick={onConfirm}>
            {confirmLabel}
          </button>
        </div>
      </div>
    </div>
  );
}
