import {
  useEffect,
  useId,
  useRef,
  useState,
  type FormEvent,
  type KeyboardEvent as ReactKeyboardEvent,
  type ReactNode,
  type RefObject,
} from 'react';
import './dialog.css';

interface DialogProps {
  /** The dialog's accessible name, shown as its heading (or as its question, see `titleAs`). */
  title: string;
  /** `p` when the title is the whole question of a confirmation rather than a heading. */
  titleAs?: 'h2' | 'p';
  /** `alertdialog` for a question about a dangerous action. */
  role?: 'dialog' | 'alertdialog';
  /** Closes the dialog: Escape, the ✕ button, and a click beside it when `closeOnBackdrop`. */
  onClose?(): void;
  /** Escape closes the dialog (default). Off where leaving must be deliberate. */
  closeOnEscape?: boolean;
  /** A click beside the dialog closes it. Off for forms: a stray click must not lose typing. */
  closeOnBackdrop?: boolean;
  /** With a label, the header shows a ✕ button that closes the dialog. */
  closeLabel?: string;
  /** Where the focus starts; otherwise an autoFocus element, else the first field, else the box. */
  initialFocus?: RefObject<HTMLElement | null>;
  /** Makes the dialog itself the form, so Enter in a field submits it. */
  onSubmit?(e: FormEvent<HTMLFormElement>): void;
  /** `sections`: a header, a body that scrolls, and a footer with the buttons (long forms). */
  layout?: 'plain' | 'sections';
  wide?: boolean;
  className?: string;
  /** Buttons at the bottom, right-aligned (sections layout). */
  footer?: ReactNode;
  children?: ReactNode;
}

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

// Open dialogs, innermost last: only the innermost one answers Escape and holds the focus.
const open: HTMLElement[] = [];

function focusables(box: HTMLElement): HTMLElement[] {
  return [...box.querySelectorAll<HTMLElement>(FOCUSABLE)];
}

/**
 * The one modal dialog of the app: focus moves in and stays in (Tab wraps), Escape closes it
 * when allowed, it is labelled by its title, and the focus returns to where it was on close.
 */
export function Dialog({
  title,
  titleAs = 'h2',
  role = 'dialog',
  onClose,
  closeOnEscape = true,
  closeOnBackdrop = false,
  closeLabel,
  initialFocus,
  onSubmit,
  layout = 'plain',
  wide,
  className,
  footer,
  children,
}: DialogProps) {
  const titleId = useId();
  const boxRef = useRef<HTMLElement | null>(null);
  const closeRef = useRef(onClose);
  closeRef.current = onClose;
  const escapeRef = useRef(closeOnEscape);
  escapeRef.current = closeOnEscape;
  // Taken while rendering, before an autoFocus field inside the dialog takes the focus.
  const [before] = useState(() => document.activeElement as HTMLElement | null);

  useEffect(() => {
    const box = boxRef.current;
    if (!box) return;
    open.push(box);
    const target = initialFocus?.current;
    if (target) target.focus();
    else if (!box.contains(document.activeElement)) {
      const first = box.querySelector<HTMLElement>('input, select, textarea, button:not(.dialog__close)');
      (first ?? box).focus();
    }
    const innermost = () => open[open.length - 1] === box;
    // On the document, not the box: Escape still works after the focused element disappeared.
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && innermost() && escapeRef.current && closeRef.current) {
        e.preventDefault();
        closeRef.current();
      }
    };
    // Anything that takes the focus out of the dialog (a click on the page behind it, a script)
    // gives it back.
    const onFocusIn = (e: FocusEvent) => {
      if (innermost() && e.target instanceof Node && !box.contains(e.target)) box.focus();
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('focusin', onFocusIn);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('focusin', onFocusIn);
      open.splice(open.indexOf(box), 1);
      if (before?.isConnected) before.focus();
    };
  }, [before, initialFocus]);

  const trapTab = (e: ReactKeyboardEvent) => {
    if (e.key !== 'Tab' || !boxRef.current) return;
    const items = focusables(boxRef.current);
    if (items.length === 0) {
      e.preventDefault();
      return;
    }
    const first = items[0];
    const last = items[items.length - 1];
    const active = document.activeElement;
    if (e.shiftKey && (active === first || active === boxRef.current)) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && active === last) {
      e.preventDefault();
      first.focus();
    }
  };

  const Title = titleAs;
  const heading = <Title id={titleId}>{title}</Title>;
  const content =
    layout === 'sections' ? (
      <>
        <header className="dialog__header">
          {heading}
          {closeLabel && onClose && (
            <button
              type="button"
              className="btn btn--ghost btn--small dialog__close"
              aria-label={closeLabel}
              onClick={onClose}
            >
              ✕
            </button>
          )}
        </header>
        <div className="dialog__body">{children}</div>
        {footer && <footer className="actions dialog__footer">{footer}</footer>}
      </>
    ) : (
      <>
        {heading}
        {children}
      </>
    );
  const boxProps = {
    className: ['dialog', layout === 'sections' && 'dialog--sections', wide && 'dialog--wide', className]
      .filter(Boolean)
      .join(' '),
    role,
    'aria-modal': true,
    'aria-labelledby': titleId,
    tabIndex: -1,
    onKeyDown: trapTab,
  };

  return (
    <div
      className="dialog-backdrop"
      role="presentation"
      // Keep the focus in the dialog when the backdrop is pressed.
      onMouseDown={(e) => e.target === e.currentTarget && e.preventDefault()}
      onClick={(e) => {
        if (closeOnBackdrop && e.target === e.currentTarget) closeRef.current?.();
      }}
    >
      {onSubmit ? (
        <form
          ref={(el) => {
            boxRef.current = el;
          }}
          {...boxProps}
          onSubmit={onSubmit}
        >
          {content}
        </form>
      ) : (
        <div
          ref={(el) => {
            boxRef.current = el;
          }}
          {...boxProps}
        >
          {content}
        </div>
      )}
    </div>
  );
}
