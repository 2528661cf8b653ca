/** What every domain's handlers are given and must return: the caller, the options, the handler shape. */
import type { z } from 'zod';
import type { User } from '../../shared/api';
import type { OffsetClock } from '../core/context';
import { UserError } from '../core/errors';
import { actorOf } from '../core/users';
import type { AlarmScheduler } from '../core/alarms';
import type { PdfMaker } from '../core/notices';
import type { AuditWatch } from '../core/audit';
import type { Backups } from '../core/backup';
import type { SchedulerLock } from '../db/dialects';

export interface CallContext {
  /** Null only for public procedures. */
  readonly user: User | null;
  readonly session: string | null;
  /** The transport's peer (ApiRequest.source; 'unknown' when a transport did not say). */
  readonly source: string;
}

export interface HandlerOptions {
  /** Present only when the app was started with the test clock (e2e tests); null in every real launch. */
  readonly testClock: OffsetClock | null;
  readonly scheduler?: AlarmScheduler;
  /** Makes a notice's PDF with the shell's Chromium; absent where none is available. */
  readonly makePdf?: PdfMaker | null;
  /** The audit chain's standing, verified at start and daily; absent in tools that open the core without it. */
  readonly auditWatch?: AuditWatch;
  readonly backups: Backups;
  /** Which server process runs the alarms (several may share a PostgreSQL database); absent in tools without one. */
  readonly schedulerLock?: { readonly lock: SchedulerLock; readonly shared: boolean };
}

/** Handlers may return the core's readonly data; the transports only serialise it. */
type DeepReadonly<T> = T extends (infer E)[] ? readonly DeepReadonly<E>[] : T extends object ? { readonly [K in keyof T]: DeepReadonly<T[K]> } : T;

interface ProcedureDef {
  readonly input: z.ZodType;
  readonly output: z.ZodType;
}

/**
 * One handler per procedure of a domain's contract. The mapped type makes the compiler fail when a procedure
 * has no handler or a handler returns the wrong shape.
 */
export type DomainHandlers<C extends Record<string, ProcedureDef>> = {
  readonly [N in keyof C]: (input: z.output<C[N]['input']>, ctx: CallContext) => Promise<DeepReadonly<z.output<C[N]['output']>>>;
};

/** The signed-in caller as the core's actor; refuses a call without a session. */
export function signedIn(ctx: CallContext) {
  if (!ctx.user) throw new UserError('unauthenticated', 'errors.generic.notLoggedIn');
  return actorOf(ctx.user);
}
