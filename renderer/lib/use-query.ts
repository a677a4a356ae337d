import { useCallback, useEffect, useRef, useState } from 'react';
import { affects, opDef, type OpInput, type OpName, type OpOutput } from '../../shared/contract';
import type { ChangeEvent } from '../../shared/domain';
import type { AppErrorShape } from '../../shared/errors';
import { call, onChange } from './api';

export interface QueryState<T> {
  data: T | undefined;
  error: AppErrorShape | undefined;
  loading: boolean;
  reload(): void;
}

/**
 * Run a query operation and keep it current from change events, with the rules the contract
 * derives for it: an event the query does not read, or of another scope, is ignored; one that
 * carries its record patches the data in place (`patch` of the operation: a check-in or a walk-in
 * never reloads a register of thousands); any other reloads it. Reloads are merged: while one is
 * under way, further events only mark the data stale, and one more reload follows.
 */
export function useQuery<K extends OpName>(op: K, input: OpInput<K> | null): QueryState<OpOutput<K>> {
  const [data, setData] = useState<OpOutput<K>>();
  const [error, setError] = useState<AppErrorShape>();
  const [loading, setLoading] = useState(true);
  const key = JSON.stringify(input);
  const reloadRef = useRef<() => void>(() => {});

  useEffect(() => {
    if (key === 'null') return;
    const parsedInput = JSON.parse(key) as OpInput<K>;
    const def = opDef(op);
    let alive = true;
    let inFlight = false;
    let stale = false;
    /** The data as last set, for patching outside React's render. */
    let current: OpOutput<K> | undefined;

    const load = () => {
      if (inFlight) {
        stale = true;
        return;
      }
      inFlight = true;
      void call(op, parsedInput).then((r) => {
        inFlight = false;
        if (!alive) return;
        setLoading(false);
        if (r.ok) {
          current = r.value;
          setData(r.value);
          setError(undefined);
        } else setError(r.error);
        if (stale) {
          stale = false;
          load();
        }
      });
    };

    // Another input: what was shown for the previous one goes at once (never another day's sheet).
    setData(undefined);
    setError(undefined);
    setLoading(true);
    reloadRef.current = load;
    load();
    const stop = onChange((e: ChangeEvent) => {
      if (!affects(op, parsedInput, e)) return;
      // A patch applies to data the store already answered; while a reload is under way its answer
      // may predate the event, so the event marks it stale instead.
      if (def.patch && current !== undefined && !inFlight) {
        const parsed = def.input.safeParse(parsedInput);
        const next = parsed.success ? (def.patch(current, e, parsed.data) as OpOutput<K> | undefined) : undefined;
        if (next !== undefined) {
          if (next !== current) {
            current = next;
            setData(next);
          }
          return;
        }
      }
      load();
    });
    return () => {
      alive = false;
      stop();
    };
  }, [op, key]);

  const reload = useCallback(() => reloadRef.current(), []);
  return { data, error, loading, reload };
}
