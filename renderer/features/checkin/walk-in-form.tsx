import { useId, useMemo, useState, type FormEvent } from 'react';
import type { Participant } from '../../../shared/attendance';
import type { AppErrorShape } from '../../../shared/errors';
import { normalizeAgency, parseAgencyList } from '../../../shared/names';
import { Field } from '../../components/fields';
import { useT } from '../../i18n';
import { call } from '../../lib/api';
import { clearDraft, readDraft, writeDraft } from '../../lib/drafts';
import { ErrorNote, fieldErrors } from './common';
import { sameName } from './search';
import type { DayData } from './use-day-data';
import './walk-in-form.css';

interface Props {
  data: DayData;
  initialName: string;
  title: string;
  submitLabel: string;
  onCreated(p: Participant): void;
  onCancel(): void;
  /** Open someone who is already in the register instead of adding them twice. */
  onOpen(p: Participant): void;
  /** Where the half-typed form waits on this device (a reload brings it back); none: not kept. */
  draftKey?: string;
}

/** The draft of the door's own walk-in form for a day (not a representative's). */
export const walkInDraftKey = (dayId: string) => `walkin:${dayId}`;

/**
 * A walk-in added at the door in a few seconds: name (prefilled with what was typed), agency
 * with suggestions from the engagement's OPD list and the register, position, optional NIP.
 * The door stays open behind it; on a server error every typed value stays.
 */
export function WalkInForm({ data, initialName, title, submitLabel, onCreated, onCancel, onOpen, draftKey }: Props) {
  const t = useT();
  const listId = useId();
  const [values, setValues] = useState(() => {
    const blank = { name: initialName, agency: '', position: '', nip: '' };
    const draft = draftKey ? readDraft<typeof blank>(draftKey) : null;
    return draft && !initialName ? { ...blank, ...draft } : blank;
  });
  const [error, setError] = useState<AppErrorShape | null>(null);
  const [busy, setBusy] = useState(false);
  const errors = fieldErrors(error);

  const agencies = useMemo(() => {
    const seen = new Map<string, string>();
    for (const a of [
      ...parseAgencyList(data.engagement.agencies).map((e) => e.name),
      ...data.people.map((p) => p.agency),
    ]) {
      const k = normalizeAgency(a);
      if (k && !seen.has(k)) seen.set(k, a.trim());
    }
    return [...seen.values()].sort((a, b) => a.localeCompare(b, 'id'));
  }, [data.engagement.agencies, data.people]);

  const twins = sameName(data.index, values.name);
  const duplicateOf =
    typeof error?.details?.duplicateOf === 'string' ? data.byId.get(error.details.duplicateOf) : undefined;

  const set = (k: keyof typeof values) => (v: string) =>
    setValues((s) => {
      const next = { ...s, [k]: v };
      if (draftKey) writeDraft(draftKey, next);
      return next;
    });
  const leave = () => {
    if (draftKey) clearDraft(draftKey);
    onCancel();
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    const r = await call('participants.create', {
      engagementId: data.engagementId,
      name: values.name,
      agency: values.agency,
      position: values.position,
      nip: values.nip,
    });
    setBusy(false);
    if (!r.ok) return setError(r.error);
    if (draftKey) clearDraft(draftKey);
    data.reload();
    onCreated(r.value);
  };

  const input = (k: keyof typeof values, extra: { autoFocus?: boolean; list?: string; inputMode?: 'numeric' } = {}) =>
    function render(id: string, describedBy: string | undefined) {
      return (
        <input
          id={id}
          name={k}
          value={values[k]}
          autoComplete="off"
          aria-invalid={!!errors[k]}
          aria-describedby={describedBy}
          onChange={(ev) => set(k)(ev.target.value)}
          {...extra}
        />
      );
    };

  return (
    <form
      className="panel ci-walkin"
      aria-label={title}
      onSubmit={(e) => void submit(e)}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          leave();
        }
      }}
    >
      <h2>{title}</h2>
      <p className="muted">{t('checkin.walkInHint')}</p>
      <div className="form-grid">
        <div className="form-grid__wide">
          <Field label={t('checkin.name')} required error={errors.name}>
            {input('name', { autoFocus: !initialName })}
          </Field>
          {twins.length > 0 && (
            <div className="ci-twins" role="status">
              {t('checkin.alreadyListed')}{' '}
              {twins.map((p) => (
                <button key={p.id} type="button" className="btn btn--small" onClick={() => onOpen(p)}>
                  {t('checkin.openExisting', { name: `${p.name}${p.agency ? ` (${p.agency})` : ''}` })}
                </button>
              ))}
            </div>
          )}
        </div>
        <Field label={t('checkin.agency')} error={errors.agency}>
          {input('agency', { autoFocus: !!initialName, list: `${listId}-agencies` })}
        </Field>
        <datalist id={`${listId}-agencies`}>
          {agencies.map((a) => (
            <option key={a} value={a} />
          ))}
        </datalist>
        <Field label={t('checkin.position')} error={errors.position}>
          {input('position')}
        </Field>
        <Field label={t('checkin.nip')} hint={t('checkin.nipHint')} error={errors.nip}>
          {input('nip', { inputMode: 'numeric' })}
        </Field>
      </div>
      {duplicateOf && (
        <p>
          <button type="button" className="btn" onClick={() => onOpen(duplicateOf)}>
            {t('checkin.openExisting', { name: duplicateOf.name })}
          </button>
        </p>
      )}
      <ErrorNote error={error} />
      <div className="actions">
        <button type="button" className="btn" onClick={leave}>
          {t('checkin.cancel')}
        </button>
        <button type="submit" className="btn btn--primary" disabled={busy}>
          {busy ? t('checkin.busy') : submitLabel}
        </button>
      </div>
    </form>
  );
}
