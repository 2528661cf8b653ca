/**
 * The procedure table: every domain's handlers merged into one. `Handlers` is mapped over the whole contract,
 * so the compiler fails when a procedure has no handler.
 */
import type { Contract } from '../../shared/api';
import type { Core } from '../core/context';
import { alarmsHandlers } from './alarms';
import { approvalsHandlers } from './approvals';
import { auditHandlers } from './audit';
import { backupsHandlers } from './backups';
import { calendarHandlers } from './calendar';
import { clockHandlers } from './clock';
import { startupHandlers } from './startup';
import type { CallContext, DomainHandlers, HandlerOptions } from './context';
import { dutyHandlers } from './duty';
import { ledgerHandlers } from './ledger';
import { noticesHandlers } from './notices';
import { petitionsHandlers } from './petitions';
import { reportsHandlers } from './reports';
import { statsHandlers } from './stats';
import { unitsHandlers } from './units';
import { usersHandlers } from './users';
import { warningsHandlers } from './warnings';
import { zeroReportsHandlers } from './zero-reports';

export type { CallContext, HandlerOptions };
export type Handlers = DomainHandlers<Contract>;

export function handlers(core: Core, options: HandlerOptions): Handlers {
  return {
    ...usersHandlers(core, options),
    ...unitsHandlers(core, options),
    ...calendarHandlers(core, options),
    ...petitionsHandlers(core, options),
    ...dutyHandlers(core, options),
    ...alarmsHandlers(core, options),
    ...reportsHandlers(core, options),
    ...warningsHandlers(core, options),
    ...zeroReportsHandlers(core, options),
    ...statsHandlers(core, options),
    ...auditHandlers(core, options),
    ...backupsHandlers(core, options),
    ...noticesHandlers(core, options),
    ...clockHandlers(core, options),
    ...approvalsHandlers(core, options),
    ...ledgerHandlers(core, options),
    ...startupHandlers(),
  };
}
