/** Statistics and the dashboard. */
import { z } from 'zod';
import { REPORT_TYPES, WARNING_LEVELS } from '../enums';
import { id, instant, procedure, empty } from './common';

const rate = z.number().nullable();

export const statisticsSchema = z.object({
  from: instant,
  to: instant,
  byMonth: z.array(z.object({ month: z.string(), petitions: z.number().int(), reports: z.number().int(), warnings: z.number().int() })),
  byTopic: z.array(z.object({ topicId: id.nullable(), topicName: z.string(), petitions: z.number().int() })),
  byLevel: z.array(z.object({ level: z.enum(WARNING_LEVELS), issued: z.number().int(), active: z.number().int() })),
  byReportType: z.array(z.object({ type: z.enum(REPORT_TYPES), reports: z.number().int() })),
  /** One row per unit, and a last 未填单位 row (unitId null) when a petition names no unit, so the rows add up. */
  byUnit: z.array(
    z.object({
      unitId: id.nullable(),
      unitName: z.string(),
      petitions: z.number().int(),
      warnings: z.number().int(),
      reports: z.number().int(),
      reportsOnTime: z.number().int(),
      reportsLate: z.number().int(),
      reportsMissed: z.number().int(),
      reportsConcealed: z.number().int(),
      reportOnTimeRate: rate,
      /** Petitions with an office deadline that has come (met, or run out); the rest are not judged yet. */
      petitionsDue: z.number().int(),
      petitionsOnTime: z.number().int(),
      petitionsLate: z.number().int(),
      petitionOnTimeRate: rate,
      zeroReportsExpected: z.number().int(),
      zeroReportsOnTime: z.number().int(),
      zeroReportsLate: z.number().int(),
      zeroReportsMissing: z.number().int(),
      zeroReportOnTimeRate: rate,
    }),
  ),
});
export type Statistics = z.infer<typeof statisticsSchema>;

const MONTH_TEXT = /^\d{4}-(0[1-9]|1[0-2])$/;
const monthIndex = (m: string) => Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7));
/** The last `months` months, or a chosen range of whole months (both ends included, at most 24). */
export const statisticsInputSchema = z
  .object({
    months: z.number().int().min(1).max(24).default(12),
    fromMonth: z.string().regex(MONTH_TEXT, { message: '起始月份的格式应为“2026-01”' }).optional(),
    toMonth: z.string().regex(MONTH_TEXT, { message: '结束月份的格式应为“2026-12”' }).optional(),
  })
  .refine((r) => (r.fromMonth === undefined) === (r.toMonth === undefined), { message: '请同时选择起始月份和结束月份', path: ['toMonth'] })
  .refine((r) => !r.fromMonth || !r.toMonth || r.fromMonth <= r.toMonth, { message: '结束月份不能早于起始月份', path: ['toMonth'] })
  .refine((r) => !r.fromMonth || !r.toMonth || monthIndex(r.toMonth) - monthIndex(r.fromMonth) < 24, {
    message: '统计范围最长24个月，请缩短起止月份',
    path: ['toMonth'],
  });
export type StatisticsInput = z.infer<typeof statisticsInputSchema>;

export const dashboardSchema = z.object({
  now: instant,
  activeWarnings: z.object({ red: z.number().int(), yellow: z.number().int(), blue: z.number().int() }),
  overduePetitions: z.number().int(),
  /** "3日内到期": open petitions whose next deadline is due soon by shared/time-left's isDueSoon. */
  dueSoonPetitions: z.number().int(),
  overdueWarningFeedback: z.number().int(),
  reportsAwaitingApproval: z.number().int(),
  reportsLateThisMonth: z.number().int(),
  /** The zero-report page's own counts for one month each ('2026-11'), the month the dashboard's link opens. */
  zeroReports: z.object({ dueToday: z.number().int(), dueTodayMonth: z.string(), missing: z.number().int(), missingMonth: z.string() }),
  sensitivePeriod: z.object({ id, name: z.string(), startDate: z.string(), endDate: z.string() }).nullable(),
});
export type Dashboard = z.infer<typeof dashboardSchema>;

export const statsContract = {
  'stats.overview.get': procedure('any', statisticsInputSchema.default({ months: 12 }), statisticsSchema),
  'stats.dashboard.get': procedure('any', empty, dashboardSchema),
} as const;
