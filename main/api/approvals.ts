/** Handlers for the approvals procedures of the contract (shared/api/approvals.ts). */
import type { Core } from '../core/context';
import type { approvalsContract } from '../../shared/api';
import { decideApproval, getApproval, listApprovals } from '../core/approvals';
import { type DomainHandlers, type HandlerOptions, signedIn } from './context';

export function approvalsHandlers(core: Core, _options: HandlerOptions): DomainHandlers<typeof approvalsContract> {
  const { db } = core;
  return {
    'approvals.list': (input) => listApprovals(db, input),
    'approvals.approve': async (input, ctx) => {
      await decideApproval(core, signedIn(ctx), { id: input.id, decision: 'approve', note: input.note });
      return getApproval(db, input.id);
    },
    'approvals.return': async (input, ctx) => {
      await decideApproval(core, signedIn(ctx), { id: input.id, decision: 'return', note: input.note });
      return getApproval(db, input.id);
    },
  };
}
