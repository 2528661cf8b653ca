/**
 * The office, its accounts and their sessions.
 *
 * @example
 * const { token } = await setupOffice(core, { officeName: '某镇信访办', township: '某镇', timeZone: 'Asia/Shanghai',
 *   admin: { username: 'admin', displayName: '管理员', password: 'secret123' } });
 * const actor = await resolveSession(core, token);
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Selectable } from 'kysely';
import type { Db, OfficeTable, UserTable } from '../../db';
import type { Office, User } from '../../../shared/api';
import { DEFAULT_COLLECTIVE_THRESHOLD, DEFAULT_NUMBER_FORMAT, DEFAULT_TOPICS, type Role } from '../../../shared/enums';
import { isValidTimeZone } from '../../../shared/time';
import { enumLabel } from '../../../shared/i18n';
import type { Actor, Core } from '../context';
import { UserError, notFound, fieldName } from '../errors';
import { appendAudit } from '../audit';
import { hashPassword, isStrongPassword, isValidUsername, verifyPassword } from './passwords';

export { hashPassword, verifyPassword } from './passwords';

export const MAX_FAILED_LOGINS = 5;
export const LOCKOUT_MS = 15 * 60_000;
export const SESSION_IDLE_MS = 12 * 60 * 60_000;
export const DEFAULT_PREALARM_DAYS = [3, 1] as const;

export function toUser(row: Selectable<UserTable>): User {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    active: row.active === 1,
    lockedUntil: row.locked_until,
  };
}

export function toOffice(row: Selectable<OfficeTable>): Office {
  return {
    name: row.name,
    township: row.township,
    timeZone: row.time_zone,
    numberFormat: row.number_format,
    collectiveThreshold: row.collective_threshold,
    prealarmDays: JSON.parse(row.prealarm_days) as number[],
  };
}

export function actorOf(user: User): Actor {
  return { id: user.id, name: user.displayName, role: user.role };
}

export async function findOffice(db: Db): Promise<Office | null> {
  const row = await db.selectFrom('office').selectAll().where('id', '=', 1).executeTakeFirst();
  return row ? toOffice(row) : null;
}

export async function getOffice(db: Db): Promise<Office> {
  const office = await findOffice(db);
  if (!office) throw new UserError('unauthenticated', 'errors.generic.notLoggedIn');
  return office;
}

function newUserRow(input: { username: string; displayName: string; role: Role }, passwordHash: string, now: number) {
  return {
    username: input.username,
    display_name: input.displayName,
    role: input.role,
    password_hash: passwordHash,
    failed_attempts: 0,
    locked_until: null,
    active: 1,
    created_at: now,
  };
}

function checkNewAccount(username: string, password: string): void {
  if (!isValidUsername(username)) throw UserError.field('username', 'errors.setup.badUsername');
  if (!isStrongPassword(password)) throw UserError.field('password', 'errors.setup.weakPassword');
}

export interface SetupInput {
  readonly officeName: string;
  readonly township: string;
  readonly timeZone: string;
  readonly admin: { readonly username: string; readonly displayName: string; readonly password: string };
}

export async function setupOffice(core: Core, input: SetupInput): Promise<{ token: string; user: User }> {
  if (await findOffice(core.db)) throw new UserError('conflict', 'errors.setup.alreadyDone');
  if (!isValidTimeZone(input.timeZone)) throw UserError.field('timeZone', 'errors.setup.badTimeZone', { zone: input.timeZone });
  checkNewAccount(input.admin.username, input.admin.password);
  const passwordHash = await hashPassword(input.admin.password);
  const now = core.clock.now();
  const user = await core.db.transaction().execute(async (trx) => {
    // Re-checked inside the transaction: two setup pages submitted at once must not make two offices.
    if (await trx.selectFrom('office').select('id').executeTakeFirst()) throw new UserError('conflict', 'errors.setup.alreadyDone');
    await trx
      .insertInto('office')
      .values({
        id: 1,
        name: input.officeName,
        township: input.township,
        time_zone: input.timeZone,
        number_format: DEFAULT_NUMBER_FORMAT,
        collective_threshold: DEFAULT_COLLECTIVE_THRESHOLD,
        prealarm_days: JSON.stringify(DEFAULT_PREALARM_DAYS),
        created_at: now,
      })
      .execute();
    const row = await trx
      .insertInto('users')
      .values(newUserRow({ ...input.admin, role: 'admin' }, passwordHash, now))
      .returningAll()
      .executeTakeFirstOrThrow();
    const created = toUser(row);
    let order = 0;
    for (const name of DEFAULT_TOPICS) {
      await trx.insertInto('topics').values({ name, sort_order: ++order * 10, active: 1 }).onConflict((oc) => oc.doNothing()).execute();
    }
    await appendAudit(trx, {
      actor: actorOf(created),
      at: now,
      action: 'office.setup',
      entity: 'office',
      entityId: 1,
      after: { name: input.officeName, township: input.township, timeZone: input.timeZone, admin: input.admin.username },
    });
    return created;
  });
  const token = await createSession(core, user.id);
  return { token, user };
}

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

async function createSession(core: Core, userId: number): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  const now = core.clock.now();
  await core.db.insertInto('sessions').values({ token_hash: hashToken(token), user_id: userId, created_at: now, last_seen_at: now }).execute();
  return token;
}

export async function login(core: Core, username: string, password: string): Promise<{ token: string; user: User }> {
  const row = await core.db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
  const now = core.clock.now();
  if (!row) {
    // Same work and the same answer as a wrong password, so user names cannot be probed.
    await verifyPassword(password, 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=');
    throw new UserError('unauthenticated', 'errors.auth.badCredentials', { left: MAX_FAILED_LOGINS });
  }
  if (row.active !== 1) throw new UserError('unauthenticated', 'errors.auth.inactive');
  if (row.locked_until !== null && row.locked_until > now) {
    throw new UserError('unauthenticated', 'errors.auth.locked', { minutes: Math.ceil((row.locked_until - now) / 60_000) });
  }
  if (!(await verifyPassword(password, row.password_hash))) {
    const failed = (row.locked_until !== null ? 0 : row.failed_attempts) + 1;
    const locked = failed >= MAX_FAILED_LOGINS;
    await core.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('users')
        .set({ failed_attempts: locked ? 0 : failed, locked_until: locked ? now + LOCKOUT_MS : null })
        .where('id', '=', row.id)
        .execute();
      await appendAudit(trx, {
        actor: null,
        at: now,
        action: locked ? 'user.locked' : 'user.loginFailed',
        entity: 'user',
        entityId: row.id,
        after: { username, failed },
      });
    });
    if (locked) throw new UserError('unauthenticated', 'errors.auth.locked', { minutes: LOCKOUT_MS / 60_000 });
    throw new UserError('unauthenticated', 'errors.auth.badCredentials', { left: MAX_FAILED_LOGINS - failed });
  }
  await core.db.updateTable('users').set({ failed_attempts: 0, locked_until: null }).where('id', '=', row.id).execute();
  const user = toUser({ ...row, failed_attempts: 0, locked_until: null });
  await core.db.transaction().execute((trx) =>
    appendAudit(trx, { actor: actorOf(user), at: now, action: 'user.login', entity: 'user', entityId: user.id }),
  );
  return { token: await createSession(core, user.id), user };
}

/** The logged-in user behind a session token, or null when the token is unknown, idle too long, or disabled. */
export async function resolveSession(core: Core, token: string | null | undefined): Promise<User | null> {
  if (!token) return null;
  const hash = hashToken(token);
  const row = await core.db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .selectAll('users')
    .select('sessions.last_seen_at')
    .where('sessions.token_hash', '=', hash)
    .executeTakeFirst();
  const now = core.clock.now();
  if (!row || row.active !== 1 || now - row.last_seen_at > SESSION_IDLE_MS) return null;
  if (now - row.last_seen_at > 60_000) {
    await core.db.updateTable('sessions').set({ last_seen_at: now }).where('token_hash', '=', hash).execute();
  }
  return toUser(row);
}

export async function logout(core: Core, token: string): Promise<void> {
  await core.db.deleteFrom('sessions').where('token_hash', '=', hashToken(token)).execute();
}

export async function listUsers(db: Db): Promise<User[]> {
  const rows = await db.selectFrom('users').selectAll().orderBy('id').execute();
  return rows.map(toUser);
}

export async function createUser(
  core: Core,
  actor: Actor,
  input: { username: string; displayName: string; role: Role; password: string },
): Promise<User> {
  checkNewAccount(input.username, input.password);
  const existing = await core.db.selectFrom('users').select('id').where('username', '=', input.username).executeTakeFirst();
  if (existing) throw UserError.field('username', 'errors.users.duplicate', { username: input.username });
  const passwordHash = await hashPassword(input.password);
  const now = core.clock.now();
  return core.db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('users')
      .values(newUserRow(input, passwordHash, now))
      .returningAll()
      .executeTakeFirstOrThrow();
    const user = toUser(row);
    await appendAudit(trx, { actor, at: now, action: 'user.create', entity: 'user', entityId: user.id, after: user });
    return user;
  });
}

export async function updateUser(
  core: Core,
  actor: Actor,
  input: { id: number; displayName?: string | undefined; role?: Role | undefined; active?: boolean | undefined; password?: string | undefined; unlock?: boolean | undefined },
): Promise<User> {
  if (input.password !== undefined && !isStrongPassword(input.password)) {
    throw UserError.field('password', 'errors.setup.weakPassword');
  }
  const passwordHash = input.password !== undefined ? await hashPassword(input.password) : undefined;
  const now = core.clock.now();
  return core.db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('users').selectAll().where('id', '=', input.id).executeTakeFirst();
    if (!row) throw notFound();
    const before = toUser(row);
    const demoting = before.role === 'admin' && ((input.role && input.role !== 'admin') || input.active === false);
    if (demoting) {
      const admins = await trx
        .selectFrom('users')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('role', '=', 'admin')
        .where('active', '=', 1)
        .executeTakeFirstOrThrow();
      if (Number(admins.n) <= 1) throw new UserError('conflict', 'errors.users.lastAdmin');
    }
    const updated = await trx
      .updateTable('users')
      .set({
        ...(input.displayName !== undefined ? { display_name: input.displayName } : {}),
        ...(input.role !== undefined ? { role: input.role } : {}),
        ...(input.active !== undefined ? { active: input.active ? 1 : 0 } : {}),
        ...(passwordHash !== undefined ? { password_hash: passwordHash } : {}),
        ...(input.unlock ? { locked_until: null, failed_attempts: 0 } : {}),
      })
      .where('id', '=', input.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    if (input.active === false || passwordHash !== undefined) {
      await trx.deleteFrom('sessions').where('user_id', '=', input.id).execute();
    }
    const after = toUser(updated);
    await appendAudit(trx, {
      actor,
      at: now,
      action: passwordHash !== undefined ? 'user.update+password' : 'user.update',
      entity: 'user',
      entityId: input.id,
      before,
      after,
    });
    return after;
  });
}

export async function changePassword(core: Core, actor: Actor, oldPassword: string, newPassword: string): Promise<User> {
  const row = await core.db.selectFrom('users').selectAll().where('id', '=', actor.id).executeTakeFirst();
  if (!row) throw notFound();
  if (!(await verifyPassword(oldPassword, row.password_hash))) throw UserError.field('oldPassword', 'errors.auth.wrongOldPassword');
  if (!isStrongPassword(newPassword)) throw UserError.field('newPassword', 'errors.setup.weakPassword');
  const hash = await hashPassword(newPassword);
  await core.db.transaction().execute(async (trx) => {
    await trx.updateTable('users').set({ password_hash: hash }).where('id', '=', actor.id).execute();
    await appendAudit(trx, { actor, at: core.clock.now(), action: 'user.changePassword', entity: 'user', entityId: actor.id });
  });
  return toUser(row);
}

export async function updateOffice(
  core: Core,
  actor: Actor,
  input: { name?: string | undefined; township?: string | undefined; timeZone?: string | undefined; numberFormat?: string | undefined; collectiveThreshold?: number | undefined },
): Promise<Office> {
  if (input.timeZone !== undefined && !isValidTimeZone(input.timeZone)) {
    throw UserError.field('timeZone', 'errors.setup.badTimeZone', { zone: input.timeZone });
  }
  if (input.numberFormat !== undefined && !input.numberFormat.includes('{seq')) {
    throw UserError.field('numberFormat', 'errors.generic.required', { field: fieldName('fields.office.numberFormatSeq') });
  }
  return core.db.transaction().execute(async (trx) => {
    const before = toOffice(await trx.selectFrom('office').selectAll().where('id', '=', 1).executeTakeFirstOrThrow());
    const row = await trx
      .updateTable('office')
      .set({
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.township !== undefined ? { township: input.township } : {}),
        ...(input.timeZone !== undefined ? { time_zone: input.timeZone } : {}),
        ...(input.numberFormat !== undefined ? { number_format: input.numberFormat } : {}),
        ...(input.collectiveThreshold !== undefined ? { collective_threshold: input.collectiveThreshold } : {}),
      })
      .where('id', '=', 1)
      .returningAll()
      .executeTakeFirstOrThrow();
    const after = toOffice(row);
    await appendAudit(trx, { actor, at: core.clock.now(), action: 'office.update', entity: 'office', entityId: 1, before, after });
    return after;
  });
}

export function roleLabel(role: Role): string {
  return enumLabel('role', role);
}
