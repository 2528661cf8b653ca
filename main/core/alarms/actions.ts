/**
 * What people do with alarms: see them, acknowledge them, snooze them with a reason, and (admins) set the
 * policy. Every step is in the alarm log and the audit.
 */
import type { Kysely } from 'kysely';
import type { Database, Db } from '../../db';
import { ALARM_STATUSES, type AlarmStatus } from '../../../shared/enums';
import type { Actor, Core } from '../context';
import { UserError, notFound, requireText } from '../errors';
import { appendAudit } from '../audit';
import { getAlarmSettings, writeAlarmSettings, type AlarmSettings } from './settings';
import { OPEN_ALARM_STATUSES } from './alarm-rows';
import { subjectKey, subjectLabels } from './subjects';
import { logAlarmStep, logNoteOf } from './alarm-log';
import { LEADER_ROLE, OFFICER_ROLE, onDutyUserIds } from '../duty';
import { t } from '../../../shared/i18n';
import { cappedCountQuery, cappedTotal } from '../capped-count';

export const SNOOZE_MINUTES = [15, 30, 60, 120, 240] as const;

async function names(db: Kysely<Database>): Promise<Map<number, string>> {
  const rows = await db.selectFrom('users').select(['id', 'display_name']).execute();
  return new Map(rows.map((r) => [r.id, r.display_name]));
}

export interface AlarmQuery {
  readonly scope: 'open' | 'all';
  readonly page: number;
  readonly pageSize: number;
}

/** The board's view of alarms: each with its deadline, and the petition it is about when it is one. */
function boardQuery(db: Kysely<Database>) {
  return db
    .selectFrom('alarms')
    .innerJoin('deadlines', 'deadlines.id', 'alarms.deadline_id')
    .leftJoin('petitions', (j) => j.onRef('petitions.id', '=', 'deadlines.subject_id').on('deadlines.subject_type', '=', 'petition'));
}

type BoardQuery = ReturnType<typeof boardQuery>;

/** Alarms that have rung: the board never shows one planned but not yet due (pending) or dropped unrung (cancelled). */
function rung(q: BoardQuery): BoardQuery {
  return q.where('alarms.status', 'not in', ['pending', 'cancelled']);
}

function boardRows(q: BoardQuery) {
  return (
    q
      .selectAll('alarms')
      .select(['deadlines.kind as deadline_kind', 'deadlines.due_at', 'deadlines.subject_type', 'deadlines.subject_id', 'petitions.number', 'petitions.summary'])
      // Every caller filters out pending and cancelled alarms first (rung, or OPEN_ALARM_STATUSES).
      .$narrowType<{ status: AlarmStatus }>()
  );
}

type BoardRow = Awaited<ReturnType<ReturnType<typeof boardRows>['execute']>>[number];

async function describeAlarms(db: Kysely<Database>, rows: readonly BoardRow[], withLog: boolean) {
  const userNames = await names(db);
  // Warnings and zero reports are named from their own tables; petitions come with the join above.
  const labels = await subjectLabels(
    db,
    rows.filter((r) => r.subject_type !== 'petition').map((r) => ({ subjectType: r.subject_type, subjectId: r.subject_id })),
  );
  const logs = withLog && rows.length > 0
    ? await db.selectFrom('alarm_log').selectAll().where('alarm_id', 'in', rows.map((r) => r.id)).orderBy('at').orderBy('id').execute()
    : [];
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    daysBefore: r.days_before,
    fireAt: r.fire_at,
    firedAt: r.fired_at,
    lateMs: r.late_ms,
    status: r.status,
    level: r.level,
    noOneOnDuty: r.no_one_on_duty === 1,
    recipients: (JSON.parse(r.recipients_json) as number[]).map((id) => ({ id, name: userNames.get(id) ?? '' })),
    acknowledgedBy: r.acknowledged_by !== null ? (userNames.get(r.acknowledged_by) ?? '') : null,
    acknowledgedAt: r.acknowledged_at,
    acknowledgeNote: r.ack_note,
    acknowledgedForOthers: r.ack_for_others === 1,
    snoozedUntil: r.snoozed_until,
    snoozeReason: r.snooze_reason,
    deadlineKind: r.deadline_kind,
    dueAt: r.due_at,
    subjectType: r.subject_type,
    subjectId: r.subject_id,
    subjectNumber: r.number ?? labels.get(subjectKey(r.subject_type, r.subject_id))?.number ?? '',
    subjectSummary: r.summary ?? labels.get(subjectKey(r.subject_type, r.subject_id))?.summary ?? '',
    log: logs
      .filter((l) => l.alarm_id === r.id)
      .map((l) => ({ ...logNoteOf(l), at: l.at, step: l.step, users: (JSON.parse(l.user_ids_json) as number[]).map((id) => userNames.get(id) ?? '') })),
  }));
}

export type AlarmView = Awaited<ReturnType<typeof describeAlarms>>[number];

export async function listAlarms(db: Db, q: AlarmQuery, withLog = false): Promise<{ total: number; totalCapped: boolean; rows: AlarmView[] }> {
  const statuses: readonly AlarmStatus[] = q.scope === 'open' ? OPEN_ALARM_STATUSES : ALARM_STATUSES;
  // The count reads the status index alone (every alarm has its deadline, so the joins change no count). Open alarms
  // are counted exactly (the badge and the home page show how many need someone); every alarm ever rung, only up to
  // the cap. The page of "all" walks the index on the time rung, newest first, and stops at the page. The open
  // alarms' page is sorted, so its ids come from the alarms alone and only those rows are joined: joining first made
  // SQLite join all 8,500 open alarms of a county file to their deadlines and petitions before sorting (45–60 ms;
  // 7 ms now).
  const exact = q.scope === 'open';
  const offset = (q.page - 1) * q.pageSize;
  const base =
    q.scope === 'open'
      ? boardQuery(db).where(
          'alarms.id',
          'in',
          db.selectFrom('alarms').select('id').where('status', 'in', [...OPEN_ALARM_STATUSES]).orderBy('fired_at', 'desc').orderBy('id', 'desc').limit(q.pageSize).offset(offset),
        )
      : rung(boardQuery(db));
  const ordered = boardRows(base).orderBy('alarms.fired_at', 'desc').orderBy('alarms.id', 'desc');
  const [rows, count] = await Promise.all([
    (q.scope === 'open' ? ordered : ordered.limit(q.pageSize).offset(offset)).execute(),
    cappedCountQuery(db, db.selectFrom('alarms').select('id').where('status', 'in', [...statuses]), exact).executeTakeFirst(),
  ]);
  return { ...cappedTotal(Number(count?.n ?? 0), exact), rows: await describeAlarms(db, rows, withLog) };
}

/** One alarm as the board shows it, with its log. */
export async function getAlarm(db: Db, id: number): Promise<AlarmView> {
  const rows = await boardRows(rung(boardQuery(db)).where('alarms.id', '=', id)).execute();
  const [alarm] = await describeAlarms(db, rows, true);
  if (!alarm) throw notFound();
  return alarm;
}

async function openAlarm(trx: Kysely<Database>, id: number) {
  const a = await trx.selectFrom('alarms').selectAll().where('id', '=', id).executeTakeFirst();
  if (!a) throw notFound();
  if (!(OPEN_ALARM_STATUSES as readonly string[]).includes(a.status)) throw new UserError('conflict', 'errors.alarms.notOpen');
  return a;
}

/** How the actor stands to an alarm: addressed to them, allowed to act for its recipients, or neither. */
async function standing(trx: Kysely<Database>, alarm: { recipients_json: string }, actor: Actor, at: number): Promise<'recipient' | 'for_others' | 'no'> {
  const recipients = JSON.parse(alarm.recipients_json) as number[];
  if (recipients.includes(actor.id)) return 'recipient';
  const onDuty = actor.role === 'admin' || (await onDutyUserIds(trx, OFFICER_ROLE, at)).includes(actor.id) || (await onDutyUserIds(trx, LEADER_ROLE, at)).includes(actor.id);
  return onDuty ? 'for_others' : 'no';
}

/**
 * Who may stop an alarm's escalation: its recipients, the duty officer on shift, the leader on duty and the
 * administrators. Anyone else is refused; someone it was not addressed to must say why (shown on the board).
 * Returns whether the actor acts for others.
 */
async function requireMayAct(trx: Kysely<Database>, alarm: { recipients_json: string }, actor: Actor, reason: string, at: number): Promise<boolean> {
  const stand = await standing(trx, alarm, actor, at);
  if (stand === 'recipient') return false;
  if (stand === 'no') throw new UserError('forbidden', 'errors.alarms.notYours');
  if (!reason) {
    const userNames = await names(trx);
    const recipients = JSON.parse(alarm.recipients_json) as number[];
    const to = recipients.map((r) => userNames.get(r) ?? '').filter(Boolean).join('、') || t('alarms.nobody');
    throw UserError.field('note', 'errors.alarms.othersNeedReason', { names: to });
  }
  return true;
}

/** Marks one open alarm acknowledged, in its log and in the audit, as the single and the batch acknowledgement both do. */
async function recordAcknowledgement(trx: Kysely<Database>, actor: Actor, now: number, id: number, note: string, forOthers: boolean): Promise<void> {
  await trx
    .updateTable('alarms')
    .set({ status: 'acknowledged', acknowledged_by: actor.id, acknowledged_at: now, next_step_at: null, snoozed_until: null, ack_note: note, ack_for_others: forOthers ? 1 : 0 })
    .where('id', '=', id)
    .execute();
  await logAlarmStep(trx, { alarmId: id, at: now, step: 'acknowledged', users: [actor.id], text: note });
  await appendAudit(trx, { actor, at: now, action: 'alarm.acknowledge', entity: 'alarm', entityId: id, after: forOthers ? { note, forOthers } : { note } });
}

export async function acknowledgeAlarm(core: Core, actor: Actor, id: number, note: string): Promise<AlarmView> {
  const now = core.clock.now();
  await core.db.transaction().execute(async (trx) => {
    const alarm = await openAlarm(trx, id);
    const forOthers = await requireMayAct(trx, alarm, actor, note, now);
    await recordAcknowledgement(trx, actor, now, id, note, forOthers);
  });
  core.emit({ type: 'alarms.changed' });
  return getAlarm(core.db, id);
}

/**
 * Acknowledges several alarms with one note, in one transaction: all of them or none. Alarms already handled
 * (by someone else meanwhile) are skipped and counted; an alarm the actor may not act on refuses the batch, and
 * so does one addressed to others when the note gives no reason (the rules of the single acknowledgement).
 *
 * @example
 * await acknowledgeAlarms(core, actor, [4, 9, 12], '已电话通知责任单位');
 * // { acknowledged: 2, skipped: 1 }
 */
export async function acknowledgeAlarms(core: Core, actor: Actor, ids: readonly number[], note: string): Promise<{ acknowledged: number; skipped: number }> {
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) throw UserError.field('ids', 'errors.alarms.bulkNone');
  const now = core.clock.now();
  const result = await core.db.transaction().execute(async (trx) => {
    const alarms = await trx.selectFrom('alarms').selectAll().where('id', 'in', wanted).orderBy('id').execute();
    if (alarms.length !== wanted.length) throw notFound();
    const open = alarms.filter((a) => (OPEN_ALARM_STATUSES as readonly string[]).includes(a.status));
    if (open.length === 0) throw new UserError('conflict', 'errors.alarms.bulkNoneOpen');
    const stands = await Promise.all(open.map((a) => standing(trx, a, actor, now)));
    const refused = stands.filter((s) => s === 'no').length;
    if (refused > 0) throw new UserError('forbidden', 'errors.alarms.bulkNotYours', { count: refused });
    const forOthers = stands.filter((s) => s === 'for_others').length;
    if (forOthers > 0 && !note) throw UserError.field('note', 'errors.alarms.bulkOthersNeedReason', { count: forOthers });
    for (const [i, a] of open.entries()) await recordAcknowledgement(trx, actor, now, a.id, note, stands[i] === 'for_others');
    const summary = { acknowledged: open.length, skipped: alarms.length - open.length };
    await appendAudit(trx, { actor, at: now, action: 'alarm.bulkAcknowledge', entity: 'alarm', entityId: open.map((a) => a.id).join(','), after: { ids: open.map((a) => a.id), note, ...summary } });
    return summary;
  });
  core.emit({ type: 'alarms.changed' });
  return result;
}

export async function snoozeAlarm(core: Core, actor: Actor, id: number, minutes: number, reason: string): Promise<AlarmView> {
  if (!(SNOOZE_MINUTES as readonly number[]).includes(minutes)) throw UserError.field('minutes', 'errors.alarms.snoozeMinutes', { choices: SNOOZE_MINUTES.join('、') });
  requireText(reason, 'reason', 'fields.alarms.snoozeReason');
  const now = core.clock.now();
  await core.db.transaction().execute(async (trx) => {
    const alarm = await openAlarm(trx, id);
    await requireMayAct(trx, alarm, actor, reason, now);
    await trx.updateTable('alarms').set({ status: 'snoozed', snoozed_until: now + minutes * 60_000, snooze_reason: reason, next_step_at: null }).where('id', '=', id).execute();
    await logAlarmStep(trx, { alarmId: id, at: now, step: 'snoozed', users: [actor.id], code: 'snoozed', params: { minutes, reason } });
    await appendAudit(trx, { actor, at: now, action: 'alarm.snooze', entity: 'alarm', entityId: id, after: { minutes, reason } });
  });
  core.emit({ type: 'alarms.changed' });
  return getAlarm(core.db, id);
}

export async function saveAlarmSettings(core: Core, actor: Actor, settings: AlarmSettings): Promise<AlarmSettings> {
  if (settings.ackMinutes < 1 || settings.ackMinutes > 240) throw UserError.field('ackMinutes', 'errors.alarms.minutesRange');
  if (settings.repeatMinutes < 1 || settings.repeatMinutes > 240) throw UserError.field('repeatMinutes', 'errors.alarms.minutesRange');
  if (!Number.isInteger(settings.prealarmHour) || settings.prealarmHour < 0 || settings.prealarmHour > 23) throw UserError.field('prealarmHour', 'errors.alarms.hourRange');
  for (const [kind, days] of Object.entries(settings.prealarmDays)) {
    if (days.some((d) => !Number.isInteger(d) || d < 0 || d > 30)) throw UserError.field(`prealarmDays.${kind}`, 'errors.alarms.prealarmRange');
  }
  await core.db.transaction().execute(async (trx) => {
    const before = await getAlarmSettings(trx);
    await writeAlarmSettings(trx, settings);
    await appendAudit(trx, { actor, at: core.clock.now(), action: 'alarm.settings', entity: 'settings', entityId: 'alarm', before, after: settings });
  });
  core.emit({ type: 'alarms.changed' });
  return settings;
}
