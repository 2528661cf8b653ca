/** Handlers for the audit procedures of the contract (shared/api/audit.ts). */
import type { Core } from '../core/context';
import type { auditContract } from '../../shared/api';
import { listAudit, verifyAudit } from '../core/audit';
import { type DomainHandlers, type HandlerOptions } from './context';

export function auditHandlers(core: Core, _options: HandlerOptions): DomainHandlers<typeof auditContract> {
  const { db } = core;
  return {
    'audit.list': (input) => listAudit(db, input.page, input.pageSize),
    'audit.verify': () => verifyAudit(db),
  };
}
