/**
 * The one place the workflow calls the typesetting, so the workflow does not care whether rendering is
 * synchronous or which options it takes.
 */
import type { NoticeDocument } from './document';
import { renderNoticeHtml } from './render';

export async function renderDocument(doc: NoticeDocument): Promise<string> {
  return await renderNoticeHtml(doc);
}
