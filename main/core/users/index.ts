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
import { dialectOf, type Db, type OfficeTable, type UserTable } from '../../db';
import type { Office, User } from '../../../shared/api';
import { DEFAULT_COLLECTIVE_THRESHOLD, DEFAULT_NUMBER_FORMAT, DEFAULT_TOPICS, type Role } from '../../../shared/enums';
import { isValidTimeZone } from '../../../shared/time';
import { enumLabel } from '../../../shared/i18n';
import type { Actor, Core } from '../context';
import { UserError, notFound, fieldName } from '../errors';
import { appendAudit } from '../audit';
import { hashPassword, isStrongPassword, isValidUsername } from './passwords';
import { checkPassword, type LoginOptions } from './login';

export { hashPassword, verifyPassword, needsRehash, SCRYPT_PARAMS } from './passwords';
export { LOCKOUT_MS, MAX_FAILED_LOGINS, type LoginOptions } from './login';
export { SourceLimit, SOURCE_MAX_FAILURES, SOURCE_WINDOW_MS } from './source-limit';

export const SESSION_IDLE_MS = 12 * 60 * 60_000;
export const DAY_MS = 24 * 60 * 60_000;
export const DEFAULT_PREALARM_DAYS = [3, 1] as const;

export function toUser(row: Selectable<UserTable>): User {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    active: row.active === 1,
    lockedUntil: row.locked_until,
    mustChangePassword: row.must_change_password === 1,
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
    sessionMaxDays: row.session_max_days,
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

function newUserRow(input: { username: string; displayName: string; role: Role }, passwordHash: string, now: number, mustChange: boolean) {
  return {
    must_change_password: mustChange ? 1 : 0,
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
    // The statistics file each record under the office's local month: the zone is known from here on.
    await dialectOf(trx).rebuildStatsSummary(trx, input.timeZone);
    const row = await trx
      .insertInto('users')
      .values(newUserRow({ ...input.admin, role: 'admin' }, passwordHash, now, false))
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

export async function login(core: Core, username: string, password: string, options: LoginOptions): Promise<{ token: string; user: User }> {
  const { row, rehashed } = await checkPassword(core, { username }, password, {
    ...options,
    failureAction: 'user.loginFailed',
    wrongPassword: (left) => new UserError('unauthenticated', 'errors.auth.badCredentials', { left }),
  });
  const user = toUser({ ...row, failed_attempts: 0, locked_until: null });
  const now = core.clock.now();
  await core.db.transaction().execute((trx) =>
    appendAudit(trx, { actor: actorOf(user), at: now, action: 'user.login', entity: 'user', entityId: user.id, ...(rehashed ? { after: { passwordRehashed: true } } : {}) }),
  );
  return { token: await createSession(core, user.id), user };
}

/**
 * The logged-in user behind a session token, or null when the token is unknown, idle for 12 hours, older than
 * the office's session lifetime (7 days by default, however busy), or its account is disabled.
 */
export async function resolveSession(core: Core, token: string | null | undefined): Promise<User | null> {
  if (!token) return null;
  const hash = hashToken(token);
  const row = await core.db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .selectAll('users')
    .select(['sessions.last_seen_at', 'sessions.created_at as session_created_at'])
    .where('sessions.token_hash', '=', hash)
    .executeTakeFirst();
  if (!row) return null;
  const now = core.clock.now();
  const office = await core.db.selectFrom('office').select('session_max_days').where('id', '=', 1).executeTakeFirst();
  const maxAge = (office?.session_max_days ?? 7) * DAY_MS;
  if (now - row.session_created_at > maxAge || now - row.last_seen_at > SESSION_IDLE_MS) {
    await core.db.deleteFrom('sessions').where('token_hash', '=', hash).execute();
    return null;
  }
  if (row.active !== 1) return null;
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
      // The admin typed this password: the person must choose their own at first login.
      .values(newUserRow(input, passwordHash, now, true))
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
  const changes = [input.displayName, input.role, input.active, input.password].filter((v) => v !== undefined).length + (input.unlock ? 1 : 0);
  if (changes === 0) throw new UserError('invalid_input', 'security.errors.nothingToUpdate');
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
        // A reset password was typed by the admin: the person chooses their own at the next login.
        ...(passwordHash !== undefined ? { password_hash: passwordHash, must_change_password: 1 } : {}),
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

/**
 * Changes one's own password. A wrong current password counts toward the lock-out like a wrong login; when it
 * locks the account, this session ends too. A new password ends every other session of the account.
 */
export async function changePassword(
  core: Core,
  actor: Actor,
  input: { oldPassword: string; newPassword: string; session: string | null },
  options: LoginOptions,
): Promise<User> {
  let row: Selectable<UserTable>;
  try {
    ({ row } = await checkPassword(core, { id: actor.id }, input.oldPassword, {
      ...options,
      failureAction: 'user.changePasswordFailed',
      actor,
      wrongPassword: (left) => UserError.field('oldPassword', 'security.errors.wrongOldPassword', { left }),
    }));
  } catch (error) {
    const locked = error instanceof UserError && error.code === 'unauthenticated' && input.session !== null;
    if (locked && input.session) await logout(core, input.session);
    throw error;
  }
  if (!isStrongPassword(input.newPassword)) throw UserError.field('newPassword', 'errors.setup.weakPassword');
  if (input.newPassword.normalize('NFKC') === input.oldPassword.normalize('NFKC')) throw UserError.field('newPassword', 'security.errors.samePassword');
  const hash = await hashPassword(input.newPassword);
  const updated = await core.db.transaction().execute(async (trx) => {
    const after = await trx
      .updateTable('users')
      .set({ password_hash: hash, must_change_password: 0 })
      .where('id', '=', actor.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    const others = trx.deleteFrom('sessions').where('user_id', '=', actor.id);
    const ended = await (input.session ? others.where('token_hash', '!=', hashToken(input.session)) : others).executeTakeFirst();
    await appendAudit(trx, {
      actor,
      at: core.clock.now(),
      action: 'user.changePassword',
      entity: 'user',
      entityId: actor.id,
      after: { otherSessionsEnded: Number(ended.numDeletedRows), wasAdminSet: row.must_change_password === 1 },
    });
    return after;
  });
  return toUser(updated);
}

export async function updateOffice(
  core: Core,
  actor: Actor,
  input: {
    name?: string | undefined;
    township?: string | undefined;
    timeZone?: string | undefined;
    numberFormat?: string | undefined;
    collectiveThreshold?: number | undefined;
    sessionMaxDays?: number | undefined;
  },
): Promise<Office> {
  if (Object.values(input).every((v) => v === undefined)) throw new UserError('invalid_input', 'security.errors.nothingToUpdate');
  if (input.timeZone !== undefined && !isValidTimeZone(input.timeZone)) {
    throw UserError.field('timeZone', 'errors.setup.badTimeZone', { zone: input.timeZone });
  }
  if (input.numberFormat !== undefined && !input.numberFormat.includes('{seq')) {
    throw UserError.field('numberFormat', 'errors.generic.required', { field: fieldName('fields.office.numberFormatSeq') });
  }
  // Numbers are unique across years: without the year, 1 January would repeat last year's first number.
  if (input.numberFormat !== undefined && !input.numberFormat.includes('{year}')) {
    throw UserError.field('numberFormat', 'security.errors.numberFormatYear');
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
        ...(input.sessionMaxDays !== undefined ? { session_max_days: input.sessionMaxDays } : {}),
      })
      .where('id', '=', 1)
      .returningAll()
      .executeTakeFirstOrThrow();
    const after = toOffice(row);
    // Another zone moves month boundaries: every record is filed again under its local month.
    if (after.timeZone !== before.timeZone) await dialectOf(trx).rebuildStatsSummary(trx, after.timeZone);
    await appendAudit(trx, { actor, at: core.clock.now(), action: 'office.update', entity: 'office', entityId: 1, before, after });
    return after;
  });
}

export function roleLabel(role: Role): string {
  return enumLabel('role', role);
}
