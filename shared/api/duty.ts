/** Duty (值班): roles, rotations, overrides and swaps, sensitive periods, the duty log and handovers. */
import { z } from 'zod';
import { ALARM_STATUSES, DEADLINE_KINDS, DUTY_LOG_KINDS, HANDOVER_STATUSES, OVERRIDE_KINDS, SHIFT_PATTERNS } from '../enums';
import { ADMINS, DUTY_PLANNERS, DUTY_STAFF } from './access';
import { auditHeadSchema } from './audit';
import { id, text, optionalText, instant, procedure, empty, idResult } from './common';

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
  /** Daily zero reports are expected from this day: the start, or the day it was added if later, or the admin's choice. */
  reportsFrom: z.string(),
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
const handoverDeadlineSchema = z.object({ id, kind: z.enum(DEADLINE_KINDS), dueAt: instant, petitionId: z.number().int(), number: z.string(), summary: z.string() });
export const handoverDraftSchema = z.object({
  since: instant,
  openAlarms: z.array(
    z.object({ id, subjectNumber: z.string(), subjectSummary: z.string(), deadlineKind: z.enum(DEADLINE_KINDS), dueAt: instant, level: z.number().int(), status: z.enum(ALARM_STATUSES) }),
  ),
  /** Due after the handover and within the next 24 hours, as the sheet's heading says. */
  dueSoon: z.array(handoverDeadlineSchema),
  /** Already run out and still open (sheets saved before this list existed have none). */
  overdue: z.array(handoverDeadlineSchema).default([]),
  dutyLog: z.array(dutyLogEntrySchema),
  incoming: z.object({ id, name: z.string(), from: instant.nullable() }).nullable(),
  /** The audit head when the sheet was made; absent on sheets from before issue 12. */
  auditHead: auditHeadSchema.nullable().optional(),
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
  status: z.enum(HANDOVER_STATUSES),
  notes: z.string(),
  snapshot: handoverDraftSchema,
});
export type Handover = z.infer<typeof handoverSchema>;
/** A schedule query covers at most two months (a month view with its neighbouring days). */
const MAX_SCHEDULE_RANGE_MS = 62 * 86_400_000;
const rangeSchema = z
  .object({ from: instant, to: instant })
  .refine((r) => r.to > r.from && r.to - r.from <= MAX_SCHEDULE_RANGE_MS, { message: '时间范围须大于零且不超过62天' });

export const sensitivePeriodInputSchema = z.object({
  name: text(40).min(1),
  startDate: z.string(),
  endDate: z.string(),
  note: optionalText(500),
  cancelled: z.boolean().default(false),
  /** null: from its start, or from the day it is added when that is later. */
  reportsFrom: z.string().nullable().default(null),
});
export type SensitivePeriodInput = z.input<typeof sensitivePeriodInputSchema>;

export const dutyContract = {
  'duty.roles.list': procedure('any', empty, z.array(dutyRoleSchema)),
  'duty.roles.create': procedure(ADMINS, z.object({ name: text(20).min(1) }), dutyRoleSchema),
  'duty.roles.update': procedure(ADMINS, z.object({ id, name: text(20).min(1) }), dutyRoleSchema),
  'duty.rotations.list': procedure('any', empty, z.array(rotationSchema)),
  'duty.rotations.create': procedure(DUTY_PLANNERS, rotationInputSchema, rotationSchema),
  'duty.rotations.update': procedure(DUTY_PLANNERS, rotationInputSchema.extend({ id }), rotationSchema),
  'duty.current.get': procedure('any', empty, onDutySchema),
  'duty.schedule.get': procedure(
    'any',
    rangeSchema,
    z.object({ segments: z.array(segmentSchema), gaps: z.array(gapSchema), sensitivePeriods: z.array(sensitivePeriodSchema) }),
  ),
  'duty.overrides.list': procedure('any', rangeSchema, z.array(overrideSchema)),
  'duty.overrides.create': procedure(
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
  'duty.overrides.remove': procedure(DUTY_PLANNERS, z.object({ id }), idResult),
  /** Who actually served a shift that has started: a reasoned duty-log entry; the roster itself is history. */
  'duty.corrections.create': procedure(
    DUTY_PLANNERS,
    z.object({ roleId: id, startAt: instant, endAt: instant, scheduledUserId: id.nullable().default(null), actualUserId: id, reason: optionalText(500) }),
    z.object({ id }),
  ),
  'duty.sensitivePeriods.list': procedure('any', empty, z.array(sensitivePeriodSchema)),
  'duty.sensitivePeriods.create': procedure(ADMINS, sensitivePeriodInputSchema, sensitivePeriodSchema),
  'duty.sensitivePeriods.update': procedure(ADMINS, sensitivePeriodInputSchema.extend({ id }), sensitivePeriodSchema),
  'duty.log.create': procedure(
    DUTY_STAFF,
    z.object({ at: instant.nullable().default(null), kind: z.enum(DUTY_LOG_KINDS), content: optionalText(2000) }),
    z.object({ id }),
  ),
  'duty.log.list': procedure('any', rangeSchema, z.array(dutyLogEntrySchema)),
  'duty.handoverDraft.get': procedure('any', empty, handoverDraftSchema),
  'duty.handovers.create': procedure(DUTY_STAFF, z.object({ notes: optionalText(4000), toUserId: id.nullable().default(null) }), z.object({ id })),
  'duty.handovers.confirm': procedure(DUTY_STAFF, z.object({ id }), handoverSchema),
  'duty.handovers.list': procedure('any', z.object({ limit: z.number().int().min(1).max(200).default(20) }).default({ limit: 20 }), z.array(handoverSchema)),
} as const;
