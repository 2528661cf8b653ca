/**
 * The PDF of a signed notice, made from its frozen HTML by whatever Chromium the shell has (Electron's own
 * printToPDF, or playwright-core's Chromium in browser mode). The core does not know which; it is handed a
 * maker. Each PDF made is a print in the archive.
 *
 * @example
 * const { base64, fileName } = await noticePdf(core, actor, id, makePdf);
 */
import type { Actor, Core } from '../context';
import { UserError } from '../errors';
import { frozenHtml, recordPrint } from './workflow';

/** Turns HTML into PDF bytes with the page size its CSS sets (@page A4). */
export type PdfMaker = (html: string) => Promise<Uint8Array>;

export async function noticePdf(core: Core, actor: Actor, id: number, make: PdfMaker | null): Promise<{ fileName: string; base64: string; sha256: string }> {
  if (!make) throw new UserError('illegal_transition', 'notices.errors.noPdfMaker');
  const { row, html, hash } = await frozenHtml(core.db, id);
  let bytes: Uint8Array;
  try {
    bytes = await make(html);
  } catch (err) {
    console.error('[notices] PDF failed:', err);
    throw new UserError('internal', 'notices.errors.pdfFailed');
  }
  await recordPrint(core, actor, id, 1, 'pdf');
  const safe = `${row.doc_number ?? row.title}`.replace(/[\\/:*?"<>|]/g, '_');
  return { fileName: `${safe}.pdf`, base64: Buffer.from(bytes).toString('base64'), sha256: hash };
}
