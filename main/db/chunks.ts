/**
 * A long list cut into pieces small enough for one statement: SQLite takes at most 32,766 parameters, and a
 * multi-row INSERT of 400 rows of up to 30 columns stays well under it.
 *
 * @example
 * for (const part of chunksOf(rows)) await trx.insertInto('alarms').values(part).execute();
 */
export const ROWS_PER_STATEMENT = 400;

export function chunksOf<T>(items: readonly T[], size: number = ROWS_PER_STATEMENT): T[][] {
  const out: T[][] = [];
  for (let start = 0; start < items.length; start += size) out.push(items.slice(start, start + size));
  return out;
}
