import { describe, expect, it, vi } from 'vitest';
import { dispatchCall, MAX_IPC_PAYLOAD_BYTES, UntrustedSenderError } from '../../../main/electron/dispatch';
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

  it('answers a payload that is not a request envelope with an internal-error envelope, without touching the API', async () => {
    const api = fakeApi();
    for (const payload of ['users.list', { input: {} }, { name: 42, input: {} }, null]) {
      const result = await dispatchCall(api, 'app://desk/', payload);
      expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
      expect(result.ok ? '' : result.error.message).toContain('请求格式不对');
    }
    expect(api.call).not.toHaveBeenCalled();
  });

  it('refuses a call larger than browser mode accepts, with the limit in the message, without touching the API', async () => {
    const api = fakeApi();
    const huge = { name: 'petitions.attachments.create', input: { data: 'a'.repeat(MAX_IPC_PAYLOAD_BYTES) }, session: 's' };
    const result = await dispatchCall(api, 'app://desk/index.html', huge);
    expect(result).toEqual({ ok: false, error: { code: 'invalid_input', message: '请求的内容过大（上限40MB），请减小附件后重试' } });
    expect(api.call).not.toHaveBeenCalled();
  });

  it('answers with the same envelope as browser mode when the API itself throws, so the page is never left waiting', async () => {
    const api = { call: vi.fn(async (): Promise<ApiResult<unknown>> => Promise.reject(new Error('The database connection is not open'))) };
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const result = await dispatchCall(api, 'app://desk/index.html', { name: 'petitions.list', input: {}, session: 's' });
    expect(result).toEqual({ ok: false, error: { code: 'internal', message: '操作没有完成：程序出现意外错误，请重试；如仍不行，请联系管理员' } });
    expect(errors).toHaveBeenCalled();
    errors.mockRestore();
  });
});
