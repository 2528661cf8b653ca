/**
 * Zero reports (零报告): every unit reports every month (due 24:00 on the 5th of the next month) and, inside
 * a sensitive period, every day (due 24:00 the same day). The grid shows each unit × period as on time,
 * late, missing or not due yet; a missing one rings through the alarm scheduler when it falls due.
 * November 2026 with a sensitive week Mon 11-09 to Sun 11-15; office time Asia/Shanghai.
 */
import { describe, expect, it } from 'vitest';
import { at } from './support/test-app';
import { HOUR, matterOffice, type MatterOffice } from './support/matters';
import { expectRefused } from './support/refusals';

async function sensitiveWeek(o: MatterOffice) {
  return o.t.ok(o.admin, 'duty.sensitivePeriods.create', { name: '进博会保障', startDate: '2026-11-09', endDate: '2026-11-15' });
}

const submit = (o: MatterOffice, unitId: number, period: string, when: string, extra: { reportIds?: number[] } = {}) =>
  o.t.ok(o.clerk, 'zeroReports.submit', { unitId, period, nothingToReport: !extra.reportIds, reportIds: extra.reportIds ?? [], submittedAt: at(when) });

describe('the grid for a month with a sensitive week', () => {
  it('lists the monthly period and each sensitive day, and marks every unit on time, late, missing or not due yet', async () => {
    const o = await matterOffice({ now: '2026-11-12 10:00' });
    await sensitiveWeek(o);
    const { dongfeng, hongqi, zongzhi } = o.units;
    // 镇综治办 sends a report on 11-09 and links it from that day's zero report.
    const r = await o.t.ok(o.clerk, 'reports.create', {
      unitId: zongzhi,
      type: 'public_security',
      severity: 'general',
      foundAt: at('2026-11-09 10:00'),
      reportedAt: at('2026-11-09 11:00'),
      summary: '集市摊位纠纷',
      content: '两摊主争抢摊位发生推搡，已调解',
    });

    expect((await submit(o, dongfeng, '2026-11-09', '2026-11-09 18:00')).state).toBe('on_time');
    // Due 11-10 24:00, submitted 11-11 08:00: 8 hours late.
    expect(await submit(o, dongfeng, '2026-11-10', '2026-11-11 08:00')).toMatchObject({ state: 'late', lateMs: 8 * HOUR });
    await submit(o, dongfeng, '2026-11-12', '2026-11-12 09:00');
    await submit(o, dongfeng, '2026-11', '2026-11-12 09:30');
    await submit(o, zongzhi, '2026-11-09', '2026-11-09 20:00', { reportIds: [r.id] });
    await submit(o, zongzhi, '2026-11-10', '2026-11-10 20:00');
    await submit(o, zongzhi, '2026-11-11', '2026-11-11 23:59');

    const grid = await o.t.ok(o.clerk, 'zeroReports.grid.get', { month: '2026-11' });
    expect(grid.periods.map((p) => [p.period, p.kind, p.dueAt, p.sensitivePeriodName])).toEqual([
      ['2026-11', 'monthly', at('2026-12-06 00:00'), null],
      ...['09', '10', '11', '12', '13', '14', '15'].map((d) => [`2026-11-${d}`, 'daily', at(`2026-11-${d} 00:00`) + 24 * HOUR, '进博会保障']),
    ]);
    const row = (unitId: number) => grid.periods.map((p) => grid.cells.find((c) => c.unitId === unitId && c.period === p.period)?.state);
    // Now is Thu 11-12 10:00: days up to 11-11 are due; 11-12 is due tonight.
    expect(row(dongfeng)).toEqual(['on_time', 'on_time', 'late', 'missing', 'on_time', 'not_due_yet', 'not_due_yet', 'not_due_yet']);
    expect(row(hongqi)).toEqual(['not_due_yet', 'missing', 'missing', 'missing', 'not_due_yet', 'not_due_yet', 'not_due_yet', 'not_due_yet']);
    expect(row(zongzhi)).toEqual(['not_due_yet', 'on_time', 'on_time', 'on_time', 'not_due_yet', 'not_due_yet', 'not_due_yet', 'not_due_yet']);
    expect(grid.counts).toEqual({ on_time: 6, late: 1, missing: 4, not_due_yet: 13 });
    // Units in the order of the unit list: departments, then villages.
    expect(grid.units.map((u) => [u.unitName, u.counts])).toEqual([
      ['镇综治办', { on_time: 3, late: 0, missing: 0, not_due_yet: 5 }],
      ['东风村', { on_time: 3, late: 1, missing: 1, not_due_yet: 3 }],
      ['红旗村', { on_time: 0, late: 0, missing: 3, not_due_yet: 5 }],
    ]);
    const linked = grid.cells.find((c) => c.unitId === zongzhi && c.period === '2026-11-09');
    expect([linked?.nothingToReport, linked?.reportIds]).toEqual([false, [r.id]]);
    const late = grid.cells.find((c) => c.unitId === dongfeng && c.period === '2026-11-10');
    expect([late?.submittedAt, late?.lateMs]).toEqual([at('2026-11-11 08:00'), 8 * HOUR]);

    // October had no sensitive period: one monthly report, due 11-05 24:00, missing everywhere.
    const october = await o.t.ok(o.clerk, 'zeroReports.grid.get', { month: '2026-10' });
    expect(october.periods.map((p) => p.period)).toEqual(['2026-10']);
    expect(october.counts).toEqual({ on_time: 0, late: 0, missing: 3, not_due_yet: 0 });
    await o.t.close();
  });

  it('refuses what cannot be a zero report', async () => {
    const o = await matterOffice({ now: '2026-11-12 10:00' });
    await sensitiveWeek(o);
    const { dongfeng, hongqi } = o.units;
    const bad = async (input: Parameters<typeof o.t.call<'zeroReports.submit'>>[2]) => {
      const r = await o.t.call(o.clerk, 'zeroReports.submit', input);
      if (r.ok) throw new Error('accepted');
      return Object.values(r.error.fields ?? {})[0] ?? r.error.message;
    };
    expect(await bad({ unitId: dongfeng, period: '2026-11-16', nothingToReport: true })).toBe('2026-11-16不在敏感期内，不需要报送日报，请报送月报');
    expect(await bad({ unitId: dongfeng, period: '2026-11-13', nothingToReport: true })).toBe('报告期“2026年11月13日”还没有开始，不能提前报送');
    expect(await bad({ unitId: dongfeng, period: '2026-12', nothingToReport: true })).toBe('报告期“2026年12月”还没有开始，不能提前报送');
    expect(await bad({ unitId: dongfeng, period: '11月', nothingToReport: true })).toBe('报告期“11月”格式不对：月报写作 2026-11，日报写作 2026-11-03');
    expect(await bad({ unitId: dongfeng, period: '2026-11', nothingToReport: false })).toBe('请选择本期已报送的信息报告，或者选择“无情况报告”');
    const other = await o.t.ok(o.clerk, 'reports.create', {
      unitId: hongqi,
      type: 'other',
      severity: 'general',
      foundAt: at('2026-11-12 08:00'),
      summary: '红旗村的报告',
      content: '内容',
    });
    expect(await bad({ unitId: dongfeng, period: '2026-11-12', nothingToReport: false, reportIds: [other.id] })).toBe(`信息报告“${other.number}”不是本单位在本报告期内的报告`);
    await o.t.ok(o.clerk, 'zeroReports.submit', { unitId: dongfeng, period: '2026-11-12', nothingToReport: true });
    const twice = await o.t.call(o.officer, 'zeroReports.submit', { unitId: dongfeng, period: '2026-11-12', nothingToReport: true });
    expectRefused(twice, 'conflict', '东风村2026年11月12日的零报告已于2026-11-12 10:00报送，不能重复报送');
    await o.t.close();
  });

  it('follows the due day the admin sets', async () => {
    const o = await matterOffice({ now: '2026-11-12 10:00' });
    await o.t.ok(o.admin, 'zeroReports.settings.update', { monthlyDueDay: 10, dailyDueHour: 18 });
    await sensitiveWeek(o);
    const grid = await o.t.ok(o.clerk, 'zeroReports.grid.get', { month: '2026-11' });
    expect(grid.periods[0]?.dueAt).toBe(at('2026-12-11 00:00'));
    expect(grid.periods[1]?.dueAt).toBe(at('2026-11-09 18:00'));
    const bad = await o.t.call(o.admin, 'zeroReports.settings.update', { monthlyDueDay: 31, dailyDueHour: 18 });
    expect(expectRefused(bad, 'invalid_input').fields?.monthlyDueDay).toBe('月报截止日应为次月1日到28日之间');
    await o.t.close();
  });
});

describe('a missing zero report and the alarm scheduler', () => {
  it('rings for the unit that has not reported when the day is over, and stops when it reports late', async () => {
    const o = await matterOffice({ now: '2026-11-08 12:00' });
    const { dongfeng, hongqi, zongzhi } = o.units;
    await o.t.ok(o.admin, 'units.update', { id: zongzhi, name: '镇综治办', kind: 'department', active: false });
    await sensitiveWeek(o);
    await o.t.app.scheduler.tick();
    const deadlines = async () =>
      o.t.app.core.db
        .selectFrom('deadlines')
        .innerJoin('zero_reports', 'zero_reports.id', 'deadlines.subject_id')
        .select(['zero_reports.unit_id', 'zero_reports.period', 'deadlines.status', 'deadlines.due_at'])
        .where('deadlines.subject_type', '=', 'zero_report')
        .orderBy('deadlines.due_at')
        .orderBy('zero_reports.unit_id')
        .execute();
    // Sun 11-08 12:00: deadlines exist for what falls due in the next 7 days, per active unit: the daily
    // reports of 11-09 … 11-14 (11-15 is due 11-16 00:00, past the horizon); the monthly ones are further off.
    const first = await deadlines();
    expect(first.map((d) => d.period)).toEqual(['09', '10', '11', '12', '13', '14'].flatMap((d) => [`2026-11-${d}`, `2026-11-${d}`]));
    expect(new Set(first.map((d) => d.unit_id))).toEqual(new Set([dongfeng, hongqi]));
    // Running again changes nothing.
    await o.t.app.scheduler.tick();
    expect(await deadlines()).toEqual(first);

    await o.setClock('2026-11-09 20:00');
    await o.t.ok(o.clerk, 'zeroReports.submit', { unitId: dongfeng, period: '2026-11-09', nothingToReport: true });
    await o.setClock('2026-11-09 23:59');
    await o.t.app.scheduler.tick();
    expect((await o.t.ok(o.officer, 'alarms.list', {})).rows).toEqual([]);

    await o.setClock('2026-11-10 00:00');
    const fired = await o.t.app.scheduler.tick();
    expect(fired.map((f) => f.step)).toEqual(['fired']);
    const alarms = await o.t.ok(o.officer, 'alarms.list', {});
    expect(alarms.rows.map((a) => [a.deadlineKind, a.subjectType, a.subjectNumber, a.subjectSummary, a.dueAt])).toEqual([
      ['zero_report', 'zero_report', '零报告 2026年11月9日', '红旗村2026年11月9日零报告', at('2026-11-10 00:00')],
    ]);
    const grid = await o.t.ok(o.clerk, 'zeroReports.grid.get', { month: '2026-11' });
    expect(grid.cells.find((c) => c.unitId === hongqi && c.period === '2026-11-09')?.state).toBe('missing');

    await o.setClock('2026-11-10 08:00');
    const late = await o.t.ok(o.clerk, 'zeroReports.submit', { unitId: hongqi, period: '2026-11-09', nothingToReport: true });
    expect(late).toMatchObject({ state: 'late', lateMs: 8 * HOUR });
    expect((await o.t.ok(o.officer, 'alarms.list', {})).rows).toEqual([]);
    expect((await o.t.ok(o.officer, 'alarms.list', { scope: 'all' })).rows.map((a) => a.status)).toEqual(['resolved']);
    await o.t.close();
  });

  it('calls off the daily deadlines when the sensitive period is cancelled', async () => {
    const o = await matterOffice({ now: '2026-11-08 12:00' });
    const period = await sensitiveWeek(o);
    await o.t.app.scheduler.tick();
    const open = async () =>
      (await o.t.app.core.db.selectFrom('deadlines').select('id').where('subject_type', '=', 'zero_report').where('status', '=', 'open').execute()).length;
    // Three units × six days.
    expect(await open()).toBe(18);
    await o.t.ok(o.admin, 'duty.sensitivePeriods.update', { id: period.id, name: period.name, startDate: period.startDate, endDate: period.endDate, cancelled: true });
    await o.t.app.scheduler.tick();
    expect(await open()).toBe(0);
    await o.setClock('2026-11-10 09:00');
    expect(await o.t.app.scheduler.tick()).toEqual([]);
    await o.t.close();
  });

  it('moves open deadlines when the admin changes the due hour', async () => {
    const o = await matterOffice({ now: '2026-11-08 12:00' });
    await sensitiveWeek(o);
    await o.t.app.scheduler.tick();
    await o.t.ok(o.admin, 'zeroReports.settings.update', { monthlyDueDay: 5, dailyDueHour: 18 });
    await o.t.app.scheduler.tick();
    const rows = await o.t.app.core.db
      .selectFrom('deadlines')
      .innerJoin('zero_reports', 'zero_reports.id', 'deadlines.subject_id')
      .select(['zero_reports.period', 'deadlines.due_at', 'zero_reports.due_at as row_due_at'])
      .where('deadlines.subject_type', '=', 'zero_report')
      .where('deadlines.status', '=', 'open')
      .where('zero_reports.unit_id', '=', o.units.dongfeng)
      .orderBy('deadlines.due_at')
      .execute();
    expect(rows[0]).toEqual({ period: '2026-11-09', due_at: at('2026-11-09 18:00'), row_due_at: at('2026-11-09 18:00') });
    // 11-15 is due at 18:00 that day, still past the seven days from Sun 11-08 12:00.
    expect(rows.map((r) => r.period)).toEqual(['09', '10', '11', '12', '13', '14'].map((d) => `2026-11-${d}`));
    const alarm = await o.t.app.core.db.selectFrom('alarms').select('fire_at').where('kind', '=', 'due').orderBy('fire_at').executeTakeFirst();
    expect(alarm?.fire_at).toBe(at('2026-11-09 18:00'));
    await o.t.close();
  });

  it('does not ring for periods that fell due before the office started tracking them', async () => {
    // Installed on 11-12: October's monthly report was due 11-05 24:00. The grid shows it missing, but no alarm rings.
    const o = await matterOffice({ now: '2026-11-12 10:00' });
    await o.t.app.scheduler.tick();
    expect((await o.t.ok(o.officer, 'alarms.list', {})).rows).toEqual([]);
    expect((await o.t.ok(o.clerk, 'zeroReports.grid.get', { month: '2026-10' })).counts.missing).toBe(3);
    await o.t.close();
  });
});
