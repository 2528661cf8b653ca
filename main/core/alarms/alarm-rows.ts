/**
 * Alarm instances follow their deadline: a deadline that opens gets its pre-alarms and its due alarm; one
 * that moves (extension, calendar change) moves its pending alarms; one that is met or cancelled resolves
 * them. Called by the deadlines room inside the same transaction as the deadline change.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db';
import type { AlarmKind } from '../../../shared/enums';
import { addDays, instantOf } from '../../../shared/time';
import { getAlarmSettings, type AlarmSettings } from './settings';
import { appendAudit } from '../audit';
import { logAlarmStep } from './alarm-log';
import { chunksOf } from '../../db/chunks';

type Trx = Kysely<Database>;

export const OPEN_ALARM_STATUSES = ['fired', 'snoozed'] as const;

export interface DeadlineFacts {
  readonly id: number;
  readonly kind: string;
  readonly due_at: number;
  readonly due_date: string;
  readonly office_duty: number;
  readonly status: string;
}

async function deadlineFacts(trx: Trx, deadlineId: number): Promise<DeadlineFacts | undefined> {
  return trx.selectFrom('deadlines').select(['id', 'kind', 'due_at', 'due_date', 'office_duty', 'status']).where('id', '=', deadlineId).executeTakeFirst();
}

async function officeTimeZone(trx: Trx): Promise<string> {
  const row = await trx.selectFrom('office').select('time_zone').where('id', '=', 1).executeTakeFirst();
  return row?.time_zone ?? 'Asia/Shanghai';
}

/**
 * Deadline kinds that get no pre-alarms unless the admin sets some for the kind itself: every unit has a
 * zero report due every month (every day in a sensitive period), and a morning pre-alarm per unit would bury
 * the duty officer. The due alarm, for the units actually missing, still rings.
 */
const NO_DEFAULT_PREALARMS: ReadonlySet<string> = new Set(['zero_report']);

/**
 * Pre-alarms ring in office hours: N days before the period's last day, at the configured hour (0 = the
 * morning of the last day itself). The due alarm rings when the period has run out (24:00 of the last day).
 * A pre-alarm that would ring at or after the due time (a deadline set in hours, due early in the morning) is
 * not planned: the due alarm says more.
 */
function plannedAlarms(d: DeadlineFacts, settings: AlarmSettings, timeZone: string): { kind: AlarmKind; days_before: number; fire_at: number }[] {
  const days = settings.prealarmDays[d.kind] ?? (NO_DEFAULT_PREALARMS.has(d.kind) ? [] : (settings.prealarmDays.default ?? []));
  return [
    ...days
      .map((n) => ({ kind: 'pre' as const, days_before: n, fire_at: instantOf(addDays(d.due_date, -n), timeZone, settings.prealarmHour) }))
      .filter((a) => a.fire_at < d.due_at),
    { kind: 'due' as const, days_before: 0, fire_at: d.due_at },
  ];
}

export async function scheduleAlarmsFor(trx: Trx, deadlineId: number, now: number): Promise<void> {
  const d = await deadlineFacts(trx, deadlineId);
  if (d) await scheduleAlarmsForDeadlines(trx, [d], now);
}

/**
 * The alarms of many deadlines just opened (a ledger import), with the settings and time zone read once and the
 * rows written in a few statements.
 */
export async function scheduleAlarmsForDeadlines(trx: Trx, deadlines: readonly DeadlineFacts[], now: number): Promise<void> {
  const open = deadlines.filter((d) => d.office_duty === 1 && d.status === 'open');
  if (open.length === 0) return;
  const settings = await getAlarmSettings(trx);
  const timeZone = await officeTimeZone(trx);
  // A pre-alarm whose moment has already passed when the deadline opens was never due: it is not created.
  const rows = open.flatMap((d) =>
    plannedAlarms(d, settings, timeZone)
      .filter((a) => a.kind === 'due' || a.fire_at > now)
      .map((r) => ({ deadline_id: d.id, ...r, status: 'pending' as const, late_ms: 0, level: 0, recipients_json: '[]', no_one_on_duty: 0, created_at: now })),
  );
  for (const part of chunksOf(rows)) await trx.insertInto('alarms').values(part).execute();
}

/** After a deadline's due time changed: pending alarms are laid out again for the new time. */
export async function rescheduleAlarmsFor(trx: Trx, deadlineId: number, now: number): Promise<void> {
  await trx.deleteFrom('alarms').where('deadline_id', '=', deadlineId).where('status', '=', 'pending').execute();
  const d = await deadlineFacts(trx, deadlineId);
  if (!d || d.office_duty !== 1 || d.status !== 'open') return;
  const overdue = d.due_at <= now;
  const existing = await trx.selectFrom('alarms').select(['id', 'kind', 'status']).where('deadline_id', '=', deadlineId).execute();
  // An open alarm about the old time no longer tells the truth, unless the deadline is still overdue.
  const stale = existing.filter((a) => (OPEN_ALARM_STATUSES as readonly string[]).includes(a.status) && !(overdue && a.kind === 'due'));
  for (const a of stale) {
    await trx.updateTable('alarms').set({ status: 'resolved', closed_at: now, next_step_at: null }).where('id', '=', a.id).execute();
    await logAlarmStep(trx, { alarmId: a.id, at: now, step: 'rescheduled', users: [], code: 'deadline_changed' });
    await appendAudit(trx, { actor: null, at: now, action: 'alarm.rescheduled', entity: 'alarm', entityId: a.id });
  }
  const dueStillCovered = existing.some((a) => a.kind === 'due' && !stale.includes(a) && a.status !== 'resolved' && a.status !== 'cancelled');
  const settings = await getAlarmSettings(trx);
  const rows = plannedAlarms(d, settings, await officeTimeZone(trx)).filter((a) =>
    a.kind === 'due' ? !(overdue && dueStillCovered) : a.fire_at > now,
  );
  if (rows.length === 0) return;
  await trx
    .insertInto('alarms')
    .values(rows.map((r) => ({ deadline_id: d.id, ...r, status: 'pending', late_ms: 0, level: 0, recipients_json: '[]', no_one_on_duty: 0, created_at: now })))
    .execute();
}

/** The deadline was met (resolved) or no longer applies (cancelled): its alarms stop. */
export async function closeAlarmsFor(trx: Trx, deadlineIds: readonly number[], outcome: 'met' | 'cancelled', at: number): Promise<void> {
  if (deadlineIds.length === 0) return;
  const ids = [...deadlineIds];
  await trx.updateTable('alarms').set({ status: 'cancelled', closed_at: at }).where('deadline_id', 'in', ids).where('status', '=', 'pending').execute();
  const open = await trx.selectFrom('alarms').select('id').where('deadline_id', 'in', ids).where('status', 'in', [...OPEN_ALARM_STATUSES]).execute();
  if (open.length === 0) return;
  await trx.updateTable('alarms').set({ status: 'resolved', closed_at: at, next_step_at: null }).where('id', 'in', open.map((a) => a.id)).execute();
  for (const a of open) {
    await logAlarmStep(trx, { alarmId: a.id, at, step: 'resolved', users: [], code: outcome === 'met' ? 'deadline_met' : 'deadline_cancelled' });
  }
  for (const a of open) await appendAudit(trx, { actor: null, at, action: 'alarm.resolved', entity: 'alarm', entityId: a.id, after: { outcome } });
}
