/**
 * A county-scale office for the benchmarks (issue 15): N petitions with varied Chinese text, one to several
 * petitioners each, steps, deadlines, alarms and chained audit rows in the proportions a county bureau's decade of
 * records has (per petition: 1.29 petitioners, ~2 steps, ~1.9 audit rows, ~2.9 deadlines, ~3 alarms; 7.2 % open,
 * 0.8 % overdue). The office is set up through the API; the bulk rows go in through one prepared statement per
 * table inside large transactions (minutes for 1,000,000, not the days the API would take), with numbers, the
 * lead petitioner's name and the audit chain's MACs made by the app's own functions.
 *
 * The file is cached under the temp folder's petition-desk-bench/ (or BENCH_CACHE_DIR), keyed by rows, seed and this seeder's version:
 * a later run opens it as it is, and opening it runs any migration added since (the bench times that).
 *
 * @example
 * const county = await countyOffice({ rows: 100_000, seed: 1, clock });
 */
import { seeded } from '../../reliability/seeded';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { openApp, type App } from '../../../main/app';
import type { Clock } from '../../../main/core/context';
import { canonicalAuditRow } from '../../../main/core/audit';
import { formatPetitionNumber } from '../../../main/core/petitions/numbering';
import { summaryName } from '../../../main/core/petitions/names';
import { importTownship } from '../../../main/core/township-import';
import { DB_FILE_NAME } from '../../../main/db';
import { migrationProvider } from '../../../main/db/migrations';
import { CATEGORIES, CHANNELS, TERMINAL_STATUSES, PETITION_STATUSES, type PetitionStatus } from '../../../shared/enums';
import type { ApiResult } from '../../../shared/api';
import { withCheckChar } from '../../unit/support/id-numbers';

/** Bump when what the seeder writes changes: older cached files are then seeded anew. */
const SEED_VERSION = 1;
const DAY = 86_400_000;
const YEARS = 10;
const ADMIN = { username: 'admin', displayName: '管理员', password: 'Bench2026x' };
const BATCH = 5000;
/**
 * Migrations whose triggers keep an index or summary up to date row by row: undone for the bulk and run again after
 * it, which fills them in one statement each (with their triggers, 100,000 petitions took 275 s to seed, not 23 s).
 */
const REBUILT_AFTER_BULK = ['0014-short-search-index', '0015-stats-summary'];

/** Phrases the bench searches for, and how often they occur. */
export const COMMON_PHRASE = '征地补偿款';
export const RARE_PHRASE = '鹭鸶湾水库';
export const MISSING_PHRASE = '麒麟山隧道渗水';

const SURNAMES = [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'];
const GIVEN = [...'伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建国文辉力鹏飞云海峰波宁林斌琴梅凤珍雪琳晶燕春生宝贵福成志金荣'];
const PLACE_A = [...'东西南北大小新老上下前后青红白黄金石桥河山岭湾塘坪沟'];
const PLACE_B = [...'风旗山水林田湖溪坝岗峰园庄屯集营寨'];
const PLACE_KIND = ['村', '社区', '组'];
const TOPICS = [
  COMMON_PHRASE, '拖欠工资', '宅基地纠纷', '低保申请', '环境污染', '医疗纠纷', '学校收费', '道路修建', '土地承包经营权',
  '拆迁安置', '养老保险', '危房改造', '山林权属', '饮水安全', '噪音扰民', '物业管理', '村务公开', '集体资产处置',
  '退役军人优抚', '残疾人补贴', '邻里纠纷', '婚姻家庭', '交通事故赔偿', '劳动合同', '灌溉用水', '农村电网',
];
const DETAILS = ['多次协商未果', '至今未予答复', '要求依法处理', '已向村委会反映', '影响正常生活', '涉及群众较多', '情绪较为激动', '希望尽快解决'];
const ROLES = ['村民', '居民', '农户', '职工', '家属', '代表'];

const rng = seeded;

export interface CountyOffice {
  readonly app: App;
  readonly token: string;
  readonly file: string;
  readonly seededNow: boolean;
  readonly seedSeconds: number;
  /** Milliseconds the app took to open the cached file (including any migration it had pending). */
  readonly openMs: number;
  readonly units: readonly number[];
  call(name: string, input: unknown): Promise<Record<string, unknown>>;
}

export function countyCacheDir(rows: number, seed: number): string {
  return path.join(process.env.BENCH_CACHE_DIR ?? path.join(os.tmpdir(), 'petition-desk-bench'), `county-${rows}-seed${seed}-v${SEED_VERSION}`);
}

async function callerOf(app: App) {
  return async (session: string | null, name: string, input: unknown) => {
    const r = (await app.api.call({ name, input, session })) as ApiResult<unknown>;
    if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
    return r.value as Record<string, unknown>;
  };
}

/** The time the seeder takes as "now" (open and overdue petitions are reckoned from it): a bench's clock starts here. */
export const COUNTY_NOW = Date.UTC(2026, 10, 2, 1, 0);

/** The cached office's folders: the data folder, and the audit key's folder (kept outside it, as in the app). */
export interface CountyFiles {
  readonly dir: string;
  readonly dataDir: string;
  readonly keyDir: string;
  readonly seededNow: boolean;
  readonly seedSeconds: number;
}

/** The cached county office of this size and seed, seeded first when it is not in the cache. */
export async function countyFiles(options: { rows: number; seed: number; clock: Clock }): Promise<CountyFiles> {
  const dir = countyCacheDir(options.rows, options.seed);
  const dataDir = path.join(dir, 'data');
  const keyDir = path.join(dir, 'key');
  const ready = path.join(dir, 'ready');
  const appOptions = { dataDir, clock: options.clock, startScheduler: false, auditKey: { dir: keyDir } };
  let seedSeconds = 0;
  const seededNow = !fs.existsSync(ready);
  if (seededNow) {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir, { recursive: true });
    const t0 = performance.now();
    const app = await openApp(appOptions);
    const call = await callerOf(app);
    const { token } = (await call(null, 'setup.create', {
      officeName: '基准县信访局',
      township: '基准县',
      timeZone: 'Asia/Shanghai',
      admin: ADMIN,
    })) as { token: string };
    const r = rng(options.seed);
    for (let i = 0; i < 40; i++) {
      const name = `${PLACE_A[i % PLACE_A.length]}${PLACE_B[(i * 7) % PLACE_B.length]}${i < 30 ? '村' : '局'}${i}`;
      await call(token, 'units.create', { name, kind: i < 30 ? 'village' : 'department' });
    }
    await app.close();
    // The bulk goes through a second connection carrying the office's audit key (the app's own MAC function).
    const reopened = await openApp(appOptions);
    const sqlite = new SqliteDatabase(path.join(dataDir, DB_FILE_NAME));
    reopened.auditWatch.installOn(sqlite);
    sqlite.pragma('synchronous = OFF');
    // Every page of the growing file stays in this connection's cache, and index builds sort in memory: with the
    // default 2 MB cache each insert read its index pages back through the OS, and 100,000 petitions took 23 s at
    // the start of a 1M seed but 1,700 s at its fourth 100,000.
    sqlite.pragma('cache_size = -8000000');
    sqlite.pragma('temp_store = MEMORY');
    // Not destroyed: that would close the connection, which is closed below.
    const bulk = new Kysely<unknown>({ dialect: new SqliteDialect({ database: sqlite }) });
    const all = await migrationProvider.getMigrations();
    const rebuilt = REBUILT_AFTER_BULK.map((name) => all[name]).filter((m) => m !== undefined);
    for (const m of [...rebuilt].reverse()) await m.down?.(bulk);
    const indexes = withoutSecondaryIndexes(sqlite);
    bulkSeed(sqlite, options.rows, r, options.clock.now());
    indexes.restore();
    for (const m of rebuilt) await m.up(bulk);
    sqlite.pragma('wal_checkpoint(TRUNCATE)');
    sqlite.close();
    await reopened.close();
    seedSeconds = (performance.now() - t0) / 1000;
    fs.writeFileSync(ready, new Date().toISOString());
  }
  return { dir, dataDir, keyDir, seededNow, seedSeconds };
}

export async function countyOffice(options: { rows: number; seed: number; clock: Clock }): Promise<CountyOffice> {
  const { dataDir, keyDir, seededNow, seedSeconds } = await countyFiles(options);
  const appOptions = { dataDir, clock: options.clock, startScheduler: false, auditKey: { dir: keyDir } };
  const t1 = performance.now();
  const app = await openApp(appOptions);
  const openMs = performance.now() - t1;
  // The whole audit verify that follows the open (main/core/audit/watch.ts) is over before anything is timed.
  await app.auditWatch.settled();
  const call = await callerOf(app);
  const { token } = (await call(null, 'auth.login', { username: ADMIN.username, password: ADMIN.password })) as { token: string };
  const units = (await app.core.db.selectFrom('units').select('id').orderBy('id').execute()).map((u) => u.id);
  return {
    app,
    token,
    file: path.join(dataDir, DB_FILE_NAME),
    seededNow,
    seedSeconds,
    openMs,
    units,
    call: (name, input) => call(token, name, input),
  };
}

const OPEN_STATUSES = PETITION_STATUSES.filter((s) => !TERMINAL_STATUSES.includes(s) && s !== 'registered');

/** Tables the bulk fills row by row. */
const BULK_TABLES = ['petitions', 'petitioners', 'petition_steps', 'deadlines', 'alarms', 'audit'];

/**
 * Drops the bulk tables' own indexes (the migrations' CREATE INDEX, not the UNIQUE/PRIMARY KEY ones SQLite makes) and
 * gives back a restore that creates them again from the same SQL, so each is built once by sorting instead of grown
 * by a million random inserts.
 */
function withoutSecondaryIndexes(sqlite: SqliteDatabase.Database): { restore(): void } {
  const marks = BULK_TABLES.map(() => '?').join(', ');
  const indexes = sqlite
    .prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (${marks})`)
    .all(...BULK_TABLES) as { name: string; sql: string }[];
  for (const index of indexes) sqlite.exec(`DROP INDEX "${index.name}"`);
  return {
    restore() {
      const t0 = performance.now();
      for (const index of indexes) sqlite.exec(index.sql);
      console.log(`  ${indexes.length} indexes built after the bulk (${((performance.now() - t0) / 1000).toFixed(0)} s)`);
    },
  };
}

function bulkSeed(sqlite: SqliteDatabase.Database, rows: number, r: () => number, now: number): void {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(r() * list.length)] as T;
  const name = () => pick(SURNAMES) + pick(GIVEN) + (r() < 0.6 ? pick(GIVEN) : '');
  const place = () => pick(PLACE_A) + pick(PLACE_B) + pick(PLACE_KIND);
  const topics = (sqlite.prepare('SELECT id FROM topics ORDER BY id').all() as { id: number }[]).map((t) => t.id);
  const units = (sqlite.prepare('SELECT id FROM units ORDER BY id').all() as { id: number }[]).map((u) => u.id);
  const userId = (sqlite.prepare("SELECT id FROM users WHERE username = 'admin'").get() as { id: number }).id;
  const format = '信〔{year}〕{seq:4}号';
  const insertPetition = sqlite.prepare(`INSERT INTO petitions (number, year, seq, channel, received_at, people_count, category, claim_item,
    topic_id, unit_id, summary, request, facts_reasons, status, responsible_unit_id, extended_days, anonymous, first_petitioner,
    first_id_number, next_due_at, next_due_kind, created_by, created_at, updated_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, ?, ?, ?, ?, ?, ?, ?)`);
  const insertPetitioner = sqlite.prepare(
    'INSERT INTO petitioners (petition_id, ord, name, id_number, phone, address, is_representative) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const insertStep = sqlite.prepare(
    "INSERT INTO petition_steps (petition_id, at, user_id, action, from_status, to_status, note, details_json) VALUES (?, ?, ?, ?, ?, ?, ?, '{}')",
  );
  const insertDeadline = sqlite.prepare(`INSERT INTO deadlines (subject_type, subject_id, kind, office_duty, start_date, unit, days, extension_days,
    article, due_date, due_at, explanation_json, calendar_version, status, met_at, created_at)
    VALUES ('petition', ?, ?, 1, ?, 'calendar_days', ?, 0, ?, ?, ?, '{}', 1, ?, ?, ?)`);
  const insertAlarm = sqlite.prepare(`INSERT INTO alarms (deadline_id, kind, days_before, fire_at, status, fired_at, late_ms, level, recipients_json,
    no_one_on_duty, created_at) VALUES (?, ?, ?, ?, ?, ?, 0, 0, '[]', 0, ?)`);
  const head = sqlite.prepare("SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1").get() as { id: number; hash: string };
  const mac = sqlite.prepare('SELECT audit_mac(?) AS mac').pluck();
  const insertAudit = sqlite.prepare(`INSERT INTO audit (id, at, user_id, user_name, action, entity, entity_id, before_json, after_json, prev_hash, hash)
    VALUES (?, ?, ?, ?, ?, 'petition', ?, ?, ?, ?, ?)`);
  let auditId = head.id;
  let prevHash = head.hash;
  const audit = (at: number, action: string, entityId: number, after: string) => {
    auditId++;
    const content = { id: auditId, at, user_id: userId, user_name: ADMIN.displayName, action, entity: 'petition', entity_id: String(entityId), before_json: null, after_json: after, prev_hash: prevHash };
    const hash = mac.get(canonicalAuditRow(content)) as string;
    insertAudit.run(auditId, at, userId, ADMIN.displayName, action, String(entityId), null, after, prevHash, hash);
    prevHash = hash;
  };
  const span = YEARS * 365 * DAY;
  const start = now - span;
  const seqByYear = new Map<number, number>();
  const isoDate = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10);
  const batch = sqlite.transaction((from: number, to: number) => {
    for (let j = from; j < to; j++) {
      const received = Math.floor(start + ((j + r()) / rows) * span);
      const year = new Date(received + 8 * 3_600_000).getUTCFullYear();
      const seq = (seqByYear.get(year) ?? 0) + 1;
      seqByYear.set(year, seq);
      const people = r() < 0.78 ? 1 : 2 + Math.floor(r() * (r() < 0.9 ? 3 : 40));
      const petitioners = Array.from({ length: people > 1 ? Math.min(people, 2 + Math.floor(r() * 2)) : 1 }, name);
      const topic = pick(TOPICS);
      const where = place();
      // The newest petitions are the open ones (7.2 %); of those about one in nine is overdue.
      const open = j >= rows * 0.928 && r() < 0.98;
      const status: PetitionStatus = open ? pick(OPEN_STATUSES) : r() < 0.9 ? 'closed' : r() < 0.7 ? 'withdrawn' : pick(['voided', 'not_accepted', 'replied'] as const);
      const overdue = open && r() < 0.11;
      const nextDue = open ? (overdue ? now - Math.floor(r() * 10 * DAY) - 60_000 : now + Math.floor((1 + r() * 59) * DAY)) : null;
      const rare = j % 200_003 === 777 ? RARE_PHRASE : '';
      const summary = `${where}${pick(ROLES)}${petitioners[0]}反映${topic}问题${rare}，${pick(DETAILS)}`;
      const request = `要求${pick(['尽快', '依法', '妥善'])}解决${topic}${r() < 0.3 ? `，涉及金额${Math.floor(r() * 90_000 + 1000)}元` : ''}`;
      const facts = `${where}第${1 + Math.floor(r() * 12)}组${petitioners.join('、')}于${isoDate(received).slice(0, 4)}年${1 + Math.floor(r() * 12)}月反映${topic}，${pick(DETAILS)}。`;
      const unit = pick(units);
      const number = formatPetitionNumber(format, year, seq);
      const idNumber = r() < 0.6 ? withCheckChar(`3301${String(Math.floor(r() * 100)).padStart(2, '0')}19${String(40 + Math.floor(r() * 60))}0${1 + Math.floor(r() * 9)}1${Math.floor(r() * 10)}${String(Math.floor(r() * 1000)).padStart(3, '0')}`) : '';
      const id = Number(
        insertPetition.run(number, year, seq, pick(CHANNELS), received, people, pick(CATEGORIES), null, pick(topics), unit, summary, request, facts,
          status, r() < 0.5 ? pick(units) : null, summaryName(petitioners[0] ?? '', people), idNumber, nextDue, nextDue === null ? null : 'handling',
          userId, received, received).lastInsertRowid,
      );
      petitioners.forEach((p, ord) => {
        const phone = r() < 0.7 ? `13${String(Math.floor(r() * 1e9)).padStart(9, '0')}` : '';
        insertPetitioner.run(id, ord, p, ord === 0 ? idNumber : '', phone, where, ord === 0 ? 1 : 0);
      });
      insertStep.run(id, received, userId, 'register', null, 'registered', '');
      audit(received, 'petition.create', id, `{"number":"${number}"}`);
      const later = received + Math.floor(r() * 20 * DAY);
      if (status !== 'registered') {
        insertStep.run(id, later, userId, 'accept', 'registered', status, '');
        if (r() < 0.9) audit(later, 'petition.transition', id, `{"status":"${status}"}`);
      }
      if (r() < 0.05) insertStep.run(id, later + DAY, userId, 'correct', status, status, '更正');
      for (const [k, days] of [['forward', 15], ['acceptance_notice', 15], ['handling', 60]] as const) {
        if (k === 'acceptance_notice' && r() < 0.1) continue;
        const due = k === 'handling' && nextDue !== null ? nextDue : received + days * DAY;
        const met = !open || k !== 'handling';
        const dl = Number(
          insertDeadline.run(id, k, isoDate(received), days, '《信访工作条例》', isoDate(due), due, met ? 'met' : 'open', met ? Math.min(due, later) : null, received).lastInsertRowid,
        );
        for (const [kind, before] of r() < 0.1 ? ([['pre', 1], ['due', 0]] as const) : ([['due', 0]] as const)) {
          const fire = due - before * DAY;
          const state = !met ? (fire > now ? 'pending' : 'fired') : r() < 0.5 ? 'resolved' : 'cancelled';
          insertAlarm.run(dl, kind, before, fire, state, state === 'fired' || state === 'resolved' ? fire : null, received);
        }
      }
    }
  });
  // The full-text index is built once at the end ('rebuild'), not row by row through its trigger.
  const trigger = sqlite.prepare("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'petitions_fts_insert'").pluck().get() as string;
  sqlite.exec('DROP TRIGGER petitions_fts_insert');
  const t0 = performance.now();
  for (let i = 0; i < rows; i += BATCH) {
    batch(i, Math.min(rows, i + BATCH));
    if ((i / BATCH) % 20 === 19) console.log(`  seeded ${i + BATCH} petitions (${((performance.now() - t0) / 1000).toFixed(0)} s)`);
  }
  sqlite.exec("INSERT INTO petitions_fts(petitions_fts) VALUES ('rebuild')");
  sqlite.exec(trigger);
  sqlite.prepare("INSERT INTO meta (key, value) VALUES ('audit_head', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value").run(JSON.stringify({ id: auditId, hash: prevHash }));
}

/** The county office on PostgreSQL, loaded from the cached SQLite file, and how long the load took. */
export interface CountyOnPostgres extends CountyOffice {
  /** The county's data folder (attachments, its audit key): the bench removes it when done. */
  readonly dataDir: string;
  readonly loadSeconds: number;
  readonly loadedRows: number;
}

/**
 * The same county on PostgreSQL (`npm run bench -- --store postgres`): the cached SQLite county file (seeded first
 * when missing) is loaded through the app's own township import (main/core/township-import), the path a real
 * county takes, into a county office set up through the API on the server at `databaseUrl`. Its petitions then
 * carry the township name 基准县; the lists and searches do not filter on it, so they read what the SQLite bench
 * reads. The seeded admin becomes a disabled account there: the bench signs in as the county's own admin.
 */
export async function countyOnPostgres(options: { rows: number; seed: number; clock: Clock; databaseUrl: string }): Promise<CountyOnPostgres> {
  const { dataDir: seededDir, keyDir: seededKeys, seededNow, seedSeconds } = await countyFiles(options);
  // The import takes a file of this version only: a cached file seeded before a later migration is opened once first.
  await (await openApp({ dataDir: seededDir, clock: options.clock, startScheduler: false, auditKey: { dir: seededKeys } })).close();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'petition-desk-bench-pg-'));
  const t1 = performance.now();
  const app = await openApp({ dataDir, databaseUrl: options.databaseUrl, clock: options.clock, startScheduler: false, auditKey: { dir: path.join(dataDir, 'keys') } });
  const openMs = performance.now() - t1;
  const call = await callerOf(app);
  const { token } = (await call(null, 'setup.create', { officeName: '基准县信访局', township: '基准县', timeZone: 'Asia/Shanghai', admin: ADMIN })) as { token: string };
  const t2 = performance.now();
  const done = await importTownship(app.core, { file: path.join(seededDir, DB_FILE_NAME), township: '基准县', keyDir: seededKeys });
  const loadSeconds = (performance.now() - t2) / 1000;
  const units = (await app.core.db.selectFrom('units').select('id').orderBy('id').execute()).map((u) => u.id);
  return {
    app,
    dataDir,
    token,
    file: '',
    seededNow,
    seedSeconds,
    openMs,
    units,
    loadSeconds,
    loadedRows: Object.values(done.counts).reduce((a, b) => a + b, 0),
    call: (name, input) => call(token, name, input),
  };
}
