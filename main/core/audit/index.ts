/**
 * The audit trail: every write a person makes appends one row in the same transaction. Rows are
 * hash-chained (each row's hash covers its content and the previous row's hash), so an edited or deleted
 * row breaks the chain at that point.
 *
 * @example
 * await appendAudit(trx, { actor, at: clock.now(), action: 'petition.create', entity: 'petition', entityId: 12, after });
 * const { ok, brokenAt } = await verifyAudit(db);
 */
import { createHash } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import type { AuditTable, Database } from '../../db';
import type { Actor } from '../context';

export const GENESIS_HASH = '0'.repeat(64);
const HEAD_KEY = 'audit_head';

export interface AuditRecord {
  readonly actor: Actor | null;
  readonly at: number;
  readonly action: string;
  readonly entity: string;
  readonly entityId: string | number;
  readonly before?: unknown;
  readonly after?: unknown;
}

type AuditContent = Omit<Selectable<AuditTable>, 'id' | 'hash'>;

function hashRow(row: AuditContent): string {
  const canonical = JSON.stringify([
    row.at,
    row.user_id,
    row.user_name,
    row.action,
    row.entity,
    row.entity_id,
    row.before_json,
    row.after_json,
    row.prev_hash,
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}

function toJson(value: unknown): string | null {
  return value === undefined ? null : JSON.stringify(value);
}

export async function appendAudit(trx: Kysely<Database>, record: AuditRecord): Promise<void> {
  const last = await trx.selectFrom('audit').select('hash').orderBy('id', 'desc').limit(1).executeTakeFirst();
  const content: AuditContent = {
    at: record.at,
    user_id: record.actor?.id ?? null,
    user_name: record.actor?.name ?? '系统',
    action: record.action,
    entity: record.entity,
    entity_id: String(record.entityId),
    before_json: toJson(record.before),
    after_json: toJson(record.after),
    prev_hash: last?.hash ?? GENESIS_HASH,
  };
  const hash = hashRow(content);
  const row = await trx.insertInto('audit').values({ ...content, hash }).returning('id').executeTakeFirstOrThrow();
  // The head is kept apart from the rows, so rows cut off the end of the chain are noticed too.
  const head = JSON.stringify({ id: row.id, hash });
  await trx.insertInto('meta').values({ key: HEAD_KEY, value: head }).onConflict((oc) => oc.column('key').doUpdateSet({ value: head })).execute();
}

export interface AuditVerification {
  readonly ok: boolean;
  readonly checked: number;
  /** The id of the first row whose content or link does not match. */
  readonly brokenAt: number | null;
}

export async function verifyAudit(db: Kysely<Database>): Promise<AuditVerification> {
  const headRow = await db.selectFrom('meta').select('value').where('key', '=', HEAD_KEY).executeTakeFirst();
  const head = headRow ? (JSON.parse(headRow.value) as { id: number; hash: string }) : null;
  let prev = GENESIS_HASH;
  let checked = 0;
  const batch = 5000;
  let afterId = 0;
  for (;;) {
    const rows = await db.selectFrom('audit').selectAll().where('id', '>', afterId).orderBy('id').limit(batch).execute();
    for (const row of rows) {
      const { id, hash, ...content } = row;
      if (content.prev_hash !== prev || hashRow(content) !== hash) return { ok: false, checked, brokenAt: id };
      prev = hash;
      checked++;
      afterId = id;
    }
    if (rows.length < batch) {
      if (head && (head.id !== afterId || head.hash !== prev)) return { ok: false, checked, brokenAt: Math.min(afterId + 1, head.id) };
      return { ok: true, checked, brokenAt: null };
    }
  }
}

export async function listAudit(db: Kysely<Database>, page: number, pageSize: number) {
  const total = await db.selectFrom('audit').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await db
    .selectFrom('audit')
    .selectAll()
    .orderBy('id', 'desc')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  return {
    total: Number(total.n),
    rows: rows.map((r) => ({
      id: r.id,
      at: r.at,
      userName: r.user_name,
      action: r.action,
      entity: r.entity,
      entityId: r.entity_id,
      before: r.before_json,
      after: r.after_json,
    })),
  };
}
