/** The one subscriber to the core's pushes that keeps cached reads honest (invalidation.ts says which). */
import { useEffect } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { api } from './api-client';
import { invalidateForEvent } from './invalidation';

/** Mounted once, at the app root. */
export function useEventInvalidation(): void {
  const client = useQueryClient();
  useEffect(() => api.onEvent((event) => invalidateForEvent(client, event)), [client]);
}
