/**
 * The one IPC procedure call, as a plain function: check who is asking, check the envelope, hand it to the API.
 * ipc.ts wires it to ipcMain; tests call it directly.
 *
 * @example
 * ipcMain.handle(IPC_CALL_CHANNEL, (event, payload) => dispatchCall(app.api, event.senderFrame?.url, payload));
 */
import type { ApiResult } from '../../shared/api';
import type { App } from '../app';
import { isTrustedSenderUrl, toApiRequest } from './security';

export class UntrustedSenderError extends Error {
  constructor(readonly senderUrl: string) {
    super('IPC call refused: the sender is not the application page');
    this.name = 'UntrustedSenderError';
  }
}

/**
 * Rejects (the renderer's invoke promise fails) when the sending frame is not app://desk or the payload is not a
 * request envelope; both mean something other than our page is talking, so there is no envelope to answer with.
 */
export async function dispatchCall(
  api: App['api'],
  senderUrl: string | null | undefined,
  payload: unknown,
): Promise<ApiResult<unknown>> {
  const url = senderUrl ?? '';
  if (!isTrustedSenderUrl(url)) throw new UntrustedSenderError(url);
  const request = toApiRequest(payload);
  if (!request) throw new TypeError('IPC call refused: the payload is not { name, input, session }');
  return api.call(request);
}
