/**
 * The notice workflow as the office lives it: a draft filled from the records, edited, submitted, refused to a
 * clerk and signed off by a leader (who gets the next number of the kind for the year, with no gaps), frozen
 * (the HTML hashes to the stored SHA-256, also after the app is closed and opened again), printed into the
 * archive, and corrected only by a new notice that supersedes it. And the confidentiality rule: a notice to an
 * accused unit never carries the accuser's identity or the accusation itself.
 * Office time is Asia/Shanghai; the clock starts on Monday 2026-11-02 09:00.
 */
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { NoticeDetail, PetitionInput } from '../../shared/api';
import { matterOffice, warningInput, type MatterOffice } from './support/matters';
import { htmlText } from '../../main/core/notices';
import { chromiumPath, chromiumPdfMaker } from '../../main/host/pdf';
import { expectRefused } from './support/refusals';

const sha = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');

/** 检举控告: 刘某某 accuses cadres of 红旗村. */
const ACCUSER = { name: '刘某某', idNumber: '11010519491231002X', phone: '13912345678', address: '红旗村五组18号' };
const ACCUSATION = '红旗村村委会主任在低保评定中优亲厚友，把自己亲属列入低保名单';

function accusationInput(o: MatterOffice, overrides: Partial<PetitionInput> = {}): PetitionInput {
  return {
    channel: 'letter',
    receivedAt: o.t.clock.now() - 3_600_000,
    petitioners: [ACCUSER],
    peopleCount: 1,
    category: 'accusation',
    unitId: o.units.hongqi,
    summary: '检举红旗村干部低保评定问题',
    request: ACCUSATION,
    factsReasons: '举报人称2026年低保名单中有三户是村主任的亲属，家庭条件明显较好',
    ...overrides,
  };
}

async function signedWarningNotice(o: MatterOffice): Promise<NoticeDetail> {
  const w = await o.t.ok(o.clerk, 'warnings.issue', warningInput(o));
  const draft = await o.t.ok(o.clerk, 'notices.create', { kind: 'warning_notice', warningId: w.id });
  await o.t.ok(o.clerk, 'notices.submit', { id: draft.id });
  return o.t.ok(o.leader, 'notices.sign', { id: draft.id });
}

describe('drafting from a warning', () => {
  it('fills a 预警通知书 to the responsible unit, which the clerk edits while it is a draft', async () => {
    const o = await matterOffice();
    const w = await o.t.ok(o.clerk, 'warnings.issue', warningInput(o));
    const draft = await o.t.ok(o.clerk, 'notices.create', { kind: 'warning_notice', warningId: w.id });
    expect(draft).toMatchObject({
      status: 'draft',
      docNumber: null,
      title: '关于东风村部分村民对征地补偿方案有异议的预警通知书',
      addressee: '东风村',
      subjectLabel: '预警〔2026〕1号',
      allowedActions: ['edit', 'submit'],
      withheld: [],
    });
    const text = draft.body.map((b) => (b.type === 'table' ? '' : b.text)).join('\n');
    expect(text).toContain('达到红色预警（预警〔2026〕1号）');
    expect(text).toContain('包案领导张镇长同志');
    // Red: feedback within 24 hours of issue (Mon 09:00 → Tue 09:00).
    expect(text).toContain('请于2026年11月3日9时00分前将化解进展书面反馈镇信访办。');

    const body = [...draft.body, { type: 'paragraph' as const, text: '请你单位于本周内召开村民代表会议。' }];
    const edited = await o.t.ok(o.clerk, 'notices.update', { id: draft.id, title: draft.title, addressee: draft.addressee, body, note: '联系人：李登记', copyTo: ['镇综治办'] });
    expect(edited.body.at(-1)).toEqual({ type: 'paragraph', text: '请你单位于本周内召开村民代表会议。' });
    expect(edited.copyTo).toEqual(['镇综治办']);
    const html = await o.t.ok(o.clerk, 'notices.html.get', { id: draft.id });
    expect(html.frozen).toBe(false);
    expect(htmlText(html.html)).toContain('请你单位于本周内召开村民代表会议。');
    await o.t.close();
  });

  it('refuses an empty body, a phone number in a warning report and a month that is not a month, and changes nothing', async () => {
    const o = await matterOffice();
    const w = await o.t.ok(o.clerk, 'warnings.issue', warningInput(o));
    const draft = await o.t.ok(o.clerk, 'notices.create', { kind: 'warning_report', warningId: w.id });
    const empty = await o.t.call(o.clerk, 'notices.update', { id: draft.id, title: draft.title, addressee: draft.addressee, body: [{ type: 'paragraph', text: '  ' }], note: '', copyTo: [] });
    expect(expectRefused(empty, 'invalid_input').fields?.body).toBe('正文不能为空');
    const phone = await o.t.call(o.clerk, 'notices.update', { id: draft.id, title: draft.title, addressee: draft.addressee, body: [...draft.body, { type: 'paragraph', text: '村民张某（13912345678）多次反映' }], note: '', copyTo: [] });
    expect(expectRefused(phone, 'invalid_input').fields?.body).toBe('预警、信息报告和值班表类文书只写事项，不写个人的身份证号码或手机、电话号码，请删去后再保存');
    expect((await o.t.ok(o.clerk, 'notices.get', { id: draft.id })).body).toEqual(draft.body);
    const month = await o.t.call(o.clerk, 'notices.create', { kind: 'duty_roster', month: '2026-13' });
    expectRefused(month, 'invalid_input', '月份的格式不对，应为 2026-12');
    expect((await o.t.ok(o.clerk, 'notices.list', {})).total).toBe(1);
    await o.t.close();
  });
});

describe('supervision and information reports', () => {
  it('the 督办通知书 gives the supervision deadline once feedback is late, and the report reads as sentences', async () => {
    const o = await matterOffice();
    const w = await o.t.ok(o.clerk, 'warnings.issue', warningInput(o));
    await o.setClock('2026-11-03 10:00');
    await o.t.ok(o.clerk, 'warnings.supervise', { id: w.id, note: '反馈超期' });
    const notice = await o.t.ok(o.clerk, 'notices.create', { kind: 'supervision_notice', warningId: w.id });
    const text = notice.body.map((b) => (b.type === 'table' ? '' : b.text)).join('\n');
    expect(notice.title).toBe('关于督办东风村部分村民对征地补偿方案有异议化解工作的通知');
    expect(text).toContain('要求于2026年11月3日9时00分前反馈化解进展。截至目前，你单位尚未按要求反馈。');
    // Supervision gives 24 hours by default: Tue 10:00 → Wed 10:00.
    expect(text).toContain('请于2026年11月4日10时00分前将办理情况书面报送镇信访办。');

    const r = await o.t.ok(o.officer, 'reports.create', {
      unitId: o.units.dongfeng,
      type: 'dispute',
      severity: 'important',
      foundAt: o.t.clock.now() - 3_600_000,
      place: '东风村村委会',
      peopleCount: 8,
      summary: '东风村村民聚集反映补偿问题',
      content: '8名村民到村委会反映征地补偿款问题，情绪较为激动',
      demands: '要求尽快发放补偿款',
    });
    const report = await o.t.ok(o.clerk, 'notices.create', { kind: 'info_report', reportId: r.id });
    expect(report).toMatchObject({ title: '关于东风村村民聚集反映补偿问题的信息报告', addressee: '县信访局' });
    expect(report.body.map((b) => (b.type === 'table' ? '' : b.text))).toEqual([
      '2026年11月3日9时00分，东风村在东风村村委会发现矛盾纠纷（重要），涉及8人。现将有关情况报告如下：',
      '一、基本情况',
      '8名村民到村委会反映征地补偿款问题，情绪较为激动。',
      '二、群众诉求',
      '要求尽快发放补偿款。',
      '有关情况将及时续报。',
      '特此报告。',
    ]);
    const wrong = await o.t.call(o.clerk, 'notices.create', { kind: 'info_followup', reportId: r.id });
    expectRefused(wrong, 'invalid_input', '这份信息报告是首报，请选择“信息报告”文种');
    await o.t.close();
  });
});

describe('sign-off', () => {
  it('is refused to a clerk with a message that says who signs, and takes no number', async () => {
    const o = await matterOffice();
    const w = await o.t.ok(o.clerk, 'warnings.issue', warningInput(o));
    const draft = await o.t.ok(o.clerk, 'notices.create', { kind: 'warning_notice', warningId: w.id });
    const early = await o.t.call(o.leader, 'notices.sign', { id: draft.id });
    expectRefused(early, 'illegal_transition', '草稿须先送签发，再由领导签发');
    const submitted = await o.t.ok(o.clerk, 'notices.submit', { id: draft.id });
    expect(submitted.allowedActions).toEqual([]);
    const refused = await o.t.call(o.clerk, 'notices.sign', { id: draft.id });
    expectRefused(refused, 'forbidden', '只有领导可以签发文书。您当前的账号不是领导，请由领导登录后签发');
    const edit = await o.t.call(o.clerk, 'notices.update', { id: draft.id, title: '改', addressee: draft.addressee, body: draft.body, note: '', copyTo: [] });
    expectRefused(edit, 'illegal_transition', '文书已送签发，不能修改；如需修改，请领导先退回');

    const leaderView = await o.t.ok(o.leader, 'notices.get', { id: draft.id });
    expect(leaderView.allowedActions).toEqual(['sign', 'return']);
    const signed = await o.t.ok(o.leader, 'notices.sign', { id: draft.id });
    // The refused attempt took no number: the first sign-off of the year is 1号.
    expect(signed).toMatchObject({ status: 'signed', docNumber: '信预〔2026〕1号', signedByName: '张镇长', signedAt: o.t.clock.now() });
    await o.t.close();
  });

  it('numbers each kind from its own sequence for the year, without gaps, and starts again in a new year', async () => {
    const o = await matterOffice({ now: '2026-12-31 09:00' });
    const first = await signedWarningNotice(o);
    const second = await signedWarningNotice(o);
    const w = await o.t.ok(o.clerk, 'warnings.issue', warningInput(o));
    const report = await o.t.ok(o.clerk, 'notices.create', { kind: 'warning_report', warningId: w.id });
    await o.t.ok(o.clerk, 'notices.submit', { id: report.id });
    const r = await o.t.ok(o.leader, 'notices.sign', { id: report.id });
    expect([first.docNumber, second.docNumber, r.docNumber]).toEqual(['信预〔2026〕1号', '信预〔2026〕2号', '信预报〔2026〕1号']);
    await o.setClock('2027-01-04 09:00');
    const next = await signedWarningNotice(o);
    expect(next.docNumber).toBe('信预〔2027〕1号');
    await o.t.close();
  });

  it('freezes the HTML: signed text cannot change, prints are the same bytes, and each print is archived', async () => {
    const o = await matterOffice();
    const signed = await signedWarningNotice(o);
    const html = await o.t.ok(o.clerk, 'notices.html.get', { id: signed.id });
    expect(html.frozen).toBe(true);
    expect(sha(html.html)).toBe(signed.sha256);
    expect(htmlText(html.html)).toContain('信预〔2026〕1号');
    expect(htmlText(html.html)).toContain('2026年11月2日');

    const edit = await o.t.call(o.clerk, 'notices.update', { id: signed.id, title: '改标题', addressee: signed.addressee, body: signed.body, note: '', copyTo: [] });
    expectRefused(edit, 'illegal_transition', '文书已签发定稿，不能修改；如需更正，请起草更正文书');
    const badCopies = await o.t.call(o.clerk, 'notices.prints.create', { id: signed.id, copies: 0, format: 'paper' });
    expectRefused(badCopies, 'invalid_input');

    o.t.clock.advance(3_600_000);
    const printed = await o.t.ok(o.clerk, 'notices.prints.create', { id: signed.id, copies: 3, format: 'paper' });
    expect(printed).toMatchObject({ status: 'printed', printCount: 1, copiesPrinted: 3 });
    expect(printed.prints).toEqual([expect.objectContaining({ userName: '李登记', copies: 3, format: 'paper', sha256: signed.sha256 })]);
    expect((await o.t.ok(o.clerk, 'notices.html.get', { id: signed.id })).html).toBe(html.html);
    const list = await o.t.ok(o.clerk, 'notices.list', {});
    expect(list.rows[0]).toMatchObject({ docNumber: '信预〔2026〕1号', status: 'printed', printCount: 1, signedByName: '张镇长' });

    const audit = await o.t.ok(o.admin, 'audit.list', { page: 1, pageSize: 20 });
    expect(audit.rows.map((r) => r.action).filter((a) => a.startsWith('notice.'))).toEqual(['notice.print', 'notice.sign', 'notice.submit', 'notice.create']);
    await o.t.close();
  });

  it('is corrected by a new notice that supersedes the old one once it is signed', async () => {
    const o = await matterOffice();
    const old = await signedWarningNotice(o);
    const correction = await o.t.ok(o.clerk, 'notices.supersede', { id: old.id });
    expect(correction).toMatchObject({ status: 'draft', supersedesId: old.id, supersedesNumber: '信预〔2026〕1号', title: old.title });
    const again = await o.t.call(o.clerk, 'notices.supersede', { id: old.id });
    expectRefused(again, 'conflict', '这份文书已有一份正在起草的更正文书，请继续完成那一份');
    await o.t.ok(o.clerk, 'notices.submit', { id: correction.id });
    const signed = await o.t.ok(o.leader, 'notices.sign', { id: correction.id });
    expect(signed.docNumber).toBe('信预〔2026〕2号');
    const before = await o.t.ok(o.clerk, 'notices.get', { id: old.id });
    expect(before).toMatchObject({ supersededById: correction.id, supersededByNumber: '信预〔2026〕2号', sha256: old.sha256, allowedActions: ['print'] });
    await o.t.close();
  });
});

describe('settings', () => {
  it('numbers with the prefix the admin sets, and refuses a prefix with digits or brackets', async () => {
    const o = await matterOffice();
    const settings = await o.t.ok(o.clerk, 'notices.settings.get', {});
    expect(settings).toMatchObject({ issuerMark: '青山镇信访办文件', issuerName: '青山镇信访办', countyAddressee: '县信访局' });
    const bad = await o.t.call(o.admin, 'notices.settings.update', { ...settings, prefixes: { ...settings.prefixes, warning_notice: '信预1' } });
    expect(expectRefused(bad, 'invalid_input').fields?.['prefixes.warning_notice']).toBe('文号前缀只能是文字，不能含数字或括号');
    const clerkTry = await o.t.call(o.clerk, 'notices.settings.update', settings);
    expectRefused(clerkTry, 'forbidden');
    const seal = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';
    const notPng = await o.t.call(o.admin, 'notices.settings.update', { ...settings, sealDataUrl: 'data:image/jpeg;base64,/9j/4AAQ' });
    expect(expectRefused(notPng, 'invalid_input').fields?.sealDataUrl).toBe('印章须为 PNG 图片，请重新选择');
    await o.t.ok(o.admin, 'notices.settings.update', { ...settings, issuerMark: '青山镇人民政府文件', prefixes: { ...settings.prefixes, warning_notice: '青信预' }, sealDataUrl: seal });
    const w = await o.t.ok(o.clerk, 'warnings.issue', warningInput(o));
    const draft = await o.t.ok(o.clerk, 'notices.create', { kind: 'warning_notice', warningId: w.id });
    // The seal is pressed on the signed version only, never on a draft.
    expect((await o.t.ok(o.clerk, 'notices.html.get', { id: draft.id })).html).not.toContain(seal);
    await o.t.ok(o.clerk, 'notices.submit', { id: draft.id });
    const signed = await o.t.ok(o.leader, 'notices.sign', { id: draft.id });
    expect((await o.t.ok(o.clerk, 'notices.html.get', { id: signed.id })).html).toContain(seal);
    expect(signed.docNumber).toBe('青信预〔2026〕1号');
    expect(htmlText((await o.t.ok(o.clerk, 'notices.html.get', { id: signed.id })).html)).toContain('青山镇人民政府文件');
    await o.t.close();
  });
});

describe('after a restart', () => {
  it('the frozen HTML still hashes to the stored SHA-256 and is served byte for byte', async () => {
    const o = await matterOffice();
    const signed = await signedWarningNotice(o);
    const before = await o.t.ok(o.clerk, 'notices.html.get', { id: signed.id });

    const t = await o.t.reopen('2026-11-03 09:00');
    const { token } = await t.ok(null, 'auth.login', { username: 'clerk1', password: 'Passw0rd1' });
    const reopened = await t.ok(token, 'notices.get', { id: signed.id });
    const after = await t.ok(token, 'notices.html.get', { id: signed.id });
    expect(reopened.sha256).toBe(signed.sha256);
    expect(sha(after.html)).toBe(reopened.sha256);
    expect(after.html).toBe(before.html);
    await t.close();
  });
});

describe('confidentiality (《信访工作条例》第三十条)', () => {
  it('leaves the accuser and the accusation out of a 交办单 to the accused unit, and says why', async () => {
    const o = await matterOffice();
    const p = await o.t.ok(o.clerk, 'petitions.create', accusationInput(o));
    await o.t.ok(o.clerk, 'petitions.transition', { id: p.id, action: 'assign', unitId: o.units.hongqi });
    const slip = await o.t.ok(o.clerk, 'notices.create', { kind: 'assignment_slip', petitionId: p.id });
    expect(slip.addressee).toBe('红旗村');
    expect(slip.withheld).toHaveLength(1);
    expect(slip.withheld[0]).toContain('第三十条');
    const text = JSON.stringify(slip.body);
    for (const secret of [ACCUSER.name, ACCUSER.idNumber, ACCUSER.phone, ACCUSER.address, ACCUSATION]) expect(text).not.toContain(secret);
    expect(text).toContain('（依法保密）');
    expect(text).not.toContain('（依法保密），（依法保密）');

    // Putting the name back is refused, and says why.
    const body = [...slip.body, { type: 'paragraph' as const, text: `请与${ACCUSER.name}联系核实。` }];
    const refused = await o.t.call(o.clerk, 'notices.update', { id: slip.id, title: slip.title, addressee: slip.addressee, body, note: '', copyTo: [] });
    expect(expectRefused(refused, 'invalid_input').fields?.body).toBe(
      `这份文书发往被检举控告的单位“红旗村”，不能写入检举控告人的姓名（涉及${p.number}）。依照《信访工作条例》第三十条，检举控告人的身份和检举控告材料不得透露给被检举控告的单位，请删去后再保存`,
    );
    const phone = await o.t.call(o.clerk, 'notices.update', { id: slip.id, title: slip.title, addressee: slip.addressee, body: slip.body, note: '电话 139 1234 5678', copyTo: [] });
    expect(expectRefused(phone, 'invalid_input').fields?.body).toContain('联系电话');
    expect((await o.t.ok(o.clerk, 'notices.get', { id: slip.id })).body).toEqual(slip.body);
    const ofPetition = await o.t.ok(o.clerk, 'notices.list', { subjectType: 'petition', subjectId: p.id });
    expect(ofPetition.rows.map((r) => [r.kind, r.subjectLabel])).toEqual([['assignment_slip', p.number]]);

    // The signed HTML (and so every print) carries none of it either.
    await o.t.ok(o.clerk, 'notices.submit', { id: slip.id });
    await o.t.ok(o.leader, 'notices.sign', { id: slip.id });
    const html = htmlText((await o.t.ok(o.clerk, 'notices.html.get', { id: slip.id })).html);
    for (const secret of [ACCUSER.name, ACCUSER.idNumber, ACCUSER.phone, ACCUSER.address, ACCUSATION]) expect(html).not.toContain(secret);
    await o.t.close();
  });

  it('applies to warning notices to the accused unit too, and not to a unit nobody accuses', async () => {
    const o = await matterOffice();
    await o.t.ok(o.clerk, 'petitions.create', accusationInput(o));
    const w = await o.t.ok(o.clerk, 'warnings.issue', warningInput(o, { responsibleUnitId: o.units.hongqi, unitId: o.units.hongqi, title: '红旗村低保评定争议' }));
    const notice = await o.t.ok(o.clerk, 'notices.create', { kind: 'warning_notice', warningId: w.id });
    const body = [...notice.body, { type: 'paragraph' as const, text: `群众反映${ACCUSATION}。` }];
    const refused = await o.t.call(o.clerk, 'notices.update', { id: notice.id, title: notice.title, addressee: notice.addressee, body, note: '', copyTo: [] });
    expect(expectRefused(refused, 'invalid_input').fields?.body).toContain('检举控告材料的内容');

    const other = await o.t.ok(o.clerk, 'warnings.issue', warningInput(o));
    const toDongfeng = await o.t.ok(o.clerk, 'notices.create', { kind: 'warning_notice', warningId: other.id });
    const fine = await o.t.call(o.clerk, 'notices.update', { id: toDongfeng.id, title: toDongfeng.title, addressee: toDongfeng.addressee, body: [...toDongfeng.body, { type: 'paragraph', text: `请与${ACCUSER.name}联系。` }], note: '', copyTo: [] });
    expect(fine.ok).toBe(true);
    await o.t.close();
  });
});

describe('letters to petitioners', () => {
  it('the 信访处理意见书 carries the request, facts and reasons, decision and basis, and the 30-day review right', async () => {
    const o = await matterOffice();
    const p = await o.t.ok(o.clerk, 'petitions.create', {
      ...accusationInput(o),
      category: 'claim',
      claimItem: 6,
      unitId: o.units.dongfeng,
      petitioners: [{ name: '张三', address: '东风村3组' }],
      summary: '反映征地补偿款未足额发放',
      request: '要求补发征地补偿款',
      factsReasons: '2025年东风村征地，补偿款至今只发了一半',
    });
    await o.t.ok(o.clerk, 'petitions.transition', { id: p.id, action: 'accept' });
    await o.t.ok(o.clerk, 'petitions.transition', { id: p.id, action: 'start_handling', unitId: o.units.dongfeng, leaderId: o.leaderId });
    await o.t.ok(o.clerk, 'petitions.transition', { id: p.id, action: 'reply', decision: 'support', basis: '《土地管理法》第四十八条', note: '由东风村于12月底前补发剩余补偿款。' });
    const opinion = await o.t.ok(o.clerk, 'notices.create', { kind: 'handling_opinion', petitionId: p.id });
    expect(opinion).toMatchObject({ title: '信访处理意见书', addressee: '张三', format: 'letter' });
    const text = opinion.body.map((b) => (b.type === 'table' ? '' : b.text)).join('\n');
    for (const part of ['一、信访请求', '要求补发征地补偿款', '二、事实和理由', '补偿款至今只发了一半', '三、处理意见及依据', '予以支持', '由东风村于12月底前补发剩余补偿款。', '依据：《土地管理法》第四十八条', '30日内', '请求复查']) {
      expect(text).toContain(part);
    }
    const acceptance = await o.t.ok(o.clerk, 'notices.create', { kind: 'acceptance_notice', petitionId: p.id });
    expect(JSON.stringify(acceptance.body)).toContain('60日内办结');
    await o.t.close();
  });

  it('is refused for a petition without the name and address, with the reason', async () => {
    const o = await matterOffice();
    const p = await o.t.ok(o.clerk, 'petitions.create', { ...accusationInput(o), category: 'suggestion', petitioners: [{ name: '王某' }] });
    const r = await o.t.call(o.clerk, 'notices.create', { kind: 'acceptance_notice', petitionId: p.id });
    expectRefused(r, 'invalid_input', '没有留下信访人的姓名和住址');
    await o.t.close();
  });
});

describe('the duty roster', () => {
  it('lists every day of the month with the leader and the officer on duty', async () => {
    const o = await matterOffice();
    const roles = await o.t.ok(o.admin, 'duty.roles.list', {});
    const role = (key: string) => roles.find((r) => r.key === key)?.id ?? 0;
    await o.t.ok(o.admin, 'duty.rotations.create', { name: '带班', roleId: role('leader'), pattern: 'daily', startDate: '2026-12-01', members: [o.leaderId] });
    await o.t.ok(o.leader, 'duty.rotations.create', { name: '值班', roleId: role('officer'), pattern: 'daily', startDate: '2026-12-01', members: [o.clerkId] });
    const roster = await o.t.ok(o.clerk, 'notices.create', { kind: 'duty_roster', month: '2026-12' });
    expect(roster.title).toBe('2026年12月值班表');
    const table = roster.body.find((b) => b.type === 'table');
    expect(table?.type === 'table' && table.rows.length).toBe(32);
    expect(table?.type === 'table' && table.rows[1]).toEqual(['12月1日', '二', '张镇长', '李登记']);
    await o.t.close();
  });
});

describe('PDF', () => {
  it('says so when no Chromium is available to make one', async () => {
    const o = await matterOffice();
    const signed = await signedWarningNotice(o);
    const r = await o.t.call(o.clerk, 'notices.pdf.get', { id: signed.id });
    expectRefused(r, 'illegal_transition', '本机没有可用的 Chromium，无法生成PDF；请使用“打印”');
    await o.t.close();
  });

  it.skipIf(chromiumPath(process.env) === null)('is made from the frozen HTML, carries the number and no accuser identity, and is archived', async () => {
    const o = await matterOffice();
    const pdf = chromiumPdfMaker(process.env);
    if (!pdf) throw new Error('no chromium');
    const dataDir = await o.t.closeKeepingFolder();
    const { openApp } = await import('../../main/app');
    const { ManualClock } = await import('../../main/core/context');
    const app = await openApp({ dataDir, clock: new ManualClock(o.t.clock.now()), startScheduler: false, makePdf: (html) => pdf.make(html) });
    const call = async <T,>(session: string, name: string, input: unknown) => {
      const r = await app.api.call({ name, input, session });
      if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
      return r.value as T;
    };
    try {
      const clerk = (await call<{ token: string }>('', 'auth.login', { username: 'clerk1', password: 'Passw0rd1' })).token;
      const leader = (await call<{ token: string }>('', 'auth.login', { username: 'leader1', password: 'Passw0rd1' })).token;
      const p = await call<{ id: number }>(clerk, 'petitions.create', accusationInput({ ...o, t: { ...o.t, clock: o.t.clock } } as MatterOffice));
      await call(clerk, 'petitions.transition', { id: p.id, action: 'assign', unitId: o.units.hongqi });
      const slip = await call<NoticeDetail>(clerk, 'notices.create', { kind: 'assignment_slip', petitionId: p.id });
      await call(clerk, 'notices.submit', { id: slip.id });
      const signed = await call<NoticeDetail>(leader, 'notices.sign', { id: slip.id });
      const out = await call<{ fileName: string; base64: string; sha256: string }>(clerk, 'notices.pdf.get', { id: slip.id });
      expect(out.fileName).toBe('信交〔2026〕1号.pdf');
      const bytes = Buffer.from(out.base64, 'base64');
      expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
      const file = path.join(dataDir, 'n.pdf');
      fs.writeFileSync(file, bytes);
      const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
      expect(text).toContain('信交〔2026〕1号');
      for (const secret of [ACCUSER.name, ACCUSER.idNumber, ACCUSER.phone, ACCUSER.address]) expect(text).not.toContain(secret);
      const after = await call<NoticeDetail>(clerk, 'notices.get', { id: slip.id });
      expect(after.prints).toEqual([expect.objectContaining({ format: 'pdf', copies: 1, sha256: signed.sha256 })]);
    } finally {
      await pdf.close();
      await app.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }, 60_000);
});
