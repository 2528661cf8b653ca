/**
 * The seam between the notice workflow (records → a filled document, sign-off, numbering, archive) and the
 * typesetting (a document → one static HTML page in the GB/T 9704-2012 geometry). The workflow builds a
 * NoticeDocument from the records and the clerk's edited body; the renderer never reads the store.
 */

/** Every notice the office prints (DOMAIN.md, Notices), and its two formats: the one lists in shared/enums. */
export { NOTICE_KINDS, type NoticeKind, type NoticeFormat } from '../../../shared/enums';
import type { NoticeFormat, NoticeKind } from '../../../shared/enums';

/** One block of the body, in reading order. Headings follow the 一、（一）1.（1） levels. */
export type BodyBlock =
  | { readonly type: 'paragraph'; readonly text: string }
  | { readonly type: 'heading'; readonly level: 1 | 2 | 3 | 4; readonly text: string }
  /** A plain table (the duty roster, a list of resolution steps); the first row is the header. */
  | { readonly type: 'table'; readonly rows: readonly (readonly string[])[] };

export interface NoticeDocument {
  readonly kind: NoticeKind;
  readonly format: NoticeFormat;
  /** 发文机关标志, e.g. '××镇信访工作领导小组办公室文件' or the office name for a letter. */
  readonly issuerMark: string;
  /** 发文机关署名 above the date. */
  readonly issuerName: string;
  /** 〔2026〕12号 with its prefix (e.g. '×信预〔2026〕12号'); null on a draft (the preview shows a placeholder). */
  readonly docNumber: string | null;
  readonly title: string;
  /** 主送机关 / addressee, without the trailing colon. */
  readonly addressee: string;
  readonly body: readonly BodyBlock[];
  /** 成文日期 as 'YYYY-MM-DD' (rendered 2026年11月28日); null on a draft. */
  readonly date: string | null;
  /** 附注, without the parentheses. */
  readonly note: string | null;
  /** 抄送 units; empty for none. */
  readonly copyTo: readonly string[];
  /** 印发机关 and 印发日期 ('YYYY-MM-DD') for the 版记; printedOn null on a draft. */
  readonly printedBy: string;
  readonly printedOn: string | null;
  /** The seal image as a data: URL (PNG), shown over the signature once signed; null for none. */
  readonly sealDataUrl: string | null;
  /** Draft watermark ("草稿") on every page until signed. */
  readonly draft: boolean;
}

/** Office typesetting settings (admin-editable). Font names are tried in order, then the shipped fallback. */
export interface NoticeFonts {
  readonly body: readonly string[]; // 仿宋_GB2312, FangSong …
  readonly title: readonly string[]; // 方正小标宋简体 …
  readonly heading: readonly string[]; // 黑体 …
  readonly kai: readonly string[]; // 楷体_GB2312 …
}
