/**
 * The API contract: every procedure the UI may call, with its input and output schemas and who may call it,
 * one file per domain (named `domain.verb` or `domain.resource.verb`: reads are `list`/`get`, writes
 * `create`/`update`/`remove` or a named action such as `accept`, `sign`, `lift`). `main/api` implements a
 * handler for each (the compiler checks), and both transports carry `{ name, input, session }` and return an
 * {@link ApiResult}.
 *
 * @example
 * const result = await api.call('petitions.get', { id: 12 });
 * if (result.ok) show(result.value.number);
 */
import type { z } from 'zod';
import { alarmsContract } from './alarms';
import { approvalsContract } from './approvals';
import { auditContract } from './audit';
import { backupsContract } from './backups';
import { calendarContract } from './calendar';
import { clockContract } from './clock';
import { dutyContract } from './duty';
import { ledgerContract } from './ledger';
import { noticesContract } from './notices';
import { petitionsContract } from './petitions';
import { reportsContract } from './reports';
import { startupContract } from './startup';
import { statsContract } from './stats';
import { unitsContract } from './units';
import { usersContract } from './users';
import { warningsContract } from './warnings';
import { zeroReportsContract } from './zero-reports';

export type { ApiError, ApiResult, ErrorCode } from '../errors';
export * from './access';
export * from './common';
export * from './alarms';
export * from './approvals';
export * from './audit';
export * from './backups';
export * from './calendar';
export * from './clock';
export * from './duty';
export * from './events';
export * from './ledger';
export * from './notices';
export * from './petitions';
export * from './reports';
export * from './startup';
export * from './stats';
export * from './units';
export * from './users';
export * from './warnings';
export * from './zero-reports';

export const contract = {
  ...usersContract,
  ...unitsContract,
  ...calendarContract,
  ...petitionsContract,
  ...dutyContract,
  ...alarmsContract,
  ...reportsContract,
  ...warningsContract,
  ...zeroReportsContract,
  ...statsContract,
  ...auditContract,
  ...backupsContract,
  ...noticesContract,
  ...clockContract,
  ...approvalsContract,
  ...ledgerContract,
  ...startupContract,
} as const;

export type Contract = typeof contract;
export type ProcedureName = keyof Contract;
export type ProcedureInput<N extends ProcedureName> = z.input<Contract[N]['input']>;
export type ParsedInput<N extends ProcedureName> = z.output<Contract[N]['input']>;
export type ProcedureOutput<N extends ProcedureName> = z.output<Contract[N]['output']>;

/** One request over either transport. */
export interface ApiRequest {
  readonly name: string;
  readonly input: unknown;
  readonly session?: string | null;
  /**
   * Who is on the other end, as the transport sees it (browser mode: the peer's address; Electron's window: none, counted as one source). Set by
   * the main process, never by the page; login attempts are limited per source.
   */
  readonly source?: string;
}
