import { createContext, useContext } from 'react';
import { readDraft } from '../../lib/drafts';

/**
 * What the parts of the Notulen page share: the autosaving fields register their flush, so that
 * "Finalkan" first commits what was typed; and the newest revision this page knows (its own saves
 * answer the view, whose revision may be newer than the refetched one for a moment).
 */
export interface MinutesPageContext {
  workshopId: string;
  readOnly: boolean;
  /** An autosaving field: how to commit it, and where its unsaved draft waits (see useAutosave). */
  register(flush: () => Promise<void>, draftKey: string): () => void;
  noteRevision(revision: number): void;
}

export const MinutesContext = createContext<MinutesPageContext | null>(null);

export function useMinutesContext(): MinutesPageContext {
  const ctx = useContext(MinutesContext);
  if (!ctx) throw new Error('MinutesContext missing');
  return ctx;
}

/** The shared state behind the context: flushers and the highest revision seen. */
export function createMinutesSession() {
  const fields = new Set<{ flush: () => Promise<void>; draftKey: string }>();
  let revision = -1;
  return {
    register(flush: () => Promise<void>, draftKey: string) {
      const field = { flush, draftKey };
      fields.add(field);
      return () => void fields.delete(field);
    },
    noteRevision(r: number) {
      revision = Math.max(revision, r);
    },
    /** Commit every field's pending edits (sections, number, captions). */
    async flushAll() {
      await Promise.all([...fields].map((f) => f.flush()));
    },
    /** Whether a field still holds a draft the store does not have (invalid, or refused). */
    unsaved(): boolean {
      return [...fields].some((f) => {
        const d = readDraft<Record<string, unknown>>(f.draftKey);
        return d !== null && Object.keys(d).length > 0;
      });
    },
    /** The revision to name in a finalize: the view's, or a newer one this page's own save received. */
    revision(viewRevision: number) {
      return Math.max(revision, viewRevision);
    },
  };
}
export type MinutesSession = ReturnType<typeof createMinutesSession>;
