// Frozen: an index for search words of one or two characters (issue 15), which the trigram indexes cannot hold,
// so a short word no longer reads every petition at county scale. Never edit; add a new one.
// - petition_bigrams: each petition's summary, request, number and every petitioner's name as overlapping
//   character pairs separated by spaces (低保名额 -> "低保 保名 名额 额"), so the unicode61 tokenizer stores each pair
//   as a word; a two-character search is one word, and the prefix index on one character answers a one-character
//   search ("霞"*). The last character of each part stands alone, so a one-character search finds it too. Punctuation
//   splits a pair into the character beside it, which costs nothing: a word with punctuation in it is still checked
//   row by row. Facts are left out: a short word does not look in them (the trigram index does for longer words).
//   One row per petition, names included, so a search reads one index in petition order and a count can merge it
//   with other words' lists without sorting.
// - The lead petitioner's first two characters as the list shows them (张等3人), lower-cased as LIKE compares, for
//   a two-character word that runs from a one-character name into 等.
// - The voided petitions in id order, which a search's count takes out of its matches as it merges them.
// Contentless (the text lives in petitions and petitioners) with detail=none (a pair is one word: no positions
// needed), which keeps the index small. Triggers keep it in the same transaction as every write, as the trigram
// indexes are kept, so intake, corrections, imports and their undo need no code of their own.
import { sql, type Kysely, type RawBuilder } from 'kysely';

/**
 * The pairs of a text as an SQL expression: a recursive CTE (which a trigger may hold; SQLite has no loop) that
 * carries the text along, so the text (with its names subquery) is worked out once, not once per character.
 */
function pairs(text: string): string {
  return `(WITH RECURSIVE i(s, n) AS (SELECT ${text}, 1 UNION ALL SELECT s, n + 1 FROM i WHERE n < length(s))
    SELECT group_concat(substr(s, n, 2), ' ') FROM i)`;
}

const NAMES = `coalesce((SELECT group_concat(name, ' ') FROM petitioners WHERE petition_id = p.id), '')`;
const TEXT = pairs(`p.summary || ' ' || p.request || ' ' || p.number || ' ' || ${NAMES}`);

/** Writes one petition's row again (after its text or one of its petitioners changed; gone if it is). */
function rewrite(petitionId: string): RawBuilder<unknown> {
  return sql.raw(`DELETE FROM petition_bigrams WHERE rowid = ${petitionId};
    INSERT INTO petition_bigrams(rowid, text) SELECT p.id, ${TEXT} FROM petitions p WHERE p.id = ${petitionId};`);
}

export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE VIRTUAL TABLE petition_bigrams USING fts5(text, content='', contentless_delete=1,
    tokenize='unicode61 remove_diacritics 0', prefix='1', detail='none')`.execute(db);
  await sql`INSERT INTO petition_bigrams(rowid, text) SELECT p.id, ${sql.raw(TEXT)} FROM petitions p`.execute(db);
  // One segment instead of the many the fill leaves: every later write reads the list of segments first, and with
  // them all an intake's pair row cost 0.65-1.5 ms to write instead of 0.09 (100k petitions).
  await sql`INSERT INTO petition_bigrams(petition_bigrams) VALUES ('optimize')`.execute(db);
  // A new petition has no row to take out (its petitioners come after it, and each writes the row again).
  await sql`CREATE TRIGGER petition_bigrams_insert AFTER INSERT ON petitions BEGIN
    INSERT INTO petition_bigrams(rowid, text) SELECT p.id, ${sql.raw(TEXT)} FROM petitions p WHERE p.id = new.id;
  END`.execute(db);
  await sql`CREATE TRIGGER petition_bigrams_update AFTER UPDATE OF summary, request, number ON petitions BEGIN ${rewrite('new.id')} END`.execute(db);
  await sql`CREATE TRIGGER petition_bigrams_delete AFTER DELETE ON petitions BEGIN
    DELETE FROM petition_bigrams WHERE rowid = old.id;
  END`.execute(db);
  await sql`CREATE TRIGGER petition_bigrams_name_insert AFTER INSERT ON petitioners BEGIN ${rewrite('new.petition_id')} END`.execute(db);
  await sql`CREATE TRIGGER petition_bigrams_name_update AFTER UPDATE OF name, petition_id ON petitioners BEGIN
    ${rewrite('old.petition_id')} ${rewrite('new.petition_id')}
  END`.execute(db);
  await sql`CREATE TRIGGER petition_bigrams_name_delete AFTER DELETE ON petitioners BEGIN ${rewrite('old.petition_id')} END`.execute(db);

  await sql`CREATE INDEX petitions_lead_pair ON petitions(lower(substr(first_petitioner, 1, 2)))`.execute(db);
  await sql`CREATE INDEX petitions_voided ON petitions(id) WHERE status = 'voided'`.execute(db);
}

/** Puts the schema back as 0013 left it (the bench undoes and re-runs this migration to time it). */
export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP INDEX petitions_voided`.execute(db);
  await sql`DROP INDEX petitions_lead_pair`.execute(db);
  for (const op of ['insert', 'update', 'delete', 'name_insert', 'name_update', 'name_delete']) {
    await sql`DROP TRIGGER ${sql.raw(`petition_bigrams_${op}`)}`.execute(db);
  }
  await sql`DROP TABLE petition_bigrams`.execute(db);
}
