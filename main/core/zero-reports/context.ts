import type { Kysely } from 'kysely';
import type { Database } from '../../db';
import type { ZeroReportSettings } from '../../../shared/api';
import { t } from '../../../shared/i18n';
import { DEFAULT_TIME_ZONE } from '../../../shared/time';
import { zeroReportPeriodLabel } from '../../../shared/zero-report-period';
import { getZeroReportSettings } from './settings';
import { dailyPeriod, monthlyPeriod, parsePeriod, sensitiveOn, type SensitiveRange, type ZeroReportPeriod } from './periods';

/** What every zero-report computation needs: the zone, the settings and the sensitive periods in force. */
export interface ZeroReportContext {
  readonly timeZone: string;
  readonly settings: ZeroReportSettings;
  readonly ranges: readonly SensitiveRange[];
}

export async function loadZeroReportContext(db: Kysely<Database>): Promise<ZeroReportContext> {
  const [office, settings, ranges] = await Promise.all([
    db.selectFrom('office').select('time_zone').where('id', '=', 1).executeTakeFirst(),
    getZeroReportSettings(db),
    db.selectFrom('sensitive_periods').select(['start_date', 'end_date', 'name', 'reports_from']).where('cancelled', '=', 0).execute(),
  ]);
  return {
    timeZone: office?.time_zone ?? DEFAULT_TIME_ZONE,
    settings,
    // Daily reports are expected from the period's reports-from day (never before it was added), not its start.
    ranges: ranges.map((r) => ({ startDate: r.reports_from !== null && r.reports_from > r.start_date ? r.reports_from : r.start_date, endDate: r.end_date, name: r.name })),
  };
}

/** The period as it stands today: null when the text is not a period, or a day outside every sensitive period. */
export function expectedPeriod(text: string, ctx: ZeroReportContext): ZeroReportPeriod | null {
  const parsed = parsePeriod(text);
  if (!parsed) return null;
  if (parsed.kind === 'monthly') return monthlyPeriod(parsed.value, ctx.settings, ctx.timeZone);
  const range = sensitiveOn(parsed.value, ctx.ranges);
  return range ? dailyPeriod(parsed.value, range.name, ctx.settings, ctx.timeZone) : null;
}

/** '2026年11月' or '2026年11月3日', for messages and alarm titles. */
export const periodLabel = zeroReportPeriodLabel;

export function dueArticle(p: ZeroReportPeriod, settings: ZeroReportSettings): string {
  return p.kind === 'monthly' ? t('reports.monthlyArticle', { day: settings.monthlyDueDay }) : t('reports.dailyArticle', { hour: settings.dailyDueHour });
}
