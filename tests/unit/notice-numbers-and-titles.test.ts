/**
 * Two notice frictions: an office landline in the 附注 was refused as personal data (and the error marked the
 * 正文), and a long title broke inside a word ("上/访"). Office numbers now pass in the 附注, personal
 * mobiles and ID numbers still do not, and each refusal marks the field that holds the text; the title breaks
 * only between words, checked on the printed PDF.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { matterOffice, type MatterOffice } from './support/matters';
import { renderNoticeHtml } from '../../main/core/notices/render';
import { titlePieces } from '../../main/core/notices/render/title-breaks';
import { openPrinter, readPdf, type Printer } from './support/pdf';
import { KIND_FIXTURES } from './support/pdf-fixtures';
import type { NoticeDetail } from '../../shared/api';

describe('phone numbers in a warning report', () => {
  let o: MatterOffice;
  let draft: NoticeDetail;
  beforeAll(async () => {
    o = await matterOffice();
    const w = await o.t.ok(o.clerk, 'warnings.issue', {
      title: '东风村部分村民对征地补偿方案有异议',
      unitId: o.units.dongfeng,
      peopleCount: 12,
      escalation: 'province',
      grievance: '村民认为补偿标准低于邻村',
      responsibleUnitId: o.units.dongfeng,
      leadLeaderId: o.leaderId,
    });
    draft = await o.t.ok(o.clerk, 'notices.create', { kind: 'warning_report', warningId: w.id });
  });
  afterAll(() => o.t.close());

  const edit = (patch: { note?: string; body?: NoticeDetail['body']; copyTo?: string[] }) =>
    o.t.call(o.clerk, 'notices.update', { id: draft.id, title: draft.title, addressee: draft.addressee, body: patch.body ?? draft.body, note: patch.note ?? '', copyTo: patch.copyTo ?? [] });

  it('takes the office landline in the 附注', async () => {
    const saved = await edit({ note: '联系人：刘登记，电话：0571-88880000' });
    expect(saved.ok).toBe(true);
    expect((await o.t.ok(o.clerk, 'notices.get', { id: draft.id })).note).toBe('联系人：刘登记，电话：0571-88880000');
  });

  it('refuses a mobile or an ID number in the 附注, marking the 附注 and saying what may stand there', async () => {
    for (const note of ['联系人：刘登记，电话：13912345678', '联系人：刘某，身份证11010519491231002X']) {
      const r = await edit({ note });
      expect(r.ok || r.error.fields).toEqual({ note: '附注只可写办公室的座机或文书设置中登记的办公电话，不写个人的手机号码或身份证号码，请删去后再保存' });
    }
  });

  it('takes the office duty mobile once the admin lists it among the office phones', async () => {
    const settings = await o.t.ok(o.admin, 'notices.settings.get', {});
    await o.t.ok(o.admin, 'notices.settings.update', { ...settings, officePhones: ['0571-88880000', '139 1234 5678'] });
    expect((await edit({ note: '值班电话：13912345678' })).ok).toBe(true);
    expect((await edit({ note: '村民电话：13812345678' })).ok).toBe(false);
  });

  it('still refuses a landline in the 正文 and in 抄送, each marking its own field', async () => {
    const body = await edit({ body: [...draft.body, { type: 'paragraph', text: '村民张某（0571-88881234）多次反映' }] });
    expect(body.ok || Object.keys(body.error.fields ?? {})).toEqual(['body']);
    const copy = await edit({ copyTo: ['东风村（13912345678）'] });
    expect(copy.ok || Object.keys(copy.error.fields ?? {})).toEqual(['copyTo']);
  });
});

// 20 characters fill a title line (156 mm of 2号, 22 pt); broken by character this one would end its first
// line on "上" and start the second with "访".
const TITLE = '关于红旗村的部分村民因拖欠工资多次集体上访问题的督办通知书';

describe('notice titles break between words', () => {
  let printer: Printer;
  beforeAll(async () => {
    printer = await openPrinter();
  }, 30_000);
  afterAll(() => printer?.close());

  it('cuts the title into words, keeping the office’s own words and a place name whole', () => {
    expect(titlePieces(TITLE)).toEqual(['关于', '红旗村的', '部分', '村民因', '拖欠', '工资', '多次', '集体上访', '问题的', '督办通知书']);
    expect(titlePieces('关于东风村村民有越级上访苗头的预警报告')).toEqual(['关于', '东风村', '村民有', '越级上访', '苗头的', '预警报告']);
    expect(titlePieces('短标题')).toEqual(['短标题']);
  });

  it('prints the second line starting with a whole word', async () => {
    const doc = { ...KIND_FIXTURES.find((d) => d.kind === 'supervision_notice')!, title: TITLE };
    const { pages } = await readPdf(await printer.pdf(renderNoticeHtml(doc)));
    const lines = pages[0]!.lines.filter((l) => Math.abs(l.size - (22 * 25.4) / 72) < 0.05).map((l) => l.text);
    expect(lines.join('')).toBe(TITLE);
    expect(lines.length).toBeGreaterThan(1);
    const pieces = titlePieces(TITLE);
    // Every line ends where a piece ends.
    let at = 0;
    const ends = new Set(pieces.map((p) => (at += p.length)));
    at = 0;
    for (const line of lines) expect(ends.has((at += line.length))).toBe(true);
    expect(lines[0]?.endsWith('上')).toBe(false);
  });
});
