/** Information reports (信息报告) and their follow-ups (续报). */
import { z } from 'zod';
import { PETITION_STATUSES, REPORT_ACTIONS, REPORT_FLAGS, REPORT_SEVERITIES, REPORT_STATUSES, REPORT_STEP_ACTIONS, REPORT_TYPES, TEXT_LIMITS, URGENCIES, VERIFICATION_RESULTS, WARNING_LEVELS, WARNING_STATUSES } from '../enums';
import { ADMINS, REPORT_HANDLERS, REPORT_INTAKE } from './access';
import { id, text, optionalText, instant, procedure, empty } from './common';
import { approvalSchema } from './approvals';

// ---- Information reports (信息报告), early warnings (预警), zero reports (零报告), statistics ----
// Warnings and reports describe matters. Their schemas have no field for ID numbers, phones, people's
// movements, interception, religion, ethnicity or belief; tests/unit/warning-privacy.test.ts guards this.

const reportLimitSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('minutes'), minutes: z.number().int() }),
  z.object({ kind: z.literal('same_day') }),
]);
export type ReportLimit = z.infer<typeof reportLimitSchema>;

export const reportSettingsSchema = z.object({
  limits: z.object({ major: reportLimitSchema, important: reportLimitSchema, general: reportLimitSchema }),
});
export type ReportSettings = z.infer<typeof reportSettingsSchema>;

export const reportInputSchema = z.object({
  /** A follow-up (续报) names the report it follows; it inherits that report's unit and type. */
  parentId: id.nullable().default(null),
  unitId: id.nullable().default(null),
  type: z.enum(REPORT_TYPES).nullable().default(null),
  severity: z.enum(REPORT_SEVERITIES),
  foundAt: instant,
  /** Null: now. */
  reportedAt: instant.nullable().default(null),
  place: optionalText(200),
  peopleCount: z.number().int().min(0).max(100_000).default(0),
  summary: text(TEXT_LIMITS.summary).min(1),
  content: text(TEXT_LIMITS.request).min(1),
  demands: optionalText(TEXT_LIMITS.request),
  petitionId: id.nullable().default(null),
});
export type ReportInput = z.input<typeof reportInputSchema>;

export const reportSummarySchema = z.object({
  id,
  number: z.string(),
  /** As a petition's: '' for the office's own, else the township it was imported from. */
  township: z.string(),
  unitId: id,
  unitName: z.string(),
  type: z.enum(REPORT_TYPES),
  severity: z.enum(REPORT_SEVERITIES),
  status: z.enum(REPORT_STATUSES),
  foundAt: instant,
  reportedAt: instant,
  limitAt: instant,
  late: z.boolean(),
  lateMs: z.number().int(),
  place: z.string(),
  peopleCount: z.number().int(),
  summary: z.string(),
  parentId: id.nullable(),
  rootId: id.nullable(),
  followSeq: z.number().int(),
  flag: z.enum(REPORT_FLAGS).nullable(),
  petitionId: id.nullable(),
});
export type ReportSummary = z.infer<typeof reportSummarySchema>;

export const reportStepSchema = z.object({
  id,
  at: instant,
  action: z.enum(REPORT_STEP_ACTIONS),
  fromStatus: z.enum(REPORT_STATUSES).nullable(),
  toStatus: z.enum(REPORT_STATUSES),
  note: z.string(),
  userName: z.string(),
  details: z.record(z.string(), z.union([z.string(), z.number(), z.null()])),
});

export const reportDetailSchema = reportSummarySchema.extend({
  content: z.string(),
  demands: z.string(),
  verification: z.enum(VERIFICATION_RESULTS).nullable(),
  verificationNote: z.string(),
  nature: z.string(),
  urgency: z.enum(URGENCIES).nullable(),
  opinion: z.string(),
  approvedByName: z.string().nullable(),
  approvedAt: instant.nullable(),
  forwardTo: z.string(),
  forwardedAt: instant.nullable(),
  flagNote: z.string(),
  flaggedAt: instant.nullable(),
  createdAt: instant,
  /** The first report and all its follow-ups, oldest first (this report included). */
  chain: z.array(z.object({ id, number: z.string(), followSeq: z.number().int(), reportedAt: instant, summary: z.string(), status: z.enum(REPORT_STATUSES), late: z.boolean() })),
  steps: z.array(reportStepSchema),
  allowedActions: z.array(z.enum(REPORT_ACTIONS)),
  petition: z.object({ id, number: z.string(), summary: z.string(), status: z.enum(PETITION_STATUSES) }).nullable(),
  warnings: z.array(z.object({ id, number: z.string(), title: z.string(), level: z.enum(WARNING_LEVELS), status: z.enum(WARNING_STATUSES) })),
  /** Requests for the leader's approval of this report, newest first (a return carries the leader's reason). */
  approvals: z.array(approvalSchema),
  /** Fields that can still be corrected (until the report is approved; after that a 续报 is the way). */
  correctable: z.boolean(),
});
export type ReportDetail = z.infer<typeof reportDetailSchema>;

export const reportTransitionInputSchema = z.object({
  id,
  action: z.enum(REPORT_ACTIONS),
  /** Null: now. */
  at: instant.nullable().default(null),
  note: optionalText(4000),
  verification: z.enum(VERIFICATION_RESULTS).nullable().default(null),
  nature: optionalText(500),
  urgency: z.enum(URGENCIES).nullable().default(null),
  opinion: optionalText(4000),
  forwardTo: optionalText(100),
});
export type ReportTransitionInput = z.input<typeof reportTransitionInputSchema>;

export const reportListInputSchema = z.object({
  query: optionalText(100),
  unitId: id.nullable().default(null),
  type: z.enum(REPORT_TYPES).nullable().default(null),
  severity: z.enum(REPORT_SEVERITIES).nullable().default(null),
  statuses: z.array(z.enum(REPORT_STATUSES)).default([]),
  lateOnly: z.boolean().default(false),
  flaggedOnly: z.boolean().default(false),
  reportedFrom: instant.nullable().default(null),
  reportedTo: instant.nullable().default(null),
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(1).max(200).default(50),
});
export type ReportListInput = z.input<typeof reportListInputSchema>;

/** A correction of a report before it is approved: the fields that change, and why. */
export const reportCorrectionInputSchema = z.object({
  id,
  reason: optionalText(TEXT_LIMITS.reason),
  // A field left out stays as it is (no defaults here, so nothing changes unasked).
  changes: z.object({
    type: z.enum(REPORT_TYPES).optional(),
    severity: z.enum(REPORT_SEVERITIES).optional(),
    place: text(200).optional(),
    peopleCount: z.number().int().min(0).max(100_000).optional(),
    summary: text(TEXT_LIMITS.summary).min(1).optional(),
    content: text(TEXT_LIMITS.request).min(1).optional(),
    demands: text(TEXT_LIMITS.request).optional(),
  }),
});
export type ReportCorrectionInput = z.input<typeof reportCorrectionInputSchema>;

export const reportsContract = {
  'reports.settings.get': procedure('any', empty, reportSettingsSchema),
  'reports.settings.update': procedure(ADMINS, reportSettingsSchema, reportSettingsSchema),
  'reports.create': procedure(
    REPORT_INTAKE,
    reportInputSchema,
    z.object({ id, number: z.string(), limitAt: instant, late: z.boolean(), lateMs: z.number().int() }),
  ),
  'reports.list': procedure('any', reportListInputSchema, z.object({ rows: z.array(reportSummarySchema), total: z.number().int() })),
  'reports.get': procedure('any', z.object({ id }), reportDetailSchema),
  'reports.transition': procedure(REPORT_HANDLERS, reportTransitionInputSchema, reportDetailSchema),
  'reports.correct': procedure(REPORT_HANDLERS, reportCorrectionInputSchema, reportDetailSchema),
  'reports.linkPetition': procedure(REPORT_HANDLERS, z.object({ id, petitionId: id.nullable() }), reportDetailSchema),
  'reports.flag': procedure(
    REPORT_HANDLERS,
    z.object({ id, flag: z.enum(REPORT_FLAGS).nullable(), note: optionalText(2000) }),
    reportDetailSchema,
  ),
} as const;
