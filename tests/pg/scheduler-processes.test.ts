/**
 * Two server processes on one county database: the alarm scheduler runs in one of them only. A set of alarms that
 * comes due rings each alarm exactly once in all; when the process that runs the scheduler is killed (SIGKILL, as
 * a crash), the other takes over and rings the next alarm well within the 30 s an alarm may wait.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, OFFICE } from '../e2e/support/office-template';
import { countyOffice, type CountyOffice, type ServerProcess } from './server-processes';
import { letter } from './support';

/** Monday 2026-11-02 09:00 in Beijing. */
const START = Date.UTC(2026, 10, 2, 1);
const PETITIONS = 6;
const TAKEOVER_LIMIT_MS = 30_000;

interface AlarmRow {
  readonly id: number;
  readonly fire_at: number;
  readonly status: string;
}

let office: CountyOffice;
let db: pg.Client;

beforeAll(async () => {
  office = await countyOffice();
  db = new pg.Client({ connectionString: office.databaseUrl });
  await db.connect();
});

afterAll(async () => {
  await db?.end();
  await office?.close();
});

async function alarms(): Promise<AlarmRow[]> {
  const r = await db.query<AlarmRow>('SELECT id, fire_at::float8 AS fire_at, status FROM alarms ORDER BY fire_at, id');
  return r.rows;
}

/** How many times each alarm rang its first step, by alarm id, from the alarms' log. */
async function firedCounts(): Promise<Map<number, number>> {
  const r = await db.query<{ alarm_id: number; n: string }>(`SELECT alarm_id, count(*) AS n FROM alarm_log WHERE step = 'fired' GROUP BY alarm_id`);
  return new Map(r.rows.map((row) => [row.alarm_id, Number(row.n)]));
}

/** Waits until every alarm among `ids` has left 'pending'; resolves with how long that took. */
async function untilRung(ids: readonly number[], limitMs: number): Promise<number> {
  const from = Date.now();
  for (;;) {
    const r = await db.query<{ n: string }>(`SELECT count(*) AS n FROM alarms WHERE id = ANY($1::bigint[]) AND status = 'pending'`, [ids]);
    if (Number(r.rows[0]?.n) === 0) return Date.now() - from;
    if (Date.now() - from > limitMs) throw new Error(`alarms ${ids.join(', ')} still pending after ${limitMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** Moves a process's test clock, as its admin (a fresh session: a jump of days can end an older one). */
async function setClock(p: ServerProcess, now: number): Promise<void> {
  const { token } = await p.call<{ token: string }>('auth.login', { username: ADMIN.username, password: ADMIN.password });
  await p.call('clock.set', { setNow: now }, token);
}

describe('two server processes on one PostgreSQL database', () => {
  it('ring each alarm once; when the scheduling process is killed the other takes over within 30 s', async () => {
    const a = await office.start(START);
    const { token: admin } = await a.call<{ token: string }>('setup.create', { ...OFFICE, admin: { username: ADMIN.username, displayName: ADMIN.displayName, password: ADMIN.password } });
    const b = await office.start(START);
    // Both processes register: the alarms they make are one set on one database.
    for (let i = 0; i < PETITIONS; i++) {
      await (i % 2 === 0 ? a : b).call('petitions.create', letter({ summary: `第${i + 1}封来信`, petitioners: [{ name: `来信人${i + 1}`, address: '东风村' }] }), admin);
    }

    // The process started first holds the lock; the other says who does.
    expect(a.output()).toContain(`this process runs the alarm scheduler (`);
    expect(a.output()).toContain(`pid ${a.pid})`);
    expect(b.output()).not.toContain('this process runs the alarm scheduler');
    expect(b.output()).toContain(`another process runs the alarm scheduler: `);
    expect(b.output()).toContain(`pid ${a.pid};`);
    // And each says so to its administrators (the alarm settings page shows it).
    const byA = await a.call<{ shared: boolean; thisProcess: string; holder: string }>('alarms.scheduler.get', {}, admin);
    expect(byA).toMatchObject({ shared: true, holder: byA.thisProcess });
    expect(byA.holder).toMatch(new RegExp(` pid ${a.pid}$`));
    const byB = await b.call<{ thisProcess: string; holder: string }>('alarms.scheduler.get', {}, admin);
    expect(byB.holder).toBe(byA.holder);
    expect(byB.thisProcess).toMatch(new RegExp(` pid ${b.pid}$`));

    const times = [...new Set((await alarms()).map((r) => r.fire_at))];
    expect(times.length).toBeGreaterThanOrEqual(2);
    const [first, second] = times as [number, number];
    const firstSet = (await alarms()).filter((r) => r.fire_at === first).map((r) => r.id);
    // Every petition's deadlines ring their first pre-alarm at one moment.
    expect(firstSet.length).toBeGreaterThanOrEqual(PETITIONS);

    // The set comes due in both processes (each test clock is its process's own).
    await Promise.all([setClock(a, first + 60_000), setClock(b, first + 60_000)]);
    await untilRung(firstSet, 10_000);
    let counts = await firedCounts();
    expect(firstSet.map((id) => counts.get(id))).toEqual(firstSet.map(() => 1));
    expect(counts.size).toBe(firstSet.length);

    // The scheduling process dies; the next alarms come due in the one left.
    await a.kill();
    const killedAt = Date.now();
    const secondSet = (await alarms()).filter((r) => r.fire_at === second).map((r) => r.id);
    expect(secondSet.length).toBeGreaterThan(0);
    await setClock(b, second + 60_000);
    await untilRung(secondSet, TAKEOVER_LIMIT_MS);
    expect(Date.now() - killedAt).toBeLessThan(TAKEOVER_LIMIT_MS);
    expect(b.output()).toContain('this process runs the alarm scheduler');
    const { token: later } = await b.call<{ token: string }>('auth.login', { username: ADMIN.username, password: ADMIN.password });
    const after = await b.call<{ thisProcess: string; holder: string }>('alarms.scheduler.get', {}, later);
    expect(after.holder).toBe(after.thisProcess);

    // Each alarm rang once in all, whichever process rang it.
    counts = await firedCounts();
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
    expect([...counts.keys()].sort((x, y) => x - y)).toEqual([...firstSet, ...secondSet].sort((x, y) => x - y));
    const audit = await db.query<{ n: string }>(`SELECT count(*) AS n FROM audit WHERE action = 'alarm.fired'`);
    expect(Number(audit.rows[0]?.n)).toBe(firstSet.length + secondSet.length);
  }, 90_000);
});
