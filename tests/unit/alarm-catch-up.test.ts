/**
 * Alarms missed while the office PC was off: they ring once at start-up (or on waking), oldest first, marked
 * late; a pre-alarm whose deadline has meanwhile fallen due is superseded by the due alarm instead of ringing;
 * nothing rings twice, whatever the clock or the timer does.
 *
 * Mon 2026-11-16 18:00 the clerk enters four letters received earlier (forward deadline: received + 15 days,
 * due 24:00 of the last day; pre-alarms 09:00 three, one and zero days before; those already past are not
 * planned), then the PC is switched off until Thu 11-19 18:00 (72 hours):
 *
 *   letter  received  last day    alarms left at 11-16 18:00                    at 11-19 18:00
 *   A       11-01     Mon 11-16   due 11-17 00:00                               rings, 66 h late
 *   B       11-02     Tue 11-17   pre0 11-17 09:00, due 11-18 00:00             pre0 superseded; due rings 42 h late
 *   C       11-03     Wed 11-18   pre1 11-17 09:00, pre0 11-18 09:00,           both pre superseded; due rings 18 h late
 *                                 due 11-19 00:00
 *   D       11-04     Thu 11-19   pre3 11-16 09:00 is past; pre1 11-18 09:00,   pre1 rings 33 h late, pre0 9 h late;
 *                                 pre0 11-19 09:00, due 11-20 00:00             the due alarm is still ahead
 *   E       11-09     Tue 11-24   pre3 11-21 09:00 …                            all still ahead
 *
 * So five ring, in fire-time order: A due, B due, D pre1, C due, D pre0.
 */
import { describe, it, expect, beforeAll } from 'vitest';
import { AlarmScheduler, type FiredAlarm } from '../../main/core/alarms';
import { ADMIN_PASSWORD, at, testApp, type TestApp } from './support/test-app';
import { staffDutyOffice } from './support/duty-office';
import { alarmLogNoteText } from '../../shared/i18n';
import type { AlarmLogEntry } from '../../shared/api';

/** A log step's note as the board shows it. */
const noteText = (l: AlarmLogEntry | undefined) => (l ? alarmLogNoteText(l) : undefined);

const HOUR = 3_600_000;

// Set up once (password hashing is slow on purpose); each test works on its own copy of the data folder.
let templateDir: string;
let zhaoId: number;
beforeAll(async () => {
  const t = await testApp({ now: '2026-11-16 17:00' });
  const admin = await t.setup();
  const { zhao } = await staffDutyOffice(t, admin, ['zhao', 'qian']);
  templateDir = await t.closeKeepingFolder();
  zhaoId = zhao;
});

const LETTERS = [
  ['A', '2026-11-01', '反映村道积水'],
  ['B', '2026-11-02', '反映路灯损坏'],
  ['C', '2026-11-03', '建议增设公交站'],
  ['D', '2026-11-04', '反映垃圾清运不及时'],
  ['E', '2026-11-09', '建议修缮文化广场'],
] as const;

interface Office {
  t: TestApp;
  /** alarm id → 'B due', 'D pre1' … */
  readonly labels: Map<number, string>;
  login(username: string): Promise<string>;
  tickAt(when: string): Promise<readonly FiredAlarm[]>;
  names(fired: readonly FiredAlarm[]): string[];
}

/** The office on Mon 11-16 18:00 with the five letters entered and one pass of the scheduler (nothing due yet). */
async function mondayEvening(): Promise<Office> {
  const o: Office = {
    t: await testApp({ from: templateDir, now: '2026-11-16 18:00' }),
    labels: new Map(),
    async login(username) {
      return (await o.t.ok(null, 'auth.login', { username, password: username === 'admin' ? ADMIN_PASSWORD : 'Passw0rd1' })).token;
    },
    async tickAt(when) {
      o.t.clock.set(at(when));
      return o.t.app.scheduler.tick();
    },
    names: (fired) => fired.map((f) => o.labels.get(f.alarmId) ?? `#${f.alarmId}`),
  };
  const clerk = await o.login('clerk1');
  for (const [name, received, summary] of LETTERS) {
    const p = await o.t.ok(clerk, 'petitions.create', {
      channel: 'letter',
      receivedAt: at(`${received} 10:00`),
      // A name without an address: only the forward deadline applies.
      petitioners: [{ name: '张三' }],
      peopleCount: 1,
      category: 'suggestion',
      summary,
      request: '请尽快处理',
    });
    const rows = await o.t.app.core.db
      .selectFrom('alarms')
      .innerJoin('deadlines', 'deadlines.id', 'alarms.deadline_id')
      .select(['alarms.id', 'alarms.kind', 'alarms.days_before'])
      .where('deadlines.subject_id', '=', p.id)
      .where('deadlines.subject_type', '=', 'petition')
      .execute();
    for (const r of rows) o.labels.set(r.id, `${name} ${r.kind === 'due' ? 'due' : `pre${r.days_before}`}`);
  }
  expect(await o.t.app.scheduler.tick()).toEqual([]);
  return o;
}

/** Every alarm row as stored, to compare before and after. */
async function snapshot(o: Office) {
  return o.t.app.core.db.selectFrom('alarms').selectAll().orderBy('id').execute();
}

async function logSteps(o: Office) {
  const rows = await o.t.app.core.db.selectFrom('alarm_log').select(['alarm_id', 'step']).orderBy('id').execute();
  return rows.map((r) => `${o.labels.get(r.alarm_id) ?? r.alarm_id}: ${r.step}`);
}

const RUNG = ['A due', 'B due', 'D pre1', 'C due', 'D pre0'];
const SUPERSEDED = ['B pre0', 'C pre1', 'C pre0'];

describe('the PC off for three days', () => {
  it('plans only what is still ahead when the letters are entered', async () => {
    const o = await mondayEvening();
    expect([...o.labels.values()].sort()).toEqual(
      ['A due', 'B pre0', 'B due', 'C pre1', 'C pre0', 'C due', 'D pre1', 'D pre0', 'D due', 'E pre3', 'E pre1', 'E pre0', 'E due'].sort(),
    );
    await o.t.close();
  });

  it('at start-up rings each missed alarm once, oldest first, marked late by how long it waited', async () => {
    const o = await mondayEvening();
    // Thursday 18:00: the app starts again on the same data folder.
    o.t = await o.t.reopen('2026-11-19 18:00');
    const fired = await o.t.app.scheduler.tick();
    expect(o.names(fired)).toEqual(RUNG);
    expect(fired.every((f) => f.step === 'fired' && f.late)).toBe(true);
    // 11-19 is day 18 of the two-officer rotation (even → 赵值班), on shift when the PC comes back.
    expect(new Set(fired.flatMap((f) => f.recipients))).toEqual(new Set([zhaoId]));

    const admin = await o.login('admin');
    const list = await o.t.ok(admin, 'alarms.list', { scope: 'all', pageSize: 200 });
    const late = new Map(list.rows.map((r) => [o.labels.get(r.id), [r.status, r.firedAt, r.lateMs]]));
    const now = at('2026-11-19 18:00');
    expect(RUNG.map((l) => late.get(l))).toEqual([
      ['fired', now, 66 * HOUR],
      ['fired', now, 42 * HOUR],
      ['fired', now, 33 * HOUR],
      ['fired', now, 18 * HOUR],
      ['fired', now, 9 * HOUR],
    ]);
    // Superseded pre-alarms are on record but never rang and are not waiting for anyone.
    expect(SUPERSEDED.map((l) => late.get(l))).toEqual(SUPERSEDED.map(() => ['superseded', null, 0]));
    const open = await o.t.ok(admin, 'alarms.list', { scope: 'open' });
    expect(open.rows.map((r) => o.labels.get(r.id)).sort()).toEqual([...RUNG].sort());
    const withLog = await o.t.ok(admin, 'alarms.list', { scope: 'all', withLog: true, pageSize: 200 });
    const bPre0 = withLog.rows.find((r) => o.labels.get(r.id) === 'B pre0');
    expect(bPre0?.log.map((l) => [l.step, l.users, noteText(l)])).toEqual([['superseded', [], '到期提醒已代替此预提醒']]);
    const aDue = withLog.rows.find((r) => o.labels.get(r.id) === 'A due');
    expect(aDue?.log.map((l) => [l.step, noteText(l)])).toEqual([['fired', '迟发3960分钟（电脑关机或休眠期间到时）']]);

    // A second pass at the same moment has nothing left to do.
    expect(await o.t.app.scheduler.tick()).toEqual([]);
    expect((await logSteps(o)).filter((s) => s.endsWith('fired'))).toHaveLength(5);
    await o.t.close();
  });

  it('waking from sleep without restarting does the same', async () => {
    const o = await mondayEvening();
    expect(o.names(await o.tickAt('2026-11-19 18:00'))).toEqual(RUNG);
    expect(await o.t.app.scheduler.tick()).toEqual([]);
    await o.t.close();
  });

  it('a clock set back two days neither rings again nor loses anything; forward again, only what is newly due rings', async () => {
    const o = await mondayEvening();
    expect(o.names(await o.tickAt('2026-11-19 18:00'))).toEqual(RUNG);
    o.t.clock.set(at('2026-11-19 18:05'));
    const officer = await o.login('duty1');
    for (const f of await o.t.ok(officer, 'alarms.list', { scope: 'open' }).then((l) => l.rows)) {
      await o.t.ok(officer, 'alarms.acknowledge', { id: f.id, note: '已补办' });
    }
    const before = await snapshot(o);
    const stepsBefore = await logSteps(o);

    expect(await o.tickAt('2026-11-17 18:05')).toEqual([]);
    expect(await snapshot(o)).toEqual(before);
    expect(await logSteps(o)).toEqual(stepsBefore);

    // Forward again: D's due alarm (11-20 00:00) rings on time, then E's three-day pre-alarm (Sat 11-21 09:00).
    expect(await o.tickAt('2026-11-19 23:59')).toEqual([]);
    const dDue = await o.tickAt('2026-11-20 00:00');
    expect([o.names(dDue), dDue.map((f) => f.late)]).toEqual([['D due'], [false]]);
    expect(await o.tickAt('2026-11-21 08:59')).toEqual([
      // D's due alarm, unacknowledged, has gone to the leader meanwhile: one escalation, not one per missed period.
      expect.objectContaining({ alarmId: dDue[0]?.alarmId, step: 'escalated' }),
    ]);
    expect(o.names(await o.tickAt('2026-11-21 09:00'))).toEqual(['E pre3']);
    expect((await logSteps(o)).filter((s) => s.endsWith(': fired'))).toEqual([...RUNG, 'D due', 'E pre3'].map((l) => `${l}: fired`));
    await o.t.close();
  });

  it('a pass up to a minute late is on time; any later is marked late', async () => {
    const o = await mondayEvening();
    await o.tickAt('2026-11-19 18:00');
    const byLabel = (fired: readonly FiredAlarm[], label: string) => fired.find((f) => f.step === 'fired' && o.labels.get(f.alarmId) === label);
    // D due at 11-20 00:00, the pass 60 s after it; E pre3 at 11-21 09:00, the pass 61 s after.
    const dDue = byLabel(await o.tickAt('2026-11-20 00:01'), 'D due');
    o.t.clock.set(at('2026-11-21 09:01') + 1000);
    const ePre3 = byLabel(await o.t.app.scheduler.tick(), 'E pre3');
    expect([dDue?.late, ePre3?.late]).toEqual([false, true]);
    const list = await o.t.ok(await o.login('admin'), 'alarms.list', { scope: 'all', withLog: true, pageSize: 200 });
    const row = (id: number | undefined) => list.rows.find((r) => r.id === id);
    expect([row(dDue?.alarmId)?.lateMs, noteText(row(dDue?.alarmId)?.log[0])]).toEqual([60_000, '']);
    expect([row(ePre3?.alarmId)?.lateMs, noteText(row(ePre3?.alarmId)?.log[0])]).toEqual([61_000, '迟发1分钟（电脑关机或休眠期间到时）']);
    await o.t.close();
  });

  it('two passes at once (the timer and a resume racing) ring each alarm once', async () => {
    const o = await mondayEvening();
    o.t.clock.set(at('2026-11-19 18:00'));
    const [a, b] = await Promise.all([o.t.app.scheduler.tick(), o.t.app.scheduler.tick()]);
    expect(o.names([...a, ...b].filter((f, i, all) => all.findIndex((g) => g.alarmId === f.alarmId && g.step === f.step) === i))).toEqual(RUNG);
    // Two separate schedulers over the same data share nothing but the database; its state check decides.
    o.t.clock.set(at('2026-11-20 00:00'));
    const one = new AlarmScheduler(o.t.app.core);
    const two = new AlarmScheduler(o.t.app.core);
    const all = (await Promise.all([one.tick(), two.tick(), o.t.app.scheduler.tick()])).flat();
    // D's due alarm rings; the five rung at 18:00 and still unacknowledged go to the leader, each once.
    expect(o.names(all.filter((f) => f.step === 'fired'))).toEqual(['D due']);
    expect(o.names(all.filter((f) => f.step === 'escalated')).sort()).toEqual([...RUNG].sort());
    const steps = await logSteps(o);
    expect(steps.filter((s) => s.endsWith(': fired'))).toEqual([...RUNG, 'D due'].map((l) => `${l}: fired`));
    expect(steps.filter((s) => s.endsWith(': escalated')).sort()).toEqual(RUNG.map((l) => `${l}: escalated`).sort());
    await o.t.close();
  });
});
