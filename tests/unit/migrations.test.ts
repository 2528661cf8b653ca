/**
 * The office's one SQLite file must open on every version of the app: a new file is built from the
 * migrations, an existing one is left alone, and an older one is brought up to date with its data kept.
 * The schema guard at the end fails on any schema change nobody meant to make; when a change is meant, add a
 * migration and update the expected lists here in the same change.
 */
import path from 'node:path';
import { describe, it, expect } from 'vitest';
import { Kysely, SqliteDialect } from 'kysely';
import { Migrator } from 'kysely/migration';
import SqliteDatabase from 'better-sqlite3';
import { LATEST_MIGRATION, migrateToLatest, openStore, type Store } from '../../main/db';
import { migrationProvider } from '../../main/db/migrations';
import { tempDir } from './support/temp-dir';

const freshDir = () => tempDir('migrations');

function master(store: Store) {
  return store.sqlite.prepare('SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY name').all() as {
    type: string;
    name: string;
    tbl_name: string;
    sql: string | null;
  }[];
}

const namesOf = (store: Store, type: string) => master(store).filter((r) => r.type === type).map((r) => r.name);

function columns(store: Store, table: string): string[] {
  return (store.sqlite.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name);
}

function migrationsApplied(store: Store) {
  return store.sqlite.prepare('SELECT name, timestamp FROM kysely_migration ORDER BY name').all() as { name: string; timestamp: string }[];
}

describe('a new, empty file', () => {
  it('is migrated to the latest version, with the Chinese full-text index', async () => {
    const store = await openStore(freshDir());
    expect(migrationsApplied(store).map((m) => m.name)).toEqual(['0001-initial', '0002-duty-alarms', '0003-warnings-reports', '0004-notices', '0005-alarm-log-notes', '0006-book-of-record', '0007-accounts-audit', '0009-effective-from', '0010-ledger', '0011-list-search-indexes', '0012-hot-indexes', '0013-list-sort-indexes', '0014-short-search-index', '0015-stats-summary', '0016-audit-address', '0017-township-import']);
    expect(LATEST_MIGRATION).toBe('0017-township-import');
    const tables = namesOf(store, 'table');
    for (const t of ['office', 'users', 'petitions', 'petitioners', 'deadlines', 'audit', 'calendar_days', 'petitions_fts', 'alarms']) {
      expect(tables).toContain(t);
    }
    const fts = master(store).find((r) => r.name === 'petitions_fts');
    expect(fts?.sql).toMatch(/USING fts5\(/);
    expect(fts?.sql).toContain("tokenize='trigram'");
    // The index answers a Chinese phrase query (an empty result, but no error).
    expect(store.sqlite.prepare('SELECT count(*) AS n FROM petitions_fts WHERE petitions_fts MATCH ?').get('"补偿款"')).toEqual({ n: 0 });
    await store.close();
  });
});

describe('an existing file', () => {
  it('is left as it is when opened again, data and all', async () => {
    const dir = freshDir();
    let store = await openStore(dir);
    store.sqlite.prepare("INSERT INTO meta (key, value) VALUES ('probe', '青山镇')").run();
    const schemaBefore = master(store);
    const appliedBefore = migrationsApplied(store);
    await store.close();

    store = await openStore(dir);
    expect(await migrateToLatest(store.db)).toEqual([]);
    expect(master(store)).toEqual(schemaBefore);
    expect(migrationsApplied(store)).toEqual(appliedBefore);
    expect(store.sqlite.prepare("SELECT value FROM meta WHERE key = 'probe'").get()).toEqual({ value: '青山镇' });
    await store.close();
  });

  it('from the first release is brought up to date and keeps its data', async () => {
    const dir = freshDir();
    // Build a file as the first release left it: only 0001 applied.
    const raw = new SqliteDatabase(path.join(dir, 'petition-desk.sqlite'));
    const old = new Kysely<unknown>({ dialect: new SqliteDialect({ database: raw }) });
    const { error } = await new Migrator({ db: old, provider: migrationProvider }).migrateTo('0001-initial');
    expect(error).toBeUndefined();
    raw.prepare("INSERT INTO meta (key, value) VALUES ('probe', '旧版本的数据')").run();
    expect(raw.prepare("SELECT name FROM sqlite_master WHERE name = 'alarms'").all()).toEqual([]);
    await old.destroy();

    const store = await openStore(dir);
    expect(migrationsApplied(store).map((m) => m.name)).toEqual(['0001-initial', '0002-duty-alarms', '0003-warnings-reports', '0004-notices', '0005-alarm-log-notes', '0006-book-of-record', '0007-accounts-audit', '0009-effective-from', '0010-ledger', '0011-list-search-indexes', '0012-hot-indexes', '0013-list-sort-indexes', '0014-short-search-index', '0015-stats-summary', '0016-audit-address', '0017-township-import']);
    expect(namesOf(store, 'table')).toContain('alarms');
    expect(namesOf(store, 'table')).toContain('warnings');
    expect(store.sqlite.prepare("SELECT value FROM meta WHERE key = 'probe'").get()).toEqual({ value: '旧版本的数据' });
    await store.close();
  });
});

describe('the audit table (issue 12, finding 2)', () => {
  const auditSql = (sqlite: SqliteDatabase.Database) => (sqlite.prepare("SELECT sql FROM sqlite_master WHERE name = 'audit'").get() as { sql: string }).sql;

  it('never reuses an id: AUTOINCREMENT, so SQLite remembers the highest id it issued', async () => {
    const store = await openStore(freshDir());
    expect(auditSql(store.sqlite)).toMatch(/autoincrement/i);
    await store.close();
  });

  it('is rebuilt with AUTOINCREMENT by 0007 where an older file lacks it, keeping its rows and ids', async () => {
    const dir = freshDir();
    const raw = new SqliteDatabase(path.join(dir, 'petition-desk.sqlite'));
    const old = new Kysely<unknown>({ dialect: new SqliteDialect({ database: raw }) });
    expect((await new Migrator({ db: old, provider: migrationProvider }).migrateTo('0005-alarm-log-notes')).error).toBeUndefined();
    // An audit table as a hand-built or foreign file may have it: a plain rowid, with a gap at 2.
    raw.exec('DROP TABLE audit');
    raw.exec(`CREATE TABLE audit (id integer primary key, at integer not null, user_id integer, user_name text not null, action text not null,
      entity text not null, entity_id text not null, before_json text, after_json text, prev_hash text not null, hash text not null)`);
    for (const id of [1, 3, 4]) {
      raw.prepare("INSERT INTO audit VALUES (?, 1, NULL, '王管理', 'unit.create', 'unit', ?, NULL, NULL, 'p', 'h')").run(id, String(id));
    }
    await old.destroy();

    const store = await openStore(dir);
    expect(auditSql(store.sqlite)).toMatch(/autoincrement/i);
    expect(store.sqlite.prepare('SELECT id, entity_id FROM audit ORDER BY id').all()).toEqual([
      { id: 1, entity_id: '1' }, { id: 3, entity_id: '3' }, { id: 4, entity_id: '4' },
    ]);
    // The next row follows the highest id, and a deleted newest id is not issued again.
    store.sqlite.prepare('DELETE FROM audit WHERE id = 4').run();
    const next = store.sqlite.prepare("INSERT INTO audit (at, user_name, action, entity, entity_id, prev_hash, hash) VALUES (2, '王管理', 'x', 'x', 'x', 'p', 'h')").run();
    expect(Number(next.lastInsertRowid)).toBe(5);
    await store.close();
  });
});

describe('schema guard', () => {
  // Written out from migrations 0001 to 0010, in name order.
  const TABLES = [
    'alarm_log', 'alarms', 'approvals', 'attachments', 'audit', 'calendar_days', 'deadlines', 'duty_log', 'duty_overrides', 'duty_roles',
    'handovers', 'info_reports', 'kysely_migration', 'kysely_migration_lock', 'ledger_imports', 'mediations', 'meta', 'notice_prints', 'notice_sequences',
    'notices', 'office', 'petition_bigrams', 'petition_bigrams_config', 'petition_bigrams_data', 'petition_bigrams_docsize', 'petition_bigrams_idx',
    'petition_numbers_fts', 'petition_numbers_fts_config', 'petition_numbers_fts_data', 'petition_numbers_fts_docsize',
    'petition_numbers_fts_idx', 'petition_steps', 'petitioner_names_fts', 'petitioner_names_fts_config', 'petitioner_names_fts_data',
    'petitioner_names_fts_docsize', 'petitioner_names_fts_idx',
    'petitioners', 'petitions', 'petitions_fts', 'petitions_fts_config', 'petitions_fts_data', 'petitions_fts_docsize',
    'petitions_fts_idx', 'report_steps', 'retired_petition_numbers', 'rotation_members', 'rotations', 'sensitive_periods', 'sessions', 'sqlite_sequence',
    // The planner's statistics (PRAGMA optimize when the file opens).
    'sqlite_stat1', 'sqlite_stat4',
    // The statistics' summaries (0015).
    'stats_months', 'stats_petition_topics', 'stats_petition_units', 'stats_petitions', 'stats_reports', 'stats_warnings',
    'topics',
    // Townships' files imported into a county database (0017; empty in an office's file).
    'township_audit', 'township_imports',
    'units', 'users', 'warning_events', 'warning_links', 'warning_rules', 'warnings', 'zero_reports',
  ];
  const INDEXES = [
    'alarm_log_alarm', 'alarms_deadline', 'alarms_fired_at', 'alarms_status_fire', 'alarms_status_step', 'approvals_status', 'approvals_subject', 'deadlines_open_due',
    'deadlines_subject_open', 'deadlines_type_status',
    'duty_log_at', 'duty_overrides_time', 'info_reports_petition_id', 'info_reports_reported_at', 'info_reports_root_id',
    'info_reports_status', 'info_reports_unit_id', 'notice_prints_notice', 'notices_created_at', 'notices_kind', 'notices_status',
    'notices_subject', 'petition_steps_petition', 'petitioners_id_number', 'petitioners_petition', 'petitioners_phone',
    'petitions_category_list', 'petitions_import', 'petitions_lead_pair', 'petitions_open_due', 'petitions_received_at', 'petitions_repeat_of_id',
    'petitions_responsible_list', 'petitions_seq', 'petitions_status_id', 'petitions_status_received', 'petitions_topic_list',
    'petitions_unit_list', 'petitions_voided', 'report_steps_report',
    // Implicit indexes for primary keys on text columns and unique constraints.
    'sqlite_autoindex_calendar_days_1', 'sqlite_autoindex_duty_roles_1', 'sqlite_autoindex_info_reports_1',
    'sqlite_autoindex_info_reports_2', 'sqlite_autoindex_kysely_migration_1',
    'sqlite_autoindex_kysely_migration_lock_1', 'sqlite_autoindex_meta_1', 'sqlite_autoindex_notice_sequences_1',
    'sqlite_autoindex_notices_1', 'sqlite_autoindex_notices_2', 'sqlite_autoindex_petitions_1',
    'sqlite_autoindex_petitions_2', 'sqlite_autoindex_rotation_members_1', 'sqlite_autoindex_sessions_1',
    'sqlite_autoindex_topics_1', 'sqlite_autoindex_township_audit_1', 'sqlite_autoindex_township_imports_1',
    'sqlite_autoindex_township_imports_2', 'sqlite_autoindex_units_1', 'sqlite_autoindex_users_1', 'sqlite_autoindex_warning_links_1',
    'sqlite_autoindex_warnings_1', 'sqlite_autoindex_warnings_2', 'stats_petitions_open_due',
    'warning_events_warning', 'warning_links_subject', 'warnings_issued_at', 'warnings_status', 'warnings_unit_id',
    'zero_reports_period', 'zero_reports_unit_period',
  ];
  const TRIGGERS = [
    'petition_bigrams_delete', 'petition_bigrams_insert', 'petition_bigrams_name_delete', 'petition_bigrams_name_insert',
    'petition_bigrams_name_update', 'petition_bigrams_update',
    'petition_numbers_fts_delete', 'petition_numbers_fts_insert', 'petition_numbers_fts_update',
    'petitioner_names_fts_delete', 'petitioner_names_fts_insert', 'petitioner_names_fts_update',
    'petitions_fts_delete', 'petitions_fts_insert', 'petitions_fts_update',
    // The statistics' summaries kept in the same transaction as each write (0015).
    'stats_deadline_delete', 'stats_deadline_insert', 'stats_deadline_update', 'stats_petition_delete', 'stats_petition_groups_delete',
    'stats_petition_groups_insert', 'stats_petition_groups_update', 'stats_petition_insert', 'stats_petition_update', 'stats_report_delete',
    'stats_report_insert', 'stats_report_update', 'stats_warning_delete', 'stats_warning_insert', 'stats_warning_update',
  ];
  const COLUMNS: Record<string, string[]> = {
    office: ['id', 'name', 'township', 'time_zone', 'number_format', 'collective_threshold', 'prealarm_days', 'created_at', 'session_max_days'],
    users: ['id', 'username', 'display_name', 'role', 'password_hash', 'failed_attempts', 'locked_until', 'active', 'created_at', 'must_change_password'],
    sessions: ['token_hash', 'user_id', 'created_at', 'last_seen_at'],
    units: ['id', 'name', 'kind', 'liaison_name', 'liaison_phone', 'active', 'effective_from'],
    topics: ['id', 'name', 'sort_order', 'active'],
    audit: ['id', 'at', 'user_id', 'user_name', 'action', 'entity', 'entity_id', 'before_json', 'after_json', 'prev_hash', 'hash', 'address'],
    petitions: [
      'id', 'number', 'year', 'seq', 'channel', 'received_at', 'people_count', 'category', 'claim_item', 'topic_id', 'unit_id',
      'summary', 'request', 'facts_reasons', 'status', 'repeat_of_id', 'responsible_unit_id', 'lead_leader_id', 'decision',
      'extended_days', 'anonymous', 'first_petitioner', 'first_id_number', 'next_due_at', 'next_due_kind', 'created_by',
      'created_at', 'updated_at', 'void_reason', 'voided_at', 'ledger_number', 'import_id', 'township',
    ],
    petitioners: ['id', 'petition_id', 'ord', 'name', 'id_number', 'phone', 'address', 'is_representative'],
    petition_steps: ['id', 'petition_id', 'at', 'user_id', 'action', 'from_status', 'to_status', 'note', 'details_json'],
    mediations: ['id', 'petition_id', 'kind', 'at', 'outcome', 'note', 'user_id'],
    attachments: ['id', 'petition_id', 'file_name', 'stored_name', 'size', 'sha256', 'added_at', 'added_by', 'removed_at', 'removed_by', 'removal_reason'],
    approvals: [
      'id', 'kind', 'subject_type', 'subject_id', 'status', 'reason', 'payload_json', 'requested_by', 'requested_at', 'decided_by',
      'decided_at', 'decision_note', 'deadline_id',
    ],
    deadlines: [
      'id', 'subject_type', 'subject_id', 'kind', 'office_duty', 'start_date', 'unit', 'days', 'extension_days', 'article',
      'due_date', 'due_at', 'explanation_json', 'calendar_version', 'status', 'met_at', 'created_at',
    ],
    calendar_days: ['date', 'year', 'is_off_day', 'name'],
    meta: ['key', 'value'],
    petitions_fts: ['summary', 'request', 'facts_reasons'],
    duty_roles: ['id', 'key', 'name', 'built_in'],
    rotations: [
      'id', 'name', 'role_id', 'pattern', 'handoff_hour', 'night_hour', 'weekday', 'shifts_per_person', 'start_date', 'end_date',
      'sensitive_only', 'active', 'created_at',
    ],
    rotation_members: ['rotation_id', 'ord', 'user_id'],
    duty_overrides: [
      'id', 'kind', 'role_id', 'user_id', 'replaced_user_id', 'start_at', 'end_at', 'swap_group', 'reason', 'cancelled',
      'created_by', 'created_at',
    ],
    sensitive_periods: ['id', 'name', 'start_date', 'end_date', 'note', 'cancelled', 'created_at', 'reports_from'],
    duty_log: ['id', 'at', 'user_id', 'kind', 'content', 'created_at'],
    handovers: ['id', 'from_user_id', 'to_user_id', 'started_at', 'confirmed_at', 'period_from', 'notes', 'snapshot_json', 'status'],
    alarms: [
      'id', 'deadline_id', 'kind', 'days_before', 'fire_at', 'status', 'fired_at', 'late_ms', 'policy_json', 'level',
      'next_step_at', 'recipients_json', 'no_one_on_duty', 'acknowledged_by', 'acknowledged_at', 'snoozed_until',
      'snooze_reason', 'closed_at', 'created_at', 'ack_note', 'ack_for_others',
    ],
    alarm_log: ['id', 'alarm_id', 'at', 'step', 'user_ids_json', 'note', 'note_code', 'note_params_json'],
    info_reports: [
      'id', 'number', 'year', 'seq', 'unit_id', 'parent_id', 'root_id', 'follow_seq', 'type', 'severity', 'found_at',
      'reported_at', 'limit_at', 'late_ms', 'place', 'people_count', 'summary', 'content', 'demands', 'status', 'verification',
      'verification_note', 'nature', 'urgency', 'opinion', 'approved_by', 'approved_at', 'forward_to', 'forwarded_at',
      'petition_id', 'flag', 'flag_note', 'flagged_at', 'created_by', 'created_at', 'updated_at', 'township',
    ],
    report_steps: ['id', 'report_id', 'at', 'user_id', 'action', 'from_status', 'to_status', 'note', 'details_json'],
    warning_rules: ['id', 'ord', 'level', 'description', 'conditions_json', 'active', 'built_in'],
    warnings: [
      'id', 'number', 'year', 'seq', 'title', 'unit_id', 'people_count', 'grievance', 'escalation', 'collective_event', 'urgent',
      'suggested_level', 'suggested_rule_id', 'suggested_rule_text', 'level', 'override_reason', 'responsible_unit_id',
      'lead_leader_id', 'resolution_steps_json', 'status', 'issued_at', 'issued_by', 'next_due_at', 'next_due_kind', 'lifted_at',
      'lift_outcome', 'lift_approved_by', 'created_at', 'updated_at', 'township',
    ],
    warning_links: ['warning_id', 'link_type', 'subject_id', 'created_at'],
    warning_events: ['id', 'warning_id', 'at', 'kind', 'user_id', 'note', 'source', 'from_level', 'to_level', 'due_at', 'approver_id', 'details_json'],
    zero_reports: [
      'id', 'unit_id', 'period', 'period_kind', 'due_at', 'submitted_at', 'nothing_to_report', 'report_ids_json', 'note',
      'submitted_by', 'created_at',
    ],
    notices: [
      'id', 'kind', 'format', 'subject_type', 'subject_id', 'subject_month', 'status', 'title', 'addressee', 'addressee_unit_id',
      'body_json', 'note', 'copy_to_json', 'withheld_json', 'doc_number', 'year', 'seq', 'supersedes_id', 'superseded_by',
      'created_by', 'created_at', 'updated_at', 'submitted_by', 'submitted_at', 'signed_by', 'signed_at', 'frozen_html', 'sha256',
      'township',
    ],
    notice_sequences: ['kind', 'year', 'last_seq'],
    notice_prints: ['id', 'notice_id', 'at', 'user_id', 'copies', 'format', 'sha256'],
    ledger_imports: [
      'id', 'file_name', 'sheet_name', 'imported', 'refused', 'closed', 'overdue', 'created_by', 'created_at', 'voided_by', 'voided_at',
    ],
    retired_petition_numbers: ['year', 'max_seq'],
    stats_months: ['start_at', 'month'],
    stats_petitions: ['petition_id', 'month', 'unit_id', 'topic_id', 'met', 'open_due'],
    stats_petition_units: ['month', 'unit_id', 'met', 'n'],
    stats_petition_topics: ['month', 'topic_id', 'n'],
    stats_reports: ['month', 'unit_id', 'type', 'flag', 'late', 'in_time', 'n'],
    stats_warnings: ['month', 'unit_id', 'level', 'n'],
    township_imports: [
      'id', 'township', 'file_sha256', 'file_name', 'office_uid', 'office_name', 'imported_at', 'counts_json', 'audit_rows',
      'audit_head_id', 'audit_head_hash', 'audit_key_id',
    ],
    township_audit: ['township', 'id', 'at', 'user_id', 'user_name', 'action', 'entity', 'entity_id', 'before_json', 'after_json', 'prev_hash', 'hash', 'address'],
  };

  it('has exactly the expected tables, indexes and triggers', async () => {
    const store = await openStore(freshDir());
    const snapshot = master(store);
    expect(snapshot.filter((r) => r.type === 'table').map((r) => r.name)).toEqual(TABLES);
    expect(snapshot.filter((r) => r.type === 'index').map((r) => r.name)).toEqual(INDEXES);
    expect(snapshot.filter((r) => r.type === 'trigger').map((r) => r.name)).toEqual(TRIGGERS);
    expect(snapshot.filter((r) => r.type === 'view')).toEqual([]);
    await store.close();
  });

  it('has exactly the expected columns, in order, in every application table', async () => {
    const store = await openStore(freshDir());
    for (const [table, expected] of Object.entries(COLUMNS)) {
      expect(columns(store, table), table).toEqual(expected);
    }
    await store.close();
  });
});
