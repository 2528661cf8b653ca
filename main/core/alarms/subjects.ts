/**
 * What an alarm or a due deadline is about, in words the duty officer recognises: a petition's number and
 * summary, a warning's number and matter, or the unit and period of a missing zero report.
 *
 * @example
 * const labels = await subjectLabels(db, [{ subjectType: 'warning', subjectId: 3 }]);
 * labels.get('warning:3') // { number: '预警〔2026〕3号', summary: '东风村征地补偿争议' }
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db';
import { enumLabel, t } from '../../../shared/i18n';
import { zeroReportPeriodLabel } from '../../../shared/zero-report-period';

export interface SubjectRef {
  readonly subjectType: string;
  readonly subjectId: number;
}

export interface SubjectLabel {
  readonly number: string;
  readonly summary: string;
}

export const subjectKey = (type: string, id: number) => `${type}:${id}`;

export async function subjectLabels(db: Kysely<Database>, refs: readonly SubjectRef[]): Promise<Map<string, SubjectLabel>> {
  const ids = (type: string) => [...new Set(refs.filter((r) => r.subjectType === type).map((r) => r.subjectId))];
  const [petitionIds, warningIds, zeroIds, approvalIds, importIds] = [ids('petition'), ids('warning'), ids('zero_report'), ids('approval'), ids('ledger_import')];
  const [petitions, warnings, zero, approvals, imports] = await Promise.all([
    petitionIds.length > 0 ? db.selectFrom('petitions').select(['id', 'number', 'summary']).where('id', 'in', petitionIds).execute() : [],
    warningIds.length > 0 ? db.selectFrom('warnings').select(['id', 'number', 'title']).where('id', 'in', warningIds).execute() : [],
    zeroIds.length > 0
      ? db
          .selectFrom('zero_reports')
          .innerJoin('units', 'units.id', 'zero_reports.unit_id')
          .select(['zero_reports.id', 'zero_reports.period', 'units.name'])
          .where('zero_reports.id', 'in', zeroIds)
          .execute()
      : [],
    approvalIds.length > 0 ? db.selectFrom('approvals').select(['id', 'kind', 'subject_type', 'subject_id', 'reason']).where('id', 'in', approvalIds).execute() : [],
    importIds.length > 0 ? db.selectFrom('ledger_imports').select(['id', 'file_name', 'overdue']).where('id', 'in', importIds).execute() : [],
  ]);
  const out = new Map<string, SubjectLabel>();
  for (const p of petitions) out.set(subjectKey('petition', p.id), { number: p.number, summary: p.summary });
  for (const w of warnings) out.set(subjectKey('warning', w.id), { number: w.number, summary: w.title });
  for (const z of zero) {
    const period = zeroReportPeriodLabel(z.period);
    out.set(subjectKey('zero_report', z.id), { number: `${t('reports.zeroReports')} ${period}`, summary: t('reports.zeroReportSubject', { unit: z.name, period }) });
  }
  for (const i of imports) {
    out.set(subjectKey('ledger_import', i.id), { number: t('ledger.summaryAlarmNumber', { file: i.file_name }), summary: t('ledger.summaryAlarmSummary', { count: i.overdue }) });
  }
  if (approvals.length === 0) return out;
  // A request for approval is named by what it asks and the record it is about.
  const about = await subjectLabels(db, approvals.filter((a) => a.subject_type !== 'report').map((a) => ({ subjectType: a.subject_type, subjectId: a.subject_id })));
  const reports = approvals.some((a) => a.subject_type === 'report')
    ? await db.selectFrom('info_reports').select(['id', 'number']).where('id', 'in', approvals.filter((a) => a.subject_type === 'report').map((a) => a.subject_id)).execute()
    : [];
  for (const a of approvals) {
    const number = a.subject_type === 'report' ? (reports.find((r) => r.id === a.subject_id)?.number ?? '') : (about.get(subjectKey(a.subject_type, a.subject_id))?.number ?? '');
    out.set(subjectKey('approval', a.id), { number: t('approvals.alarmNumber', { kind: enumLabel('approvalKind', a.kind), number }), summary: a.reason });
  }
  return out;
}
