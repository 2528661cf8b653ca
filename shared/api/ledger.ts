/**
 * The office's ledger (台账) in and out: an Excel/WPS or CSV ledger imported in one batch (previewed first, undone
 * the same day if need be), and the register exported as .xlsx.
 *
 * The file travels as base64, as attachments do. The clerk's corrections travel with it: which column holds which
 * field (`columns`, by the column's position in the sheet) and what the office's own words mean (`words`).
 *
 * @example
 * const p = await api.call('ledger.imports.preview', { fileName: '2025台账.xlsx', dataBase64 });
 * const done = await api.call('ledger.imports.create', { fileName, dataBase64, columns: p.value.columns.map(...) });
 */
import { z } from 'zod';
import { CHANNELS, LEDGER_FIELDS, LEDGER_ROW_VERDICTS } from '../enums';
import { PETITION_WRITERS } from './access';
import { petitionListInputSchema } from './petitions';
import { id, instant, procedure, text } from './common';

/** About 20 MB of spreadsheet: a ledger of 10,000+ rows is well under it. */
export const MAX_LEDGER_BASE64 = 28_000_000;

export const ledgerImportInputSchema = z.object({
  fileName: text(200).min(1),
  dataBase64: z.string().min(1).max(MAX_LEDGER_BASE64),
  /** The clerk's mapping: for each field, the column (1-based) that holds it, or null for none. Absent: as recognised. */
  columns: z.partialRecord(z.enum(LEDGER_FIELDS), z.number().int().min(1).max(200).nullable()).default({}),
  words: z
    .object({
      channel: z.record(z.string().max(40), z.enum(CHANNELS)).default({}),
      /** A topic id, or null for "no topic". */
      topic: z.record(z.string().max(40), id.nullable()).default({}),
    })
    .default({ channel: {}, topic: {} }),
});
export type LedgerImportInput = z.input<typeof ledgerImportInputSchema>;

export const ledgerColumnSchema = z.object({
  index: z.number().int(),
  header: z.string(),
  field: z.enum(LEDGER_FIELDS).nullable(),
  samples: z.array(z.string()),
});
export type LedgerColumn = z.infer<typeof ledgerColumnSchema>;

export const ledgerWordSchema = z.object({
  word: z.string(),
  count: z.number().int(),
  /** What the word means now: the office's mapping, else the importer's own guess; null when not understood. */
  channel: z.enum(CHANNELS).nullable(),
  topicId: id.nullable(),
});

export const ledgerRowSchema = z.object({
  rowNumber: z.number().int(),
  verdict: z.enum(LEDGER_ROW_VERDICTS),
  reason: z.string(),
  receivedDate: z.string(),
  petitioners: z.string(),
  summary: z.string(),
  cells: z.array(z.string()),
});
export type LedgerRow = z.infer<typeof ledgerRowSchema>;

export const ledgerPreviewSchema = z.object({
  sheetName: z.string(),
  headerRow: z.number().int(),
  columns: z.array(ledgerColumnSchema),
  channelWords: z.array(ledgerWordSchema),
  topicWords: z.array(ledgerWordSchema),
  counts: z.object({
    rows: z.number().int(),
    closed: z.number().int(),
    open: z.number().int(),
    refused: z.number().int(),
    duplicate: z.number().int(),
    skipped: z.number().int(),
    overdue: z.number().int(),
  }),
  /** The first rows that would come in. */
  sample: z.array(ledgerRowSchema),
  /** Every row that would not come in (refused or duplicate), with its reason. */
  rejected: z.array(ledgerRowSchema),
  /** The rejected rows as an .xlsx the clerk can download and fix. Empty when none. */
  rejectedXlsxBase64: z.string(),
});
export type LedgerPreview = z.infer<typeof ledgerPreviewSchema>;

export const ledgerImportSchema = z.object({
  id,
  fileName: z.string(),
  sheetName: z.string(),
  imported: z.number().int(),
  refused: z.number().int(),
  closed: z.number().int(),
  overdue: z.number().int(),
  createdAt: instant,
  createdByName: z.string(),
  voidedAt: instant.nullable(),
  /** Whether it can still be undone: the same day, not yet undone. */
  canUndo: z.boolean(),
});
export type LedgerImport = z.infer<typeof ledgerImportSchema>;

export const REGISTER_FORMATS = ['xlsx', 'pdf'] as const;

/** The list's filters and order, without paging: the register holds every petition they select. */
export const registerExportInputSchema = petitionListInputSchema.omit({ page: true, pageSize: true }).extend({
  /** Full ID numbers and phones instead of masked ones; audited. */
  full: z.boolean().default(false),
  format: z.enum(REGISTER_FORMATS),
});
export type RegisterExportInput = z.input<typeof registerExportInputSchema>;

export const ledgerContract = {
  'ledger.imports.preview': procedure(PETITION_WRITERS, ledgerImportInputSchema, ledgerPreviewSchema),
  'ledger.imports.create': procedure(PETITION_WRITERS, ledgerImportInputSchema, ledgerImportSchema),
  'ledger.imports.list': procedure(PETITION_WRITERS, z.object({}).default({}), z.array(ledgerImportSchema)),
  'ledger.imports.remove': procedure(PETITION_WRITERS, z.object({ id }), ledgerImportSchema),
  'ledger.register.export': procedure(
    PETITION_WRITERS,
    registerExportInputSchema,
    z.object({ fileName: z.string(), base64: z.string(), count: z.number().int() }),
  ),
  /** One petition's 信访事项登记表 as a one-page A4 PDF; full ID numbers and phones only when asked (audited). */
  'ledger.form.print': procedure(PETITION_WRITERS, z.object({ id, full: z.boolean().default(false) }), z.object({ fileName: z.string(), base64: z.string() })),
} as const;
