/**
 * Alarms at 100,000 pending rows, on the system clock with the real scheduler: how late an alarm rings after its
 * time (fire_at → fired_at, and → the 'alarm.fired' event the UI shows), and how much CPU the app burns while
 * nothing is due. The same figures for a naive loop that polls the table once a second and fires through the same
 * engine function, side by side.
 *
 * BENCH_ALARMS (default 100000), BENCH_WINDOW_SECONDS (20) and BENCH_IDLE_SECONDS (60) shorten a run.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Insertable } from 'kysely';
import { openApp, type App } from '../../main/app';
import { processDueAlarms, type FiredAlarm } from '../../main/core/alarms';
import type { AlarmTable, DeadlineTable } from '../../main/db';
import type { ApiResult } from '../../shared/api';
import { DAY_MS, localDateOf } from '../../shared/time';
import { idleCpu, runWithIdleFlags, type IdleFigures } from './support/idle';

const PENDING = Number(process.env.BENCH_ALARMS ?? 100_000);
const WINDOW_S = Number(process.env.BENCH_WINDOW_SECONDS ?? 20);
const IDLE_S = Number(process.env.BENCH_IDLE_SECONDS ?? 60);
const TZ = 'Asia/Shanghai';
const HOUR = 3_600_000;
/** Alarms coming due in the measured window: 40 spread over it (0.4 s apart by default), plus five at one millisecond. */
const SPREAD = 40;
const BURST = 5;
const IDLE_SLICES = 6;

interface Figures extends IdleFigures {
  fireToFired: number[];
  fireToEvent: number[];
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

function quantile(samples: readonly number[], q: number): number {
  const s = [...samples].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(s.length * q))] ?? NaN;
}

function deadlineRow(dueAt: number, subjectId: number, now: number): Insertable<DeadlineTable> {
  const dueDate = localDateOf(dueAt - 1, TZ);
  return {
    subject_type: 'petition',
    subject_id: subjectId,
    kind: 'handling',
    office_duty: 1,
    start_date: dueDate,
    unit: 'calendar_days',
    days: 60,
    extension_days: 0,
    article: '《信访工作条例》第三十四条',
    due_date: dueDate,
    due_at: dueAt,
    explanation_json: '{}',
    calendar_version: 1,
    status: 'open',
    met_at: null,
    created_at: now,
  };
}

function alarmRow(deadlineId: number, kind: 'pre' | 'due', daysBefore: number, fireAt: number, now: number): Insertable<AlarmTable> {
  return { deadline_id: deadlineId, kind, days_before: daysBefore, fire_at: fireAt, status: 'pending', late_ms: 0, level: 0, recipients_json: '[]', no_one_on_duty: 0, created_at: now };
}

/** Background: deadlines due over the next year, each with its three pre-alarms and its due alarm, none due soon. */
async function seedBackground(app: App, count: number): Promise<void> {
  const db = app.core.db;
  const now = Date.now();
  const deadlines = Math.ceil(count / 4);
  const batch = 500;
  let made = 0;
  for (let i = 0; i < deadlines; i += batch) {
    const rows: Insertable<DeadlineTable>[] = [];
    for (let j = i; j < Math.min(deadlines, i + batch); j++) rows.push(deadlineRow(now + 5 * DAY_MS + Math.floor((j / deadlines) * 360 * DAY_MS), 1_000_000 + j, now));
    await db.transaction().execute(async (trx) => {
      const ids = await trx.insertInto('deadlines').values(rows).returning(['id', 'due_at']).execute();
      const alarms: Insertable<AlarmTable>[] = [];
      for (const d of ids) {
        for (const [kind, daysBefore, before] of [['pre', 3, 3 * DAY_MS + 15 * HOUR], ['pre', 1, DAY_MS + 15 * HOUR], ['pre', 0, 15 * HOUR], ['due', 0, 0]] as const) {
          if (made >= count) break;
          alarms.push(alarmRow(d.id, kind, daysBefore, d.due_at - before, now));
          made++;
        }
      }
      if (alarms.length > 0) await trx.insertInto('alarms').values(alarms).execute();
    });
  }
}

/** The alarms that come due during the window, each the due alarm of its own deadline. Returns their ids. */
async function seedWindow(app: App, startAt: number): Promise<number[]> {
  const db = app.core.db;
  const now = Date.now();
  const spacing = ((WINDOW_S - 4) * 1000) / SPREAD;
  const times = Array.from({ length: SPREAD }, (_, i) => startAt + Math.round(i * spacing));
  const burstAt = startAt + Math.round((WINDOW_S - 4) * 500);
  times.push(...Array.from({ length: BURST }, () => burstAt));
  return db.transaction().execute(async (trx) => {
    const ids: number[] = [];
    for (const [i, t] of times.entries()) {
      const d = await trx.insertInto('deadlines').values(deadlineRow(t, 2_000_000 + i, now)).returning('id').executeTakeFirstOrThrow();
      const a = await trx.insertInto('alarms').values(alarmRow(d.id, 'due', 0, t, now)).returning('id').executeTakeFirstOrThrow();
      ids.push(a.id);
    }
    return ids;
  });
}

async function latencies(app: App, ids: readonly number[], eventAt: ReadonlyMap<number, number>) {
  const rows = await app.core.db.selectFrom('alarms').select(['id', 'fire_at', 'fired_at', 'status']).where('id', 'in', [...ids]).execute();
  const unfired = rows.filter((r) => r.fired_at === null);
  if (unfired.length > 0) console.log(`  ${unfired.length} of ${ids.length} window alarms did not fire in time`);
  return {
    fireToFired: rows.filter((r) => r.fired_at !== null).map((r) => (r.fired_at ?? 0) - r.fire_at),
    fireToEvent: rows.filter((r) => eventAt.has(r.id)).map((r) => (eventAt.get(r.id) ?? 0) - r.fire_at),
  };
}

/** CPU over the idle period, and its median slice (the steady cost, should any one-off burst remain). */
const idle = (wakes: () => number) => idleCpu(IDLE_S, IDLE_SLICES, wakes);

async function main(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'petition-desk-bench-'));
  // The real thing: the system clock and the scheduler started by openApp.
  const app = await openApp({ dataDir });
  const call = async (session: string | null, name: string, input: unknown) => {
    const r = (await app.api.call({ name, input, session })) as ApiResult<unknown>;
    if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
    return r.value as Record<string, unknown>;
  };
  const { token } = (await call(null, 'setup.create', {
    officeName: '基准测试镇信访办',
    township: '基准测试镇',
    timeZone: TZ,
    admin: { username: 'admin', displayName: '管理员', password: 'Bench2026x' },
  })) as { token: string };
  const officer = (await call(token, 'users.create', { username: 'duty1', displayName: '赵值班', role: 'duty_officer', password: 'Passw0rd1' })) as { id: number };
  const leader = (await call(token, 'users.create', { username: 'leader1', displayName: '张镇长', role: 'leader', password: 'Passw0rd1' })) as { id: number };
  const roles = (await call(token, 'duty.roles.list', {})) as unknown as { id: number; key: string }[];
  const startDate = localDateOf(Date.now() - DAY_MS, TZ);
  for (const [key, member] of [['officer', officer.id], ['leader', leader.id]] as const) {
    await call(token, 'duty.rotations.create', { name: key, roleId: roles.find((r) => r.key === key)?.id, pattern: 'daily', startDate, members: [member] });
  }

  let t0 = performance.now();
  await seedBackground(app, PENDING);
  const pending = await app.core.db.selectFrom('alarms').select((eb) => eb.fn.countAll<number>().as('n')).where('status', '=', 'pending').executeTakeFirstOrThrow();
  console.log(`seeded ${Number(pending.n)} pending alarms in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

  // What one pass costs with nothing due, over the full table (each wake does one).
  const passes: number[] = [];
  for (let i = 0; i < 20; i++) {
    t0 = performance.now();
    await processDueAlarms(app.core, Date.now());
    passes.push(performance.now() - t0);
  }
  console.log(`one pass with nothing due: median ${quantile(passes, 0.5).toFixed(2)} ms, worst ${Math.max(...passes).toFixed(2)} ms`);

  const eventAt = new Map<number, number>();
  app.subscribe((e) => {
    if (e.type === 'alarm.fired' && e.step === 'fired') eventAt.set(e.alarmId, Date.now());
  });

  // 1. The one timer. A deadline change pokes the scheduler, as the API does after any change.
  console.log(`one timer: ${SPREAD + BURST} alarms come due over ${WINDOW_S - 4} s, then ${IDLE_S} s with nothing due …`);
  const windowA = await seedWindow(app, Date.now() + 2000);
  app.scheduler.poke();
  await sleep(WINDOW_S * 1000);
  const real: Figures = { ...(await latencies(app, windowA, eventAt)), ...(await idle(() => app.scheduler.wakes)) };
  app.scheduler.stop();

  // 2. A naive loop: once a second, look for due rows and fire them through the same engine function.
  console.log(`naive 1 s polling: the same …`);
  let polls = 0;
  let busy = false;
  const naiveEvents = new Map<number, number>();
  const loop = setInterval(() => {
    if (busy) return;
    busy = true;
    polls++;
    const now = Date.now();
    void app.core.db
      .selectFrom('alarms')
      .select('id')
      .where('status', '=', 'pending')
      .where('fire_at', '<=', now)
      .execute()
      .then(async (due) => {
        if (due.length === 0) return;
        const fired: readonly FiredAlarm[] = await processDueAlarms(app.core, now);
        for (const f of fired) if (f.step === 'fired') naiveEvents.set(f.alarmId, Date.now());
      })
      .finally(() => {
        busy = false;
      });
  }, 1000);
  const windowB = await seedWindow(app, Date.now() + 2000);
  await sleep(WINDOW_S * 1000);
  const naive: Figures = { ...(await latencies(app, windowB, naiveEvents)), ...(await idle(() => polls)) };
  clearInterval(loop);

  const ms = (n: number) => `${n.toFixed(n < 10 ? 1 : 0)} ms`;
  const rows: [string, (f: Figures) => string][] = [
    ['fire_at → fired_at, median', (f) => ms(quantile(f.fireToFired, 0.5))],
    ['fire_at → fired_at, worst', (f) => ms(Math.max(...f.fireToFired))],
    ['fire_at → alarm event, median', (f) => ms(quantile(f.fireToEvent, 0.5))],
    ['fire_at → alarm event, worst', (f) => ms(Math.max(...f.fireToEvent))],
    [`CPU while idle ${IDLE_S} s`, (f) => `${ms(f.idleCpuMs)} (${((100 * f.idleCpuMs) / f.idleWallMs).toFixed(3)}%)`],
    [`CPU per ${IDLE_S / IDLE_SLICES} s idle, median slice`, (f) => ms(f.idleSliceMs)],
    [`wake-ups while idle ${IDLE_S} s`, (f) => String(f.idleWakes)],
  ];
  const w = [34, 26, 26];
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(w[i] ?? 20)).join(' | ')} |`;
  console.log(`\n${PENDING} pending alarms, ${SPREAD + BURST} coming due in the window (target: under 1 s late; idle CPU near zero)`);
  console.log(line(['', 'one timer (AlarmScheduler)', 'naive 1 s polling']));
  console.log(line(w.map((n) => '-'.repeat(n))));
  for (const [label, value] of rows) console.log(line([label, value(real), value(naive)]));

  await app.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
}

runWithIdleFlags(main);
