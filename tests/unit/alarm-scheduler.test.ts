/**
 * The one alarm timer, running by itself (the other alarm tests call tick() by hand): it wakes by itself at the
 * latest after its 30-second cap, sees that the clock has reached an alarm, and rings it; and a pass that fails
 * (the database locked by another program) is reported and retried at the next wake instead of silencing every
 * alarm from then on. The timers are Vitest's fake ones, so the test moves the timer's time itself. A scheduler
 * standing by (another server process runs the alarms) rings nothing until it is started again; on the office's
 * SQLite file the one process always runs them.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import { sql } from 'kysely';
import { describe, it, expect, vi, afterEach } from 'vitest';
import { AlarmScheduler, MAX_SLEEP_MS, type FiredAlarm } from '../../main/core/alarms';
import { DB_FILE_NAME } from '../../main/db';
import { at, testApp, type TestApp } from './support/test-app';

async function officeWithLetter(): Promise<{ t: TestApp; alarmId: number }> {
  const t = await testApp({ now: '2026-11-02 09:00' });
  const admin = await t.setup();
  const clerk = await t.addUser(admin, 'clerk1', 'clerk', '李登记');
  // Received 11-02, forward deadline last day 11-17: the first pre-alarm is at 09:00 on 11-14.
  const p = await t.ok(clerk.token, 'petitions.create', {
    channel: 'letter',
    receivedAt: at('2026-11-02 08:30'),
    petitioners: [{ name: '张三' }],
    peopleCount: 1,
    category: 'suggestion',
    summary: '建议修缮村口道路',
    request: '尽快修路',
  });
  const first = await t.app.core.db
    .selectFrom('alarms')
    .innerJoin('deadlines', 'deadlines.id', 'alarms.deadline_id')
    .select(['alarms.id', 'alarms.fire_at'])
    .where('deadlines.subject_id', '=', p.id)
    .orderBy('alarms.fire_at')
    .executeTakeFirstOrThrow();
  expect(first.fire_at).toBe(at('2026-11-14 09:00'));
  return { t, alarmId: first.id };
}

let scheduler: AlarmScheduler | null = null;
afterEach(() => {
  scheduler?.stop();
  vi.useRealTimers();
  vi.restoreAllMocks();
});

/** From here the timer's time is the test's: a 30-second sleep passes when the test says so, at once. */
function fakeTimers(): void {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
}

/** Lets a pass the timer started run to its end (it awaits only the database, never a timer). */
const passDone = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('the alarm timer', () => {
  it('wakes by itself within its cap and rings what the clock has reached', async () => {
    const { t, alarmId } = await officeWithLetter();
    fakeTimers();
    const fired: FiredAlarm[] = [];
    scheduler = new AlarmScheduler(t.app.core, { onFired: (f) => fired.push(...f) });
    expect(await scheduler.start()).toEqual([]);
    // Twelve days pass without anyone touching the app (as across a sleep): the next wake finds the alarm due.
    t.clock.set(at('2026-11-14 09:00'));
    await vi.advanceTimersByTimeAsync(MAX_SLEEP_MS - 1);
    expect(fired).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    await passDone();
    expect(fired.map((f) => [f.alarmId, f.step, f.late])).toEqual([[alarmId, 'fired', false]]);
    const wakes = scheduler.wakes;
    await vi.advanceTimersByTimeAsync(5 * MAX_SLEEP_MS);
    // Nothing more is due: it keeps waking at its cap, never more often, and rings nothing twice.
    expect(scheduler.wakes - wakes).toBe(5);
    expect(fired).toHaveLength(1);
    scheduler.stop();
    await t.close();
  });

  it('a pass that fails while another program holds the database is reported and retried; the alarm still rings', async () => {
    const { t, alarmId } = await officeWithLetter();
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    // Another program (a backup tool, a second copy of the app) holds the write lock; the app gives up after 20 ms.
    await sql`PRAGMA busy_timeout = 20`.execute(t.app.core.db);
    const other = new Database(path.join(t.dataDir, DB_FILE_NAME));
    other.exec('BEGIN IMMEDIATE');
    fakeTimers();

    const fired: FiredAlarm[] = [];
    scheduler = new AlarmScheduler(t.app.core, { onFired: (f) => fired.push(...f) });
    t.clock.set(at('2026-11-14 09:00'));
    await expect(scheduler.start()).rejects.toThrow(/locked|busy/i);
    // The failed pass still set the timer: the alarm is due, so it wakes at once, fails again, and again.
    const wakes = scheduler.wakes;
    await vi.advanceTimersToNextTimerAsync();
    await passDone();
    await vi.advanceTimersToNextTimerAsync();
    await passDone();
    expect(scheduler.wakes - wakes).toBeGreaterThanOrEqual(2);
    expect(fired).toEqual([]);
    expect(errors).toHaveBeenCalled();

    other.exec('ROLLBACK');
    other.close();
    await vi.advanceTimersToNextTimerAsync();
    await passDone();
    expect(fired.map((f) => [f.alarmId, f.step])).toEqual([[alarmId, 'fired']]);
    scheduler.stop();
    await t.close();
  });

  it('standing by while another process runs the alarms, it rings nothing, not even when asked; started again it rings what is due', async () => {
    const { t, alarmId } = await officeWithLetter();
    const fired: FiredAlarm[] = [];
    scheduler = new AlarmScheduler(t.app.core, { onFired: (f) => fired.push(...f) });
    scheduler.standBy();
    t.clock.set(at('2026-11-14 09:00'));
    // The test clock's jump asks for a pass (main/api/clock.ts): the process standing by leaves it to the other.
    expect(await scheduler.tick()).toEqual([]);
    const alarm = await t.app.core.db.selectFrom('alarms').select('status').where('id', '=', alarmId).executeTakeFirstOrThrow();
    expect(alarm.status).toBe('pending');
    expect((await scheduler.start()).map((f) => [f.alarmId, f.step])).toEqual([[alarmId, 'fired']]);
    expect(fired).toHaveLength(1);
    scheduler.stop();
    await t.close();
  });

  it('on the SQLite file this process runs the alarms, and the settings page has no server processes to show', async () => {
    const t = await testApp({ now: '2026-11-02 09:00' });
    const admin = await t.setup();
    const state = await t.ok(admin, 'alarms.scheduler.get', {});
    expect(state).toEqual({ shared: false, thisProcess: state.thisProcess, holder: state.thisProcess });
    expect(state.thisProcess).toMatch(new RegExp(` pid ${process.pid}$`));
    await t.close();
  });
});
