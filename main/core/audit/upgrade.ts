/**
 * The one-time move of a file from the unkeyed chain (releases before issue 12: plain SHA-256, no id in the hash)
 * to the keyed one. Chosen over starting a new keyed segment after the old rows: one rule for every row makes
 * verify simple and leaves no "unkeyed prefix" marker that an attacker could move. The price, said in the README:
 * rows written before the upgrade were chained without a key, so an edit made to them before the upgrade and
 * re-chained then is not detectable; the old chain is checked at the upgrade and its result is recorded in the
 * `audit.rekey` row the upgrade writes, so a break found then is on record, not washed away.
 *
 * @example
 * await upgradeAuditChain(db, clock.now()); // after installAuditKey, before any other write
 */
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db';
import { CHAIN_MARK, CHAIN_MARK_KEY, GENESIS_HASH, HEAD_KEY, KEY_ID_KEY, appendAudit, auditMac, canonicalAuditRow, connectionKeyId, type AuditContent } from './chain';

interface LegacyCheck {
  readonly ok: boolean;
  readonly checked: number;
  readonly brokenAt: number | null;
}

function legacyHash(row: Omit<AuditContent, 'id'>): string {
  const canonical = JSON.stringify([row.at, row.user_id, row.user_name, row.action, row.entity, row.entity_id, row.before_json, row.after_json, row.prev_hash]);
  return createHash('sha256').update(canonical).digest('hex');
}

async function checkLegacyChain(db: Kysely<Database>): Promise<LegacyCheck> {
  const rows = await db.selectFrom('audit').selectAll().orderBy('id').execute();
  const headRow = await db.selectFrom('meta').select('value').where('key', '=', HEAD_KEY).executeTakeFirst();
  const head = headRow ? (JSON.parse(headRow.value) as { id: number; hash: string }) : null;
  let prev = GENESIS_HASH;
  let checked = 0;
  for (const { id, hash, ...content } of rows) {
    if (content.prev_hash !== prev || legacyHash(content) !== hash) return { ok: false, checked, brokenAt: id };
    prev = hash;
    checked++;
  }
  const lastId = rows.at(-1)?.id ?? 0;
  if (head && (head.id !== lastId || head.hash !== prev)) return { ok: false, checked, brokenAt: Math.min(lastId + 1, head.id) };
  return { ok: true, checked, brokenAt: null };
}

/** Whether the chain in this file is keyed already. */
export async function isChainKeyed(db: Kysely<Database>): Promise<boolean> {
  const row = await db.selectFrom('meta').select('value').where('key', '=', CHAIN_MARK_KEY).executeTakeFirst();
  return row?.value === CHAIN_MARK;
}

/**
 * Re-keys every row in one transaction (ids kept; gaps closed are recorded, not hidden) and marks the file keyed.
 * Does nothing on a keyed file. Returns what the old chain looked like, or null when there was nothing to do.
 */
export async function upgradeAuditChain(db: Kysely<Database>, now: number): Promise<LegacyCheck | null> {
  if (await isChainKeyed(db)) return null;
  const legacy = await checkLegacyChain(db);
  await db.transaction().execute(async (trx) => {
    const rows = await trx.selectFrom('audit').selectAll().orderBy('id').execute();
    let prev = GENESIS_HASH;
    for (const { hash: _old, ...row } of rows) {
      const content: AuditContent = { ...row, prev_hash: prev };
      const hash = await auditMac(trx, canonicalAuditRow(content));
      await trx.updateTable('audit').set({ prev_hash: prev, hash }).where('id', '=', row.id).execute();
      prev = hash;
    }
    // Ids are kept as they are: a gap the old chain did not notice (a deleted newest row) is reported by the
    // first keyed verify, as it should be.
    await trx.insertInto('meta').values({ key: CHAIN_MARK_KEY, value: CHAIN_MARK }).onConflict((oc) => oc.column('key').doUpdateSet({ value: CHAIN_MARK })).execute();
    const keyId = await connectionKeyId(trx);
    await trx.insertInto('meta').values({ key: KEY_ID_KEY, value: keyId }).onConflict((oc) => oc.column('key').doUpdateSet({ value: keyId })).execute();
    if (rows.length > 0) {
      await appendAudit(trx, { actor: null, at: now, action: 'audit.rekey', entity: 'audit', entityId: rows.length, after: { rows: rows.length, legacy } });
    }
  });
  return legacy;
}
