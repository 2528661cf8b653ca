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
import { DAY_MS, addDays, formatDateTime, isIsoDate, localDateOf } from '../../../shared/time';
import { t } from '../../../shared/i18n';
import type { DutyLogKind } from '../../../shared/enums';
import type { Actor, Core } from '../context';
import { UserError, notFound, fieldName, requireText } from '../errors';
import { appendAudit } from '../audit';
import { computeSchedule, findGaps, onDutyAt, rotationShifts, type RotationDef, type ScheduleInput, type Segment } from './schedule';

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
    sensitivePeriods: periods.map(toSensitivePeriod),
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

const PAST_GRACE_MS = 5 * 60_000;

/**
 * Past duty is history: a shift that has started is never changed by a cover, a swap, a cancellation or a
 * rotation edit. Who actually served, when it differs, is a reasoned duty-log correction (addDutyCorrection).
 */
async function refuseStarted(trx: Kysely<Database>, startAt: number, now: number, field: string): Promise<void> {
  // A few minutes' grace: "from now" typed into a form is a minute or two old when it is saved.
  if (startAt >= now - PAST_GRACE_MS) return;
  const tz = (await trx.selectFrom('office').select('time_zone').where('id', '=', 1).executeTakeFirst())?.time_zone ?? 'Asia/Shanghai';
  throw UserError.field(field, 'errors.duty.pastShift', { at: formatDateTime(startAt, tz) });
}

/** The rotation's shifts that have started by `now`, as "start:end:user" keys, for comparing two versions. */
function startedShifts(rot: RotationDef | null, now: number, input: Pick<ScheduleInput, 'sensitive' | 'timeZone'>): string[] {
  if (rot === null) return [];
  const from = Date.parse(`${rot.startDate}T00:00:00Z`) - DAY_MS;
  return rotationShifts(rot, from, now, input)
    .filter((s) => s.start < now)
    .map((s) => `${s.start}:${s.end}:${s.userId}`);
}

const byStart = (a: string, b: string) => Number(a.split(':')[0]) - Number(b.split(':')[0]);
const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

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
      const now = core.clock.now();
      const schedule = await loadScheduleInput(trx);
      const members = await trx.selectFrom('rotation_members').selectAll().where('rotation_id', '=', input.id).orderBy('ord').execute();
      const old = toRotation(existing, members);
      const kept = startedShifts(old.active ? old : null, now, schedule);
      const edited: RotationDef = { ...input, id: input.id };
      if (!sameList(kept, startedShifts(input.active ? edited : null, now, schedule))) {
        // The edit would rewrite started shifts: the old rotation ends with the last day whose shift has
        // started, and the edit takes effect as a new rotation from the day after.
        const lastStarted = Number(kept[kept.length - 1]?.split(':')[0] ?? now);
        const endDate = localDateOf(lastStarted, schedule.timeZone);
        const startDate = input.startDate > endDate ? input.startDate : addDays(endDate, 1);
        const ended: RotationDef = { ...old, endDate: old.endDate !== null && old.endDate < endDate ? old.endDate : endDate };
        const next: RotationDef = { ...edited, startDate };
        if (!sameList(kept, [...startedShifts(ended, now, schedule), ...startedShifts(input.active ? next : null, now, schedule)].sort(byStart))) {
          throw UserError.field('startDate', 'errors.duty.pastRotation', { at: formatDateTime(lastStarted, schedule.timeZone) });
        }
        await trx.updateTable('rotations').set({ end_date: ended.endDate }).where('id', '=', input.id).execute();
        await appendAudit(trx, { actor, at: now, action: 'rotation.update', entity: 'rotation', entityId: input.id, before: existing, after: { endDate: ended.endDate } });
        if (!input.active) return input.id;
        const row = await trx.insertInto('rotations').values({ ...values, start_date: startDate, created_at: now }).returning('id').executeTakeFirstOrThrow();
        await trx.insertInto('rotation_members').values(input.members.map((user_id, ord) => ({ rotation_id: row.id, ord, user_id }))).execute();
        await appendAudit(trx, { actor, at: now, action: 'rotation.create', entity: 'rotation', entityId: row.id, after: { ...input, startDate, continues: input.id } });
        return row.id;
      }
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
    await refuseStarted(trx, input.startAt, core.clock.now(), 'startAt');
    await requireRole(trx, input.roleId);
    await requireActiveUsers(trx, [input.userId], 'userId');
    // The person replaced may have left since (a disabled account), but must be someone the office has had.
    if (!input.extra && input.replacedUserId !== null) {
      const replaced = await trx.selectFrom('users').select('id').where('id', '=', input.replacedUserId).executeTakeFirst();
      if (!replaced) throw UserError.field('replacedUserId', 'errors.duty.userInactive');
    }
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
    await refuseStarted(trx, input.startA, core.clock.now(), 'startA');
    await refuseStarted(trx, input.startB, core.clock.now(), 'startB');
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
    // What has already been served stays: a running override ends now, one not yet begun is cancelled.
    const now = core.clock.now();
    const rows = row.swap_group ? await trx.selectFrom('duty_overrides').selectAll().where('swap_group', '=', row.swap_group).execute() : [row];
    for (const r of rows) {
      if (r.start_at < now && r.end_at <= now) continue;
      if (r.start_at < now) await trx.updateTable('duty_overrides').set({ end_at: now }).where('id', '=', r.id).execute();
      else await trx.updateTable('duty_overrides').set({ cancelled: 1 }).where('id', '=', r.id).execute();
    }
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
      // A missing role is refused before the audit row is written: a refused call writes nothing (issue 12).
      if (Number(updated.numUpdatedRows) === 0) throw notFound();
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
  input: { id?: number | undefined; name: string; startDate: string; endDate: string; note: string; cancelled: boolean; reportsFrom: string | null },
) {
  if (!isIsoDate(input.startDate)) throw UserError.field('startDate', 'errors.duty.badDate');
  if (!isIsoDate(input.endDate) || input.endDate < input.startDate) throw UserError.field('endDate', 'errors.duty.endBeforeStart');
  if (input.reportsFrom !== null && (!isIsoDate(input.reportsFrom) || input.reportsFrom < input.startDate || input.reportsFrom > input.endDate)) {
    throw UserError.field('reportsFrom', 'errors.duty.reportsFromOutside', { from: input.startDate, to: input.endDate });
  }
  const now = core.clock.now();
  const saved = await core.db.transaction().execute(async (trx) => {
    const tz = (await trx.selectFrom('office').select('time_zone').where('id', '=', 1).executeTakeFirst())?.time_zone ?? 'Asia/Shanghai';
    const existing = input.id !== undefined ? await trx.selectFrom('sensitive_periods').select('created_at').where('id', '=', input.id).executeTakeFirst() : null;
    if (input.id !== undefined && !existing) throw notFound();
    // Nobody could have sent a daily report for a day before the period was known: by default they are expected
    // from the day it was added, unless the admin names the day (which the list then shows).
    const added = localDateOf(existing?.created_at ?? now, tz);
    const reportsFrom = input.reportsFrom ?? (added > input.startDate ? (added > input.endDate ? input.endDate : added) : input.startDate);
    const values = { name: input.name, start_date: input.startDate, end_date: input.endDate, note: input.note, cancelled: input.cancelled ? 1 : 0, reports_from: reportsFrom };
    let periodId: number;
    if (input.id !== undefined) {
      await trx.updateTable('sensitive_periods').set(values).where('id', '=', input.id).execute();
      periodId = input.id;
    } else {
      periodId = (await trx.insertInto('sensitive_periods').values({ ...values, created_at: now }).returning('id').executeTakeFirstOrThrow()).id;
    }
    await appendAudit(trx, { actor, at: now, action: 'sensitivePeriod.save', entity: 'sensitive_period', entityId: periodId, after: { ...input, reportsFrom } });
    return { id: periodId, reportsFrom };
  });
  core.emit({ type: 'duty.changed' });
  return { ...input, ...saved };
}

export async function listSensitivePeriods(db: Db) {
  const rows = await db.selectFrom('sensitive_periods').selectAll().where('cancelled', '=', 0).orderBy('start_date', 'desc').execute();
  return rows.map(toSensitivePeriod);
}

function toSensitivePeriod(p: Selectable<Database['sensitive_periods']>) {
  return { id: p.id, name: p.name, startDate: p.start_date, endDate: p.end_date, note: p.note, cancelled: p.cancelled === 1, reportsFrom: p.reports_from ?? p.start_date };
}

export async function addDutyLog(core: Core, actor: Actor, input: { at: number | null; kind: DutyLogKind; content: string }) {
  const now = core.clock.now();
  const at = input.at ?? now;
  if (at > now + 5 * 60_000) throw UserError.field('at', 'errors.generic.futureTime', { field: fieldName('fields.duty.logAt') });
  requireText(input.content, 'content', 'fields.duty.logContent');
  if (input.kind === 'correction') throw UserError.field('kind', 'errors.duty.correctionKind');
  const id = await core.db.transaction().execute(async (trx) => {
    const row = await trx.insertInto('duty_log').values({ at, user_id: actor.id, kind: input.kind, content: input.content, created_at: now }).returning('id').executeTakeFirstOrThrow();
    await appendAudit(trx, { actor, at: now, action: 'dutyLog.add', entity: 'duty_log', entityId: row.id, after: input });
    return row.id;
  });
  core.emit({ type: 'duty.changed' });
  return id;
}

export interface DutyCorrectionInput {
  readonly roleId: number;
  readonly startAt: number;
  readonly endAt: number;
  /** Who the roster had on duty, if anyone. */
  readonly scheduledUserId: number | null;
  readonly actualUserId: number;
  readonly reason: string;
}

/**
 * A correction of past duty: who actually served a shift that has started. It changes no rotation or
 * override; it is a duty-log entry of its own kind with the reason, and an audit row.
 */
export async function addDutyCorrection(core: Core, actor: Actor, input: DutyCorrectionInput): Promise<number> {
  const now = core.clock.now();
  if (input.endAt <= input.startAt) throw UserError.field('endAt', 'errors.duty.endBeforeStart');
  if (input.startAt >= now) throw UserError.field('startAt', 'errors.duty.correctionFuture');
  if (input.scheduledUserId !== null && input.scheduledUserId === input.actualUserId) throw UserError.field('actualUserId', 'errors.duty.sameUser');
  requireText(input.reason, 'reason', 'fields.duty.reason');
  const id = await core.db.transaction().execute(async (trx) => {
    await requireRole(trx, input.roleId);
    const [role, names, office] = await Promise.all([
      trx.selectFrom('duty_roles').select('name').where('id', '=', input.roleId).executeTakeFirstOrThrow(),
      userNames(trx),
      trx.selectFrom('office').select('time_zone').where('id', '=', 1).executeTakeFirst(),
    ]);
    if (!names.has(input.actualUserId)) throw UserError.field('actualUserId', 'errors.duty.userInactive');
    const tz = office?.time_zone ?? 'Asia/Shanghai';
    const content = t('duty.correction.content', {
      from: formatDateTime(input.startAt, tz),
      to: formatDateTime(input.endAt, tz),
      role: role.name,
      actual: names.get(input.actualUserId) ?? '',
      scheduled: input.scheduledUserId !== null ? (names.get(input.scheduledUserId) ?? '') : t('duty.correction.nobody'),
      reason: input.reason.trim(),
    });
    const row = await trx.insertInto('duty_log').values({ at: input.startAt, user_id: actor.id, kind: 'correction', content, created_at: now }).returning('id').executeTakeFirstOrThrow();
    await appendAudit(trx, { actor, at: now, action: 'duty.correct', entity: 'duty_log', entityId: row.id, after: input });
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
