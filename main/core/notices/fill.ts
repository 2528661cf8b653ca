/**
 * Fills a notice from the records: finds the record the notice is about and the facts it needs (the open
 * deadlines, the reply, who is on duty), checks that such a notice can be made from it, and hands the facts to
 * the notice wording (wording.ts), whose fixed text is the official document's own Chinese. The clerk edits the
 * result while it is a draft.
 *
 * @example
 * const draft = await fillNotice(db, { kind: 'warning_notice', subjectId: 4, month: null }, settings, now);
 * draft.title // '关于东风村部分村民对征地补偿方案有异议的预警通知书'
 */
import type { Db } from '../../db';
import type { NoticeSettings } from '../../../shared/api';
import { t } from '../../../shared/i18n';
import { addDays, instantOf } from '../../../shared/time';
import { UserError } from '../errors';
import { getOffice } from '../users';
import { getWarning } from '../warnings';
import { getPetition } from '../petitions';
import { getReport } from '../reports';
import { dutySchedule, dutyRoles, LEADER_ROLE, OFFICER_ROLE } from '../duty';
import type { BodyBlock, NoticeKind } from './document';
import { KIND_INFO } from './kinds';
import {
  acceptanceNoticeText,
  assignmentSlipText,
  dutyRosterText,
  handlingOpinionText,
  infoReportText,
  matterOf,
  nonAcceptanceNoticeText,
  supervisionNoticeText,
  warningNoticeText,
  warningReportText,
  type NoticeText,
  type PetitionFacts,
  type RosterDay,
  type WarningFacts,
} from './wording';

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

function need(value: number | null, kind: NoticeKind): number {
  if (value === null) throw new UserError('invalid_input', 'notices.errors.subjectMissing', { kind: t(`notices.kinds.${kind}`) });
  return value;
}

/** A filled notice with no note and no copies (抄送): the clerk adds those if the office wants them. */
function filled(text: NoticeText, addressee: string, addresseeUnitId: number | null, subjectLabel: string): FilledNotice {
  return { title: text.title, body: text.body, addressee, addresseeUnitId, note: '', copyTo: [], subjectLabel };
}

async function fillWarning(db: Db, kind: NoticeKind, id: number, settings: NoticeSettings, now: number, tz: string, township: string): Promise<FilledNotice> {
  const w = await getWarning(db, id, now);
  const feedback = w.deadlines.find((d) => d.status === 'open' && d.kind === 'warning_feedback') ?? w.deadlines.find((d) => d.kind === 'warning_feedback');
  const facts: WarningFacts = {
    timeZone: tz,
    number: w.number,
    title: w.title,
    matter: matterOf(township, w.unitName, w.title),
    peopleCount: w.peopleCount,
    grievance: w.grievance,
    escalation: w.escalation,
    level: w.level,
    issuedAt: w.issuedAt,
    responsibleUnitName: w.responsibleUnitName,
    leadLeaderName: w.leadLeaderName,
    resolutionSteps: w.resolutionSteps,
    feedbackDueAt: feedback?.dueAt ?? null,
  };
  if (kind === 'warning_report') return filled(warningReportText(facts), settings.countyAddressee, null, w.number);
  if (kind === 'warning_notice') return filled(warningNoticeText(facts), w.responsibleUnitName, w.responsibleUnitId, w.number);
  // supervision_notice. A feedback time already past is no time to give: without a supervision deadline the unit reports at once.
  const supervision = w.deadlines.find((d) => d.status === 'open' && d.kind === 'supervision');
  const due = supervision ?? (feedback && feedback.dueAt > now ? feedback : undefined);
  return filled(supervisionNoticeText(facts, due?.dueAt ?? null), w.responsibleUnitName, w.responsibleUnitId, w.number);
}

async function petitionersOf(db: Db, petitionId: number): Promise<{ name: string; address: string }[]> {
  return db.selectFrom('petitioners').select(['name', 'address']).where('petition_id', '=', petitionId).orderBy('ord').execute();
}

async function fillPetition(db: Db, kind: NoticeKind, id: number, tz: string): Promise<FilledNotice> {
  const pt = await getPetition(db, id);
  const people = await petitionersOf(db, id);
  const facts: PetitionFacts = {
    timeZone: tz,
    number: pt.number,
    receivedAt: pt.receivedAt,
    channel: pt.channel,
    category: pt.category,
    claimItem: pt.claimItem,
    peopleCount: pt.peopleCount,
    summary: pt.summary,
    request: pt.request,
    factsReasons: pt.factsReasons,
    names: people.map((x) => x.name).filter(Boolean),
  };
  const lastStep = (action: string) => [...pt.steps].reverse().find((s) => s.action === action);

  if (kind === 'assignment_slip') {
    const unitId = pt.responsibleUnitId ?? pt.unitId;
    const unitName = pt.responsibleUnitName ?? pt.unitName;
    if (unitId === null || unitName === null) throw new UserError('invalid_input', 'notices.errors.noUnit');
    const handling = pt.deadlines.find((d) => d.status === 'open' && d.kind === 'handling');
    return filled(assignmentSlipText(facts, handling?.dueAt ?? null), unitName, unitId, pt.number);
  }
  // Art. 23: no written notice where the name or the address is unknown; the letter goes to the first person with both.
  const letterTo = people.find((x) => x.name.trim() && x.address.trim())?.name ?? '';
  if (!letterTo) throw new UserError('invalid_input', 'notices.errors.anonymous');
  if (kind === 'acceptance_notice') return filled(acceptanceNoticeText(facts), letterTo, null, pt.number);
  if (kind === 'non_acceptance_notice') return filled(nonAcceptanceNoticeText(facts, lastStep('reject')?.note ?? ''), letterTo, null, pt.number);
  // handling_opinion
  const reply = lastStep('reply');
  const basis = reply && typeof reply.details.basis === 'string' ? reply.details.basis : '';
  return filled(handlingOpinionText(facts, { decision: pt.decision, note: reply?.note ?? '', basis }), letterTo, null, pt.number);
}

async function fillReport(db: Db, kind: NoticeKind, id: number, settings: NoticeSettings, tz: string): Promise<FilledNotice> {
  const r = await getReport(db, id);
  const followUp = r.followSeq > 0;
  if (kind === 'info_followup' && !followUp) throw new UserError('invalid_input', 'notices.errors.notFollowUp');
  if (kind === 'info_report' && followUp) throw new UserError('invalid_input', 'notices.errors.isFollowUp');
  const text = infoReportText({
    timeZone: tz,
    unitName: r.unitName,
    foundAt: r.foundAt,
    place: r.place,
    type: r.type,
    severity: r.severity,
    peopleCount: r.peopleCount,
    summary: r.summary,
    content: r.content,
    demands: r.demands,
    verification: r.verification,
    verificationNote: r.verificationNote,
    opinion: r.opinion,
    followSeq: r.followSeq,
    firstSummary: r.chain[0]?.summary ?? r.summary,
  });
  return filled(text, settings.countyAddressee, null, r.number);
}

async function fillDutyRoster(db: Db, month: string, tz: string): Promise<FilledNotice> {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  if (!m || Number(m[2]) < 1 || Number(m[2]) > 12) throw UserError.field('month', 'notices.errors.badMonth');
  const year = Number(m[1]);
  const mon = Number(m[2]);
  const first = `${month}-01`;
  const nextFirst = mon === 12 ? `${year + 1}-01-01` : `${year}-${String(mon + 1).padStart(2, '0')}-01`;
  const [schedule, roles] = await Promise.all([dutySchedule(db, instantOf(first, tz), instantOf(nextFirst, tz)), dutyRoles(db)]);
  const leaderRole = roles.find((r) => r.key === LEADER_ROLE)?.id;
  const officerRole = roles.find((r) => r.key === OFFICER_ROLE)?.id;
  const days: RosterDay[] = [];
  for (let d = first; d < nextFirst; d = addDays(d, 1)) {
    const start = instantOf(d, tz);
    const end = instantOf(addDays(d, 1), tz);
    const on = (roleId: number | undefined) => [
      ...new Set(schedule.segments.filter((s) => s.roleId === roleId && s.start < end && s.end > start).map((s) => s.userName)),
    ];
    days.push({ date: d, leaders: on(leaderRole), officers: on(officerRole) });
  }
  const text = dutyRosterText(year, mon, days);
  return filled(text, text.addressee, null, t('notices.monthSubject', { year, month: mon }));
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
        return await fillPetition(db, source.kind, need(source.subjectId, source.kind), tz);
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

