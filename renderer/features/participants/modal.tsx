import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
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
  const titleId = useId();
  const ref = useRef<HTMLDivElement>(null);
  const closeRef = useRef(onClose);
  closeRef.current = onClose;
  // Taken while rendering, before an autoFocus field inside the dialog takes the focus.
  const [before] = useState(() => document.activeElement as HTMLElement | null);

  useEffect(() => {
    const node = ref.current;
    if (node && !node.contains(document.activeElement)) {
      const first = node.querySelector<HTMLElement>('input, select, textarea, button:not(.p-modal__x)');
      (first ?? node).focus();
    }
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        e.stopPropagation();
        closeRef.current();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('keydown', onKey);
      if (before?.isConnected) before.focus();
    };
  }, [before]);

  return (
    <div className="dialog-backdrop" role="presentation">
      <div
        ref={ref}
        className={`dialog p-modal${wide ? ' p-modal--wide' : ''}`}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        tabIndex={-1}
      >
        <header className="p-modal__header">
          <h2 id={titleId}>{title}</h2>
          <button
            type="button"
            className="btn btn--ghost btn--small p-modal__x"
            aria-label={t('app.close')}
            onClick={onClose}
          >
            ✕
          </button>
        </header>
        <div className="p-modal__body">{children}</div>
        {footer && <footer className="actions p-modal__footer">{footer}</footer>}
      </div>
    </div>
  );
}
