/**
 * The statistics as the core computed them before issue 15: every petition, deadline and report of the window
 * loaded into JS and counted there. Kept only here, so a test can check that the SQL aggregates that replaced
 * it give the same figures on the same office.
 */
import type { Db } from '../../../main/db';
import type { Statistics, StatisticsInput } from '../../../shared/api';
import { REPORT_TYPES, WARNING_LEVELS, type ReportType, type WarningLevel } from '../../../shared/enums';
import { addMonths, loadZeroReportContext, monthOf, periodsOfMonth, unitOwes, zeroReportRows, zeroReportState, type ZeroReportPeriod } from '../../../main/core/zero-reports';
import { localDateOf, startOfLocalDay } from '../../../shared/time';
import { t } from '../../../shared/i18n';

const rate = (part: number, whole: number): number | null => (whole === 0 ? null : part / whole);

/** The months a window covers, oldest first: a chosen range, or the last `months` months up to this one. */
function monthsOf(input: StatisticsInput, currentMonth: string): string[] {
  const last = input.toMonth ?? currentMonth;
  const first = input.fromMonth ?? addMonths(currentMonth, 1 - input.months);
  const list: string[] = [];
  for (let m = first; m <= last; m = addMonths(m, 1)) list.push(m);
  return list;
}

/**
 * A petition is judged once one of its office deadlines has come: on time when every deadline that has come
 * was met by its due time; late when one was met after it or is still open past it. The others are pending.
 */
function petitionTimeliness(deadlines: readonly { due_at: number; status: string; met_at: number | null }[], now: number): 'on_time' | 'late' | 'pending' {
  let judged = false;
  for (const d of deadlines) {
    if (d.status === 'met' && d.met_at !== null) {
      judged = true;
      if (d.met_at > d.due_at) return 'late';
    } else if (d.status === 'open' && d.due_at < now) {
      return 'late';
    }
  }
  return judged ? 'on_time' : 'pending';
}

export async function statisticsInJs(db: Db, input: StatisticsInput, now: number): Promise<Statistics> {
  const ctx = await loadZeroReportContext(db);
  const tz = ctx.timeZone;
  const current = monthOf(localDateOf(now, tz));
  const monthList = monthsOf(input, current);
  const bounds = [...monthList, addMonths(monthList[monthList.length - 1] ?? current, 1)].map((m) => startOfLocalDay(`${m}-01`, tz));
  const from = bounds[0] ?? now;
  const to = bounds[bounds.length - 1] ?? now;
  const monthIndex = (ms: number) => {
    for (let i = 0; i < monthList.length; i++) if (ms >= (bounds[i] ?? 0) && ms < (bounds[i + 1] ?? 0)) return i;
    return -1;
  };

  const [petitions, petitionDeadlines, reports, warnings, activeWarnings, topics, units] = await Promise.all([
    db
      .selectFrom('petitions')
      .select(['id', 'received_at', 'unit_id', 'topic_id'])
      .where('received_at', '>=', from)
      .where('received_at', '<', to)
      .where('repeat_of_id', 'is', null)
      // A voided registration (作废) was a mistake, not a petition: it is not counted.
      .where('status', '!=', 'voided')
      .execute(),
    db
      .selectFrom('deadlines')
      .innerJoin('petitions', 'petitions.id', 'deadlines.subject_id')
      .select(['deadlines.subject_id', 'deadlines.due_at', 'deadlines.status', 'deadlines.met_at'])
      .where('deadlines.subject_type', '=', 'petition')
      .where('deadlines.office_duty', '=', 1)
      .where('deadlines.status', '!=', 'cancelled')
      .where('petitions.received_at', '>=', from)
      .where('petitions.received_at', '<', to)
      .where('petitions.repeat_of_id', 'is', null)
      .where('petitions.status', '!=', 'voided')
      .execute(),
    db.selectFrom('info_reports').select(['reported_at', 'unit_id', 'type', 'late_ms', 'flag']).where('reported_at', '>=', from).where('reported_at', '<', to).execute(),
    db.selectFrom('warnings').select(['issued_at', 'unit_id', 'level']).where('issued_at', '>=', from).where('issued_at', '<', to).execute(),
    db.selectFrom('warnings').select(['level']).where('status', '=', 'active').execute(),
    db.selectFrom('topics').select(['id', 'name']).orderBy('sort_order').orderBy('id').execute(),
    db.selectFrom('units').select(['id', 'name', 'active', 'effective_from']).orderBy('kind').orderBy('name').execute(),
  ]);

  const byMonth = monthList.map((month) => ({ month, petitions: 0, reports: 0, warnings: 0 }));
  for (const p of petitions) {
    const b = byMonth[monthIndex(p.received_at)];
    if (b) b.petitions++;
  }
  for (const r of reports) {
    const b = byMonth[monthIndex(r.reported_at)];
    if (b) b.reports++;
  }
  for (const w of warnings) {
    const b = byMonth[monthIndex(w.issued_at)];
    if (b) b.warnings++;
  }

  const topicCounts = new Map<number | null, number>();
  for (const p of petitions) topicCounts.set(p.topic_id, (topicCounts.get(p.topic_id) ?? 0) + 1);
  const byTopic: Statistics['byTopic'] = topics.map((tp) => ({ topicId: tp.id, topicName: tp.name, petitions: topicCounts.get(tp.id) ?? 0 }));
  if (topicCounts.has(null)) byTopic.push({ topicId: null, topicName: t('stats.col.noTopic'), petitions: topicCounts.get(null) ?? 0 });

  const byLevel = WARNING_LEVELS.map((level: WarningLevel) => ({
    level,
    issued: warnings.filter((w) => w.level === level).length,
    active: activeWarnings.filter((w) => w.level === level).length,
  }));
  const byReportType = REPORT_TYPES.map((type: ReportType) => ({ type, reports: reports.filter((r) => r.type === type).length }));

  // Zero reports: every period of the window that is already due, for every active unit.
  const duePeriods: ZeroReportPeriod[] = monthList.flatMap((m) => periodsOfMonth(m, ctx.ranges, ctx.settings, tz)).filter((p) => p.dueAt <= now);
  const zeroRows = await zeroReportRows(db, duePeriods);

  const deadlinesOf = new Map<number, { due_at: number; status: string; met_at: number | null }[]>();
  for (const d of petitionDeadlines) {
    const list = deadlinesOf.get(d.subject_id) ?? [];
    list.push(d);
    deadlinesOf.set(d.subject_id, list);
  }
  const timeliness = new Map(petitions.map((p) => [p.id, petitionTimeliness(deadlinesOf.get(p.id) ?? [], now)]));

  type Row = Statistics['byUnit'][number];
  /** One row of the unit tables from what belongs to it; zero reports only for a unit that is expected to send them. */
  const unitRow = (unitId: number | null, unitName: string, zeroExpected: boolean, effectiveFrom: string | null = null): Row => {
    const minePetitions = petitions.filter((p) => p.unit_id === unitId);
    const petitionsOnTime = minePetitions.filter((p) => timeliness.get(p.id) === 'on_time').length;
    const petitionsLate = minePetitions.filter((p) => timeliness.get(p.id) === 'late').length;
    const mine = reports.filter((r) => r.unit_id === unitId);
    const late = mine.filter((r) => r.late_ms > 0).length;
    const onTime = mine.filter((r) => r.late_ms === 0 && r.flag === null).length;
    const zero = { on_time: 0, late: 0, missing: 0, not_due_yet: 0 };
    // Only the periods the unit owes: none that ended before it was set up.
    const owed = zeroExpected ? duePeriods.filter((p) => unitOwes(effectiveFrom, p)) : [];
    for (const p of owed) zero[zeroReportState(zeroRows.get(`${unitId}:${p.period}`), p.dueAt, now)]++;
    const expected = owed.length;
    return {
      unitId,
      unitName,
      petitions: minePetitions.length,
      warnings: warnings.filter((w) => w.unit_id === unitId).length,
      reports: mine.length,
      reportsOnTime: onTime,
      reportsLate: late,
      reportsMissed: mine.filter((r) => r.flag === 'missed').length,
      reportsConcealed: mine.filter((r) => r.flag === 'concealed').length,
      reportOnTimeRate: rate(onTime, mine.length),
      petitionsDue: petitionsOnTime + petitionsLate,
      petitionsOnTime,
      petitionsLate,
      petitionOnTimeRate: rate(petitionsOnTime, petitionsOnTime + petitionsLate),
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
  if (petitions.some((p) => p.unit_id === null)) byUnit.push(unitRow(null, t('stats.col.noUnit'), false));
  return { from, to, byMonth, byTopic, byLevel, byReportType, byUnit };
}

