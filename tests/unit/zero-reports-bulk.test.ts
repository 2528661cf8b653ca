/**
 * Zero reports in bulk (issue 13): one dialog records "无情况" for a whole column (the month, a sensitive day, or
 * every day of a sensitive period at once) for every unit but the exceptions, in one transaction, with the
 * checks of the single entry per cell; cells already filed are skipped and counted. November 2026 with a
 * sensitive week Mon 11-09 to Sun 11-15; office time Asia/Shanghai.
 */
import { describe, expect, it } from 'vitest';
import { at } from './support/test-app';
import { HOUR, matterOffice, type MatterOffice } from './support/matters';
import { expectRefused } from './support/refusals';

async function sensitiveWeek(o: MatterOffice) {
  return o.t.ok(o.admin, 'duty.sensitivePeriods.create', { name: '进博会保障', startDate: '2026-11-09', endDate: '2026-11-15', reportsFrom: '2026-11-09' });
}

const WEEK = ['09', '10', '11', '12', '13', '14', '15'].map((d) => `2026-11-${d}`);

async function gridRow(o: MatterOffice, unitId: number) {
  const grid = await o.t.ok(o.clerk, 'zeroReports.grid.get', { month: '2026-11' });
  return grid.periods.map((p) => grid.cells.find((c) => c.unitId === unitId && c.period === p.period)?.state);
}

async function auditActions(o: MatterOffice) {
  return (await o.t.app.core.db.selectFrom('audit').select(['action', 'after_json']).orderBy('id').execute()).map((r) => ({ action: r.action, after: JSON.parse(r.after_json ?? 'null') as Record<string, unknown> | null }));
}

describe('recording a column of zero reports at once', () => {
  it('records every day of the sensitive week for all units but the exception, late or on time as the single entry would, and skips filed cells', async () => {
    const o = await matterOffice({ now: '2026-11-15 20:00' });
    await sensitiveWeek(o);
    const { dongfeng, hongqi, zongzhi } = o.units;
    // 东风村 filed 11-12 itself, on time.
    await o.t.ok(o.clerk, 'zeroReports.submit', { unitId: dongfeng, period: '2026-11-12', nothingToReport: true, submittedAt: at('2026-11-12 18:00') });
    const before = (await auditActions(o)).length;

    // 镇综治办 has something to report this week: it is the exception, entered one by one later.
    const r = await o.t.ok(o.clerk, 'zeroReports.submitBulk', { periods: WEEK, exceptUnitIds: [zongzhi], note: '各村电话确认' });
    // 2 units × 7 days = 14 cells, one already filed; days 09–14 were due at midnight (12 late), 11-15 is due tonight.
    expect(r).toEqual({ recorded: 13, late: 11, skipped: 1 });

    expect(await gridRow(o, dongfeng)).toEqual(['not_due_yet', 'late', 'late', 'late', 'on_time', 'late', 'late', 'on_time']);
    expect(await gridRow(o, hongqi)).toEqual(['not_due_yet', 'late', 'late', 'late', 'late', 'late', 'late', 'on_time']);
    // The exception is left out: still missing.
    expect(await gridRow(o, zongzhi)).toEqual(['not_due_yet', 'missing', 'missing', 'missing', 'missing', 'missing', 'missing', 'not_due_yet']);
    const grid = await o.t.ok(o.clerk, 'zeroReports.grid.get', { month: '2026-11' });
    const cell = grid.cells.find((c) => c.unitId === hongqi && c.period === '2026-11-09');
    // Due 11-09 24:00, recorded 11-15 20:00: 5 days 20 hours late, nothing to report.
    expect([cell?.submittedAt, cell?.lateMs, cell?.nothingToReport]).toEqual([at('2026-11-15 20:00'), (5 * 24 + 20) * HOUR, true]);

    // Audit: what the single entry writes per report (13), then one entry for the batch.
    const added = (await auditActions(o)).slice(before);
    expect(added.filter((a) => a.action === 'zeroReport.submit')).toHaveLength(13);
    expect(added.map((a) => a.action).at(-1)).toBe('zeroReport.bulkSubmit');
    expect(added.at(-1)?.after).toMatchObject({ periods: WEEK, exceptUnitIds: [zongzhi], recorded: 13, late: 11, skipped: 1, note: '各村电话确认' });

    // The same week again: everything left is the exception's; without exceptions its seven days are recorded.
    expect(await o.t.ok(o.officer, 'zeroReports.submitBulk', { periods: WEEK })).toEqual({ recorded: 7, late: 6, skipped: 14 });
    await o.t.close();
  });

  it('records the month column, counting a unit set up during the month and not one set up after it', async () => {
    const o = await matterOffice({ now: '2026-12-03 09:00' });
    const late = (await o.t.ok(o.admin, 'units.create', { name: '新建村', kind: 'village', liaisonName: '钱联络', effectiveFrom: '2026-11-20' })).id;
    const after = (await o.t.ok(o.admin, 'units.create', { name: '十二月村', kind: 'village', liaisonName: '孙联络', effectiveFrom: '2026-12-01' })).id;
    expect(await o.t.ok(o.clerk, 'zeroReports.submitBulk', { periods: ['2026-11'] })).toEqual({ recorded: 4, late: 0, skipped: 0 });
    const grid = await o.t.ok(o.clerk, 'zeroReports.grid.get', { month: '2026-11' });
    expect(grid.cells.filter((c) => c.state === 'on_time').map((c) => c.unitId).sort()).toEqual([...Object.values(o.units), late].sort());
    expect(grid.cells.some((c) => c.unitId === after)).toBe(false);
    await o.t.close();
  });

  it('meets the deadlines the scheduler opened, so the missing reports stop ringing', async () => {
    const o = await matterOffice({ now: '2026-11-10 09:00' });
    await sensitiveWeek(o);
    await o.t.app.scheduler.tick();
    const openDeadlines = () => o.t.app.core.db.selectFrom('deadlines').select('id').where('subject_type', '=', 'zero_report').where('status', '=', 'open').execute();
    const openBefore = (await openDeadlines()).length;
    await o.t.ok(o.clerk, 'zeroReports.submitBulk', { periods: ['2026-11-10'] });
    // The three deadlines of 11-10 (one per unit) are met; later days stay open. (11-09 fell due before the
    // office first looked, so it never had any.)
    expect((await openDeadlines()).length).toBe(openBefore - 3);
    await o.t.close();
  });
});

describe('refusals change nothing', () => {
  it('refuses each bad batch with a message that says what to fix', async () => {
    const o = await matterOffice({ now: '2026-11-12 10:00' });
    await sensitiveWeek(o);
    const { dongfeng, hongqi, zongzhi } = o.units;
    const gridBefore = await o.t.ok(o.clerk, 'zeroReports.grid.get', { month: '2026-11' });
    const auditBefore = (await auditActions(o)).length;
    const bad = async (input: Parameters<typeof o.t.call<'zeroReports.submitBulk'>>[2], code: 'invalid_input' | 'conflict' = 'invalid_input') => {
      const r = await o.t.call(o.clerk, 'zeroReports.submitBulk', input);
      const error = expectRefused(r, code);
      return Object.values(error.fields ?? {})[0] ?? error.message;
    };
    expect(await bad({ periods: [] })).toBe('请至少选择一个报告期');
    const tooMany = Array.from({ length: 33 }, (_, i) => `2026-${String((i % 11) + 1).padStart(2, '0')}-${String(Math.floor(i / 11) + 1).padStart(2, '0')}`);
    expect(await bad({ periods: tooMany })).toBe('一次最多登记32个报告期，请分几次登记');
    // One bad day spoils the batch: the good days before it are not recorded either.
    expect(await bad({ periods: ['2026-11-09', '2026-11-16'] })).toBe('2026-11-16不在敏感期内，不需要报送日报，请报送月报');
    expect(await bad({ periods: ['2026-11-09', '2026-11-13'] })).toBe('报告期“2026年11月13日”还没有开始，不能提前报送');
    expect(await bad({ periods: ['11月'] })).toBe('报告期“11月”格式不对：月报写作 2026-11，日报写作 2026-11-03');
    expect(await bad({ periods: ['2026-11-09'], submittedAt: at('2026-11-12 12:00') })).toContain('不能晚于现在');
    expect(await bad({ periods: ['2026-11-09'], note: '联系人电话13812345678' })).toContain('个人号码');
    expect(await bad({ periods: ['2026-11-09'], exceptUnitIds: [9999] })).toBe('所选单位不存在或已停用');
    expect(await bad({ periods: ['2026-11-09'], exceptUnitIds: [dongfeng, hongqi, zongzhi] }, 'conflict')).toBe('所选报告期的各单位都已报送（0个）或列为例外，没有需要登记的零报告');
    expect(await o.t.ok(o.clerk, 'zeroReports.grid.get', { month: '2026-11' })).toEqual(gridBefore);
    expect((await auditActions(o)).length).toBe(auditBefore);

    // Everything filed already: nothing to record, said so, nothing written.
    await o.t.ok(o.clerk, 'zeroReports.submitBulk', { periods: ['2026-11-10'] });
    const filled = (await auditActions(o)).length;
    expect(await bad({ periods: ['2026-11-10'] }, 'conflict')).toBe('所选报告期的各单位都已报送（3个）或列为例外，没有需要登记的零报告');
    expect((await auditActions(o)).length).toBe(filled);
    await o.t.close();
  });

  it('is for the staff who take zero reports', async () => {
    const o = await matterOffice({ now: '2026-11-12 10:00' });
    await sensitiveWeek(o);
    const r = await o.t.call(null, 'zeroReports.submitBulk', { periods: ['2026-11-09'] });
    expect(r.ok).toBe(false);
    await o.t.close();
  });
});
