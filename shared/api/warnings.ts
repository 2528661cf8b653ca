/** Early warnings (预警) about matters, and the rule table that suggests their level. */
import { z } from 'zod';
import { DEADLINE_KINDS, ESCALATIONS, PETITION_STATUSES, REPORT_SEVERITIES, REPORT_STATUSES, WARNING_ACTIONS, WARNING_EVENT_KINDS, WARNING_LEVELS, WARNING_LINK_TYPES, WARNING_STATUSES } from '../enums';
import { ADMINS, WARNING_WRITERS } from './access';
import { id, text, optionalText, instant, procedure, empty, deadlineSchema } from './common';

export const warningRuleConditionsSchema = z.strictObject({
  collectiveEventHappened: z.boolean().optional(),
  urgent: z.boolean().optional(),
  /** True: at least the office's collective threshold of people; false: fewer. */
  collective: z.boolean().optional(),
  escalationIn: z.array(z.enum(ESCALATIONS)).min(1).max(ESCALATIONS.length).optional(),
  minPeople: z.number().int().min(1).max(100_000).optional(),
});
export type WarningRuleConditions = z.infer<typeof warningRuleConditionsSchema>;

export const warningRuleSchema = z.object({
  id,
  ord: z.number().int(),
  level: z.enum(WARNING_LEVELS),
  description: z.string(),
  conditions: warningRuleConditionsSchema,
  active: z.boolean(),
  builtIn: z.boolean(),
});
export type WarningRule = z.infer<typeof warningRuleSchema>;

/** What the rule table looks at. */
export const warningFactsSchema = z.object({
  peopleCount: z.number().int().min(1).max(100_000),
  escalation: z.enum(ESCALATIONS),
  collectiveEventHappened: z.boolean().default(false),
  urgent: z.boolean().default(false),
});
export type WarningFacts = z.input<typeof warningFactsSchema>;

export const warningSuggestionSchema = z.object({
  level: z.enum(WARNING_LEVELS),
  ruleId: id.nullable(),
  ruleDescription: z.string(),
  collectiveThreshold: z.number().int(),
});
export type WarningSuggestion = z.infer<typeof warningSuggestionSchema>;

export const warningSettingsSchema = z.object({
  feedbackHours: z.object({ red: z.number().int(), yellow: z.number().int(), blue: z.number().int() }),
  supervisionHours: z.number().int(),
});
export type WarningSettings = z.infer<typeof warningSettingsSchema>;

export const warningIssueInputSchema = warningFactsSchema.extend({
  /** The matter, e.g. "东风村部分村民对征地补偿方案有异议". */
  title: text(200).min(1),
  /** Where the matter is: the village, community or unit. */
  unitId: id,
  grievance: text(4000).min(1),
  petitionIds: z.array(id).max(100).default([]),
  reportIds: z.array(id).max(100).default([]),
  /** Null: the level the rules suggest. Another level needs a reason and a leader. */
  level: z.enum(WARNING_LEVELS).nullable().default(null),
  overrideReason: optionalText(1000),
  responsibleUnitId: id,
  leadLeaderId: id,
  /** Null: the default steps (hear the grievance, verify, mediate, reply). */
  resolutionSteps: z.array(text(200).min(1)).max(20).nullable().default(null),
});
export type WarningIssueInput = z.input<typeof warningIssueInputSchema>;

export const warningSummarySchema = z.object({
  id,
  number: z.string(),
  /** As a petition's: '' for the office's own, else the township it was imported from. */
  township: z.string(),
  title: z.string(),
  unitId: id,
  unitName: z.string(),
  peopleCount: z.number().int(),
  escalation: z.enum(ESCALATIONS),
  collectiveEventHappened: z.boolean(),
  level: z.enum(WARNING_LEVELS),
  suggestedLevel: z.enum(WARNING_LEVELS),
  status: z.enum(WARNING_STATUSES),
  responsibleUnitName: z.string(),
  leadLeaderName: z.string(),
  issuedAt: instant,
  nextDueAt: instant.nullable(),
  nextDueKind: z.enum(DEADLINE_KINDS).nullable(),
  overdue: z.boolean(),
  liftedAt: instant.nullable(),
  /** The open feedback deadline (overdue or not), whatever else is due. */
  feedbackDueAt: instant.nullable(),
  /** The open supervision (督办) deadline, when the warning is under supervision. */
  supervisedUntil: instant.nullable(),
});
export type WarningSummary = z.infer<typeof warningSummarySchema>;

export const warningEventSchema = z.object({
  id,
  at: instant,
  kind: z.enum(WARNING_EVENT_KINDS),
  userName: z.string(),
  note: z.string(),
  /** Who at the responsible unit gave the feedback (a cadre, by name and post). */
  source: z.string(),
  fromLevel: z.enum(WARNING_LEVELS).nullable(),
  toLevel: z.enum(WARNING_LEVELS).nullable(),
  dueAt: instant.nullable(),
  approverName: z.string().nullable(),
});
export type WarningEvent = z.infer<typeof warningEventSchema>;

export const warningDetailSchema = warningSummarySchema.extend({
  grievance: z.string(),
  urgent: z.boolean(),
  suggestedRuleId: id.nullable(),
  suggestedRuleDescription: z.string(),
  overrideReason: z.string(),
  responsibleUnitId: id,
  leadLeaderId: id,
  resolutionSteps: z.array(z.string()),
  issuedByName: z.string(),
  liftOutcome: z.string(),
  liftApprovedByName: z.string().nullable(),
  petitions: z.array(z.object({ id, number: z.string(), summary: z.string(), status: z.enum(PETITION_STATUSES) })),
  reports: z.array(z.object({ id, number: z.string(), summary: z.string(), severity: z.enum(REPORT_SEVERITIES), status: z.enum(REPORT_STATUSES) })),
  history: z.array(warningEventSchema),
  deadlines: z.array(deadlineSchema),
  allowedActions: z.array(z.enum(WARNING_ACTIONS)),
});
export type WarningDetail = z.infer<typeof warningDetailSchema>;

export const warningListInputSchema = z.object({
  status: z.enum(WARNING_STATUSES).nullable().default(null),
  level: z.enum(WARNING_LEVELS).nullable().default(null),
  unitId: id.nullable().default(null),
  overdueOnly: z.boolean().default(false),
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(1).max(200).default(50),
});
export type WarningListInput = z.input<typeof warningListInputSchema>;

export const warningRuleInputSchema = z.object({
  level: z.enum(WARNING_LEVELS),
  description: text(100).min(1),
  conditions: warningRuleConditionsSchema,
  active: z.boolean().default(true),
});
export type WarningRuleInput = z.input<typeof warningRuleInputSchema>;

export const warningsContract = {
  'warnings.rules.list': procedure('any', empty, z.array(warningRuleSchema)),
  'warnings.rules.create': procedure(ADMINS, warningRuleInputSchema, warningRuleSchema),
  'warnings.rules.update': procedure(ADMINS, warningRuleInputSchema.extend({ id }), warningRuleSchema),
  'warnings.rules.reorder': procedure(ADMINS, z.object({ ids: z.array(id).max(200) }), z.array(warningRuleSchema)),
  'warnings.settings.get': procedure('any', empty, warningSettingsSchema),
  'warnings.settings.update': procedure(ADMINS, warningSettingsSchema, warningSettingsSchema),
  'warnings.suggestion.get': procedure('any', warningFactsSchema, warningSuggestionSchema),
  'warnings.issue': procedure(WARNING_WRITERS, warningIssueInputSchema, warningDetailSchema),
  'warnings.list': procedure('any', warningListInputSchema, z.object({ rows: z.array(warningSummarySchema), total: z.number().int() })),
  'warnings.get': procedure('any', z.object({ id }), warningDetailSchema),
  'warnings.feedback.create': procedure(
    WARNING_WRITERS,
    z.object({ id, at: instant.nullable().default(null), content: text(4000).min(1), source: optionalText(100) }),
    warningDetailSchema,
  ),
  'warnings.supervise': procedure(
    WARNING_WRITERS,
    z.object({ id, note: optionalText(2000), dueAt: instant.nullable().default(null) }),
    warningDetailSchema,
  ),
  'warnings.changeLevel': procedure(WARNING_WRITERS, z.object({ id, level: z.enum(WARNING_LEVELS), reason: optionalText(1000) }), warningDetailSchema),
  /** Proposes lifting the warning with its outcome; a leader approves it in the approvals inbox. */
  'warnings.lift': procedure(WARNING_WRITERS, z.object({ id, outcome: optionalText(4000) }), warningDetailSchema),
  'warnings.link': procedure(
    WARNING_WRITERS,
    z.object({ id, linkType: z.enum(WARNING_LINK_TYPES), subjectId: id, linked: z.boolean().default(true) }),
    warningDetailSchema,
  ),
} as const;
