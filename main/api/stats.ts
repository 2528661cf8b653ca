/** Handlers for the stats procedures of the contract (shared/api/stats.ts). */
import type { Core } from '../core/context';
import type { statsContract } from '../../shared/api';
import { dashboard, statistics } from '../core/stats';
import { type DomainHandlers, type HandlerOptions } from './context';

export function statsHandlers(core: Core, _options: HandlerOptions): DomainHandlers<typeof statsContract> {
  const { db } = core;
  return {
    'stats.overview.get': (input) => statistics(db, input, core.clock.now()),
    'stats.dashboard.get': () => dashboard(db, core.clock.now()),
  };
}
