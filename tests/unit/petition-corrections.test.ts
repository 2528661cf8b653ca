/**
 * Corrections (更正) and voids (作废) of registered petitions: what the timeline, the deadlines and the audit
 * show, which corrections wait for the leader, and that every refusal says what to fix and changes nothing.
 * Received Mon 2026-11-02 08:30; dates counted by hand (the starting day is not counted; a period ending on a
 * rest day ends on the next working day).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { at } from './support/test-app';
import { bookOffice, visit, type BookOffice } from './support/book-office';
import { pendingApprovalId } from './support/approvals';
import type { PetitionDetail } from '../../shared/api';

let o: BookOffice;
afterEach(() => o.t.close());

async function register(overrides = {}) {
  return o.t.ok(await o.as('clerk1'), 'petitions.create', visit(overrides));
}

function deadline(d: PetitionDetail, kind: PetitionDetail['deadlines'][number]['kind']) {
  const found = d.deadlines.find((x) => x.kind === kind && x.status === 'open') ?? d.deadlines.find((x) => x.kind === kind);
  if (!found) throw new Error(`no ${kind} deadline`);
  return found;
}

/** A refused call: its message (or the field's), and the same rows and audit as before. */
async function refused(call: () => Promise<{ ok: boolean; error?: { code: string; message: string; fields?: Record<string, string> } }>, field?: string) {
  const before = await o.rows();
  const r = await call();
  expect(r.ok).toBe(false);
  expect(await o.rows()).toEqual(before);
  return field ? r.error?.fields?.[field] : r.error?.message;
}

describe('a correction before acceptance', () => {
  it('applies at once: the 更正 step lists each field old → new, the number stays, the audit keeps before and after', async () => {
    o = await bookOffice();
    const p = await register();
    const clerk = await o.as('clerk1');
    const d = await o.t.ok(clerk, 'petitions.correct', {
      id: p.id,
      reason: '登记时把诉求和住址录错了',
      changes: { request: '要求按新标准补发征地补偿款', petitioners: [{ id: (await o.t.ok(clerk, 'petitions.get', { id: p.id })).petitioners[0]?.id, name: '张三', address: '东风村5组', isRepresentative: false }] },
    });
    expect(d.number).toBe(p.number);
    expect(d.request).toBe('要求按新标准补发征地补偿款');
    // The ID number and phone left out of the correction are kept.
    expect(d.petitioners[0]).toMatchObject({ address: '东风村5组', idNumberMasked: '1101**********002X', phoneMasked: '139****5678' });
    const step = d.steps.at(-1);
    expect(step).toMatchObject({ action: 'correct', note: '登记时把诉求和住址录错了', userName: '李登记', fromStatus: 'registered', toStatus: 'registered' });
    expect(JSON.parse(String(step?.details.changes))).toEqual([
      { field: 'petitioners', from: '张三 1101**********002X 139****5678 东风村3组', to: '张三 1101**********002X 139****5678 东风村5组' },
      { field: 'request', from: '要求补发征地补偿款', to: '要求按新标准补发征地补偿款' },
    ]);
    const audit = (await o.t.ok(await o.as('admin'), 'audit.list', {})).rows.find((r) => r.action === 'petition.correct');
    expect(JSON.parse(audit?.before ?? '{}')).toMatchObject({ request: '要求补发征地补偿款' });
    expect(JSON.parse(audit?.after ?? '{}')).toMatchObject({ request: '要求按新标准补发征地补偿款', reason: '登记时把诉求和住址录错了' });
  });

  it('of the received-at recomputes the 15-day deadlines from the new day, and their explanation says so', async () => {
    o = await bookOffice();
    const p = await register();
    const d = await o.t.ok(await o.as('clerk1'), 'petitions.correct', { id: p.id, reason: '以信封邮戳为准', changes: { receivedAt: at('2026-10-30 16:00') } });
    // From Fri Oct 30: day 15 is Sat Nov 14, so the period ends on Mon Nov 16.
    for (const kind of ['forward', 'acceptance_notice'] as const) {
      expect(deadline(d, kind)).toMatchObject({ startDate: '2026-10-30', dueDate: '2026-11-16', status: 'open' });
      expect(deadline(d, kind).explanation).toMatchObject({ shiftedFrom: '2026-11-14', correction: { at: at('2026-11-02 09:00'), fields: ['receivedAt'], fromStartDate: '2026-11-02' } });
    }
    expect(d.number).toBe(p.number);
  });

  it('refuses what cannot be saved, says what to fix, and changes nothing', async () => {
    o = await bookOffice();
    const p = await register();
    const clerk = await o.as('clerk1');
    expect(await refused(() => o.t.call(clerk, 'petitions.correct', { id: p.id, reason: '', changes: { summary: '新概要' } }), 'reason')).toBe('请填写更正原因');
    expect(await refused(() => o.t.call(clerk, 'petitions.correct', { id: p.id, reason: '核对', changes: { summary: '反映征地补偿款未足额发放' } }), 'changes')).toBe(
      '更正的内容与原登记相同，没有需要更正的地方',
    );
    expect(await refused(() => o.t.call(clerk, 'petitions.correct', { id: p.id, reason: '核对', changes: { receivedAt: at('2026-11-03 09:00') } }), 'receivedAt')).toBe('收到时间不能晚于现在，请核对');
    expect(await refused(() => o.t.call(clerk, 'petitions.correct', { id: p.id, reason: '核对', changes: { category: 'suggestion' } }), 'claimItem')).toBe('只有申诉求决类需要选择诉求项');
    const officer = await o.as('duty1');
    expect(await refused(() => o.t.call(officer, 'petitions.correct', { id: p.id, reason: '核对', changes: { summary: '新概要' } }))).toBe('您的账号（值班员）无权进行此操作');
  });
});

describe('a correction after acceptance', () => {
  async function accepted() {
    const p = await register();
    await o.t.ok(await o.as('clerk1'), 'petitions.transition', { id: p.id, action: 'accept', noticeOnTheSpot: true });
    return p;
  }

  it('of the received-at waits for the leader; on approval the handling period (accepted on the spot) moves and says why', async () => {
    o = await bookOffice();
    const p = await accepted();
    const clerk = await o.as('clerk1');
    const before = await o.t.ok(clerk, 'petitions.get', { id: p.id });
    const asked = await o.t.ok(clerk, 'petitions.correct', { id: p.id, reason: '收到时间录错，以来访登记簿为准', changes: { receivedAt: at('2026-10-30 16:00') } });
    // Nothing takes effect until the leader approves.
    expect(asked.receivedAt).toBe(before.receivedAt);
    expect(asked.deadlines).toEqual(before.deadlines);
    expect(asked.approvals[0]).toMatchObject({ kind: 'correction', status: 'pending', requestedBy: '李登记', reason: '收到时间录错，以来访登记簿为准' });
    expect(asked.approvals[0]?.changes).toEqual([{ field: 'receivedAt', from: '2026-11-02 08:30', to: '2026-10-30 16:00' }]);

    const approvalId = await pendingApprovalId(o.t, clerk, 'petition', p.id);
    const clerkTries = await o.t.call(clerk, 'approvals.approve', { id: approvalId, note: '' });
    expect(clerkTries.ok || [clerkTries.error.code, clerkTries.error.message]).toEqual(['forbidden', '您的账号（登记员）无权进行此操作']);

    await o.t.ok(await o.as('leader1'), 'approvals.approve', { id: approvalId, note: '同意更正' });
    const after = await o.t.ok(clerk, 'petitions.get', { id: p.id });
    expect(after.receivedAt).toBe(at('2026-10-30 16:00'));
    // From Fri Oct 30, 60 days: Oct 31 is day 1, Nov 30 day 31, Tue Dec 29 day 60.
    expect(deadline(after, 'handling')).toMatchObject({ startDate: '2026-10-30', dueDate: '2026-12-29' });
    expect(deadline(after, 'handling').explanation.correction).toEqual({ at: at('2026-11-02 09:00'), fields: ['receivedAt'], fromStartDate: '2026-11-02' });
    expect(after.steps.at(-1)).toMatchObject({ action: 'correct', userName: '李登记', details: { approver: '张镇长' } });
    expect(after.approvals[0]).toMatchObject({ status: 'approved', decidedBy: '张镇长', decisionNote: '同意更正' });
  });

  it('returned by the leader with a reason changes nothing; a return without a reason is refused', async () => {
    o = await bookOffice();
    const p = await accepted();
    const clerk = await o.as('clerk1');
    await o.t.ok(clerk, 'petitions.correct', { id: p.id, reason: '改为建议意见类', changes: { category: 'suggestion', claimItem: null } });
    const leader = await o.as('leader1');
    const approvalId = await pendingApprovalId(o.t, leader, 'petition', p.id);
    expect(await refused(() => o.t.call(leader, 'approvals.return', { id: approvalId, note: '' }), 'note')).toBe('请填写退回理由');
    const before = await o.t.ok(clerk, 'petitions.get', { id: p.id });
    await o.t.ok(leader, 'approvals.return', { id: approvalId, note: '属申诉求决类，不予更正' });
    const after = await o.t.ok(clerk, 'petitions.get', { id: p.id });
    expect(after.category).toBe('claim');
    expect(after.deadlines).toEqual(before.deadlines);
    expect(after.steps).toEqual(before.steps);
    expect(after.approvals[0]).toMatchObject({ status: 'returned', decisionNote: '属申诉求决类，不予更正', decidedBy: '张镇长' });
    expect(await refused(() => o.t.call(leader, 'approvals.approve', { id: approvalId, note: '' }))).toBe('这项申请已经审批过了，无需再操作');
  });

  it('of the category on approval ends the handling period a suggestion does not have', async () => {
    o = await bookOffice();
    const p = await accepted();
    const clerk = await o.as('clerk1');
    await o.t.ok(clerk, 'petitions.correct', { id: p.id, reason: '实为建议', changes: { category: 'suggestion', claimItem: null } });
    await o.t.ok(await o.as('leader1'), 'approvals.approve', { id: await pendingApprovalId(o.t, clerk, 'petition', p.id), note: '' });
    const after = await o.t.ok(clerk, 'petitions.get', { id: p.id });
    expect(after.category).toBe('suggestion');
    expect(deadline(after, 'handling').status).toBe('cancelled');
    expect(after.nextDueAt).toBeNull();
  });
});

describe('a void (作废)', () => {
  it('waits for the leader; then the petition is 作废 with its reason, its deadlines and alarms end, and its number is never reused', async () => {
    o = await bookOffice();
    const first = await register();
    const twice = await register({ summary: '重复登记的同一来访' });
    const clerk = await o.as('clerk1');
    const asked = await o.t.ok(clerk, 'petitions.void.request', { id: twice.id, reason: `与${first.number}重复登记` });
    expect(asked.status).toBe('registered');
    expect(await refused(() => o.t.call(clerk, 'petitions.void.request', { id: twice.id, reason: '再申请一次' }))).toBe('已有一项待领导审批的“作废登记”申请，请等领导审批后再提');

    await o.t.ok(await o.as('leader1'), 'approvals.approve', { id: await pendingApprovalId(o.t, clerk, 'petition', twice.id), note: '同意作废' });
    const voided = await o.t.ok(clerk, 'petitions.get', { id: twice.id });
    expect(voided).toMatchObject({ status: 'voided', number: twice.number, voidReason: `与${first.number}重复登记`, nextDueAt: null, allowedActions: [] });
    expect(voided.deadlines.every((d) => d.status === 'cancelled')).toBe(true);
    expect(voided.steps.at(-1)).toMatchObject({ action: 'void', toStatus: 'voided', details: { approver: '张镇长' } });
    const alarms = await o.t.app.core.db
      .selectFrom('alarms')
      .innerJoin('deadlines', 'deadlines.id', 'alarms.deadline_id')
      .select('alarms.status')
      .where('deadlines.subject_type', '=', 'petition')
      .where('deadlines.subject_id', '=', twice.id)
      .execute();
    expect(alarms.length).toBeGreaterThan(0);
    expect(alarms.every((a) => a.status === 'cancelled')).toBe(true);

    // The list leaves it out by default and finds it when asked; the next registration takes the next number.
    expect((await o.t.ok(clerk, 'petitions.list', {})).rows.map((r) => r.id)).toEqual([first.id]);
    expect((await o.t.ok(clerk, 'petitions.list', { includeVoided: true })).rows.map((r) => r.id).sort()).toEqual([first.id, twice.id].sort());
    expect((await o.t.ok(clerk, 'petitions.list', { statuses: ['voided'] })).rows).toMatchObject([{ id: twice.id, voidReason: `与${first.number}重复登记` }]);
    const next = await register({ summary: '另一件来访' });
    expect(next.number).toBe('信〔2026〕0003号');
    expect(twice.number).toBe('信〔2026〕0002号');
    // Counted in the statistics: the first and the next, not the voided one.
    const stats = await o.t.ok(clerk, 'stats.overview.get', { fromMonth: '2026-11', toMonth: '2026-11' });
    expect(stats.byMonth.reduce((n, m) => n + m.petitions, 0)).toBe(2);

    // A voided petition takes no further step and no correction.
    expect(await refused(() => o.t.call(clerk, 'petitions.transition', { id: twice.id, action: 'accept' }))).toBe(`这件信访事项已作废（与${first.number}重复登记），不能再办理或更正`);
    expect(await refused(() => o.t.call(clerk, 'petitions.correct', { id: twice.id, reason: '改', changes: { summary: '改' } }))).toBe(
      `这件信访事项已作废（与${first.number}重复登记），不能再办理或更正`,
    );
  });

  it('needs a reason', async () => {
    o = await bookOffice();
    const p = await register();
    const clerk = await o.as('clerk1');
    expect(await refused(() => o.t.call(clerk, 'petitions.void.request', { id: p.id, reason: '' }), 'reason')).toBe(
      '请填写作废原因（如重复登记、登错办公室、测试数据）',
    );
  });
});
