/**
 * The one IPC procedure call, as a plain function: check who is asking, check the envelope, hand it to the API.
 * ipc.ts wires it to ipcMain; tests call it directly.
 *
 * @example
 * ipcMain.handle(IPC_CALL_CHANNEL, (event, payload) => dispatchCall(app.api, event.senderFrame?.url, payload));
 */
import type { ApiResult } from '../../shared/api';
import { t, type MessageKey, type MessageParams } from '../../shared/i18n';
import type { App } from '../app';
import { isTrustedSenderUrl, toApiRequest } from './security';

/** The largest call the page may send (an attachment is base64 inside it), as browser mode's host allows. */
export const MAX_IPC_PAYLOAD_BYTES = 40 * 1024 * 1024;

/** The size of a payload as UTF-8 JSON, or Infinity when it cannot be serialised (a cycle cannot come over IPC). */
function payloadBytes(payload: unknown): number {
  try {
    return Buffer.byteLength(JSON.stringify(payload) ?? '', 'utf8');
  } catch {
    return Number.POSITIVE_INFINITY;
  }
}

export class UntrustedSenderError extends Error {
  constructor(readonly senderUrl: string) {
    super('IPC call refused: the sender is not the application page');
    this.name = 'UntrustedSenderError';
  }
}

function internal(key: MessageKey, params?: MessageParams): ApiResult<never> {
  return { ok: false, error: { code: 'internal', message: t(key, params) } };
}

/**
 * Answers the app's own page with the same envelope as browser mode, whatever goes wrong on the way: a payload
 * that is not `{ name, input, session }` or an API that throws becomes `{ ok: false, error: { code: 'internal' } }`,
 * so the page shows a message instead of waiting on a rejected promise. A frame that is not app://desk gets no
 * answer at all (the invoke rejects): something other than our page is talking.
 */
export async function dispatchCall(
  api: App['api'],
  senderUrl: string | null | undefined,
  payload: unknown,
): Promise<ApiResult<unknown>> {
  const url = senderUrl ?? '';
  if (!isTrustedSenderUrl(url)) throw new UntrustedSenderError(url);
  if (payloadBytes(payload) > MAX_IPC_PAYLOAD_BYTES) {
    return { ok: false, error: { code: 'invalid_input', message: t('security.errors.tooLarge', { mb: MAX_IPC_PAYLOAD_BYTES / 1024 / 1024 }) } };
  }
  const request = toApiRequest(payload);
  if (!request) return internal('errors.transport.badRequest', { detail: 'name, input, session' });
  try {
    // No source: every attempt from the desktop window counts under one, 'unknown' (main/core/users/source-limit.ts).
    return await api.call(request);
  } catch (error) {
    console.error(`[ipc] ${request.name} failed:`, error);
    return internal('errors.generic.internal');
  }
}
