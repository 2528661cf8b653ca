/**
 * Settings an administrator can change, each stored as one JSON value in the meta table and read over its
 * defaults, so a setting added later has a value in an older file.
 *
 * @example
 * const s = await readSetting(core.db, 'report_settings', DEFAULT_REPORT_SETTINGS);
 * await writeSetting(trx, 'report_settings', { ...s, limits });
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db';

export async function readSetting<T extends object>(db: Kysely<Database>, key: string, defaults: T): Promise<T> {
  const row = await db.selectFrom('meta').select('value').where('key', '=', key).executeTakeFirst();
  if (!row) return defaults;
  return { ...defaults, ...(JSON.parse(row.value) as Partial<T>) };
}

export async function writeSetting(db: Kysely<Database>, key: string, value: object): Promise<void> {
  const text = JSON.stringify(value);
  await db.insertInto('meta').values({ key, value: text }).onConflict((oc) => oc.column('key').doUpdateSet({ value: text })).execute();
}
