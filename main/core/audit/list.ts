/** The audit log as the admin's audit page reads it, newest first. */
import type { Kysely } from 'kysely';
import type { Database } from '../../db';

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
      address: r.address,
      action: r.action,
      entity: r.entity,
      entityId: r.entity_id,
      before: r.before_json,
      after: r.after_json,
    })),
  };
}
