export type { NoticeDocument, NoticeKind, NoticeFormat, BodyBlock, NoticeFonts } from './document';
export { NOTICE_KINDS } from './document';
export { KIND_INFO } from './kinds';
export { getNoticeSettings, saveNoticeSettings, formatDocNumber, DEFAULT_PREFIXES } from './settings';
export { fillNotice } from './fill';
export { accuserGuard, htmlText, WITHHELD_MARK } from './confidentiality';
export {
  createNotice,
  updateNotice,
  submitNotice,
  returnNotice,
  signNotice,
  supersedeNotice,
  recordPrint,
  frozenHtml,
  sha256,
} from './workflow';
export { listNotices, getNotice, noticeHtml, allowedNoticeActions } from './queries';
export { noticePdf, type PdfMaker } from './pdf';
export { NOTICE_FONT_BASE_URL } from './render-adapter';
