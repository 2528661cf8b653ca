/** Units (villages, communities, departments) and petition topics. */
import { z } from 'zod';
import { UNIT_KINDS } from '../enums';
import { id, text, optionalText, procedure } from './common';
import { ADMINS } from './access';

export const unitSchema = z.object({
  id,
  name: z.string(),
  kind: z.enum(UNIT_KINDS),
  liaisonName: z.string(),
  liaisonPhone: z.string(),
  active: z.boolean(),
});
export type Unit = z.infer<typeof unitSchema>;

export const topicSchema = z.object({ id, name: z.string(), sortOrder: z.number().int(), active: z.boolean() });
export type Topic = z.infer<typeof topicSchema>;

export const unitInputSchema = z.object({
  name: text(60).min(1),
  kind: z.enum(UNIT_KINDS),
  liaisonName: optionalText(30),
  liaisonPhone: optionalText(30),
  active: z.boolean().default(true),
});
export type UnitInput = z.input<typeof unitInputSchema>;

export const topicInputSchema = z.object({ name: text(30).min(1), sortOrder: z.number().int().default(0), active: z.boolean().default(true) });
export type TopicInput = z.input<typeof topicInputSchema>;

export const unitsContract = {
  'units.list': procedure('any', z.object({ includeInactive: z.boolean().default(false) }).default({ includeInactive: false }), z.array(unitSchema)),
  'units.create': procedure(ADMINS, unitInputSchema, unitSchema),
  'units.update': procedure(ADMINS, unitInputSchema.extend({ id }), unitSchema),
  'topics.list': procedure('any', z.object({ includeInactive: z.boolean().default(false) }).default({ includeInactive: false }), z.array(topicSchema)),
  'topics.create': procedure(ADMINS, topicInputSchema, topicSchema),
  'topics.update': procedure(ADMINS, topicInputSchema.extend({ id }), topicSchema),
} as const;
