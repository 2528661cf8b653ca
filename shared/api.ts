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

/** Who may call: 'public' needs no login; 'any' any logged-in user; otherwise the listed roles (admin always may). */
export type Access = 'public' | 'any' | readonly Role[];

function procedure<I extends z.ZodType, O extends z.ZodType>(access: Access, input: I, output: O) {
  return { access, input, output } as const;
}

const empty = z.object({}).default({});
const ok = z.object({ ok: z.literal(true) });
const PETITION_WRITERS: readonly Role[] = ['clerk', 'leader'];

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
  | { readonly type: 'clock.changed'; readonly now: number };
