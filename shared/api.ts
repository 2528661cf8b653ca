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
  MEDIATION_KINDS,
  MEDIATION_OUTCOMES,
  PERIOD_UNITS,
  PETITION_ACTIONS,
  PETITION_STATUSES,
  ROLES,
  UNIT_KINDS,
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
    unit: z.enum(PERIOD_UNITS),
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
  | { readonly type: 'alarm.fired'; readonly alarmId: number; readonly step: 'fired' | 'escalated' | 'repeated' | 'snooze_ended'; readonly late: boolean; readonly recipients: readonly number[] };
