/**
 * A warning's life as the office lives it: issued with a feedback deadline by level (red 24 h, yellow 3 days,
 * blue 7 days), feedback from the responsible unit, supervision (督办) once feedback is late, level changes
 * (the deadline starts again from the change), lifting with the outcome and the approving leader, and
 * nothing more once lifted. The feedback deadline rings through the alarm scheduler like any other.
 * Office time is Asia/Shanghai; the clock starts on Monday 2026-11-02 09:00.
 */
import { describe, expect, it } from 'vitest';
import type { WarningDetail, WarningIssueInput } from '../../shared/api';
import { at } from './support/test-app';
import { matterOffice, warningInput } from './support/matters';
import { expectRefused } from './support/refusals';

const blue: Partial<WarningIssueInput> = { peopleCount: 2, escalation: 'county' };
const yellow: Partial<WarningIssueInput> = { peopleCount: 1, escalation: 'province' };

const open = (w: WarningDetail) => w.deadlines.filter((d) => d.status === 'open').map((d) => [d.kind, d.dueAt]);

describe('issuing', () => {
  it('sets the feedback deadline by level: red 24 hours, yellow 3 days, blue 7 days', async () => {
    const o = await matterOffice();
    const red = await o.t.ok(o.clerk, 'warnings.issue', warningInput(o));
    const y = await o.t.ok(o.clerk, 'warnings.issue', warningInput(o, yellow));
    const b = await o.t.ok(o.clerk, 'warnings.issue', warningInput(o, blue));
    expect([red.level, y.level, b.level]).toEqual(['red', 'yellow', 'blue']);
    // Issued Mon 11-02 09:00.
    expect(open(red)).toEqual([['warning_feedback', at('2026-11-03 09:00')]]);
    expect(open(y)).toEqual([['warning_feedback', at('2026-11-05 09:00')]]);
    expect(open(b)).toEqual([['warning_feedback', at('2026-11-09 09:00')]]);
    expect(red.deadlines[0]?.explanation).toMatchObject({ unit: 'fixed', article: '红色预警：发布后24小时内反馈', nominalEndDate: '2026-11-03' });
    expect([red.nextDueAt, red.nextDueKind, red.overdue]).toEqual([at('2026-11-03 09:00'), 'warning_feedback', false]);
    expect([red.number, y.number, b.number]).toEqual(['预警〔2026〕1号', '预警〔2026〕2号', '预警〔2026〕3号']);
    expect(red).toMatchObject({
      status: 'active',
      responsibleUnitName: '东风村',
      leadLeaderName: '张镇长',
      issuedByName: '李登记',
      resolutionSteps: ['听取诉求', '核实情况', '调解化解', '答复反馈'],
      allowedActions: ['feedback', 'change_level', 'lift'],
    });
    await o.t.close();
  });

  it('uses the configured hours when the admin changes them', async () => {
    const o = await matterOffice();
    await o.t.ok(o.admin, 'warnings.settings.update', { feedbackHours: { red: 12, yellow: 48, blue: 120 }, supervisionHours: 8 });
    const red = await o.t.ok(o.clerk, 'warnings.issue', warningInput(o));
    expect(open(red)).toEqual([['warning_feedback', at('2026-11-02 21:00')]]);
    const bad = await o.t.call(o.admin, 'warnings.settings.update', { feedbackHours: { red: 0, yellow: 48, blue: 120 }, supervisionHours: 8 });
    expect(expectRefused(bad, 'invalid_input').fields).toEqual({ 'feedbackHours.red': '期限应为1到720小时之间的整数' });
    await o.t.close();
  });

  it('keeps its hour-based deadline when the holiday calendar changes (only calendar periods are recounted)', async () => {
    const o = await matterOffice();
    const w = await o.t.ok(o.clerk, 'warnings.issue', warningInput(o));
    const r = await o.t.ok(o.admin, 'calendar.days.update', { date: '2026-11-03', isOffDay: true, name: '临时休息' });
    expect(r.recomputed).toBe(0);
    expect(open(await o.t.ok(o.clerk, 'warnings.get', { id: w.id }))).toEqual([['warning_feedback', at('2026-11-03 09:00')]]);
    await o.t.close();
  });

  it('names a real leader and an active responsible unit, and lists at least one step', async () => {
    const o = await matterOffice();
    const notLeader = await o.t.call(o.clerk, 'warnings.issue', warningInput(o, { leadLeaderId: o.clerkId }));
    expect(expectRefused(notLeader, 'invalid_input').fields?.leadLeaderId).toBe('请选择包案领导（须为领导角色的账号）');
    const noSteps = await o.t.call(o.clerk, 'warnings.issue', warningInput(o, { resolutionSteps: [] }));
    expect(expectRefused(noSteps, 'invalid_input').fields?.resolutionSteps).toBe('请至少列出一项要求责任单位采取的化解措施');
    const ghost = await o.t.call(o.clerk, 'warnings.issue', warningInput(o, { petitionIds: [999] }));
    expect(expectRefused(ghost, 'invalid_input').fields?.petitionIds).toBe('要关联的信访事项不存在');
    await o.t.close();
  });
});

describe('feedback and supervision', () => {
  it('feedback meets the deadline; supervision is not offered while nothing is late', async () => {
    const o = await matterOffice();
    const w = await o.t.ok(o.clerk, 'warnings.issue', warningInput(o));
    await o.setClock('2026-11-02 15:00');
    const after = await o.t.ok(o.clerk, 'warnings.feedback.create', { id: w.id, content: '已入户走访12户，听取诉求并登记', source: '东风村 村支书 周某' });
    expect(after.deadlines.map((d) => [d.kind, d.status, d.metAt])).toEqual([['warning_feedback', 'met', at('2026-11-02 15:00')]]);
    expect([after.nextDueAt, after.overdue]).toEqual([null, false]);
    expect(after.history.map((h) => h.kind)).toEqual(['issue', 'feedback']);
    expect(after.history[1]).toMatchObject({ note: '已入户走访12户，听取诉求并登记', source: '东风村 村支书 周某', userName: '李登记' });
    expect(after.allowedActions).toEqual(['feedback', 'change_level', 'lift']);
    const r = await o.t.call(o.clerk, 'warnings.supervise', { id: w.id, note: '请尽快反馈' });
    expectRefused(r, 'illegal_transition', '该预警现在没有待反馈的期限，不需要督办');
    await o.t.close();
  });

  it('supervision waits for the deadline to pass, then sets its own; feedback meets both', async () => {
    const o = await matterOffice();
    const w = await o.t.ok(o.clerk, 'warnings.issue', warningInput(o, blue));
    const early = await o.t.call(o.clerk, 'warnings.supervise', { id: w.id, note: '请尽快反馈' });
    expectRefused(early, 'illegal_transition', '反馈期限（2026-11-09 09:00）还没有到，暂不需要督办');

    // Blue: feedback due Mon 11-09 09:00. An hour later nothing has come.
    await o.setClock('2026-11-09 10:00');
    const late = await o.t.ok(o.clerk, 'warnings.get', { id: w.id });
    expect([late.overdue, late.allowedActions]).toEqual([true, ['feedback', 'supervise', 'change_level', 'lift']]);
    const noNote = await o.t.call(o.clerk, 'warnings.supervise', { id: w.id, note: '' });
    expect(expectRefused(noNote, 'invalid_input').fields?.note).toBe('请填写督办意见');
    const past = await o.t.call(o.clerk, 'warnings.supervise', { id: w.id, note: '请反馈', dueAt: at('2026-11-09 08:00') });
    expect(expectRefused(past, 'invalid_input').fields?.dueAt).toBe('督办期限必须晚于现在');

    // Default: supervision due 24 hours from now.
    const sup = await o.t.ok(o.clerk, 'warnings.supervise', { id: w.id, note: '反馈已逾期，请东风村于明日上午前书面反馈化解进展' });
    expect(open(sup)).toEqual([
      ['warning_feedback', at('2026-11-09 09:00')],
      ['supervision', at('2026-11-10 10:00')],
    ]);
    expect(sup.history.at(-1)).toMatchObject({ kind: 'supervise', dueAt: at('2026-11-10 10:00') });
    expect(sup.deadlines.find((d) => d.kind === 'supervision')?.explanation.article).toBe('督办：2026-11-10 10:00前反馈');
    // The board marks it 督办 and counts down to both deadlines.
    const [card] = (await o.t.ok(o.clerk, 'warnings.list', {})).rows;
    expect([card?.feedbackDueAt, card?.supervisedUntil]).toEqual([at('2026-11-09 09:00'), at('2026-11-10 10:00')]);

    await o.setClock('2026-11-09 16:00');
    const fed = await o.t.ok(o.clerk, 'warnings.feedback.create', { id: w.id, content: '已组织调解，达成初步意向', source: '东风村' });
    expect(fed.deadlines.map((d) => [d.kind, d.status])).toEqual([
      ['warning_feedback', 'met'],
      ['supervision', 'met'],
    ]);
    expect(fed.overdue).toBe(false);
    expect([fed.feedbackDueAt, fed.supervisedUntil]).toEqual([null, null]);
    await o.t.close();
  });

  it('a second supervision replaces the first, which is cancelled', async () => {
    const o = await matterOffice();
    const w = await o.t.ok(o.clerk, 'warnings.issue', warningInput(o));
    await o.setClock('2026-11-03 10:00');
    await o.t.ok(o.clerk, 'warnings.supervise', { id: w.id, note: '请反馈', dueAt: at('2026-11-03 18:00') });
    await o.setClock('2026-11-03 19:00');
    const again = await o.t.ok(o.leader, 'warnings.supervise', { id: w.id, note: '再次督办：今晚22时前反馈', dueAt: at('2026-11-03 22:00') });
    expect(again.deadlines.map((d) => [d.kind, d.status, d.dueAt])).toEqual([
      ['warning_feedback', 'open', at('2026-11-03 09:00')],
      ['supervision', 'cancelled', at('2026-11-03 18:00')],
      ['supervision', 'open', at('2026-11-03 22:00')],
    ]);
    await o.t.close();
  });
});

describe('changing the level', () => {
  it('needs a reason and a different level, and starts the feedback period again by the new level', async () => {
    const o = await matterOffice();
    const w = await o.t.ok(o.clerk, 'warnings.issue', warningInput(o, blue));
    await o.setClock('2026-11-03 14:00');
    const noReason = await o.t.call(o.clerk, 'warnings.changeLevel', { id: w.id, level: 'red', reason: '' });
    expect(expectRefused(noReason, 'invalid_input').fields?.reason).toBe('请填写调整等级的理由');
    const same = await o.t.call(o.clerk, 'warnings.changeLevel', { id: w.id, level: 'blue', reason: '复核' });
    expect(expectRefused(same, 'invalid_input').fields?.level).toBe('新等级与当前等级（蓝色）相同，无需调整');

    // Up to red at Tue 14:00: feedback due Wed 14:00; the blue deadline (Mon 11-09) is cancelled.
    const up = await o.t.ok(o.clerk, 'warnings.changeLevel', { id: w.id, level: 'red', reason: '村民已组织车辆，准备集体赴省' });
    expect(up.level).toBe('red');
    expect(up.deadlines.map((d) => [d.kind, d.status, d.dueAt])).toEqual([
      ['warning_feedback', 'open', at('2026-11-04 14:00')],
      ['warning_feedback', 'cancelled', at('2026-11-09 09:00')],
    ]);
    expect(up.history.at(-1)).toMatchObject({ kind: 'change_level', fromLevel: 'blue', toLevel: 'red', note: '村民已组织车辆，准备集体赴省', dueAt: at('2026-11-04 14:00') });

    // Down to yellow an hour later: 3 days from 15:00.
    await o.setClock('2026-11-03 15:00');
    const down = await o.t.ok(o.leader, 'warnings.changeLevel', { id: w.id, level: 'yellow', reason: '经劝导，村民同意先在镇里协商' });
    expect(open(down)).toEqual([['warning_feedback', at('2026-11-06 15:00')]]);
    expect(down.nextDueAt).toBe(at('2026-11-06 15:00'));
    expect(down.suggestedLevel).toBe('blue');
    await o.t.close();
  });
});

describe('lifting', () => {
  it('needs the outcome and an approving leader; it ends the open deadlines', async () => {
    const o = await matterOffice();
    const w = await o.t.ok(o.clerk, 'warnings.issue', warningInput(o));
    await o.setClock('2026-11-04 10:00');
    await o.t.ok(o.clerk, 'warnings.supervise', { id: w.id, note: '请反馈' });
    const noOutcome = await o.t.call(o.clerk, 'warnings.lift', { id: w.id, outcome: '', approverId: o.leaderId });
    expect(expectRefused(noOutcome, 'invalid_input').fields?.outcome).toBe('请填写化解结果');
    const noApprover = await o.t.call(o.clerk, 'warnings.lift', { id: w.id, outcome: '补偿款已补发到位' });
    expect(expectRefused(noApprover, 'invalid_input').fields?.approverId).toBe('解除预警须由领导批准，请选择批准的领导');
    const clerkApproves = await o.t.call(o.clerk, 'warnings.lift', { id: w.id, outcome: '补偿款已补发到位', approverId: o.clerkId });
    expect(expectRefused(clerkApproves, 'invalid_input').fields?.approverId).toBe('解除预警须由领导批准，请选择批准的领导');

    const lifted = await o.t.ok(o.clerk, 'warnings.lift', { id: w.id, outcome: '补偿款已按新标准补发到位，村民表示满意', approverId: o.leaderId });
    expect(lifted).toMatchObject({
      status: 'lifted',
      liftedAt: at('2026-11-04 10:00'),
      liftOutcome: '补偿款已按新标准补发到位，村民表示满意',
      liftApprovedByName: '张镇长',
      nextDueAt: null,
      overdue: false,
      allowedActions: [],
    });
    expect(lifted.deadlines.map((d) => [d.kind, d.status])).toEqual([
      ['warning_feedback', 'cancelled'],
      ['supervision', 'cancelled'],
    ]);
    expect(lifted.history.map((h) => h.kind)).toEqual(['issue', 'supervise', 'lift']);
    expect(lifted.history.at(-1)).toMatchObject({ approverName: '张镇长', userName: '李登记' });
    await o.t.close();
  });

  it('a lifted warning takes no further step, says when it was lifted, and nothing changes', async () => {
    const o = await matterOffice();
    const w = await o.t.ok(o.clerk, 'warnings.issue', warningInput(o));
    const petition = await o.t.ok(o.clerk, 'petitions.create', {
      channel: 'visit',
      receivedAt: at('2026-11-02 08:30'),
      petitioners: [{ name: '张三', address: '东风村3组' }],
      peopleCount: 1,
      category: 'claim',
      claimItem: 6,
      summary: '反映征地补偿款未足额发放',
      request: '要求补发',
    });
    await o.t.ok(o.clerk, 'warnings.lift', { id: w.id, outcome: '已化解', approverId: o.leaderId });
    await o.setClock('2026-11-05 09:00');
    const before = await o.t.ok(o.clerk, 'warnings.get', { id: w.id });
    const auditBefore = (await o.t.ok(o.admin, 'audit.list', {})).total;
    const attempts = [
      ['反馈', () => o.t.call(o.clerk, 'warnings.feedback.create', { id: w.id, content: '补充反馈' })],
      ['督办', () => o.t.call(o.clerk, 'warnings.supervise', { id: w.id, note: '督办' })],
      ['调整等级', () => o.t.call(o.clerk, 'warnings.changeLevel', { id: w.id, level: 'blue', reason: '降级' })],
      ['解除预警', () => o.t.call(o.clerk, 'warnings.lift', { id: w.id, outcome: '再解除', approverId: o.leaderId })],
      ['关联', () => o.t.call(o.clerk, 'warnings.link', { id: w.id, linkType: 'petition', subjectId: petition.id })],
    ] as const;
    for (const [label, attempt] of attempts) {
      const r = await attempt();
      expectRefused(r, 'illegal_transition', `该预警已于2026-11-02 09:00解除，不能再进行“${label}”`);
    }
    expect(await o.t.ok(o.clerk, 'warnings.get', { id: w.id })).toEqual(before);
    expect((await o.t.ok(o.admin, 'audit.list', {})).total).toBe(auditBefore);
    await o.t.close();
  });
});

describe('links and history', () => {
  it('links petitions and reports at issue and later, and the history keeps every step in order', async () => {
    const o = await matterOffice();
    const petition = await o.t.ok(o.clerk, 'petitions.create', {
      channel: 'visit',
      receivedAt: at('2026-11-02 08:30'),
      petitioners: [{ name: '张三', address: '东风村3组' }],
      peopleCount: 1,
      category: 'claim',
      claimItem: 6,
      summary: '反映征地补偿款未足额发放',
      request: '要求补发',
    });
    const report = await o.t.ok(o.clerk, 'reports.create', {
      unitId: o.units.dongfeng,
      type: 'collective_sign',
      severity: 'important',
      foundAt: at('2026-11-02 08:00'),
      summary: '东风村村民酝酿集体上访',
      content: '部分村民在微信群商议赴省反映征地补偿问题',
    });
    const w = await o.t.ok(o.clerk, 'warnings.issue', warningInput(o, { reportIds: [report.id] }));
    expect(w.reports.map((r) => r.number)).toEqual([report.number]);
    const linked = await o.t.ok(o.clerk, 'warnings.link', { id: w.id, linkType: 'petition', subjectId: petition.id });
    expect(linked.petitions.map((p) => p.number)).toEqual([petition.number]);
    // Linking twice changes nothing.
    const again = await o.t.ok(o.clerk, 'warnings.link', { id: w.id, linkType: 'petition', subjectId: petition.id });
    expect(again.history).toHaveLength(linked.history.length);
    const unlinked = await o.t.ok(o.clerk, 'warnings.link', { id: w.id, linkType: 'report', subjectId: report.id, linked: false });
    expect(unlinked.reports).toEqual([]);
    await o.setClock('2026-11-02 20:00');
    await o.t.ok(o.clerk, 'warnings.feedback.create', { id: w.id, content: '已听取诉求' });
    await o.setClock('2026-11-03 10:00');
    await o.t.ok(o.clerk, 'warnings.changeLevel', { id: w.id, level: 'yellow', reason: '已初步稳定' });
    const done = await o.t.ok(o.clerk, 'warnings.lift', { id: w.id, outcome: '已化解', approverId: o.leaderId });
    expect(done.history.map((h) => h.kind)).toEqual(['issue', 'link', 'unlink', 'feedback', 'change_level', 'lift']);
    const list = await o.t.ok(o.clerk, 'warnings.list', { status: 'lifted' });
    expect(list.rows.map((r) => r.id)).toEqual([w.id]);
    const audit = await o.t.ok(o.admin, 'audit.list', { pageSize: 200 });
    expect(audit.rows.filter((r) => r.entity === 'warning').map((r) => r.action).reverse()).toEqual([
      'warning.issue',
      'warning.link',
      'warning.unlink',
      'warning.feedback',
      'warning.changeLevel',
      'warning.lift',
    ]);
    await o.t.close();
  });

  it('feedback cannot be dated before the previous step or in the future', async () => {
    const o = await matterOffice();
    const w = await o.t.ok(o.clerk, 'warnings.issue', warningInput(o));
    const before = await o.t.call(o.clerk, 'warnings.feedback.create', { id: w.id, at: at('2026-11-02 08:00'), content: '反馈' });
    expect(expectRefused(before, 'invalid_input').fields?.at).toBe('操作时间不能早于上一步（2026-11-02 09:00）');
    const future = await o.t.call(o.clerk, 'warnings.feedback.create', { id: w.id, at: at('2026-11-02 10:00'), content: '反馈' });
    expect(expectRefused(future, 'invalid_input').fields?.at).toBe('反馈时间不能晚于现在');
    await o.t.close();
  });
});

describe('the feedback deadline and the alarm scheduler', () => {
  it('rings when red feedback is 24 hours late, names the warning, and stops when feedback comes', async () => {
    const o = await matterOffice();
    const w = await o.t.ok(o.clerk, 'warnings.issue', warningInput(o));
    await o.t.app.scheduler.tick();
    await o.setClock('2026-11-03 08:59');
    expect(await o.t.app.scheduler.tick()).toEqual([]);

    await o.setClock('2026-11-03 09:00');
    const fired = await o.t.app.scheduler.tick();
    expect(fired.map((f) => f.step)).toEqual(['fired']);
    const alarms = await o.t.ok(o.officer, 'alarms.list', {});
    expect(alarms.rows.map((a) => [a.kind, a.deadlineKind, a.subjectType, a.subjectNumber, a.subjectSummary, a.dueAt])).toEqual([
      ['due', 'warning_feedback', 'warning', '预警〔2026〕1号', '东风村部分村民对征地补偿方案有异议', at('2026-11-03 09:00')],
    ]);
    // Nobody is on the roster in this office: the alarm goes to the leader and the admin, and says so.
    expect(alarms.rows[0]?.noOneOnDuty).toBe(true);

    await o.setClock('2026-11-03 09:20');
    await o.t.ok(o.clerk, 'warnings.feedback.create', { id: w.id, content: '村支书已到现场，正在做工作' });
    expect((await o.t.ok(o.officer, 'alarms.list', {})).rows).toEqual([]);
    const all = await o.t.ok(o.officer, 'alarms.list', { scope: 'all' });
    expect(all.rows.map((a) => a.status)).toEqual(['resolved']);
    await o.t.close();
  });

  it('a blue warning gets pre-alarms in office hours before its 7-day deadline, as other deadlines do', async () => {
    const o = await matterOffice();
    const w = await o.t.ok(o.clerk, 'warnings.issue', warningInput(o, blue));
    // Due Mon 11-09 09:00: pre-alarms at 09:00 three days and one day before (the morning of the last day
    // would be the due time itself, so the due alarm stands for it).
    const rows = await o.t.app.core.db
      .selectFrom('alarms')
      .innerJoin('deadlines', 'deadlines.id', 'alarms.deadline_id')
      .select(['alarms.kind', 'alarms.fire_at'])
      .where('deadlines.subject_type', '=', 'warning')
      .where('deadlines.subject_id', '=', w.id)
      .orderBy('alarms.fire_at')
      .execute();
    expect(rows).toEqual([
      { kind: 'pre', fire_at: at('2026-11-06 09:00') },
      { kind: 'pre', fire_at: at('2026-11-08 09:00') },
      { kind: 'due', fire_at: at('2026-11-09 09:00') },
    ]);
    await o.t.close();
  });
});
