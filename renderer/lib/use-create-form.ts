import { useState } from 'react';
import type { z } from 'zod';
import type { Result } from '../../shared/errors';
import { issuesByField, toFieldIssues } from '../../shared/validation';
import { clearDraft, readDraft, writeDraft } from './drafts';

export interface CreateFormOptions<V extends object, R> {
  /** Where the unfinished form waits on this device. */
  draftKey: string;
  initial(): V;
  /** The contract's input schema: checked here first, and again at the boundary. */
  schema: z.ZodType;
  /** Extra fields the schema needs that the form does not show (e.g. the engagement id). */
  extra?: Record<string, unknown>;
  create(input: V): Promise<Result<R>>;
  onCreated(value: R): void;
  /** Adjust the next values when a field changes (e.g. retitle on a new stage). */
  adjust?(next: V, previous: V, field: keyof V): V;
}

/**
 * A create form: every change is kept as a draft on the device at once (a closed window loses
 * nothing), validated with the shared schema on submit, and created in one call; the draft goes
 * when the record exists. Field messages come from the UI check or from the boundary.
 */
export function useCreateForm<V extends object, R>(opts: CreateFormOptions<V, R>) {
  // What the form starts from without a draft: anything else is something typed.
  const [blank] = useState<V>(() => opts.initial());
  const [values, setValues] = useState<V>(() => ({ ...blank, ...readDraft<Partial<V>>(opts.draftKey) }));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const set = <K extends keyof V>(field: K, value: V[K]) => {
    let next: V = { ...values, [field]: value };
    if (opts.adjust) next = opts.adjust(next, values, field);
    setValues(next);
    writeDraft(opts.draftKey, next);
    setErrors((e) => Object.fromEntries(Object.entries(e).filter(([k]) => k.split('.')[0] !== field)));
  };

  const submit = async () => {
    const parsed = opts.schema.safeParse({ ...values, ...opts.extra });
    if (!parsed.success) {
      setErrors(issuesByField(toFieldIssues(parsed.error)));
      return;
    }
    setBusy(true);
    setFailure(null);
    const r = await opts.create(values);
    setBusy(false);
    if (r.ok) {
      clearDraft(opts.draftKey);
      opts.onCreated(r.value);
    } else if (r.error.code === 'VALIDATION') setErrors(issuesByField(r.error.details?.issues ?? []));
    else setFailure(r.error.message);
  };

  /** Whether anything was typed (the form differs from how it starts). */
  const dirty = JSON.stringify(values) !== JSON.stringify(blank);
  /** "Batal": the draft goes with the form (the caller asks first when `dirty`). */
  const discard = () => clearDraft(opts.draftKey);

  return { values, errors, busy, failure, set, submit, dirty, discard };
}
