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
    expect(await fullScans(() => listAlarms(db, { scope: 'all', page: 1, pageSize: 20 }, true))).toEqual([]);
  });
});
