/** Handlers for the audit procedures of the contract (shared/api/audit.ts). */
import type { Core } from '../core/context';
import type { auditContract } from '../../shared/api';
import { acceptAuditKey, listAudit, readAuditHead, verifyAudit } from '../core/audit';
import { UserError } from '../core/errors';
import { signedIn, type DomainHandlers, type HandlerOptions } from './context';

export function auditHandlers(core: Core, options: HandlerOptions): DomainHandlers<typeof auditContract> {
  const { db } = core;
  const watch = options.auditWatch;
  return {
    'audit.list': (input) => listAudit(db, input.page, input.pageSize),
    // Through the watch when there is one, so the banner follows what the admin just saw.
    'audit.verify': async () => {
      const { ok, checked, brokenAt, keyAcceptedAt } = watch ? await watch.verify() : await verifyAudit(db);
      return { ok, checked, brokenAt, keyAcceptedAt };
    },
    'audit.key.accept': async (_input, ctx) => {
      const actor = signedIn(ctx);
      if (!watch) throw new UserError('illegal_transition', 'security.errors.auditKeyNotReplaced');
      return acceptAuditKey(core, actor, watch);
    },
    'audit.status.get': async () => watch?.status() ?? null,
    'audit.head.get': () => readAuditHead(db),
  };
}
