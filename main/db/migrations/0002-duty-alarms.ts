// Frozen: duty roster, duty log, handovers, alarms and their log, as first shipped. Never edit; add a new one.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('duty_roles')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('key', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('built_in', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.insertInto('duty_roles').values([
    { key: 'leader', name: '带班领导', built_in: 1 },
    { key: 'officer', name: '值班员', built_in: 1 },
  ]).execute();

  await db.schema
    .createTable('rotations')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('role_id', 'integer', (c) => c.notNull().references('duty_roles.id'))
    .addColumn('pattern', 'text', (c) => c.notNull())
    .addColumn('handoff_hour', 'integer', (c) => c.notNull())
    .addColumn('night_hour', 'integer', (c) => c.notNull())
    .addColumn('weekday', 'integer', (c) => c.notNull())
    .addColumn('shifts_per_person', 'integer', (c) => c.notNull())
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('end_date', 'text')
    .addColumn('sensitive_only', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'integer', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('rotation_members')
    .addColumn('rotation_id', 'integer', (c) => c.notNull().references('rotations.id'))
    .addColumn('ord', 'integer', (c) => c.notNull())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addPrimaryKeyConstraint('rotation_members_pk', ['rotation_id', 'ord'])
    .execute();

  await db.schema
    .createTable('duty_overrides')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('role_id', 'integer', (c) => c.notNull().references('duty_roles.id'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('replaced_user_id', 'integer', (c) => c.references('users.id'))
    .addColumn('start_at', 'integer', (c) => c.notNull())
    .addColumn('end_at', 'integer', (c) => c.notNull())
    .addColumn('swap_group', 'text')
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('cancelled', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('duty_overrides_time').on('duty_overrides').columns(['start_at', 'end_at']).execute();

  await db.schema
    .createTable('sensitive_periods')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('end_date', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('cancelled', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'integer', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('duty_log')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('at', 'integer', (c) => c.notNull())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('created_at', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('duty_log_at').on('duty_log').column('at').execute();

  await db.schema
    .createTable('handovers')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('from_user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('to_user_id', 'integer', (c) => c.references('users.id'))
    .addColumn('started_at', 'integer', (c) => c.notNull())
    .addColumn('confirmed_at', 'integer')
    .addColumn('period_from', 'integer', (c) => c.notNull())
    .addColumn('notes', 'text', (c) => c.notNull())
    .addColumn('snapshot_json', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('alarms')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('deadline_id', 'integer', (c) => c.notNull().references('deadlines.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('days_before', 'integer', (c) => c.notNull())
    .addColumn('fire_at', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('fired_at', 'integer')
    .addColumn('late_ms', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('policy_json', 'text')
    .addColumn('level', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_step_at', 'integer')
    .addColumn('recipients_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('no_one_on_duty', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('acknowledged_by', 'integer', (c) => c.references('users.id'))
    .addColumn('acknowledged_at', 'integer')
    .addColumn('snoozed_until', 'integer')
    .addColumn('snooze_reason', 'text')
    .addColumn('closed_at', 'integer')
    .addColumn('created_at', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('alarms_status_fire').on('alarms').columns(['status', 'fire_at']).execute();
  await db.schema.createIndex('alarms_status_step').on('alarms').columns(['status', 'next_step_at']).execute();
  await db.schema.createIndex('alarms_deadline').on('alarms').column('deadline_id').execute();

  await db.schema
    .createTable('alarm_log')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('alarm_id', 'integer', (c) => c.notNull().references('alarms.id'))
    .addColumn('at', 'integer', (c) => c.notNull())
    .addColumn('step', 'text', (c) => c.notNull())
    .addColumn('user_ids_json', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('alarm_log_alarm').on('alarm_log').column('alarm_id').execute();
}

export async function down(): Promise<void> {
  throw new Error('0002-duty-alarms cannot be undone');
}
