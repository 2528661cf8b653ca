/**
 * Figures for charts and the home page: petitions, reports and warnings by month, unit, topic and level over
 * the last months; each unit's on-time rates for information reports and zero reports, with its late,
 * missed (漏报) and concealed (瞒报) reports; and the dashboard's counts for right now.
 * Repeat petitions (重复信访) are linked to the first one and not counted twice.
 *
 * @example
 * const s = await statistics(core.db, { months: 12 }, core.clock.now());
 * s.byUnit.find((u) => u.unitName === '东风村')?.reportOnTimeRate // 0.75
 * await statistics(core.db, { months: 12, fromMonth: '2026-01', toMonth: '2026-12' }, now); // one calendar year
 */
import { sql } from 'kysely';
import { dialectOf, type Db } from '../../db';
import type { Dashboard, Statistics, StatisticsInput } from '../../../shared/api';
import { REPORT_TYPES, WARNING_LEVELS, type ReportType, type WarningLevel } from '../../../shared/enums';
import { DEFAULT_TIME_ZONE, addDays, localDateOf, startOfLocalDay } from '../../../shared/time';
import { t } from '../../../shared/i18n';
import { dueSoonUntil } from '../../../shared/time-left';
import { addMonths, loadZeroReportContext, monthOf, periodsOfMonth, unitOwes, zeroReportGrid, zeroReportRows, zeroReportState, type ZeroReportPeriod } from '../zero-reports';

async function timeZoneOf(db: Db): Promise<string> {
  const office = await db.selectFrom('office').select('time_zone').where('id', '=', 1).executeTakeFirst();
  return office?.time_zone ?? DEFAULT_TIME_ZONE;
}

const rate = (part: number, whole: number): number | null => (whole === 0 ? null : part / whole);

/** The months a window covers, oldest first: a chosen range, or the last `months` months up to this one. */
function monthsOf(input: StatisticsInput, currentMonth: string): string[] {
  const last = input.toMonth ?? currentMonth;
  const first = input.fromMonth ?? addMonths(currentMonth, 1 - input.months);
  const list: string[] = [];
  for (let m = first; m <= last; m = addMonths(m, 1)) list.push(m);
  return list;
}

type Bucket = { petitions: number; onTime: number; late: number; reports: number; reportsLate: number; reportsOnTime: number; missed: number; concealed: number; warnings: number };
const emptyBucket = (): Bucket => ({ petitions: 0, onTime: 0, late: 0, reports: 0, reportsLate: 0, reportsOnTime: 0, missed: 0, concealed: 0, warnings: 0 });

/**
 * Everything is counted by SQLite (GROUP BY), never loaded row by row: the window's petitions, reports and warnings
 * come back as a few hundred groups (month × unit × topic × timeliness), whatever the size of the office.
 *
 * A petition is judged once one of its office deadlines has come: on time when every deadline that has come
 * was met by its due time; late when one was met after it or is still open past it. The others are pending.
 * Per petition that is the largest of 2 (late), 1 (met in time) and 0 over its office deadlines not cancelled.
 */
export async function statistics(db: Db, input: StatisticsInput, now: number): Promise<Statistics> {
  const ctx = await loadZeroReportContext(db);
  const tz = ctx.timeZone;
  const current = monthOf(localDateOf(now, tz));
  const monthList = monthsOf(input, current);
  const bounds = [...monthList, addMonths(monthList[monthList.length - 1] ?? current, 1)].map((m) => startOfLocalDay(`${m}-01`, tz));
  const from = bounds[0] ?? now;
  const to = bounds[bounds.length - 1] ?? now;
  /** The month's index in the window, from the bounds (local midnights), for a time column. */
  const monthIndex = (column: string) => sql<number>`case ${sql.join(bounds.slice(1).map((b, i) => sql`when ${sql.ref(column)} < ${b} then ${i}`), sql` `)} end`;

  const [petitionGroups, reportGroups, warningGroups, activeWarnings, topics, units] = await Promise.all([
    db
      // Each petition's timeliness is worked out once (materialized), then the groups are counted.
      .with(
        (cte) => cte('w').materialized(),
        (qb) =>
          qb
            .selectFrom('petitions as p')
            .select((eb) => [
              monthIndex('p.received_at').as('m'),
              'p.unit_id',
              'p.topic_id',
              eb
                .selectFrom('deadlines as d')
                .select(
                  sql<number | null>`max(case when (d.status = 'met' and d.met_at is not null and d.met_at > d.due_at) or (d.status = 'open' and d.due_at < ${now}) then 2 when d.status = 'met' and d.met_at is not null then 1 else 0 end)`.as('j'),
                )
                .where('d.subject_type', '=', 'petition')
                .whereRef('d.subject_id', '=', 'p.id')
                .where('d.office_duty', '=', 1)
                .as('judged'),
            ])
            .where('p.received_at', '>=', from)
            .where('p.received_at', '<', to)
            // Unary + keeps the planner on the received-at range: the index of repeats would walk every petition.
            .where(dialectOf(db).unindexed('p.repeat_of_id'), 'is', null)
            // A voided registration (作废) was a mistake, not a petition: it is not counted.
            .where('p.status', '!=', 'voided'),
      )
      .selectFrom('w')
      .select((eb) => ['w.m', 'w.unit_id', 'w.topic_id', 'w.judged', eb.fn.countAll<number>().as('n')])
      .groupBy(['w.m', 'w.unit_id', 'w.topic_id', 'w.judged'])
      .execute(),
    db
      .selectFrom('info_reports')
      .select((eb) => [
        monthIndex('reported_at').as('m'),
        'unit_id',
        'type',
        'flag',
        sql<number>`late_ms > 0`.as('late'),
        sql<number>`late_ms = 0`.as('in_time'),
        eb.fn.countAll<number>().as('n'),
      ])
      .where('reported_at', '>=', from)
      .where('reported_at', '<', to)
      .groupBy(['m', 'unit_id', 'type', 'flag', 'late', 'in_time'])
      .execute(),
    db
      .selectFrom('warnings')
      .select((eb) => [monthIndex('issued_at').as('m'), 'unit_id', 'level', eb.fn.countAll<number>().as('n')])
      .where('issued_at', '>=', from)
      .where('issued_at', '<', to)
      .groupBy(['m', 'unit_id', 'level'])
      .execute(),
    db.selectFrom('warnings').select((eb) => ['level', eb.fn.countAll<number>().as('n')]).where('status', '=', 'active').groupBy('level').execute(),
    db.selectFrom('topics').select(['id', 'name']).orderBy('sort_order').orderBy('id').execute(),
    db.selectFrom('units').select(['id', 'name', 'active', 'effective_from']).orderBy('kind').orderBy('name').execute(),
  ]);

  const byMonth = monthList.map((month) => ({ month, petitions: 0, reports: 0, warnings: 0 }));
  const topicCounts = new Map<number | null, number>();
  const perUnit = new Map<number | null, Bucket>();
  const bucket = (unitId: number | null) => {
    let b = perUnit.get(unitId);
    if (!b) perUnit.set(unitId, (b = emptyBucket()));
    return b;
  };
  for (const g of petitionGroups) {
    const n = Number(g.n);
    const month = byMonth[Number(g.m)];
    if (month) month.petitions += n;
    topicCounts.set(g.topic_id, (topicCounts.get(g.topic_id) ?? 0) + n);
    const b = bucket(g.unit_id);
    b.petitions += n;
    if (g.judged === 2) b.late += n;
    else if (g.judged === 1) b.onTime += n;
  }
  const reportsOfType = new Map<string, number>();
  for (const g of reportGroups) {
    const n = Number(g.n);
    const month = byMonth[Number(g.m)];
    if (month) month.reports += n;
    reportsOfType.set(g.type, (reportsOfType.get(g.type) ?? 0) + n);
    const b = bucket(g.unit_id);
    b.reports += n;
    if (g.late) b.reportsLate += n;
    if (g.in_time && g.flag === null) b.reportsOnTime += n;
    if (g.flag === 'missed') b.missed += n;
    if (g.flag === 'concealed') b.concealed += n;
  }
  const issuedOfLevel = new Map<string, number>();
  for (const g of warningGroups) {
    const n = Number(g.n);
    const month = byMonth[Number(g.m)];
    if (month) month.warnings += n;
    issuedOfLevel.set(g.level, (issuedOfLevel.get(g.level) ?? 0) + n);
    bucket(g.unit_id).warnings += n;
  }

  const byTopic: Statistics['byTopic'] = topics.map((tp) => ({ topicId: tp.id, topicName: tp.name, petitions: topicCounts.get(tp.id) ?? 0 }));
  if (topicCounts.has(null)) byTopic.push({ topicId: null, topicName: t('stats.col.noTopic'), petitions: topicCounts.get(null) ?? 0 });
  const byLevel = WARNING_LEVELS.map((level: WarningLevel) => ({
    level,
    issued: issuedOfLevel.get(level) ?? 0,
    active: Number(activeWarnings.find((w) => w.level === level)?.n ?? 0),
  }));
  const byReportType = REPORT_TYPES.map((type: ReportType) => ({ type, reports: reportsOfType.get(type) ?? 0 }));

  // Zero reports: every period of the window that is already due, for every active unit.
  const duePeriods: ZeroReportPeriod[] = monthList.flatMap((m) => periodsOfMonth(m, ctx.ranges, ctx.settings, tz)).filter((p) => p.dueAt <= now);
  const zeroRows = await zeroReportRows(db, duePeriods);

  type Row = Statistics['byUnit'][number];
  /** One row of the unit tables from what belongs to it; zero reports only for a unit that is expected to send them. */
  const unitRow = (unitId: number | null, unitName: string, zeroExpected: boolean, effectiveFrom: string | null = null): Row => {
    const b = perUnit.get(unitId) ?? emptyBucket();
    const zero = { on_time: 0, late: 0, missing: 0, not_due_yet: 0 };
    // Only the periods the unit owes: none that ended before it was set up.
    const owed = zeroExpected ? duePeriods.filter((p) => unitOwes(effectiveFrom, p)) : [];
    for (const p of owed) zero[zeroReportState(zeroRows.get(`${unitId}:${p.period}`), p.dueAt, now)]++;
    const expected = owed.length;
    return {
      unitId,
      unitName,
      petitions: b.petitions,
      warnings: b.warnings,
      reports: b.reports,
      reportsOnTime: b.reportsOnTime,
      reportsLate: b.reportsLate,
      reportsMissed: b.missed,
      reportsConcealed: b.concealed,
      reportOnTimeRate: rate(b.reportsOnTime, b.reports),
      petitionsDue: b.onTime + b.late,
      petitionsOnTime: b.onTime,
      petitionsLate: b.late,
      petitionOnTimeRate: rate(b.onTime, b.onTime + b.late),
      zeroReportsExpected: expected,
      zeroReportsOnTime: zero.on_time,
      zeroReportsLate: zero.late,
      zeroReportsMissing: zero.missing,
      zeroReportOnTimeRate: rate(zero.on_time, expected),
    };
  };
  const byUnit: Row[] = [];
  for (const u of units) {
    const row = unitRow(u.id, u.name, u.active === 1, u.effective_from);
    // A unit switched off stays in the figures only while it has something in the window.
    if (u.active === 1 || row.petitions + row.warnings + row.reports > 0) byUnit.push(row);
  }
  // Petitions registered without a unit get their own row, so the table adds up to the page's totals.
  if ((perUnit.get(null)?.petitions ?? 0) > 0) byUnit.push(unitRow(null, t('stats.col.noUnit'), false));
  return { from, to, byMonth, byTopic, byLevel, byReportType, byUnit };
}

export async function dashboard(db: Db, now: number): Promise<Dashboard> {
  const tz = await timeZoneOf(db);
  const today = localDateOf(now, tz);
  const month = monthOf(today);
  const monthStart = startOfLocalDay(`${month}-01`, tz);
  const [warningLevels, overduePetitions, dueSoonPetitions, overdueWarnings, awaiting, lateReports] = await Promise.all([
    db.selectFrom('warnings').select(['level', (eb) => eb.fn.countAll<number>().as('n')]).where('status', '=', 'active').groupBy('level').execute(),
    db.selectFrom('petitions').select((eb) => eb.fn.countAll<number>().as('n')).where('next_due_at', '<', now).executeTakeFirst(),
    // The same set the countdowns show amber and the pre-alarms ring for (shared/time-left.ts).
    db.selectFrom('petitions').select((eb) => eb.fn.countAll<number>().as('n')).where('next_due_at', '>', now).where('next_due_at', '<=', dueSoonUntil(now, tz)).executeTakeFirst(),
    db.selectFrom('warnings').select((eb) => eb.fn.countAll<number>().as('n')).where('status', '=', 'active').where('next_due_at', '<=', now).executeTakeFirst(),
    db.selectFrom('info_reports').select((eb) => eb.fn.countAll<number>().as('n')).where('status', '=', 'analysed').executeTakeFirst(),
    db.selectFrom('info_reports').select((eb) => eb.fn.countAll<number>().as('n')).where('late_ms', '>', 0).where('reported_at', '>=', monthStart).executeTakeFirst(),
  ]);
  const activeWarnings = { red: 0, yellow: 0, blue: 0 };
  for (const w of warningLevels) if (w.level in activeWarnings) activeWarnings[w.level] = Number(w.n);

  // The figures are the zero-report page's own (one grid per month), for the month the dashboard's link opens:
  // this month when it has reports missing (the freshest ones to chase), else last month when it has (its monthly
  // report falls due early this month); due today likewise.
  const [lastGrid, thisGrid] = await Promise.all([zeroReportGrid(db, addMonths(month, -1), now), zeroReportGrid(db, month, now)]);
  const todayStart = startOfLocalDay(today, tz);
  const tomorrowStart = startOfLocalDay(addDays(today, 1), tz);
  // Due some time today (24:00 tonight counts as today) and not in yet.
  const dueTodayIn = (g: typeof thisGrid) => g.cells.filter((c) => c.state === 'not_due_yet' && c.dueAt > todayStart && c.dueAt <= tomorrowStart).length;
  const missingGrid = thisGrid.counts.missing === 0 && lastGrid.counts.missing > 0 ? lastGrid : thisGrid;
  const dueTodayGrid = dueTodayIn(thisGrid) === 0 && dueTodayIn(lastGrid) > 0 ? lastGrid : thisGrid;
  const sensitive = await db
    .selectFrom('sensitive_periods')
    .select(['id', 'name', 'start_date', 'end_date'])
    .where('cancelled', '=', 0)
    .where('start_date', '<=', today)
    .where('end_date', '>=', today)
    .orderBy('start_date')
    .executeTakeFirst();
  return {
    now,
    activeWarnings,
    overduePetitions: Number(overduePetitions?.n ?? 0),
    dueSoonPetitions: Number(dueSoonPetitions?.n ?? 0),
    overdueWarningFeedback: Number(overdueWarnings?.n ?? 0),
    reportsAwaitingApproval: Number(awaiting?.n ?? 0),
    reportsLateThisMonth: Number(lateReports?.n ?? 0),
    zeroReports: { dueToday: dueTodayIn(dueTodayGrid), dueTodayMonth: dueTodayGrid.month, missing: missingGrid.counts.missing, missingMonth: missingGrid.month },
    sensitivePeriod: sensitive ? { id: sensitive.id, name: sensitive.name, startDate: sensitive.start_date, endDate: sensitive.end_date } : null,
  };
}
