import { createContext, useContext } from 'react';

/**
 * What the parts of the Notulen page share: the autosaving fields register their flush, so that
 * "Finalkan" first commits what was typed; and the newest revision this page knows (its own saves
 * answer the view, whose revision may be newer than the refetched one for a moment).
 */
export interface MinutesPageContext {
  workshopId: string;
  readOnly: boolean;
  register(flush: () => Promise<void>): () => void;
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
  const flushers = new Set<() => Promise<void>>();
  let revision = -1;
  return {
    register(flush: () => Promise<void>) {
      flushers.add(flush);
      return () => void flushers.delete(flush);
    },
    noteRevision(r: number) {
      revision = Math.max(revision, r);
    },
    /** Commit every field's pending edits (sections, number, captions). */
    async flushAll() {
      await Promise.all([...flushers].map((f) => f()));
    },
    /** The revision to name in a finalize: the view's, or a newer one this page's own save received. */
    revision(viewRevision: number) {
      return Math.max(revision, viewRevision);
    },
  };
}
export type MinutesSession = ReturnType<typeof createMinutesSession>;
