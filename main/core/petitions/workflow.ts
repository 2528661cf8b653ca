/**
 * The petition workflow as a table of legal transitions (《信访工作条例》 2022). Anything not in the table is
 * refused with a message that lists what is possible.
 *
 * @example
 * nextStatus('registered', 'accept') // 'accepted'
 * allowedActions({ status: 'in_handling', extendedDays: 0, claimItem: 6, category: 'claim' }) // ['extend', 'reply', 'withdraw']
 */
import {
  HANDLING_CLAIM_ITEM,
  PETITION_ACTIONS,
  TERMINAL_STATUSES,
  type Category,
  type PetitionAction,
  type PetitionStatus,
} from '../../../shared/enums';

interface Transition {
  readonly from: readonly PetitionStatus[] | 'any-open';
  readonly to: PetitionStatus;
}

export const TRANSITIONS: Readonly<Record<PetitionAction, Transition>> = {
  forward: { from: ['registered'], to: 'forwarded' },
  assign: { from: ['registered'], to: 'assigned' },
  accept: { from: ['registered', 'forwarded', 'assigned'], to: 'accepted' },
  reject: { from: ['registered', 'forwarded', 'assigned'], to: 'not_accepted' },
  start_handling: { from: ['accepted'], to: 'in_handling' },
  extend: { from: ['in_handling'], to: 'extended' },
  reply: { from: ['in_handling', 'extended'], to: 'replied' },
  request_review: { from: ['replied'], to: 'review_requested' },
  review: { from: ['review_requested'], to: 'reviewed' },
  request_rereview: { from: ['reviewed'], to: 'rereview_requested' },
  rereview: { from: ['rereview_requested'], to: 'rereviewed' },
  close: { from: ['forwarded', 'not_accepted', 'replied', 'reviewed', 'rereviewed'], to: 'closed' },
  withdraw: { from: 'any-open', to: 'withdrawn' },
};

export interface WorkflowFacts {
  readonly status: PetitionStatus;
  readonly category: Category;
  readonly claimItem: number | null;
  readonly extendedDays: number;
}

/** Only 申诉求决类 item 6 has the statutory 60-day handling period, so only it can be extended. */
export function hasHandlingPeriod(facts: Pick<WorkflowFacts, 'category' | 'claimItem'>): boolean {
  return facts.category === 'claim' && facts.claimItem === HANDLING_CLAIM_ITEM;
}

export function isTerminal(status: PetitionStatus): boolean {
  return TERMINAL_STATUSES.includes(status);
}

export function nextStatus(status: PetitionStatus, action: PetitionAction): PetitionStatus | null {
  const t = TRANSITIONS[action];
  const legal = t.from === 'any-open' ? !isTerminal(status) : t.from.includes(status);
  return legal ? t.to : null;
}

export function allowedActions(facts: WorkflowFacts): PetitionAction[] {
  return PETITION_ACTIONS.filter((action) => {
    if (nextStatus(facts.status, action) === null) return false;
    if (action === 'extend') return hasHandlingPeriod(facts) && facts.extendedDays === 0;
    return true;
  });
}
