/** Handlers for the alarms procedures of the contract (shared/api/alarms.ts). */
import type { Core } from '../core/context';
import type { alarmsContract } from '../../shared/api';
import { acknowledgeAlarm, acknowledgeAlarms, getAlarmSettings, listAlarms, saveAlarmSettings, snoozeAlarm } from '../core/alarms';
import { THIS_PROCESS } from '../db/dialects';
import { type DomainHandlers, type HandlerOptions, signedIn } from './context';

export function alarmsHandlers(core: Core, options: HandlerOptions): DomainHandlers<typeof alarmsContract> {
  const { db } = core;
  return {
    'alarms.list': (input) => listAlarms(db, input, input.withLog),
    'alarms.acknowledge': (input, ctx) => acknowledgeAlarm(core, signedIn(ctx), input.id, input.note),
    'alarms.acknowledgeMany': (input, ctx) => acknowledgeAlarms(core, signedIn(ctx), input.ids, input.note),
    'alarms.snooze': (input, ctx) => snoozeAlarm(core, signedIn(ctx), input.id, input.minutes, input.reason),
    'alarms.settings.get': () => getAlarmSettings(db),
    'alarms.settings.update': (input, ctx) => saveAlarmSettings(core, signedIn(ctx), input),
    'alarms.scheduler.get': async () => {
      const s = options.schedulerLock;
      return { shared: s?.shared ?? false, thisProcess: THIS_PROCESS, holder: s ? await s.lock.holder() : THIS_PROCESS };
    },
  };
}
