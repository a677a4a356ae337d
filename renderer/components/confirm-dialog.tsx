import { useRef } from 'react';
import { useT } from '../i18n';
import { Dialog } from './dialog';

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
  return (
    <Dialog role="alertdialog" title={text} titleAs="p" onClose={onCancel} closeOnBackdrop initialFocus={cancelRef}>
      <div className="actions">
        <button ref={cancelRef} className="btn" onClick={onCancel}>
          {t('app.cancel')}
        </button>
        <button className="btn btn--danger" onClick={onConfirm}>
          {confirmLabel}
        </button>
      </div>
    </Dialog>
  );
}
