/**
 * Units and periods have a beginning: a unit set up in December owes no zero report for November, nor for
 * September; the county's figures (应报, 缺报, 按时率) count only what it owed; the scheduler opens no deadline
 * (and so no alarm) for a period before it; and a sensitive period added after it began expects daily
 * reports from the day it was added, or from the day the admin names. The dashboard's 缺报 is the count of the
 * month its link opens, as that month's page shows it.
 *
 * The office (东风村, 红旗村, 镇综治办) has been in place since 2025. It is Thu 2026-12-03 10:00.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { matterOffice, type MatterOffice } from './support/matters';

let o: MatterOffice;
afterEach(() => o.t.close());

async function newUnit(name: string, effectiveFrom?: string) {
  return o.t.ok(o.admin, 'units.create', { name, kind: 'village', liaisonName: '新联络', ...(effectiveFrom && { effectiveFrom }) });
}

const cellsOf = (grid: { cells: readonly { unitId: number; period: string; state: string }[] }, unitId: number) =>
  grid.cells.filter((c) => c.unitId === unitId).map((c) => [c.period, c.state]);

describe('a unit owes zero reports from the day it is set up', () => {
  it('a unit added today is neither expected nor missing for November, and the county figures leave it out', async () => {
    o = await matterOffice({ now: '2026-12-03 10:00' });
    const unit = await newUnit('新建村');
    expect(unit.effectiveFrom).toBe('2026-12-03');
    // After November's report fell due (12-05 24:00), the old units are missing it; the new one is not.
    await o.setClock('2026-12-07 09:00');
    const november = await o.t.ok(o.clerk, 'zeroReports.grid.get', { month: '2026-11' });
    expect(cellsOf(november, unit.id)).toEqual([]);
    expect(november.units.find((u) => u.unitId === unit.id)?.counts).toEqual({ on_time: 0, late: 0, missing: 0, not_due_yet: 0 });
    expect(cellsOf(november, o.units.dongfeng)).toEqual([['2026-11', 'missing']]);
    expect(november.counts.missing).toBe(3);
    // December is owed: not due yet.
    const december = await o.t.ok(o.clerk, 'zeroReports.grid.get', { month: '2026-12' });
    expect(cellsOf(december, unit.id)).toEqual([['2026-12', 'not_due_yet']]);

    const stats = await o.t.ok(o.clerk, 'stats.overview.get', { months: 3 });
    expect(stats.byUnit.find((u) => u.unitId === unit.id)).toMatchObject({ zeroReportsExpected: 0, zeroReportsMissing: 0, zeroReportOnTimeRate: null });
    expect(stats.byUnit.find((u) => u.unitId === o.units.dongfeng)).toMatchObject({ zeroReportsExpected: 2, zeroReportsMissing: 2 }); // October's and November's
  });

  it('the admin may say the unit was in place earlier: then November is owed and missing', async () => {
    o = await matterOffice({ now: '2026-12-03 10:00' });
    const unit = await newUnit('新建村');
    const edited = await o.t.ok(o.admin, 'units.update', { id: unit.id, name: unit.name, kind: unit.kind, liaisonName: unit.liaisonName, liaisonPhone: '', effectiveFrom: '2026-11-15' });
    expect(edited.effectiveFrom).toBe('2026-11-15');
    // An edit that leaves the date out keeps it.
    const renamed = await o.t.ok(o.admin, 'units.update', { id: unit.id, name: '新建村（原）', kind: unit.kind });
    expect(renamed.effectiveFrom).toBe('2026-11-15');
    await o.setClock('2026-12-07 09:00');
    const november = await o.t.ok(o.clerk, 'zeroReports.grid.get', { month: '2026-11' });
    expect(cellsOf(november, unit.id)).toEqual([['2026-11', 'missing']]);
  });

  it('refuses a start date that is not a whole date, and changes nothing', async () => {
    o = await matterOffice({ now: '2026-12-03 10:00' });
    const unit = await newUnit('新建村');
    const r = await o.t.call(o.admin, 'units.update', { id: unit.id, name: unit.name, kind: unit.kind, effectiveFrom: '2026-11' });
    expect(r.ok || r.error.fields).toEqual({ effectiveFrom: '设立日期应为完整的年-月-日，如 2026-12-01' });
    expect((await o.t.ok(o.admin, 'units.list', {})).find((u) => u.id === unit.id)?.effectiveFrom).toBe('2026-12-03');
  });

  it('opens no deadline, and so rings no alarm, for a period that ended before the unit was set up', async () => {
    o = await matterOffice({ now: '2026-12-03 10:00' });
    const unit = await newUnit('新建村');
    await o.t.app.scheduler.tick();
    const periodsOf = async (unitId: number) =>
      (
        await o.t.app.core.db
          .selectFrom('deadlines')
          .innerJoin('zero_reports', 'zero_reports.id', 'deadlines.subject_id')
          .select('zero_reports.period')
          .where('deadlines.subject_type', '=', 'zero_report')
          .where('deadlines.status', '=', 'open')
          .where('zero_reports.unit_id', '=', unitId)
          .execute()
      ).map((r) => r.period);
    // November's report is due 12-05 24:00, within the scheduler's 7 days: the old units get a deadline, the new one not.
    expect(await periodsOf(o.units.dongfeng)).toEqual(['2026-11']);
    expect(await periodsOf(unit.id)).toEqual([]);
    await o.setClock('2026-12-06 00:00');
    await o.t.app.scheduler.tick();
    const alarms = await o.t.ok(o.officer, 'alarms.list', {});
    expect(alarms.rows.filter((a) => a.subjectSummary.startsWith('新建村'))).toEqual([]);
    expect(alarms.rows.filter((a) => a.subjectSummary.startsWith('东风村'))).toHaveLength(1);
  });
});

describe('a sensitive period added after it began', () => {
  it('expects daily reports from the day it was added, not from its start', async () => {
    o = await matterOffice({ now: '2026-12-07 10:00' });
    const period = await o.t.ok(o.admin, 'duty.sensitivePeriods.create', { name: '冬季维稳', startDate: '2026-11-30', endDate: '2026-12-10' });
    expect(period.reportsFrom).toBe('2026-12-07');
    const december = await o.t.ok(o.clerk, 'zeroReports.grid.get', { month: '2026-12' });
    // Nothing is missing at once: the first daily report (12-07) is due tonight.
    expect(december.periods.filter((p) => p.kind === 'daily').map((p) => p.period)).toEqual(['07', '08', '09', '10'].map((d) => `2026-12-${d}`));
    expect(december.counts.missing).toBe(0);
    expect((await o.t.ok(o.clerk, 'zeroReports.grid.get', { month: '2026-11' })).periods.map((p) => p.period)).toEqual(['2026-11']);
    expect((await o.t.ok(o.admin, 'duty.sensitivePeriods.list', {}))[0]?.reportsFrom).toBe('2026-12-07');
  });

  it('or from the day the admin names', async () => {
    o = await matterOffice({ now: '2026-12-07 10:00' });
    await o.t.ok(o.admin, 'duty.sensitivePeriods.create', { name: '冬季维稳', startDate: '2026-11-30', endDate: '2026-12-10', reportsFrom: '2026-12-05' });
    const december = await o.t.ok(o.clerk, 'zeroReports.grid.get', { month: '2026-12' });
    expect(december.periods.filter((p) => p.kind === 'daily')[0]?.period).toBe('2026-12-05');
    // 12-05 and 12-06 are over: two days × three units.
    expect(december.counts.missing).toBe(6);
    const outside = await o.t.call(o.admin, 'duty.sensitivePeriods.create', { name: '春节', startDate: '2027-02-10', endDate: '2027-02-20', reportsFrom: '2027-02-21' });
    expect(outside.ok || outside.error.fields).toEqual({ reportsFrom: '每日零报告的起报日期应在敏感期之内（2027-02-10 至 2027-02-20）' });
  });
});

describe('the dashboard and the zero-report page', () => {
  it('show the same month and the same count, and the dashboard names the month its link opens', async () => {
    o = await matterOffice({ now: '2026-12-03 10:00' });
    // Four new units; November's report of the three old ones is missing since 12-06 00:00.
    for (const name of ['一村', '二村', '三村', '四村']) await newUnit(name);
    await o.setClock('2026-12-07 09:00');
    const d = await o.t.ok(o.clerk, 'stats.dashboard.get', {});
    expect(d.zeroReports).toMatchObject({ missing: 3, missingMonth: '2026-11' });
    const page = await o.t.ok(o.clerk, 'zeroReports.grid.get', { month: d.zeroReports.missingMonth });
    expect(page.counts.missing).toBe(d.zeroReports.missing);
  });
});
