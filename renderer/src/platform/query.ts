/**
 * Server state through TanStack Query, over the one API client. A read is `useApiQuery(name, input)`, cached
 * under the key `[name, input]`, so two screens asking the same thing share one request and one answer; a
 * write is `useApiMutation(name)`, whose `isPending` is the busy state of the button that sent it. Reads go
 * stale when the core pushes an event that touches them, or after a write of their own domain
 * (invalidation.ts); nothing polls.
 *
 * @example
 * const petition = useApiQuery('petitions.get', { id });
 * const transition = useApiMutation('petitions.transition', { onSuccess: (detail) => close(detail) });
 * <Button loading={transition.isPending} onClick={() => transition.mutate({ id, action: 'accept' })} />
 */
import {
  QueryClient,
  skipToken,
  useMutation,
  useQuery,
  useQueryClient,
  type UseMutationOptions,
  type UseMutationResult,
  type UseQueryOptions,
  type UseQueryResult,
} from '@tanstack/react-query';
import type { ApiError, ErrorCode, ProcedureInput, ProcedureName, ProcedureOutput } from '../../../shared/api';
import { api } from './api-client';
import { invalidateAfterWrite } from './invalidation';
import { notifyError } from './notify';

/** A refusal or failure from the core, thrown so TanStack Query sees it as an error. */
export class ApiFailure extends Error implements ApiError {
  readonly code: ErrorCode;
  readonly fields: Readonly<Record<string, string>> | undefined;

  constructor(error: ApiError) {
    super(error.message);
    this.name = 'ApiFailure';
    this.code = error.code;
    this.fields = error.fields;
  }
}

declare module '@tanstack/react-query' {
  interface Register {
    defaultError: ApiFailure;
  }
}

/** Calls a procedure and returns its value, or throws the core's refusal as an {@link ApiFailure}. */
export async function callApi<N extends ProcedureName>(name: N, input: ProcedureInput<N>): Promise<ProcedureOutput<N>> {
  const result = await api.call(name, input);
  if (!result.ok) throw new ApiFailure(result.error);
  return result.value;
}

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // The core's answers do not change by asking again: a refusal is final until something changes.
      retry: false,
      // Pushed events say when data changed; a window coming to the front is not news.
      refetchOnWindowFocus: false,
    },
    mutations: { retry: false },
  },
});

export type ApiQueryKey<N extends ProcedureName = ProcedureName> = readonly [N, ProcedureInput<N>];

export function apiQueryKey<N extends ProcedureName>(name: N, input: ProcedureInput<N>): ApiQueryKey<N> {
  return [name, input];
}

export type ApiQueryOptions<N extends ProcedureName> = Omit<UseQueryOptions<ProcedureOutput<N>, ApiFailure, ProcedureOutput<N>, ApiQueryKey<N>>, 'queryKey' | 'queryFn'>;

/** A read, or none while `input` is null (e.g. until the record to read is known). */
export function useApiQuery<N extends ProcedureName>(name: N, input: ProcedureInput<N> | null, options: ApiQueryOptions<N> = {}): UseQueryResult<ProcedureOutput<N>, ApiFailure> {
  return useQuery({
    ...options,
    queryKey: apiQueryKey(name, input as ProcedureInput<N>),
    queryFn: input === null ? skipToken : () => callApi(name, input),
  });
}

export type ApiMutationOptions<N extends ProcedureName> = Omit<UseMutationOptions<ProcedureOutput<N>, ApiFailure, ProcedureInput<N>>, 'mutationKey' | 'mutationFn'>;

/**
 * A write. Without an `onError` of its own, a refusal is shown as a notification; with one, the caller puts it
 * where the person is looking (on the form's fields, in the dialog). A success marks stale the reads the
 * write may have changed, before the caller's `onSuccess` runs.
 */
export function useApiMutation<N extends ProcedureName>(name: N, options: ApiMutationOptions<N> = {}): UseMutationResult<ProcedureOutput<N>, ApiFailure, ProcedureInput<N>> {
  const client = useQueryClient();
  return useMutation({
    ...options,
    mutationKey: [name],
    mutationFn: (input: ProcedureInput<N>) => callApi(name, input),
    onSuccess: (...args) => {
      invalidateAfterWrite(client, name);
      return options.onSuccess?.(...args);
    },
    onError: options.onError ?? ((error) => notifyError(error)),
  });
}

export type ApiBatchOptions<N extends ProcedureName> = Omit<UseMutationOptions<ProcedureOutput<N>[], ApiFailure, readonly ProcedureInput<N>[]>, 'mutationKey' | 'mutationFn'>;

/**
 * The same write for several inputs, one after another (e.g. renumbering two topics); it stops at the first
 * refusal, and the reads are marked stale either way, since the writes before it were made.
 */
export function useApiBatch<N extends ProcedureName>(name: N, options: ApiBatchOptions<N> = {}): UseMutationResult<ProcedureOutput<N>[], ApiFailure, readonly ProcedureInput<N>[]> {
  const client = useQueryClient();
  return useMutation({
    ...options,
    mutationKey: [name, 'batch'],
    mutationFn: async (inputs: readonly ProcedureInput<N>[]) => {
      const values: ProcedureOutput<N>[] = [];
      for (const input of inputs) values.push(await callApi(name, input));
      return values;
    },
    onSettled: (...args) => {
      invalidateAfterWrite(client, name);
      return options.onSettled?.(...args);
    },
    onError: options.onError ?? ((error) => notifyError(error)),
  });
}
