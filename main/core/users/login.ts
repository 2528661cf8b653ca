/**
 * Signing in, and the other place a password is typed (changing it), under one lock-out.
 *
 * The failed-attempt counter is taken before scrypt runs, in one `UPDATE … RETURNING` (issue 12, finding 1):
 * attempt k of a burst gets k, and once the account has {@link MAX_FAILED_LOGINS} attempts out, further ones
 * are refused without checking the password, so 60 parallel guesses get 5 checks and lock the account. A right
 * password gives the counter back; a wrong one leaves its attempt counted and locks the account at the fifth.
 *
 * A lock always ends by itself after {@link LOCKOUT_MS} (so nobody can lock the last admin out for good: at
 * worst they wait a quarter of an hour), and any admin can end it at once (users.update with unlock).
 *
 * @example
 * const { token, user } = await login(core, 'duty1', 'Passw0rd1', { source: '127.0.0.1', limit });
 */
import { sql, type Selectable } from 'kysely';
import { dialectOf, type UserTable } from '../../db';
import type { Actor, Core } from '../context';
import { UserError } from '../errors';
import { appendAudit } from '../audit';
import { dummyHash, hashPassword, needsRehash, verifyPassword } from './passwords';
import type { SourceLimit, SourceSlot } from './source-limit';

export const MAX_FAILED_LOGINS = 5;
export const LOCKOUT_MS = 15 * 60_000;

type UserRow = Selectable<UserTable>;

export type Attempt =
  | { readonly kind: 'taken'; readonly row: UserRow; readonly attempt: number }
  | { readonly kind: 'unknown' }
  | { readonly kind: 'inactive' }
  | { readonly kind: 'locked'; readonly until: number };

/** Takes one attempt on the account, or says why none is left; the check and the count are one statement. */
export async function takeAttempt(core: Core, where: { username: string } | { id: number }, now: number): Promise<Attempt> {
  const match = 'username' in where ? sql`username = ${where.username}` : sql`id = ${where.id}`;
  const taken = await sql<UserRow>`
    UPDATE users
       SET failed_attempts = CASE WHEN locked_until IS NOT NULL AND locked_until <= ${now} THEN 1 ELSE failed_attempts + 1 END,
           locked_until = CASE WHEN locked_until IS NOT NULL AND locked_until <= ${now} THEN NULL ELSE locked_until END
     WHERE ${match} AND active = 1
       AND (locked_until IS NULL OR locked_until <= ${now})
       AND (failed_attempts < ${MAX_FAILED_LOGINS} OR (locked_until IS NOT NULL AND locked_until <= ${now}))
    RETURNING *`.execute(core.db);
  const row = taken.rows[0];
  if (row) return { kind: 'taken', row, attempt: row.failed_attempts };
  const current = await core.db
    .selectFrom('users')
    .selectAll()
    .where((eb) => ('username' in where ? eb('username', '=', where.username) : eb('id', '=', where.id)))
    .executeTakeFirst();
  if (!current) return { kind: 'unknown' };
  if (current.active !== 1) return { kind: 'inactive' };
  // Locked, or every attempt is out checking a password right now: the last of them will lock it.
  return { kind: 'locked', until: current.locked_until !== null && current.locked_until > now ? current.locked_until : now + LOCKOUT_MS };
}

export function lockedError(until: number, now: number): UserError {
  return new UserError('unauthenticated', 'errors.auth.locked', { minutes: Math.max(1, Math.ceil((until - now) / 60_000)) });
}

/**
 * Records a wrong password for an attempt taken by {@link takeAttempt}; locks the account at the fifth. Returns
 * the lock's end when the account is locked now (by this failure or one before it), else how many tries are left.
 */
export async function recordFailure(
  core: Core,
  row: UserRow,
  attempt: number,
  now: number,
  action: string,
  /** Who typed it, when known (a logged-in person changing their password); null at the login. */
  actor: Actor | null = null,
): Promise<{ lockedUntil: number } | { left: number }> {
  return core.db.transaction().execute(async (trx) => {
    if (attempt >= MAX_FAILED_LOGINS) {
      const locked = await trx
        .updateTable('users')
        .set({ failed_attempts: 0, locked_until: now + LOCKOUT_MS })
        .where('id', '=', row.id)
        .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', now)]))
        .executeTakeFirst();
      if (Number(locked.numUpdatedRows) > 0) {
        await appendAudit(trx, { actor, at: now, action: 'user.locked', entity: 'user', entityId: row.id, after: { username: row.username, failed: attempt, via: action } });
      }
    } else {
      await appendAudit(trx, { actor, at: now, action, entity: 'user', entityId: row.id, after: { username: row.username, failed: attempt } });
    }
    const current = await trx.selectFrom('users').select('locked_until').where('id', '=', row.id).executeTakeFirstOrThrow();
    if (current.locked_until !== null && current.locked_until > now) return { lockedUntil: current.locked_until };
    return { left: MAX_FAILED_LOGINS - attempt };
  });
}

/** A right password: the counter starts again, and a hash from an older, cheaper setting is replaced. */
async function recordSuccess(core: Core, row: UserRow, password: string): Promise<boolean> {
  const upgraded = needsRehash(row.password_hash) ? await hashPassword(password) : null;
  await core.db
    .updateTable('users')
    .set({ failed_attempts: 0, locked_until: null, ...(upgraded ? { password_hash: upgraded } : {}) })
    .where('id', '=', row.id)
    .execute();
  return upgraded !== null;
}

export interface LoginOptions {
  /** The transport's peer (ApiRequest.source). */
  readonly source: string;
  readonly limit: SourceLimit;
}

/**
 * Checks a password for an account under the lock-out, from a source under its limit. Returns the account row
 * on a right password (counter reset, hash upgraded); throws the refusal a person sees otherwise.
 */
export async function checkPassword(
  core: Core,
  where: { username: string } | { id: number },
  password: string,
  options: LoginOptions & { readonly failureAction: string; readonly wrongPassword: (left: number) => UserError; readonly actor?: Actor },
): Promise<{ row: UserRow; rehashed: boolean }> {
  const now = core.clock.now();
  const attempt = await takeAttempt(core, where, now);
  // Refused before any password check: no guess is made, so the source is not charged for it.
  if (attempt.kind === 'inactive') throw new UserError('unauthenticated', 'errors.auth.inactive');
  if (attempt.kind === 'locked') throw lockedError(attempt.until, now);
  let slot: SourceSlot;
  try {
    slot = options.limit.take(options.source, now);
  } catch (error) {
    // The source is over its limit: the account's attempt was not used either.
    if (attempt.kind === 'taken') await core.db.updateTable('users').set((eb) => ({ failed_attempts: dialectOf(core.db).greatest(sql`0`, sql`${eb.ref('failed_attempts')} - 1`) })).where('id', '=', attempt.row.id).execute();
    throw error;
  }
  if (attempt.kind === 'unknown') {
    // Same work and the same answer as a wrong password, so user names cannot be probed.
    await verifyPassword(password, dummyHash());
    throw new UserError('unauthenticated', 'errors.auth.badCredentials', { left: MAX_FAILED_LOGINS });
  }
  if (!(await verifyPassword(password, attempt.row.password_hash))) {
    const outcome = await recordFailure(core, attempt.row, attempt.attempt, now, options.failureAction, options.actor ?? null);
    if ('lockedUntil' in outcome) throw lockedError(outcome.lockedUntil, now);
    throw options.wrongPassword(outcome.left);
  }
  options.limit.release(slot);
  return { row: attempt.row, rehashed: await recordSuccess(core, attempt.row, password) };
}
