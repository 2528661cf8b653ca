/**
 * Answers one request on the app:// protocol from the built renderer folder, through the static-file rules both
 * shells share (main/app/static-files): the same paths refused, the same types, the same CSP. Kept free of
 * Electron (it uses the standard Request and Response) so it is tested in plain Node.
 *
 * @example
 * protocol.handle('app', (request) => respondWithAppFile(rendererDir, request));
 */
import fs from 'node:fs/promises';
import { staticAnswer } from '../app/static-files';
import { appUrlPath } from './security';

export async function respondWithAppFile(rendererDir: string, request: Request): Promise<Response> {
  const answer = staticAnswer(rendererDir, request.method, appUrlPath(request.url));
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
