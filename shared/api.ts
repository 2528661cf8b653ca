/**
 * The API contract: every procedure the UI may call, with its input and output schemas and who may call it.
 * `main/api` must implement a handler for each (the compiler checks), and both transports carry
 * `{ name, input, session }` and return an {@link ApiResult}.
 *
 * @example
 * const result = await api.call('petitions.get', { id: 12 });
 * if (result.ok) show(result.value.number);
 */
import { z } from 'zod';
import {
  CATEGORIES,
  CHANNELS,
  DECISIONS,
  DEADLINE_KINDS,
  DEADLINE_STATUSES,
  DEADLINE_UNITS,
  ESCALATIONS,
  MEDIATION_KINDS,
  MEDIATION_OUTCOMES,
  PETITION_ACTIONS,
  PETITION_STATUSES,
  REPORT_ACTIONS,
  REPORT_FLAGS,
  REPORT_SEVERITIES,
  REPORT_STATUSES,
  REPORT_TYPES,
  ROLES,
  UNIT_KINDS,
  URGENCIES,
  VERIFICATION_RESULTS,
  WARNING_ACTIONS,
  WARNING_EVENT_KINDS,
  WARNING_LEVELS,
  WARNING_LINK_TYPES,
  WARNING_STATUSES,
  ZERO_REPORT_PERIOD_KINDS,
  ZERO_REPORT_STATES,
  type Role,
} from './enums';

export type { ApiError, ApiResult, ErrorCode } from './errors';

const id = z.number().int().positive();
const text = (max: number) => z.string().trim().max(max);
const optionalText = (max: number) => z.string().trim().max(max).default('');
const instant = z.number().int().nonnegative();

export const userSchema = z.object({
  id,
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  active: z.boolean(),
  lockedUntil: instant.nullable(),
});
export type User = z.infer<typeof userSchema>;

export const officeSchema = z.object({
  name: z.string(),
  township: z.string(),
  timeZone: z.string(),
  numberFormat: z.string(),
  collectiveThreshold: z.number().int(),
  prealarmDays: z.array(z.number().int()),
});
export type Office = z.infer<typeof officeSchema>;

export const unitSchema = z.object({
  id,
  name: z.string(),
  kind: z.enum(UNIT_KINDS),
  liaisonName: z.string(),
  liaisonPhone: z.string(),
  active: z.boolean(),
});
export type Unit = z.infer<typeof unitSchema>;

export const topicSchema = z.object({ id, name: z.string(), sortOrder: z.number().int(), active: z.boolean() });
export type Topic = z.infer<typeof topicSchema>;

export const petitionerInputSchema = z.object({
  name: text(60),
  idNumber: optionalText(18),
  phone: optionalText(30),
  address: optionalText(200),
  isRepresentative: z.boolean().default(false),
});
export type PetitionerInput = z.input<typeof petitionerInputSchema>;

export const petitionInputSchema = z.object({
  channel: z.enum(CHANNELS),
  receivedAt: instant,
  petitioners: z.array(petitionerInputSchema).max(200),
  peopleCount: z.number().int().min(1).max(100_000),
  category: z.enum(CATEGORIES),
  claimItem: z.number().int().min(1).max(6).nullable().default(null),
  topicId: id.nullable().default(null),
  unitId: id.nullable().default(null),
  summary: text(200).min(1),
  request: text(4000).min(1),
  factsReasons: optionalText(20_000),
  repeatOfId: id.nullable().default(null),
});
export type PetitionInput = z.input<typeof petitionInputSchema>;

export const petitionerSchema = z.object({
  id,
  name: z.string(),
  idNumberMasked: z.string(),
  phoneMasked: z.string(),
  address: z.string(),
  isRepresentative: z.boolean(),
});

export const deadlineSchema = z.object({
  id,
  kind: z.enum(DEADLINE_KINDS),
  status: z.enum(DEADLINE_STATUSES),
  officeDuty: z.boolean(),
  startDate: z.string(),
  dueDate: z.string(),
  dueAt: instant,
  metAt: instant.nullable(),
  explanation: z.object({
    article: z.string(),
    unit: z.enum(DEADLINE_UNITS),
    days: z.number().int(),
    extensionDays: z.number().int(),
    nominalEndDate: z.string(),
    shiftedFrom: z.string().nullable(),
    skipped: z.array(z.object({ date: z.string(), name: z.string(), reason: z.enum(['holiday', 'weekend']) })),
    makeUpDays: z.array(z.object({ date: z.string(), name: z.string() })),
    uncoveredYears: z.array(z.number().int()),
    calendarVersion: z.number().int(),
  }),
});
export type Deadline = z.infer<typeof deadlineSchema>;

export const stepSchema = z.object({
  id,
  at: instant,
  action: z.string(),
  fromStatus: z.enum(PETITION_STATUSES).nullable(),
  toStatus: z.enum(PETITION_STATUSES),
  note: z.string(),
  userName: z.string(),
  details: z.record(z.string(), z.union([z.string(), z.number(), z.null()])),
});
export type Step = z.infer<typeof stepSchema>;

export const mediationSchema = z.object({
  id,
  kind: z.enum(MEDIATION_KINDS),
  at: instant,
  outcome: z.enum(MEDIATION_OUTCOMES),
  note: z.string(),
  userName: z.string(),
});

export const attachmentSchema = z.object({
  id,
  fileName: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  addedAt: instant,
});

export const petitionSummarySchema = z.object({
  id,
  number: z.string(),
  channel: z.enum(CHANNELS),
  receivedAt: instant,
  status: z.enum(PETITION_STATUSES),
  category: z.enum(CATEGORIES),
  claimItem: z.number().int().nullable(),
  topicName: z.string().nullable(),
  unitName: z.string().nullable(),
  summary: z.string(),
  peopleCount: z.number().int(),
  firstPetitioner: z.string(),
  firstIdNumberMasked: z.string(),
  nextDueAt: instant.nullable(),
  nextDueKind: z.enum(DEADLINE_KINDS).nullable(),
  repeatOfId: id.nullable(),
});
export type PetitionSummary = z.infer<typeof petitionSummarySchema>;

export const petitionDetailSchema = petitionSummarySchema.extend({
  request: z.string(),
  factsReasons: z.string(),
  topicId: id.nullable(),
  unitId: id.nullable(),
  responsibleUnitId: id.nullable(),
  responsibleUnitName: z.string().nullable(),
  leadLeaderId: id.nullable(),
  leadLeaderName: z.string().nullable(),
  decision: z.enum(DECISIONS).nullable(),
  extendedDays: z.number().int(),
  petitioners: z.array(petitionerSchema),
  steps: z.array(stepSchema),
  deadlines: z.array(deadlineSchema),
  mediations: z.array(mediationSchema),
  attachments: z.array(attachmentSchema),
  repeats: z.array(z.object({ id, number: z.string(), receivedAt: instant, summary: z.string() })),
  repeatOfNumber: z.string().nullable(),
  allowedActions: z.array(z.enum(PETITION_ACTIONS)),
  createdAt: instant,
});
export type PetitionDetail = z.infer<typeof petitionDetailSchema>;

export const transitionInputSchema = z.object({
  id,
  action: z.enum(PETITION_ACTIONS),
  at: instant.optional(),
  note: optionalText(4000),
  targetBody: optionalText(100),
  unitId: id.optional(),
  leaderId: id.optional(),
  days: z.number().int().optional(),
  approverId: id.optional(),
  decision: z.enum(DECISIONS).optional(),
  basis: optionalText(2000),
  noticeOnTheSpot: z.boolean().optional(),
});
export type TransitionInput = z.input<typeof transitionInputSchema>;

export const PETITION_SORTS = ['receivedAt', 'number', 'nextDueAt', 'status'] as const;

export const petitionListInputSchema = z.object({
  query: optionalText(100),
  statuses: z.array(z.enum(PETITION_STATUSES)).default([]),
  category: z.enum(CATEGORIES).nullable().default(null),
  topicId: id.nullable().default(null),
  unitId: id.nullable().default(null),
  receivedFrom: instant.nullable().default(null),
  receivedTo: instant.nullable().default(null),
  overdueOnly: z.boolean().default(false),
  sort: z.enum(PETITION_SORTS).default('receivedAt'),
  descending: z.boolean().default(true),
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(1).max(200).default(50),
});
export type PetitionListInput = z.input<typeof petitionListInputSchema>;

export const calendarDaySchema = z.object({ date: z.string(), isOffDay: z.boolean(), name: z.string() });
export type CalendarDay = z.infer<typeof calendarDaySchema>;

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


export const SHIFT_PATTERNS = ['daily', 'day_night', 'weekly'] as const;
export const OVERRIDE_KINDS = ['override', 'swap', 'extra'] as const;
export const DUTY_LOG_KINDS = ['call', 'visit', 'event', 'other'] as const;
export const ALARM_STATUSES = ['fired', 'snoozed', 'acknowledged', 'resolved', 'superseded'] as const;

export const dutyRoleSchema = z.object({ id, key: z.string(), name: z.string(), builtIn: z.boolean() });
export type DutyRole = z.infer<typeof dutyRoleSchema>;

export const rotationSchema = z.object({
  id,
  name: z.string(),
  roleId: id,
  pattern: z.enum(SHIFT_PATTERNS),
  handoffHour: z.number().int(),
  nightHour: z.number().int(),
  weekday: z.number().int(),
  shiftsPerPerson: z.number().int(),
  startDate: z.string(),
  endDate: z.string().nullable(),
  sensitiveOnly: z.boolean(),
  active: z.boolean(),
  members: z.array(id),
});
export type Rotation = z.infer<typeof rotationSchema>;

export const rotationInputSchema = z.object({
  id: id.optional(),
  name: text(40).min(1),
  roleId: id,
  pattern: z.enum(SHIFT_PATTERNS),
  handoffHour: z.number().int().min(0).max(23).default(8),
  nightHour: z.number().int().min(0).max(23).default(18),
  weekday: z.number().int().min(0).max(6).default(1),
  shiftsPerPerson: z.number().int().min(1).max(31).default(1),
  startDate: z.string(),
  endDate: z.string().nullable().default(null),
  sensitiveOnly: z.boolean().default(false),
  active: z.boolean().default(true),
  members: z.array(id).max(100),
});
export type RotationInput = z.input<typeof rotationInputSchema>;

export const segmentSchema = z.object({
  roleId: id,
  userId: id,
  userName: z.string(),
  start: instant,
  end: instant,
  rotationId: id.nullable(),
  source: z.enum(['rotation', ...OVERRIDE_KINDS]),
  overrideId: id.nullable(),
});
export type Segment = z.infer<typeof segmentSchema>;

export const gapSchema = z.object({ roleId: id, start: instant, end: instant });

export const sensitivePeriodSchema = z.object({
  id,
  name: z.string(),
  startDate: z.string(),
  endDate: z.string(),
  note: z.string(),
  cancelled: z.boolean().optional(),
});
export type SensitivePeriod = z.infer<typeof sensitivePeriodSchema>;

export const onDutySchema = z.object({
  at: instant,
  roles: z.array(
    z.object({
      roleId: id,
      key: z.string(),
      name: z.string(),
      users: z.array(z.object({ id, name: z.string(), source: z.enum(['rotation', ...OVERRIDE_KINDS]), until: instant })),
    }),
  ),
  nextGap: gapSchema.nullable(),
});
export type OnDuty = z.infer<typeof onDutySchema>;

export const overrideSchema = z.object({
  id,
  kind: z.enum(OVERRIDE_KINDS),
  roleId: id,
  userId: id,
  userName: z.string(),
  replacedUserId: id.nullable(),
  replacedUserName: z.string().nullable(),
  startAt: instant,
  endAt: instant,
  reason: z.string(),
  swapGroup: z.string().nullable(),
});
export type DutyOverride = z.infer<typeof overrideSchema>;

export const dutyLogEntrySchema = z.object({ id, at: instant, kind: z.enum(DUTY_LOG_KINDS), content: z.string(), userName: z.string() });
export type DutyLogEntry = z.infer<typeof dutyLogEntrySchema>;

export const alarmSchema = z.object({
  id,
  kind: z.enum(['pre', 'due']),
  daysBefore: z.number().int(),
  fireAt: instant,
  firedAt: instant.nullable(),
  lateMs: z.number().int(),
  status: z.enum(ALARM_STATUSES),
  level: z.number().int(),
  noOneOnDuty: z.boolean(),
  recipients: z.array(z.object({ id, name: z.string() })),
  acknowledgedBy: z.string().nullable(),
  acknowledgedAt: instant.nullable(),
  snoozedUntil: instant.nullable(),
  snoozeReason: z.string().nullable(),
  deadlineKind: z.enum(DEADLINE_KINDS),
  dueAt: instant,
  subjectType: z.string(),
  subjectId: z.number().int(),
  subjectNumber: z.string(),
  subjectSummary: z.string(),
  log: z.array(z.object({ at: instant, step: z.string(), note: z.string(), users: z.array(z.string()) })),
});
export type Alarm = z.infer<typeof alarmSchema>;

export const alarmSettingsSchema = z.object({
  ackMinutes: z.number().int(),
  repeatMinutes: z.number().int(),
  prealarmDays: z.record(z.string(), z.array(z.number().int()).max(5)),
  prealarmHour: z.number().int(),
});
export type AlarmSettings = z.infer<typeof alarmSettingsSchema>;

export const handoverDraftSchema = z.object({
  since: instant,
  openAlarms: z.array(
    z.object({ id, subjectNumber: z.string(), subjectSummary: z.string(), deadlineKind: z.enum(DEADLINE_KINDS), dueAt: instant, level: z.number().int(), status: z.enum(ALARM_STATUSES) }),
  ),
  dueSoon: z.array(z.object({ id, kind: z.enum(DEADLINE_KINDS), dueAt: instant, petitionId: z.number().int(), number: z.string(), summary: z.string() })),
  dutyLog: z.array(dutyLogEntrySchema),
  incoming: z.object({ id, name: z.string(), from: instant.nullable() }).nullable(),
});
export type HandoverDraft = z.infer<typeof handoverDraftSchema>;

export const handoverSchema = z.object({
  id,
  fromUserId: id,
  fromName: z.string(),
  toUserId: id.nullable(),
  toName: z.string().nullable(),
  startedAt: instant,
  confirmedAt: instant.nullable(),
  status: z.enum(['pending', 'confirmed']),
  notes: z.string(),
  snapshot: handoverDraftSchema,
});
export type Handover = z.infer<typeof handoverSchema>;

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
  summary: text(200).min(1),
  content: text(4000).min(1),
  demands: optionalText(2000),
  petitionId: id.nullable().default(null),
});
export type ReportInput = z.input<typeof reportInputSchema>;

export const reportSummarySchema = z.object({
  id,
  number: z.string(),
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
  action: z.string(),
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

export const zeroReportSettingsSchema = z.object({
  /** The monthly report is due by 24:00 of this day of the next month. */
  monthlyDueDay: z.number().int(),
  /** The daily report in a sensitive period is due by this hour the same day (24 = midnight). */
  dailyDueHour: z.number().int(),
});
export type ZeroReportSettings = z.infer<typeof zeroReportSettingsSchema>;

const zeroReportCounts = z.object({ on_time: z.number().int(), late: z.number().int(), missing: z.number().int(), not_due_yet: z.number().int() });

export const zeroReportGridSchema = z.object({
  month: z.string(),
  periods: z.array(z.object({ period: z.string(), kind: z.enum(ZERO_REPORT_PERIOD_KINDS), dueAt: instant, sensitivePeriodName: z.string().nullable() })),
  units: z.array(z.object({ unitId: id, unitName: z.string(), counts: zeroReportCounts })),
  cells: z.array(
    z.object({
      unitId: id,
      period: z.string(),
      state: z.enum(ZERO_REPORT_STATES),
      dueAt: instant,
      submittedAt: instant.nullable(),
      lateMs: z.number().int(),
      nothingToReport: z.boolean().nullable(),
      reportIds: z.array(id),
    }),
  ),
  counts: zeroReportCounts,
});
export type ZeroReportGrid = z.infer<typeof zeroReportGridSchema>;

export const zeroReportSubmitInputSchema = z.object({
  unitId: id,
  /** '2026-11' for the month, '2026-11-03' for a day in a sensitive period. */
  period: z.string().max(10),
  nothingToReport: z.boolean(),
  /** The unit's reports of the period, when there was something to report. */
  reportIds: z.array(id).max(200).default([]),
  note: optionalText(1000),
  /** Null: now. */
  submittedAt: instant.nullable().default(null),
});
export type ZeroReportSubmitInput = z.input<typeof zeroReportSubmitInputSchema>;

const rate = z.number().nullable();

export const statisticsSchema = z.object({
  from: instant,
  to: instant,
  byMonth: z.array(z.object({ month: z.string(), petitions: z.number().int(), reports: z.number().int(), warnings: z.number().int() })),
  byTopic: z.array(z.object({ topicId: id.nullable(), topicName: z.string(), petitions: z.number().int() })),
  byLevel: z.array(z.object({ level: z.enum(WARNING_LEVELS), issued: z.number().int(), active: z.number().int() })),
  byReportType: z.array(z.object({ type: z.enum(REPORT_TYPES), reports: z.number().int() })),
  byUnit: z.array(
    z.object({
      unitId: id,
      unitName: z.string(),
      petitions: z.number().int(),
      warnings: z.number().int(),
      reports: z.number().int(),
      reportsOnTime: z.number().int(),
      reportsLate: z.number().int(),
      reportsMissed: z.number().int(),
      reportsConcealed: z.number().int(),
      reportOnTimeRate: rate,
      /** Petitions with an office deadline that has come (met, or run out); the rest are not judged yet. */
      petitionsDue: z.number().int(),
      petitionsOnTime: z.number().int(),
      petitionsLate: z.number().int(),
      petitionOnTimeRate: rate,
      zeroReportsExpected: z.number().int(),
      zeroReportsOnTime: z.number().int(),
      zeroReportsLate: z.number().int(),
      zeroReportsMissing: z.number().int(),
      zeroReportOnTimeRate: rate,
    }),
  ),
});
export type Statistics = z.infer<typeof statisticsSchema>;

const MONTH_TEXT = /^\d{4}-(0[1-9]|1[0-2])$/;
const monthIndex = (m: string) => Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7));
/** The last `months` months, or a chosen range of whole months (both ends included, at most 24). */
export const statisticsInputSchema = z
  .object({
    months: z.number().int().min(1).max(24).default(12),
    fromMonth: z.string().regex(MONTH_TEXT, { message: '起始月份的格式应为“2026-01”' }).optional(),
    toMonth: z.string().regex(MONTH_TEXT, { message: '结束月份的格式应为“2026-12”' }).optional(),
  })
  .refine((r) => (r.fromMonth === undefined) === (r.toMonth === undefined), { message: '请同时选择起始月份和结束月份', path: ['toMonth'] })
  .refine((r) => !r.fromMonth || !r.toMonth || r.fromMonth <= r.toMonth, { message: '结束月份不能早于起始月份', path: ['toMonth'] })
  .refine((r) => !r.fromMonth || !r.toMonth || monthIndex(r.toMonth) - monthIndex(r.fromMonth) < 24, {
    message: '统计范围最长24个月，请缩短起止月份',
    path: ['toMonth'],
  });
export type StatisticsInput = z.infer<typeof statisticsInputSchema>;

export const dashboardSchema = z.object({
  now: instant,
  activeWarnings: z.object({ red: z.number().int(), yellow: z.number().int(), blue: z.number().int() }),
  overduePetitions: z.number().int(),
  overdueWarningFeedback: z.number().int(),
  reportsAwaitingApproval: z.number().int(),
  reportsLateThisMonth: z.number().int(),
  zeroReports: z.object({ dueToday: z.number().int(), missing: z.number().int() }),
  sensitivePeriod: z.object({ id, name: z.string(), startDate: z.string(), endDate: z.string() }).nullable(),
});
export type Dashboard = z.infer<typeof dashboardSchema>;

/** Notices (文书): the kinds, in the order the office meets them; main/core/notices/document.ts holds the same list. */
export const NOTICE_KIND_VALUES = [
  'warning_report',
  'warning_notice',
  'supervision_notice',
  'assignment_slip',
  'acceptance_notice',
  'non_acceptance_notice',
  'handling_opinion',
  'info_report',
  'info_followup',
  'duty_roster',
] as const;
export const NOTICE_STATUSES = ['draft', 'submitted', 'signed', 'printed'] as const;
export const NOTICE_ACTIONS = ['edit', 'submit', 'return', 'sign', 'print', 'supersede'] as const;
export const NOTICE_SUBJECTS = ['warning', 'petition', 'report', 'duty_month'] as const;
export const NOTICE_PRINT_FORMATS = ['pdf', 'paper'] as const;

export const noticeBodyBlockSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('paragraph'), text: text(4000) }),
  z.object({ type: z.literal('heading'), level: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]), text: text(200) }),
  z.object({ type: z.literal('table'), rows: z.array(z.array(text(200)).max(12)).max(80) }),
]);
export type NoticeBodyBlock = z.infer<typeof noticeBodyBlockSchema>;

export const noticeSummarySchema = z.object({
  id,
  kind: z.enum(NOTICE_KIND_VALUES),
  status: z.enum(NOTICE_STATUSES),
  title: z.string(),
  docNumber: z.string().nullable(),
  subjectType: z.enum(NOTICE_SUBJECTS),
  subjectId: id.nullable(),
  subjectMonth: z.string().nullable(),
  subjectLabel: z.string(),
  createdByName: z.string(),
  createdAt: instant,
  signedByName: z.string().nullable(),
  signedAt: instant.nullable(),
  printCount: z.number().int(),
  copiesPrinted: z.number().int(),
  lastPrintedAt: instant.nullable(),
  supersededById: id.nullable(),
  supersededByNumber: z.string().nullable(),
});
export type NoticeSummary = z.infer<typeof noticeSummarySchema>;

export const noticePrintSchema = z.object({ id, at: instant, userName: z.string(), copies: z.number().int(), format: z.enum(NOTICE_PRINT_FORMATS), sha256: z.string() });
export type NoticePrint = z.infer<typeof noticePrintSchema>;

export const noticeDetailSchema = noticeSummarySchema.extend({
  format: z.enum(['document', 'letter']),
  addressee: z.string(),
  addresseeUnitName: z.string().nullable(),
  body: z.array(noticeBodyBlockSchema),
  note: z.string(),
  copyTo: z.array(z.string()),
  /** What the fill left out of a notice to an accused unit, and why (shown to the clerk, never printed). */
  withheld: z.array(z.string()),
  sha256: z.string().nullable(),
  submittedByName: z.string().nullable(),
  submittedAt: instant.nullable(),
  supersedesId: id.nullable(),
  supersedesNumber: z.string().nullable(),
  prints: z.array(noticePrintSchema),
  allowedActions: z.array(z.enum(NOTICE_ACTIONS)),
});
export type NoticeDetail = z.infer<typeof noticeDetailSchema>;

export const noticeCreateInputSchema = z.object({
  kind: z.enum(NOTICE_KIND_VALUES),
  warningId: id.nullable().default(null),
  petitionId: id.nullable().default(null),
  reportId: id.nullable().default(null),
  month: z.string().max(7).nullable().default(null),
});
export type NoticeCreateInput = z.input<typeof noticeCreateInputSchema>;

export const noticeUpdateInputSchema = z.object({
  id,
  title: text(100),
  addressee: text(100),
  body: z.array(noticeBodyBlockSchema).max(200),
  note: optionalText(500),
  copyTo: z.array(text(60)).max(20).default([]),
});
export type NoticeUpdateInput = z.input<typeof noticeUpdateInputSchema>;

export const noticeListInputSchema = z.object({
  kind: z.enum(NOTICE_KIND_VALUES).nullable().default(null),
  status: z.enum(NOTICE_STATUSES).nullable().default(null),
  /** The notices drafted from one record (a petition's page lists its own). */
  subjectType: z.enum(NOTICE_SUBJECTS).nullable().default(null),
  subjectId: id.nullable().default(null),
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(1).max(200).default(50),
});
export type NoticeListInput = z.input<typeof noticeListInputSchema>;

export const noticeSettingsSchema = z.object({
  issuerMark: text(40).min(1),
  issuerName: text(40).min(1),
  countyAddressee: text(40).min(1),
  prefixes: z.record(z.enum(NOTICE_KIND_VALUES), text(10).min(1)),
  /** The office seal as a PNG data: URL (the admin loads the image file); printed on signed notices only. */
  sealDataUrl: z.string().max(400_000).nullable().default(null),
});
export type NoticeSettings = z.infer<typeof noticeSettingsSchema>;

/** A schedule query covers at most two months (a month view with its neighbouring days). */
const MAX_SCHEDULE_RANGE_MS = 62 * 86_400_000;
const rangeSchema = z
  .object({ from: instant, to: instant })
  .refine((r) => r.to > r.from && r.to - r.from <= MAX_SCHEDULE_RANGE_MS, { message: '时间范围须大于零且不超过62天' });

/** Who may call: 'public' needs no login; 'any' any logged-in user; otherwise the listed roles (admin always may). */
export type Access = 'public' | 'any' | readonly Role[];

function procedure<I extends z.ZodType, O extends z.ZodType>(access: Access, input: I, output: O) {
  return { access, input, output } as const;
}

const empty = z.object({}).default({});
const ok = z.object({ ok: z.literal(true) });
const PETITION_WRITERS: readonly Role[] = ['clerk', 'leader'];
const DUTY_PLANNERS: readonly Role[] = ['leader'];
const DUTY_STAFF: readonly Role[] = ['duty_officer', 'leader', 'clerk'];
/** Reports come in at any hour: the duty officer on the night shift takes them too. */
const REPORT_INTAKE: readonly Role[] = ['clerk', 'leader', 'duty_officer'];

export const contract = {
  'setup.status': procedure(
    'public',
    empty,
    z.object({ needsSetup: z.boolean(), officeName: z.string().nullable(), testClock: z.boolean() }),
  ),
  'setup.create': procedure(
    'public',
    z.object({
      officeName: text(60).min(1),
      township: text(60).min(1),
      timeZone: text(60).default('Asia/Shanghai'),
      admin: z.object({ username: text(32), displayName: text(30).min(1), password: z.string().max(128) }),
    }),
    z.object({ token: z.string(), user: userSchema }),
  ),
  'auth.login': procedure(
    'public',
    z.object({ username: text(32).min(1), password: z.string().min(1).max(128) }),
    z.object({ token: z.string(), user: userSchema }),
  ),
  'auth.logout': procedure('any', empty, ok),
  'auth.me': procedure('any', empty, z.object({ user: userSchema, office: officeSchema })),
  'auth.changePassword': procedure(
    'any',
    z.object({ oldPassword: z.string().max(128), newPassword: z.string().max(128) }),
    ok,
  ),

  'users.list': procedure('any', empty, z.array(userSchema)),
  'users.create': procedure(
    ['admin'],
    z.object({ username: text(32), displayName: text(30).min(1), role: z.enum(ROLES), password: z.string().max(128) }),
    userSchema,
  ),
  'users.update': procedure(
    ['admin'],
    z.object({
      id,
      displayName: text(30).min(1).optional(),
      role: z.enum(ROLES).optional(),
      active: z.boolean().optional(),
      password: z.string().max(128).optional(),
      unlock: z.boolean().optional(),
    }),
    userSchema,
  ),

  'office.update': procedure(
    ['admin'],
    z.object({
      name: text(60).min(1).optional(),
      township: text(60).min(1).optional(),
      timeZone: text(60).optional(),
      numberFormat: text(40).optional(),
      collectiveThreshold: z.number().int().min(2).max(1000).optional(),
    }),
    officeSchema,
  ),

  'units.list': procedure('any', z.object({ includeInactive: z.boolean().default(false) }).default({ includeInactive: false }), z.array(unitSchema)),
  'units.save': procedure(
    ['admin'],
    z.object({
      id: id.optional(),
      name: text(60).min(1),
      kind: z.enum(UNIT_KINDS),
      liaisonName: optionalText(30),
      liaisonPhone: optionalText(30),
      active: z.boolean().default(true),
    }),
    unitSchema,
  ),

  'topics.list': procedure('any', z.object({ includeInactive: z.boolean().default(false) }).default({ includeInactive: false }), z.array(topicSchema)),
  'topics.save': procedure(
    ['admin'],
    z.object({ id: id.optional(), name: text(30).min(1), sortOrder: z.number().int().default(0), active: z.boolean().default(true) }),
    topicSchema,
  ),

  'calendar.years': procedure(
    'any',
    empty,
    z.object({
      version: z.number().int(),
      years: z.array(z.object({ year: z.number().int(), offDays: z.number().int(), makeUpDays: z.number().int() })),
    }),
  ),
  'calendar.days': procedure('any', z.object({ year: z.number().int().min(2000).max(2100) }), z.array(calendarDaySchema)),
  'calendar.import': procedure(
    ['admin'],
    z.object({ fileText: z.string().max(1_000_000) }),
    z.object({ year: z.number().int(), days: z.number().int(), recomputed: z.number().int() }),
  ),
  'calendar.setDay': procedure(
    ['admin'],
    z.object({ date: z.string(), isOffDay: z.boolean().nullable(), name: optionalText(20) }),
    z.object({ recomputed: z.number().int() }),
  ),

  'petitions.checkDuplicates': procedure(
    PETITION_WRITERS,
    z.object({ idNumbers: z.array(z.string().max(18)).max(200).default([]), text: optionalText(4000), excludeId: id.optional() }),
    z.array(
      petitionSummarySchema.extend({ reason: z.enum(['idNumber', 'text']) }),
    ),
  ),
  'petitions.create': procedure(PETITION_WRITERS, petitionInputSchema, z.object({ id, number: z.string() })),
  'petitions.list': procedure(
    'any',
    petitionListInputSchema,
    z.object({ rows: z.array(petitionSummarySchema), total: z.number().int() }),
  ),
  'petitions.get': procedure('any', z.object({ id }), petitionDetailSchema),
  'petitions.transition': procedure(PETITION_WRITERS, transitionInputSchema, petitionDetailSchema),
  'petitions.addMediation': procedure(
    PETITION_WRITERS,
    z.object({ id, kind: z.enum(MEDIATION_KINDS), at: instant, outcome: z.enum(MEDIATION_OUTCOMES), note: optionalText(4000) }),
    petitionDetailSchema,
  ),
  'petitions.linkRepeat': procedure(PETITION_WRITERS, z.object({ id, repeatOfId: id.nullable() }), petitionDetailSchema),
  'petitions.revealPersonal': procedure(
    PETITION_WRITERS,
    z.object({ petitionerId: id }),
    z.object({ idNumber: z.string(), phone: z.string() }),
  ),
  'petitions.addAttachment': procedure(
    PETITION_WRITERS,
    z.object({ id, fileName: text(200).min(1), dataBase64: z.string().max(30_000_000) }),
    attachmentSchema,
  ),

  'duty.roles': procedure('any', empty, z.array(dutyRoleSchema)),
  'duty.saveRole': procedure(['admin'], z.object({ id: id.optional(), name: text(20).min(1) }), dutyRoleSchema),
  'duty.rotations': procedure('any', empty, z.array(rotationSchema)),
  'duty.saveRotation': procedure(DUTY_PLANNERS, rotationInputSchema, rotationSchema),
  'duty.now': procedure('any', empty, onDutySchema),
  'duty.schedule': procedure(
    'any',
    rangeSchema,
    z.object({ segments: z.array(segmentSchema), gaps: z.array(gapSchema), sensitivePeriods: z.array(sensitivePeriodSchema) }),
  ),
  'duty.overrides': procedure('any', rangeSchema, z.array(overrideSchema)),
  'duty.addOverride': procedure(
    DUTY_PLANNERS,
    z.object({
      roleId: id,
      userId: id,
      replacedUserId: id.nullable().default(null),
      startAt: instant,
      endAt: instant,
      reason: optionalText(200),
      extra: z.boolean().default(false),
    }),
    z.object({ id }),
  ),
  'duty.swap': procedure(
    DUTY_PLANNERS,
    z.object({ roleId: id, userA: id, startA: instant, endA: instant, userB: id, startB: instant, endB: instant, reason: optionalText(200) }),
    z.object({ group: z.string() }),
  ),
  'duty.cancelOverride': procedure(DUTY_PLANNERS, z.object({ id }), ok),
  'duty.sensitivePeriods': procedure('any', empty, z.array(sensitivePeriodSchema)),
  'duty.saveSensitivePeriod': procedure(
    ['admin'],
    z.object({ id: id.optional(), name: text(40).min(1), startDate: z.string(), endDate: z.string(), note: optionalText(500), cancelled: z.boolean().default(false) }),
    sensitivePeriodSchema,
  ),
  'dutyLog.add': procedure(
    DUTY_STAFF,
    z.object({ at: instant.nullable().default(null), kind: z.enum(DUTY_LOG_KINDS), content: optionalText(2000) }),
    z.object({ id }),
  ),
  'dutyLog.list': procedure('any', rangeSchema, z.array(dutyLogEntrySchema)),
  'handover.prepare': procedure('any', empty, handoverDraftSchema),
  'handover.start': procedure(DUTY_STAFF, z.object({ notes: optionalText(4000), toUserId: id.nullable().default(null) }), z.object({ id })),
  'handover.confirm': procedure(DUTY_STAFF, z.object({ id }), ok),
  'handover.list': procedure('any', z.object({ limit: z.number().int().min(1).max(200).default(20) }).default({ limit: 20 }), z.array(handoverSchema)),
  'alarms.list': procedure(
    'any',
    z.object({
      scope: z.enum(['open', 'all']).default('open'),
      page: z.number().int().min(1).default(1),
      pageSize: z.number().int().min(1).max(200).default(50),
      withLog: z.boolean().default(false),
    }),
    z.object({ rows: z.array(alarmSchema), total: z.number().int() }),
  ),
  'alarms.acknowledge': procedure('any', z.object({ id, note: optionalText(500) }), ok),
  'alarms.snooze': procedure('any', z.object({ id, minutes: z.number().int(), reason: optionalText(500) }), ok),
  'alarms.settings': procedure('any', empty, alarmSettingsSchema),
  'alarms.saveSettings': procedure(['admin'], alarmSettingsSchema, alarmSettingsSchema),

  'reports.settings': procedure('any', empty, reportSettingsSchema),
  'reports.saveSettings': procedure(['admin'], reportSettingsSchema, reportSettingsSchema),
  'reports.create': procedure(
    REPORT_INTAKE,
    reportInputSchema,
    z.object({ id, number: z.string(), limitAt: instant, late: z.boolean(), lateMs: z.number().int() }),
  ),
  'reports.list': procedure('any', reportListInputSchema, z.object({ rows: z.array(reportSummarySchema), total: z.number().int() })),
  'reports.get': procedure('any', z.object({ id }), reportDetailSchema),
  'reports.transition': procedure(PETITION_WRITERS, reportTransitionInputSchema, reportDetailSchema),
  'reports.linkPetition': procedure(PETITION_WRITERS, z.object({ id, petitionId: id.nullable() }), reportDetailSchema),
  'reports.flag': procedure(
    PETITION_WRITERS,
    z.object({ id, flag: z.enum(REPORT_FLAGS).nullable(), note: optionalText(2000) }),
    reportDetailSchema,
  ),

  'warningRules.list': procedure('any', empty, z.array(warningRuleSchema)),
  'warningRules.save': procedure(
    ['admin'],
    z.object({
      id: id.optional(),
      level: z.enum(WARNING_LEVELS),
      description: text(100).min(1),
      conditions: warningRuleConditionsSchema,
      active: z.boolean().default(true),
    }),
    warningRuleSchema,
  ),
  'warningRules.reorder': procedure(['admin'], z.object({ ids: z.array(id).max(200) }), z.array(warningRuleSchema)),
  'warnings.settings': procedure('any', empty, warningSettingsSchema),
  'warnings.saveSettings': procedure(['admin'], warningSettingsSchema, warningSettingsSchema),
  'warnings.suggest': procedure('any', warningFactsSchema, warningSuggestionSchema),
  'warnings.issue': procedure(PETITION_WRITERS, warningIssueInputSchema, warningDetailSchema),
  'warnings.list': procedure('any', warningListInputSchema, z.object({ rows: z.array(warningSummarySchema), total: z.number().int() })),
  'warnings.get': procedure('any', z.object({ id }), warningDetailSchema),
  'warnings.feedback': procedure(
    PETITION_WRITERS,
    z.object({ id, at: instant.nullable().default(null), content: text(4000).min(1), source: optionalText(100) }),
    warningDetailSchema,
  ),
  'warnings.supervise': procedure(
    PETITION_WRITERS,
    z.object({ id, note: optionalText(2000), dueAt: instant.nullable().default(null) }),
    warningDetailSchema,
  ),
  'warnings.changeLevel': procedure(PETITION_WRITERS, z.object({ id, level: z.enum(WARNING_LEVELS), reason: optionalText(1000) }), warningDetailSchema),
  'warnings.lift': procedure(PETITION_WRITERS, z.object({ id, outcome: optionalText(4000), approverId: id.nullable().default(null) }), warningDetailSchema),
  'warnings.link': procedure(
    PETITION_WRITERS,
    z.object({ id, linkType: z.enum(WARNING_LINK_TYPES), subjectId: id, linked: z.boolean().default(true) }),
    warningDetailSchema,
  ),

  'zeroReports.settings': procedure('any', empty, zeroReportSettingsSchema),
  'zeroReports.saveSettings': procedure(['admin'], zeroReportSettingsSchema, zeroReportSettingsSchema),
  'zeroReports.grid': procedure('any', z.object({ month: z.string().max(7) }), zeroReportGridSchema),
  'zeroReports.submit': procedure(
    DUTY_STAFF,
    zeroReportSubmitInputSchema,
    z.object({ id, state: z.enum(['on_time', 'late']), lateMs: z.number().int() }),
  ),

  'stats.overview': procedure('any', statisticsInputSchema.default({ months: 12 }), statisticsSchema),
  'stats.dashboard': procedure('any', empty, dashboardSchema),

  'audit.list': procedure(
    ['admin'],
    z.object({ page: z.number().int().min(1).default(1), pageSize: z.number().int().min(1).max(200).default(50) }),
    z.object({ rows: z.array(auditEntrySchema), total: z.number().int() }),
  ),
  'audit.verify': procedure(
    ['admin'],
    empty,
    z.object({ ok: z.boolean(), checked: z.number().int(), brokenAt: z.number().int().nullable() }),
  ),

  'backup.create': procedure(
    ['admin'],
    z.object({ targetDir: text(500).nullable().default(null) }),
    z.object({ folder: z.string(), databaseBytes: z.number().int(), attachments: z.number().int() }),
  ),
  'notices.list': procedure('any', noticeListInputSchema, z.object({ rows: z.array(noticeSummarySchema), total: z.number().int() })),
  'notices.get': procedure('any', z.object({ id }), noticeDetailSchema),
  'notices.create': procedure(PETITION_WRITERS, noticeCreateInputSchema, noticeDetailSchema),
  'notices.update': procedure(PETITION_WRITERS, noticeUpdateInputSchema, noticeDetailSchema),
  'notices.submit': procedure(PETITION_WRITERS, z.object({ id }), noticeDetailSchema),
  'notices.return': procedure(PETITION_WRITERS, z.object({ id, reason: optionalText(500) }), noticeDetailSchema),
  /** Clerks reach the core, which refuses with a message that says who may sign; only a leader signs. */
  'notices.sign': procedure(PETITION_WRITERS, z.object({ id }), noticeDetailSchema),
  'notices.supersede': procedure(PETITION_WRITERS, z.object({ id }), noticeDetailSchema),
  'notices.html': procedure('any', z.object({ id }), z.object({ html: z.string(), frozen: z.boolean(), sha256: z.string().nullable() })),
  'notices.pdf': procedure(PETITION_WRITERS, z.object({ id }), z.object({ fileName: z.string(), base64: z.string(), sha256: z.string() })),
  'notices.recordPrint': procedure(PETITION_WRITERS, z.object({ id, copies: z.number().int().min(1).max(99), format: z.enum(NOTICE_PRINT_FORMATS) }), noticeDetailSchema),
  'notices.settings': procedure('any', empty, noticeSettingsSchema),
  'notices.saveSettings': procedure(['admin'], noticeSettingsSchema, noticeSettingsSchema),
  'clock.now': procedure('public', empty, z.object({ now: instant, timeZone: z.string() })),
  'dev.clock': procedure(
    'public',
    z.object({ setNow: instant.optional(), advanceMs: z.number().int().optional() }),
    z.object({ now: instant }),
  ),
} as const;

export type Contract = typeof contract;
export type ProcedureName = keyof Contract;
export type ProcedureInput<N extends ProcedureName> = z.input<Contract[N]['input']>;
export type ParsedInput<N extends ProcedureName> = z.output<Contract[N]['input']>;
export type ProcedureOutput<N extends ProcedureName> = z.output<Contract[N]['output']>;

/** One request over either transport. */
export interface ApiRequest {
  readonly name: string;
  readonly input: unknown;
  readonly session?: string | null;
}

/** Pushes from the core to every open window. */
export type ApiEvent =
  | { readonly type: 'petitions.changed'; readonly id: number }
  | { readonly type: 'calendar.changed' }
  | { readonly type: 'clock.changed'; readonly now: number }
  | { readonly type: 'duty.changed' }
  | { readonly type: 'alarms.changed' }
  | { readonly type: 'warnings.changed'; readonly id: number | null }
  /** An information report changed (its id), or the zero reports or report settings did (null). */
  | { readonly type: 'reports.changed'; readonly id: number | null }
  | { readonly type: 'notices.changed'; readonly id: number | null }
  | { readonly type: 'alarm.fired'; readonly alarmId: number; readonly step: 'fired' | 'escalated' | 'repeated' | 'snooze_ended'; readonly late: boolean; readonly recipients: readonly number[] };
