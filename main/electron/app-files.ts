/**
 * Answers one request on the app:// protocol from the built renderer folder, through the static-file rules both
 * shells share (main/app/static-files): the same paths refused, the same types, the same CSP. Kept free of
 * Electron (it uses the standard Request and Response) so it is tested in plain Node.
 *
 * @example
 * protocol.handle('app', (request) => respondWithAppFile(rendererDir, request, desk?.core ?? null));
 */
import fs from 'node:fs/promises';
import { staticAnswer } from '../app/static-files';
import { attachmentAnswer, isAttachmentPath } from '../app/attachment-files';
import type { Core } from '../core/context';
import { appUrlPath } from './security';

/**
 * An attachment opened by the viewer or a download: `app://desk/attachments/<ticket>`, answered through the same
 * ticket check as browser mode. Before the core is open there is nothing to serve.
 */
async function respondWithAttachment(core: Core | null, request: Request, urlPath: string): Promise<Response> {
  if (!core) return new Response(null, { status: 503, headers: { 'x-content-type-options': 'nosniff' } });
  const answer = await attachmentAnswer(core, request.method, urlPath);
  if (!answer.file) return new Response(null, { status: answer.status, headers: answer.headers });
  const body = await fs.readFile(answer.file);
  return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), { status: 200, headers: answer.headers });
}

export async function respondWithAppFile(rendererDir: string, request: Request, core: Core | null = null): Promise<Response> {
  const urlPath = appUrlPath(request.url);
  if (urlPath !== null && isAttachmentPath(urlPath)) return respondWithAttachment(core, request, urlPath);
  const answer = staticAnswer(rendererDir, request.method, urlPath);
  if (answer.status !== 200 || !answer.file) return new Response(null, { status: answer.status, headers: answer.headers });
  let body: Buffer;
  try {
    body = await fs.readFile(answer.file);
  } catch {
    return new Response(null, { status: 404, headers: { 'x-content-type-options': 'nosniff' } });
  }
  const headers = { ...answer.headers, 'content-length': String(body.byteLength) };
  return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), { status: 200, headers });
}
