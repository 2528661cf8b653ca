// Frozen: units and sensitive periods get a beginning for zero reports. A unit is expected to report only for
// periods that end after its effective-from date; a sensitive period expects daily reports from its
// reports-from date, which is never before the day it was added. Never edit; add a new one.
//
// Existing units take the day their creation was audited ('unit.create'), in the office's zone; a unit with no
// such row keeps NULL, which means what it meant before this migration: expected for every period.
// Existing sensitive periods take the later of their start and the day they were added.
import type { Kysely } from 'kysely';

function localDate(ms: number, timeZone: string): string {
  // en-CA writes dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(ms));
}

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('units').addColumn('effective_from', 'text').execute();
  await db.schema.alterTable('sensitive_periods').addColumn('reports_from', 'text').execute();
  const office: { time_zone: string } | undefined = await db.selectFrom('office').select('time_zone').where('id', '=', 1).executeTakeFirst();
  const timeZone = office?.time_zone ?? 'Asia/Shanghai';
  const created: { entity_id: string; at: number }[] = await db
    .selectFrom('audit')
    .select(['entity_id', (eb) => eb.fn.min('at').as('at')])
    .where('entity', '=', 'unit')
    .where('action', '=', 'unit.create')
    .groupBy('entity_id')
    .execute();
  for (const row of created) {
    await db.updateTable('units').set({ effective_from: localDate(Number(row.at), timeZone) }).where('id', '=', Number(row.entity_id)).execute();
  }
  const periods: { id: number; start_date: string; created_at: number }[] = await db.selectFrom('sensitive_periods').select(['id', 'start_date', 'created_at']).execute();
  for (const p of periods) {
    const added = localDate(p.created_at, timeZone);
    await db.updateTable('sensitive_periods').set({ reports_from: added > p.start_date ? added : p.start_date }).where('id', '=', p.id).execute();
  }
}

export async function down(): Promise<void> {
  throw new Error('0009-effective-from cannot be undone');
}
