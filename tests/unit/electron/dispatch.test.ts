import { describe, expect, it, vi } from 'vitest';
import { dispatchCall, UntrustedSenderError } from '../../../main/electron/dispatch';
import type { ApiRequest, ApiResult } from '../../../shared/api';

function fakeApi() {
  const call = vi.fn(async (request: ApiRequest): Promise<ApiResult<unknown>> => ({ ok: true, value: request.name }));
  return { call };
}

describe('dispatchCall', () => {
  it('forwards a call from the app page to the API', async () => {
    const api = fakeApi();
    const result = await dispatchCall(api, 'app://desk/index.html', { name: 'setup.get', input: {}, session: null });
    expect(result).toEqual({ ok: true, value: 'setup.get' });
    expect(api.call).toHaveBeenCalledWith({ name: 'setup.get', input: {}, session: null });
  });

  it.each([
    ['a remote page', 'https://example.com/'],
    ['a local file', 'file:///tmp/evil.html'],
    ['a look-alike origin', 'app://desk.evil/index.html'],
    ['a frame that is gone', null],
    ['no frame at all', undefined],
  ])('rejects a call from %s without touching the API', async (_label, url) => {
    const api = fakeApi();
    await expect(dispatchCall(api, url, { name: 'users.list', input: {} })).rejects.toBeInstanceOf(UntrustedSenderError);
    expect(api.call).not.toHaveBeenCalled();
  });

  it('rejects a payload that is not a request envelope', async () => {
    const api = fakeApi();
    await expect(dispatchCall(api, 'app://desk/', 'users.list')).rejects.toThrow(TypeError);
    await expect(dispatchCall(api, 'app://desk/', { input: {} })).rejects.toThrow(TypeError);
    expect(api.call).not.toHaveBeenCalled();
  });
});
