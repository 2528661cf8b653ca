/** Handlers for the duty procedures of the contract (shared/api/duty.ts). */
import type { Core } from '../core/context';
import type { dutyContract } from '../../shared/api';
import { addDutyCorrection, addDutyLog, addOverride, cancelOverride, dutyRoles, dutySchedule, listDutyLog, listOverrides, listRotations, listSensitivePeriods, saveDutyRole, saveRotation, saveSensitivePeriod, swapShifts, whoIsOnDuty } from '../core/duty';
import { confirmHandover, listHandovers, prepareHandover, startHandover } from '../core/handover';
import { type DomainHandlers, type HandlerOptions, signedIn } from './context';

export function dutyHandlers(core: Core, _options: HandlerOptions): DomainHandlers<typeof dutyContract> {
  const { db } = core;
  return {
    'duty.roles.list': () => dutyRoles(db),
    'duty.roles.create': (input, ctx) => saveDutyRole(core, signedIn(ctx), input),
    'duty.roles.update': (input, ctx) => saveDutyRole(core, signedIn(ctx), input),
    'duty.rotations.list': () => listRotations(db),
    'duty.rotations.create': (input, ctx) => saveRotation(core, signedIn(ctx), input),
    'duty.rotations.update': (input, ctx) => saveRotation(core, signedIn(ctx), input),
    'duty.current.get': () => whoIsOnDuty(db, core.clock.now()),
    'duty.schedule.get': (input) => dutySchedule(db, input.from, input.to),
    'duty.overrides.list': (input) => listOverrides(db, input.from, input.to),
    'duty.overrides.create': async (input, ctx) => ({ id: await addOverride(core, signedIn(ctx), input) }),
    'duty.swap': async (input, ctx) => ({ group: await swapShifts(core, signedIn(ctx), input) }),
    'duty.overrides.remove': async (input, ctx) => {
      await cancelOverride(core, signedIn(ctx), input.id);
      return { id: input.id };
    },
    'duty.sensitivePeriods.list': () => listSensitivePeriods(db),
    'duty.sensitivePeriods.create': (input, ctx) => saveSensitivePeriod(core, signedIn(ctx), input),
    'duty.sensitivePeriods.update': (input, ctx) => saveSensitivePeriod(core, signedIn(ctx), input),
    'duty.corrections.create': async (input, ctx) => ({ id: await addDutyCorrection(core, signedIn(ctx), input) }),
    'duty.log.create': async (input, ctx) => ({ id: await addDutyLog(core, signedIn(ctx), input) }),
    'duty.log.list': (input) => listDutyLog(db, input.from, input.to),
    'duty.handoverDraft.get': () => prepareHandover(db, core.clock.now()),
    'duty.handovers.create': async (input, ctx) => ({ id: await startHandover(core, signedIn(ctx), input) }),
    'duty.handovers.confirm': (input, ctx) => confirmHandover(core, signedIn(ctx), input.id),
    'duty.handovers.list': (input) => listHandovers(db, input.limit),
  };
}
