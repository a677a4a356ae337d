import { useCallback, useEffect, useRef, useState } from 'react';
import type { CellValue, OutputValues } from '../../../shared/forms';
import type { CellWrite, Output } from '../../../shared/groups';
import type { AppErrorShape, Result } from '../../../shared/errors';
import { readDraft, writeDraft } from '../../lib/drafts';
import type { SaveStatus } from '../../lib/use-autosave';

/** Cell edits wait this long after the last keystroke in that cell before they are sent. */
export const CELL_DELAY_MS = 400;
/** After an IO failure the unsent cells are sent again this often. */
export const CELL_RESEND_MS = 5000;

interface Draft {
  values: Record<string, CellValue>;
  /** The version of each cell the edit started from (null: the cell had never been written). */
  base: Record<string, number | null>;
}

export interface CellSaverOptions {
  /** Where the unsent cells wait on this device, e.g. `output:<group>:<step>`. */
  draftKey: string;
  /** The output as the store last answered (patched in place by change events). */
  output: Output | undefined;
  send(path: string, value: CellValue, baseVersion: number | null): Promise<Result<CellWrite>>;
  delayMs?: number;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Autosave of an output, cell by cell: each change is kept on this device at once (a reload or a
 * closed window keeps it), and sent for its cell alone after a short pause, on `flush` (blur, tab
 * switch, window close), with the version of the cell the edit started from, so the store can tell
 * when the write replaced someone else's. A refused cell stays as typed with its draft.
 */
export function useCellSaver({ draftKey, output, send, delayMs = CELL_DELAY_MS }: CellSaverOptions) {
  const draft = useRef<Draft>(readDraft<Draft>(draftKey) ?? { values: {}, base: {} });
  const [pending, setPending] = useState<Record<string, CellValue>>(() => ({ ...draft.current.values }));
  // Cells the store took whose change event has not reached the view yet.
  const [sent, setSent] = useState<Record<string, { value: CellValue; version: number }>>({});
  const [status, setStatus] = useState<SaveStatus>('idle');
  const [refusal, setRefusal] = useState<AppErrorShape | null>(null);
  /** Paths whose last write replaced a value another device had saved meanwhile. */
  const [overwrote, setOverwrote] = useState<string[]>([]);
  const timers = useRef(new Map<string, ReturnType<typeof setTimeout>>());
  const inFlight = useRef(new Map<string, Promise<void>>());
  const outputRef = useRef(output);
  outputRef.current = output;
  const sendRef = useRef(send);
  sendRef.current = send;
  const resend = useRef<ReturnType<typeof setTimeout> | null>(null);
  /** The version of each cell this window last wrote. */
  const written = useRef(new Map<string, number>());
  const sendCellRef = useRef<(path: string) => Promise<void>>(async () => {});

  const store = useCallback(() => {
    writeDraft(draftKey, Object.keys(draft.current.values).length === 0 ? null : draft.current);
    setPending({ ...draft.current.values });
  }, [draftKey]);

  const sendCell = useCallback(
    async (path: string): Promise<void> => {
      const timer = timers.current.get(path);
      if (timer) {
        clearTimeout(timer);
        timers.current.delete(path);
      }
      const running = inFlight.current.get(path);
      if (running) await running;
      if (!(path in draft.current.values)) return;
      const value = draft.current.values[path];
      const base = draft.current.base[path] ?? null;
      setStatus('saving');
      const run = (async () => {
        const r = await sendRef.current(path, value, base);
        if (r.ok) {
          const w = r.value;
          written.current.set(path, w.meta.version);
          setSent((s) => ({ ...s, [path]: { value: w.value, version: w.meta.version } }));
          if (same(draft.current.values[path], value)) {
            delete draft.current.values[path];
            delete draft.current.base[path];
          } else {
            // Typed on while this write travelled: the next write starts from this one.
            draft.current.base[path] = w.meta.version;
          }
          setOverwrote((o) => (w.overwrote ? [...o.filter((p) => p !== path), path] : o.filter((p) => p !== path)));
          store();
          setRefusal(null);
          setStatus(Object.keys(draft.current.values).length === 0 ? 'saved' : 'pending');
        } else {
          setRefusal(r.error.code === 'VALIDATION' ? null : r.error);
          setStatus(r.error.code === 'VALIDATION' ? 'invalid' : 'error');
          if (r.error.code === 'IO' && !resend.current) {
            resend.current = setTimeout(() => {
              resend.current = null;
              for (const p of Object.keys(draft.current.values)) void sendCellRef.current(p);
            }, CELL_RESEND_MS);
          }
        }
      })();
      inFlight.current.set(path, run);
      await run;
      if (inFlight.current.get(path) === run) inFlight.current.delete(path);
    },
    [store],
  );
  sendCellRef.current = sendCell;

  const change = useCallback(
    (path: string, value: CellValue) => {
      if (!(path in draft.current.base)) {
        // The newest version this window has seen: the view's, or its own last write if the
        // change event has not arrived yet.
        const seen = Math.max(outputRef.current?.meta[path]?.version ?? -1, written.current.get(path) ?? -1);
        draft.current.base[path] = seen < 0 ? null : seen;
      }
      draft.current.values[path] = value;
      store();
      setStatus('pending');
      const old = timers.current.get(path);
      if (old) clearTimeout(old);
      timers.current.set(
        path,
        setTimeout(() => void sendCell(path), delayMs),
      );
    },
    [delayMs, sendCell, store],
  );

  /** Send every waiting cell now, and wait until the store has answered them all. */
  const flush = useCallback(async () => {
    await Promise.all([...Object.keys(draft.current.values), ...inFlight.current.keys()].map((p) => sendCell(p)));
  }, [sendCell]);

  // Cells left from a closed window or a reload go out as soon as the output opens again.
  useEffect(() => {
    if (Object.keys(draft.current.values).length > 0) void flush();
  }, [flush]);

  useEffect(() => {
    const onHide = () => void flush();
    const onVisibility = () => document.visibilityState === 'hidden' && onHide();
    window.addEventListener('pagehide', onHide);
    window.addEventListener('beforeunload', onHide);
    document.addEventListener('visibilitychange', onVisibility);
    const pendingTimers = timers.current;
    return () => {
      window.removeEventListener('pagehide', onHide);
      window.removeEventListener('beforeunload', onHide);
      document.removeEventListener('visibilitychange', onVisibility);
      if (resend.current) clearTimeout(resend.current);
      // Leaving the output (another tab, another page): what waits is sent now.
      for (const t of pendingTimers.values()) clearTimeout(t);
      void flush();
    };
  }, [flush]);

  const values: OutputValues = { ...(output?.values ?? {}) };
  for (const [path, s] of Object.entries(sent)) {
    if ((output?.meta[path]?.version ?? 0) < s.version) values[path] = s.value;
  }
  Object.assign(values, pending);

  return {
    values,
    status,
    refusal,
    overwrote,
    change,
    flush,
    unsent: Object.keys(pending).length,
  };
}
