/**
 * Issue 15: the hot queries of a save, a scheduler pass, the home page, the statistics and the alarm board read
 * the big tables (petitions, deadlines, alarms, info reports, warnings) through an index, never a full scan. Each
 * is run for real through a second connection that records every statement; each statement's EXPLAIN QUERY PLAN
 * must not SCAN a big table. Without ANALYZE the planner uses the same default estimates at any size, so the plan
 * seen on this small office is the plan a county-sized file gets.
 */
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, SqliteDialect, type CompiledQuery } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_FILE_NAME, type Database } from '../../main/db';
import { listAlarms, nextAlarmWakeAt, processDueAlarms } from '../../main/core/alarms';
import { refreshNextDue } from '../../main/core/deadlines';
import { listStatements } from '../../main/core/petitions';
import { PETITION_STATUSES, TERMINAL_STATUSES } from '../../shared/enums';
import { petitionListInputSchema } from '../../shared/api';
import { dashboard, statistics } from '../../main/core/stats';
import { ensureZeroReportDeadlines } from '../../main/core/zero-reports';
import { matterOffice, type MatterOffice } from './support/matters';
import { at } from './support/test-app';

const BIG_TABLES = ['petitions', 'deadlines', 'alarms', 'info_reports', 'warnings', 'stats_petitions'];
let o: MatterOffice;
let sqlite: SqliteDatabase.Database;
let db: Kysely<Database>;
let recorded: CompiledQuery[] = [];
let petitionId: number;

beforeAll(async () => {
  o = await matterOffice({ now: '2026-11-20 10:00' });
  const created = await o.t.ok(o.clerk, 'petitions.create', {
    channel: 'visit',
    receivedAt: at('2026-11-20 09:00'),
    petitioners: [{ name: '张三', address: '东风村3组' }],
    peopleCount: 1,
    category: 'claim',
    claimItem: 6,
    summary: '反映补偿款未足额发放',
    request: '要求补发',
  });
  petitionId = created.id;
  sqlite = new SqliteDatabase(path.join(o.t.dataDir, DB_FILE_NAME));
  db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }), log: (e) => void recorded.push(e.query) });
});
afterAll(async () => {
  await db.destroy();
  await o.t.close();
});

let plans: string[] = [];

/**
 * The statements `run` sends, each with the lines of its plan that scan a big table. Walking an index in the
 * page's order and stopping at the LIMIT (no sort) is a page read, not a scan. `plans` keeps every plan line.
 */
async function fullScans(run: () => Promise<unknown>): Promise<{ sql: string; scans: string[] }[]> {
  recorded = [];
  plans = [];
  await run();
  expect(recorded.length).toBeGreaterThan(0);
  return recorded
    .filter((q) => /^\s*(select|with|update|delete)/i.test(q.sql))
    .map((q) => {
      const plan = (sqlite.prepare(`EXPLAIN QUERY PLAN ${q.sql}`).all(...(q.parameters as unknown[])) as { detail: string }[]).map((p) => p.detail);
      plans.push(...plan);
      const pageWalk = /\blimit\b/i.test(q.sql) && !plan.some((d) => d.includes('TEMP B-TREE'));
      const scans = plan.filter((d) => BIG_TABLES.some((tb) => new RegExp(`^SCAN (\\w+ AS )?${tb}\\b`).test(d)) && !(pageWalk && / USING INDEX /.test(d)));
      return { sql: q.sql, scans };
    })
    .filter((r) => r.scans.length > 0);
}

describe('hot queries use an index', () => {
  it('intake save: the next due of a petition', async () => {
    expect(await fullScans(() => db.transaction().execute((trx) => refreshNextDue(trx, petitionId)))).toEqual([]);
    // Straight to the petition's own open deadlines, not a walk of every open deadline by due time.
    expect(plans.filter((d) => d.includes('deadlines'))).toEqual([expect.stringMatching(/^SEARCH deadlines USING (COVERING )?INDEX \w+ \(subject_type=\? AND [^)]*subject_id=\?[^)]*\)$/)]);
  });

  it('a scheduler pass: due alarms, the next wake, and the zero-report check', async () => {
    const now = o.t.clock.now();
    const core = { db, clock: o.t.clock, dataDir: o.t.dataDir, emit: () => undefined };
    expect(await fullScans(() => processDueAlarms(core, now))).toEqual([]);
    expect(await fullScans(() => nextAlarmWakeAt(db))).toEqual([]);
    expect(await fullScans(() => ensureZeroReportDeadlines(core, now))).toEqual([]);
    // The open zero-report deadlines alone, not every open deadline.
    expect(plans.some((d) => d.startsWith('SEARCH deadlines USING') && d.includes('deadlines_type_status (subject_type=? AND status=?)'))).toBe(true);
  });

  it('the home page dashboard', async () => {
    expect(await fullScans(() => dashboard(db, o.t.clock.now()))).toEqual([]);
  });

  it('the statistics page over 12 months', async () => {
    expect(await fullScans(() => statistics(db, { months: 12 }, o.t.clock.now()))).toEqual([]);
    // The summaries by their month keys (migration 0015), and the window's petitions with an open deadline past
    // due by one range of the (month, open due) index per month: never the petitions or deadlines themselves.
    expect(plans).toContain('SEARCH stats_petition_units USING PRIMARY KEY (month>? AND month<?)');
    expect(plans).toContain('SEARCH stats_petitions USING COVERING INDEX stats_petitions_open_due (month=? AND open_due<?)');
    expect(plans.filter((p) => /\b(petitions|deadlines) /.test(p))).toEqual([]);
  });

  it('the alarm board, open and all', async () => {
    expect(await fullScans(() => listAlarms(db, { scope: 'open', page: 1, pageSize: 20 }, true))).toEqual([]);
    // The open page's ids are sorted from the alarms alone; only those rows are joined (by id), not every open alarm.
    expect(plans).toContain('SEARCH alarms USING INTEGER PRIMARY KEY (rowid=?)');
    expect(await fullScans(() => listAlarms(db, { scope: 'all', page: 1, pageSize: 20 }, true))).toEqual([]);
  });
});

/** The plan of one statement, line by line. */
function planOf(q: CompiledQuery): string[] {
  return (sqlite.prepare(`EXPLAIN QUERY PLAN ${q.sql}`).all(...(q.parameters as unknown[])) as { detail: string }[]).map((p) => p.detail);
}

/** As the home page and the list ask for open petitions. */
const OPEN_STATUSES = PETITION_STATUSES.filter((st) => !TERMINAL_STATUSES.includes(st));

describe('the petition list reads one index per shape, sorting nothing (issue 15)', () => {
  const statements = (input: Record<string, unknown>) => listStatements(db, petitionListInputSchema.parse(input), o.t.clock.now());
  const sorts = (plan: readonly string[]) => plan.filter((d) => d.includes('TEMP B-TREE'));

  it('sorted by status: the first page is the status index in order, either way', () => {
    for (const descending of [false, true]) {
      const { page } = statements({ sort: 'status', descending });
      for (const q of [page.drive, page.check]) {
        const plan = planOf(q);
        expect(plan[0]).toBe('SCAN petitions USING INDEX petitions_status_id');
        expect(sorts(plan)).toEqual([]);
      }
    }
  });

  it("open petitions by next due (the home page's upcoming list): the open-due index in order, either way", () => {
    for (const descending of [false, true]) {
      const { page, undue } = statements({ statuses: [...OPEN_STATUSES], sort: 'nextDueAt', descending, pageSize: 20 });
      // Many open petitions (the page walks its order): the petitions with a due come from their index in due order.
      const plan = planOf(page.check);
      expect(plan[0]).toBe('SEARCH petitions USING INDEX petitions_open_due (next_due_at>?)');
      expect(sorts(plan)).toEqual([]);
      // Then, only past the last of those, the ones without a due, in id order.
      expect(undue).not.toBeNull();
      expect(sorts(planOf(undue!.check))).toEqual([]);
    }
  });

  it('open petitions without a due, paged after those with one, are few: found in the status index, not by a walk of every petition', () => {
    const { undue } = statements({ statuses: [...OPEN_STATUSES], sort: 'nextDueAt', descending: false });
    // How many there are, to choose between the two, reads the status index alone (it holds the due column).
    expect(planOf(undue!.count)).toContain('SEARCH petitions USING COVERING INDEX petitions_status_id (status=?)');
    expect(planOf(undue!.drive)[0]).toMatch(/^SEARCH petitions USING (COVERING )?INDEX petitions_status_\w+ \(status=\?\)$/);
  });

  it('every petition by next due: the same two parts, never a sort of the whole table', () => {
    const { page, undue } = statements({ sort: 'nextDueAt', descending: true });
    for (const q of [page.drive, page.check, undue!.drive, undue!.check]) expect(sorts(planOf(q))).toEqual([]);
    expect(planOf(page.drive)[0]).toBe('SEARCH petitions USING INDEX petitions_open_due (next_due_at>?)');
  });

  it("the home page's overdue count reads the open-due index alone", () => {
    const { count } = statements({ statuses: [...OPEN_STATUSES], overdueOnly: true, pageSize: 1, exactTotal: true });
    expect(planOf(count)).toEqual(['SEARCH petitions USING COVERING INDEX petitions_open_due (next_due_at<?)']);
  });

  it("the topic and category filters' counts read their index alone, not each petition", () => {
    expect(planOf(statements({ topicId: 1 }).count)).toContain('SEARCH petitions USING COVERING INDEX petitions_topic_list (topic_id=?)');
    expect(planOf(statements({ category: 'claim' }).count)).toContain('SEARCH petitions USING COVERING INDEX petitions_category_list (category=?)');
  });

  it('many overdue petitions newest first (the home page asks a page of them with its count): the date order, checked row by row', () => {
    const plan = planOf(statements({ statuses: [...OPEN_STATUSES], overdueOnly: true, pageSize: 1 }).page.check);
    expect(plan[0]).toBe('SCAN petitions USING INDEX petitions_received_at');
    expect(sorts(plan)).toEqual([]);
  });

  it("the unit filter's count reads each side from its own index alone", () => {
    const plan = planOf(statements({ unitId: 1 }).count);
    expect(plan).toContain('SEARCH petitions USING COVERING INDEX petitions_unit_list (unit_id=?)');
    expect(plan).toContain('SEARCH petitions USING COVERING INDEX petitions_responsible_list (responsible_unit_id=?)');
  });

  it('the topic filter with few matches pages from the topic index in date order', () => {
    const plan = planOf(statements({ topicId: 1 }).page.drive);
    expect(plan[0]).toBe('SEARCH petitions USING INDEX petitions_topic_list (topic_id=?)');
    expect(sorts(plan)).toEqual([]);
  });
});

