/** Handlers for the alarms procedures of the contract (shared/api/alarms.ts). */
import type { Core } from '../core/context';
import type { alarmsContract } from '../../shared/api';
import { acknowledgeAlarm, getAlarmSettings, listAlarms, saveAlarmSettings, snoozeAlarm } from '../core/alarms';
import { type DomainHandlers, type HandlerOptions, signedIn } from './context';

export function alarmsHandlers(core: Core, _options: HandlerOptions): DomainHandlers<typeof alarmsContract> {
  const { db } = core;
  return {
    'alarms.list': (input) => listAlarms(db, input, input.withLog),
    'alarms.acknowledge': async (input, ctx) => {
      await acknowledgeAlarm(core, signedIn(ctx), input.id, input.note);
      return { ok: true as const };
    },
    'alarms.snooze': async (input, ctx) => {
      await snoozeAlarm(core, signedIn(ctx), input.id, input.minutes, input.reason);
      return { ok: true as const };
    },
    'alarms.settings.get': () => getAlarmSettings(db),
    'alarms.settings.update': (input, ctx) => saveAlarmSettings(core, signedIn(ctx), input),
  };
}
