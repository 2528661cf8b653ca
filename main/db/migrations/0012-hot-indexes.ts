// Frozen: indexes for the hot paths of a county-sized file (issue 15). Never edit; add a new one.
// - A petition's or warning's open deadlines, soonest first ("next due" after every save, closing deadlines,
//   the statistics' on-time test): subject, office duty, status, due time and time met (covering the on-time
//   test). It covers the old subject index.
// - The open deadlines of one kind of subject (the scheduler's zero-report check): type, then status, covering.
// - The alarm board's "all" tab, newest rung first: the time it rang, then the id.
// - A random stamp for the holiday calendar as it stands, so a process can keep the calendar it loaded until the
//   stamp changes (every calendar write sets a new one).
import type { Kysely } from 'kysely';
import { randomUUID } from 'node:crypto';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('deadlines_subject_open').on('deadlines').columns(['subject_type', 'subject_id', 'office_duty', 'status', 'due_at', 'met_at']).execute();
  await db.schema.dropIndex('deadlines_subject').execute();
  await db.schema.createIndex('deadlines_type_status').on('deadlines').columns(['subject_type', 'status', 'subject_id', 'due_at']).execute();
  await db.schema.createIndex('alarms_fired_at').on('alarms').columns(['fired_at', 'id']).execute();
  await db.insertInto('meta').values({ key: 'calendar_stamp', value: randomUUID() }).onConflict((oc) => oc.column('key').doNothing()).execute();
}
