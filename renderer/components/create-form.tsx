import { useState, type ReactNode } from 'react';
import { useT } from '../i18n';
import { ConfirmDialog } from './confirm-dialog';

interface Props {
  submitLabel: string;
  busy: boolean;
  /** A refusal that is not about one field (the store is unreachable, a conflict). */
  failure: string | null;
  onSubmit(): void;
  onCancel(): void;
  /** Something was typed: "Batal" asks before it throws the draft away. */
  dirty?: boolean;
  /** Throw the draft away (called before `onCancel` when the user cancels). */
  onDiscard?(): void;
  children: ReactNode;
}

/** The panel of a create form: its fields, a message when the store refused, Cancel and Create. */
export function CreateForm({ submitLabel, busy, failure, onSubmit, onCancel, dirty, onDiscard, children }: Props) {
  const t = useT();
  const [asking, setAsking] = useState(false);
  const leave = () => {
    setAsking(false);
    onDiscard?.();
    onCancel();
  };
  return (
    <form
      className="panel"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
    >
      {children}
      {failure && <p className="banner banner--error">{failure}</p>}
      <div className="actions">
        <button type="button" className="btn" onClick={() => (dirty ? setAsking(true) : leave())}>
          {t('app.cancel')}
        </button>
        <button type="submit" className="btn btn--primary" disabled={busy}>
          {submitLabel}
        </button>
      </div>
      {asking && (
        <ConfirmDialog
          text={t('engagements.discardDraft')}
          confirmLabel={t('engagements.discard')}
          onConfirm={leave}
          onCancel={() => setAsking(false)}
        />
      )}
    </form>
  );
}
