/** The audit log and its chain check. */
import { z } from 'zod';
import { AUDIT_BREAKS } from '../enums';
import { id, instant, procedure, empty } from './common';
import { ADMINS } from './access';

export const auditEntrySchema = z.object({
  id,
  at: instant,
  userName: z.string(),
  /** The network address the change came from (server and browser mode); null from the desktop window, the system and older rows. */
  address: z.string().nullable(),
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
  /** Where an admin accepted a replaced key: rows before it are checked for gaps and links only. */
  keyAcceptedAt: z.number().int().nullable(),
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
  /**
   * Accepts the audit key this PC now has, after the old one was lost or replaced (the banner's 'key'): one audit
   * row records it and where the old chain ended, and the chain is verified from that row on under this key.
   * Refused for any other break. Answers the new standing.
   */
  'audit.key.accept': procedure(ADMINS, empty, auditVerificationSchema.extend({ reason: z.enum(AUDIT_BREAKS).nullable(), verifiedAt: instant })),
  /** The chain's newest row, printed in short form on duty sheets so paper holds checkpoints. */
  'audit.head.get': procedure('any', empty, auditHeadSchema.nullable()),
} as const;
