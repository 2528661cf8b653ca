/**
 * Fills a notice from the records. The fixed wording of each template is official-document Chinese (a notice
 * is always printed in Chinese, whatever language the screen uses), so it lives here rather than in the UI
 * catalog. The clerk edits the result while it is a draft.
 *
 * @example
 * const draft = await fillNotice(db, { kind: 'warning_notice', subjectId: 4, month: null }, settings, now);
 * draft.title // '关于东风村部分村民对征地补偿方案有异议的预警通知书'
 */
import type { Db } from '../../db';
import type { NoticeSettings } from '../../../shared/api';
import type { Escalation } from '../../../shared/enums';
import { enumLabel } from '../../../shared/i18n';
import { addDays, formatChineseDate, instantOf, localDateOf, localParts, weekdayOf } from '../../../shared/time';
import { UserError } from '../errors';
import { getOffice } from '../users';
import { getWarning } from '../warnings';
import { getPetition } from '../petitions';
import { getReport } from '../reports';
import { dutySchedule, dutyRoles, LEADER_ROLE, OFFICER_ROLE } from '../duty';
import type { BodyBlock, NoticeKind } from './document';
import { KIND_INFO } from './kinds';

export interface FillSource {
  readonly kind: NoticeKind;
  readonly subjectId: number | null;
  readonly month: string | null;
}

export interface FilledNotice {
  readonly title: string;
  readonly addressee: string;
  readonly addresseeUnitId: number | null;
  readonly body: BodyBlock[];
  readonly note: string;
  readonly copyTo: string[];
  /** The record the notice is about, as the archive names it (预警〔2026〕1号, 2026年12月). */
  readonly subjectLabel: string;
}

const p = (text: string): BodyBlock => ({ type: 'paragraph', text });
const h = (level: 1 | 2 | 3 | 4, text: string): BodyBlock => ({ type: 'heading', level, text });

/** A paragraph ends with a full stop, whatever the record's text ended with. */
function sentence(text: string): string {
  const trimmed = text.trim();
  return /[。！？；…”）)]$/.test(trimmed) || trimmed === '' ? trimmed : `${trimmed}。`;
}

const CN_NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
export function cnOrdinal(n: number): string {
  return CN_NUMERALS[n - 1] ?? String(n);
}

const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];

const ESCALATION_SIGN: Readonly<Record<Escalation, string>> = {
  township: '有到镇集中反映的苗头',
  county: '有赴县上访的苗头',
  city: '有赴市上访的苗头',
  province: '有赴省上访的苗头',
  national: '有进京上访的苗头',
};

function day(ms: number, tz: string): string {
  return formatChineseDate(localDateOf(ms, tz));
}

function dayTime(ms: number, tz: string): string {
  const parts = localParts(ms, tz);
  return `${day(ms, tz)}${parts.hour}时${String(parts.minute).padStart(2, '0')}分`;
}

function need(value: number | null, kind: NoticeKind): number {
  if (value === null) throw new UserError('invalid_input', 'notices.errors.subjectMissing', { kind: enumLabelOfKind(kind) });
  return value;
}

export function enumLabelOfKind(kind: NoticeKind): string {
  return KIND_TITLES[kind];
}

export const KIND_TITLES: Readonly<Record<NoticeKind, string>> = {
  warning_report: '预警报告',
  warning_notice: '预警通知书',
  supervision_notice: '督办通知书',
  assignment_slip: '交办单',
  acceptance_notice: '受理告知书',
  non_acceptance_notice: '不予受理告知书',
  handling_opinion: '信访处理意见书',
  info_report: '信息报告',
  info_followup: '续报',
  duty_roster: '值班表',
};

async function fillWarning(db: Db, kind: NoticeKind, id: number, settings: NoticeSettings, now: number, tz: string, township: string): Promise<FilledNotice> {
  const w = await getWarning(db, id, now);
  const level = enumLabel('warningLevel', w.level);
  // The matter as the documents name it: township, village, what happened — each once.
  const withUnit = w.title.includes(w.unitName) ? w.title : `${w.unitName}${w.title}`;
  const matter = withUnit.startsWith(township) ? withUnit : `${township}${withUnit}`;
  const steps = w.resolutionSteps.map((s, i) => p(`${i + 1}. ${s}。`.replace(/。。$/, '。')));
  if (kind === 'warning_report') {
    return {
      title: `关于${w.title}的预警报告`,
      addressee: settings.countyAddressee,
      addresseeUnitId: null,
      body: [
        p(`${matter}，涉及${w.peopleCount}人，反映${w.grievance.replace(/。$/, '')}，${ESCALATION_SIGN[w.escalation]}，达到${level}预警。`),
        p(`我镇已于${day(w.issuedAt, tz)}发出预警，明确由${w.responsibleUnitName}负责化解，${w.leadLeaderName}同志包案，按照听取诉求、核实情况、调解化解、答复反馈的步骤开展工作，并将及时报告进展情况。`),
        p('特此报告。'),
      ],
      note: '',
      copyTo: [],
      subjectLabel: w.number,
    };
  }
  const feedback = w.deadlines.find((d) => d.status === 'open' && d.kind === 'warning_feedback') ?? w.deadlines.find((d) => d.kind === 'warning_feedback');
  const supervision = w.deadlines.find((d) => d.status === 'open' && d.kind === 'supervision');
  if (kind === 'warning_notice') {
    return {
      title: `关于${w.title}的预警通知书`,
      addressee: w.responsibleUnitName,
      addresseeUnitId: w.responsibleUnitId,
      body: [
        p(`经研判，${matter}，涉及${w.peopleCount}人，${ESCALATION_SIGN[w.escalation]}，达到${level}预警（${w.number}）。现将有关事项通知如下：`),
        h(1, '一、基本情况'),
        p(`群众反映：${w.grievance.replace(/。$/, '')}。`),
        h(1, '二、化解要求'),
        p(`请你单位在包案领导${w.leadLeaderName}同志的带领下，立即按以下步骤开展化解工作：`),
        ...steps,
        h(1, '三、反馈时限'),
        p(feedback ? `请于${dayTime(feedback.dueAt, tz)}前将化解进展书面反馈镇信访办。` : '请及时将化解进展书面反馈镇信访办。'),
        p('特此通知。'),
      ],
      note: '',
      copyTo: [],
      subjectLabel: w.number,
    };
  }
  // supervision_notice
  // A feedback time already past is no time to give: without a supervision deadline the unit reports at once.
  const due = supervision ?? (feedback && feedback.dueAt > now ? feedback : undefined);
  return {
    title: `关于督办${w.title}化解工作的通知`,
    addressee: w.responsibleUnitName,
    addresseeUnitId: w.responsibleUnitId,
    body: [
      p(
        `${day(w.issuedAt, tz)}，我办就${w.title}向你单位发出${level}预警（${w.number}）${feedback ? `，要求于${dayTime(feedback.dueAt, tz)}前反馈化解进展` : ''}。截至目前，你单位尚未按要求反馈。根据《信访工作条例》第四十条的规定，现予督办。`,
      ),
      p(`请你单位主要负责同志和包案领导${w.leadLeaderName}同志高度重视，立即组织力量，逐项落实化解措施：`),
      ...steps,
      p(due ? `请于${dayTime(due.dueAt, tz)}前将办理情况书面报送镇信访办。逾期未报的，将按规定予以通报。` : '请立即将办理情况书面报送镇信访办。'),
      p('特此通知。'),
    ],
    note: '',
    copyTo: [],
    subjectLabel: w.number,
  };
}

interface PersonRow {
  readonly name: string;
  readonly address: string;
}

async function petitionersOf(db: Db, petitionId: number): Promise<PersonRow[]> {
  return db.selectFrom('petitioners').select(['name', 'address']).where('petition_id', '=', petitionId).orderBy('ord').execute();
}

async function fillPetition(db: Db, kind: NoticeKind, id: number, now: number, tz: string): Promise<FilledNotice> {
  const pt = await getPetition(db, id);
  const people = await petitionersOf(db, id);
  const names = people.map((x) => x.name).filter(Boolean);
  const received = day(pt.receivedAt, tz);
  const channel = enumLabel('channel', pt.channel);
  // Art. 23: no written notice where the name or the address is unknown; the letter goes to the first person with both.
  const letterTo = people.find((x) => x.name.trim() && x.address.trim())?.name ?? '';
  const step = (action: string) => [...pt.steps].reverse().find((s) => s.action === action);

  if (kind === 'assignment_slip') {
    const unitId = pt.responsibleUnitId ?? pt.unitId;
    const unitName = pt.responsibleUnitName ?? pt.unitName;
    if (unitId === null || unitName === null) throw new UserError('invalid_input', 'notices.errors.noUnit');
    const handling = pt.deadlines.find((d) => d.status === 'open' && d.kind === 'handling');
    return {
      title: '信访事项交办单',
      addressee: unitName,
      addresseeUnitId: unitId,
      body: [
        p(`现将${pt.number}信访事项交由你单位办理，有关情况如下：`),
        {
          type: 'table',
          rows: [
            ['项目', '内容'],
            ['信访事项编号', pt.number],
            ['登记日期', received],
            ['信访形式', channel],
            ['信访人', names.join('、') || '（未留姓名）'],
            ['人数', `${pt.peopleCount}人`],
            ['事项类别', enumLabel('category', pt.category)],
            ['反映事项', pt.summary],
            ['主要诉求', pt.request],
          ],
        },
        p(
          handling
            ? `请按照《信访工作条例》的规定认真办理，于${day(handling.dueAt, tz)}前办结，并将办理结果书面反馈镇信访办。`
            : '请按照《信访工作条例》的规定认真办理，对本单位不应办理的，于5个工作日内向镇信访办提出异议；办理结果请书面反馈镇信访办。',
        ),
      ],
      note: '',
      copyTo: [],
      subjectLabel: pt.number,
    };
  }
  if (!letterTo) throw new UserError('invalid_input', 'notices.errors.anonymous');
  if (kind === 'acceptance_notice') {
    const sixtyDays = pt.category === 'claim' && pt.claimItem === 6;
    return {
      title: '信访事项受理告知书',
      addressee: letterTo,
      addresseeUnitId: null,
      body: [
        p(`你（你们）于${received}以${channel}形式反映的“${pt.summary}”事项（编号${pt.number}）已收悉。`),
        p(
          sixtyDays
            ? '根据《信访工作条例》第二十三条、第三十四条的规定，经审查，该事项属于本机关职责范围，决定予以受理。本机关将自受理之日起60日内办结，并向你（你们）出具书面答复意见；情况复杂的，经批准可适当延长办理期限，延长期限不超过30日，并告知延期理由。'
            : '根据《信访工作条例》第二十三条的规定，经审查，该事项属于本机关职责范围，决定予以受理，并将依法按程序办理。',
        ),
        p('特此告知。'),
      ],
      note: '',
      copyTo: [],
      subjectLabel: pt.number,
    };
  }
  if (kind === 'non_acceptance_notice') {
    const reason = step('reject')?.note ?? '';
    const route =
      pt.category === 'claim' && pt.claimItem !== null && pt.claimItem !== 6
        ? `根据《信访工作条例》第三十一条的规定，该事项${enumLabel('claimItem', pt.claimItem)
            .replace(/^（.）/, '')
            .replace(/的$/, '')}，请你（你们）依照有关法律、行政法规规定的程序向有关机关提出。`
        : '请你（你们）依照有关法律、行政法规规定的程序向有关机关提出。'
    return {
      title: '信访事项不予受理告知书',
      addressee: letterTo,
      addresseeUnitId: null,
      body: [
        p(`你（你们）于${received}以${channel}形式反映的“${pt.summary}”事项（编号${pt.number}）已收悉。`),
        p(`经审查，${reason ? `${reason.replace(/。$/, '')}，` : ''}本机关决定不予受理。`),
        p(route),
        p('特此告知。'),
      ],
      note: '',
      copyTo: [],
      subjectLabel: pt.number,
    };
  }
  // handling_opinion (Art. 32): request, facts and reasons, decision and basis, the 30-day review right.
  const reply = step('reply');
  const decision = pt.decision ? enumLabel('decision', pt.decision) : null;
  const basis = reply && typeof reply.details.basis === 'string' ? reply.details.basis : '';
  return {
    title: '信访处理意见书',
    addressee: letterTo,
    addresseeUnitId: null,
    body: [
      p(`你（你们）于${received}以${channel}形式反映的“${pt.summary}”事项（编号${pt.number}），本机关已依法受理并办理完毕，现提出处理意见如下：`),
      h(1, '一、信访请求'),
      p(sentence(pt.request)),
      h(1, '二、事实和理由'),
      p(pt.factsReasons ? sentence(pt.factsReasons) : '（请填写经调查核实的事实和理由）'),
      h(1, '三、处理意见及依据'),
      p(decision ? `经研究，对你（你们）的请求予以${decision === '支持' ? '支持' : decision === '不予支持' ? '不予支持' : '解释说明'}。${reply?.note ? reply.note : ''}` : '（请填写处理意见：支持、解释说明或不予支持）'),
      p(basis ? `依据：${basis}` : '依据：（请填写法律、法规、政策依据）'),
      h(1, '四、告知事项'),
      p('你（你们）如对本处理意见不服，可以自收到本意见书之日起30日内，向本机关的上一级机关请求复查。'),
    ],
    note: '',
    copyTo: [],
    subjectLabel: pt.number,
  };
}

async function fillReport(db: Db, kind: NoticeKind, id: number, settings: NoticeSettings, tz: string): Promise<FilledNotice> {
  const r = await getReport(db, id);
  const followUp = r.followSeq > 0;
  if (kind === 'info_followup' && !followUp) throw new UserError('invalid_input', 'notices.errors.notFollowUp');
  if (kind === 'info_report' && followUp) throw new UserError('invalid_input', 'notices.errors.isFollowUp');
  const root = r.chain[0];
  const title = followUp ? `关于${root?.summary ?? r.summary}的续报（第${r.followSeq}报）` : `关于${r.summary}的信息报告`;
  const body: BodyBlock[] = [
    p(`${dayTime(r.foundAt, tz)}，${r.unitName}在${r.place}发现${enumLabel('reportType', r.type)}（${enumLabel('reportSeverity', r.severity)}），涉及${r.peopleCount}人。现将有关情况报告如下：`),
    h(1, followUp ? '一、最新进展' : '一、基本情况'),
    p(sentence(r.content)),
  ];
  if (r.demands) body.push(h(1, '二、群众诉求'), p(sentence(r.demands)));
  const n = r.demands ? 3 : 2;
  if (r.verification) body.push(h(1, `${cnOrdinal(n)}、核实情况`), p(sentence(`经核实，反映情况${enumLabel('verification', r.verification)}。${r.verificationNote}`)));
  if (r.opinion) body.push(h(1, `${cnOrdinal(r.verification ? n + 1 : n)}、处置意见`), p(sentence(r.opinion)));
  body.push(p('有关情况将及时续报。'), p('特此报告。'));
  return { title, addressee: settings.countyAddressee, addresseeUnitId: null, body, note: '', copyTo: [], subjectLabel: r.number };
}

async function fillDutyRoster(db: Db, month: string, tz: string): Promise<FilledNotice> {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  if (!m || Number(m[2]) < 1 || Number(m[2]) > 12) throw UserError.field('month', 'notices.errors.badMonth');
  const year = Number(m[1]);
  const mon = Number(m[2]);
  const first = `${month}-01`;
  const nextFirst = mon === 12 ? `${year + 1}-01-01` : `${year}-${String(mon + 1).padStart(2, '0')}-01`;
  const from = instantOf(first, tz);
  const to = instantOf(nextFirst, tz);
  const [schedule, roles] = await Promise.all([dutySchedule(db, from, to), dutyRoles(db)]);
  const leaderRole = roles.find((r) => r.key === LEADER_ROLE)?.id;
  const officerRole = roles.find((r) => r.key === OFFICER_ROLE)?.id;
  const rows: string[][] = [['日期', '星期', '带班领导', '值班员']];
  for (let d = first; d < nextFirst; d = addDays(d, 1)) {
    const start = instantOf(d, tz);
    const end = instantOf(addDays(d, 1), tz);
    const on = (roleId: number | undefined) => [
      ...new Set(schedule.segments.filter((s) => s.roleId === roleId && s.start < end && s.end > start).map((s) => s.userName)),
    ];
    rows.push([`${mon}月${Number(d.slice(8))}日`, WEEKDAYS[weekdayOf(d)] ?? '', on(leaderRole).join('、') || '—', on(officerRole).join('、') || '—']);
  }
  return {
    title: `${year}年${mon}月值班表`,
    addressee: '镇属各单位、各村（社区）',
    addresseeUnitId: null,
    body: [
      p(`现将${year}年${mon}月值班安排印发给你们，请值班人员按时到岗，24小时保持通讯畅通，认真做好值班记录和交接班工作。`),
      { type: 'table', rows },
      p('值班电话：（请填写）'),
    ],
    note: '',
    copyTo: [],
    subjectLabel: `${year}年${mon}月`,
  };
}

export async function fillNotice(db: Db, source: FillSource, settings: NoticeSettings, now: number): Promise<FilledNotice> {
  const office = await getOffice(db);
  const tz = office.timeZone;
  const info = KIND_INFO[source.kind];
  try {
    switch (info.subject) {
      case 'warning':
        return await fillWarning(db, source.kind, need(source.subjectId, source.kind), settings, now, tz, office.township);
      case 'petition':
        return await fillPetition(db, source.kind, need(source.subjectId, source.kind), now, tz);
      case 'report':
        return await fillReport(db, source.kind, need(source.subjectId, source.kind), settings, tz);
      case 'duty_month':
        if (!source.month) throw UserError.field('month', 'notices.errors.badMonth');
        return await fillDutyRoster(db, source.month, tz);
    }
  } catch (err) {
    if (err instanceof UserError && err.code === 'not_found') throw new UserError('not_found', 'notices.errors.subjectNotFound');
    throw err;
  }
}

