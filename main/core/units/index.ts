/** Villages, communities and departments, each with its information liaison (信息联络人). */
import type { Selectable } from 'kysely';
import type { Db, TopicTable, UnitTable } from '../../db';
import type { Topic, Unit } from '../../../shared/api';
import type { UnitKind } from '../../../shared/enums';
import type { Actor, Core } from '../context';
import { UserError, notFound } from '../errors';
import { appendAudit } from '../audit';
import { DEFAULT_TIME_ZONE, isIsoDate, localDateOf } from '../../../shared/time';

const PHONE_RE = /^[0-9+\-() ]{5,20}$/;

function toUnit(r: Selectable<UnitTable>): Unit {
  return { id: r.id, name: r.name, kind: r.kind, liaisonName: r.liaison_name, liaisonPhone: r.liaison_phone, active: r.active === 1, effectiveFrom: r.effective_from };
}

function toTopic(r: Selectable<TopicTable>): Topic {
  return { id: r.id, name: r.name, sortOrder: r.sort_order, active: r.active === 1 };
}

export async function listUnits(db: Db, includeInactive: boolean): Promise<Unit[]> {
  let q = db.selectFrom('units').selectAll().orderBy('kind').orderBy('name');
  if (!includeInactive) q = q.where('active', '=', 1);
  return (await q.execute()).map(toUnit);
}

export async function saveUnit(
  core: Core,
  actor: Actor,
  input: { id?: number | undefined; name: string; kind: UnitKind; liaisonName: string; liaisonPhone: string; active: boolean; effectiveFrom?: string | undefined },
): Promise<Unit> {
  if (input.liaisonPhone && !PHONE_RE.test(input.liaisonPhone)) throw UserError.field('liaisonPhone', 'errors.units.badPhone');
  if (input.effectiveFrom !== undefined && !isIsoDate(input.effectiveFrom)) throw UserError.field('effectiveFrom', 'errors.units.badEffectiveFrom');
  return core.db.transaction().execute(async (trx) => {
    const clash = await trx.selectFrom('units').select('id').where('name', '=', input.name).executeTakeFirst();
    if (clash && clash.id !== input.id) throw UserError.field('name', 'errors.units.duplicate', { name: input.name });
    // A new unit is expected to report from the day it is added, unless the admin says from when.
    const tz = (await trx.selectFrom('office').select('time_zone').where('id', '=', 1).executeTakeFirst())?.time_zone ?? DEFAULT_TIME_ZONE;
    const effectiveFrom = input.effectiveFrom ?? (input.id === undefined ? localDateOf(core.clock.now(), tz) : undefined);
    const values = {
      name: input.name,
      kind: input.kind,
      liaison_name: input.liaisonName,
      liaison_phone: input.liaisonPhone,
      active: input.active ? 1 : 0,
      ...(effectiveFrom !== undefined && { effective_from: effectiveFrom }),
    };
    let before: Unit | null = null;
    let row: Selectable<UnitTable>;
    if (input.id !== undefined) {
      const existing = await trx.selectFrom('units').selectAll().where('id', '=', input.id).executeTakeFirst();
      if (!existing) throw notFound();
      before = toUnit(existing);
      row = await trx.updateTable('units').set(values).where('id', '=', input.id).returningAll().executeTakeFirstOrThrow();
    } else {
      row = await trx.insertInto('units').values(values).returningAll().executeTakeFirstOrThrow();
    }
    const after = toUnit(row);
    await appendAudit(trx, { actor, at: core.clock.now(), action: before ? 'unit.update' : 'unit.create', entity: 'unit', entityId: row.id, before, after });
    return after;
  });
}

export async function listTopics(db: Db, includeInactive: boolean): Promise<Topic[]> {
  let q = db.selectFrom('topics').selectAll().orderBy('sort_order').orderBy('id');
  if (!includeInactive) q = q.where('active', '=', 1);
  return (await q.execute()).map(toTopic);
}

export async function saveTopic(
  core: Core,
  actor: Actor,
  input: { id?: number | undefined; name: string; sortOrder: number; active: boolean },
): Promise<Topic> {
  return core.db.transaction().execute(async (trx) => {
    const clash = await trx.selectFrom('topics').select('id').where('name', '=', input.name).executeTakeFirst();
    if (clash && clash.id !== input.id) throw UserError.field('name', 'errors.topics.duplicate', { name: input.name });
    const values = { name: input.name, sort_order: input.sortOrder, active: input.active ? 1 : 0 };
    let before: Topic | null = null;
    let row: Selectable<TopicTable>;
    if (input.id !== undefined) {
      const existing = await trx.selectFrom('topics').selectAll().where('id', '=', input.id).executeTakeFirst();
      if (!existing) throw notFound();
      before = toTopic(existing);
      row = await trx.updateTable('topics').set(values).where('id', '=', input.id).returningAll().executeTakeFirstOrThrow();
    } else {
      row = await trx.insertInto('topics').values(values).returningAll().executeTakeFirstOrThrow();
    }
    const after = toTopic(row);
    await appendAudit(trx, { actor, at: core.clock.now(), action: before ? 'topic.update' : 'topic.create', entity: 'topic', entityId: row.id, before, after });
    return after;
  });
}
