import { useEffect, useRef, useState } from 'react';
import { ACTION_LIMITS, DECISION_MAX, type Decision } from '../../../shared/followups';
import type { AppErrorShape } from '../../../shared/errors';
import { useApp } from '../../app/store';
import { Dialog } from '../../components/dialog';
import { useErrorText, useT } from '../../i18n';
import { call } from '../../lib/api';
import { useQuery } from '../../lib/use-query';
import './actions.css';

interface Props {
  engagementId: string;
  workshopId: string;
  dayId: string;
  /** The step running now: a decision captured is linked to it. */
  stepId: string | null;
  /** Steps by id, to say which step a decision was taken in. */
  stepTitle(id: string): string | undefined;
  /** Put the decisions on the projector (mode 'decisions'). */
  onShow(): void;
}

/**
 * Decisions in the run console: "K" opens a one-line field, Enter saves it with the current step.
 * The workshop's decisions are listed with edit, delete (asking what becomes of the action items a
 * decision produced) and "Jadikan tindak lanjut".
 */
export function DecisionCapture({ engagementId, workshopId, dayId, stepId, stepTitle, onShow }: Props) {
  const t = useT();
  const errorText = useErrorText();
  const toast = useApp((s) => s.toast);
  const navigate = useApp((s) => s.navigate);
  const decisions = useQuery('decisions.list', { workshopId });
  const [capturing, setCapturing] = useState(false);
  const [text, setText] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const [editing, setEditing] = useState<{ id: string; text: string } | null>(null);
  const [asking, setAsking] = useState<{ decision: Decision; error: AppErrorShape } | null>(null);
  const field = useRef<HTMLInputElement>(null);

  // "K" anywhere in the console (not while typing, nor with a dialog open) opens the field.
  useEffect(() => {
    const onKey = (ev: KeyboardEvent) => {
      const target = ev.target as HTMLElement | null;
      if (target && /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)) return;
      if (target?.isContentEditable || ev.ctrlKey || ev.metaKey || ev.altKey) return;
      if (document.querySelector('[role="dialog"], [role="alertdialog"]')) return;
      if (ev.key === 'k' || ev.key === 'K') {
        ev.preventDefault();
        setCapturing(true);
        setTimeout(() => field.current?.focus());
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const save = async () => {
    if (text.trim() === '') return;
    const r = await call('decisions.create', { dayId, stepId, text });
    if (!r.ok) {
      // The text stays in the field with the reason.
      setFailure(errorText(r.error));
      return;
    }
    setText('');
    setFailure(null);
    setCapturing(false);
    toast({ text: t('decisions.saved') });
  };

  const saveEdit = async () => {
    if (!editing) return;
    const r = await call('decisions.update', { id: editing.id, text: editing.text });
    if (r.ok) setEditing(null);
    else toast({ text: errorText(r.error) });
  };

  const remove = async (d: Decision, actions: 'ask' | 'keep' | 'delete') => {
    const r = await call('decisions.delete', { id: d.id, actions });
    if (!r.ok) {
      if (r.error.code === 'CONFLICT') setAsking({ decision: d, error: r.error });
      else toast({ text: errorText(r.error) });
      return;
    }
    setAsking(null);
    toast({
      text: t('decisions.deleted'),
      action: { label: t('app.undo'), run: () => void call('decisions.restore', { id: d.id }) },
    });
  };

  const toAction = async (d: Decision) => {
    const r = await call('actions.create', {
      engagementId,
      workshopId,
      stepId: d.stepId,
      decisionId: d.id,
      title: d.text.slice(0, ACTION_LIMITS.title),
    });
    if (!r.ok) return toast({ text: errorText(r.error) });
    toast({
      text: t('decisions.actionCreated'),
      action: { label: t('actions.review.open'), run: () => navigate({ name: 'tindak-lanjut', engagementId }) },
    });
  };

  const list = decisions.data ?? [];
  return (
    <section className="panel decisions-panel" aria-labelledby="decisions-heading">
      <div className="decisions-panel__head">
        <h2 className="panel__title" id="decisions-heading">
          {t('decisions.title')}
        </h2>
        <button type="button" className="btn btn--small" onClick={onShow}>
          {t('decisions.show')}
        </button>
      </div>
      {capturing ? (
        <form
          className="decision-capture"
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <label className="visually-hidden" htmlFor="decision-new">
            {t('decisions.fieldLabel')}
          </label>
          <input
            id="decision-new"
            ref={field}
            name="decision"
            value={text}
            maxLength={DECISION_MAX}
            placeholder={t('decisions.placeholder')}
            aria-invalid={failure !== null}
            onChange={(e) => setText(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Escape') {
                e.preventDefault();
                setCapturing(false);
              }
            }}
          />
          {failure && (
            <p className="field__error" role="alert">
              {failure}
            </p>
          )}
        </form>
      ) : (
        <button
          type="button"
          className="btn btn--small"
          onClick={() => {
            setCapturing(true);
            setTimeout(() => field.current?.focus());
          }}
        >
          + {t('decisions.capture')}
        </button>
      )}
      {list.length === 0 ? (
        <p className="muted">{t('decisions.empty')}</p>
      ) : (
        <ol className="decision-list" aria-label={t('decisions.title')}>
          {list.map((d) => (
            <li key={d.id}>
              {editing?.id === d.id ? (
                <form
                  onSubmit={(e) => {
                    e.preventDefault();
                    void saveEdit();
                  }}
                >
                  <input
                    aria-label={t('decisions.edit')}
                    value={editing.text}
                    maxLength={DECISION_MAX}
                    autoFocus
                    onChange={(e) => setEditing({ id: d.id, text: e.target.value })}
                    onKeyDown={(e) => e.key === 'Escape' && setEditing(null)}
                  />
                  <button type="submit" className="btn btn--small">
                    {t('decisions.save')}
                  </button>
                </form>
              ) : (
                <>
                  <span className="decision-list__text">{d.text}</span>
                  {d.stepId && stepTitle(d.stepId) && (
                    <span className="muted decision-list__step">
                      {t('decisions.step', { step: stepTitle(d.stepId)! })}
                    </span>
                  )}
                  <span className="decision-list__actions">
                    <button type="button" className="btn btn--small" onClick={() => void toAction(d)}>
                      {t('decisions.toAction')}
                    </button>
                    <button
                      type="button"
                      className="btn btn--small"
                      onClick={() => setEditing({ id: d.id, text: d.text })}
                    >
                      {t('decisions.edit')}
                    </button>
                    <button
                      type="button"
                      className="btn btn--small btn--danger-text"
                      onClick={() => void remove(d, 'ask')}
                    >
                      {t('decisions.delete')}
                    </button>
                  </span>
                </>
              )}
            </li>
          ))}
        </ol>
      )}
      {asking && (
        <Dialog
          role="alertdialog"
          title={errorText(asking.error)}
          titleAs="p"
          onClose={() => setAsking(null)}
          closeOnBackdrop
        >
          <div className="actions">
            <button type="button" className="btn" onClick={() => setAsking(null)}>
              {t('app.cancel')}
            </button>
            <button type="button" className="btn" onClick={() => void remove(asking.decision, 'keep')}>
              {t('decisions.keepActions')}
            </button>
            <button type="button" className="btn btn--danger" onClick={() => void remove(asking.decision, 'delete')}>
              {t('decisions.deleteActions')}
            </button>
          </div>
        </Dialog>
      )}
    </section>
  );
}
