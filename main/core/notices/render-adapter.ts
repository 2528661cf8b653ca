/**
 * The one place the workflow calls the typesetting, so the workflow does not care whether rendering is
 * synchronous or which options it takes. The shipped fonts are embedded in the HTML (subset to the notice's own
 * characters), so a frozen notice prints the same anywhere, with nothing to serve. NOTICE_FONT_BASE_URL is where
 * browser mode serves font files for a renderer configured to reference them instead.
 */
import type { NoticeDocument } from './document';
import { renderNoticeHtml } from './render';

export const NOTICE_FONT_BASE_URL = '/notice-fonts/';

export async function renderDocument(doc: NoticeDocument): Promise<string> {
  return await renderNoticeHtml(doc);
}
