// Frozen: summary tables for the statistics page (issue 15), kept by triggers in the same transaction as every
// write to what they count, so no write path (intake, correction, void, transitions, deadlines met, import and its
// undo, a bulk statement) can forget them. Never edit; add a new one.
//
// - stats_months: the office's local months as instants (the start of each), so a trigger can file a time under
//   its local month with one lookup. SQLite knows no time zones: the rows are worked out here, for the office's
//   zone (Asia/Shanghai while there is no office yet), and again when it is set up or its zone changes
//   (rebuildStatsSummary).
// - stats_petitions: one row per counted petition (not voided, not a repeat): its month, unit, topic (0 for none),
//   how its office deadlines were met so far (2 when one was met late, 1 when one was met and none late, 0
//   otherwise) and when the first of its open office deadlines is due. Whether that one is late depends on the
//   clock, not on a write, so it cannot be counted ahead: the statistics ask the index on (month, open due) for
//   the window's petitions whose first open deadline is past, and count them late.
// - stats_petition_units (month × unit × met) and stats_petition_topics (month × topic): counts of those rows,
//   kept by triggers on stats_petitions. The page reads a few hundred rows per year whatever the office's size.
// - stats_reports (month × unit × type × flag × late × in time) and stats_warnings (month × unit × level).
// Counts may reach 0 and stay as rows; readers add them up, so a 0 changes nothing.
import { sql, type Kysely } from 'kysely';

// No office kept petition records before 1950 (the first petition offices date from 1951). A time outside the range
// is filed under the month ''.
const FIRST_YEAR = 1950;
const LAST_YEAR = 2149;

/** Each month's first local midnight from FIRST_YEAR to LAST_YEAR, and the end of the last as a '' month. */
function monthStarts(timeZone: string): { start_at: number; month: string }[] {
  const format = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
  /** The local wall clock at an instant, as if it were UTC. */
  const wallClock = (ms: number) => {
    const p = Object.fromEntries(format.formatToParts(new Date(ms)).map((x) => [x.type, Number(x.value)]));
    return Date.UTC(p.year ?? 0, (p.month ?? 1) - 1, p.day ?? 1, p.hour ?? 0, p.minute ?? 0, p.second ?? 0);
  };
  const rows: { start_at: number; month: string }[] = [];
  let offset = 0;
  for (let y = FIRST_YEAR; y <= LAST_YEAR + 1; y++) {
    for (let m = 1; m <= (y > LAST_YEAR ? 1 : 12); m++) {
      const wall = Date.UTC(y, m - 1, 1);
      // Guessed with last month's offset (one lookup when it holds); a change of offset moves the guess.
      let at = wall - offset;
      for (let i = 0; i < 3; i++) {
        const diff = wallClock(at) - wall;
        if (diff === 0) break;
        at -= diff;
      }
      offset = wall - at;
      rows.push({ start_at: at, month: y > LAST_YEAR ? '' : `${y}-${String(m).padStart(2, '0')}` });
    }
  }
  return rows;
}

const month = (at: string) => `coalesce((SELECT month FROM stats_months WHERE start_at <= ${at} ORDER BY start_at DESC LIMIT 1), '')`;
/** How a petition's office deadlines were met: 2 one late, 1 met in time, 0 none met (open ones left out). */
const met = (id: string) => `coalesce((SELECT max(CASE WHEN d.met_at > d.due_at THEN 2 ELSE 1 END) FROM deadlines d
  WHERE d.subject_type = 'petition' AND d.subject_id = ${id} AND d.office_duty = 1 AND d.status = 'met' AND d.met_at IS NOT NULL), 0)`;
/** When a petition's first open office deadline is due, or NULL. */
const openDue = (id: string) => `(SELECT min(d.due_at) FROM deadlines d
  WHERE d.subject_type = 'petition' AND d.subject_id = ${id} AND d.office_duty = 1 AND d.status = 'open')`;
const counted = (p: string) => `${p}.status != 'voided' AND ${p}.repeat_of_id IS NULL`;
const petitionRow = (p: string) => `SELECT ${p}.id, ${month(`${p}.received_at`)}, coalesce(${p}.unit_id, 0), coalesce(${p}.topic_id, 0), ${met(`${p}.id`)}, ${openDue(`${p}.id`)}`;
const add = (table: string, columns: string, values: string) => `INSERT INTO ${table} (${columns}, n) VALUES (${values}) ON CONFLICT DO UPDATE SET n = n + excluded.n;`;
const report = (r: string, n: number) =>
  add('stats_reports', 'month, unit_id, type, flag, late, in_time', `${month(`${r}.reported_at`)}, ${r}.unit_id, ${r}.type, coalesce(${r}.flag, ''), ${r}.late_ms > 0, ${r}.late_ms = 0, ${n}`);
const warning = (w: string, n: number) => add('stats_warnings', 'month, unit_id, level', `${month(`${w}.issued_at`)}, ${w}.unit_id, ${w}.level, ${n}`);
const petitionGroups = (s: string, n: number) =>
  `${add('stats_petition_units', 'month, unit_id, met', `${s}.month, ${s}.unit_id, ${s}.met, ${n}`)} ${add('stats_petition_topics', 'month, topic_id', `${s}.month, ${s}.topic_id, ${n}`)}`;

/** A petition's deadlines changed: how they were met and the first open one worked out again. */
const refresh = (id: string, when = 'true') => `UPDATE stats_petitions SET met = ${met(id)}, open_due = ${openDue(id)} WHERE petition_id = ${id} AND ${when};`;

const TRIGGERS: Readonly<Record<string, string>> = {
  stats_petition_insert: `AFTER INSERT ON petitions WHEN ${counted('NEW')} BEGIN INSERT INTO stats_petitions ${petitionRow('NEW')}; END`,
  stats_petition_update: `AFTER UPDATE OF received_at, unit_id, topic_id, status, repeat_of_id ON petitions
    WHEN OLD.received_at IS NOT NEW.received_at OR OLD.unit_id IS NOT NEW.unit_id OR OLD.topic_id IS NOT NEW.topic_id
      OR (OLD.status = 'voided') != (NEW.status = 'voided') OR (OLD.repeat_of_id IS NULL) != (NEW.repeat_of_id IS NULL)
    BEGIN DELETE FROM stats_petitions WHERE petition_id = OLD.id; INSERT INTO stats_petitions ${petitionRow('NEW')} WHERE ${counted('NEW')}; END`,
  stats_petition_delete: `AFTER DELETE ON petitions BEGIN DELETE FROM stats_petitions WHERE petition_id = OLD.id; END`,
  // A new open deadline can only bring the first open due forward (intake adds three): no need to look at the others.
  stats_deadline_insert: `AFTER INSERT ON deadlines WHEN NEW.subject_type = 'petition'
    BEGIN
      UPDATE stats_petitions SET open_due = min(coalesce(open_due, NEW.due_at), NEW.due_at)
        WHERE petition_id = NEW.subject_id AND NEW.office_duty = 1 AND NEW.status = 'open';
      ${refresh('NEW.subject_id', "NEW.status = 'met'")}
    END`,
  stats_deadline_update: `AFTER UPDATE OF subject_type, subject_id, office_duty, status, met_at, due_at ON deadlines
    WHEN OLD.subject_type = 'petition' OR NEW.subject_type = 'petition'
    BEGIN
      ${refresh('OLD.subject_id', "OLD.subject_type = 'petition'")}
      ${refresh('NEW.subject_id', "NEW.subject_type = 'petition' AND (OLD.subject_type != 'petition' OR OLD.subject_id != NEW.subject_id)")}
    END`,
  stats_deadline_delete: `AFTER DELETE ON deadlines WHEN OLD.subject_type = 'petition' BEGIN ${refresh('OLD.subject_id')} END`,
  stats_petition_groups_insert: `AFTER INSERT ON stats_petitions BEGIN ${petitionGroups('NEW', 1)} END`,
  stats_petition_groups_delete: `AFTER DELETE ON stats_petitions BEGIN ${petitionGroups('OLD', -1)} END`,
  stats_petition_groups_update: `AFTER UPDATE ON stats_petitions WHEN OLD.month != NEW.month OR OLD.unit_id != NEW.unit_id OR OLD.topic_id != NEW.topic_id OR OLD.met != NEW.met
    BEGIN ${petitionGroups('OLD', -1)} ${petitionGroups('NEW', 1)} END`,
  stats_report_insert: `AFTER INSERT ON info_reports BEGIN ${report('NEW', 1)} END`,
  stats_report_delete: `AFTER DELETE ON info_reports BEGIN ${report('OLD', -1)} END`,
  stats_report_update: `AFTER UPDATE OF reported_at, unit_id, type, flag, late_ms ON info_reports BEGIN ${report('OLD', -1)} ${report('NEW', 1)} END`,
  stats_warning_insert: `AFTER INSERT ON warnings BEGIN ${warning('NEW', 1)} END`,
  stats_warning_delete: `AFTER DELETE ON warnings BEGIN ${warning('OLD', -1)} END`,
  stats_warning_update: `AFTER UPDATE OF issued_at, unit_id, level ON warnings BEGIN ${warning('OLD', -1)} ${warning('NEW', 1)} END`,
};

/**
 * Works every summary out anew from the office's records for its time zone: by the migration, and when the office
 * is set up or its zone changes. The triggers are dropped while the tables are filled in bulk (one statement each
 * instead of a trigger per row) and made again at the end, all inside the caller's transaction.
 *
 * @example
 * await db.transaction().execute((trx) => rebuildStatsSummary(trx, 'Asia/Shanghai'));
 */
export async function rebuildStatsSummary(db: Kysely<any>, timeZone: string): Promise<void> {
  for (const name of Object.keys(TRIGGERS)) await sql`DROP TRIGGER IF EXISTS ${sql.id(name)}`.execute(db);
  for (const table of ['stats_months', 'stats_petitions', 'stats_petition_units', 'stats_petition_topics', 'stats_reports', 'stats_warnings']) {
    await db.deleteFrom(table).execute();
  }
  const months = monthStarts(timeZone);
  for (let i = 0; i < months.length; i += 400) await db.insertInto('stats_months').values(months.slice(i, i + 400)).execute();
  await sql.raw(`INSERT INTO stats_petitions ${petitionRow('p')} FROM petitions p WHERE ${counted('p')}`).execute(db);
  await sql`INSERT INTO stats_petition_units SELECT month, unit_id, met, count(*) FROM stats_petitions GROUP BY 1, 2, 3`.execute(db);
  await sql`INSERT INTO stats_petition_topics SELECT month, topic_id, count(*) FROM stats_petitions GROUP BY 1, 2`.execute(db);
  await sql
    .raw(`INSERT INTO stats_reports SELECT ${month('r.reported_at')}, r.unit_id, r.type, coalesce(r.flag, ''), r.late_ms > 0, r.late_ms = 0, count(*)
      FROM info_reports r GROUP BY 1, 2, 3, 4, 5, 6`)
    .execute(db);
  await sql.raw(`INSERT INTO stats_warnings SELECT ${month('w.issued_at')}, w.unit_id, w.level, count(*) FROM warnings w GROUP BY 1, 2, 3`).execute(db);
  for (const [name, body] of Object.entries(TRIGGERS)) await sql.raw(`CREATE TRIGGER ${name} ${body}`).execute(db);
}

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createTable('stats_months').addColumn('start_at', 'integer', (c) => c.primaryKey()).addColumn('month', 'text', (c) => c.notNull()).execute();
  await db.schema
    .createTable('stats_petitions')
    .addColumn('petition_id', 'integer', (c) => c.primaryKey())
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'integer', (c) => c.notNull())
    .addColumn('topic_id', 'integer', (c) => c.notNull())
    .addColumn('met', 'integer', (c) => c.notNull())
    .addColumn('open_due', 'integer')
    .execute();
  // Covers the statistics' question "which of the month's petitions have an open deadline past due".
  await db.schema.createIndex('stats_petitions_open_due').on('stats_petitions').columns(['month', 'open_due', 'unit_id', 'met']).where(sql.ref('open_due'), 'is not', null).execute();
  const groups = (table: string, key: readonly string[], types: Readonly<Record<string, 'text' | 'integer'>>) => {
    let t = db.schema.createTable(table);
    for (const column of key) t = t.addColumn(column, types[column] ?? 'integer', (c) => c.notNull());
    return t.addColumn('n', 'integer', (c) => c.notNull()).addPrimaryKeyConstraint(`${table}_key`, key as never[]).modifyEnd(sql`WITHOUT ROWID`).execute();
  };
  await groups('stats_petition_units', ['month', 'unit_id', 'met'], { month: 'text' });
  await groups('stats_petition_topics', ['month', 'topic_id'], { month: 'text' });
  await groups('stats_reports', ['month', 'unit_id', 'type', 'flag', 'late', 'in_time'], { month: 'text', type: 'text', flag: 'text' });
  await groups('stats_warnings', ['month', 'unit_id', 'level'], { month: 'text', level: 'text' });
  const office: { time_zone: string } | undefined = await db.selectFrom('office').select('time_zone').where('id', '=', 1).executeTakeFirst();
  await rebuildStatsSummary(db, office?.time_zone ?? 'Asia/Shanghai');
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const name of Object.keys(TRIGGERS)) await sql`DROP TRIGGER IF EXISTS ${sql.id(name)}`.execute(db);
  for (const table of ['stats_warnings', 'stats_reports', 'stats_petition_topics', 'stats_petition_units', 'stats_petitions', 'stats_months']) {
    await db.schema.dropTable(table).execute();
  }
}
