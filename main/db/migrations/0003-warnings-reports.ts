// Frozen: information reports, early warnings and their rule table, zero reports, as first shipped. Never edit; add a new one.
// Warnings and reports describe matters: no column for ID numbers, phones, movements, interception or belief.
import type { Kysely } from 'kysely';

/** The default rule table (DOMAIN.md, "Early warning"), evaluated in order; the first rule that matches wins. */
const DEFAULT_RULES = [
  { level: 'red', description: '已经发生群体性事件', conditions: { collectiveEventHappened: true } },
  { level: 'red', description: '情况紧急', conditions: { urgent: true } },
  { level: 'red', description: '有集体赴省及以上上访的可能', conditions: { collective: true, escalationIn: ['province', 'national'] } },
  { level: 'red', description: '有个体赴京（国家级）上访的可能', conditions: { collective: false, escalationIn: ['national'] } },
  { level: 'yellow', description: '有集体赴市上访的可能', conditions: { collective: true, escalationIn: ['city'] } },
  { level: 'yellow', description: '有个体赴省上访的可能', conditions: { collective: false, escalationIn: ['province'] } },
  { level: 'blue', description: '发现不稳定因素或信访苗头', conditions: {} },
];

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('info_reports')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('number', 'text', (c) => c.notNull().unique())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('parent_id', 'integer', (c) => c.references('info_reports.id'))
    .addColumn('root_id', 'integer', (c) => c.references('info_reports.id'))
    .addColumn('follow_seq', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('severity', 'text', (c) => c.notNull())
    .addColumn('found_at', 'integer', (c) => c.notNull())
    .addColumn('reported_at', 'integer', (c) => c.notNull())
    .addColumn('limit_at', 'integer', (c) => c.notNull())
    .addColumn('late_ms', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('place', 'text', (c) => c.notNull())
    .addColumn('people_count', 'integer', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('demands', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('verification', 'text')
    .addColumn('verification_note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('nature', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('urgency', 'text')
    .addColumn('opinion', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('approved_by', 'integer', (c) => c.references('users.id'))
    .addColumn('approved_at', 'integer')
    .addColumn('forward_to', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('forwarded_at', 'integer')
    .addColumn('petition_id', 'integer', (c) => c.references('petitions.id'))
    .addColumn('flag', 'text')
    .addColumn('flag_note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('flagged_at', 'integer')
    .addColumn('created_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'integer', (c) => c.notNull())
    .addUniqueConstraint('info_reports_year_seq', ['year', 'seq'])
    .execute();
  for (const col of ['unit_id', 'reported_at', 'root_id', 'petition_id', 'status']) {
    await db.schema.createIndex(`info_reports_${col}`).on('info_reports').column(col).execute();
  }

  await db.schema
    .createTable('report_steps')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('report_id', 'integer', (c) => c.notNull().references('info_reports.id'))
    .addColumn('at', 'integer', (c) => c.notNull())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('details_json', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('report_steps_report').on('report_steps').column('report_id').execute();

  await db.schema
    .createTable('warning_rules')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('ord', 'integer', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('conditions_json', 'text', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('built_in', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db
    .insertInto('warning_rules')
    .values(DEFAULT_RULES.map((r, i) => ({ ord: i + 1, level: r.level, description: r.description, conditions_json: JSON.stringify(r.conditions), active: 1, built_in: 1 })))
    .execute();

  await db.schema
    .createTable('warnings')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('number', 'text', (c) => c.notNull().unique())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('people_count', 'integer', (c) => c.notNull())
    .addColumn('grievance', 'text', (c) => c.notNull())
    .addColumn('escalation', 'text', (c) => c.notNull())
    .addColumn('collective_event', 'integer', (c) => c.notNull())
    .addColumn('urgent', 'integer', (c) => c.notNull())
    .addColumn('suggested_level', 'text', (c) => c.notNull())
    .addColumn('suggested_rule_id', 'integer', (c) => c.references('warning_rules.id'))
    .addColumn('suggested_rule_text', 'text', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('override_reason', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('responsible_unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('lead_leader_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('resolution_steps_json', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('issued_at', 'integer', (c) => c.notNull())
    .addColumn('issued_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('next_due_at', 'integer')
    .addColumn('next_due_kind', 'text')
    .addColumn('lifted_at', 'integer')
    .addColumn('lift_outcome', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('lift_approved_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'integer', (c) => c.notNull())
    .addUniqueConstraint('warnings_year_seq', ['year', 'seq'])
    .execute();
  for (const col of ['status', 'unit_id', 'issued_at']) {
    await db.schema.createIndex(`warnings_${col}`).on('warnings').column(col).execute();
  }

  await db.schema
    .createTable('warning_links')
    .addColumn('warning_id', 'integer', (c) => c.notNull().references('warnings.id'))
    .addColumn('link_type', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('warning_links_pk', ['warning_id', 'link_type', 'subject_id'])
    .execute();
  await db.schema.createIndex('warning_links_subject').on('warning_links').columns(['link_type', 'subject_id']).execute();

  await db.schema
    .createTable('warning_events')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('warning_id', 'integer', (c) => c.notNull().references('warnings.id'))
    .addColumn('at', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('from_level', 'text')
    .addColumn('to_level', 'text')
    .addColumn('due_at', 'integer')
    .addColumn('approver_id', 'integer', (c) => c.references('users.id'))
    .addColumn('details_json', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('warning_events_warning').on('warning_events').column('warning_id').execute();

  await db.schema
    .createTable('zero_reports')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('period_kind', 'text', (c) => c.notNull())
    .addColumn('due_at', 'integer', (c) => c.notNull())
    .addColumn('submitted_at', 'integer')
    .addColumn('nothing_to_report', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('report_ids_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('submitted_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('zero_reports_unit_period').on('zero_reports').columns(['unit_id', 'period']).unique().execute();
  await db.schema.createIndex('zero_reports_period').on('zero_reports').column('period').execute();
}

export async function down(): Promise<void> {
  throw new Error('0003-warnings-reports cannot be undone');
}
