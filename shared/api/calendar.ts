/** The holiday calendar that working-day periods are counted on. */
import { z } from 'zod';
import { optionalText, procedure, empty } from './common';
import { ADMINS } from './access';

export const calendarDaySchema = z.object({ date: z.string(), isOffDay: z.boolean(), name: z.string() });
export type CalendarDay = z.infer<typeof calendarDaySchema>;

export const calendarContract = {
  'calendar.years.list': procedure(
    'any',
    empty,
    z.object({
      version: z.number().int(),
      years: z.array(z.object({ year: z.number().int(), offDays: z.number().int(), makeUpDays: z.number().int() })),
    }),
  ),
  'calendar.days.list': procedure('any', z.object({ year: z.number().int().min(2000).max(2100) }), z.array(calendarDaySchema)),
  'calendar.import': procedure(
    ADMINS,
    z.object({ fileText: z.string().max(1_000_000) }),
    z.object({ year: z.number().int(), days: z.number().int(), recomputed: z.number().int() }),
  ),
  'calendar.days.update': procedure(
    ADMINS,
    z.object({ date: z.string(), isOffDay: z.boolean().nullable(), name: optionalText(20) }),
    z.object({ recomputed: z.number().int() }),
  ),
} as const;
