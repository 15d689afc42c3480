import { useCallback, useEffect, useState } from 'react';
import type { MethodInput, MethodName, MethodOutput } from '../../shared/api/contract';
import { api } from './client';

interface QueryState<T> {
  key: string | null;
  data: T | undefined;
  error: unknown;
}

export interface ApiQuery<T> {
  data: T | undefined;
  error: unknown;
  /** True until the answer for the current input arrives (the previous data stays visible meanwhile). */
  isLoading: boolean;
  reload(): void;
}

/**
 * Loads one API method for the given input and reloads when the input changes. `input === null` means "not
 * yet" (e.g. no procedure chosen). Late answers for an older input are dropped, so fast typing never shows a
 * stale result.
 */
export function useApiQuery<M extends MethodName>(
  method: M,
  input: MethodInput<M> | null,
  /** Not sent: the query reloads when it changes (e.g. the session, for methods whose input is empty). */
  refreshKey: string | number | null = null,
): ApiQuery<MethodOutput<M>> {
  const [version, setVersion] = useState(0);
  const key = input === null ? null : JSON.stringify([method, input, version, refreshKey]);
  const [state, setState] = useState<QueryState<MethodOutput<M>>>({
    key: null,
    data: undefined,
    error: undefined,
  });

  useEffect(() => {
    if (key === null) return;
    const [name, payload] = JSON.parse(key) as [M, MethodInput<M>];
    let isCurrent = true;
    api.call(name, payload).then(
      (data) => {
        if (isCurrent) setState({ key, data, error: undefined });
      },
      (error: unknown) => {
        if (isCurrent) setState((previous) => ({ key, data: previous.data, error }));
      },
    );
    return () => {
      isCurrent = false;
    };
  }, [key]);

  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return {
    data: key === null ? undefined : state.data,
    error: state.key === key ? state.error : undefined,
    isLoading: key !== null && state.key !== key,
    reload,
  };
}
