/** Handlers for the calendar procedures of the contract (shared/api/calendar.ts). */
import type { Core } from '../core/context';
import type { calendarContract } from '../../shared/api';
import { calendarDays, calendarYears } from '../core/calendar';
import { importHolidayFile, setCalendarDay } from '../core/deadlines';
import { type DomainHandlers, type HandlerOptions, signedIn } from './context';

export function calendarHandlers(core: Core, _options: HandlerOptions): DomainHandlers<typeof calendarContract> {
  const { db } = core;
  return {
    'calendar.years.list': () => calendarYears(db),
    'calendar.days.list': (input) => calendarDays(db, input.year),
    'calendar.import': (input, ctx) => importHolidayFile(core, signedIn(ctx), input.fileText),
    'calendar.days.update': (input, ctx) => setCalendarDay(core, signedIn(ctx), input.date, input.isOffDay, input.name),
  };
}
