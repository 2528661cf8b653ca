/**
 * The one place the workflow calls the typesetting, so the workflow does not care whether rendering is
 * synchronous or which options it takes. Fonts the app ships are referenced under one path on the page's own
 * origin: the browser-mode host and the PDF maker serve them there (see main/host), so the frozen HTML never
 * names a port, a drive or a folder.
 */
import type { NoticeDocument } from './document';
import { renderNoticeHtml } from './render';

export const NOTICE_FONT_BASE_URL = '/notice-fonts/';

export async function renderDocument(doc: NoticeDocument): Promise<string> {
  return await renderNoticeHtml(doc, { fontBaseUrl: NOTICE_FONT_BASE_URL });
}
