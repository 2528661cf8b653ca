/**
 * Notice typesetting: a NoticeDocument → one complete static HTML document (UTF-8, no scripts) laid out to
 * GB/T 9704-2012 by print CSS: A4, margins 37/28/26/35 mm, 22 lines × 28 characters of 16 pt 仿宋, the red
 * issuing-body mark and rule, 2号 title, signature and date four characters in from the right with the seal,
 * 附注, the 版记 at the bottom of the last page, page numbers "— 1 —" right on odd pages and left on even ones,
 * and a 草稿 watermark on drafts. Letters to petitioners use the letter format (信函格式).
 *
 * Fonts: the office's own (NoticeFonts, tried in order), then the shipped open serif (Noto Serif SC). By default
 * the shipped font is embedded, cut down to the notice's own characters, so the HTML needs nothing else to
 * print. With `fontBaseUrl` it is referenced instead, as `${fontBaseUrl}/<file>.woff2` (see shippedFontFiles).
 *
 * @example
 * const html = renderNoticeHtml(doc); // '<!DOCTYPE html><html lang="zh-CN">…'
 */
import { renderToStaticMarkup } from 'react-dom/server';
import type { NoticeDocument, NoticeFonts } from '../document';
import { shippedFontFile, subsetFontDataUrl, type ShippedWeight } from './fonts';
import { DEFAULT_NOTICE_FONTS, noticeCss, type FontFaces } from './styles';
import { DATE_PLACEHOLDER, letterBannerLayout, NoticeBody, NUMBER_PLACEHOLDER, Watermark } from './templates';
import { chineseDate } from './measure';

export { DEFAULT_NOTICE_FONTS } from './styles';
export { chineseDate } from './measure';

export interface RenderOptions {
  /** The office's fonts; missing lists fall back to DEFAULT_NOTICE_FONTS. */
  readonly fonts?: NoticeFonts;
  /** Where the caller serves the shipped woff2 files; without it they are embedded as subsets. */
  readonly fontBaseUrl?: string;
}

/** The shipped font files a caller must serve under fontBaseUrl. */
export const shippedFontFiles: readonly string[] = ([400, 700, 900] as const).map(shippedFontFile);

/** Every character the notice prints, by the face it is printed in. */
function textByFace(doc: NoticeDocument): Record<'body' | 'title' | 'heading', string> {
  const blocks = doc.body.map((b) => (b.type === 'table' ? b.rows.flat().join('') : b.text)).join('');
  const headings = doc.body.map((b) => (b.type === 'heading' && b.level === 1 ? b.text : b.type === 'table' ? (b.rows[0] ?? []).join('') : '')).join('');
  const dates = [doc.date, doc.printedOn].map((d) => (d ? chineseDate(d) : DATE_PLACEHOLDER)).join('');
  const body = [doc.issuerName, doc.docNumber ?? NUMBER_PLACEHOLDER, doc.addressee, blocks, dates, doc.note ?? '', doc.copyTo.join(''), doc.printedBy].join('');
  return { body: `${body}：，。（）抄送印发—`, title: `${doc.issuerMark}${doc.title}草稿`, heading: headings };
}

function faces(doc: NoticeDocument, fontBaseUrl: string | undefined): FontFaces {
  if (fontBaseUrl !== undefined) {
    const base = fontBaseUrl.replace(/\/+$/, '');
    const at = (w: ShippedWeight) => `"${base}/${shippedFontFile(w)}"`;
    return { body: at(400), title: at(700), heading: at(900) };
  }
  const text = textByFace(doc);
  const inline = (w: ShippedWeight, t: string) => {
    const url = t ? subsetFontDataUrl(w, t) : null;
    return url ? `"${url}"` : null;
  };
  return { body: inline(400, text.body), title: inline(700, text.title), heading: inline(900, text.heading) };
}

export function renderNoticeHtml(doc: NoticeDocument, options?: RenderOptions): string {
  const fonts: NoticeFonts = { ...DEFAULT_NOTICE_FONTS, ...options?.fonts };
  const css = noticeCss(doc.format, fonts, faces(doc, options?.fontBaseUrl), letterBannerLayout(doc.issuerMark).ruleTop);
  const markup = renderToStaticMarkup(
    <html lang="zh-CN">
      <head>
        <meta charSet="utf-8" />
        <title>{doc.title}</title>
        <style dangerouslySetInnerHTML={{ __html: css }} />
      </head>
      <body>
        {doc.draft && <Watermark />}
        <NoticeBody doc={doc} />
      </body>
    </html>,
  );
  return `<!DOCTYPE html>${markup}`;
}
