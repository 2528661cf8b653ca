/**
 * One signed notice of every kind, filled the way the workflow fills them, plus a long one that runs to three
 * pages, for the typesetting tests. The seal is a small red ring drawn here as an SVG data: URL.
 */
import { NOTICE_KINDS, type BodyBlock, type NoticeDocument, type NoticeKind } from '../../../main/core/notices/document';

const p = (text: string): BodyBlock => ({ type: 'paragraph', text });
const h = (level: 1 | 2 | 3 | 4, text: string): BodyBlock => ({ type: 'heading', level, text });

const SEAL_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100"><circle cx="50" cy="50" r="46" fill="none" stroke="#e60012" stroke-width="4"/>' +
  '<path d="M50 28 L56 44 L73 44 L59 54 L64 71 L50 61 L36 71 L41 54 L27 44 L44 44 Z" fill="#e60012"/></svg>';
export const SEAL = `data:image/svg+xml;base64,${Buffer.from(SEAL_SVG).toString('base64')}`;

/** 28 characters exactly, no punctuation, so a full line of it breaks at 28 whatever the line-breaking rules. */
export const FULL_LINE = '各村社区要把矛盾纠纷排查化解作为当前一项重要工作抓紧抓实';

const LETTER_KINDS: readonly NoticeKind[] = ['acceptance_notice', 'non_acceptance_notice', 'handling_opinion'];

const base = (kind: NoticeKind, n: number): NoticeDocument => {
  const letter = LETTER_KINDS.includes(kind);
  return {
    kind,
    format: letter ? 'letter' : 'document',
    issuerMark: letter ? '青山镇信访工作领导小组办公室' : '青山镇信访工作领导小组办公室文件',
    issuerName: '青山镇信访工作领导小组办公室',
    docNumber: `青信${n}〔2026〕${n + 11}号`,
    title: '',
    addressee: '',
    body: [],
    date: '2026-11-28',
    note: null,
    copyTo: [],
    printedBy: '青山镇信访工作领导小组办公室',
    printedOn: '2026-11-28',
    sealDataUrl: SEAL,
    draft: false,
  };
};

const BODIES: Record<NoticeKind, Partial<NoticeDocument>> = {
  warning_report: {
    title: '关于东风村部分村民对征地补偿方案有异议的预警报告',
    addressee: '县信访局',
    body: [
      p('青山镇东风村村民对镇政府公布的东风村片区征地补偿方案有异议，反映补偿标准低于邻村、公示时间过短，约12人商议到县集中反映，有越级上访苗头，达到黄色预警。'),
      p('我镇已成立由分管副镇长包案的工作专班，责成东风村村委会逐户听取诉求、核实情况，于12月5日前书面反馈化解进展。'),
      p('特此报告。'),
    ],
    note: '联系人：王某，电话：0731-12345678',
    copyTo: ['镇党委办公室', '镇政府办公室'],
  },
  warning_notice: {
    title: '关于东风村部分村民对征地补偿方案有异议的预警通知书',
    addressee: '东风村村民委员会',
    body: [
      p('经排查研判，你村部分村民对征地补偿方案有异议，约12人有赴省上访的苗头，现发出黄色预警。'),
      h(1, '一、化解要求'),
      p('请你村在收到本通知书之日起3日内当面听取群众诉求，核实补偿标准和公示情况，开展调解，并书面答复群众。'),
      h(2, '（一）包案责任'),
      p('由镇分管领导包案，村党组织书记为第一责任人。'),
      h(1, '二、反馈时限'),
      p('请于2026年12月5日前将化解情况书面反馈镇信访办。'),
    ],
    copyTo: ['镇党委办公室'],
  },
  supervision_notice: {
    title: '关于督促反馈东风村征地补偿预警化解情况的督办通知书',
    addressee: '东风村村民委员会',
    body: [p('我办于2026年11月20日向你村发出预警通知书，要求于11月27日前反馈化解情况，至今未收到反馈。'), p('请于接到本通知书之日起2个工作日内书面反馈，逾期将报镇党委、政府通报。')],
  },
  assignment_slip: {
    title: '关于河道采砂噪音扰民问题的交办单',
    addressee: '镇水利站',
    body: [p('群众反映河道夜间采砂噪音扰民，影响休息。现交办你单位依法调查处理。'), p('请于15日内将办理结果书面报送镇信访办，并答复信访人。')],
  },
  acceptance_notice: {
    title: '信访事项受理告知书',
    addressee: '张某某',
    body: [p('你于2026年11月20日反映的宅基地确权问题，经审查符合受理条件，本机关决定受理。'), p('本机关将自受理之日起60日内办结，并书面答复你。')],
  },
  non_acceptance_notice: {
    title: '信访事项不予受理告知书',
    addressee: '李某某',
    body: [p('你于2026年11月18日反映的劳动合同纠纷问题，属于应当通过劳动争议仲裁解决的事项。'), p('根据《信访工作条例》第三十一条规定，本机关不予受理，请你依法向劳动人事争议仲裁委员会申请仲裁。')],
  },
  handling_opinion: {
    title: '信访事项处理意见书',
    addressee: '王某某',
    body: [
      h(1, '一、信访请求'),
      p('要求按照2025年新标准补发土地征收补偿款。'),
      h(1, '二、事实和理由'),
      p('经核实，你户被征收土地0.8亩，补偿已按县政府公布的标准足额发放。'),
      h(1, '三、处理意见'),
      p('根据《信访工作条例》第三十二条规定，对你的请求不予支持。'),
      p('如对本处理意见不服，可自收到本意见书之日起30日内向县人民政府请求复查。'),
    ],
  },
  info_report: {
    title: '关于红旗村山林权属纠纷的信息报告',
    addressee: '县委维稳办',
    body: [p('2026年11月27日9时，红旗村两个村民小组因山林权属发生争执，约20人聚集，无人员受伤。'), p('镇综治中心已组织调解，事态平稳，我们将继续跟踪并及时续报。')],
  },
  info_followup: {
    title: '关于红旗村山林权属纠纷的续报',
    addressee: '县委维稳办',
    body: [p('经调解，双方同意以1983年林权证为准重新勘界，聚集人员已散去。'), p('下一步由镇林业站牵头，于12月10日前完成勘界。')],
  },
  duty_roster: {
    title: '青山镇信访工作2026年12月值班表',
    addressee: '各村（社区）、镇直各单位',
    body: [
      p('现将2026年12月信访值班安排通知如下，请值班人员按时到岗。'),
      {
        type: 'table',
        rows: [
          ['日期', '星期', '带班领导', '值班员', '值班地点'],
          ...Array.from({ length: 31 }, (_, i) => [`12月${i + 1}日`, '一二三四五六日'[(i + 1) % 7] ?? '', i % 2 ? '赵镇长' : '钱书记', i % 2 ? '孙某' : '李某', '镇信访办']),
        ],
      },
    ],
  },
};

export const KIND_FIXTURES: readonly NoticeDocument[] = NOTICE_KINDS.map((kind, i) => ({ ...base(kind, i + 1), ...BODIES[kind] }));

/** A long notice: three pages (the second full), full lines of 28 characters, every level of heading. */
export function threePageNotice(): NoticeDocument {
  const body: BodyBlock[] = [];
  const sections = ['一、基本情况', '二、化解要求'];
  sections.forEach((title, s) => {
    body.push(h(1, title));
    body.push(h(2, `（${'一二三四'[s]}）${'总体要求'}`));
    body.push(p(`${FULL_LINE}${FULL_LINE}${FULL_LINE}各单位要落实到人。`));
    body.push(h(3, '1.排查范围'));
    body.push(p(`${FULL_LINE}${FULL_LINE}${FULL_LINE}${FULL_LINE}确保不漏一户。`));
    body.push(h(4, '（1）排查方式'));
    body.push(p(`${FULL_LINE}${FULL_LINE}做到早发现早化解。`));
  });
  return { ...KIND_FIXTURES[1]!, title: '关于开展矛盾纠纷集中排查化解工作的通知', body, note: '请各单位指定一名联系人', copyTo: ['县信访局', '镇党委办公室', '镇政府办公室'] };
}
