/**
 * Moving a township's file in (issue 16): a township office's SQLite file becomes part of the county's PostgreSQL
 * database, under the township's name, in one transaction, or not at all.
 *
 * How it is settled:
 * - **Checked first, nothing written until all passes**: the file opens and passes `PRAGMA quick_check`, has
 *   exactly this version's SQLite migrations (a newer app's file, or an older one not yet opened by this version,
 *   is refused), its whole audit chain verifies under the township's key (from its key folder), and neither the
 *   township nor a file with the same SHA-256 was imported before (`township_imports`, unique on both).
 * - **Numbers**: each numbered record (petition, warning, information report, notice) keeps its number and takes
 *   the township's name in `township` ('' is the county's own). On PostgreSQL migration 0017 makes numbers unique
 *   per (township, number), and the county's own series skips imported rows, so the county's 信〔2026〕0001号 and
 *   东风镇's stand side by side; lists and details show the township before the number.
 * - **Ids**: every record keeps its place by an offset per table: its new id is its old id plus the county's
 *   highest id in that table (taken with the table locked against other writers until commit), so a reference
 *   is remapped by adding the offset of the table it points to, polymorphic ones (a deadline's subject) by their
 *   type. References to a record's own table are written after its rows (a later notice can supersede an earlier).
 *   People and reference lists are matched instead: users become **disabled accounts** named `东风镇·<username>`
 *   with no usable password (their names stay on every record they wrote; an admin can enable and reset one);
 *   units the county has under the same name (or `东风镇·<name>`, for names like 司法所 that every township has)
 *   are the same unit, others are added under that name; topics by name; warning rules by their text, else the
 *   warning keeps the rule's text without the link. Attachment files are copied (checked against their SHA-256)
 *   under the new petition id. Left behind: the township's sessions, settings, calendar, duty roster and logs,
 *   handovers and number counters; ids inside JSON columns (alarm recipients, step details) are not remapped.
 * - **Audit**: the township's chain is copied row for row into `township_audit` (its own ids and hashes), so it
 *   still verifies under the township's key; its verification at import (rows, head, key id) is recorded in
 *   `township_imports`, and one row in the county's own chain says "imported N rows from 东风镇, file hash H".
 *
 * @example
 * const done = await importTownship(app.core, { file: '/mnt/usb/petition-desk.sqlite', township: '东风镇', keyDir: '/mnt/usb/keys' });
 * done.counts.petitions // 1234
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { sql, type Kysely, type Selectable } from 'kysely';
import { dialectOf, openReadOnlyDb, type AttachmentTable, type AuditTable, type Database, type Db, type TopicTable, type UnitTable, type UserTable } from '../../db';
import { migrationProvider } from '../../db/migrations';
import { appendAudit, installAuditKey, readAuditHead, readAuditKey, verifyAudit, type SecretSealer } from '../audit';
import { dataFolder, type DataFolder } from '../storage/data-folder';
import { UserError } from '../errors';
import { copyWithHash } from '../backup/crypto';
import type { Core } from '../context';
import { t } from '../../../shared/i18n';
import { formatDateTime } from '../../../shared/time';

export interface TownshipImportOptions {
  /** The township's `petition-desk.sqlite`. */
  readonly file: string;
  readonly township: string;
  /** The folder holding the township's `audit-<office uid>.key`. */
  readonly keyDir: string;
  readonly sealer?: SecretSealer | null;
  /** The township's data folder (its attachments/); by default the folder the file is in. */
  readonly townshipDataDir?: string;
}

export interface TownshipImportResult {
  readonly id: number;
  readonly township: string;
  readonly fileSha256: string;
  /** Rows written per table (audit: the township's chain kept in township_audit). */
  readonly counts: Readonly<Record<string, number>>;
  readonly auditHead: { readonly id: number; readonly hash: string };
}

/** Tables matched rather than copied: a reference to one is looked up in its map. */
type Matched = 'users' | 'units' | 'topics' | 'warning_rules';
type Copied =
  | 'ledger_imports'
  | 'petitions'
  | 'petitioners'
  | 'petition_steps'
  | 'mediations'
  | 'attachments'
  | 'info_reports'
  | 'report_steps'
  | 'warnings'
  | 'warning_links'
  | 'warning_events'
  | 'zero_reports'
  | 'deadlines'
  | 'approvals'
  | 'alarms'
  | 'alarm_log'
  | 'notices'
  | 'notice_prints';

interface TableSpec {
  readonly table: Copied;
  /** Column → the table it points to. */
  readonly refs: Readonly<Record<string, Matched | Copied>>;
  /** A column whose table is named by another column's value (`subject_type` → table). */
  readonly subject?: { readonly column: string; readonly by: string; readonly tables: Readonly<Record<string, Copied>> };
  /** Whether the rows are numbered (they take the township's name). */
  readonly numbered?: boolean;
  /** Tables without an id of their own (warning_links): no offset, read in rowid order. */
  readonly noId?: boolean;
}

const U = 'users';
/** In an order that writes every referenced row before the rows that point to it (foreign keys). */
const TABLES: readonly TableSpec[] = [
  { table: 'ledger_imports', refs: { created_by: U, voided_by: U } },
  {
    table: 'petitions',
    numbered: true,
    refs: { topic_id: 'topics', unit_id: 'units', responsible_unit_id: 'units', repeat_of_id: 'petitions', lead_leader_id: U, created_by: U, import_id: 'ledger_imports' },
  },
  { table: 'petitioners', refs: { petition_id: 'petitions' } },
  { table: 'petition_steps', refs: { petition_id: 'petitions', user_id: U } },
  { table: 'mediations', refs: { petition_id: 'petitions', user_id: U } },
  { table: 'attachments', refs: { petition_id: 'petitions', added_by: U, removed_by: U } },
  {
    table: 'info_reports',
    numbered: true,
    refs: { unit_id: 'units', parent_id: 'info_reports', root_id: 'info_reports', approved_by: U, petition_id: 'petitions', created_by: U },
  },
  { table: 'report_steps', refs: { report_id: 'info_reports', user_id: U } },
  {
    table: 'warnings',
    numbered: true,
    refs: { unit_id: 'units', responsible_unit_id: 'units', suggested_rule_id: 'warning_rules', lead_leader_id: U, issued_by: U, lift_approved_by: U },
  },
  { table: 'warning_links', noId: true, refs: { warning_id: 'warnings' }, subject: { column: 'subject_id', by: 'link_type', tables: { petition: 'petitions', report: 'info_reports' } } },
  { table: 'warning_events', refs: { warning_id: 'warnings', user_id: U, approver_id: U } },
  { table: 'zero_reports', refs: { unit_id: 'units', submitted_by: U } },
  {
    table: 'deadlines',
    refs: {},
    subject: { column: 'subject_id', by: 'subject_type', tables: { petition: 'petitions', warning: 'warnings', zero_report: 'zero_reports', approval: 'approvals', ledger_import: 'ledger_imports' } },
  },
  {
    table: 'approvals',
    refs: { requested_by: U, decided_by: U, deadline_id: 'deadlines' },
    subject: { column: 'subject_id', by: 'subject_type', tables: { petition: 'petitions', warning: 'warnings', report: 'info_reports' } },
  },
  { table: 'alarms', refs: { deadline_id: 'deadlines', acknowledged_by: U } },
  { table: 'alarm_log', refs: { alarm_id: 'alarms' } },
  {
    table: 'notices',
    numbered: true,
    refs: { addressee_unit_id: 'units', supersedes_id: 'notices', superseded_by: 'notices', created_by: U, submitted_by: U, signed_by: U },
    subject: { column: 'subject_id', by: 'subject_type', tables: { warning: 'warnings', petition: 'petitions', report: 'info_reports' } },
  },
  { table: 'notice_prints', refs: { notice_id: 'notices', user_id: U } },
];

/** Rows per INSERT: PostgreSQL takes at most 65,535 parameters in one statement. */
const PARAMETERS_PER_INSERT = 60_000;
const MAX_TOWNSHIP_NAME = 20;
/** Between the township's name and a user's or unit's own name. */
const JOIN = '·';

type Row = Record<string, unknown>;

function refuse(key: Parameters<typeof t>[0], params?: Parameters<typeof t>[1]): never {
  throw new UserError('invalid_input', key, params);
}

/** What the checks learn about the file, for the transaction. */
interface CheckedFile {
  readonly sha256: string;
  readonly officeUid: string;
  readonly officeName: string;
  readonly keyId: string;
  readonly auditRows: number;
  readonly head: { id: number; hash: string };
}

/** Every check that needs no write; throws a UserError naming what to fix. */
async function checkFile(db: Db, options: TownshipImportOptions, township: string): Promise<CheckedFile> {
  if (dialectOf(db).name !== 'postgres') refuse('township.errors.notPostgres');
  const office = await db.selectFrom('office').select('id').executeTakeFirst();
  if (!office) refuse('township.errors.countyNotSetUp');
  const file = path.resolve(options.file);
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) refuse('township.errors.fileMissing', { file });
  const wal = `${file}-wal`;
  if (fs.existsSync(wal) && fs.statSync(wal).size > 0) refuse('township.errors.walPending', { file });
  const { sha256 } = await copyWithHash(file, null);
  await refuseImported(db, township, sha256);
  const damaged = (detail: string): never => refuse('township.errors.damaged', { file, detail });
  let lite: ReturnType<typeof openReadOnlyDb>;
  try {
    lite = openReadOnlyDb(file);
  } catch (err) {
    return damaged(err instanceof Error ? err.message : String(err));
  }
  try {
    const check = (() => {
      try {
        return lite.sqlite.prepare('PRAGMA quick_check').pluck().all() as string[];
      } catch (err) {
        return [err instanceof Error ? err.message : String(err)];
      }
    })();
    if (check.length !== 1 || check[0] !== 'ok') damaged(check.slice(0, 2).join('; '));
    const hasMigrations = lite.sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'kysely_migration'").get();
    if (!hasMigrations) damaged('kysely_migration');
    const ran = new Set(lite.sqlite.prepare('SELECT name FROM kysely_migration').pluck().all() as string[]);
    const known = Object.keys(await migrationProvider.getMigrations());
    const unknown = [...ran].filter((m) => !known.includes(m)).sort();
    if (unknown[0]) refuse('township.errors.newerVersion', { migration: unknown[0] });
    const missing = known.filter((m) => !ran.has(m));
    if (missing[0]) refuse('township.errors.olderVersion', { migration: missing[0] });
    const meta = new Map((lite.sqlite.prepare('SELECT key, value FROM meta').all() as { key: string; value: string }[]).map((r) => [r.key, r.value]));
    const townOffice = lite.sqlite.prepare('SELECT name FROM office').get() as { name: string } | undefined;
    const officeUid = meta.get('office_uid');
    if (!townOffice || !officeUid) return damaged('office');
    let key: Buffer | null;
    try {
      key = await readAuditKey({ dir: options.keyDir, sealer: options.sealer ?? null }, officeUid);
    } catch {
      key = null;
    }
    if (!key) refuse('township.errors.keyMissing', { dir: options.keyDir, office: townOffice.name, uid: officeUid });
    installAuditKey(lite.sqlite, key);
    const verification = await verifyAudit(lite.db);
    if (!verification.ok) {
      refuse('township.errors.auditBroken', { row: verification.brokenAt ?? '—', reason: t(`security.audit.reason.${verification.reason ?? 'row'}`) });
    }
    const head = (await readAuditHead(lite.db)) ?? { id: 0, hash: '' };
    return { sha256, officeUid, officeName: townOffice.name, keyId: meta.get('audit_key_id') ?? '', auditRows: verification.checked, head };
  } finally {
    await lite.close();
  }
}

async function refuseImported(db: Kysely<Database>, township: string, sha256: string): Promise<void> {
  const before = await db.selectFrom('township_imports').select(['township', 'file_sha256', 'imported_at']).where((eb) => eb.or([eb('township', '=', township), eb('file_sha256', '=', sha256)])).executeTakeFirst();
  if (!before) return;
  const zone = (await db.selectFrom('office').select('time_zone').executeTakeFirst())?.time_zone ?? 'Asia/Shanghai';
  const params = { township: before.township, at: formatDateTime(before.imported_at, zone), hash: before.file_sha256.slice(0, 16) };
  refuse(before.township === township ? 'township.errors.alreadyImported' : 'township.errors.sameFile', params);
}

/** The township's name as given, or a refusal. */
function townshipName(given: string): string {
  const name = given.trim();
  if (name === '' || [...name].length > MAX_TOWNSHIP_NAME || /\s/.test(name) || name.includes(JOIN)) refuse('township.errors.name');
  return name;
}

/** Reads a township table in id order, a chunk at a time. */
function* chunksOfTable(lite: ReturnType<typeof openReadOnlyDb>, table: string, noId: boolean, size: number): Generator<Row[]> {
  let chunk: Row[] = [];
  for (const row of lite.sqlite.prepare(`SELECT * FROM "${table}" ORDER BY ${noId ? 'rowid' : 'id'}`).iterate() as Iterable<Row>) {
    chunk.push(row);
    if (chunk.length >= size) {
      yield chunk;
      chunk = [];
    }
  }
  if (chunk.length > 0) yield chunk;
}

/** How an old id becomes a new one, per table. */
interface IdMaps {
  readonly matched: Record<Matched, Map<number, number>>;
  readonly offsets: Record<Copied, number>;
}

function mapId(maps: IdMaps, target: Matched | Copied, id: unknown): number | null {
  if (id === null || id === undefined) return null;
  const n = Number(id);
  if (target in maps.matched) return maps.matched[target as Matched].get(n) ?? null;
  return n + maps.offsets[target as Copied];
}

export async function importTownship(core: Core, options: TownshipImportOptions): Promise<TownshipImportResult> {
  const township = townshipName(options.township);
  const checked = await checkFile(core.db, options, township);
  const file = path.resolve(options.file);
  const fromFolder = dataFolder(options.townshipDataDir ?? path.dirname(file));
  const toFolder = dataFolder(core.dataDir);
  const copiedFiles: string[] = [];
  const lite = openReadOnlyDb(file);
  try {
    const result = await core.db.transaction().execute(async (trx) => {
      const now = core.clock.now();
      // First, so a second import of the same township or file started meanwhile fails on the unique columns.
      const record = await trx
        .insertInto('township_imports')
        .values({
          township,
          file_sha256: checked.sha256,
          file_name: path.basename(file),
          office_uid: checked.officeUid,
          office_name: checked.officeName,
          imported_at: now,
          counts_json: '{}',
          audit_rows: checked.auditRows,
          audit_head_id: checked.head.id,
          audit_head_hash: checked.head.hash,
          audit_key_id: checked.keyId,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const counts: Record<string, number> = {};
      const maps: IdMaps = {
        matched: { users: await importUsers(trx, lite, township, counts), units: await importUnits(trx, lite, township, counts), topics: await matchTopics(trx, lite, counts), warning_rules: await matchRules(trx, lite) },
        offsets: {} as Record<Copied, number>,
      };
      // The tables stay locked against other writers until commit: the offsets are the highest ids, and no clerk's
      // new row may take an id an imported row is about to use. Readers are not held up.
      const withIds = TABLES.filter((s) => !s.noId).map((s) => s.table);
      await sql.raw(`LOCK TABLE ${withIds.map((tb) => `"${tb}"`).join(', ')} IN SHARE ROW EXCLUSIVE MODE`).execute(trx);
      for (const table of withIds) {
        const r = await sql<{ m: number | null }>`SELECT max(id) AS m FROM ${sql.table(table)}`.execute(trx);
        maps.offsets[table] = Number(r.rows[0]?.m ?? 0);
      }
      for (const spec of TABLES) counts[spec.table] = await copyTable(trx, lite, spec, maps, township);
      copiedFiles.push(...(await copyAttachmentFiles(lite, fromFolder, toFolder, maps.offsets.petitions)));
      counts.audit = await copyAuditChain(trx, lite, township);
      for (const table of withIds) {
        await sql`SELECT setval(pg_get_serial_sequence(${table}, 'id'), greatest((SELECT max(id) FROM ${sql.table(table)}), 1))`.execute(trx);
      }
      const total = Object.values(counts).reduce((a, b) => a + b, 0);
      await trx.updateTable('township_imports').set({ counts_json: JSON.stringify(counts) }).where('id', '=', record.id).execute();
      await appendAudit(trx, {
        actor: null,
        at: now,
        action: 'township.import',
        entity: 'township_import',
        entityId: record.id,
        after: { township, rows: total, fileSha256: checked.sha256, auditHead: checked.head, counts },
      });
      return { id: record.id, township, fileSha256: checked.sha256, counts, auditHead: checked.head };
    });
    // After a bulk load: VACUUM marks the new rows' pages all-visible (the list's counts read their indexes alone
    // only then) and ANALYZE gives the planner their statistics. Outside the transaction, as VACUUM must be.
    const written = [...TABLES.map((s) => s.table), 'township_audit', 'users', 'units', 'topics'];
    await sql.raw(`VACUUM (ANALYZE) ${written.map((tb) => `"${tb}"`).join(', ')}`).execute(core.db);
    return result;
  } catch (err) {
    // Nothing of the import stays: the transaction rolled back, and the files it copied go too.
    for (const f of copiedFiles) fs.rmSync(f, { force: true });
    throw err;
  } finally {
    await lite.close();
  }
}

async function importUsers(trx: Kysely<Database>, lite: ReturnType<typeof openReadOnlyDb>, township: string, counts: Record<string, number>): Promise<Map<number, number>> {
  const map = new Map<number, number>();
  const rows = lite.sqlite.prepare('SELECT id, username, display_name, role, created_at FROM users ORDER BY id').all() as Pick<Selectable<UserTable>, 'id' | 'username' | 'display_name' | 'role' | 'created_at'>[];
  for (const u of rows) {
    const added = await trx
      .insertInto('users')
      // Disabled, with no password that any typing can match ('!' is no hash): an admin enables and resets one.
      .values({ username: `${township}${JOIN}${u.username}`, display_name: u.display_name, role: u.role, password_hash: '!', failed_attempts: 0, locked_until: null, active: 0, created_at: u.created_at, must_change_password: 1 })
      .returning('id')
      .executeTakeFirstOrThrow();
    map.set(u.id, added.id);
  }
  counts.users = rows.length;
  return map;
}

async function importUnits(trx: Kysely<Database>, lite: ReturnType<typeof openReadOnlyDb>, township: string, counts: Record<string, number>): Promise<Map<number, number>> {
  const map = new Map<number, number>();
  const rows = lite.sqlite.prepare('SELECT * FROM units ORDER BY id').all() as Selectable<UnitTable>[];
  let added = 0;
  for (const u of rows) {
    const name = u.name.includes(township) ? u.name : `${township}${JOIN}${u.name}`;
    const existing = await trx.selectFrom('units').select('id').where('name', '=', name).executeTakeFirst();
    if (existing) {
      map.set(u.id, existing.id);
      continue;
    }
    const row = await trx
      .insertInto('units')
      .values({ name, kind: u.kind, liaison_name: u.liaison_name, liaison_phone: u.liaison_phone, active: u.active, effective_from: u.effective_from })
      .returning('id')
      .executeTakeFirstOrThrow();
    map.set(u.id, row.id);
    added++;
  }
  counts.units = added;
  return map;
}

async function matchTopics(trx: Kysely<Database>, lite: ReturnType<typeof openReadOnlyDb>, counts: Record<string, number>): Promise<Map<number, number>> {
  const map = new Map<number, number>();
  const rows = lite.sqlite.prepare('SELECT * FROM topics ORDER BY id').all() as Selectable<TopicTable>[];
  let added = 0;
  for (const tp of rows) {
    const existing = await trx.selectFrom('topics').select('id').where('name', '=', tp.name).executeTakeFirst();
    const id = existing?.id ?? (await trx.insertInto('topics').values({ name: tp.name, sort_order: tp.sort_order, active: tp.active }).returning('id').executeTakeFirstOrThrow()).id;
    if (!existing) added++;
    map.set(tp.id, id);
  }
  counts.topics = added;
  return map;
}

/** A township's warning rule is the county's when level, text and conditions are the same (the built-in ones). */
async function matchRules(trx: Kysely<Database>, lite: ReturnType<typeof openReadOnlyDb>): Promise<Map<number, number>> {
  const county = await trx.selectFrom('warning_rules').select(['id', 'level', 'description', 'conditions_json']).execute();
  const byText = new Map(county.map((r) => [JSON.stringify([r.level, r.description, r.conditions_json]), r.id]));
  const map = new Map<number, number>();
  for (const r of lite.sqlite.prepare('SELECT id, level, description, conditions_json FROM warning_rules').all() as { id: number; level: string; description: string; conditions_json: string }[]) {
    const id = byText.get(JSON.stringify([r.level, r.description, r.conditions_json]));
    if (id !== undefined) map.set(r.id, id);
  }
  return map;
}

/** Copies one table's rows with their ids and references remapped; references into its own table after. */
async function copyTable(trx: Kysely<Database>, lite: ReturnType<typeof openReadOnlyDb>, spec: TableSpec, maps: IdMaps, township: string): Promise<number> {
  const columns = (lite.sqlite.prepare(`SELECT name FROM pragma_table_info('${spec.table}')`).pluck().all() as string[]).filter((c) => !(spec.numbered && c === 'township'));
  const selfRefs = Object.entries(spec.refs).filter(([, target]) => target === spec.table).map(([c]) => c);
  const perInsert = Math.max(1, Math.floor(PARAMETERS_PER_INSERT / (columns.length + 1)));
  const offset = spec.noId ? 0 : maps.offsets[spec.table];
  const later: [number, string, number][] = [];
  let n = 0;
  for (const chunk of chunksOfTable(lite, spec.table, spec.noId ?? false, perInsert)) {
    const rows = chunk.map((old) => {
      const row: Row = {};
      for (const c of columns) row[c] = old[c];
      if (!spec.noId) row.id = Number(old.id) + offset;
      for (const [column, target] of Object.entries(spec.refs)) {
        const mapped = mapId(maps, target, old[column]);
        if (target === spec.table) {
          if (mapped !== null) later.push([Number(row.id), column, mapped]);
          row[column] = null;
        } else row[column] = mapped;
      }
      if (spec.subject) {
        const target = spec.subject.tables[String(old[spec.subject.by])];
        row[spec.subject.column] = target ? mapId(maps, target, old[spec.subject.column]) : old[spec.subject.column];
      }
      if (spec.table === 'attachments') row.stored_name = movedStoredName(String(old.stored_name), Number(row.petition_id));
      if (spec.table === 'zero_reports') row.report_ids_json = JSON.stringify((JSON.parse(String(old.report_ids_json)) as number[]).map((id) => id + maps.offsets.info_reports));
      if (spec.numbered) row.township = township;
      return row;
    });
    await trx.insertInto(spec.table).values(rows as never).execute();
    n += rows.length;
  }
  for (const column of selfRefs) {
    const pairs = later.filter(([, c]) => c === column);
    for (let i = 0; i < pairs.length; i += 5000) {
      const values = sql.join(pairs.slice(i, i + 5000).map(([id, , to]) => sql`(${id}::bigint, ${to}::bigint)`));
      await sql`UPDATE ${sql.table(spec.table)} AS t SET ${sql.ref(column)} = v.ref FROM (VALUES ${values}) AS v(id, ref) WHERE t.id = v.id`.execute(trx);
    }
  }
  return n;
}

/** Attachments are stored under their petition's id (`<petition id>/<sha256>.<ext>`): the new id, same file name. */
function movedStoredName(stored: string, petitionId: number): string {
  return `${petitionId}/${stored.split('/').at(-1) ?? stored}`;
}

/**
 * Copies each attachment row's file to its new place, checked against the SHA-256 its row holds; returns the files
 * written (removed again if the import fails).
 */
async function copyAttachmentFiles(lite: ReturnType<typeof openReadOnlyDb>, from: DataFolder, to: DataFolder, petitionOffset: number): Promise<string[]> {
  const written: string[] = [];
  const rows = lite.sqlite.prepare('SELECT petition_id, file_name, stored_name, sha256 FROM attachments ORDER BY id').all() as Pick<Selectable<AttachmentTable>, 'petition_id' | 'file_name' | 'stored_name' | 'sha256'>[];
  for (const a of rows) {
    const source = from.attachment(a.stored_name);
    const data = fs.existsSync(source) ? fs.readFileSync(source) : null;
    if (!data || createHash('sha256').update(data).digest('hex') !== a.sha256) refuse('township.errors.attachmentBroken', { name: a.file_name, path: source });
    const target = to.attachment(movedStoredName(a.stored_name, a.petition_id + petitionOffset));
    if (fs.existsSync(target)) continue;
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, data, { flush: true });
    written.push(target);
  }
  return written;
}

/** The township's chain, row for row: its ids and hashes are what its key verifies. */
async function copyAuditChain(trx: Kysely<Database>, lite: ReturnType<typeof openReadOnlyDb>, township: string): Promise<number> {
  let n = 0;
  for (const chunk of chunksOfTable(lite, 'audit', false, 4000)) {
    await trx.insertInto('township_audit').values(chunk.map((r) => ({ ...(r as Selectable<AuditTable>), township }))).execute();
    n += chunk.length;
  }
  return n;
}
