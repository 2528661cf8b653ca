/** Handlers for the users procedures of the contract (shared/api/users.ts). */
import type { Core } from '../core/context';
import type { usersContract } from '../../shared/api';
import { UserError } from '../core/errors';
import { SourceLimit, changePassword, createUser, findOffice, getOffice, listUsers, login, logout, setupOffice, updateOffice, updateUser } from '../core/users';
import { type DomainHandlers, type HandlerOptions, signedIn } from './context';

export function usersHandlers(core: Core, options: HandlerOptions): DomainHandlers<typeof usersContract> {
  const { db } = core;
  // Failed logins per source, for this app's lifetime (main/core/users/source-limit.ts).
  const limit = new SourceLimit();
  return {
    'setup.get': async () => {
      const office = await findOffice(db);
      return { needsSetup: office === null, officeName: office?.name ?? null, testClock: options.testClock !== null };
    },
    'setup.create': (input) => setupOffice(core, input),
    'auth.login': (input, ctx) => login(core, input.username, input.password, { source: ctx.source, limit }),
    'auth.logout': async (_input, ctx) => {
      const { id } = signedIn(ctx);
      if (ctx.session) await logout(core, ctx.session);
      return { id };
    },
    'auth.get': async (_input, ctx) => {
      if (!ctx.user) throw new UserError('unauthenticated', 'errors.generic.notLoggedIn');
      return { user: ctx.user, office: await getOffice(db) };
    },
    'auth.changePassword': (input, ctx) =>
      changePassword(core, signedIn(ctx), { ...input, session: ctx.session }, { source: ctx.source, limit }),
    'users.list': () => listUsers(db),
    'users.create': (input, ctx) => createUser(core, signedIn(ctx), input),
    'users.update': (input, ctx) => updateUser(core, signedIn(ctx), input),
    'office.update': (input, ctx) => updateOffice(core, signedIn(ctx), input),
  };
}
