/**
 * The figures behind the charts and the home page, counted by hand from a small office: petitions, reports
 * and warnings by month, unit, topic and level; each unit's on-time rates for information reports and zero
 * reports with its late, missed (漏报) and concealed (瞒报) reports; and the dashboard's counts right now.
 * October and November 2026; "now" is Fri 2026-11-20 10:00 (Asia/Shanghai).
 */
import { approvePending } from './support/approvals';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PetitionInput, ReportInput } from '../../shared/api';
import { at } from './support/test-app';
import { matterOffice, type MatterOffice } from './support/matters';

let o: MatterOffice;

function petition(topicId: number, unitId: number, receivedAt: string, extra: Partial<PetitionInput> = {}): PetitionInput {
  return {
    channel: 'visit',
    receivedAt: at(receivedAt),
    petitioners: [{ name: '张三', address: '东风村3组' }],
    peopleCount: 1,
    category: 'claim',
    claimItem: 6,
    topicId,
    unitId,
    summary: '反映补偿款未足额发放',
    request: '要求补发',
    ...extra,
  };
}

function report(unitId: number, type: ReportInput['type'], severity: ReportInput['severity'], foundAt: string, reportedAt: string): ReportInput {
  return { unitId, type, severity, foundAt: at(foundAt), reportedAt: at(reportedAt), summary: '信息', content: '事件情况' };
}

let ids: { octWarning: number; redWarning: number; hongqiReport: number };

beforeAll(async () => {
  o = await matterOffice({ now: '2026-10-12 10:00' });
  const { dongfeng, hongqi, zongzhi } = o.units;
  const topics = await o.t.ok(o.clerk, 'topics.list', {});
  const topic = (name: string) => topics.find((x) => x.name === name)?.id ?? 0;

  // October: one petition (红旗村, 劳动社保), one report from 东风村 later found concealed, one blue warning about 红旗村.
  await o.t.ok(o.clerk, 'petitions.create', petition(topic('劳动社保'), hongqi, '2026-10-12 09:00'));
  const concealed = await o.t.ok(o.clerk, 'reports.create', report(dongfeng, 'dispute', 'general', '2026-10-10 08:00', '2026-10-10 09:00'));
  await o.t.ok(o.clerk, 'reports.flag', { id: concealed.id, flag: 'concealed', note: '县里通报得知，村里知情未报' });
  const octWarning = await o.t.ok(o.clerk, 'warnings.issue', {
    title: '红旗村拖欠工资苗头',
    unitId: hongqi,
    peopleCount: 2,
    escalation: 'county',
    grievance: '工人讨薪',
    responsibleUnitId: hongqi,
    leadLeaderId: o.leaderId,
  });

  await o.setClock('2026-11-20 10:00');
  // November: two petitions from 东风村 (征地拆迁) and a repeat of the first, which is not counted again.
  const first = await o.t.ok(o.clerk, 'petitions.create', petition(topic('征地拆迁'), dongfeng, '2026-11-16 09:00'));
  await o.t.ok(o.clerk, 'petitions.create', petition(topic('征地拆迁'), dongfeng, '2026-11-16 10:00'));
  await o.t.ok(o.clerk, 'petitions.create', petition(topic('征地拆迁'), dongfeng, '2026-11-17 09:00', { repeatOfId: first.id }));
  // 东风村: one report on time, one major report an hour late. 红旗村: one on time but marked 漏报.
  await o.t.ok(o.clerk, 'reports.create', report(dongfeng, 'dispute', 'general', '2026-11-03 08:00', '2026-11-03 09:00'));
  await o.t.ok(o.clerk, 'reports.create', report(dongfeng, 'safety', 'major', '2026-11-05 08:00', '2026-11-05 10:00'));
  const hongqiReport = await o.t.ok(o.clerk, 'reports.create', report(hongqi, 'natural_disaster', 'general', '2026-11-02 08:00', '2026-11-02 09:00'));
  await o.t.ok(o.clerk, 'reports.flag', { id: hongqiReport.id, flag: 'missed', note: '应急局通报，村里未报' });
  const red = await o.t.ok(o.clerk, 'warnings.issue', {
    title: '东风村征地补偿群体性事件',
    unitId: dongfeng,
    peopleCount: 20,
    escalation: 'county',
    collectiveEventHappened: true,
    grievance: '村民聚集村委会',
    responsibleUnitId: dongfeng,
    leadLeaderId: o.leaderId,
  });
  await o.t.ok(o.clerk, 'warnings.lift', { id: octWarning.id, outcome: '工资已发放' });
  await approvePending(o.t, o.leader, 'warning', octWarning.id);
  // Zero reports: 东风村 sent September's late (due 10-06 00:00) and October's on time; 红旗村 sent none.
  await o.t.ok(o.clerk, 'zeroReports.submit', { unitId: dongfeng, period: '2026-09', nothingToReport: true, submittedAt: at('2026-10-08 10:00') });
  await o.t.ok(o.clerk, 'zeroReports.submit', { unitId: dongfeng, period: '2026-10', nothingToReport: true, submittedAt: at('2026-11-03 10:00') });
  // 镇综治办 is switched off and has nothing in the window: it drops out of the figures.
  await o.t.ok(o.admin, 'units.update', { id: zongzhi, name: '镇综治办', kind: 'department', active: false });
  ids = { octWarning: octWarning.id, redWarning: red.id, hongqiReport: hongqiReport.id };
});
afterAll(() => o.t.close());

describe('statistics over the last 12 months', () => {
  it('counts by month, the repeat petition once', async () => {
    const s = await o.t.ok(o.clerk, 'stats.overview.get', {});
    expect([s.from, s.to]).toEqual([at('2025-12-01 00:00'), at('2026-12-01 00:00')]);
    expect(s.byMonth.map((m) => m.month)).toEqual([
      '2025-12', '2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11',
    ]);
    expect(s.byMonth.slice(-2)).toEqual([
      { month: '2026-10', petitions: 1, reports: 1, warnings: 1 },
      { month: '2026-11', petitions: 2, reports: 3, warnings: 1 },
    ]);
    expect(s.byMonth.slice(0, -2).every((m) => m.petitions + m.reports + m.warnings === 0)).toBe(true);
  });

  it('counts petitions by topic, reports by type, warnings by level (issued in the window, and active now)', async () => {
    const s = await o.t.ok(o.clerk, 'stats.overview.get', {});
    const topics = Object.fromEntries(s.byTopic.map((x) => [x.topicName, x.petitions]));
    expect(topics).toMatchObject({ 征地拆迁: 2, 劳动社保: 1, 农村农业: 0 });
    expect(s.byTopic.some((x) => x.topicId === null)).toBe(false);
    expect(s.byReportType).toEqual([
      { type: 'dispute', reports: 2 },
      { type: 'collective_sign', reports: 0 },
      { type: 'safety', reports: 1 },
      { type: 'public_security', reports: 0 },
      { type: 'natural_disaster', reports: 1 },
      { type: 'other', reports: 0 },
    ]);
    expect(s.byLevel).toEqual([
      { level: 'red', issued: 1, active: 1 },
      { level: 'yellow', issued: 0, active: 0 },
      { level: 'blue', issued: 1, active: 0 },
    ]);
  });

  it('gives each unit its late, missed and concealed reports and its on-time rates', async () => {
    const s = await o.t.ok(o.clerk, 'stats.overview.get', {});
    expect(s.byUnit.map((u) => u.unitName)).toEqual(['东风村', '红旗村']);
    // 东风村: 3 reports — on time; an hour late; on time but concealed. Zero reports: 11 months due
    // (2025-12 … 2026-10; November's is due 12-05 24:00), one on time, one late, nine missing.
    expect(s.byUnit[0]).toEqual({
      unitId: o.units.dongfeng,
      unitName: '东风村',
      petitions: 2,
      warnings: 1,
      reports: 3,
      reportsOnTime: 1,
      reportsLate: 1,
      reportsMissed: 0,
      reportsConcealed: 1,
      reportOnTimeRate: 1 / 3,
      // November's petitions have no deadline come yet: not judged.
      petitionsDue: 0,
      petitionsOnTime: 0,
      petitionsLate: 0,
      petitionOnTimeRate: null,
      zeroReportsExpected: 11,
      zeroReportsOnTime: 1,
      zeroReportsLate: 1,
      zeroReportsMissing: 9,
      zeroReportOnTimeRate: 1 / 11,
    });
    expect(s.byUnit[1]).toEqual({
      unitId: o.units.hongqi,
      unitName: '红旗村',
      petitions: 1,
      warnings: 1,
      reports: 1,
      reportsOnTime: 0,
      reportsLate: 0,
      reportsMissed: 1,
      reportsConcealed: 0,
      reportOnTimeRate: 0,
      // October's petition was never forwarded: its 15 days ran out on 10-27.
      petitionsDue: 1,
      petitionsOnTime: 0,
      petitionsLate: 1,
      petitionOnTimeRate: 0,
      zeroReportsExpected: 11,
      zeroReportsOnTime: 0,
      zeroReportsLate: 0,
      zeroReportsMissing: 11,
      zeroReportOnTimeRate: 0,
    });
  });

  it('takes a shorter window: three months hold September and October as due zero reports', async () => {
    const s = await o.t.ok(o.clerk, 'stats.overview.get', { months: 3 });
    expect(s.byMonth.map((m) => m.month)).toEqual(['2026-09', '2026-10', '2026-11']);
    expect(s.byUnit[0]).toMatchObject({ zeroReportsExpected: 2, zeroReportsOnTime: 1, zeroReportsLate: 1, zeroReportsMissing: 0, zeroReportOnTimeRate: 0.5 });
  });
});

describe('the dashboard', () => {
  it('counts what needs attention now', async () => {
    await o.t.ok(o.admin, 'duty.sensitivePeriods.create', { name: '冬季维稳', startDate: '2026-11-20', endDate: '2026-11-22' });
    await o.t.ok(o.clerk, 'reports.transition', { id: ids.hongqiReport, action: 'verify', verification: 'true' });
    await o.t.ok(o.clerk, 'reports.transition', { id: ids.hongqiReport, action: 'analyse', nature: '自然灾害', urgency: 'urgent', opinion: '转应急办处置' });
    const d = await o.t.ok(o.clerk, 'stats.dashboard.get', {});
    expect(d).toEqual({
      now: at('2026-11-20 10:00'),
      activeWarnings: { red: 1, yellow: 0, blue: 0 },
      // The October petition's 15-day forwarding period ended 10-27 24:00; November's end 12-01 and later.
      overduePetitions: 1,
      // November's petitions have their last day on 12-01 and later: none within 3 days.
      dueSoonPetitions: 0,
      // The red warning's feedback is due 11-21 10:00.
      overdueWarningFeedback: 0,
      reportsAwaitingApproval: 1,
      reportsLateThisMonth: 1,
      // Today's daily reports (due 24:00 tonight) from both active units; 红旗村's October report is missing,
      // and the dashboard names October, the month its link opens (issue 14: the same count as that page).
      zeroReports: { dueToday: 2, dueTodayMonth: '2026-11', missing: 1, missingMonth: '2026-10' },
      sensitivePeriod: { id: expect.any(Number) as number, name: '冬季维稳', startDate: '2026-11-20', endDate: '2026-11-22' },
    });
  });

  it('a day later: the red warning’s feedback is overdue and yesterday’s daily reports are missing', async () => {
    await o.setClock('2026-11-21 11:00');
    const d = await o.t.ok(o.clerk, 'stats.dashboard.get', {});
    expect(d.overdueWarningFeedback).toBe(1);
    // Yesterday's two daily reports are November's missing ones, as the November page counts them (issue 14:
    // no longer added to October's, which the October page shows).
    expect(d.zeroReports).toEqual({ dueToday: 2, dueTodayMonth: '2026-11', missing: 2, missingMonth: '2026-11' });
    const november = await o.t.ok(o.clerk, 'zeroReports.grid.get', { month: '2026-11' });
    expect(november.counts.missing).toBe(2);
    const overdue = await o.t.ok(o.clerk, 'warnings.list', { overdueOnly: true });
    expect(overdue.rows.map((w) => w.id)).toEqual([ids.redWarning]);
  });
});
