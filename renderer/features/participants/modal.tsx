import type { ReactNode } from 'react';
import { Dialog } from '../../components/dialog';
import { useT } from '../../i18n';

interface ModalProps {
  title: string;
  onClose(): void;
  children: ReactNode;
  /** Buttons at the bottom, right-aligned. */
  footer?: ReactNode;
  wide?: boolean;
}

/**
 * A modal form. Escape closes it; a click on the backdrop does not (a stray click must not throw
 * away what was typed). Focus moves into the dialog and back to where it was when it closes.
 */
export function Modal({ title, onClose, children, footer, wide }: ModalProps) {
  const t = useT();
  return (
    <Dialog title={title} onClose={onClose} closeLabel={t('app.close')} layout="sections" wide={wide} footer={footer}>
      {children}
    </Dialog>
  );
}
