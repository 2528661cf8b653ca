/**
 * The duty roster as stored: roles, rotations, overrides and swaps, sensitive periods, and the duty log.
 * Schedules are computed on demand from these definitions (see schedule.ts); nothing is materialised.
 *
 * @example
 * const now = await whoIsOnDuty(core.db, core.clock.now());
 * now.roles.find((r) => r.key === 'officer')?.users // [{ id: 4, name: '赵值班', source: 'rotation' }]
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Selectable } from 'kysely';
import type { Database, Db, RotationMemberTable, RotationTable } from '../../db';
import { DAY_MS, isIsoDate } from '../../../shared/time';
import type { DutyLogKind } from '../../../shared/enums';
import type { Actor, Core } from '../context';
import { UserError, notFound, fieldName, requireText } from '../errors';
import { appendAudit } from '../audit';
import { computeSchedule, findGaps, onDutyAt, type RotationDef, type ScheduleInput, type Segment } from './schedule';

export * from './schedule';

export const LEADER_ROLE = 'leader';
export const OFFICER_ROLE = 'officer';
/** Gaps are flagged this far ahead on the dashboard. */
export const GAP_LOOKAHEAD_MS = 14 * DAY_MS;

export interface DutyRole {
  readonly id: number;
  readonly key: string;
  readonly name: string;
  readonly builtIn: boolean;
}

export async function dutyRoles(db: Kysely<Database>): Promise<DutyRole[]> {
  const rows = await db.selectFrom('duty_roles').selectAll().orderBy('id').execute();
  return rows.map((r) => ({ id: r.id, key: r.key, name: r.name, builtIn: r.built_in === 1 }));
}

export async function roleIdOf(db: Kysely<Database>, key: string): Promise<number> {
  const row = await db.selectFrom('duty_roles').select('id').where('key', '=', key).executeTakeFirstOrThrow();
  return row.id;
}

function toRotation(r: Selectable<RotationTable>, members: readonly Selectable<RotationMemberTable>[]): RotationDef & { active: boolean } {
  return {
    id: r.id,
    name: r.name,
    roleId: r.role_id,
    pattern: r.pattern,
    handoffHour: r.handoff_hour,
    nightHour: r.night_hour,
    weekday: r.weekday,
    shiftsPerPerson: r.shifts_per_person,
    startDate: r.start_date,
    endDate: r.end_date,
    sensitiveOnly: r.sensitive_only === 1,
    active: r.active === 1,
    members: members.filter((m) => m.rotation_id === r.id).map((m) => m.user_id),
  };
}

export async function loadScheduleInput(db: Kysely<Database>): Promise<ScheduleInput> {
  const [rotations, members, overrides, sensitive, office] = await Promise.all([
    db.selectFrom('rotations').selectAll().where('active', '=', 1).orderBy('id').execute(),
    db.selectFrom('rotation_members').selectAll().orderBy('rotation_id').orderBy('ord').execute(),
    db.selectFrom('duty_overrides').selectAll().where('cancelled', '=', 0).orderBy('id').execute(),
    db.selectFrom('sensitive_periods').select(['start_date', 'end_date']).where('cancelled', '=', 0).execute(),
    db.selectFrom('office').select('time_zone').where('id', '=', 1).executeTakeFirst(),
  ]);
  return {
    timeZone: office?.time_zone ?? 'Asia/Shanghai',
    sensitive: sensitive.map((s) => ({ startDate: s.start_date, endDate: s.end_date })),
    rotations: rotations.map((r) => toRotation(r, members)),
    overrides: overrides.map((o) => ({
      id: o.id,
      kind: o.kind,
      roleId: o.role_id,
      userId: o.user_id,
      replacedUserId: o.replaced_user_id,
      startAt: o.start_at,
      endAt: o.end_at,
    })),
  };
}

async function userNames(db: Kysely<Database>): Promise<Map<number, string>> {
  const rows = await db.selectFrom('users').select(['id', 'display_name']).execute();
  return new Map(rows.map((r) => [r.id, r.display_name]));
}

/** The user ids holding a role at an instant (rotations, overrides and extras applied). */
export async function onDutyUserIds(db: Kysely<Database>, roleKey: string, at: number): Promise<number[]> {
  const input = await loadScheduleInput(db);
  const roleId = await roleIdOf(db, roleKey);
  const segs = computeSchedule(input, at, at + 1);
  return [...new Set(onDutyAt(segs, roleId, at).map((s) => s.userId))];
}

export async function whoIsOnDuty(db: Kysely<Database>, at: number) {
  const [input, roles, names] = await Promise.all([loadScheduleInput(db), dutyRoles(db), userNames(db)]);
  const ahead = computeSchedule(input, at, at + GAP_LOOKAHEAD_MS);
  const gaps = roles
    .filter((r) => r.key === LEADER_ROLE || r.key === OFFICER_ROLE)
    .flatMap((r) => findGaps(ahead, r.id, at, at + GAP_LOOKAHEAD_MS));
  return {
    at,
    roles: roles.map((r) => ({
      roleId: r.id,
      key: r.key,
      name: r.name,
      users: onDutyAt(ahead, r.id, at).map((s) => ({ id: s.userId, name: names.get(s.userId) ?? '', source: s.source, until: s.end })),
    })),
    nextGap: gaps.sort((a, b) => a.start - b.start)[0] ?? null,
  };
}

export async function dutySchedule(db: Db, from: number, to: number) {
  const [input, roles, names, periods] = await Promise.all([
    loadScheduleInput(db),
    dutyRoles(db),
    userNames(db),
    db.selectFrom('sensitive_periods').selectAll().where('cancelled', '=', 0).orderBy('start_date').execute(),
  ]);
  const segments = computeSchedule(input, from, to);
  const gaps = roles.filter((r) => r.key === LEADER_ROLE || r.key === OFFICER_ROLE).flatMap((r) => findGaps(segments, r.id, from, to));
  return {
    segments: segments.map((s: Segment) => ({ ...s, userName: names.get(s.userId) ?? '' })),
    gaps,
    sensitivePeriods: periods.map((p) => ({ id: p.id, name: p.name, startDate: p.start_date, endDate: p.end_date, note: p.note })),
  };
}

export async function listRotations(db: Db): Promise<(RotationDef & { active: boolean })[]> {
  const [rotations, members] = await Promise.all([
    db.selectFrom('rotations').selectAll().orderBy('role_id').orderBy('id').execute(),
    db.selectFrom('rotation_members').selectAll().orderBy('rotation_id').orderBy('ord').execute(),
  ]);
  return rotations.map((r) => toRotation(r, members));
}

async function requireActiveUsers(trx: Kysely<Database>, ids: readonly number[], field: string): Promise<void> {
  if (ids.length === 0) return;
  const rows = await trx.selectFrom('users').select(['id', 'active']).where('id', 'in', [...ids]).execute();
  for (const id of ids) {
    const u = rows.find((r) => r.id === id);
    if (!u || u.active !== 1) throw UserError.field(field, 'errors.duty.userInactive');
  }
}

async function requireRole(trx: Kysely<Database>, roleId: number): Promise<void> {
  const role = await trx.selectFrom('duty_roles').select('id').where('id', '=', roleId).executeTakeFirst();
  if (!role) throw UserError.field('roleId', 'errors.duty.roleRequired');
}

export type RotationInput = Omit<RotationDef, 'id'> & { readonly id?: number | undefined; readonly active: boolean };

export async function saveRotation(core: Core, actor: Actor, input: RotationInput): Promise<RotationDef & { active: boolean }> {
  if (!isIsoDate(input.startDate)) throw UserError.field('startDate', 'errors.duty.badDate');
  if (input.endDate !== null && (!isIsoDate(input.endDate) || input.endDate < input.startDate)) throw UserError.field('endDate', 'errors.duty.endBeforeStart');
  if (input.members.length === 0) throw UserError.field('members', 'errors.duty.noMembers');
  if (new Set(input.members).size !== input.members.length) throw UserError.field('members', 'errors.duty.duplicateMember');
  if (input.pattern === 'day_night' && input.nightHour <= input.handoffHour) throw UserError.field('nightHour', 'errors.duty.nightHour');
  const id = await core.db.transaction().execute(async (trx) => {
    await requireRole(trx, input.roleId);
    await requireActiveUsers(trx, input.members, 'members');
    const values = {
      name: input.name,
      role_id: input.roleId,
      pattern: input.pattern,
      handoff_hour: input.handoffHour,
      night_hour: input.nightHour,
      weekday: input.weekday,
      shifts_per_person: input.shiftsPerPerson,
      start_date: input.startDate,
      end_date: input.endDate,
      sensitive_only: input.sensitiveOnly ? 1 : 0,
      active: input.active ? 1 : 0,
    };
    let rotationId: number;
    let before: unknown = null;
    if (input.id !== undefined) {
      const existing = await trx.selectFrom('rotations').selectAll().where('id', '=', input.id).executeTakeFirst();
      if (!existing) throw notFound();
      before = existing;
      await trx.updateTable('rotations').set(values).where('id', '=', input.id).execute();
      await trx.deleteFrom('rotation_members').where('rotation_id', '=', input.id).execute();
      rotationId = input.id;
    } else {
      const row = await trx.insertInto('rotations').values({ ...values, created_at: core.clock.now() }).returning('id').executeTakeFirstOrThrow();
      rotationId = row.id;
    }
    await trx.insertInto('rotation_members').values(input.members.map((user_id, ord) => ({ rotation_id: rotationId, ord, user_id }))).execute();
    await appendAudit(trx, {
      actor,
      at: core.clock.now(),
      action: input.id !== undefined ? 'rotation.update' : 'rotation.create',
      entity: 'rotation',
      entityId: rotationId,
      before,
      after: input,
    });
    return rotationId;
  });
  core.emit({ type: 'duty.changed' });
  const saved = (await listRotations(core.db)).find((r) => r.id === id);
  if (!saved) throw notFound();
  return saved;
}

export interface OverrideInput {
  readonly roleId: number;
  readonly userId: number;
  readonly replacedUserId: number | null;
  readonly startAt: number;
  readonly endAt: number;
  readonly reason: string;
  readonly extra: boolean;
}

export async function addOverride(core: Core, actor: Actor, input: OverrideInput): Promise<number> {
  if (input.endAt <= input.startAt) throw UserError.field('endAt', 'errors.duty.endBeforeStart');
  requireText(input.reason, 'reason', 'fields.duty.reason');
  if (input.replacedUserId !== null && input.replacedUserId === input.userId) throw UserError.field('userId', 'errors.duty.sameUser');
  const id = await core.db.transaction().execute(async (trx) => {
    await requireRole(trx, input.roleId);
    await requireActiveUsers(trx, [input.userId], 'userId');
    const row = await trx
      .insertInto('duty_overrides')
      .values({
        kind: input.extra ? 'extra' : 'override',
        role_id: input.roleId,
        user_id: input.userId,
        replaced_user_id: input.extra ? null : input.replacedUserId,
        start_at: input.startAt,
        end_at: input.endAt,
        swap_group: null,
        reason: input.reason,
        cancelled: 0,
        created_by: actor.id,
        created_at: core.clock.now(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await appendAudit(trx, { actor, at: core.clock.now(), action: input.extra ? 'duty.extra' : 'duty.override', entity: 'duty_override', entityId: row.id, after: input });
    return row.id;
  });
  core.emit({ type: 'duty.changed' });
  return id;
}

export interface SwapInput {
  readonly roleId: number;
  readonly userA: number;
  readonly startA: number;
  readonly endA: number;
  readonly userB: number;
  readonly startB: number;
  readonly endB: number;
  readonly reason: string;
}

/** Two people trade shifts: each covers the other's, recorded as a pair of overrides that cancel together. */
export async function swapShifts(core: Core, actor: Actor, input: SwapInput): Promise<string> {
  if (input.userA === input.userB) throw UserError.field('userB', 'errors.duty.sameUser');
  if (input.endA <= input.startA) throw UserError.field('endA', 'errors.duty.endBeforeStart');
  if (input.endB <= input.startB) throw UserError.field('endB', 'errors.duty.endBeforeStart');
  requireText(input.reason, 'reason', 'fields.duty.reason');
  const group = randomUUID();
  await core.db.transaction().execute(async (trx) => {
    await requireRole(trx, input.roleId);
    await requireActiveUsers(trx, [input.userA, input.userB], 'userB');
    const base = { kind: 'swap' as const, role_id: input.roleId, swap_group: group, reason: input.reason, cancelled: 0, created_by: actor.id, created_at: core.clock.now() };
    await trx
      .insertInto('duty_overrides')
      .values([
        { ...base, user_id: input.userB, replaced_user_id: input.userA, start_at: input.startA, end_at: input.endA },
        { ...base, user_id: input.userA, replaced_user_id: input.userB, start_at: input.startB, end_at: input.endB },
      ])
      .execute();
    await appendAudit(trx, { actor, at: core.clock.now(), action: 'duty.swap', entity: 'duty_override', entityId: group, after: input });
  });
  core.emit({ type: 'duty.changed' });
  return group;
}

export async function cancelOverride(core: Core, actor: Actor, id: number): Promise<void> {
  await core.db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('duty_overrides').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw notFound();
    let q = trx.updateTable('duty_overrides').set({ cancelled: 1 });
    q = row.swap_group ? q.where('swap_group', '=', row.swap_group) : q.where('id', '=', id);
    await q.execute();
    await appendAudit(trx, { actor, at: core.clock.now(), action: 'duty.cancelOverride', entity: 'duty_override', entityId: id, before: row });
  });
  core.emit({ type: 'duty.changed' });
}

export async function listOverrides(db: Db, from: number, to: number) {
  const [rows, names] = await Promise.all([
    db.selectFrom('duty_overrides').selectAll().where('cancelled', '=', 0).where('end_at', '>', from).where('start_at', '<', to).orderBy('start_at').execute(),
    userNames(db),
  ]);
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    roleId: r.role_id,
    userId: r.user_id,
    userName: names.get(r.user_id) ?? '',
    replacedUserId: r.replaced_user_id,
    replacedUserName: r.replaced_user_id !== null ? (names.get(r.replaced_user_id) ?? '') : null,
    startAt: r.start_at,
    endAt: r.end_at,
    reason: r.reason,
    swapGroup: r.swap_group,
  }));
}

export async function saveDutyRole(core: Core, actor: Actor, input: { id?: number | undefined; name: string }): Promise<DutyRole> {
  const id = await core.db.transaction().execute(async (trx) => {
    const clash = await trx.selectFrom('duty_roles').select('id').where('name', '=', input.name).executeTakeFirst();
    if (clash && clash.id !== input.id) throw UserError.field('name', 'errors.duty.roleDuplicate', { name: input.name });
    let roleId: number;
    if (input.id !== undefined) {
      const updated = await trx.updateTable('duty_roles').set({ name: input.name }).where('id', '=', input.id).executeTakeFirst();
      // A missing role is refused before the audit row: a refused call writes nothing.
      if (updated.numUpdatedRows === 0n) throw notFound();
      roleId = input.id;
    } else {
      const row = await trx.insertInto('duty_roles').values({ key: `custom-${randomUUID().slice(0, 8)}`, name: input.name, built_in: 0 }).returning('id').executeTakeFirstOrThrow();
      roleId = row.id;
    }
    await appendAudit(trx, { actor, at: core.clock.now(), action: 'duty.role', entity: 'duty_role', entityId: roleId, after: input });
    return roleId;
  });
  core.emit({ type: 'duty.changed' });
  const role = (await dutyRoles(core.db)).find((r) => r.id === id);
  if (!role) throw notFound();
  return role;
}

export async function saveSensitivePeriod(
  core: Core,
  actor: Actor,
  input: { id?: number | undefined; name: string; startDate: string; endDate: string; note: string; cancelled: boolean },
) {
  if (!isIsoDate(input.startDate)) throw UserError.field('startDate', 'errors.duty.badDate');
  if (!isIsoDate(input.endDate) || input.endDate < input.startDate) throw UserError.field('endDate', 'errors.duty.endBeforeStart');
  const id = await core.db.transaction().execute(async (trx) => {
    const values = { name: input.name, start_date: input.startDate, end_date: input.endDate, note: input.note, cancelled: input.cancelled ? 1 : 0 };
    let periodId: number;
    if (input.id !== undefined) {
      const r = await trx.updateTable('sensitive_periods').set(values).where('id', '=', input.id).executeTakeFirst();
      if (Number(r.numUpdatedRows) === 0) throw notFound();
      periodId = input.id;
    } else {
      periodId = (await trx.insertInto('sensitive_periods').values({ ...values, created_at: core.clock.now() }).returning('id').executeTakeFirstOrThrow()).id;
    }
    await appendAudit(trx, { actor, at: core.clock.now(), action: 'sensitivePeriod.save', entity: 'sensitive_period', entityId: periodId, after: input });
    return periodId;
  });
  core.emit({ type: 'duty.changed' });
  return { id, ...input };
}

export async function listSensitivePeriods(db: Db) {
  const rows = await db.selectFrom('sensitive_periods').selectAll().where('cancelled', '=', 0).orderBy('start_date', 'desc').execute();
  return rows.map((p) => ({ id: p.id, name: p.name, startDate: p.start_date, endDate: p.end_date, note: p.note, cancelled: false }));
}

export async function addDutyLog(core: Core, actor: Actor, input: { at: number | null; kind: DutyLogKind; content: string }) {
  const now = core.clock.now();
  const at = input.at ?? now;
  if (at > now + 5 * 60_000) throw UserError.field('at', 'errors.generic.futureTime', { field: fieldName('fields.duty.logAt') });
  requireText(input.content, 'content', 'fields.duty.logContent');
  const id = await core.db.transaction().execute(async (trx) => {
    const row = await trx.insertInto('duty_log').values({ at, user_id: actor.id, kind: input.kind, content: input.content, created_at: now }).returning('id').executeTakeFirstOrThrow();
    await appendAudit(trx, { actor, at: now, action: 'dutyLog.add', entity: 'duty_log', entityId: row.id, after: input });
    return row.id;
  });
  core.emit({ type: 'duty.changed' });
  return id;
}

export async function listDutyLog(db: Kysely<Database>, from: number, to: number) {
  const rows = await db
    .selectFrom('duty_log')
    .innerJoin('users', 'users.id', 'duty_log.user_id')
    .selectAll('duty_log')
    .select('users.display_name')
    .where('duty_log.at', '>=', from)
    .where('duty_log.at', '<', to)
    .orderBy('duty_log.at')
    .execute();
  return rows.map((r) => ({ id: r.id, at: r.at, kind: r.kind, content: r.content, userName: r.display_name }));
}
