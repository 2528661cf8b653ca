/** Petitions (信访事项): intake, the register, the legal workflow, mediation, attachments. */
import { z } from 'zod';
import { ATTACHMENT_VIEWS, CATEGORIES, CHANNELS, DEADLINE_KINDS, DECISIONS, MEDIATION_KINDS, MEDIATION_OUTCOMES, PETITION_ACTIONS, PETITION_SORTS, PETITION_STATUSES, PETITION_STEP_ACTIONS, TEXT_LIMITS } from '../enums';
import { PETITION_WRITERS } from './access';
import { id, text, optionalText, instant, procedure, deadlineSchema } from './common';
import { approvalSchema } from './approvals';

export const petitionerInputSchema = z.object({
  name: text(60),
  idNumber: optionalText(18),
  phone: optionalText(30),
  address: optionalText(200),
  isRepresentative: z.boolean().default(false),
});
export type PetitionerInput = z.input<typeof petitionerInputSchema>;

export const petitionInputSchema = z.object({
  channel: z.enum(CHANNELS),
  receivedAt: instant,
  petitioners: z.array(petitionerInputSchema).max(200),
  peopleCount: z.number().int().min(1).max(100_000),
  category: z.enum(CATEGORIES),
  claimItem: z.number().int().min(1).max(6).nullable().default(null),
  topicId: id.nullable().default(null),
  unitId: id.nullable().default(null),
  summary: text(TEXT_LIMITS.summary).min(1),
  request: text(TEXT_LIMITS.request).min(1),
  factsReasons: optionalText(TEXT_LIMITS.factsReasons),
  repeatOfId: id.nullable().default(null),
});
export type PetitionInput = z.input<typeof petitionInputSchema>;

export const petitionerSchema = z.object({
  id,
  name: z.string(),
  idNumberMasked: z.string(),
  phoneMasked: z.string(),
  address: z.string(),
  isRepresentative: z.boolean(),
});

export const stepSchema = z.object({
  id,
  at: instant,
  action: z.enum(PETITION_STEP_ACTIONS),
  fromStatus: z.enum(PETITION_STATUSES).nullable(),
  toStatus: z.enum(PETITION_STATUSES),
  note: z.string(),
  userName: z.string(),
  details: z.record(z.string(), z.union([z.string(), z.number(), z.null()])),
});
export type Step = z.infer<typeof stepSchema>;

export const mediationSchema = z.object({
  id,
  kind: z.enum(MEDIATION_KINDS),
  at: instant,
  outcome: z.enum(MEDIATION_OUTCOMES),
  note: z.string(),
  userName: z.string(),
});

export const attachmentSchema = z.object({
  id,
  fileName: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  addedAt: instant,
  addedBy: z.string(),
  /** How the viewer shows it: an image, a TIFF converted for display, a PDF, or a download. */
  view: z.enum(ATTACHMENT_VIEWS),
  /** Removed by mistake: the file is kept, the row says who removed it and why. */
  removedAt: instant.nullable(),
  removedBy: z.string().nullable(),
  removalReason: z.string(),
});
export type Attachment = z.infer<typeof attachmentSchema>;

/** A file as the renderer sends it: its name and its bytes in base64. */
export const attachmentUploadSchema = z.object({ fileName: text(200).min(1), dataBase64: z.string().max(30_000_000) });
export type AttachmentUpload = z.infer<typeof attachmentUploadSchema>;

export const petitionSummarySchema = z.object({
  id,
  number: z.string(),
  /**
   * '' for the office's own; on the county's database, the township whose file it was imported from (its number
   * is that township's, and is shown after the township's name).
   */
  township: z.string(),
  channel: z.enum(CHANNELS),
  receivedAt: instant,
  status: z.enum(PETITION_STATUSES),
  category: z.enum(CATEGORIES),
  claimItem: z.number().int().nullable(),
  topicName: z.string().nullable(),
  unitName: z.string().nullable(),
  summary: z.string(),
  peopleCount: z.number().int(),
  firstPetitioner: z.string(),
  firstIdNumberMasked: z.string(),
  nextDueAt: instant.nullable(),
  nextDueKind: z.enum(DEADLINE_KINDS).nullable(),
  repeatOfId: id.nullable(),
  /** Why it was voided (作废); '' for a petition that stands. */
  voidReason: z.string(),
  /** The number the office's own ledger (台账) gave it, when it was imported from one. */
  ledgerNumber: z.string().nullable(),
});
export type PetitionSummary = z.infer<typeof petitionSummarySchema>;

export const petitionDetailSchema = petitionSummarySchema.extend({
  request: z.string(),
  factsReasons: z.string(),
  topicId: id.nullable(),
  unitId: id.nullable(),
  responsibleUnitId: id.nullable(),
  responsibleUnitName: z.string().nullable(),
  leadLeaderId: id.nullable(),
  leadLeaderName: z.string().nullable(),
  decision: z.enum(DECISIONS).nullable(),
  extendedDays: z.number().int(),
  petitioners: z.array(petitionerSchema),
  steps: z.array(stepSchema),
  deadlines: z.array(deadlineSchema),
  mediations: z.array(mediationSchema),
  attachments: z.array(attachmentSchema),
  repeats: z.array(z.object({ id, number: z.string(), receivedAt: instant, summary: z.string() })),
  repeatOfNumber: z.string().nullable(),
  allowedActions: z.array(z.enum(PETITION_ACTIONS)),
  createdAt: instant,
  voidedAt: instant.nullable(),
  /** Requests for a leader's approval about this petition, pending and decided, newest first. */
  approvals: z.array(approvalSchema),
});
export type PetitionDetail = z.infer<typeof petitionDetailSchema>;

export const transitionInputSchema = z.object({
  id,
  action: z.enum(PETITION_ACTIONS),
  at: instant.optional(),
  note: optionalText(4000),
  targetBody: optionalText(100),
  unitId: id.optional(),
  leaderId: id.optional(),
  days: z.number().int().optional(),
  decision: z.enum(DECISIONS).optional(),
  basis: optionalText(2000),
  noticeOnTheSpot: z.boolean().optional(),
});
export type TransitionInput = z.input<typeof transitionInputSchema>;


export const petitionListInputSchema = z.object({
  query: optionalText(100),
  statuses: z.array(z.enum(PETITION_STATUSES)).default([]),
  category: z.enum(CATEGORIES).nullable().default(null),
  topicId: id.nullable().default(null),
  unitId: id.nullable().default(null),
  receivedFrom: instant.nullable().default(null),
  receivedTo: instant.nullable().default(null),
  overdueOnly: z.boolean().default(false),
  /** Voided petitions leave the list unless asked for (or their status is chosen). */
  includeVoided: z.boolean().default(false),
  /** The list counts up to 10,000 matches and says "10000+" above; a figure that must be exact asks for it. */
  exactTotal: z.boolean().default(false),
  sort: z.enum(PETITION_SORTS).default('receivedAt'),
  descending: z.boolean().default(true),
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(1).max(200).default(50),
});
export type PetitionListInput = z.input<typeof petitionListInputSchema>;

/** A petitioner as a correction sends it: a kept row names its id; an ID number or phone left out stays as it was. */
export const petitionerCorrectionSchema = petitionerInputSchema.extend({
  id: id.optional(),
  idNumber: text(18).optional(),
  phone: text(30).optional(),
});
export type PetitionerCorrection = z.input<typeof petitionerCorrectionSchema>;

/** The fields a correction (更正) may change; a field left out stays as it is. */
export const petitionChangesSchema = z.object({
  petitioners: z.array(petitionerCorrectionSchema).max(200).optional(),
  channel: z.enum(CHANNELS).optional(),
  receivedAt: instant.optional(),
  peopleCount: z.number().int().min(1).max(100_000).optional(),
  category: z.enum(CATEGORIES).optional(),
  claimItem: z.number().int().min(1).max(6).nullable().optional(),
  topicId: id.nullable().optional(),
  unitId: id.nullable().optional(),
  summary: text(TEXT_LIMITS.summary).min(1).optional(),
  request: text(TEXT_LIMITS.request).min(1).optional(),
  factsReasons: text(TEXT_LIMITS.factsReasons).optional(),
});
export type PetitionChanges = z.input<typeof petitionChangesSchema>;

export const petitionCorrectionInputSchema = z.object({ id, reason: optionalText(TEXT_LIMITS.reason), changes: petitionChangesSchema });
export type PetitionCorrectionInput = z.input<typeof petitionCorrectionInputSchema>;

export const petitionsContract = {
  'petitions.repeats.list': procedure(
    PETITION_WRITERS,
    z.object({ idNumbers: z.array(z.string().max(18)).max(200).default([]), text: optionalText(4000), excludeId: id.optional() }),
    z.array(
      petitionSummarySchema.extend({ reason: z.enum(['idNumber', 'text']) }),
    ),
  ),
  'petitions.create': procedure(
    PETITION_WRITERS,
    // Files chosen during intake are saved in the same transaction as the petition: all or nothing.
    petitionInputSchema.extend({ attachments: z.array(attachmentUploadSchema).max(20).default([]) }),
    z.object({ id, number: z.string() }),
  ),
  'petitions.list': procedure(
    'any',
    petitionListInputSchema,
    z.object({ rows: z.array(petitionSummarySchema), total: z.number().int(), totalCapped: z.boolean() }),
  ),
  'petitions.get': procedure('any', z.object({ id }), petitionDetailSchema),
  'petitions.transition': procedure(PETITION_WRITERS, transitionInputSchema, petitionDetailSchema),
  'petitions.mediations.create': procedure(
    PETITION_WRITERS,
    z.object({ id, kind: z.enum(MEDIATION_KINDS), at: instant, outcome: z.enum(MEDIATION_OUTCOMES), note: optionalText(4000) }),
    petitionDetailSchema,
  ),
  'petitions.linkRepeat': procedure(PETITION_WRITERS, z.object({ id, repeatOfId: id.nullable() }), petitionDetailSchema),
  'petitions.reveal': procedure(
    PETITION_WRITERS,
    z.object({ petitionerId: id }),
    z.object({ idNumber: z.string(), phone: z.string() }),
  ),
  'petitions.attachments.create': procedure(PETITION_WRITERS, attachmentUploadSchema.extend({ id }), attachmentSchema),
  'petitions.attachments.remove': procedure(PETITION_WRITERS, z.object({ id, reason: optionalText(TEXT_LIMITS.reason) }), petitionDetailSchema),
  /** A short-lived address the viewer or a download reads the file from; each one is written to the audit. */
  'petitions.attachments.open': procedure(
    'any',
    z.object({ id, purpose: z.enum(['view', 'download']) }),
    z.object({ url: z.string(), fileName: z.string(), view: z.enum(ATTACHMENT_VIEWS), size: z.number().int(), sha256: z.string() }),
  ),
  /** A correction (更正): applied at once, or waiting for a leader when it changes received-at or category after acceptance. */
  'petitions.correct': procedure(PETITION_WRITERS, petitionCorrectionInputSchema, petitionDetailSchema),
  /** Asks a leader to extend the handling period (Art. 34); it takes effect on approval. */
  'petitions.extension.request': procedure(PETITION_WRITERS, z.object({ id, days: z.number().int().optional(), note: optionalText(TEXT_LIMITS.reason) }), petitionDetailSchema),
  /** Asks a leader to void a mistaken registration (作废); the number stays used. */
  'petitions.void.request': procedure(PETITION_WRITERS, z.object({ id, reason: optionalText(TEXT_LIMITS.reason) }), petitionDetailSchema),
} as const;
