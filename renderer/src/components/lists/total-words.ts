import { t, type MessageKey } from '../../../../shared/i18n';

/**
 * A list's total in words: "共 12 件", or "10000 件以上" when the core stopped counting at its cap (the petition
 * list, every alarm rung), in the list's own words.
 *
 * @example
 * totalWords(list.data, { total: 'petitions.list.total', capped: 'petitions.list.totalCapped' })
 */
export function totalWords(list: { readonly total: number; readonly totalCapped: boolean } | undefined, words: { readonly total: MessageKey; readonly capped: MessageKey }): string {
  const count = list?.total ?? 0;
  return t(list?.totalCapped ? words.capped : words.total, { count });
}
