/**
 * Zero-report periods as people read them: '2026-11' is 2026年11月 (the monthly report), '2026-11-03' is
 * 2026年11月3日 (a daily report inside a sensitive period).
 *
 * @example
 * zeroReportPeriodLabel('2026-11-03') // '2026年11月3日'
 */
import { t } from './i18n';

export function zeroReportPeriodLabel(period: string): string {
  const [year, month, day] = period.split('-').map(Number);
  if (day === undefined) return t('reports.periodMonth', { year: year ?? 0, month: month ?? 0 });
  return t('reports.periodDay', { year: year ?? 0, month: month ?? 0, day });
}
