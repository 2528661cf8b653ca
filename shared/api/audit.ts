/** The audit log and its chain check. */
import { z } from 'zod';
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

export const auditContract = {
  'audit.list': procedure(
    ADMINS,
    z.object({ page: z.number().int().min(1).default(1), pageSize: z.number().int().min(1).max(200).default(50) }),
    z.object({ rows: z.array(auditEntrySchema), total: z.number().int() }),
  ),
  'audit.verify': procedure(
    ADMINS,
    empty,
    z.object({ ok: z.boolean(), checked: z.number().int(), brokenAt: z.number().int().nullable() }),
  ),
} as const;
