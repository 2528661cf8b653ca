/**
 * Attachments as both shells serve them: browser mode over HTTP (main/host) and Electron on the app:// protocol
 * (main/electron), from a ticket the core issued to a signed-in user (petitions.attachments.open). The answer
 * is transport-neutral: the file and its headers, or a refusal. A file is never run: its response forbids
 * scripts and framing, and a download carries its original name.
 *
 * @example
 * const answer = await attachmentAnswer(core, 'GET', '/attachments/12.view.1765100000000.AbC…');
 * answer.status // 200
 * answer.headers['content-disposition'] // "inline; filename*=UTF-8''%E6%9D%A5%E4%BF%A1.pdf"
 */
import type { Core } from '../core/context';
import { ATTACHMENT_URL_PREFIX, attachmentForTicket } from '../core/petitions';

export { ATTACHMENT_URL_PREFIX };

export interface AttachmentAnswer {
  readonly status: 200 | 403 | 405;
  readonly file: string | null;
  readonly headers: Readonly<Record<string, string>>;
}

/** A name as RFC 6266 carries it: an ASCII fallback and the UTF-8 original. */
function dispositionOf(purpose: 'view' | 'download', fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `${purpose === 'view' ? 'inline' : 'attachment'}; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

const REFUSED = { 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff', 'cache-control': 'no-store' } as const;

export function isAttachmentPath(urlPath: string): boolean {
  return urlPath.startsWith(ATTACHMENT_URL_PREFIX);
}

export async function attachmentAnswer(core: Core, method: string, urlPath: string): Promise<AttachmentAnswer> {
  if (method !== 'GET' && method !== 'HEAD') return { status: 405, file: null, headers: { ...REFUSED, allow: 'GET, HEAD' } };
  const ticket = decodeURIComponent(urlPath.slice(ATTACHMENT_URL_PREFIX.length).split(/[?#]/)[0] ?? '');
  const found = await attachmentForTicket(core, ticket);
  if (!found) return { status: 403, file: null, headers: REFUSED };
  return {
    status: 200,
    file: found.file,
    headers: {
      'content-type': found.contentType,
      'content-length': String(found.size),
      'content-disposition': dispositionOf(found.purpose, found.fileName),
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'cache-control': 'no-store',
      // Whatever the file holds, it runs nothing here and is shown in no frame but the app's own viewer.
      'content-security-policy': "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox",
    },
  };
}
