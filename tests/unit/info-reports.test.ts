/**
 * Information reports (信息报告) as the office receives and works them: the time limit from discovery to
 * report (重大 1 hour, 重要 2 hours, 一般 the same day; holidays change nothing), times that cannot be, the
 * workflow (核实 → 研判 → 审核 → 报送上级), follow-ups (续报) chained to the first report, the link to a
 * petition, and the office's mark when the unit concealed (瞒报) or missed (漏报) an event.
 * Office time is Asia/Shanghai.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportInput } from '../../shared/api';
import { at } from './support/test-app';
import { HOUR, MINUTE, matterOffice, type MatterOffice } from './support/matters';
import { expectRefused } from './support/refusals';

let o: MatterOffice;
beforeAll(async () => {
  o = await matterOffice({ now: '2026-11-03 09:00' });
});
afterAll(() => o.t.close());

function report(overrides: Partial<ReportInput> = {}): ReportInput {
  return {
    unitId: o.units.dongfeng,
    type: 'dispute',
    severity: 'general',
    foundAt: at('2026-11-03 08:00'),
    place: '东风村3组',
    peopleCount: 6,
    summary: '东风村两户村民因宅基地边界发生争执',
    content: '两户村民因院墙边界争执，村调解员已到场',
    demands: '要求重新确认宅基地边界',
    ...overrides,
  };
}

describe('time limits', () => {
  it('一般: found 23:30, reported 00:10 the next day is 10 minutes late (the limit is 24:00 of the day found)', async () => {
    const r = await o.t.ok(o.clerk, 'reports.create', report({ foundAt: at('2026-11-02 23:30'), reportedAt: at('2026-11-03 00:10') }));
    expect([r.limitAt, r.late, r.lateMs]).toEqual([at('2026-11-03 00:00'), true, 10 * MINUTE]);
    const d = await o.t.ok(o.clerk, 'reports.get', { id: r.id });
    expect([d.late, d.lateMs, d.limitAt]).toEqual([true, 10 * MINUTE, at('2026-11-03 00:00')]);
  });

  it('一般: found 00:05, reported 23:50 the same day is on time', async () => {
    const r = await o.t.ok(o.clerk, 'reports.create', report({ foundAt: at('2026-11-02 00:05'), reportedAt: at('2026-11-02 23:50') }));
    expect([r.late, r.lateMs]).toEqual([false, 0]);
  });

  it('重大: found 90 minutes before it is reported (now) is 30 minutes late; 重要 with the same times is on time', async () => {
    const major = await o.t.ok(o.clerk, 'reports.create', report({ severity: 'major', foundAt: at('2026-11-03 07:30') }));
    expect([major.limitAt, major.lateMs]).toEqual([at('2026-11-03 08:30'), 30 * MINUTE]);
    const important = await o.t.ok(o.clerk, 'reports.create', report({ severity: 'important', foundAt: at('2026-11-03 07:30') }));
    expect([important.limitAt, important.late]).toEqual([at('2026-11-03 09:30'), false]);
  });

  it('重要 across midnight: found 23:00, reported 00:30 is on time (limit 01:00)', async () => {
    const r = await o.t.ok(o.clerk, 'reports.create', report({ severity: 'important', foundAt: at('2026-11-02 23:00'), reportedAt: at('2026-11-03 00:30') }));
    expect([r.limitAt, r.late]).toEqual([at('2026-11-03 01:00'), false]);
  });

  it('a holiday does not extend the limit: found on National Day evening, reported the next morning is late', async () => {
    const days = await o.t.ok(o.clerk, 'calendar.days.list', { year: 2026 });
    expect(days.find((d) => d.date === '2026-10-01')).toMatchObject({ isOffDay: true });
    const general = await o.t.ok(o.clerk, 'reports.create', report({ foundAt: at('2026-10-01 20:00'), reportedAt: at('2026-10-02 08:00') }));
    expect([general.limitAt, general.lateMs]).toEqual([at('2026-10-02 00:00'), 8 * HOUR]);
    const major = await o.t.ok(o.clerk, 'reports.create', report({ severity: 'major', foundAt: at('2026-10-03 10:00'), reportedAt: at('2026-10-03 10:45') }));
    expect(major.late).toBe(false);
  });

  it('uses the limits the admin sets; reports already made keep their judgement', async () => {
    const first = await o.t.ok(o.clerk, 'reports.create', report({ severity: 'major', foundAt: at('2026-11-03 08:20') }));
    expect(first.lateMs).toBe(0);
    const settings = await o.t.ok(o.clerk, 'reports.settings.get', {});
    expect(settings).toEqual({ limits: { major: { kind: 'minutes', minutes: 60 }, important: { kind: 'minutes', minutes: 120 }, general: { kind: 'same_day' } } });
    const forbidden = await o.t.call(o.clerk, 'reports.settings.update', { limits: { ...settings.limits, major: { kind: 'minutes', minutes: 30 } } });
    expectRefused(forbidden, 'forbidden');
    const zero = await o.t.call(o.admin, 'reports.settings.update', { limits: { ...settings.limits, major: { kind: 'minutes', minutes: 0 } } });
    expect(expectRefused(zero, 'invalid_input').fields?.['limits.major.minutes']).toBe('重大信息的报告时限应为1到1440分钟之间的整数');
    await o.t.ok(o.admin, 'reports.settings.update', { limits: { ...settings.limits, major: { kind: 'minutes', minutes: 30 } } });
    try {
      const second = await o.t.ok(o.clerk, 'reports.create', report({ severity: 'major', foundAt: at('2026-11-03 08:20') }));
      // Found 08:20, 30 minutes allowed, reported 09:00: 10 minutes late.
      expect(second.lateMs).toBe(10 * MINUTE);
      expect((await o.t.ok(o.clerk, 'reports.get', { id: first.id })).lateMs).toBe(0);
      const audit = await o.t.ok(o.admin, 'audit.list', {});
      expect(audit.rows[0]?.action).toBe('report.submit');
      expect(audit.rows.some((r) => r.action === 'report.settings')).toBe(true);
    } finally {
      await o.t.ok(o.admin, 'reports.settings.update', settings);
    }
  });
});

describe('times that cannot be', () => {
  it('refuses a discovery or report time more than 5 minutes ahead of now', async () => {
    const found = await o.t.call(o.clerk, 'reports.create', report({ foundAt: at('2026-11-03 09:10') }));
    expect(expectRefused(found, 'invalid_input').fields?.foundAt).toBe('发现时间不能晚于现在，请核对（电脑时间允许有5分钟误差）');
    const reported = await o.t.call(o.clerk, 'reports.create', report({ reportedAt: at('2026-11-03 09:10') }));
    expect(expectRefused(reported, 'invalid_input').fields?.reportedAt).toBe('报告时间不能晚于现在，请核对（电脑时间允许有5分钟误差）');
    // Four minutes ahead is the PC clock drifting, not a mistake.
    const drift = await o.t.call(o.clerk, 'reports.create', report({ foundAt: at('2026-11-03 09:00'), reportedAt: at('2026-11-03 09:04') }));
    expect(drift.ok).toBe(true);
  });

  it('refuses a discovery after the report, naming both times', async () => {
    const r = await o.t.call(o.clerk, 'reports.create', report({ foundAt: at('2026-11-03 08:30'), reportedAt: at('2026-11-03 08:00') }));
    expect(expectRefused(r, 'invalid_input').fields?.foundAt).toBe('发现时间（2026-11-03 08:30）不能晚于报告时间（2026-11-03 08:00），请核对');
  });

  it('needs a unit and a type for a first report', async () => {
    const noUnit = await o.t.call(o.clerk, 'reports.create', report({ unitId: null }));
    expect(expectRefused(noUnit, 'invalid_input').fields?.unitId).toBe('请选择报告单位');
    const noType = await o.t.call(o.clerk, 'reports.create', report({ type: null }));
    expect(expectRefused(noType, 'invalid_input').fields?.type).toBe('请选择信息类型');
  });
});

describe('workflow', () => {
  it('goes 报送 → 核实 → 研判 → 审核 (a leader) → 报送上级, refusing every other step with what is possible', async () => {
    const { id, number } = await o.t.ok(o.clerk, 'reports.create', report());
    expect(number).toMatch(/^信报〔2026〕\d+号$/);
    let d = await o.t.ok(o.clerk, 'reports.get', { id });
    expect([d.status, d.allowedActions]).toEqual(['submitted', ['verify']]);

    const early = await o.t.call(o.leader, 'reports.transition', { id, action: 'approve' });
    expectRefused(early, 'illegal_transition', '当前状态为“已报送”，不能进行“审核”。可以进行的操作：核实');
    const noResult = await o.t.call(o.clerk, 'reports.transition', { id, action: 'verify' });
    expect(expectRefused(noResult, 'invalid_input').fields?.verification).toBe('请选择核实结果（属实、部分属实或不属实）');
    d = await o.t.ok(o.clerk, 'reports.transition', { id, action: 'verify', verification: 'partly', note: '争执属实，人数为4人' });
    expect([d.status, d.verification, d.verificationNote]).toEqual(['verified', 'partly', '争执属实，人数为4人']);

    const noNature = await o.t.call(o.clerk, 'reports.transition', { id, action: 'analyse', urgency: 'normal', opinion: '由村调委会调解' });
    expect(expectRefused(noNature, 'invalid_input').fields?.nature).toBe('请填写事件性质');
    const noUrgency = await o.t.call(o.clerk, 'reports.transition', { id, action: 'analyse', nature: '邻里纠纷', opinion: '由村调委会调解' });
    expect(expectRefused(noUrgency, 'invalid_input').fields?.urgency).toBe('请选择紧急程度');
    d = await o.t.ok(o.clerk, 'reports.transition', { id, action: 'analyse', nature: '邻里纠纷', urgency: 'normal', opinion: '由村调委会调解，司法所指导' });
    expect([d.status, d.nature, d.urgency, d.opinion]).toEqual(['analysed', '邻里纠纷', 'normal', '由村调委会调解，司法所指导']);

    const clerkApproves = await o.t.call(o.clerk, 'reports.transition', { id, action: 'approve' });
    expectRefused(clerkApproves, 'forbidden', '信息报告须由领导审核，请由领导账号登录后审核');
    d = await o.t.ok(o.leader, 'reports.transition', { id, action: 'approve', note: '同意上报' });
    expect([d.status, d.approvedByName, d.approvedAt]).toEqual(['approved', '张镇长', at('2026-11-03 09:00')]);

    const noBody = await o.t.call(o.clerk, 'reports.transition', { id, action: 'forward' });
    expect(expectRefused(noBody, 'invalid_input').fields?.forwardTo).toBe('请填写报送单位（如县信访局）');
    d = await o.t.ok(o.clerk, 'reports.transition', { id, action: 'forward', forwardTo: '县信访局' });
    expect([d.status, d.forwardTo, d.allowedActions]).toEqual(['forwarded', '县信访局', []]);

    const again = await o.t.call(o.clerk, 'reports.transition', { id, action: 'verify', verification: 'true' });
    expectRefused(again, 'illegal_transition', '这份信息报告已报送上级，不能再进行“核实”；如有新情况，请续报');
    expect(d.steps.map((s) => [s.action, s.fromStatus, s.toStatus, s.userName])).toEqual([
      ['submit', null, 'submitted', '李登记'],
      ['verify', 'submitted', 'verified', '李登记'],
      ['analyse', 'verified', 'analysed', '李登记'],
      ['approve', 'analysed', 'approved', '张镇长'],
      ['forward', 'approved', 'forwarded', '李登记'],
    ]);
  });

  it('a duty officer may take a report at night but not work it', async () => {
    const r = await o.t.ok(o.officer, 'reports.create', report({ foundAt: at('2026-11-03 02:00'), reportedAt: at('2026-11-03 02:20') }));
    const work = await o.t.call(o.officer, 'reports.transition', { id: r.id, action: 'verify', verification: 'true' });
    expectRefused(work, 'forbidden');
  });
});

describe('follow-ups (续报)', () => {
  it('inherit the first report’s unit and type and form one chain, whichever report they follow', async () => {
    const first = await o.t.ok(o.clerk, 'reports.create', report({ type: 'collective_sign', severity: 'important', summary: '东风村村民酝酿集体上访' }));
    const f1 = await o.t.ok(o.clerk, 'reports.create', {
      parentId: first.id,
      unitId: o.units.hongqi,
      severity: 'major',
      foundAt: at('2026-11-03 08:50'),
      summary: '续报：村民已租车两辆',
      content: '约30名村民集中在村委会门口',
    });
    const f2 = await o.t.ok(o.clerk, 'reports.create', {
      parentId: f1.id,
      severity: 'important',
      foundAt: at('2026-11-03 08:55'),
      summary: '续报：经劝导村民已散去',
      content: '镇村干部到场劝导，村民同意派代表协商',
    });
    const d1 = await o.t.ok(o.clerk, 'reports.get', { id: f1.id });
    expect([d1.unitId, d1.type, d1.parentId, d1.rootId, d1.followSeq]).toEqual([o.units.dongfeng, 'collective_sign', first.id, first.id, 1]);
    const d2 = await o.t.ok(o.clerk, 'reports.get', { id: f2.id });
    expect([d2.parentId, d2.rootId, d2.followSeq]).toEqual([f1.id, first.id, 2]);
    const chain = (await o.t.ok(o.clerk, 'reports.get', { id: first.id })).chain;
    expect(chain.map((c) => [c.id, c.followSeq, c.summary])).toEqual([
      [first.id, 0, '东风村村民酝酿集体上访'],
      [f1.id, 1, '续报：村民已租车两辆'],
      [f2.id, 2, '续报：经劝导村民已散去'],
    ]);
    expect(d2.chain).toEqual(chain);
    expect(d2.steps[0]?.action).toBe('follow_up');
    const ghost = await o.t.call(o.clerk, 'reports.create', { parentId: 99_999, severity: 'general', foundAt: at('2026-11-03 08:00'), summary: '续报', content: '内容' });
    expect(expectRefused(ghost, 'invalid_input').fields?.parentId).toBe('要续报的原信息报告不存在');
  });
});

describe('links and marks', () => {
  it('links to a petition, and raises a warning that the report then lists', async () => {
    const petition = await o.t.ok(o.clerk, 'petitions.create', {
      channel: 'visit',
      receivedAt: at('2026-11-03 08:30'),
      petitioners: [{ name: '张三', address: '东风村3组' }],
      peopleCount: 1,
      category: 'claim',
      claimItem: 6,
      summary: '反映宅基地边界纠纷',
      request: '要求重新确认边界',
    });
    const r = await o.t.ok(o.clerk, 'reports.create', report({ petitionId: petition.id }));
    let d = await o.t.ok(o.clerk, 'reports.get', { id: r.id });
    expect(d.petition).toEqual({ id: petition.id, number: petition.number, summary: '反映宅基地边界纠纷', status: 'registered' });
    d = await o.t.ok(o.clerk, 'reports.linkPetition', { id: r.id, petitionId: null });
    expect([d.petition, d.petitionId]).toEqual([null, null]);
    const ghost = await o.t.call(o.clerk, 'reports.linkPetition', { id: r.id, petitionId: 99_999 });
    expect(expectRefused(ghost, 'invalid_input').fields?.petitionId).toBe('要关联的信访事项不存在');
    d = await o.t.ok(o.clerk, 'reports.linkPetition', { id: r.id, petitionId: petition.id });
    expect(d.petitionId).toBe(petition.id);

    const w = await o.t.ok(o.clerk, 'warnings.issue', {
      title: '东风村宅基地纠纷可能激化',
      unitId: o.units.dongfeng,
      peopleCount: 6,
      escalation: 'county',
      grievance: '两户村民争执升级，一方扬言到县里上访',
      reportIds: [r.id],
      petitionIds: [petition.id],
      responsibleUnitId: o.units.dongfeng,
      leadLeaderId: o.leaderId,
    });
    d = await o.t.ok(o.clerk, 'reports.get', { id: r.id });
    expect(d.warnings).toEqual([{ id: w.id, number: w.number, title: '东风村宅基地纠纷可能激化', level: 'blue', status: 'active' }]);
  });

  it('marks a report 瞒报 with a note, which the list can find; the mark can be taken back', async () => {
    const r = await o.t.ok(o.clerk, 'reports.create', report({ unitId: o.units.hongqi, summary: '红旗村养殖场污水外排引发纠纷' }));
    const noNote = await o.t.call(o.clerk, 'reports.flag', { id: r.id, flag: 'concealed' });
    expect(expectRefused(noNote, 'invalid_input').fields?.note).toBe('请填写情况说明（从何处得知、为何认定）');
    let d = await o.t.ok(o.clerk, 'reports.flag', { id: r.id, flag: 'concealed', note: '县环保局通报得知，村里此前已知情未报' });
    expect([d.flag, d.flagNote, d.flaggedAt]).toEqual(['concealed', '县环保局通报得知，村里此前已知情未报', at('2026-11-03 09:00')]);
    const flagged = await o.t.ok(o.clerk, 'reports.list', { flaggedOnly: true });
    expect(flagged.rows.map((x) => x.id)).toContain(r.id);
    expect(flagged.rows.every((x) => x.flag !== null)).toBe(true);
    d = await o.t.ok(o.clerk, 'reports.flag', { id: r.id, flag: null });
    expect([d.flag, d.flagNote]).toEqual([null, '']);
    expect(d.steps.map((s) => s.action)).toEqual(['submit', 'flag', 'flag']);
  });

  it('lists by unit, lateness and text', async () => {
    const late = await o.t.ok(o.clerk, 'reports.list', { lateOnly: true });
    expect(late.total).toBeGreaterThan(0);
    expect(late.rows.every((r) => r.late && r.lateMs > 0)).toBe(true);
    const hongqi = await o.t.ok(o.clerk, 'reports.list', { unitId: o.units.hongqi });
    expect(hongqi.rows.every((r) => r.unitName === '红旗村')).toBe(true);
    const text = await o.t.ok(o.clerk, 'reports.list', { query: '养殖场' });
    expect(text.rows.map((r) => r.summary)).toEqual(['红旗村养殖场污水外排引发纠纷']);
  });

  it('refuses a phone or ID number written into the report', async () => {
    const r = await o.t.call(o.clerk, 'reports.create', report({ content: '当事人王某（电话13912345678）情绪激动' }));
    expect(expectRefused(r, 'invalid_input').fields?.content).toBe('“事件情况”中有像身份证号码或电话号码的内容。信息报告只写事件，不记录个人号码，请删除后再保存');
  });
});
