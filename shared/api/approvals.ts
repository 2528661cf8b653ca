/**
 * Approvals (待审批): what a clerk asks and a leader gives in the leader's own session. A request names who
 * asked, when, why and what changes; nothing takes effect until the leader approves it, and a return (退回)
 * carries the leader's reason.
 */
import { z } from 'zod';
import { APPROVAL_KINDS, APPROVAL_STATUSES, APPROVAL_SUBJECTS, TEXT_LIMITS } from '../enums';
import { id, optionalText, instant, procedure } from './common';

/** Only a leader gives an approval (the administrator may stand in, as everywhere). */
export const APPROVERS = ['leader'] as const;

/** One changed field of a correction, as a person reads it: old → new. */
export const fieldChangeSchema = z.object({
  field: z.string(),
  from: z.string(),
  to: z.string(),
});
export type FieldChange = z.infer<typeof fieldChangeSchema>;

export const approvalSchema = z.object({
  id,
  kind: z.enum(APPROVAL_KINDS),
  status: z.enum(APPROVAL_STATUSES),
  subjectType: z.enum(APPROVAL_SUBJECTS),
  subjectId: id,
  subjectNumber: z.string(),
  subjectSummary: z.string(),
  reason: z.string(),
  /** An extension's days. */
  days: z.number().int().nullable(),
  /** A warning lift's outcome. */
  outcome: z.string().nullable(),
  /** A correction's fields, old → new. */
  changes: z.array(fieldChangeSchema),
  requestedById: id,
  requestedBy: z.string(),
  requestedAt: instant,
  decidedBy: z.string().nullable(),
  decidedAt: instant.nullable(),
  decisionNote: z.string(),
});
export type Approval = z.infer<typeof approvalSchema>;

export const approvalListInputSchema = z.object({
  status: z.enum(APPROVAL_STATUSES).nullable().default('pending'),
  subjectType: z.enum(APPROVAL_SUBJECTS).nullable().default(null),
  subjectId: id.nullable().default(null),
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(1).max(200).default(50),
});
export type ApprovalListInput = z.input<typeof approvalListInputSchema>;

export const approvalsContract = {
  'approvals.list': procedure('any', approvalListInputSchema, z.object({ rows: z.array(approvalSchema), total: z.number().int() })),
  'approvals.approve': procedure(APPROVERS, z.object({ id, note: optionalText(TEXT_LIMITS.reason) }), approvalSchema),
  'approvals.return': procedure(APPROVERS, z.object({ id, note: optionalText(TEXT_LIMITS.reason) }), approvalSchema),
} as const;
