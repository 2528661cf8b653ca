/** Handlers for the units procedures of the contract (shared/api/units.ts). */
import type { Core } from '../core/context';
import type { unitsContract } from '../../shared/api';
import { listTopics, listUnits, saveTopic, saveUnit } from '../core/units';
import { type DomainHandlers, type HandlerOptions, signedIn } from './context';

export function unitsHandlers(core: Core, _options: HandlerOptions): DomainHandlers<typeof unitsContract> {
  const { db } = core;
  return {
    'units.list': (input) => listUnits(db, input.includeInactive),
    'units.create': (input, ctx) => saveUnit(core, signedIn(ctx), input),
    'units.update': (input, ctx) => saveUnit(core, signedIn(ctx), input),
    'topics.list': (input) => listTopics(db, input.includeInactive),
    'topics.create': (input, ctx) => saveTopic(core, signedIn(ctx), input),
    'topics.update': (input, ctx) => saveTopic(core, signedIn(ctx), input),
  };
}
