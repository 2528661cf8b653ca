/**
 * A person's change to the holiday calendar, and its consequence: every open deadline is worked out again,
 * in the same transaction, under the new calendar.
 */
import type { Actor, Core } from '../context';
import { UserError } from '../errors';
import { appendAudit } from '../audit';
import { isIsoDate } from '../../../shared/time';
import { bumpVersion, parseHolidayFile, replaceYear } from '../calendar';
import { recomputeOpenDeadlines } from './deadline-rows';

export async function importHolidayFile(core: Core, actor: Actor, fileText: string) {
  const year = parseHolidayFile(fileText);
  const recomputed = await core.db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('calendar_days').select(['date', 'is_off_day', 'name']).where('year', '=', year.year).execute();
    await replaceYear(trx, year);
    await bumpVersion(trx);
    const n = await recomputeOpenDeadlines(trx, core.clock.now());
    await appendAudit(trx, {
      actor,
      at: core.clock.now(),
      action: 'calendar.import',
      entity: 'calendar',
      entityId: year.year,
      before,
      after: year.days,
    });
    return n;
  });
  core.emit({ type: 'calendar.changed' });
  return { year: year.year, days: year.days.length, recomputed };
}

/** Marks one date as a day off (true), a make-up working day (false), or back to the normal week (null). */
export async function setCalendarDay(core: Core, actor: Actor, date: string, isOffDay: boolean | null, name: string) {
  if (!isIsoDate(date)) throw UserError.field('date', 'errors.calendar.badDate', { date });
  const year = Number(date.slice(0, 4));
  const recomputed = await core.db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('calendar_days').selectAll().where('date', '=', date).executeTakeFirst();
    await trx.deleteFrom('calendar_days').where('date', '=', date).execute();
    if (isOffDay !== null) {
      await trx.insertInto('calendar_days').values({ date, year, is_off_day: isOffDay ? 1 : 0, name: name || (isOffDay ? '休息日' : '调休上班') }).execute();
    }
    await bumpVersion(trx);
    const n = await recomputeOpenDeadlines(trx, core.clock.now());
    await appendAudit(trx, {
      actor,
      at: core.clock.now(),
      action: 'calendar.setDay',
      entity: 'calendar',
      entityId: date,
      before: before ?? null,
      after: isOffDay === null ? null : { date, isOffDay, name },
    });
    return n;
  });
  core.emit({ type: 'calendar.changed' });
  return { recomputed };
}
