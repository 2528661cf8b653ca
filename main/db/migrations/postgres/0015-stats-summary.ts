// Frozen: the PostgreSQL form of 0015-stats-summary. Never edit; add a new migration to both sets.
//
// The statistics read the same summaries as on SQLite (stats_petitions, stats_petition_units,
// stats_petition_topics, stats_reports, stats_warnings, same columns), but here they are views over the records,
// worked out at each read: no triggers to keep, nothing to rebuild when the office's zone changes, and a local
// month is PostgreSQL's own time-zone arithmetic (so no stats_months table). The rules are SQLite 0015's:
// counted petitions are neither voided nor repeats; `met` is 2 when an office deadline was met late, 1 when one
// was met and none late, else 0; `open_due` is the first open office deadline; 0 stands for "no unit/topic".
import { sql, type Kysely } from 'kysely';

const VIEWS: readonly (readonly [string, string])[] = [
  [
    'stats_petitions',
    `SELECT p.id AS petition_id, stats_month(p.received_at) AS month, coalesce(p.unit_id, 0) AS unit_id, coalesce(p.topic_id, 0) AS topic_id,
      coalesce((SELECT max(CASE WHEN d.met_at > d.due_at THEN 2 ELSE 1 END) FROM deadlines d
        WHERE d.subject_type = 'petition' AND d.subject_id = p.id AND d.office_duty = 1 AND d.status = 'met' AND d.met_at IS NOT NULL), 0) AS met,
      (SELECT min(d.due_at) FROM deadlines d WHERE d.subject_type = 'petition' AND d.subject_id = p.id AND d.office_duty = 1 AND d.status = 'open') AS open_due
    FROM petitions p WHERE p.status != 'voided' AND p.repeat_of_id IS NULL`,
  ],
  ['stats_petition_units', `SELECT month, unit_id, met, count(*) AS n FROM stats_petitions GROUP BY 1, 2, 3`],
  ['stats_petition_topics', `SELECT month, topic_id, count(*) AS n FROM stats_petitions GROUP BY 1, 2`],
  [
    'stats_reports',
    `SELECT stats_month(r.reported_at) AS month, r.unit_id, r.type, coalesce(r.flag, '') AS flag, (r.late_ms > 0)::int::bigint AS late,
      (r.late_ms = 0)::int::bigint AS in_time, count(*) AS n FROM info_reports r GROUP BY 1, 2, 3, 4, 5, 6`,
  ],
  ['stats_warnings', `SELECT stats_month(w.issued_at) AS month, w.unit_id, w.level, count(*) AS n FROM warnings w GROUP BY 1, 2, 3`],
];

export async function up(db: Kysely<any>): Promise<void> {
  // The office's local month ('2026-11') of an instant in epoch milliseconds; Asia/Shanghai while there is no office.
  await sql`CREATE FUNCTION stats_month(at bigint) RETURNS text LANGUAGE sql STABLE AS $$
    SELECT to_char(to_timestamp(at / 1000.0) AT TIME ZONE coalesce((SELECT time_zone FROM office WHERE id = 1), 'Asia/Shanghai'), 'YYYY-MM')
  $$`.execute(db);
  for (const [name, body] of VIEWS) await sql.raw(`CREATE VIEW ${name} AS ${body}`).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const [name] of [...VIEWS].reverse()) await sql.raw(`DROP VIEW ${name}`).execute(db);
  await sql`DROP FUNCTION stats_month(bigint)`.execute(db);
}
