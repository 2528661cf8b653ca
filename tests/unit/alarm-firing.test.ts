/**
 * Alarms (提醒) as the duty officer meets them: a petition received Mon 2026-11-02 must be forwarded within
 * 15 days, so its last day is Tue 11-17 (11-02 + 15, a working day) and it is due at 24:00 that night
 * (11-18 00:00). Pre-alarms ring at 09:00 three, one and zero days before the last day (11-14, 11-16, 11-17),
 * each to whoever is on duty at that minute; unacknowledged they go to the leader on duty after 15 minutes and
 * repeat every 15; meeting or extending the deadline takes them along.
 *
 * Roster: officers 赵, 钱, 孙 take a day each from Sun 11-01 08:00 (day k → members[k mod 3]), so 11-14 (day 13)
 * is 钱, 11-16 (day 15) 赵, 11-17 (day 16) 钱, whose shift runs to 08:00 on 11-18; 张镇长 leads every day.
 * The scheduler is not running: each test moves the clock and calls tick() as the timer would.
 */
import { describe, it, expect, beforeAll } from 'vitest';
import type { FiredAlarm } from '../../main/core/alarms';
import type { PetitionInput } from '../../shared/api';
import { ADMIN_PASSWORD, at, testApp, type TestApp } from './support/test-app';
import { staffDutyOffice } from './support/duty-office';
import { expectRefused } from './support/refusals';
import { alarmLogNoteText } from '../../shared/i18n';
import type { AlarmLogEntry } from '../../shared/api';

/** A log step's note as the board shows it. */
const noteText = (l: AlarmLogEntry | undefined) => (l ? alarmLogNoteText(l) : undefined);

const HOUR = 3_600_000;

interface Office {
  readonly t: TestApp;
  readonly ids: Ids;
  /** A session for the user at the current clock; logs in again when the old one has been idle too long. */
  as(username: string): Promise<string>;
  travel(when: string): void;
  /** Moves the clock and runs one scheduler pass, as the timer would at that minute. */
  tickAt(when: string): Promise<readonly FiredAlarm[]>;
}

interface Ids {
  readonly admin: number;
  readonly zhao: number;
  readonly qian: number;
  readonly sun: number;
  readonly leader: number;
  readonly officerRotation: number;
  readonly leaderRotation: number;
}

// One office is set up once (hashing passwords is slow on purpose) and each test opens its own copy of the file.
let template: { dir: string; ids: Ids };
beforeAll(async () => {
  const t = await testApp({ now: '2026-06-01 08:00' });
  const admin = await t.setup();
  const staff = await staffDutyOffice(t, admin, ['zhao', 'qian', 'sun']);
  const me = await t.ok(admin, 'auth.get', {});
  template = { dir: await t.closeKeepingFolder(), ids: { admin: me.user.id, ...staff } };
});

async function office(options: { now?: string } = {}): Promise<Office> {
  const t = await testApp({ from: template.dir, now: options.now ?? '2026-11-02 09:00' });
  const sessions = new Map<string, { token: string; lastSeen: number }>();
  const o: Office = {
    t,
    ids: template.ids,
    async as(username) {
      const now = t.clock.now();
      let s = sessions.get(username);
      if (!s || now - s.lastSeen > 11 * HOUR) {
        const { token } = await t.ok(null, 'auth.login', { username, password: username === 'admin' ? ADMIN_PASSWORD : 'Passw0rd1' });
        s = { token, lastSeen: now };
        sessions.set(username, s);
      }
      s.lastSeen = Math.max(s.lastSeen, now);
      return s.token;
    },
    travel(when) {
      t.clock.set(at(when));
    },
    async tickAt(when) {
      o.travel(when);
      return t.app.scheduler.tick();
    },
  };
  return o;
}

/** Changes the roster as the planner would: a rotation ends on a given day, or is switched off. */
async function changeRotation(o: Office, id: number, change: { endDate?: string; active?: boolean }) {
  const admin = await o.as('admin');
  const current = (await o.t.ok(admin, 'duty.rotations.list', {})).find((r) => r.id === id);
  if (!current) throw new Error(`no rotation ${id}`);
  await o.t.ok(admin, 'duty.rotations.update', { ...current, ...change });
}

/** A letter signed with a name but no address: only the forward deadline applies (no acceptance notice can be sent). */
function letter(overrides: Partial<PetitionInput> = {}): PetitionInput {
  return {
    channel: 'letter',
    receivedAt: at('2026-11-02 08:30'),
    petitioners: [{ name: '张三' }],
    peopleCount: 1,
    category: 'suggestion',
    summary: '建议修缮村口道路',
    request: '尽快修路',
    ...overrides,
  };
}

async function deadlineOf(o: Office, petitionId: number, kind: string) {
  const p = await o.t.ok(await o.as('clerk1'), 'petitions.get', { id: petitionId });
  const d = p.deadlines.find((x) => x.kind === kind);
  if (!d) throw new Error(`no ${kind} deadline`);
  return d;
}

/** The stored alarm rows of a deadline, pending ones included (the API lists only those that have rung). */
async function rowsOf(o: Office, deadlineId: number) {
  const rows = await o.t.app.core.db.selectFrom('alarms').selectAll().where('deadline_id', '=', deadlineId).orderBy('fire_at').orderBy('id').execute();
  return rows.map((r) => ({ id: r.id, kind: r.kind, daysBefore: r.days_before, fireAt: r.fire_at, status: r.status }));
}

async function alarm(o: Office, id: number) {
  const list = await o.t.ok(await o.as('admin'), 'alarms.list', { scope: 'all', withLog: true, pageSize: 200 });
  const a = list.rows.find((r) => r.id === id);
  if (!a) throw new Error(`alarm ${id} not listed`);
  return a;
}

async function openIds(o: Office): Promise<number[]> {
  return (await o.t.ok(await o.as('admin'), 'alarms.list', { scope: 'open' })).rows.map((r) => r.id).sort((a, b) => a - b);
}

const only = (fired: readonly FiredAlarm[], ids: readonly number[]) => fired.filter((f) => ids.includes(f.alarmId));

describe('alarms follow the forward deadline of a petition', () => {
  it('plans pre-alarms at 09:00 three, one and zero days before the last day, and the due alarm at 24:00 of it', async () => {
    const o = await office();
    const p = await o.t.ok(await o.as('clerk1'), 'petitions.create', letter());
    const d = await deadlineOf(o, p.id, 'forward');
    expect([d.dueDate, d.dueAt]).toEqual(['2026-11-17', at('2026-11-18 00:00')]);
    expect((await rowsOf(o, d.id)).map((r) => [r.kind, r.daysBefore, r.fireAt, r.status])).toEqual([
      ['pre', 3, at('2026-11-14 09:00'), 'pending'],
      ['pre', 1, at('2026-11-16 09:00'), 'pending'],
      ['pre', 0, at('2026-11-17 09:00'), 'pending'],
      ['due', 0, at('2026-11-18 00:00'), 'pending'],
    ]);
    await o.t.close();
  });

  it('each rings at its minute, not one minute before, to the officer on shift at that minute', async () => {
    const o = await office();
    const p = await o.t.ok(await o.as('clerk1'), 'petitions.create', letter());
    const d = await deadlineOf(o, p.id, 'forward');
    const ids = (await rowsOf(o, d.id)).map((r) => r.id);
    const moments: [string, string, string, number][] = [
      ['2026-11-14 08:59', '2026-11-14 09:00', 'duty2', o.ids.qian],
      ['2026-11-16 08:59', '2026-11-16 09:00', 'duty1', o.ids.zhao],
      ['2026-11-17 08:59', '2026-11-17 09:00', 'duty2', o.ids.qian],
      ['2026-11-17 23:59', '2026-11-18 00:00', 'duty2', o.ids.qian],
    ];
    for (const [i, [before, when, username, userId]] of moments.entries()) {
      const id = ids[i] ?? 0;
      expect(await o.tickAt(before)).toEqual([]);
      expect(await o.tickAt(when)).toEqual([{ alarmId: id, step: 'fired', late: false, recipients: [userId] }]);
      // The officer acknowledges at once, so nothing escalates into the next check.
      await o.t.ok(await o.as(username), 'alarms.acknowledge', { id, note: '已知悉' });
    }
    const list = await o.t.ok(await o.as('admin'), 'alarms.list', { scope: 'all' });
    expect(
      list.rows
        .filter((r) => ids.includes(r.id))
        .sort((a, b) => a.fireAt - b.fireAt)
        .map((r) => [r.kind, r.daysBefore, r.fireAt, r.firedAt, r.lateMs, r.recipients.map((u) => u.name), r.status]),
    ).toEqual([
      ['pre', 3, at('2026-11-14 09:00'), at('2026-11-14 09:00'), 0, ['钱值班'], 'acknowledged'],
      ['pre', 1, at('2026-11-16 09:00'), at('2026-11-16 09:00'), 0, ['赵值班'], 'acknowledged'],
      ['pre', 0, at('2026-11-17 09:00'), at('2026-11-17 09:00'), 0, ['钱值班'], 'acknowledged'],
      ['due', 0, at('2026-11-18 00:00'), at('2026-11-18 00:00'), 0, ['钱值班'], 'acknowledged'],
    ]);
    await o.t.close();
  });

  it('unacknowledged it goes to the leader after 15 minutes and repeats 15 minutes later; an acknowledgement stops it', async () => {
    const o = await office();
    const p = await o.t.ok(await o.as('clerk1'), 'petitions.create', letter());
    const d = await deadlineOf(o, p.id, 'forward');
    const [first] = await rowsOf(o, d.id);
    const id = first?.id ?? 0;
    const both = [o.ids.qian, o.ids.leader];

    expect(await o.tickAt('2026-11-14 09:00')).toEqual([{ alarmId: id, step: 'fired', late: false, recipients: [o.ids.qian] }]);
    expect(await o.tickAt('2026-11-14 09:14')).toEqual([]);
    expect(await o.tickAt('2026-11-14 09:15')).toEqual([{ alarmId: id, step: 'escalated', late: false, recipients: both }]);
    expect((await alarm(o, id)).level).toBe(1);
    expect(await o.tickAt('2026-11-14 09:29')).toEqual([]);
    expect(await o.tickAt('2026-11-14 09:30')).toEqual([{ alarmId: id, step: 'repeated', late: false, recipients: both }]);

    o.travel('2026-11-14 09:31');
    await o.t.ok(await o.as('duty2'), 'alarms.acknowledge', { id, note: '已电话联系转送机关' });
    expect(await o.tickAt('2026-11-14 09:45')).toEqual([]);
    expect(await o.tickAt('2026-11-14 10:30')).toEqual([]);

    const a = await alarm(o, id);
    expect([a.status, a.level, a.acknowledgedBy, a.acknowledgedAt, a.recipients.map((u) => u.name)]).toEqual([
      'acknowledged',
      1,
      '钱值班',
      at('2026-11-14 09:31'),
      ['钱值班', '张镇长'],
    ]);
    expect(a.log.map((l) => [l.step, l.at, l.users])).toEqual([
      ['fired', at('2026-11-14 09:00'), ['钱值班']],
      ['escalated', at('2026-11-14 09:15'), ['钱值班', '张镇长']],
      ['repeated', at('2026-11-14 09:30'), ['钱值班', '张镇长']],
      ['acknowledged', at('2026-11-14 09:31'), ['钱值班']],
    ]);
    expect(await openIds(o)).toEqual([]);
    const audit = await o.t.ok(await o.as('admin'), 'audit.list', { pageSize: 200 });
    const row = audit.rows.find((r) => r.action === 'alarm.acknowledge' && r.entityId === String(id));
    expect([row?.userName, row?.at, JSON.parse(row?.after ?? '{}')]).toEqual(['钱值班', at('2026-11-14 09:31'), { note: '已电话联系转送机关' }]);

    // Acknowledged once is enough; a second click says so.
    const again = await o.t.call(await o.as('duty2'), 'alarms.acknowledge', { id, note: '' });
    expectRefused(again, 'conflict', '这条提醒已经处理（已确认、已解除或已完成），无需再操作');
    await o.t.close();
  });

  it('a snooze needs a reason and one of the offered lengths, holds the escalation back, then the alarm returns', async () => {
    const o = await office();
    const p = await o.t.ok(await o.as('clerk1'), 'petitions.create', letter());
    const [first] = await rowsOf(o, (await deadlineOf(o, p.id, 'forward')).id);
    const id = first?.id ?? 0;
    await o.tickAt('2026-11-14 09:00');

    o.travel('2026-11-14 09:05');
    const officer = await o.as('duty2');
    const noReason = await o.t.call(officer, 'alarms.snooze', { id, minutes: 30, reason: '' });
    expectRefused(noReason, 'invalid_input', '请填写暂缓原因');
    const oddLength = await o.t.call(officer, 'alarms.snooze', { id, minutes: 20, reason: '正在联系' });
    expectRefused(oddLength, 'invalid_input', '暂缓时间只能选 15、30、60、120、240 分钟');
    expect((await alarm(o, id)).status).toBe('fired');

    await o.t.ok(officer, 'alarms.snooze', { id, minutes: 30, reason: '正在电话联系转送机关' });
    const snoozed = await alarm(o, id);
    expect([snoozed.status, snoozed.snoozedUntil, snoozed.snoozeReason]).toEqual(['snoozed', at('2026-11-14 09:35'), '正在电话联系转送机关']);
    // Snoozed, it neither escalates at 09:15 nor comes back a minute early; it stays on the open list.
    expect(await openIds(o)).toEqual([id]);
    expect(await o.tickAt('2026-11-14 09:15')).toEqual([]);
    expect(await o.tickAt('2026-11-14 09:34')).toEqual([]);
    expect(await o.tickAt('2026-11-14 09:35')).toEqual([{ alarmId: id, step: 'snooze_ended', late: false, recipients: [o.ids.qian] }]);
    const back = await alarm(o, id);
    expect([back.status, back.snoozedUntil]).toEqual(['fired', null]);
    // Still not acknowledged 15 minutes on, it goes to the leader.
    expect(await o.tickAt('2026-11-14 09:50')).toEqual([{ alarmId: id, step: 'escalated', late: false, recipients: [o.ids.qian, o.ids.leader] }]);
    expect((await alarm(o, id)).log.map((l) => [l.step, l.at, noteText(l)])).toEqual([
      ['fired', at('2026-11-14 09:00'), ''],
      ['snoozed', at('2026-11-14 09:05'), '30分钟：正在电话联系转送机关'],
      ['snooze_ended', at('2026-11-14 09:35'), ''],
      ['escalated', at('2026-11-14 09:50'), ''],
    ]);
    await o.t.close();
  });
  it('a ringing alarm keeps the policy it fired under; the next one follows the new settings', async () => {
    const o = await office();
    const p = await o.t.ok(await o.as('clerk1'), 'petitions.create', letter());
    const [threeDays, oneDay] = await rowsOf(o, (await deadlineOf(o, p.id, 'forward')).id);
    await o.tickAt('2026-11-14 09:00');
    o.travel('2026-11-14 09:05');
    await o.t.ok(await o.as('admin'), 'alarms.settings.update', { ackMinutes: 30, repeatMinutes: 60, prealarmDays: { default: [3, 1, 0] }, prealarmHour: 9 });
    // Fired at 09:00 under 15/15: escalates at 09:15 and repeats at 09:30 as before.
    expect((await o.tickAt('2026-11-14 09:15')).map((f) => [f.alarmId, f.step])).toEqual([[threeDays?.id, 'escalated']]);
    expect((await o.tickAt('2026-11-14 09:30')).map((f) => [f.alarmId, f.step])).toEqual([[threeDays?.id, 'repeated']]);
    await o.t.ok(await o.as('duty2'), 'alarms.acknowledge', { id: threeDays?.id ?? 0, note: '' });
    // Fired at 09:00 on 11-16 under 30/60: to the leader at 09:30, again at 10:30.
    expect((await o.tickAt('2026-11-16 09:00')).map((f) => [f.alarmId, f.step])).toEqual([[oneDay?.id, 'fired']]);
    expect(await o.tickAt('2026-11-16 09:29')).toEqual([]);
    expect((await o.tickAt('2026-11-16 09:30')).map((f) => [f.alarmId, f.step])).toEqual([[oneDay?.id, 'escalated']]);
    expect(await o.tickAt('2026-11-16 10:29')).toEqual([]);
    expect((await o.tickAt('2026-11-16 10:30')).map((f) => [f.alarmId, f.step])).toEqual([[oneDay?.id, 'repeated']]);
    await o.t.close();
  });
});

describe('nobody on shift', () => {
  it('with no duty officer the alarm goes to the leader on duty and the administrator, and says nobody is on duty', async () => {
    // The officers' rotation ended with the 11-13 shift (to 08:00 on 11-14).
    const o = await office();
    await changeRotation(o, o.ids.officerRotation, { endDate: '2026-11-13' });
    const p = await o.t.ok(await o.as('clerk1'), 'petitions.create', letter());
    const [first] = await rowsOf(o, (await deadlineOf(o, p.id, 'forward')).id);
    const id = first?.id ?? 0;
    const fired = await o.tickAt('2026-11-14 09:00');
    expect(fired.map((f) => [f.alarmId, f.step, [...f.recipients].sort((a, b) => a - b)])).toEqual([
      [id, 'fired', [o.ids.admin, o.ids.leader].sort((a, b) => a - b)],
    ]);
    const a = await alarm(o, id);
    expect([a.noOneOnDuty, noteText(a.log[0])]).toEqual([true, '无值班员在岗：已发给带班领导和管理员']);
    await o.t.close();
  });

  it('with no leader either it goes to the administrator alone', async () => {
    const o = await office();
    await changeRotation(o, o.ids.officerRotation, { active: false });
    await changeRotation(o, o.ids.leaderRotation, { active: false });
    const p = await o.t.ok(await o.as('clerk1'), 'petitions.create', letter());
    const [first] = await rowsOf(o, (await deadlineOf(o, p.id, 'forward')).id);
    expect(await o.tickAt('2026-11-14 09:00')).toEqual([{ alarmId: first?.id, step: 'fired', late: false, recipients: [o.ids.admin] }]);
    const a = await alarm(o, first?.id ?? 0);
    expect([a.noOneOnDuty, a.recipients.map((u) => u.name), noteText(a.log[0])]).toEqual([true, ['王管理'], '无人值班，也无带班领导：已发给管理员']);
    await o.t.close();
  });
  it('with no leader on duty the escalation step is skipped: it goes to the administrator and the log says so', async () => {
    const o = await office();
    await changeRotation(o, o.ids.leaderRotation, { active: false });
    const p = await o.t.ok(await o.as('clerk1'), 'petitions.create', letter());
    const [first] = await rowsOf(o, (await deadlineOf(o, p.id, 'forward')).id);
    expect(await o.tickAt('2026-11-14 09:00')).toEqual([{ alarmId: first?.id, step: 'fired', late: false, recipients: [o.ids.qian] }]);
    expect(await o.tickAt('2026-11-14 09:15')).toEqual([{ alarmId: first?.id, step: 'escalated', late: false, recipients: [o.ids.qian, o.ids.admin] }]);
    const a = await alarm(o, first?.id ?? 0);
    expect([a.noOneOnDuty, a.level, noteText(a.log.at(-1))]).toEqual([false, 1, '无带班领导在岗：升级步骤跳过，已发给管理员']);
    await o.t.close();
  });
});

describe('alarms follow their deadline when it is met or moved', () => {
  it('accepting a petition meets its deadlines: pending alarms are cancelled and the ringing ones resolved', async () => {
    const o = await office();
    const clerk = await o.as('clerk1');
    // With a name and an address the acceptance notice is due too: two deadlines, both last day 11-17.
    const rung = await o.t.ok(clerk, 'petitions.create', letter({ petitioners: [{ name: '张三', address: '东风村3组' }] }));
    const early = await o.t.ok(clerk, 'petitions.create', letter({ petitioners: [{ name: '李四', address: '红旗村1组' }], summary: '建议增设路灯' }));
    const rungDeadlines = [(await deadlineOf(o, rung.id, 'forward')).id, (await deadlineOf(o, rung.id, 'acceptance_notice')).id];
    const earlyDeadlines = [(await deadlineOf(o, early.id, 'forward')).id, (await deadlineOf(o, early.id, 'acceptance_notice')).id];

    // The second petition is accepted on 11-05, before any of its alarms is due.
    o.travel('2026-11-05 10:00');
    await o.t.ok(await o.as('clerk1'), 'petitions.transition', { id: early.id, action: 'accept' });
    for (const d of earlyDeadlines) expect((await rowsOf(o, d)).map((r) => r.status)).toEqual(['cancelled', 'cancelled', 'cancelled', 'cancelled']);

    const fired = await o.tickAt('2026-11-14 09:00');
    const ringing = [];
    for (const d of rungDeadlines) ringing.push((await rowsOf(o, d))[0]?.id ?? 0);
    expect(fired.map((f) => f.alarmId).sort((a, b) => a - b)).toEqual(ringing.sort((a, b) => a - b));
    expect(await openIds(o)).toEqual(ringing);

    o.travel('2026-11-14 10:00');
    await o.t.ok(await o.as('clerk1'), 'petitions.transition', { id: rung.id, action: 'accept' });
    expect(await openIds(o)).toEqual([]);
    for (const id of ringing) {
      const a = await alarm(o, id);
      expect([a.status, a.log.at(-1)?.step, a.log.at(-1)?.at, noteText(a.log.at(-1))]).toEqual(['resolved', 'resolved', at('2026-11-14 10:00'), '期限事项已办理']);
    }
    for (const d of rungDeadlines) expect((await rowsOf(o, d)).map((r) => r.status)).toEqual(['resolved', 'cancelled', 'cancelled', 'cancelled']);
    // Nothing more rings for either petition, up to and past the old due time.
    expect(await o.tickAt('2026-11-16 09:00')).toEqual([]);
    expect(await o.tickAt('2026-11-18 00:00')).toEqual([]);
    await o.t.close();
  });

  it('a holiday declared on the last day moves the deadline to the next working day, and its alarms with it', async () => {
    const o = await office();
    const p = await o.t.ok(await o.as('clerk1'), 'petitions.create', letter());
    const forward = await deadlineOf(o, p.id, 'forward');
    await o.tickAt('2026-11-14 09:00');
    await o.t.ok(await o.as('duty2'), 'alarms.acknowledge', { id: (await rowsOf(o, forward.id))[0]?.id ?? 0, note: '' });
    // 11-15 10:00: the county declares Tue 11-17 a holiday; the last day becomes Wed 11-18.
    o.travel('2026-11-15 10:00');
    await o.t.ok(await o.as('admin'), 'calendar.days.update', { date: '2026-11-17', isOffDay: true, name: '县庆放假' });
    expect((await deadlineOf(o, p.id, 'forward')).dueDate).toBe('2026-11-18');
    expect((await rowsOf(o, forward.id)).map((r) => [r.kind, r.daysBefore, r.fireAt, r.status])).toEqual([
      // The three-day pre-alarm rang and was acknowledged: it stays as it was. The new one (11-15 09:00) is past.
      ['pre', 3, at('2026-11-14 09:00'), 'acknowledged'],
      ['pre', 1, at('2026-11-17 09:00'), 'pending'],
      ['pre', 0, at('2026-11-18 09:00'), 'pending'],
      ['due', 0, at('2026-11-19 00:00'), 'pending'],
    ]);
    await o.t.close();
  });

  it('an approved extension of the handling period moves its alarms to the new last day', async () => {
    // Mon 2026-06-01: received and accepted the same morning. 60 days from 06-01 is Fri 07-31 (due 08-01 00:00);
    // 20 days more is Thu 08-20 (due 08-21 00:00). No holiday falls on either day.
    const o = await office({ now: '2026-06-01 09:00' });
    const admin = await o.as('admin');
    const unit = await o.t.ok(admin, 'units.create', { name: '东风村', kind: 'village' });
    const clerk = await o.as('clerk1');
    const p = await o.t.ok(clerk, 'petitions.create', letter({ receivedAt: at('2026-06-01 08:30'), category: 'claim', claimItem: 6, summary: '反映征地补偿款未足额发放' }));
    await o.t.ok(clerk, 'petitions.transition', { id: p.id, action: 'accept' });
    await o.t.ok(clerk, 'petitions.transition', { id: p.id, action: 'start_handling', unitId: unit.id, leaderId: o.ids.leader });
    const handling = await deadlineOf(o, p.id, 'handling');
    expect([handling.dueDate, handling.dueAt]).toEqual(['2026-07-31', at('2026-08-01 00:00')]);
    expect((await rowsOf(o, handling.id)).map((r) => r.fireAt)).toEqual([at('2026-07-28 09:00'), at('2026-07-30 09:00'), at('2026-07-31 09:00'), at('2026-08-01 00:00')]);
    const [threeDays] = await rowsOf(o, handling.id);

    // Other deadlines (the unit's zero reports) may ring in the same passes; only this deadline's alarms count here.
    const mine = async () => (await rowsOf(o, handling.id)).map((r) => r.id);
    expect(only(await o.tickAt('2026-07-28 09:00'), await mine()).map((f) => [f.alarmId, f.step])).toEqual([[threeDays?.id, 'fired']]);

    o.travel('2026-07-29 10:00');
    await o.t.ok(await o.as('clerk1'), 'petitions.transition', { id: p.id, action: 'extend', days: 20, note: '需补充调查材料，已告知信访人', approverId: o.ids.leader });
    const extended = await deadlineOf(o, p.id, 'handling');
    expect([extended.id, extended.dueDate, extended.dueAt]).toEqual([handling.id, '2026-08-20', at('2026-08-21 00:00')]);
    expect((await rowsOf(o, handling.id)).map((r) => [r.kind, r.daysBefore, r.fireAt, r.status])).toEqual([
      // The pre-alarm that rang about the old last day no longer tells the truth: it is closed.
      ['pre', 3, at('2026-07-28 09:00'), 'resolved'],
      ['pre', 3, at('2026-08-17 09:00'), 'pending'],
      ['pre', 1, at('2026-08-19 09:00'), 'pending'],
      ['pre', 0, at('2026-08-20 09:00'), 'pending'],
      ['due', 0, at('2026-08-21 00:00'), 'pending'],
    ]);
    expect((await alarm(o, threeDays?.id ?? 0)).log.at(-1)).toMatchObject({ step: 'rescheduled', at: at('2026-07-29 10:00') });

    // The old times pass quietly; the new three-day pre-alarm rings on 08-17.
    expect(only(await o.tickAt('2026-07-31 09:00'), await mine())).toEqual([]);
    expect(only(await o.tickAt('2026-08-01 00:00'), await mine())).toEqual([]);
    const moved = await rowsOf(o, handling.id);
    expect(only(await o.tickAt('2026-08-17 09:00'), await mine()).map((f) => [f.alarmId, f.step, f.late])).toEqual([[moved[1]?.id, 'fired', false]]);
    await o.t.close();
  });
});
