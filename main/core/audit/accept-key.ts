/**
 * Accepting a replaced audit key. When this PC's key was lost or replaced (a reinstalled system, a key file that
 * could not be opened and was set aside), every verify fails with 'key' and the red banner stays: nothing could
 * tell a later real tampering apart. An admin who has checked the office's data against the last backup and the
 * printed audit marks can accept the key in use: one audit row records it (by whom, when, where the old chain
 * ended: its head and the old key's id), and from that row on the chain is verified under the current key again.
 * The rows before it keep their old MACs, which no one here can check any more: verify still checks their ids and
 * links and reports the acceptance row (`keyAcceptedAt`), so the break stays in the history.
 *
 * @example
 * const status = await acceptAuditKey(core, actor, auditWatch); // status.ok, status.keyAcceptedAt === the new row
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db';
import type { Actor, Core } from '../context';
import { UserError } from '../errors';
import { appendAudit, connectionKeyId, readAuditHead, KEY_ACCEPTED_ACTION, KEY_ACCEPTED_KEY, KEY_ID_KEY } from './chain';
import type { AuditStatus, AuditWatch } from './watch';

async function writeMeta(trx: Kysely<Database>, key: string, value: string): Promise<void> {
  await trx.insertInto('meta').values({ key, value }).onConflict((oc) => oc.column('key').doUpdateSet({ value })).execute();
}

export async function acceptAuditKey(core: Core, actor: Actor, watch: AuditWatch): Promise<AuditStatus> {
  const status = await watch.verify();
  // Only a replaced key is accepted this way: any other break is a fact about the rows and stays reported.
  if (status.ok || status.reason !== 'key') throw new UserError('illegal_transition', 'security.errors.auditKeyNotReplaced');
  await core.db.transaction().execute(async (trx) => {
    const oldHead = await readAuditHead(trx);
    const oldKey = await trx.selectFrom('meta').select('value').where('key', '=', KEY_ID_KEY).executeTakeFirst();
    const keyId = await connectionKeyId(trx);
    await writeMeta(trx, KEY_ID_KEY, keyId);
    await appendAudit(trx, {
      actor,
      at: core.clock.now(),
      action: KEY_ACCEPTED_ACTION,
      entity: 'audit',
      entityId: oldHead?.id ?? 0,
      after: { oldChainEnd: oldHead, oldKeyId: oldKey?.value ?? null, keyId },
    });
    const row = await readAuditHead(trx);
    if (!row) throw new Error('the acceptance row was not written');
    await writeMeta(trx, KEY_ACCEPTED_KEY, String(row.id));
  });
  return watch.verify();
}
