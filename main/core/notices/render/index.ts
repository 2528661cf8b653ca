/**
 * Notice typesetting: a NoticeDocument → one static HTML page (UTF-8, no scripts) in the GB/T 9704-2012 geometry.
 * Minimal first version so the workflow can code against the signature; the full layout follows.
 */
import type { NoticeDocument, NoticeFonts } from '../document';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function renderNoticeHtml(doc: NoticeDocument, _options?: { fonts?: NoticeFonts; fontBaseUrl?: string }): string {
  const body = doc.body
    .map((b) => (b.type === 'table' ? `<table>${b.rows.map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`).join('')}</table>` : `<p>${esc(b.text)}</p>`))
    .join('');
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><style>@page{size:A4;margin:37mm 26mm 35mm 28mm}body{font:16pt serif}h1{color:#c00;text-align:center}</style></head><body><h1>${esc(doc.issuerMark)}</h1><p style="text-align:center">${esc(doc.docNumber ?? '')}</p><h2 style="text-align:center">${esc(doc.title)}</h2><p>${esc(doc.addressee)}：</p>${body}<p style="text-align:right">${esc(doc.issuerName)}<br>${esc(doc.date ? doc.date.replace(/^(\d+)-0?(\d+)-0?(\d+)$/, '$1年$2月$3日') : '')}</p>${doc.draft ? '<p>草稿</p>' : ''}</body></html>`;
}
