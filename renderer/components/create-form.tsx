import type { ReactNode } from 'react';
import { useT } from '../i18n';

interface Props {
  submitLabel: string;
  busy: boolean;
  /** A refusal that is not about one field (the store is unreachable, a conflict). */
  failure: string | null;
  onSubmit(): void;
  onCancel(): void;
  children: ReactNode;
}

/** The panel of a create form: its fields, a message when the store refused, Cancel and Create. */
export function CreateForm({ submitLabel, busy, failure, onSubmit, onCancel, children }: Props) {
  const t = useT();
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
        <button type="button" className="btn" onClick={onCancel}>
          {t('app.cancel')}
        </button>
        <button type="submit" className="btn btn--primary" disabled={busy}>
          {submitLabel}
        </button>
      </div>
    </form>
  );
}
