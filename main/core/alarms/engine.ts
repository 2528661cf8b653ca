/**
 * What happens when an alarm's time comes: it goes to the duty officer on shift; unacknowledged after the
 * policy's minutes it goes to the leader on duty, then repeats until someone acknowledges. Nobody on shift:
 * it goes to the leader on duty and the administrators, and says so. Each step checks the alarm's state in
 * its own transaction, so running the same step twice changes nothing.
 */
import type { Kysely } from 'kysely';
import { dialectOf, type Database } from '../../db';
import type { AlarmLogNote, AlarmRingStep } from '../../../shared/enums';
import type { Core } from '../context';
import { appendAudit } from '../audit';
import { LEADER_ROLE, OFFICER_ROLE, onDutyUserIds } from '../duty';
import { getAlarmSettings, type AlarmSettings } from './settings';
import { logAlarmStep } from './alarm-log';

type Trx = Kysely<Database>;

/** Fired later than this after its time, an alarm is marked late (the PC was off, asleep, or busy). */
export const LATE_GRACE_MS = 60_000;

export type AlarmPolicy = Pick<AlarmSettings, 'ackMinutes' | 'repeatMinutes'>;

export interface FiredAlarm {
  readonly alarmId: number;
  readonly step: AlarmRingStep;
  readonly late: boolean;
  readonly recipients: readonly number[];
}

async function adminIds(trx: Trx): Promise<number[]> {
  const rows = await trx.selectFrom('users').select('id').where('role', '=', 'admin').where('active', '=', 1).execute();
  return rows.map((r) => r.id);
}

interface Recipients {
  readonly users: number[];
  readonly noOneOnDuty: boolean;
  /** Who was missing from duty, for the log; null when everyone the step needs was there. */
  readonly note: AlarmLogNote | null;
}

/** Level 0 goes to the officer on shift; level 1 and up adds the leader on duty. Nobody there: leader and admins. */
async function recipientsFor(trx: Trx, level: number, at: number): Promise<Recipients> {
  const officers = await onDutyUserIds(trx, OFFICER_ROLE, at);
  const leaders = await onDutyUserIds(trx, LEADER_ROLE, at);
  if (officers.length === 0) {
    const admins = await adminIds(trx);
    return {
      users: [...new Set([...leaders, ...admins])],
      noOneOnDuty: true,
      note: leaders.length === 0 ? 'no_one_on_duty' : 'no_officer',
    };
  }
  if (level === 0) return { users: officers, noOneOnDuty: false, note: null };
  if (leaders.length === 0) {
    const admins = await adminIds(trx);
    return { users: [...new Set([...officers, ...admins])], noOneOnDuty: false, note: 'no_leader' };
  }
  return { users: [...new Set([...officers, ...leaders])], noOneOnDuty: false, note: null };
}

/** The alarm as it stands, locked until the transaction ends where two passes could check it at once (a server). */
function lockedAlarm(trx: Trx, alarmId: number) {
  return trx
    .selectFrom('alarms')
    .selectAll()
    .where('id', '=', alarmId)
    .$if(dialectOf(trx).rowLocks, (qb) => qb.forUpdate())
    .executeTakeFirst();
}

async function fireOne(trx: Trx, alarmId: number, now: number, settings: AlarmSettings): Promise<FiredAlarm | null> {
  const a = await lockedAlarm(trx, alarmId);
  if (!a || a.status !== 'pending' || a.fire_at > now) return null;
  if (a.kind === 'pre') {
    const d = await trx.selectFrom('deadlines').select('due_at').where('id', '=', a.deadline_id).executeTakeFirstOrThrow();
    if (d.due_at <= now) {
      // Missed while the PC was off, and the due alarm says more: record it, do not ring twice.
      await trx.updateTable('alarms').set({ status: 'superseded', closed_at: now }).where('id', '=', a.id).execute();
      await logAlarmStep(trx, { alarmId: a.id, at: now, step: 'superseded', users: [], code: 'superseded_by_due' });
      await appendAudit(trx, { actor: null, at: now, action: 'alarm.superseded', entity: 'alarm', entityId: a.id });
      return null;
    }
  }
  const lateMs = now - a.fire_at;
  const late = lateMs > LATE_GRACE_MS;
  // A request for approval is the leader's to decide: it rings the leader on duty from the first step.
  const deadline = await trx.selectFrom('deadlines').select('kind').where('id', '=', a.deadline_id).executeTakeFirst();
  const level = deadline?.kind === 'approval' ? 1 : 0;
  const r = await recipientsFor(trx, level, now);
  const policy: AlarmPolicy = { ackMinutes: settings.ackMinutes, repeatMinutes: settings.repeatMinutes };
  await trx
    .updateTable('alarms')
    .set({
      status: 'fired',
      fired_at: now,
      late_ms: lateMs,
      policy_json: JSON.stringify(policy),
      level,
      next_step_at: now + policy.ackMinutes * 60_000,
      recipients_json: JSON.stringify(r.users),
      no_one_on_duty: r.noOneOnDuty ? 1 : 0,
    })
    .where('id', '=', a.id)
    .execute();
  await logAlarmStep(trx, { alarmId: a.id, at: now, step: 'fired', users: r.users, code: r.note, params: late ? { lateMinutes: Math.round(lateMs / 60_000) } : {} });
  await appendAudit(trx, { actor: null, at: now, action: 'alarm.fired', entity: 'alarm', entityId: a.id, after: { recipients: r.users, lateMs, noOneOnDuty: r.noOneOnDuty } });
  return { alarmId: a.id, step: 'fired', late, recipients: r.users };
}

async function stepOne(trx: Trx, alarmId: number, now: number): Promise<FiredAlarm | null> {
  const a = await lockedAlarm(trx, alarmId);
  if (!a) return null;
  const policy = JSON.parse(a.policy_json ?? '{}') as AlarmPolicy;
  const repeatMs = Math.max(1, policy.repeatMinutes ?? 15) * 60_000;
  let step: FiredAlarm['step'];
  if (a.status === 'fired' && a.next_step_at !== null && a.next_step_at <= now) {
    step = a.level === 0 ? 'escalated' : 'repeated';
  } else if (a.status === 'snoozed' && a.snoozed_until !== null && a.snoozed_until <= now) {
    step = 'snooze_ended';
  } else {
    return null;
  }
  const level = step === 'escalated' ? 1 : a.level;
  const r = await recipientsFor(trx, level, now);
  // After a long sleep the missed repeats are not replayed one by one: one step now, the next a period on.
  await trx
    .updateTable('alarms')
    .set({ status: 'fired', level, next_step_at: now + repeatMs, recipients_json: JSON.stringify(r.users), snoozed_until: null, no_one_on_duty: r.noOneOnDuty ? 1 : 0 })
    .where('id', '=', a.id)
    .execute();
  await logAlarmStep(trx, { alarmId: a.id, at: now, step, users: r.users, code: r.note });
  await appendAudit(trx, { actor: null, at: now, action: `alarm.${step}`, entity: 'alarm', entityId: a.id, after: { recipients: r.users, level } });
  return { alarmId: a.id, step, late: false, recipients: r.users };
}

/** Fires, escalates and repeats everything whose time has come, oldest first. */
export async function processDueAlarms(core: Core, now: number): Promise<FiredAlarm[]> {
  const out: FiredAlarm[] = [];
  const settings = await getAlarmSettings(core.db);
  const pending = await core.db.selectFrom('alarms').select('id').where('status', '=', 'pending').where('fire_at', '<=', now).orderBy('fire_at').orderBy('id').execute();
  for (const { id } of pending) {
    const fired = await core.db.transaction().execute((trx) => fireOne(trx, id, now, settings));
    if (fired) out.push(fired);
  }
  const steps = await core.db
    .selectFrom('alarms')
    .select('id')
    .where((eb) =>
      eb.or([
        eb.and([eb('status', '=', 'fired'), eb('next_step_at', '<=', now)]),
        eb.and([eb('status', '=', 'snoozed'), eb('snoozed_until', '<=', now)]),
      ]),
    )
    .orderBy('id')
    .execute();
  for (const { id } of steps) {
    const stepped = await core.db.transaction().execute((trx) => stepOne(trx, id, now));
    if (stepped) out.push(stepped);
  }
  return out;
}

/** The earliest moment anything needs doing, or null when nothing is waiting. */
export async function nextAlarmWakeAt(db: Kysely<Database>): Promise<number | null> {
  const [p, f, s] = await Promise.all([
    db.selectFrom('alarms').select((eb) => eb.fn.min('fire_at').as('t')).where('status', '=', 'pending').executeTakeFirst(),
    db.selectFrom('alarms').select((eb) => eb.fn.min('next_step_at').as('t')).where('status', '=', 'fired').executeTakeFirst(),
    db.selectFrom('alarms').select((eb) => eb.fn.min('snoozed_until').as('t')).where('status', '=', 'snoozed').executeTakeFirst(),
  ]);
  const times = [p?.t, f?.t, s?.t].filter((t): t is number => typeof t === 'number');
  return times.length === 0 ? null : Math.min(...times);
}
