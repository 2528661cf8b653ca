/** The audit log and its chain check. */
import { z } from 'zod';
import { AUDIT_BREAKS } from '../enums';
import { id, instant, procedure, empty } from './common';
import { ADMINS } from './access';

export const auditEntrySchema = z.object({
  id,
  at: instant,
  userName: z.string(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string(),
  before: z.string().nullable(),
  after: z.string().nullable(),
});

const auditVerificationSchema = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  brokenAt: z.number().int().nullable(),
});

export const auditHeadSchema = z.object({ id, hash: z.string() });
export type AuditHead = z.infer<typeof auditHeadSchema>;

export const auditContract = {
  'audit.list': procedure(
    ADMINS,
    z.object({ page: z.number().int().min(1).default(1), pageSize: z.number().int().min(1).max(200).default(50) }),
    z.object({ rows: z.array(auditEntrySchema), total: z.number().int() }),
  ),
  'audit.verify': procedure(ADMINS, empty, auditVerificationSchema),
  /** The standing of the last verify (at start, daily, or asked for): what the red banner shows. */
  'audit.status.get': procedure(
    ADMINS,
    empty,
    auditVerificationSchema.extend({ reason: z.enum(AUDIT_BREAKS).nullable(), verifiedAt: instant }).nullable(),
  ),
  /** The chain's newest row, printed in short form on duty sheets so paper holds checkpoints. */
  'audit.head.get': procedure('any', empty, auditHeadSchema.nullable()),
} as const;
