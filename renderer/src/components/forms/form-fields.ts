/**
 * Schemas for values a form holds in another shape than the procedure takes: a choice from a select (a string
 * id, null until chosen) and a time typed into a date-time field. Each ends in the contract's own schema for
 * the value, so the procedure's rule is the one checked.
 *
 * @example
 * const schema = transitionInputSchema.pick({ note: true }).extend({ unitId: chosenId, at: typedTime(tz, t('petitions.intake.badTime')) });
 */
import { z } from 'zod';
import { id, instant } from '../../../../shared/api';
import { fromLocalInput } from '../petitions/petition-format';

/** A select's value, an id as text; null until chosen ("请选择…"). */
export const chosenId = z.string().transform(Number).pipe(id);

/** The same, where choosing is optional. */
export const optionalChosenId = z
  .string()
  .nullable()
  .transform((v) => (v === null ? null : Number(v)))
  .pipe(id.nullable());

/** A date-time field's text ('YYYY-MM-DD HH:mm:ss' in the office's zone) as the instant it names. */
export function typedTime(timeZone: string, badTime: string) {
  return z
    .string()
    .transform((v, ctx) => {
      const ms = fromLocalInput(v, timeZone);
      if (ms === null) {
        ctx.addIssue({ code: 'custom', message: badTime });
        return z.NEVER;
      }
      return ms;
    })
    .pipe(instant);
}
