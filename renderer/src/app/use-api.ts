/**
 * Hooks over the API client: a query that reloads when its input or a pushed event changes, and helpers
 * that turn an error envelope into a notification or form-field messages.
 *
 * @example
 * const { data, loading, reload } = useApiQuery('petitions.get', { id }, { reloadOn: (e) => e.type === 'petitions.changed' });
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { notifications } from '@mantine/notifications';
import type { ApiError, ApiEvent, ProcedureInput, ProcedureName, ProcedureOutput } from '../../../shared/api';
import { api } from '../api/client';

export function notifyError(error: ApiError): void {
  notifications.show({ color: 'red', title: '操作未完成', message: error.message, autoClose: 8000 });
}

export function notifySaved(message: string): void {
  notifications.show({ color: 'green', message, autoClose: 3000 });
}

/** Field messages from the core, keyed the way Mantine's form names fields (`petitioners.0.idNumber`). */
export function fieldErrors(error: ApiError): Record<string, string> {
  return { ...(error.fields ?? {}) };
}

export interface QueryState<T> {
  readonly data: T | null;
  readonly error: ApiError | null;
  readonly loading: boolean;
  reload(): void;
}

export function useApiQuery<N extends ProcedureName>(
  name: N,
  input: ProcedureInput<N> | null,
  options: { reloadOn?: (event: ApiEvent) => boolean } = {},
): QueryState<ProcedureOutput<N>> {
  const [data, setData] = useState<ProcedureOutput<N> | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [loading, setLoading] = useState(input !== null);
  const [tick, setTick] = useState(0);
  const key = JSON.stringify(input);
  const reloadOn = useRef(options.reloadOn);
  reloadOn.current = options.reloadOn;

  useEffect(() => {
    if (input === null) return;
    let cancelled = false;
    setLoading(true);
    void api.call(name, input).then((r) => {
      if (cancelled) return;
      if (r.ok) {
        setData(r.value);
        setError(null);
      } else {
        setError(r.error);
      }
      setLoading(false);
    });
    return () => {
      cancelled = true;
    };
    // The serialized input is the dependency: a new object with the same content must not reload.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [name, key, tick]);

  useEffect(
    () =>
      api.onEvent((event) => {
        if (reloadOn.current?.(event)) setTick((n) => n + 1);
      }),
    [],
  );

  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { data, error, loading, reload };
}
