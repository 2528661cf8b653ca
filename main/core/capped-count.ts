/**
 * Lists over the big tables (petitions, alarms) count their matches only up to a cap: an exact count of a million
 * rows costs as much as reading them, and nobody pages past ten thousand. Above the cap the page says so
 * ("10000 件以上").
 *
 * @example
 * const n = await cappedCountQuery(db, matches, input.exactTotal).executeTakeFirst();
 * return { rows, ...cappedTotal(Number(n?.n ?? 0), input.exactTotal) };
 */
import type { SelectQueryBuilder } from 'kysely';
import type { Db } from '../db';

/** A list counts at most this many matches exactly; above it the page says "10000+". */
export const LIST_COUNT_CAP = 10_000;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any query over any tables can be counted
type Matches = SelectQueryBuilder<any, any, any>;

/** `count(*)` of the matches, stopping one past the cap (the list's, unless another is given) unless `exact`. */
export function cappedCountQuery(db: Db, matches: Matches, exact: boolean, cap = LIST_COUNT_CAP) {
  return db.selectFrom((exact ? matches : matches.limit(cap + 1)).as('m')).select((eb) => eb.fn.countAll<number>().as('n'));
}

/** The total a list reports for `n` counted matches: the cap, and that it was reached, when above it. */
export function cappedTotal(n: number, exact: boolean): { total: number; totalCapped: boolean } {
  const capped = n > LIST_COUNT_CAP && !exact;
  return { total: capped ? LIST_COUNT_CAP : n, totalCapped: capped };
}
