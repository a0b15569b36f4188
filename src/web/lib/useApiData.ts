import { useCallback, useEffect, useRef, useState, type DependencyList } from 'react';

export interface ApiData<T> {
  data: T | undefined;
  error: unknown;
  isLoading: boolean;
  reload: () => void;
}

/**
 * Runs `load` when `deps` change and keeps the latest answer; a slower earlier answer never overwrites a
 * later one. Pass `null` as `load` to wait (for example until the session is known).
 */
export function useApiData<T>(load: (() => Promise<T>) | null, deps: DependencyList): ApiData<T> {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<unknown>(undefined);
  const [isLoading, setIsLoading] = useState(load !== null);
  const [generation, setGeneration] = useState(0);
  const latest = useRef(0);

  useEffect(() => {
    if (load === null) return;
    const request = ++latest.current;
    setIsLoading(true);
    setError(undefined);
    load().then(
      (value) => {
        if (request !== latest.current) return;
        setData(value);
        setIsLoading(false);
      },
      (reason: unknown) => {
        if (request !== latest.current) return;
        setError(reason);
        setData(undefined);
        setIsLoading(false);
      },
    );
  }, [...deps, generation, load === null]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { data, error, isLoading, reload };
}
