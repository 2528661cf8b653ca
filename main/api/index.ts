/**
 * The procedure table behind both transports. A request is `{ name, input, session }`; the input is parsed
 * with the contract's schema before a handler sees it, the caller's role is checked against the contract,
 * and every outcome is an envelope: `{ ok: true, value }` or `{ ok: false, error }`.
 *
 * @example
 * const api = createApi(core, { testClock: null });
 * await api.call({ name: 'auth.login', input: { username: 'admin', password: '…' } });
 */
import { z } from 'zod';
import SqliteDatabase from 'better-sqlite3';
import pg from 'pg';
import { BEFORE_OWN_PASSWORD, contract, type ApiRequest, type ApiResult, type ProcedureName } from '../../shared/api';
import { enumLabel, t } from '../../shared/i18n';
import type { Core } from '../core/context';
import { UserError } from '../core/errors';
import { resolveSession } from '../core/users';
import { findUnstorableText } from '../../shared/unicode';
import { handlers, type CallContext, type HandlerOptions } from './handlers';

z.config(z.locales.zhCN());

export interface Api {
  call(request: ApiRequest): Promise<ApiResult<unknown>>;
}

function isProcedure(name: string): name is ProcedureName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

/** A text over its limit is never cut: the message names the limit and how long the text is. */
function issueMessage(issue: z.core.$ZodIssue, input: unknown): string {
  if (issue.code === 'too_big' && issue.origin === 'string') {
    let value: unknown = input;
    for (const key of issue.path) value = value !== null && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[key] : undefined;
    const count = typeof value === 'string' ? value.trim().length : Number(issue.maximum) + 1;
    return t('errors.generic.textTooLong', { max: Number(issue.maximum), count });
  }
  return issue.message;
}

function fieldsOf(error: z.ZodError, input: unknown): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.join('.') || '_';
    fields[key] ??= issueMessage(issue, input);
  }
  return fields;
}

/**
 * A UNIQUE constraint the core did not check first (issue 12, finding 4: a number format without the year repeats
 * last year's numbers): a clear refusal instead of `internal`. The transaction has rolled back, so nothing was written.
 */
function duplicateError(err: unknown) {
  const numbered = duplicateOnSqlite(err) ?? duplicateOnPostgres(err);
  if (numbered === null) return null;
  console.warn(`[api] refused a duplicate: ${(err as Error).message}`);
  return { code: 'conflict' as const, message: t(numbered ? 'security.errors.duplicateNumber' : 'security.errors.duplicate') };
}

/** Whether a UNIQUE failure on SQLite is about an office number; null when it is no such failure. */
function duplicateOnSqlite(err: unknown): boolean | null {
  if (!(err instanceof SqliteDatabase.SqliteError)) return null;
  if (err.code !== 'SQLITE_CONSTRAINT_UNIQUE' && err.code !== 'SQLITE_CONSTRAINT_PRIMARYKEY') return null;
  return /\.(number|doc_number)\b|\.year, \w+\.seq\b/.test(err.message);
}

/** The same on PostgreSQL (unique_violation), told by the constraint's name (main/db/migrations/postgres). */
function duplicateOnPostgres(err: unknown): boolean | null {
  if (!(err instanceof pg.DatabaseError) || err.code !== UNIQUE_VIOLATION) return null;
  return /_(number|doc_number)_key$|_year_seq$/.test(err.constraint ?? '');
}

const UNIQUE_VIOLATION = '23505';

export function createApi(core: Core, options: HandlerOptions): Api {
  const table = handlers(core, options);
  return {
    async call(request) {
      try {
        const name = String(request.name);
        if (!isProcedure(name)) {
          return { ok: false, error: { code: 'unknown_procedure', message: t('errors.generic.unknownProcedure', { name }) } };
        }
        const def = contract[name];
        const user = def.access === 'public' ? null : await resolveSession(core, request.session ?? null);
        if (def.access !== 'public') {
          if (!user) {
            const key = request.session ? 'errors.generic.sessionExpired' : 'errors.generic.notLoggedIn';
            return { ok: false, error: { code: 'unauthenticated', message: t(key) } };
          }
          if (user.mustChangePassword && !BEFORE_OWN_PASSWORD.has(name)) {
            return { ok: false, error: { code: 'password_change_required', message: t('security.errors.passwordChangeRequired') } };
          }
          if (def.access !== 'any' && user.role !== 'admin' && !def.access.includes(user.role)) {
            return { ok: false, error: { code: 'forbidden', message: t('errors.generic.forbidden', { role: enumLabel('role', user.role) }) } };
          }
        }
        // Every string of the raw request, whatever its schema says: a lone surrogate or a NUL is refused here.
        const unstorable = findUnstorableText(request.input);
        if (unstorable) {
          const message = t('security.errors.unstorableText', { field: unstorable });
          return { ok: false, error: { code: 'invalid_input', message, fields: { [unstorable]: message } } };
        }
        const parsed = def.input.safeParse(request.input ?? {});
        if (!parsed.success) {
          const fields = fieldsOf(parsed.error, request.input);
          const only = Object.values(fields);
          // One problem: say it in the message too, so a caller that shows only the message still says what to fix.
          const message = only.length === 1 && only[0] ? `${t('errors.generic.invalidInput')}：${only[0]}` : t('errors.generic.invalidInput');
          return { ok: false, error: { code: 'invalid_input', message, fields } };
        }
        const handler = table[name] as (input: unknown, ctx: CallContext) => Promise<unknown>;
        const value = await handler(parsed.data, { user, session: request.session ?? null, source: request.source ?? 'unknown' });
        return { ok: true, value };
      } catch (err) {
        if (err instanceof UserError) {
          return {
            ok: false,
            error: { code: err.code, message: err.message, ...(err.fields ? { fields: err.fields } : {}) },
          };
        }
        const duplicate = duplicateError(err);
        if (duplicate) return { ok: false, error: duplicate };
        console.error(`[api] ${String(request.name)} failed:`, err);
        return { ok: false, error: { code: 'internal', message: t('errors.generic.internal') } };
      }
    },
  };
}
