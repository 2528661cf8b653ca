/** Notices (文书): drafting, sign-off (签发), the frozen signed copy, printing and the archive. */
import { z } from 'zod';
import { NOTICE_ACTIONS, NOTICE_FORMATS, NOTICE_KINDS, NOTICE_PRINT_FORMATS, NOTICE_STATUSES, NOTICE_SUBJECTS } from '../enums';
import { ADMINS, NOTICE_DRAFTERS } from './access';
import { id, text, optionalText, instant, procedure, empty } from './common';

export const noticeBodyBlockSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('paragraph'), text: text(4000) }),
  z.object({ type: z.literal('heading'), level: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]), text: text(200) }),
  z.object({ type: z.literal('table'), rows: z.array(z.array(text(200)).max(12)).max(80) }),
]);
export type NoticeBodyBlock = z.infer<typeof noticeBodyBlockSchema>;

export const noticeSummarySchema = z.object({
  id,
  kind: z.enum(NOTICE_KINDS),
  status: z.enum(NOTICE_STATUSES),
  title: z.string(),
  docNumber: z.string().nullable(),
  subjectType: z.enum(NOTICE_SUBJECTS),
  subjectId: id.nullable(),
  subjectMonth: z.string().nullable(),
  subjectLabel: z.string(),
  createdByName: z.string(),
  createdAt: instant,
  signedByName: z.string().nullable(),
  signedAt: instant.nullable(),
  printCount: z.number().int(),
  copiesPrinted: z.number().int(),
  lastPrintedAt: instant.nullable(),
  supersededById: id.nullable(),
  supersededByNumber: z.string().nullable(),
});
export type NoticeSummary = z.infer<typeof noticeSummarySchema>;

export const noticePrintSchema = z.object({ id, at: instant, userName: z.string(), copies: z.number().int(), format: z.enum(NOTICE_PRINT_FORMATS), sha256: z.string() });
export type NoticePrint = z.infer<typeof noticePrintSchema>;

export const noticeDetailSchema = noticeSummarySchema.extend({
  format: z.enum(NOTICE_FORMATS),
  addressee: z.string(),
  addresseeUnitName: z.string().nullable(),
  body: z.array(noticeBodyBlockSchema),
  note: z.string(),
  copyTo: z.array(z.string()),
  /** What the fill left out of a notice to an accused unit, and why (shown to the clerk, never printed). */
  withheld: z.array(z.string()),
  sha256: z.string().nullable(),
  submittedByName: z.string().nullable(),
  submittedAt: instant.nullable(),
  supersedesId: id.nullable(),
  supersedesNumber: z.string().nullable(),
  prints: z.array(noticePrintSchema),
  allowedActions: z.array(z.enum(NOTICE_ACTIONS)),
});
export type NoticeDetail = z.infer<typeof noticeDetailSchema>;

export const noticeCreateInputSchema = z.object({
  kind: z.enum(NOTICE_KINDS),
  warningId: id.nullable().default(null),
  petitionId: id.nullable().default(null),
  reportId: id.nullable().default(null),
  month: z.string().max(7).nullable().default(null),
});
export type NoticeCreateInput = z.input<typeof noticeCreateInputSchema>;

export const noticeUpdateInputSchema = z.object({
  id,
  title: text(100),
  addressee: text(100),
  body: z.array(noticeBodyBlockSchema).max(200),
  note: optionalText(500),
  copyTo: z.array(text(60)).max(20).default([]),
});
export type NoticeUpdateInput = z.input<typeof noticeUpdateInputSchema>;

export const noticeListInputSchema = z.object({
  kind: z.enum(NOTICE_KINDS).nullable().default(null),
  status: z.enum(NOTICE_STATUSES).nullable().default(null),
  /** The notices drafted from one record (a petition's page lists its own). */
  subjectType: z.enum(NOTICE_SUBJECTS).nullable().default(null),
  subjectId: id.nullable().default(null),
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(1).max(200).default(50),
});
export type NoticeListInput = z.input<typeof noticeListInputSchema>;

export const noticeSettingsSchema = z.object({
  issuerMark: text(40).min(1),
  issuerName: text(40).min(1),
  countyAddressee: text(40).min(1),
  prefixes: z.record(z.enum(NOTICE_KINDS), text(10).min(1)),
  /** The office seal as a PNG data: URL (the admin loads the image file); printed on signed notices only. */
  sealDataUrl: z.string().max(400_000).nullable().default(null),
  /** The office's own phone numbers (a duty mobile too): allowed in a notice's 附注 beside any office landline. */
  officePhones: z.array(text(30).min(1)).max(5).default([]),
});
export type NoticeSettings = z.infer<typeof noticeSettingsSchema>;

export const noticesContract = {
  'notices.list': procedure('any', noticeListInputSchema, z.object({ rows: z.array(noticeSummarySchema), total: z.number().int() })),
  'notices.get': procedure('any', z.object({ id }), noticeDetailSchema),
  'notices.create': procedure(NOTICE_DRAFTERS, noticeCreateInputSchema, noticeDetailSchema),
  'notices.update': procedure(NOTICE_DRAFTERS, noticeUpdateInputSchema, noticeDetailSchema),
  'notices.submit': procedure(NOTICE_DRAFTERS, z.object({ id }), noticeDetailSchema),
  'notices.return': procedure(NOTICE_DRAFTERS, z.object({ id, reason: optionalText(500) }), noticeDetailSchema),
  /** Clerks reach the core, which refuses with a message that says who may sign; only a leader signs. */
  'notices.sign': procedure(NOTICE_DRAFTERS, z.object({ id }), noticeDetailSchema),
  'notices.supersede': procedure(NOTICE_DRAFTERS, z.object({ id }), noticeDetailSchema),
  'notices.html.get': procedure('any', z.object({ id }), z.object({ html: z.string(), frozen: z.boolean(), sha256: z.string().nullable() })),
  'notices.pdf.get': procedure(NOTICE_DRAFTERS, z.object({ id }), z.object({ fileName: z.string(), base64: z.string(), sha256: z.string() })),
  'notices.prints.create': procedure(NOTICE_DRAFTERS, z.object({ id, copies: z.number().int().min(1).max(99), format: z.enum(NOTICE_PRINT_FORMATS) }), noticeDetailSchema),
  'notices.settings.get': procedure('any', empty, noticeSettingsSchema),
  'notices.settings.update': procedure(ADMINS, noticeSettingsSchema, noticeSettingsSchema),
} as const;
