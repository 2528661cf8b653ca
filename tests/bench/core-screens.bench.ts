/**
 * Issue 15, the screens beside the petition list, at county scale: registering a petition (p50/p95/p99, and the
 * scheduler pass each save pokes), the home page's seven calls as the page asks them (each, and together), the
 * statistics page over 12 and 24 months (with the main process's RSS after each), the alarm board, a cold start
 * to the dashboard, and the CPU the app burns idling with its scheduler on (BENCH_IDLE_SECONDS, default 60).
 *
 * `--rows N` (default 100000): the county office of tests/bench/support/county.ts (seeded once and cached, shared
 * with the county bench), copied for each run since this bench writes, so a run also times the migrations a newer
 * build adds. The clock starts at the seeder's "now" and runs with the system clock.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openApp } from '../../main/app';
import { ManualClock, OffsetClock } from '../../main/core/context';
import { DB_FILE_NAME } from '../../main/db';
import type { ApiResult } from '../../shared/api';
import { PETITION_STATUSES, TERMINAL_STATUSES } from '../../shared/enums';
import { DAY_MS, localDateOf, startOfLocalDay } from '../../shared/time';
import { COUNTY_NOW, countyFiles } from './support/county';
import { idleCpu, runWithIdleFlags } from './support/idle';

function argRows(): number {
  const i = process.argv.indexOf('--rows');
  const v = i >= 0 ? Number(process.argv[i + 1]) : Number(process.env.BENCH_ROWS ?? 100_000);
  return Number.isFinite(v) && v > 0 ? Math.floor(v) : 100_000;
}

const ROWS = argRows();
const IDLE_S = Number(process.env.BENCH_IDLE_SECONDS ?? 60);
const TZ = 'Asia/Shanghai';
const NOW = COUNTY_NOW;
const PASSWORD = 'Bench2026x';
/** As the home page asks for them. */
const OPEN_STATUSES = PETITION_STATUSES.filter((s) => !TERMINAL_STATUSES.includes(s));

function q(samples: readonly number[], p: number): number {
  const s = [...samples].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(s.length * p))] ?? NaN;
}
const fmt = (n: number) => n.toFixed(n < 10 ? 2 : 1);
const line = (label: string, samples: readonly number[], extra = '') =>
  console.log(`${label.padEnd(46)} p50 ${fmt(q(samples, 0.5))} ms, p95 ${fmt(q(samples, 0.95))} ms, p99 ${fmt(q(samples, 0.99))} ms${extra}`);
const rssMb = () => (process.memoryUsage().rss / 2 ** 20).toFixed(0);

/** Opens a copy of the cached office with the scheduler started (as the app does) but not the daily backup, which would copy the file mid-run. */
async function openCopy(source: { dataDir: string; keyDir: string }) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'petition-desk-bench-'));
  const dataDir = path.join(dir, 'data');
  const keyDir = path.join(dir, 'key');
  fs.cpSync(source.dataDir, dataDir, { recursive: true });
  fs.cpSync(source.keyDir, keyDir, { recursive: true });
  const clock = new OffsetClock();
  clock.set(NOW);
  const t0 = performance.now();
  const app = await openApp({ dataDir, clock, startScheduler: false, auditKey: { dir: keyDir } });
  await app.scheduler.start();
  const openMs = performance.now() - t0;
  const call = async (session: string | null, name: string, input: unknown) => {
    const r = (await app.api.call({ name, input, session })) as ApiResult<unknown>;
    if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
    return r.value as Record<string, unknown>;
  };
  const t1 = performance.now();
  const { token } = (await call(null, 'auth.login', { username: 'admin', password: PASSWORD })) as { token: string };
  return { app, call, token, clock, dir, openMs, loginMs: performance.now() - t1 };
}

async function samples(n: number, fn: () => Promise<unknown>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const s = performance.now();
    await fn();
    out.push(performance.now() - s);
  }
  return out;
}

/** The home page's calls, with the inputs renderer/src/pages/home/HomePage.tsx sends. */
function homeCalls(now: number): [string, unknown][] {
  const todayStart = startOfLocalDay(localDateOf(now, TZ), TZ);
  return [
    ['petitions.list open count', { statuses: [...OPEN_STATUSES], pageSize: 1, exactTotal: true }],
    ['petitions.list overdue count', { statuses: [...OPEN_STATUSES], overdueOnly: true, pageSize: 1, exactTotal: true }],
    ['petitions.list registered today', { receivedFrom: todayStart, receivedTo: todayStart + DAY_MS, pageSize: 1, exactTotal: true }],
    ['petitions.list upcoming 20', { statuses: [...OPEN_STATUSES], sort: 'nextDueAt', descending: false, pageSize: 20 }],
    ['stats.dashboard.get', {}],
    ['alarms.list open', { scope: 'open', pageSize: 200 }],
    ['backups.status.get', {}],
  ];
}

async function main(): Promise<void> {
  const source = await countyFiles({ rows: ROWS, seed: 1, clock: new ManualClock(NOW) });
  const file = path.join(source.dataDir, DB_FILE_NAME);
  console.log(`${ROWS} petitions (county office, ${source.seededNow ? `seeded in ${source.seedSeconds.toFixed(0)} s` : 'from the cache'}); file ${(fs.statSync(file).size / 2 ** 20).toFixed(0)} MB`);

  // Cold start: open the file (migrations included the first time a build meets it), log in, serve the home page.
  const cold = await openCopy(source);
  const t0 = performance.now();
  await Promise.all(homeCalls(NOW).map(([name, input]) => cold.call(cold.token, name.split(' ')[0] ?? name, input)));
  console.log(
    `cold start: open ${fmt(cold.openMs)} ms (migrations included), log in ${fmt(cold.loginMs)} ms, home page served ${fmt(performance.now() - t0)} ms after`,
  );
  const { app, call, token, clock, dir } = cold;
  // A long chain is verified from its checkpoint before the desk opens, and as a whole right after: the figures
  // below are taken once that has finished.
  await app.auditWatch.settled();
  console.log(`audit chain verified as a whole behind the open desk: done ${fmt(performance.now() - t0)} ms after the home page was asked for`);

  let n = 0;
  const create = () =>
    call(token, 'petitions.create', {
      channel: 'visit',
      receivedAt: clock.now() - 60_000,
      petitioners: [{ name: `张三${n++}`, address: '东风村3组' }],
      peopleCount: 1,
      category: 'claim',
      claimItem: 6,
      summary: '反映征地补偿款未足额发放',
      request: '要求补发',
    });
  // Each save pokes the scheduler, as in the app; the pass runs in the background before the next save.
  const saves: number[] = [];
  const passes: number[] = [];
  for (let i = 0; i < 200; i++) {
    const s = performance.now();
    await create();
    saves.push(performance.now() - s);
    const p = performance.now();
    await app.scheduler.tick();
    passes.push(performance.now() - p);
  }
  line('intake save (petitions.create)', saves);
  line('scheduler pass after a save', passes);

  for (const [label, input] of homeCalls(NOW)) line(`home: ${label}`, await samples(20, () => call(token, label.split(' ')[0] ?? label, input)));
  line('home: all seven together', await samples(20, () => Promise.all(homeCalls(NOW).map(([label, input]) => call(token, label.split(' ')[0] ?? label, input)))));
  line('alarm board: open', await samples(20, () => call(token, 'alarms.list', { scope: 'open', page: 1, pageSize: 20, withLog: true })));
  line('alarm board: all rung', await samples(20, () => call(token, 'alarms.list', { scope: 'all', page: 1, pageSize: 20, withLog: true })));
  for (const months of [12, 24]) {
    line(`statistics, ${months} months`, await samples(5, () => call(token, 'stats.overview.get', { months })), `, RSS ${rssMb()} MB`);
  }
  // Nothing comes due in the next minute of the seeded office: the scheduler only wakes (at most every 30 s).
  const idle = await idleCpu(IDLE_S, 6, () => app.scheduler.wakes);
  console.log(
    `idle ${IDLE_S} s with the scheduler on: CPU ${fmt(idle.idleCpuMs)} ms (${((100 * idle.idleCpuMs) / idle.idleWallMs).toFixed(3)}%), median ${IDLE_S / 6} s slice ${fmt(idle.idleSliceMs)} ms, ${idle.idleWakes} wakes`,
  );
  await app.close();
  fs.rmSync(dir, { recursive: true, force: true });
}

runWithIdleFlags(main);
