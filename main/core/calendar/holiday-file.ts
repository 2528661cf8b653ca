/**
 * The holiday file an administrator imports: one year, as the State Council's notice gives it.
 * Same shape as the shipped files: `{ "year": 2027, "days": [{ "date", "name", "isOffDay" }] }`.
 */
import { z } from 'zod';
import { isIsoDate } from '../../../shared/time';
import { t } from '../../../shared/i18n';
import { UserError } from '../errors';
import type { HolidayEntry } from './deadline-calculator';

const fileSchema = z.object({
  year: z.number().int().min(2000).max(2100),
  days: z.array(z.object({ date: z.string(), name: z.string().max(20), isOffDay: z.boolean() })).max(366),
});

export interface HolidayYear {
  readonly year: number;
  readonly days: readonly HolidayEntry[];
}

export function parseHolidayFile(fileText: string): HolidayYear {
  let raw: unknown;
  try {
    raw = JSON.parse(fileText);
  } catch {
    throw UserError.field('fileText', 'errors.calendar.badFile', { detail: t('errors.calendar.notJson') });
  }
  const parsed = fileSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue ? issue.path.join('.') : '';
    throw UserError.field('fileText', 'errors.calendar.badFile', { detail: `${where} ${issue?.message ?? ''}`.trim() });
  }
  const { year, days } = parsed.data;
  const seen = new Set<string>();
  for (const d of days) {
    if (!isIsoDate(d.date)) throw UserError.field('fileText', 'errors.calendar.badDate', { date: d.date });
    if (Number(d.date.slice(0, 4)) !== year) throw UserError.field('fileText', 'errors.calendar.yearMismatch', { date: d.date, year });
    if (seen.has(d.date)) throw UserError.field('fileText', 'errors.calendar.badFile', { detail: t('errors.calendar.duplicateDate', { date: d.date }) });
    seen.add(d.date);
  }
  return { year, days: days.map((d) => ({ date: d.date, name: d.name, isOffDay: d.isOffDay })) };
}
