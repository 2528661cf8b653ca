/** Handlers for the clock procedures of the contract (shared/api/clock.ts). */
import type { Core } from '../core/context';
import type { clockContract } from '../../shared/api';
import { DEFAULT_TIME_ZONE } from '../../shared/time';
import { UserError } from '../core/errors';
import { findOffice } from '../core/users';
import { type DomainHandlers, type HandlerOptions } from './context';

export function clockHandlers(core: Core, options: HandlerOptions): DomainHandlers<typeof clockContract> {
  const { db } = core;
  return {
    'clock.get': async () => ({ now: core.clock.now(), timeZone: (await findOffice(db))?.timeZone ?? DEFAULT_TIME_ZONE }),
    'clock.set': async (input) => {
      const clock = options.testClock;
      if (!clock) throw new UserError('forbidden', 'errors.generic.forbidden', { role: '—' });
      if (input.setNow !== undefined) clock.set(input.setNow);
      if (input.advanceMs !== undefined) clock.advance(input.advanceMs);
      const now = clock.now();
      core.emit({ type: 'clock.changed', now });
      // The test waits for what a person would see right after the jump, so alarms are processed first.
      await options.scheduler?.tick();
      return { now };
    },
  };
}
