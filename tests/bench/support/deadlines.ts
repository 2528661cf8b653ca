/**
 * Deadlines and alarms for the petitions seedPetitions wrote: two office deadlines each (the first open while the
 * petition has a "next due", the other met), and three alarm rows per deadline (pending ones in the future for an
 * open deadline; cancelled and resolved ones for a met one), so the alarm table is several times the petitions.
 *
 * @example
 * await seedDeadlines(app.core.db, clock.now());
 */
import type { Insertable } from 'kysely';
import type { AlarmTable, DeadlineTable, Db } from '../../../main/db';
import type { AlarmRecordStatus } from '../../../shared/enums';
import { DAY_MS, localDateOf } from '../../../shared/time';

const TZ = 'Asia/Shanghai';

function deadline(subjectId: number, kind: 'forward' | 'acceptance_notice', dueAt: number, open: boolean, createdAt: number): Insertable<DeadlineTable> {
  const dueDate = localDateOf(dueAt - 1, TZ);
  return {
    subject_type: 'petition',
    subject_id: subjectId,
    kind,
    office_duty: 1,
    start_date: localDateOf(createdAt, TZ),
    unit: 'calendar_days',
    days: 15,
    extension_days: 0,
    article: '《信访工作条例》第二十二条',
    due_date: dueDate,
    due_at: dueAt,
    explanation_json: '{}',
    calendar_version: 1,
    status: open ? 'open' : 'met',
    met_at: open ? null : dueAt - DAY_MS,
    created_at: createdAt,
  };
}

function alarm(deadlineId: number, status: AlarmRecordStatus, fireAt: number, now: number): Insertable<AlarmTable> {
  const rung = status === 'resolved';
  return {
    deadline_id: deadlineId,
    kind: 'pre',
    days_before: 1,
    fire_at: fireAt,
    status,
    fired_at: rung ? fireAt : null,
    late_ms: 0,
    level: 0,
    recipients_json: '[]',
    no_one_on_duty: 0,
    closed_at: status === 'pending' ? null : fireAt,
    created_at: now,
  };
}

/** Pending alarms are spread over the next year from `now`, so nothing comes due while a benchmark runs. */
export async function seedDeadlines(db: Db, now: number): Promise<void> {
  const petitions = await db.selectFrom('petitions').select(['id', 'received_at', 'next_due_at']).where('number', 'like', '信〔B〕%').orderBy('id').execute();
  const batch = 200;
  for (let i = 0; i < petitions.length; i += batch) {
    const slice = petitions.slice(i, i + batch);
    await db.transaction().execute(async (trx) => {
      const rows = slice.flatMap((p) => [
        deadline(p.id, 'forward', p.received_at + 15 * DAY_MS, p.next_due_at !== null, p.received_at),
        deadline(p.id, 'acceptance_notice', p.received_at + 15 * DAY_MS, false, p.received_at),
      ]);
      const ids = await trx.insertInto('deadlines').values(rows).returning(['id', 'status', 'due_at']).execute();
      const alarms: Insertable<AlarmTable>[] = [];
      for (const [k, d] of ids.entries()) {
        if (d.status === 'open') {
          const fireAt = now + 5 * DAY_MS + ((i + k) % 360) * DAY_MS;
          alarms.push(alarm(d.id, 'pending', fireAt, now), alarm(d.id, 'pending', fireAt + DAY_MS, now), alarm(d.id, 'pending', fireAt + 2 * DAY_MS, now));
        } else {
          alarms.push(alarm(d.id, 'cancelled', d.due_at - 3 * DAY_MS, now), alarm(d.id, 'cancelled', d.due_at - DAY_MS, now), alarm(d.id, 'resolved', d.due_at, now));
        }
      }
      await trx.insertInto('alarms').values(alarms).execute();
    });
  }
}
