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
  /** The first day the unit is expected to send zero reports; null for a unit set up before units had one. */
  effectiveFrom: z.string().nullable(),
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
  /** 'YYYY-MM-DD'; a new unit without one starts the day it is added, an edit without one keeps it. */
  effectiveFrom: z.string().max(10).optional(),
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
