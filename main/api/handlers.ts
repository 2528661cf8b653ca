/**
 * One handler per procedure in the contract. The mapped type makes the compiler fail when a procedure has
 * no handler or a handler returns the wrong shape.
 */
import type { ParsedInput, ProcedureName, ProcedureOutput, User } from '../../shared/api';
import type { Core, OffsetClock } from '../core/context';
import { UserError } from '../core/errors';
import { DEFAULT_TIME_ZONE } from '../../shared/time';
import { listAudit, verifyAudit } from '../core/audit';
import { createBackup } from '../core/backup';
import { actorOf, changePassword, createUser, findOffice, getOffice, listUsers, login, logout, setupOffice, updateOffice, updateUser } from '../core/users';
import { listTopics, listUnits, saveTopic, saveUnit } from '../core/units';
import { calendarDays, calendarYears } from '../core/calendar';
import { importHolidayFile, setCalendarDay } from '../core/deadlines';
import {
  addAttachment,
  addMediation,
  createPetition,
  findPossibleRepeats,
  getPetition,
  linkRepeat,
  listPetitions,
  revealPersonal,
  transitionPetition,
} from '../core/petitions';

export interface CallContext {
  /** Null only for public procedures. */
  readonly user: User | null;
  readonly session: string | null;
}

export interface HandlerOptions {
  /** Present only when the app was started with the test clock (e2e tests); null in every real launch. */
  readonly testClock: OffsetClock | null;
}

export type Handlers = {
  readonly [N in ProcedureName]: (input: ParsedInput<N>, ctx: CallContext) => Promise<ProcedureOutput<N>>;
};

function signedIn(ctx: CallContext) {
  if (!ctx.user) throw new UserError('unauthenticated', 'errors.generic.notLoggedIn');
  return actorOf(ctx.user);
}

export function handlers(core: Core, options: HandlerOptions): Handlers {
  const { db } = core;
  return {
    'setup.status': async () => {
      const office = await findOffice(db);
      return { needsSetup: office === null, officeName: office?.name ?? null, testClock: options.testClock !== null };
    },
    'setup.create': (input) => setupOffice(core, input),
    'auth.login': (input) => login(core, input.username, input.password),
    'auth.logout': async (_input, ctx) => {
      if (ctx.session) await logout(core, ctx.session);
      return { ok: true as const };
    },
    'auth.me': async (_input, ctx) => {
      if (!ctx.user) throw new UserError('unauthenticated', 'errors.generic.notLoggedIn');
      return { user: ctx.user, office: await getOffice(db) };
    },
    'auth.changePassword': async (input, ctx) => {
      await changePassword(core, signedIn(ctx), input.oldPassword, input.newPassword);
      return { ok: true as const };
    },

    'users.list': () => listUsers(db),
    'users.create': (input, ctx) => createUser(core, signedIn(ctx), input),
    'users.update': (input, ctx) => updateUser(core, signedIn(ctx), input),
    'office.update': (input, ctx) => updateOffice(core, signedIn(ctx), input),

    'units.list': (input) => listUnits(db, input.includeInactive),
    'units.save': (input, ctx) => saveUnit(core, signedIn(ctx), input),
    'topics.list': (input) => listTopics(db, input.includeInactive),
    'topics.save': (input, ctx) => saveTopic(core, signedIn(ctx), input),

    'calendar.years': () => calendarYears(db),
    'calendar.days': (input) => calendarDays(db, input.year),
    'calendar.import': (input, ctx) => importHolidayFile(core, signedIn(ctx), input.fileText),
    'calendar.setDay': (input, ctx) => setCalendarDay(core, signedIn(ctx), input.date, input.isOffDay, input.name),

    'petitions.checkDuplicates': (input) => findPossibleRepeats(db, input),
    'petitions.create': (input, ctx) => createPetition(core, signedIn(ctx), input),
    'petitions.list': (input) => listPetitions(db, input, core.clock.now()),
    'petitions.get': (input) => getPetition(db, input.id),
    'petitions.transition': async (input, ctx) => {
      await transitionPetition(core, signedIn(ctx), input);
      return getPetition(db, input.id);
    },
    'petitions.addMediation': async (input, ctx) => {
      await addMediation(core, signedIn(ctx), input);
      return getPetition(db, input.id);
    },
    'petitions.linkRepeat': async (input, ctx) => {
      await linkRepeat(core, signedIn(ctx), input.id, input.repeatOfId);
      return getPetition(db, input.id);
    },
    'petitions.revealPersonal': (input, ctx) => revealPersonal(core, signedIn(ctx), input.petitionerId),
    'petitions.addAttachment': (input, ctx) => addAttachment(core, signedIn(ctx), input),

    'audit.list': (input) => listAudit(db, input.page, input.pageSize),
    'audit.verify': () => verifyAudit(db),

    'backup.create': (input, ctx) => createBackup(core, signedIn(ctx), input.targetDir || null),
    'clock.now': async () => ({ now: core.clock.now(), timeZone: (await findOffice(db))?.timeZone ?? DEFAULT_TIME_ZONE }),
    'dev.clock': async (input) => {
      const clock = options.testClock;
      if (!clock) throw new UserError('forbidden', 'errors.generic.forbidden', { role: '—' });
      if (input.setNow !== undefined) clock.set(input.setNow);
      if (input.advanceMs !== undefined) clock.advance(input.advanceMs);
      const now = clock.now();
      core.emit({ type: 'clock.changed', now });
      return { now };
    },
  };
}
