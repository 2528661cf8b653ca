/** Alarms raised by deadlines: the board, acknowledgement, snoozing and escalation settings. */
import { z } from 'zod';
import { ALARM_KINDS, ALARM_LOG_NOTES, ALARM_LOG_STEPS, ALARM_STATUSES, DEADLINE_KINDS, DEADLINE_SUBJECTS } from '../enums';
import { id, optionalText, instant, procedure, empty } from './common';
import { ADMINS } from './access';

/** A system note's parameters (minutes, a reason; `lateMinutes` on a ring step that rang late). */
export const alarmLogNoteParamsSchema = z.record(z.string(), z.union([z.string(), z.number()]));
export type AlarmLogNoteParams = z.infer<typeof alarmLogNoteParamsSchema>;

/**
 * One step of an alarm's log. `noteCode` and `noteParams` are the system's note, worded on screen by
 * alarmLogNoteText; `note` is what the person who acted wrote (or a note from before the codes, kept as it was).
 */
export const alarmLogEntrySchema = z.object({
  at: instant,
  step: z.enum(ALARM_LOG_STEPS),
  note: z.string(),
  noteCode: z.enum(ALARM_LOG_NOTES).nullable(),
  noteParams: alarmLogNoteParamsSchema,
  users: z.array(z.string()),
});
export type AlarmLogEntry = z.infer<typeof alarmLogEntrySchema>;

export const alarmSchema = z.object({
  id,
  kind: z.enum(ALARM_KINDS),
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
  /** What the person who acknowledged wrote; when they were not a recipient, the reason they acknowledged for others. */
  acknowledgeNote: z.string(),
  acknowledgedForOthers: z.boolean(),
  snoozedUntil: instant.nullable(),
  snoozeReason: z.string().nullable(),
  deadlineKind: z.enum(DEADLINE_KINDS),
  dueAt: instant,
  subjectType: z.enum(DEADLINE_SUBJECTS),
  subjectId: z.number().int(),
  subjectNumber: z.string(),
  subjectSummary: z.string(),
  log: z.array(alarmLogEntrySchema),
});
export type Alarm = z.infer<typeof alarmSchema>;

export const alarmSettingsSchema = z.object({
  ackMinutes: z.number().int(),
  repeatMinutes: z.number().int(),
  prealarmDays: z.record(z.string(), z.array(z.number().int()).max(5)),
  prealarmHour: z.number().int(),
});
export type AlarmSettings = z.infer<typeof alarmSettingsSchema>;

/**
 * Which server process runs the alarm scheduler. `shared`: the store is a database several server processes may
 * share (the county edition), where one holds the scheduler lock and the others stand by; the names are a machine
 * and its process id, as the processes' logs give them.
 */
export const alarmSchedulerSchema = z.object({ shared: z.boolean(), thisProcess: z.string(), holder: z.string().nullable() });
export type AlarmSchedulerState = z.infer<typeof alarmSchedulerSchema>;

export const alarmsContract = {
  'alarms.list': procedure(
    'any',
    z.object({
      scope: z.enum(['open', 'all']).default('open'),
      page: z.number().int().min(1).default(1),
      pageSize: z.number().int().min(1).max(200).default(50),
      withLog: z.boolean().default(false),
    }),
    /** `total` stops at 10,000 for "all" (`totalCapped` then says there are more); open alarms are counted exactly. */
    z.object({ rows: z.array(alarmSchema), total: z.number().int(), totalCapped: z.boolean() }),
  ),
  'alarms.acknowledge': procedure('any', z.object({ id, note: optionalText(500) }), alarmSchema),
  /** Several alarms acknowledged with one note: all or none; those already handled are skipped and counted. */
  'alarms.acknowledgeMany': procedure(
    'any',
    z.object({ ids: z.array(id).max(200), note: optionalText(500) }),
    z.object({ acknowledged: z.number().int(), skipped: z.number().int() }),
  ),
  'alarms.snooze': procedure('any', z.object({ id, minutes: z.number().int(), reason: optionalText(500) }), alarmSchema),
  'alarms.settings.get': procedure('any', empty, alarmSettingsSchema),
  'alarms.settings.update': procedure(ADMINS, alarmSettingsSchema, alarmSettingsSchema),
  'alarms.scheduler.get': procedure(ADMINS, empty, alarmSchedulerSchema),
} as const;
