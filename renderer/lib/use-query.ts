import { useCallback, useEffect, useRef, useState } from 'react';
import type { OpInput, OpName, OpOutput } from '../../shared/contract';
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
 * Run a query operation and run it again whenever a change event passes `affects`
 * (so the projector and other windows follow edits without polling).
 */
export function useQuery<K extends OpName>(
  op: K,
  input: OpInput<K> | null,
  affects: (e: ChangeEvent) => boolean,
): QueryState<OpOutput<K>> {
  const [data, setData] = useState<OpOutput<K>>();
  const [error, setError] = useState<AppErrorShape>();
  const [loading, setLoading] = useState(true);
  const key = JSON.stringify(input);
  const affectsRef = useRef(affects);
  affectsRef.current = affects;
  const seq = useRef(0);

  const load = useCallback(() => {
    if (key === 'null') return;
    const mine = ++seq.current;
    void call(op, JSON.parse(key) as OpInput<K>).then((r) => {
      if (mine !== seq.current) return; // a newer request answered already
      setLoading(false);
      if (r.ok) {
        setData(r.value);
        setError(undefined);
      } else setError(r.error);
    });
  }, [op, key]);

  useEffect(() => {
    setLoading(true);
    load();
    return onChange((e) => {
      if (affectsRef.current(e)) load();
    });
  }, [load]);

  return { data, error, loading, reload: load };
}
