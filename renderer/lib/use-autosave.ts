import { useCallback, useEffect, useRef, useState } from 'react';
import type { z } from 'zod';
import type { AppErrorShape, Result } from '../../shared/errors';
import { issuesByField, toFieldIssues } from '../../shared/validation';
import { errorText, useLanguage } from '../i18n';
import { readDraft, writeDraft } from './drafts';

export type SaveStatus = 'idle' | 'pending' | 'saving' | 'saved' | 'invalid' | 'error';

/** After an IO failure (disk full, folder read-only or gone, host unreachable) the draft is resent this often. */
export const RESEND_AFTER_MS = 5000;

export interface AutosaveOptions<V extends object> {
  /** Where unsaved edits wait on this device, e.g. `workshop:<id>`. */
  draftKey: string;
  /** The values the store has. */
  saved: V | undefined;
  /**
   * The partial-edit schema of the contract (validates a patch before it is sent); typed so that
   * every patch of the form is a patch the schema takes.
   */
  schema: z.ZodType<unknown, Partial<V>>;
  save(patch: Partial<V>): Promise<Result<unknown>>;
  delayMs?: number;
}

/**
 * Autosave for an edit form: each change is kept as a draft on the device at once, validated with
 * the shared schema, and committed after a short pause, on blur, and when the window closes.
 * Invalid values stay as drafts with their message; nothing typed is dropped.
 */
export function useAutosave<V extends object>(opts: AutosaveOptions<V>) {
  const { draftKey, saved, schema, delayMs = 400 } = opts;
  const [pending, setPending] = useState<Partial<V>>(() => readDraft<Partial<V>>(draftKey) ?? {});
  // Values the store accepted but the form has not received back yet: shown until the next
  // record arrives, so a key pressed in between never lands on the old text.
  const [sent, setSent] = useState<Partial<V>>({});
  const [lastSaved, setLastSaved] = useState(saved);
  if (saved !== lastSaved) {
    setLastSaved(saved);
    setSent({});
  }
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [status, setStatus] = useState<SaveStatus>('idle');
  /** The server's refusal of an edit for another reason than validation; shown in the UI language. */
  const [refusal, setRefusal] = useState<AppErrorShape | null>(null);
  const lang = useLanguage((s) => s.language);
  const pendingRef = useRef(pending);
  const saveRef = useRef(opts.save);
  saveRef.current = opts.save;
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const inFlight = useRef<Promise<void> | null>(null);

  const validate = useCallback(
    (patch: Partial<V>): Record<string, string> => {
      const r = schema.safeParse(patch);
      return r.success ? {} : issuesByField(toFieldIssues(r.error));
    },
    [schema],
  );

  const flushRef = useRef<() => Promise<void>>(async () => {});
  const flush = useCallback(async (): Promise<void> => {
    if (timer.current) {
      clearTimeout(timer.current);
      timer.current = null;
    }
    if (inFlight.current) await inFlight.current;
    const patch = pendingRef.current;
    const fields = Object.keys(patch);
    if (fields.length === 0) return;
    const fieldErrors = validate(patch);
    // Send only the fields that are valid; the others wait as drafts with their message.
    const invalidTop = new Set(Object.keys(fieldErrors).map((p) => p.split('.')[0]));
    const sendable = Object.fromEntries(Object.entries(patch).filter(([k]) => !invalidTop.has(k))) as Partial<V>;
    setErrors(fieldErrors);
    if (Object.keys(sendable).length === 0) {
      setStatus('invalid');
      return;
    }
    setRefusal(null);
    setStatus('saving');
    const run = (async () => {
      const r = await saveRef.current(sendable);
      if (r.ok) {
        setSent((prev) => ({ ...prev, ...sendable }));
        const next: Record<string, unknown> = { ...pendingRef.current };
        for (const [k, v] of Object.entries(sendable)) {
          if (JSON.stringify(next[k]) === JSON.stringify(v)) delete next[k];
        }
        pendingRef.current = next as Partial<V>;
        setPending(next as Partial<V>);
        writeDraft(draftKey, next);
        setStatus(invalidTop.size > 0 ? 'invalid' : 'saved');
      } else if (r.error.code === 'VALIDATION') {
        // The boundary reports fields of the operation's input ({ id, patch }); the form's fields
        // are those of the patch.
        const issues = (r.error.details?.issues ?? []).map((i) => ({
          ...i,
          path: i.path[0] === 'patch' ? i.path.slice(1) : i.path,
        }));
        setErrors((e) => ({ ...e, ...issuesByField(issues) }));
        setStatus('invalid');
      } else {
        // IO: the store cannot write now (disk full, folder read-only or gone, host stopped): the
        // message says so, the draft stays on screen and is sent again by itself until it lands.
        // CONFLICT/NOT_FOUND: the store refuses; the message says why, the draft is kept until
        // the user changes it or discards it.
        setRefusal(r.error);
        setStatus('error');
        if (r.error.code === 'IO' && !timer.current) {
          timer.current = setTimeout(() => {
            timer.current = null;
            void flushRef.current();
          }, RESEND_AFTER_MS);
        }
      }
    })();
    inFlight.current = run;
    await run;
    inFlight.current = null;
  }, [draftKey, validate]);
  flushRef.current = flush;

  const setField = useCallback(
    <K extends keyof V>(field: K, value: V[K]) => {
      const next = { ...pendingRef.current, [field]: value };
      pendingRef.current = next;
      setPending(next);
      writeDraft(draftKey, next);
      setStatus('pending');
      const single: Partial<V> = {};
      single[field] = value;
      const fieldErrors = validate(single);
      setErrors((e) => {
        const kept = Object.fromEntries(Object.entries(e).filter(([p]) => p.split('.')[0] !== field));
        return { ...kept, ...fieldErrors };
      });
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), delayMs);
    },
    [delayMs, draftKey, flush, validate],
  );

  // Drafts left from a closed window are committed as soon as the form opens again.
  useEffect(() => {
    if (Object.keys(pendingRef.current).length > 0) void flush();
  }, [flush]);

  useEffect(() => {
    const onHide = () => void flush();
    const onVisibility = () => document.visibilityState === 'hidden' && onHide();
    window.addEventListener('pagehide', onHide);
    window.addEventListener('beforeunload', onHide);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('pagehide', onHide);
      window.removeEventListener('beforeunload', onHide);
      document.removeEventListener('visibilitychange', onVisibility);
      void flush();
    };
  }, [flush]);

  /** Drop every edit not yet stored and show what the store has. */
  const discard = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    pendingRef.current = {};
    setPending({});
    writeDraft(draftKey, null);
    setErrors({});
    setRefusal(null);
    setStatus('idle');
  }, [draftKey]);

  const values = saved ? ({ ...saved, ...sent, ...pending } as V) : undefined;
  const message = refusal ? errorText(lang, refusal) : null;
  return { values, errors, status, message, setField, flush, discard, hasPending: Object.keys(pending).length > 0 };
}
