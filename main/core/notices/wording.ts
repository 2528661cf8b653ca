/**
 * The notice wording: the fixed sentences of each official document the office prints, in the Chinese of the
 * document itself. A notice is printed in Chinese whatever language the screen uses, so this is a template of
 * the document, not UI text, and it is not in the i18n catalog. Each function turns the facts fill.ts gathered
 * from the records into a title and a body the clerk then edits; nothing here reads the store.
 *
 * @example
 * warningNoticeText({ title: '东风村部分村民对征地补偿方案有异议', level: 'red', … }).title
 * // '关于东风村部分村民对征地补偿方案有异议的预警通知书'
 */
import type { Category, Channel, Decision, Escalation, ReportSeverity, ReportType, VerificationResult, WarningLevel } from '../../../shared/enums';
import { enumLabel } from '../../../shared/i18n';
import { formatChineseDate, localDateOf, localParts, weekdayOf } from '../../../shared/time';
import type { BodyBlock } from './document';

export interface NoticeText {
  readonly title: string;
  readonly body: BodyBlock[];
}

const p = (text: string): BodyBlock => ({ type: 'paragraph', text });
const h = (level: 1 | 2 | 3 | 4, text: string): BodyBlock => ({ type: 'heading', level, text });

/** Enum values as the document names them: always the Chinese labels, whatever the screen language. */
const zh = (group: 'channel' | 'category' | 'claimItem' | 'decision' | 'reportType' | 'reportSeverity' | 'verification' | 'warningLevel', value: string | number) =>
  enumLabel(group, value, 'zh-CN');

/** A paragraph ends with a full stop, whatever the record's text ended with. */
function sentence(text: string): string {
  const trimmed = text.trim();
  return /[。！？；…”）)]$/.test(trimmed) || trimmed === '' ? trimmed : `${trimmed}。`;
}

const withoutFullStop = (text: string) => text.replace(/。$/, '');

const CN_NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
/** 一, 二, … for the 一、二、 headings. */
function cnOrdinal(n: number): string {
  return CN_NUMERALS[n - 1] ?? String(n);
}

const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];

/** 2026年11月28日 */
function day(ms: number, tz: string): string {
  return formatChineseDate(localDateOf(ms, tz));
}

/** 2026年11月28日9时05分 */
function dayTime(ms: number, tz: string): string {
  const parts = localParts(ms, tz);
  return `${day(ms, tz)}${parts.hour}时${String(parts.minute).padStart(2, '0')}分`;
}

const ESCALATION_SIGN: Readonly<Record<Escalation, string>> = {
  township: '有到镇集中反映的苗头',
  county: '有赴县上访的苗头',
  city: '有赴市上访的苗头',
  province: '有赴省上访的苗头',
  national: '有进京上访的苗头',
};

/** The matter as the documents name it: township, village, what happened, each once. */
export function matterOf(township: string, unitName: string, title: string): string {
  const withUnit = title.includes(unitName) ? title : `${unitName}${title}`;
  return withUnit.startsWith(township) ? withUnit : `${township}${withUnit}`;
}

export interface WarningFacts {
  readonly timeZone: string;
  readonly number: string;
  readonly title: string;
  /** From matterOf. */
  readonly matter: string;
  readonly peopleCount: number;
  readonly grievance: string;
  readonly escalation: Escalation;
  readonly level: WarningLevel;
  readonly issuedAt: number;
  readonly responsibleUnitName: string;
  readonly leadLeaderName: string;
  readonly resolutionSteps: readonly string[];
  /** When the unit was asked to give feedback, if a feedback deadline was set. */
  readonly feedbackDueAt: number | null;
}

const stepsOf = (w: WarningFacts) => w.resolutionSteps.map((s, i) => p(`${i + 1}. ${s}。`.replace(/。。$/, '。')));

/** 预警报告 to the county petition bureau. */
export function warningReportText(w: WarningFacts): NoticeText {
  return {
    title: `关于${w.title}的预警报告`,
    body: [
      p(`${w.matter}，涉及${w.peopleCount}人，反映${withoutFullStop(w.grievance)}，${ESCALATION_SIGN[w.escalation]}，达到${zh('warningLevel', w.level)}预警。`),
      p(`我镇已于${day(w.issuedAt, w.timeZone)}发出预警，明确由${w.responsibleUnitName}负责化解，${w.leadLeaderName}同志包案，按照听取诉求、核实情况、调解化解、答复反馈的步骤开展工作，并将及时报告进展情况。`),
      p('特此报告。'),
    ],
  };
}

/** 预警通知书 to the responsible unit. */
export function warningNoticeText(w: WarningFacts): NoticeText {
  return {
    title: `关于${w.title}的预警通知书`,
    body: [
      p(`经研判，${w.matter}，涉及${w.peopleCount}人，${ESCALATION_SIGN[w.escalation]}，达到${zh('warningLevel', w.level)}预警（${w.number}）。现将有关事项通知如下：`),
      h(1, '一、基本情况'),
      p(`群众反映：${withoutFullStop(w.grievance)}。`),
      h(1, '二、化解要求'),
      p(`请你单位在包案领导${w.leadLeaderName}同志的带领下，立即按以下步骤开展化解工作：`),
      ...stepsOf(w),
      h(1, '三、反馈时限'),
      p(w.feedbackDueAt !== null ? `请于${dayTime(w.feedbackDueAt, w.timeZone)}前将化解进展书面反馈镇信访办。` : '请及时将化解进展书面反馈镇信访办。'),
      p('特此通知。'),
    ],
  };
}

/** 督办通知书 (Art. 40) to a unit whose feedback is late; `reportBy` is the time it must report by, if any. */
export function supervisionNoticeText(w: WarningFacts, reportBy: number | null): NoticeText {
  const asked = w.feedbackDueAt !== null ? `，要求于${dayTime(w.feedbackDueAt, w.timeZone)}前反馈化解进展` : '';
  return {
    title: `关于督办${w.title}化解工作的通知`,
    body: [
      p(
        `${day(w.issuedAt, w.timeZone)}，我办就${w.title}向你单位发出${zh('warningLevel', w.level)}预警（${w.number}）${asked}。截至目前，你单位尚未按要求反馈。根据《信访工作条例》第四十条的规定，现予督办。`,
      ),
      p(`请你单位主要负责同志和包案领导${w.leadLeaderName}同志高度重视，立即组织力量，逐项落实化解措施：`),
      ...stepsOf(w),
      p(reportBy !== null ? `请于${dayTime(reportBy, w.timeZone)}前将办理情况书面报送镇信访办。逾期未报的，将按规定予以通报。` : '请立即将办理情况书面报送镇信访办。'),
      p('特此通知。'),
    ],
  };
}

export interface PetitionFacts {
  readonly timeZone: string;
  readonly number: string;
  readonly receivedAt: number;
  readonly channel: Channel;
  readonly category: Category;
  readonly claimItem: number | null;
  readonly peopleCount: number;
  readonly summary: string;
  readonly request: string;
  readonly factsReasons: string;
  /** The petitioners' names, in order; empty when none was left. */
  readonly names: readonly string[];
}

/** The opening every letter to a petitioner shares. */
const received = (pt: PetitionFacts) => `你（你们）于${day(pt.receivedAt, pt.timeZone)}以${zh('channel', pt.channel)}形式反映的“${pt.summary}”事项（编号${pt.number}）`;

/** 交办单 to the responsible unit; `handlingDueAt` is the open 60-day handling deadline, if any. */
export function assignmentSlipText(pt: PetitionFacts, handlingDueAt: number | null): NoticeText {
  return {
    title: '信访事项交办单',
    body: [
      p(`现将${pt.number}信访事项交由你单位办理，有关情况如下：`),
      {
        type: 'table',
        rows: [
          ['项目', '内容'],
          ['信访事项编号', pt.number],
          ['登记日期', day(pt.receivedAt, pt.timeZone)],
          ['信访形式', zh('channel', pt.channel)],
          ['信访人', pt.names.join('、') || '（未留姓名）'],
          ['人数', `${pt.peopleCount}人`],
          ['事项类别', zh('category', pt.category)],
          ['反映事项', pt.summary],
          ['主要诉求', pt.request],
        ],
      },
      p(
        handlingDueAt !== null
          ? `请按照《信访工作条例》的规定认真办理，于${day(handlingDueAt, pt.timeZone)}前办结，并将办理结果书面反馈镇信访办。`
          : '请按照《信访工作条例》的规定认真办理，对本单位不应办理的，于5个工作日内向镇信访办提出异议；办理结果请书面反馈镇信访办。',
      ),
    ],
  };
}

/** 受理告知书 (Art. 23); an item-6 claim is told the 60 days and the extension rule (Art. 34). */
export function acceptanceNoticeText(pt: PetitionFacts): NoticeText {
  const sixtyDays = pt.category === 'claim' && pt.claimItem === 6;
  return {
    title: '信访事项受理告知书',
    body: [
      p(`${received(pt)}已收悉。`),
      p(
        sixtyDays
          ? '根据《信访工作条例》第二十三条、第三十四条的规定，经审查，该事项属于本机关职责范围，决定予以受理。本机关将自受理之日起60日内办结，并向你（你们）出具书面答复意见；情况复杂的，经批准可适当延长办理期限，延长期限不超过30日，并告知延期理由。'
          : '根据《信访工作条例》第二十三条的规定，经审查，该事项属于本机关职责范围，决定予以受理，并将依法按程序办理。',
      ),
      p('特此告知。'),
    ],
  };
}

/** 不予受理告知书 with the reason given at the refusal; a claim of items 1–5 is told its route (Art. 31). */
export function nonAcceptanceNoticeText(pt: PetitionFacts, reason: string): NoticeText {
  const route =
    pt.category === 'claim' && pt.claimItem !== null && pt.claimItem !== 6
      ? `根据《信访工作条例》第三十一条的规定，该事项${zh('claimItem', pt.claimItem)
          .replace(/^（.）/, '')
          .replace(/的$/, '')}，请你（你们）依照有关法律、行政法规规定的程序向有关机关提出。`
      : '请你（你们）依照有关法律、行政法规规定的程序向有关机关提出。';
  return {
    title: '信访事项不予受理告知书',
    body: [
      p(`${received(pt)}已收悉。`),
      p(`经审查，${reason ? `${withoutFullStop(reason)}，` : ''}本机关决定不予受理。`),
      p(route),
      p('特此告知。'),
    ],
  };
}

export interface Reply {
  readonly decision: Decision | null;
  /** What the reply step's note said. */
  readonly note: string;
  readonly basis: string;
}

/** The decision as the opinion states it: 予以支持 / 予以解释说明 / 不予支持 (never "予以不予支持"). */
const DECISION_SENTENCE: Readonly<Record<Decision, string>> = {
  support: '对你（你们）的请求予以支持。',
  explain: '对你（你们）的请求予以解释说明。',
  not_support: '对你（你们）的请求不予支持。',
};

/** 信访处理意见书 (Art. 32): request, facts and reasons, decision and basis, the 30-day review right. */
export function handlingOpinionText(pt: PetitionFacts, reply: Reply): NoticeText {
  return {
    title: '信访处理意见书',
    body: [
      p(`${received(pt)}，本机关已依法受理并办理完毕，现提出处理意见如下：`),
      h(1, '一、信访请求'),
      p(sentence(pt.request)),
      h(1, '二、事实和理由'),
      p(pt.factsReasons ? sentence(pt.factsReasons) : '（请填写经调查核实的事实和理由）'),
      h(1, '三、处理意见及依据'),
      p(reply.decision ? `经研究，${DECISION_SENTENCE[reply.decision]}${reply.note}` : '（请填写处理意见：支持、解释说明或不予支持）'),
      p(reply.basis ? `依据：${reply.basis}` : '依据：（请填写法律、法规、政策依据）'),
      h(1, '四、告知事项'),
      p('你（你们）如对本处理意见不服，可以自收到本意见书之日起30日内，向本机关的上一级机关请求复查。'),
    ],
  };
}

export interface ReportFacts {
  readonly timeZone: string;
  readonly unitName: string;
  readonly foundAt: number;
  readonly place: string;
  readonly type: ReportType;
  readonly severity: ReportSeverity;
  readonly peopleCount: number;
  readonly summary: string;
  readonly content: string;
  readonly demands: string;
  readonly verification: VerificationResult | null;
  readonly verificationNote: string;
  readonly opinion: string;
  /** 0 for the first report; n for the n-th follow-up (续报), whose title names the first report's summary. */
  readonly followSeq: number;
  readonly firstSummary: string;
}

/** 信息报告 or 续报 to the county; the sections present are those the report has. */
export function infoReportText(r: ReportFacts): NoticeText {
  const followUp = r.followSeq > 0;
  const body: BodyBlock[] = [
    p(`${dayTime(r.foundAt, r.timeZone)}，${r.unitName}在${r.place}发现${zh('reportType', r.type)}（${zh('reportSeverity', r.severity)}），涉及${r.peopleCount}人。现将有关情况报告如下：`),
    h(1, followUp ? '一、最新进展' : '一、基本情况'),
    p(sentence(r.content)),
  ];
  if (r.demands) body.push(h(1, '二、群众诉求'), p(sentence(r.demands)));
  const n = r.demands ? 3 : 2;
  if (r.verification) body.push(h(1, `${cnOrdinal(n)}、核实情况`), p(sentence(`经核实，反映情况${zh('verification', r.verification)}。${r.verificationNote}`)));
  if (r.opinion) body.push(h(1, `${cnOrdinal(r.verification ? n + 1 : n)}、处置意见`), p(sentence(r.opinion)));
  body.push(p('有关情况将及时续报。'), p('特此报告。'));
  return { title: followUp ? `关于${r.firstSummary}的续报（第${r.followSeq}报）` : `关于${r.summary}的信息报告`, body };
}

export interface RosterDay {
  /** YYYY-MM-DD */
  readonly date: string;
  readonly leaders: readonly string[];
  readonly officers: readonly string[];
}

/** 值班表 for a month, to every unit of the township. */
export function dutyRosterText(year: number, month: number, days: readonly RosterDay[]): NoticeText & { readonly addressee: string } {
  const rows = [
    ['日期', '星期', '带班领导', '值班员'],
    ...days.map((d) => [`${month}月${Number(d.date.slice(8))}日`, WEEKDAYS[weekdayOf(d.date)] ?? '', d.leaders.join('、') || '—', d.officers.join('、') || '—']),
  ];
  return {
    title: `${year}年${month}月值班表`,
    addressee: '镇属各单位、各村（社区）',
    body: [
      p(`现将${year}年${month}月值班安排印发给你们，请值班人员按时到岗，24小时保持通讯畅通，认真做好值班记录和交接班工作。`),
      { type: 'table', rows },
      p('值班电话：（请填写）'),
    ],
  };
}
