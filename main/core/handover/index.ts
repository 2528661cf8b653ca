/**
 * Handover (交接班): the outgoing officer hands over open alarms, deadlines due in the next 24 hours, the
 * deadlines already overdue (each list holds what its heading says) and the duty log since the last handover,
 * with notes; the incoming officer confirms by logging in and signing.
 *
 * @example
 * const draft = await prepareHandover(core.db, core.clock.now());
 * const id = await startHandover(core, actor, { notes: '东风村来访人员已劝返', toUserId: draft.incoming?.id ?? null });
 * await confirmHandover(core, incomingActor, id);
 */
import type { Db } from '../../db';
import { DAY_MS } from '../../../shared/time';
import type { Actor, Core } from '../context';
import { UserError, notFound } from '../errors';
import { appendAudit, readAuditHead } from '../audit';
import { listAlarms, subjectKey, subjectLabels } from '../alarms';
import { OFFICER_ROLE, computeSchedule, listDutyLog, loadScheduleInput, roleIdOf } from '../duty';

const LOOKAHEAD_MS = DAY_MS;

export async function prepareHandover(db: Db, now: number) {
  const last = await db.selectFrom('handovers').select(['confirmed_at', 'started_at']).where('status', '=', 'confirmed').orderBy('confirmed_at', 'desc').limit(1).executeTakeFirst();
  // The last sheet's snapshot was taken when it was started: entries logged while it waited for confirmation
  // belong on this one.
  const since = last?.started_at ?? now - DAY_MS;
  const [alarms, deadlines, log, input, officerRole, auditHead] = await Promise.all([
    listAlarms(db, { scope: 'open', page: 1, pageSize: 200 }),
    db
      .selectFrom('deadlines')
      .leftJoin('petitions', (j) => j.onRef('petitions.id', '=', 'deadlines.subject_id').on('deadlines.subject_type', '=', 'petition'))
      .select(['deadlines.id', 'deadlines.kind', 'deadlines.due_at', 'deadlines.subject_type', 'deadlines.subject_id', 'petitions.number', 'petitions.summary'])
      .where('deadlines.status', '=', 'open')
      .where('deadlines.office_duty', '=', 1)
      .where('deadlines.due_at', '<=', now + LOOKAHEAD_MS)
      .orderBy('deadlines.due_at')
      .execute(),
    listDutyLog(db, since, now + 1),
    loadScheduleInput(db),
    roleIdOf(db, OFFICER_ROLE),
    readAuditHead(db),
  ]);
  const labels = await subjectLabels(
    db,
    deadlines.filter((d) => d.number === null).map((d) => ({ subjectType: d.subject_type, subjectId: d.subject_id })),
  );
  const toLine = (d: (typeof deadlines)[number]) => {
    const label = labels.get(subjectKey(d.subject_type, d.subject_id));
    return { id: d.id, kind: d.kind, dueAt: d.due_at, petitionId: d.subject_id, number: d.number ?? label?.number ?? '', summary: d.summary ?? label?.summary ?? '' };
  };
  const upcoming = computeSchedule(input, now, now + 2 * DAY_MS).filter((s) => s.roleId === officerRole && s.start > now);
  const incomingId = upcoming[0]?.userId ?? null;
  const incoming = incomingId !== null ? await db.selectFrom('users').select(['id', 'display_name']).where('id', '=', incomingId).executeTakeFirst() : undefined;
  return {
    since,
    openAlarms: alarms.rows.map((a) => ({ id: a.id, subjectNumber: a.subjectNumber, subjectSummary: a.subjectSummary, deadlineKind: a.deadlineKind, dueAt: a.dueAt, level: a.level, status: a.status })),
    dueSoon: deadlines.filter((d) => d.due_at > now).map(toLine),
    overdue: deadlines.filter((d) => d.due_at <= now).map(toLine),
    dutyLog: log,
    incoming: incoming ? { id: incoming.id, name: incoming.display_name, from: upcoming[0]?.start ?? null } : null,
    // The audit chain's head when the sheet is made: printed on it, so paper holds a checkpoint (issue 12).
    auditHead,
  };
}

export type HandoverDraft = Awaited<ReturnType<typeof prepareHandover>>;

export async function startHandover(core: Core, actor: Actor, input: { notes: string; toUserId: number | null }): Promise<number> {
  const now = core.clock.now();
  const draft = await prepareHandover(core.db, now);
  if (input.toUserId !== null) {
    const to = await core.db.selectFrom('users').select(['id', 'active']).where('id', '=', input.toUserId).executeTakeFirst();
    if (!to || to.active !== 1) throw UserError.field('toUserId', 'errors.duty.userInactive');
    if (input.toUserId === actor.id) throw UserError.field('toUserId', 'errors.handover.self');
  }
  const id = await core.db.transaction().execute(async (trx) => {
    const pending = await trx.selectFrom('handovers').select('id').where('status', '=', 'pending').where('from_user_id', '=', actor.id).executeTakeFirst();
    if (pending) throw new UserError('conflict', 'errors.handover.pendingExists');
    const row = await trx
      .insertInto('handovers')
      .values({ from_user_id: actor.id, to_user_id: input.toUserId, started_at: now, confirmed_at: null, period_from: draft.since, notes: input.notes, snapshot_json: JSON.stringify(draft), status: 'pending' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await appendAudit(trx, { actor, at: now, action: 'handover.start', entity: 'handover', entityId: row.id, after: { toUserId: input.toUserId, notes: input.notes, openAlarms: draft.openAlarms.length } });
    return row.id;
  });
  core.emit({ type: 'duty.changed' });
  return id;
}

export async function confirmHandover(core: Core, actor: Actor, id: number): Promise<ReturnType<typeof toHandover>> {
  const now = core.clock.now();
  await core.db.transaction().execute(async (trx) => {
    const h = await trx.selectFrom('handovers').selectAll().where('id', '=', id).executeTakeFirst();
    if (!h) throw notFound();
    if (h.status !== 'pending') throw new UserError('conflict', 'errors.handover.notPending');
    if (h.from_user_id === actor.id) throw new UserError('forbidden', 'errors.handover.self');
    if (h.to_user_id !== null && h.to_user_id !== actor.id) throw new UserError('forbidden', 'errors.handover.notYou');
    await trx.updateTable('handovers').set({ status: 'confirmed', confirmed_at: now, to_user_id: actor.id }).where('id', '=', id).execute();
    await appendAudit(trx, { actor, at: now, action: 'handover.confirm', entity: 'handover', entityId: id });
  });
  core.emit({ type: 'duty.changed' });
  return getHandover(core.db, id);
}

function handoversQuery(db: Db) {
  return db
    .selectFrom('handovers')
    .innerJoin('users as f', 'f.id', 'handovers.from_user_id')
    .leftJoin('users as t', 't.id', 'handovers.to_user_id')
    .selectAll('handovers')
    .select(['f.display_name as from_name', 't.display_name as to_name']);
}

type HandoverRow = Awaited<ReturnType<ReturnType<typeof handoversQuery>['executeTakeFirstOrThrow']>>;

function toHandover(r: HandoverRow) {
  return {
    id: r.id,
    fromUserId: r.from_user_id,
    fromName: r.from_name,
    toUserId: r.to_user_id,
    toName: r.to_name,
    startedAt: r.started_at,
    confirmedAt: r.confirmed_at,
    status: r.status,
    notes: r.notes,
    // Sheets saved before the overdue list existed carry none.
    snapshot: { overdue: [], ...(JSON.parse(r.snapshot_json) as Partial<HandoverDraft>) } as HandoverDraft,
  };
}

export async function listHandovers(db: Db, limit: number) {
  const rows = await handoversQuery(db).orderBy('handovers.started_at', 'desc').limit(limit).execute();
  return rows.map(toHandover);
}

export async function getHandover(db: Db, id: number) {
  const row = await handoversQuery(db).where('handovers.id', '=', id).executeTakeFirst();
  if (!row) throw notFound();
  return toHandover(row);
}
