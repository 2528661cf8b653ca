/**
 * How a numbered record's number is shown: an imported township's record (migration 0017, county edition) has the
 * same numbers as the county's own, so its township's name goes first; the office's own show the number alone.
 *
 * @example
 * shownNumber({ township: '东风镇', number: '信〔2026〕0001号' }) // '东风镇 信〔2026〕0001号'
 */
import { t } from './i18n';

export function shownNumber(record: { readonly township: string; readonly number: string }): string {
  return record.township ? t('township.number', { township: record.township, number: record.number }) : record.number;
}
