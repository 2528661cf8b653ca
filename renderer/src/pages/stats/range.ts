/**
 * The statistics range: the last 12 months, a calendar year, or a chosen pair of months; checked here with
 * the same rules as the core, so a bad range never leaves the page.
 *
 * @example
 * rangeInput({ kind: 'year', year: 2026 })             // { fromMonth: '2026-01', toMonth: '2026-12' }
 * customRangeProblem('2026-05', '2026-02')             // 'stats.page.reversed'
 */
import type { StatisticsInput } from '../../../../shared/api';
import { t, type MessageKey } from '../../../../shared/i18n';

export type RangeChoice = { readonly kind: 'recent' } | { readonly kind: 'year'; readonly year: number } | { readonly kind: 'custom'; readonly from: string; readonly to: string };

export const MAX_MONTHS = 24;

export function rangeInput(choice: RangeChoice): Partial<StatisticsInput> {
  if (choice.kind === 'recent') return { months: 12 };
  if (choice.kind === 'year') return { fromMonth: `${choice.year}-01`, toMonth: `${choice.year}-12` };
  return { fromMonth: choice.from, toMonth: choice.to };
}

const index = (month: string) => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7));

/** Why a chosen pair of months cannot be used, or null when it can. Months are 'YYYY-MM'. */
export function customRangeProblem(from: string | null, to: string | null): MessageKey | null {
  if (!from || !to) return 'stats.page.needBoth';
  if (to < from) return 'stats.page.reversed';
  if (index(to) - index(from) >= MAX_MONTHS) return 'stats.page.tooLong';
  return null;
}

export function monthLabel(month: string): string {
  return t('stats.page.monthLabel', { year: Number(month.slice(0, 4)), month: Number(month.slice(5, 7)) });
}

/** '2026年1月至2026年12月', or one month alone. */
export function rangeLabel(months: readonly string[]): string {
  const first = months[0];
  const last = months[months.length - 1];
  if (!first || !last) return '';
  return first === last ? monthLabel(first) : t('stats.page.rangeLabel', { from: monthLabel(first), to: monthLabel(last) });
}

/** Short axis labels: '3月' inside one year, '25年3月' across years. */
export function axisMonthLabel(month: string, acrossYears: boolean): string {
  const m = Number(month.slice(5, 7));
  return acrossYears ? t('stats.page.axisYearMonth', { yy: month.slice(2, 4), month: m }) : t('stats.page.axisMonth', { month: m });
}
