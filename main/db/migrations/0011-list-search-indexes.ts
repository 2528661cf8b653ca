// Frozen: the petition list and search at county scale (issue 15). Each list filter gets an index ordered by the
// date the list sorts on (the unit filter's second column too), so a first page reads one index range instead of
// sorting every match; the sequence number and petitioners' phones get indexes; petitioner names and petition
// numbers get trigram indexes of their own, so a search word of three characters or more finds a name or a number
// through an index as the text already is. The single-column indexes the new ones start with go. Never edit; add
// a new one.
import { sql, type Kysely } from 'kysely';

const COMPOSITE: readonly (readonly [string, string])[] = [
  ['petitions_status_received', 'status'],
  ['petitions_unit_received', 'unit_id'],
  ['petitions_responsible_received', 'responsible_unit_id'],
  ['petitions_topic_received', 'topic_id'],
  ['petitions_category_received', 'category'],
];
const SUPERSEDED = ['status', 'unit_id', 'topic_id'];

export async function up(db: Kysely<any>): Promise<void> {
  for (const [name, col] of COMPOSITE) await db.schema.createIndex(name).on('petitions').columns([col, 'received_at']).execute();
  for (const col of SUPERSEDED) await db.schema.dropIndex(`petitions_${col}`).execute();
  await db.schema.createIndex('petitions_seq').on('petitions').column('seq').execute();
  await db.schema.createIndex('petitioners_phone').on('petitioners').column('phone').execute();

  await sql`CREATE VIRTUAL TABLE petitioner_names_fts USING fts5(name, content='petitioners', content_rowid='id', tokenize='trigram')`.execute(db);
  await sql`INSERT INTO petitioner_names_fts(petitioner_names_fts) VALUES ('rebuild')`.execute(db);
  await sql`CREATE TRIGGER petitioner_names_fts_insert AFTER INSERT ON petitioners BEGIN
    INSERT INTO petitioner_names_fts(rowid, name) VALUES (new.id, new.name);
  END`.execute(db);
  await sql`CREATE TRIGGER petitioner_names_fts_delete AFTER DELETE ON petitioners BEGIN
    INSERT INTO petitioner_names_fts(petitioner_names_fts, rowid, name) VALUES ('delete', old.id, old.name);
  END`.execute(db);
  await sql`CREATE TRIGGER petitioner_names_fts_update AFTER UPDATE OF name ON petitioners BEGIN
    INSERT INTO petitioner_names_fts(petitioner_names_fts, rowid, name) VALUES ('delete', old.id, old.name);
    INSERT INTO petitioner_names_fts(rowid, name) VALUES (new.id, new.name);
  END`.execute(db);

  await sql`CREATE VIRTUAL TABLE petition_numbers_fts USING fts5(number, content='petitions', content_rowid='id', tokenize='trigram')`.execute(db);
  await sql`INSERT INTO petition_numbers_fts(petition_numbers_fts) VALUES ('rebuild')`.execute(db);
  await sql`CREATE TRIGGER petition_numbers_fts_insert AFTER INSERT ON petitions BEGIN
    INSERT INTO petition_numbers_fts(rowid, number) VALUES (new.id, new.number);
  END`.execute(db);
  await sql`CREATE TRIGGER petition_numbers_fts_delete AFTER DELETE ON petitions BEGIN
    INSERT INTO petition_numbers_fts(petition_numbers_fts, rowid, number) VALUES ('delete', old.id, old.number);
  END`.execute(db);
  await sql`CREATE TRIGGER petition_numbers_fts_update AFTER UPDATE OF number ON petitions BEGIN
    INSERT INTO petition_numbers_fts(petition_numbers_fts, rowid, number) VALUES ('delete', old.id, old.number);
    INSERT INTO petition_numbers_fts(rowid, number) VALUES (new.id, new.number);
  END`.execute(db);
}

/** Puts the schema back as 0010 left it (the bench undoes and re-runs this migration to time it). */
export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['petition_numbers_fts', 'petitioner_names_fts']) {
    for (const op of ['insert', 'delete', 'update']) await sql`DROP TRIGGER ${sql.raw(`${t}_${op}`)}`.execute(db);
    await sql`DROP TABLE ${sql.raw(t)}`.execute(db);
  }
  await db.schema.dropIndex('petitioners_phone').execute();
  await db.schema.dropIndex('petitions_seq').execute();
  for (const col of SUPERSEDED) await db.schema.createIndex(`petitions_${col}`).on('petitions').column(col).execute();
  for (const [name] of COMPOSITE) await db.schema.dropIndex(name).execute();
}
