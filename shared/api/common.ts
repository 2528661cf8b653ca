/** Building blocks every domain's contract uses: field types, the procedure record, who may call. */
import { z } from 'zod';
import { DEADLINE_KINDS, DEADLINE_STATUSES, DEADLINE_UNITS, REST_REASONS, type Role } from '../enums';
import { t } from '../i18n';
import { isStorableText } from '../unicode';

export const id = z.number().int().positive();
/**
 * Text a record can hold: no lone surrogate, no NUL (shared/unicode.ts). The API also checks every string of
 * every raw request (main/api/index.ts), so a `z.string()` field is covered too; this gives forms the same
 * message before they send.
 */
export const storableText = () =>
  z.string().refine(isStorableText, { error: (issue) => t('security.errors.unstorableText', { field: issue.path?.join('.') || '_' }) });
export const text = (max: number) => storableText().trim().max(max);
export const optionalText = (max: number) => storableText().trim().max(max).default('');
export const instant = z.number().int().nonnegative();

/** Who may call: 'public' needs no login; 'any' any logged-in user; otherwise the listed roles (admin always may). */
export type Access = 'public' | 'any' | readonly Role[];

export function procedure<I extends z.ZodType, O extends z.ZodType>(access: Access, input: I, output: O) {
  return { access, input, output } as const;
}

export const empty = z.object({}).default({});
/**
 * What a write returns when there is no record left to show: the id of what it created, removed or ended. A write
 * that changes a record returns that record as a reader now sees it (its detail schema), never a bare flag: the
 * envelope's own `ok` already says it worked.
 */
export const idResult = z.object({ id });

export const deadlineSchema = z.object({
  id,
  kind: z.enum(DEADLINE_KINDS),
  status: z.enum(DEADLINE_STATUSES),
  officeDuty: z.boolean(),
  startDate: z.string(),
  dueDate: z.string(),
  dueAt: instant,
  metAt: instant.nullable(),
  explanation: z.object({
    article: z.string(),
    unit: z.enum(DEADLINE_UNITS),
    days: z.number().int(),
    extensionDays: z.number().int(),
    nominalEndDate: z.string(),
    shiftedFrom: z.string().nullable(),
    skipped: z.array(z.object({ date: z.string(), name: z.string(), reason: z.enum(REST_REASONS) })),
    makeUpDays: z.array(z.object({ date: z.string(), name: z.string() })),
    uncoveredYears: z.array(z.number().int()),
    calendarVersion: z.number().int(),
    /** Worked out again after a correction (更正) of what it was computed from: when, which fields, the old start. */
    correction: z.object({ at: instant, fields: z.array(z.string()), fromStartDate: z.string() }).optional(),
  }),
});
export type Deadline = z.infer<typeof deadlineSchema>;
