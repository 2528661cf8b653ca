// Frozen: the petition list's remaining slow shapes at county scale (issue 15). Never edit; add a new one.
// - Sorted by status: an index in (status, id) order, so the first page is the first rows of the index instead of
//   every petition sorted. It carries the next due, so the open petitions without one (paged after those with one
//   when sorted by next due) are found in it without reading each open petition.
// - By next due, and the overdue count: only open petitions have a next due, so a partial index over those rows
//   (72k of 1M) in (next due, id) order, carrying the status, replaces the index over every row (mostly NULLs). The
//   overdue count reads it alone; the list sorted by next due walks it in either direction.
// - The topic, unit and category filters' counts: their indexes carry the status (after the id, so the
//   received-date order the page walks is unchanged), and counting up to the cap no longer reads each petition
//   for "not voided" (the unit filter counts its two sides, each from its index, and their union).
import type { Kysely } from 'kysely';

/** The filter indexes of 0011 that get the status: name part and column. */
const LISTS: readonly (readonly [string, string])[] = [
  ['topic', 'topic_id'],
  ['unit', 'unit_id'],
  ['responsible', 'responsible_unit_id'],
  ['category', 'category'],
];

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('petitions_status_id').on('petitions').columns(['status', 'id', 'next_due_at']).execute();
  await db.schema
    .createIndex('petitions_open_due')
    .on('petitions')
    .columns(['next_due_at', 'id', 'status'])
    .where((eb) => eb('next_due_at', 'is not', null))
    .execute();
  await db.schema.dropIndex('petitions_next_due_at').execute();
  for (const [name, col] of LISTS) {
    await db.schema.createIndex(`petitions_${name}_list`).on('petitions').columns([col, 'received_at', 'id', 'status']).execute();
    await db.schema.dropIndex(`petitions_${name}_received`).execute();
  }
}

/** Puts the schema back as 0012 left it (the bench undoes and re-runs this migration to time it). */
export async function down(db: Kysely<any>): Promise<void> {
  for (const [name, col] of LISTS) {
    await db.schema.createIndex(`petitions_${name}_received`).on('petitions').columns([col, 'received_at']).execute();
    await db.schema.dropIndex(`petitions_${name}_list`).execute();
  }
  await db.schema.createIndex('petitions_next_due_at').on('petitions').column('next_due_at').execute();
  await db.schema.dropIndex('petitions_open_due').execute();
  await db.schema.dropIndex('petitions_status_id').execute();
}
