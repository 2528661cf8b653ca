import type { Kysely } from 'kysely';
import { dialectOf, type Database } from '../../db';

/**
 * Office numbers: `{year}` is the year in full, `{seq}` the sequence, `{seq:4}` padded to four digits.
 *
 * @example
 * formatPetitionNumber('信〔{year}〕{seq:4}号', 2026, 12) // '信〔2026〕0012号'
 */
export function formatPetitionNumber(format: string, year: number, seq: number): string {
  return format
    .replace(/\{year\}/g, String(year))
    .replace(/\{seq(?::(\d))?\}/g, (_, width: string | undefined) => String(seq).padStart(width ? Number(width) : 0, '0'));
}

/**
 * Whether a number series must skip rows imported from townships (migration 0017): on the county's PostgreSQL
 * each imported township keeps its own numbers beside the county's, and the county's series runs over its own
 * rows alone (an index on (township, year, seq) answers it). A SQLite office never imports a township, and there
 * the extra condition would make the year's highest number a scan instead of one index probe.
 */
export function countyOwnOnly(trx: Kysely<Database>): boolean {
  return dialectOf(trx).name === 'postgres';
}

/**
 * The highest sequence number a year has given: over the petitions that exist and the numbers retired with an
 * undone import, so that a number is never given twice. Inside the transaction that takes the next number: on a
 * server the year's numbers stay locked until it ends, so clerks saving at once get one number each, no gaps.
 */
export async function lastPetitionSeq(trx: Kysely<Database>, year: number): Promise<number> {
  await dialectOf(trx).lockNumberSeries(trx, 'petition', year);
  const [used, retired] = await Promise.all([
    trx
      .selectFrom('petitions')
      .select((eb) => eb.fn.max('seq').as('seq'))
      .where('year', '=', year)
      .$if(countyOwnOnly(trx), (q) => q.where('township', '=', ''))
      .executeTakeFirst(),
    trx.selectFrom('retired_petition_numbers').select('max_seq').where('year', '=', year).executeTakeFirst(),
  ]);
  return Math.max(Number(used?.seq ?? 0), retired?.max_seq ?? 0);
}
