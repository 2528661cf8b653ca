/**
 * Answers one request on the app:// protocol from the built renderer folder. Kept free of Electron (it uses the
 * standard Request and Response) so it is tested in plain Node.
 *
 * @example
 * protocol.handle('app', (request) => respondWithAppFile(rendererDir, request));
 */
import fs from 'node:fs/promises';
import { resolveAppRequest, responseHeadersFor } from './security';

export async function respondWithAppFile(rendererDir: string, request: Request): Promise<Response> {
  // The renderer only ever reads its own files; nothing may be posted to the protocol.
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return new Response(null, { status: 405, headers: { allow: 'GET, HEAD' } });
  }
  const file = resolveAppRequest(rendererDir, request.url);
  if (!file) return notFound();
  let body: Buffer;
  try {
    body = await fs.readFile(file);
  } catch {
    return notFound();
  }
  const headers = { ...responseHeadersFor(file), 'content-length': String(body.byteLength) };
  return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), { status: 200, headers });
}

function notFound(): Response {
  return new Response(null, { status: 404, headers: { 'x-content-type-options': 'nosniff' } });
}
