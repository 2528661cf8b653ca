/**
 * Issue 15, the screens beside the petition list, at county scale: registering a petition (p50/p95/p99, and the
 * scheduler pass each save pokes), one idle scheduler wake, the home page's seven calls, the statistics page over
 * 12 and 24 months (with the main process's RSS after each), the alarm board, and a cold start to the dashboard.
 *
 * `--rows N` (default 100000) petitions, each with two deadlines and six alarm rows. The seeded file is cached in
 * the temp folder per N and copied for each run, so a later run also times the migrations a newer build adds.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openApp, type App } from '../../main/app';
import { ManualClock } from '../../main/core/context';
import { DB_FILE_NAME } from '../../main/db';
import type { ApiResult } from '../../shared/api';
import { PETITION_STATUSES, TERMINAL_STATUSES } from '../../shared/enums';
import { DAY_MS, localDateOf, startOfLocalDay } from '../../shared/time';
import { seedPetitions } from './support/petitions';
import { seedDeadlines } from './support/deadlines';

function argRows(): number {
  const i = process.argv.indexOf('--rows');
  const v = i >= 0 ? Number(process.argv[i + 1]) : Number(process.env.BENCH_ROWS ?? 100_000);
  return Number.isFinite(v) && v > 0 ? Math.floor(v) : 100_000;
}

const ROWS = argRows();
const TZ = 'Asia/Shanghai';
/** The seeder registers one petition every 8 minutes from 2 January 2024: the bench's "now" is just after the last. */
const NOW = Date.UTC(2024, 0, 2, 1, 0) + ROWS * 8 * 60_000 + DAY_MS;
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

function caller(app: App) {
  return async (session: string | null, name: string, input: unknown) => {
    const r = (await app.api.call({ name, input, session })) as ApiResult<unknown>;
    if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
    return r.value as Record<string, unknown>;
  };
}

/** The seeded file for this size, made once and kept in the temp folder. */
async function seededFile(): Promise<string> {
  const cacheDir = path.join(os.tmpdir(), `petition-desk-bench-core-${ROWS}`);
  const file = path.join(cacheDir, DB_FILE_NAME);
  if (fs.existsSync(path.join(cacheDir, 'done'))) return file;
  fs.rmSync(cacheDir, { recursive: true, force: true });
  const t0 = performance.now();
  const app = await openApp({ dataDir: cacheDir, clock: new ManualClock(NOW - 2 * ROWS * 8 * 60_000), startScheduler: false });
  const call = caller(app);
  const { token } = (await call(null, 'setup.create', { officeName: '基准测试镇信访办', township: '基准测试镇', timeZone: TZ, admin: { username: 'admin', displayName: '管理员', password: PASSWORD } })) as { token: string };
  const unit = (await call(token, 'units.create', { name: '东风村', kind: 'village' })) as { id: number };
  await seedPetitions(app.core.db, ROWS, unit.id);
  await seedDeadlines(app.core.db, NOW);
  await app.close();
  fs.writeFileSync(path.join(cacheDir, 'done'), '');
  console.log(`seeded ${ROWS} petitions with deadlines and alarms in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  return file;
}

/** Opens a copy with the scheduler started (as the app does) but not the daily backup, which would copy the file mid-run. */
async function openCopy(source: string) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'petition-desk-bench-'));
  fs.copyFileSync(source, path.join(dataDir, DB_FILE_NAME));
  const clock = new ManualClock(NOW);
  const t0 = performance.now();
  const app = await openApp({ dataDir, clock, startScheduler: false });
  await app.scheduler.start();
  const openMs = performance.now() - t0;
  const call = caller(app);
  const { token } = (await call(null, 'auth.login', { username: 'admin', password: PASSWORD })) as { token: string };
  return { app, call, token, clock, dataDir, openMs };
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

function homeCalls(now: number): [string, unknown][] {
  const todayStart = startOfLocalDay(localDateOf(now, TZ), TZ);
  return [
    ['petitions.list open count', { statuses: [...OPEN_STATUSES], pageSize: 1 }],
    ['petitions.list overdue count', { statuses: [...OPEN_STATUSES], overdueOnly: true, pageSize: 1 }],
    ['petitions.list registered today', { receivedFrom: todayStart, receivedTo: todayStart + DAY_MS, pageSize: 1 }],
    ['petitions.list upcoming 20', { statuses: [...OPEN_STATUSES], sort: 'nextDueAt', descending: false, pageSize: 20 }],
    ['stats.dashboard.get', {}],
    ['alarms.list open', { scope: 'open', pageSize: 200 }],
    ['backups.status.get', {}],
  ];
}

async function main(): Promise<void> {
  const source = await seededFile();
  console.log(`${ROWS} petitions; file ${(fs.statSync(source).size / 2 ** 20).toFixed(0)} MB`);

  // Cold start: open the file (migrations included the first time a build meets it), log in, serve the home page.
  const cold = await openCopy(source);
  const t0 = performance.now();
  await Promise.all(homeCalls(NOW).map(([name, input]) => cold.call(cold.token, name.split(' ')[0] ?? name, input)));
  console.log(`cold start: open ${fmt(cold.openMs)} ms (migrations included), home page served ${fmt(performance.now() - t0)} ms after`);
  const { app, call, token, clock, dataDir } = cold;

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
  line('alarm board: open', await samples(20, () => call(token, 'alarms.list', { scope: 'open', page: 1, pageSize: 20, withLog: true })));
  line('alarm board: all rung', await samples(20, () => call(token, 'alarms.list', { scope: 'all', page: 1, pageSize: 20, withLog: true })));
  for (const months of [12, 24]) {
    line(`statistics, ${months} months`, await samples(5, () => call(token, 'stats.overview.get', { months })), `, RSS ${rssMb()} MB`);
  }
  await app.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
