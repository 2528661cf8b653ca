/** Zero reports (零报告): monthly, and daily in sensitive periods. */
import { z } from 'zod';
import { ZERO_REPORT_PERIOD_KINDS, ZERO_REPORT_STATES } from '../enums';
import { ADMINS, ZERO_REPORT_INTAKE } from './access';
import { id, optionalText, instant, procedure, empty } from './common';

export const zeroReportSettingsSchema = z.object({
  /** The monthly report is due by 24:00 of this day of the next month. */
  monthlyDueDay: z.number().int(),
  /** The daily report in a sensitive period is due by this hour the same day (24 = midnight). */
  dailyDueHour: z.number().int(),
});
export type ZeroReportSettings = z.infer<typeof zeroReportSettingsSchema>;

const zeroReportCounts = z.object({ on_time: z.number().int(), late: z.number().int(), missing: z.number().int(), not_due_yet: z.number().int() });

export const zeroReportGridSchema = z.object({
  month: z.string(),
  periods: z.array(z.object({ period: z.string(), kind: z.enum(ZERO_REPORT_PERIOD_KINDS), dueAt: instant, sensitivePeriodName: z.string().nullable() })),
  /** effectiveFrom: periods that ended before it have no cell (the unit did not exist yet). */
  units: z.array(z.object({ unitId: id, unitName: z.string(), effectiveFrom: z.string().nullable(), counts: zeroReportCounts })),
  cells: z.array(
    z.object({
      unitId: id,
      period: z.string(),
      state: z.enum(ZERO_REPORT_STATES),
      dueAt: instant,
      submittedAt: instant.nullable(),
      lateMs: z.number().int(),
      nothingToReport: z.boolean().nullable(),
      reportIds: z.array(id),
    }),
  ),
  counts: zeroReportCounts,
});
export type ZeroReportGrid = z.infer<typeof zeroReportGridSchema>;

export const zeroReportSubmitInputSchema = z.object({
  unitId: id,
  /** '2026-11' for the month, '2026-11-03' for a day in a sensitive period. */
  period: z.string().max(10),
  nothingToReport: z.boolean(),
  /** The unit's reports of the period, when there was something to report. */
  reportIds: z.array(id).max(200).default([]),
  note: optionalText(1000),
  /** Null: now. */
  submittedAt: instant.nullable().default(null),
});
export type ZeroReportSubmitInput = z.input<typeof zeroReportSubmitInputSchema>;

export const zeroReportBulkInputSchema = z.object({
  /** The periods recorded at once: the month ('2026-11') and/or days of a sensitive period ('2026-11-03'). */
  periods: z.array(z.string().max(10)).max(100),
  /** Units left out of the batch (they have something to report and are entered one by one). */
  exceptUnitIds: z.array(id).max(500).default([]),
  note: optionalText(1000),
  /** Null: now. */
  submittedAt: instant.nullable().default(null),
});
export type ZeroReportBulkInput = z.input<typeof zeroReportBulkInputSchema>;

export const zeroReportsContract = {
  'zeroReports.settings.get': procedure('any', empty, zeroReportSettingsSchema),
  'zeroReports.settings.update': procedure(ADMINS, zeroReportSettingsSchema, zeroReportSettingsSchema),
  'zeroReports.grid.get': procedure('any', z.object({ month: z.string().max(7) }), zeroReportGridSchema),
  'zeroReports.submit': procedure(
    ZERO_REPORT_INTAKE,
    zeroReportSubmitInputSchema,
    z.object({ id, state: z.enum(['on_time', 'late']), lateMs: z.number().int() }),
  ),
  /** Every unit's "无情况" for the chosen periods in one transaction, except the exceptions; filed cells are skipped. */
  'zeroReports.submitBulk': procedure(
    ZERO_REPORT_INTAKE,
    zeroReportBulkInputSchema,
    z.object({ recorded: z.number().int(), late: z.number().int(), skipped: z.number().int() }),
  ),
} as const;
