/** Handler for the start-up procedure (shared/api/startup.ts): once the core answers, the app is ready. */
import { READY, type startupContract } from '../../shared/api';
import type { DomainHandlers } from './context';

export function startupHandlers(): DomainHandlers<typeof startupContract> {
  return { 'startup.get': () => Promise.resolve(READY) };
}
