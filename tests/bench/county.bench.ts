/**
 * The petition list, search and repeat check at county scale (issue 15), through `app.api.call` as the renderer
 * calls them: p50/p95/p99 for the first page under each filter and sort, full-text search (rare, no match, very
 * common), short, multi-word, number and person searches, the raw FTS lookup against a LIKE scan in the same
 * run, the repeat check as a clerk types, the statistics page, the main process's RSS (and where it is), the
 * file's size and the time of the newest migrations on that file.
 *
 * `npm run bench -- --rows 1000000 [--seed 1] [--samples 40] [--only county]`; the default is 10,000 rows. The seeded file is
 * cached (tests/bench/support/county.ts), so only the first run at a size pays for the seed.
 *
 * `--store postgres` (scripts/bench.mjs makes the throwaway server): the same county loaded into PostgreSQL through the
 * township import, timed; the same list, search, repeat-check and statistics figures; the database's size; and
 * 10 clerks at once (list, search, detail and intake in a fixed mix through `app.api.call`, p95 per kind). The
 * parts that read SQLite's own structures (FTS5 and the pair index, dbstat, triggers, the migrations' times) are
 * SQLite's alone.
 */
import fs from 'node:fs';
import { sql } from 'kysely';
import { ManualClock } from '../../main/core/context';
import { migrationProvider } from '../../main/db/migrations';
import { COMMON_PHRASE, COUNTY_NOW, MISSING_PHRASE, RARE_PHRASE, countyOffice, countyOnPostgres, type CountyOffice } from './support/county';
import { concurrentClerks } from './support/clerks';

function flag(name: string, fallback: number): number {
  const args = process.argv.slice(2);
  const at = args.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  if (at < 0) return fallback;
  const value = args[at]?.includes('=') ? args[at]?.split('=')[1] : args[at + 1];
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} needs a whole number, got ${value}`);
  return n;
}

const ROWS = flag('rows', 10_000);
const SEED = flag('seed', 1);
const SAMPLES = flag('samples', 40);
const STORE = ((): 'sqlite' | 'postgres' => {
  const args = process.argv.slice(2);
  const at = args.indexOf('--store');
  return at >= 0 && args[at + 1] === 'postgres' ? 'postgres' : 'sqlite';
})();
/** Migrations whose time on this file the bench reports (undone and run again): the ones issue 15 added. */
const TIMED_MIGRATIONS = (name: string) => name >= '0011';

function quantile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))] ?? NaN;
}

function line(label: string, samples: readonly number[], note = ''): void {
  const s = [...samples].sort((a, b) => a - b);
  const f = (n: number) => n.toFixed(n < 10 ? 2 : 1).padStart(8);
  console.log(`${label.padEnd(52)} p50 ${f(quantile(s, 0.5))}  p95 ${f(quantile(s, 0.95))}  p99 ${f(quantile(s, 0.99))} ms${note ? `  ${note}` : ''}`);
}

async function main(): Promise<void> {
  const clock = new ManualClock(COUNTY_NOW);
  const databaseUrl = process.env.PETITION_DESK_DATABASE_URL;
  if (STORE === 'postgres' && !databaseUrl) throw new Error('--store postgres: run it through npm run bench, which makes the server');
  const onPg = STORE === 'postgres' && databaseUrl ? await countyOnPostgres({ rows: ROWS, seed: SEED, clock, databaseUrl }) : null;
  const county: CountyOffice = onPg ?? (await countyOffice({ rows: ROWS, seed: SEED, clock }));
  const { app, call } = county;
  console.log(
    `county office: ${ROWS} petitions (seed ${SEED}) ${county.seededNow ? `seeded in ${county.seedSeconds.toFixed(0)} s` : 'from the cache'}; app opened in ${county.openMs.toFixed(0)} ms`,
  );
  if (onPg) console.log(`PostgreSQL: loaded through the township import in ${onPg.loadSeconds.toFixed(1)} s (${onPg.loadedRows} rows)`);
  const db = app.core.db;

  const measure = async (label: string, fn: (i: number) => Promise<unknown>, samples = SAMPLES) => {
    await fn(0);
    const times: number[] = [];
    let last: unknown;
    for (let i = 0; i < samples; i++) {
      const s = performance.now();
      last = await fn(i);
      times.push(performance.now() - s);
    }
    const l = last as { total?: number; totalCapped?: boolean } | unknown[] | undefined;
    const note = Array.isArray(l) ? `(${l.length} found)` : l?.total !== undefined ? `(${l.total}${l.totalCapped ? '+' : ''} rows)` : '';
    line(label, times, note);
  };
  const list = (input: Record<string, unknown>) => () => call('petitions.list', input);

  const openStatuses = ['registered', 'forwarded', 'assigned', 'accepted', 'in_handling', 'extended', 'replied', 'review_requested', 'reviewed', 'rereview_requested', 'rereviewed', 'not_accepted'];
  console.log('\n# petition list, first page (50 rows)');
  await measure('list: newest first', list({}));
  await measure('list: page 50', list({ page: 50 }));
  await measure('filter: status in_handling', list({ statuses: ['in_handling'] }));
  await measure('filter: 12 open statuses', list({ statuses: openStatuses }));
  await measure('filter: category claim', list({ category: 'claim' }));
  await measure('filter: topic', list({ topicId: 3 }));
  await measure('filter: unit (each unit in turn)', (i) => call('petitions.list', { unitId: county.units[i % county.units.length] }));
  await measure('filter: received in the last 30 days', list({ receivedFrom: clock.now() - 30 * 86_400_000 }));
  await measure('filter: overdue, sorted by next due', list({ overdueOnly: true, sort: 'nextDueAt', descending: false }));
  await measure('filter: open, sorted by next due', list({ statuses: openStatuses, sort: 'nextDueAt', descending: false }));
  await measure('sort: by number', list({ sort: 'number' }));
  await measure('sort: by status', list({ sort: 'status' }));
  await measure('sort: by status, descending', list({ sort: 'status', descending: true }));
  await measure('sort: by next due, descending', list({ sort: 'nextDueAt', descending: true }));
  await measure('filter: open by next due, page 200', list({ statuses: openStatuses, sort: 'nextDueAt', descending: false, page: 200 }));

  const second = await db.selectFrom('petitioners').select('name').where('ord', '=', 1).where(sql<boolean>`length(name) = 2`).orderBy('id', 'desc').executeTakeFirstOrThrow();
  const person = await db.selectFrom('petitioners').select(['id_number', 'phone']).where('id_number', '!=', '').where('phone', '!=', '').orderBy('id').executeTakeFirstOrThrow();
  const numbered = await db.selectFrom('petitions').select('number').orderBy('id', 'desc').offset(Math.floor(ROWS / 3)).limit(1).executeTakeFirstOrThrow();
  console.log('\n# search (first page and count)');
  await measure(`search: rare phrase ${RARE_PHRASE}`, list({ query: RARE_PHRASE }));
  await measure(`search: no match ${MISSING_PHRASE}`, list({ query: MISSING_PHRASE }));
  await measure(`search: very common phrase ${COMMON_PHRASE}`, list({ query: COMMON_PHRASE }));
  await measure('search: 2-char text 低保', list({ query: '低保' }));
  await measure(`search: 2-char name of a 2nd petitioner ${second.name}`, list({ query: second.name }));
  await measure('search: 1 char 霞', list({ query: '霞' }));
  await measure('search: 2 chars, no match 麒麟', list({ query: '麒麟' }));
  await measure('search: multi-word 拆迁安置　妥善 (full-width space)', list({ query: '拆迁安置　妥善' }));
  await measure('search: multi-word 饮水安全，多次协商', list({ query: '饮水安全，多次协商' }));
  await measure(`search: number ${numbered.number}`, list({ query: numbered.number }));
  await measure('search: number 12', list({ query: '12' }));
  await measure('search: ID number', list({ query: person.id_number }));
  await measure('search: phone', list({ query: person.phone }));
  await measure(`search: rare phrase + status filter`, list({ query: RARE_PHRASE, statuses: ['closed'] }));

  if (STORE === 'sqlite') await sqliteOnly(county, measure, list, second.name);

  console.log('\n# repeat check while typing');
  const typed = `${COMMON_PHRASE.slice(0, 2)}东风村村民反映${COMMON_PHRASE}未足额发放，多次协商未果，要求依法处理`;
  await measure('repeats: each keystroke of a 40-char text', (i) => call('petitions.repeats.list', { text: typed.slice(0, 3 + (i % (typed.length - 2))) }));

  console.log('\n# statistics page (summary tables, migration 0015)');
  for (const months of [12, 24]) await measure(`statistics: ${months} months`, () => call('stats.overview.get', { months }));

  if (onPg) {
    console.log('\n# size and memory');
    const size = await sql<{ b: number }>`SELECT pg_database_size(current_database()) AS b`.execute(db);
    console.log(`database: ${(Number(size.rows[0]?.b) / 1e6).toFixed(0)} MB; app-process RSS ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB`);
    console.log('\n# 10 clerks at once (each a loop of list, search, detail and intake; p95 per kind)');
    await concurrentClerks(county, { clerks: 10, requestsEach: Math.max(40, SAMPLES * 2), clock, line });
    await app.close();
    fs.rmSync(onPg.dataDir, { recursive: true, force: true });
    return;
  }
  console.log('\n# size and memory');
  const size = (f: string) => (fs.existsSync(f) ? fs.statSync(f).size : 0);
  const mb = (n: number) => (n / 1e6).toFixed(0);
  const mem = process.memoryUsage();
  console.log(`file: ${mb(size(county.file) + size(`${county.file}-wal`))} MB; main-process RSS ${mb(mem.rss)} MB`);
  // Where the RSS is: the JS heap, memory outside it that JS objects hold (Buffers), and the rest (SQLite's page
  // cache and sorter, the code, malloc's free lists).
  console.log(`  JS heap ${mb(mem.heapUsed)} of ${mb(mem.heapTotal)} MB; external ${mb(mem.external)} MB; the rest ${mb(mem.rss - mem.heapTotal - mem.external)} MB`);

  // Undone newest first (a later one may build on an earlier one's indexes), then run again in order, each timed.
  const timed = Object.entries(await migrationProvider.getMigrations()).filter(([n]) => TIMED_MIGRATIONS(n));
  for (const [name, m] of [...timed].reverse()) {
    if (m.down) await m.down(db);
    else console.log(`migration ${name}: has no down, not timed`);
  }
  for (const [name, m] of timed) {
    if (!m.down) continue;
    const s = performance.now();
    await m.up(db);
    console.log(`migration ${name}: ${(performance.now() - s).toFixed(0)} ms on this file (undone and run again)`);
  }
  await app.close();
}

type Measure = (label: string, fn: (i: number) => Promise<unknown>, samples?: number) => Promise<void>;

/** What reads SQLite's own structures: the pair index against a capped scan, its size and write cost, FTS5 against LIKE. */
async function sqliteOnly(county: CountyOffice, measure: Measure, list: (input: Record<string, unknown>) => () => Promise<unknown>, secondName: string): Promise<void> {
  const db = county.app.core.db;
  console.log('\n# short words: the character-pair index (the product) against a capped newest-first scan, same run');
  // The alternative issue 15 named: check only the newest CAPPED_SCAN petitions row by row (the list would then have
  // to say it looked no further). Count and first page, as the list asks.
  const CAPPED_SCAN = 20_000;
  const newest = sql`SELECT id, received_at, number, first_petitioner, summary, request FROM petitions WHERE status != 'voided' ORDER BY received_at DESC, id DESC LIMIT ${CAPPED_SCAN}`;
  const scanMatch = (q: string) => {
    const pattern = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    return sql`(p.number LIKE ${pattern} ESCAPE '\\' OR p.first_petitioner LIKE ${pattern.slice(1)} ESCAPE '\\' OR p.summary LIKE ${pattern} ESCAPE '\\'
      OR p.request LIKE ${pattern} ESCAPE '\\' OR EXISTS (SELECT 1 FROM petitioners n WHERE n.petition_id = p.id AND n.name LIKE ${pattern} ESCAPE '\\'))`;
  };
  const cappedScan = (q: string) => async () => {
    const n = await sql<{ n: number }>`SELECT count(*) AS n FROM (${newest}) p WHERE ${scanMatch(q)}`.execute(db);
    const page = await sql`SELECT p.id FROM (${newest}) p WHERE ${scanMatch(q)} ORDER BY p.received_at DESC, p.id DESC LIMIT 50`.execute(db);
    return { total: Number(n.rows[0]?.n ?? 0), totalCapped: false, rows: page.rows };
  };
  for (const q of ['低保', '霞', secondName, '麒麟']) {
    await measure(`pair index: ${q}`, list({ query: q }));
    await measure(`capped scan of the newest ${CAPPED_SCAN}: ${q}`, cappedScan(q));
  }
  const pairBytes = await sql<{ b: number }>`SELECT sum(pgsize) AS b FROM dbstat WHERE name LIKE 'petition_bigrams%'`.execute(db);
  const trigramBytes = await sql<{ b: number }>`SELECT sum(pgsize) AS b FROM dbstat WHERE name LIKE 'petitions_fts%'`.execute(db);
  console.log(`pair index on disk: ${(Number(pairBytes.rows[0]?.b) / 1e6).toFixed(1)} MB (the petitions' trigram index: ${(Number(trigramBytes.rows[0]?.b) / 1e6).toFixed(1)} MB)`);
  // Its write cost per intake, through the real triggers: 200 of the newest petitions written again as new rows
  // with their petitioners (what an intake inserts), with and without the pair index's triggers, in a transaction
  // that is rolled back. The trigram indexes' triggers run in both.
  const columns = (table: string) => sql`SELECT name FROM pragma_table_info(${table})`.execute(db).then((r) => (r.rows as { name: string }[]).map((c) => c.name));
  const petitionCols = (await columns('petitions')).filter((c) => c !== 'id');
  const petitionerCols = (await columns('petitioners')).filter((c) => c !== 'id' && c !== 'petition_id');
  const copied = await db.selectFrom('petitions').select(['id', 'year', 'seq']).orderBy('id', 'desc').limit(200).execute();
  const intakes = async (round: number) => {
    const s = performance.now();
    for (const p of copied) {
      const values = petitionCols.map((c) =>
        c === 'number' ? sql`number || ${`-bench${round}`}` : c === 'seq' ? sql`seq + ${(round + 1) * 10_000_000}` : sql.ref(c),
      );
      const added = await sql<{ id: number }>`INSERT INTO petitions (${sql.join(petitionCols.map((c) => sql.ref(c)))})
        SELECT ${sql.join(values)} FROM petitions WHERE id = ${p.id} RETURNING id`.execute(db);
      await sql`INSERT INTO petitioners (petition_id, ${sql.join(petitionerCols.map((c) => sql.ref(c)))})
        SELECT ${added.rows[0]?.id}, ${sql.join(petitionerCols.map((c) => sql.ref(c)))} FROM petitioners WHERE petition_id = ${p.id} ORDER BY ord`.execute(db);
    }
    return (performance.now() - s) / copied.length;
  };
  await sql`BEGIN`.execute(db);
  await intakes(0); // warms the pages both rounds write, so the second round does not look cheaper for that alone
  const withPairs = await intakes(1);
  for (const t of ['insert', 'name_insert']) await sql`DROP TRIGGER ${sql.raw(`petition_bigrams_${t}`)}`.execute(db);
  const withoutPairs = await intakes(2);
  await sql`ROLLBACK`.execute(db);
  console.log(`pair index write cost per intake (a petition and its petitioners): ${(withPairs - withoutPairs).toFixed(3)} ms (${withPairs.toFixed(3)} with, ${withoutPairs.toFixed(3)} without)`);

  console.log('\n# FTS against a LIKE scan, same run (count of matches)');
  const fts = (q: string) => () => sql`SELECT count(*) AS n FROM petitions_fts WHERE petitions_fts MATCH ${`"${q}"`}`.execute(db);
  const like = (q: string) => () =>
    sql`SELECT count(*) AS n FROM petitions WHERE summary LIKE ${`%${q}%`} OR request LIKE ${`%${q}%`} OR facts_reasons LIKE ${`%${q}%`}`.execute(db);
  for (const [label, q] of [['rare', RARE_PHRASE], ['common', COMMON_PHRASE]] as const) {
    const timesF: number[] = [];
    const timesL: number[] = [];
    for (let i = 0; i < 5; i++) {
      let s = performance.now();
      await fts(q)();
      timesF.push(performance.now() - s);
      s = performance.now();
      await like(q)();
      timesL.push(performance.now() - s);
    }
    const med = (x: number[]) => quantile([...x].sort((a, b) => a - b), 0.5);
    line(`raw FTS MATCH, ${label}`, timesF);
    line(`raw LIKE scan, ${label}`, timesL, `(FTS ${(med(timesL) / med(timesF)).toFixed(0)}× faster)`);
  }

}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
