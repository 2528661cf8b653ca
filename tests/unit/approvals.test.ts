/**
 * Approvals given by the approver in their own session: an extension asked by the clerk rings the leader on
 * duty and takes effect only when the leader approves it; a returned one moves nothing. A report is returned
 * (退回) with a reason, corrected and resubmitted, then approved. Every refusal says what to fix and changes
 * nothing.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { at } from './support/test-app';
import { bookOffice, visit, type BookOffice } from './support/book-office';
import { pendingApprovalId } from './support/approvals';

let o: BookOffice;
afterEach(() => o.t.close());

async function inHandling() {
  const clerk = await o.as('clerk1');
  const p = await o.t.ok(clerk, 'petitions.create', visit());
  await o.t.ok(clerk, 'petitions.transition', { id: p.id, action: 'accept' });
  await o.t.ok(clerk, 'petitions.transition', { id: p.id, action: 'start_handling', unitId: o.ids.unit, leaderId: o.ids.leader });
  return p;
}

async function refused(call: () => Promise<{ ok: boolean; error?: { message: string; fields?: Record<string, string> } }>, field?: string) {
  const before = await o.rows();
  const r = await call();
  expect(r.ok).toBe(false);
  expect(await o.rows()).toEqual(before);
  return field ? r.error?.fields?.[field] : r.error?.message;
}

describe('an extension', () => {
  it('asked by the clerk waits in the leaders’ inbox, rings the leader on duty, and moves the deadline only when approved', async () => {
    o = await bookOffice();
    const p = await inHandling();
    const clerk = await o.as('clerk1');
    const before = await o.t.ok(clerk, 'petitions.get', { id: p.id });
    const asked = await o.t.ok(clerk, 'petitions.extension.request', { id: p.id, days: 30, note: '涉及多户，需补充调查' });
    expect(asked.status).toBe('in_handling');
    expect(asked.deadlines).toEqual(before.deadlines);

    const leader = await o.as('leader1');
    const inbox = await o.t.ok(leader, 'approvals.list', {});
    expect(inbox.rows).toMatchObject([{ kind: 'extension', status: 'pending', days: 30, reason: '涉及多户，需补充调查', requestedBy: '李登记', requestedAt: at('2026-11-02 09:00'), subjectNumber: p.number }]);

    // The request rings at the scheduler's next pass: the duty officer and the leader on duty at once.
    const fired = await o.t.app.scheduler.tick();
    const alarm = (await o.t.ok(leader, 'alarms.list', {})).rows.find((a) => a.subjectType === 'approval');
    expect(fired.map((f) => f.alarmId)).toContain(alarm?.id);
    expect(alarm?.recipients.map((r) => r.name).sort()).toEqual(['张镇长', '钱值班'].sort());
    expect(alarm?.subjectNumber).toBe(`${p.number} 延期办理申请`);

    await o.t.ok(leader, 'approvals.approve', { id: inbox.rows[0]?.id ?? 0, note: '同意延期30日' });
    const after = await o.t.ok(clerk, 'petitions.get', { id: p.id });
    expect(after.status).toBe('extended');
    expect(after.extendedDays).toBe(30);
    const handling = after.deadlines.find((d) => d.kind === 'handling');
    expect(handling?.explanation.extensionDays).toBe(30);
    expect(handling?.dueAt).toBeGreaterThan(before.deadlines.find((d) => d.kind === 'handling')?.dueAt ?? Infinity);
    expect(after.steps.at(-1)).toMatchObject({ action: 'extend', userName: '李登记', note: '涉及多户，需补充调查', details: { days: 30, approver: '张镇长' } });
    // Decided: the request's alarm stops.
    expect((await o.t.ok(leader, 'alarms.list', {})).rows.filter((a) => a.subjectType === 'approval')).toEqual([]);
  });

  it('returned by the leader moves nothing', async () => {
    o = await bookOffice();
    const p = await inHandling();
    const clerk = await o.as('clerk1');
    await o.t.ok(clerk, 'petitions.extension.request', { id: p.id, days: 15, note: '需补充调查' });
    const before = await o.t.ok(clerk, 'petitions.get', { id: p.id });
    await o.t.ok(await o.as('leader1'), 'approvals.return', { id: await pendingApprovalId(o.t, clerk, 'petition', p.id), note: '材料已齐，按期办结' });
    const after = await o.t.ok(clerk, 'petitions.get', { id: p.id });
    expect([after.status, after.extendedDays, after.deadlines]).toEqual([before.status, before.extendedDays, before.deadlines]);
    expect(after.approvals[0]).toMatchObject({ status: 'returned', decisionNote: '材料已齐，按期办结' });
  });

  it('is refused after the handling period has ended, through the old transition, and twice at once', async () => {
    o = await bookOffice();
    const p = await inHandling();
    const clerk = await o.as('clerk1');
    expect(await refused(() => o.t.call(clerk, 'petitions.transition', { id: p.id, action: 'extend', days: 30, note: '需补充调查' }))).toBe(
      '延期须由带班领导审批：请点“申请延期”，写明天数和理由，领导批准后才生效',
    );
    await o.t.ok(clerk, 'petitions.extension.request', { id: p.id, days: 30, note: '需补充调查' });
    expect(await refused(() => o.t.call(clerk, 'petitions.extension.request', { id: p.id, days: 20, note: '再申请' }))).toBe('已有一项待领导审批的“延期办理”申请，请等领导审批后再提');
    o.t.clock.set(at('2027-01-05 09:00'));
    const lateClerk = (await o.t.ok(null, 'auth.login', { username: 'clerk1', password: 'Passw0rd1' })).token;
    const other = await o.t.ok(lateClerk, 'petitions.create', visit({ receivedAt: at('2026-11-03 09:00') }));
    await o.t.ok(lateClerk, 'petitions.transition', { id: other.id, action: 'accept', at: at('2026-11-03 10:00') });
    await o.t.ok(lateClerk, 'petitions.transition', { id: other.id, action: 'start_handling', unitId: o.ids.unit, leaderId: o.ids.leader, at: at('2026-11-03 11:00') });
    expect(await refused(() => o.t.call(lateClerk, 'petitions.extension.request', { id: other.id, days: 30, note: '需补充调查' }))).toMatch(/^延期须在办理期限届满前申请（办理期限已于2027-01-0\d 00:00届满）$/);
  });
});

describe('who decides', () => {
  it('only a leader approves or returns, in the leader’s own session', async () => {
    o = await bookOffice();
    const p = await inHandling();
    const clerk = await o.as('clerk1');
    await o.t.ok(clerk, 'petitions.extension.request', { id: p.id, days: 10, note: '需补充调查' });
    const id = await pendingApprovalId(o.t, clerk, 'petition', p.id);
    expect(await refused(() => o.t.call(clerk, 'approvals.approve', { id, note: '' }))).toBe('您的账号（登记员）无权进行此操作');
    expect(await refused(() => o.t.call(clerk, 'approvals.return', { id, note: '不同意' }))).toBe('您的账号（登记员）无权进行此操作');
    const officer = await o.as('duty1');
    expect(await refused(() => o.t.call(officer, 'approvals.approve', { id, note: '' }))).toBe('您的账号（值班员）无权进行此操作');
  });
});

describe('an information report', () => {
  it('is returned with a reason, corrected, resubmitted and approved; after approval only a 续报 adds to it', async () => {
    o = await bookOffice();
    const clerk = await o.as('clerk1');
    const leader = await o.as('leader1');
    const { id } = await o.t.ok(clerk, 'reports.create', {
      unitId: o.ids.unit,
      type: 'dispute',
      severity: 'general',
      foundAt: at('2026-11-02 08:00'),
      summary: '东风村两户宅基地纠纷',
      content: '两户因宅基地边界发生争执',
    });
    await o.t.ok(clerk, 'reports.transition', { id, action: 'verify', verification: 'true' });
    await o.t.ok(clerk, 'reports.transition', { id, action: 'analyse', nature: '邻里纠纷', urgency: 'normal', opinion: '由村调委会调解' });
    const waiting = await o.t.ok(leader, 'approvals.list', { subjectType: 'report' });
    expect(waiting.rows).toMatchObject([{ kind: 'report', subjectId: id, reason: '由村调委会调解', requestedBy: '李登记' }]);

    expect(await refused(() => o.t.call(leader, 'approvals.return', { id: waiting.rows[0]?.id ?? 0, note: '' }), 'note')).toBe('请填写退回理由');
    await o.t.ok(leader, 'approvals.return', { id: waiting.rows[0]?.id ?? 0, note: '人数未核实，请补充' });
    let d = await o.t.ok(clerk, 'reports.get', { id });
    expect([d.status, d.allowedActions, d.correctable]).toEqual(['returned', ['resubmit'], true]);
    expect(d.steps.at(-1)).toMatchObject({ action: 'return', note: '人数未核实，请补充', userName: '张镇长' });

    expect(await refused(() => o.t.call(clerk, 'reports.correct', { id, reason: '', changes: { peopleCount: 6 } }), 'reason')).toBe('请填写更正原因');
    d = await o.t.ok(clerk, 'reports.correct', { id, reason: '补充核实人数', changes: { peopleCount: 6, content: '两户6人因宅基地边界发生争执' } });
    expect(JSON.parse(String(d.steps.at(-1)?.details.changes))).toEqual([
      { field: 'peopleCount', from: '0', to: '6' },
      { field: 'content', from: '两户因宅基地边界发生争执', to: '两户6人因宅基地边界发生争执' },
    ]);
    d = await o.t.ok(clerk, 'reports.transition', { id, action: 'resubmit', note: '已补充人数' });
    expect(d.status).toBe('analysed');
    const again = await pendingApprovalId(o.t, leader, 'report', id);
    await o.t.ok(leader, 'approvals.approve', { id: again, note: '同意上报' });
    d = await o.t.ok(clerk, 'reports.get', { id });
    expect([d.status, d.approvedByName, d.correctable]).toEqual(['approved', '张镇长', false]);
    expect(await refused(() => o.t.call(clerk, 'reports.correct', { id, reason: '再改', changes: { peopleCount: 7 } }))).toBe('这份报告已“已审核”，不能再更正，新情况请用续报报送');
  });
});
