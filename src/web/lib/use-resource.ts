/**
 * Loads data for a component: `{ data, error, loading, reload }`. The previous data stays visible while a
 * new request runs, and answers arriving out of order are ignored.
 */
import { useCallback, useEffect, useRef, useState, type DependencyList } from 'react';
import { ApiError } from './api';

export interface Resource<T> {
  data: T | undefined;
  error: ApiError | undefined;
  loading: boolean;
  reload(): void;
}

export function useResource<T>(load: () => Promise<T>, deps: DependencyList): Resource<T> {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<ApiError>();
  const [loading, setLoading] = useState(true);
  const [tick, setTick] = useState(0);
  const latest = useRef(0);

  // eslint-disable-next-line react-hooks/exhaustive-deps -- the caller lists what `load` depends on
  const stableLoad = useCallback(load, deps);

  useEffect(() => {
    const id = ++latest.current;
    setLoading(true);
    stableLoad().then(
      (value) => {
        if (id !== latest.current) return;
        setData(value);
        setError(undefined);
        setLoading(false);
      },
      (reason: unknown) => {
        if (id !== latest.current) return;
        setError(
          reason instanceof ApiError
            ? reason
            : new ApiError(0, { code: 'CLIENT.ERROR', message: String(reason) }),
        );
        setLoading(false);
      },
    );
  }, [stableLoad, tick]);

  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { data, error, loading, reload };
}
