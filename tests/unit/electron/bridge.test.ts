import { describe, expect, it, vi } from 'vitest';
import { createBridge, type BridgeIpc } from '../../../main/electron/bridge';
import { IPC_CALL_CHANNEL, IPC_EVENT_CHANNEL, IPC_PRINT_NOTICE_CHANNEL } from '../../../shared/bridge';
import type { ApiEvent } from '../../../shared/api';

type Listener = (event: unknown, ...args: unknown[]) => void;

/** Behaves like ipcRenderer: listeners per channel, and `emit` delivers (rawEvent, payload) as Electron does. */
function fakeIpc() {
  const listeners = new Map<string, Listener[]>();
  const invoke = vi.fn(async (_channel: string, ..._args: unknown[]): Promise<unknown> => ({ ok: true, value: 'pong' }));
  const ipc: BridgeIpc = {
    invoke,
    on(channel, listener) {
      listeners.set(channel, [...(listeners.get(channel) ?? []), listener]);
    },
    removeListener(channel, listener) {
      listeners.set(channel, (listeners.get(channel) ?? []).filter((l) => l !== listener));
    },
  };
  const rawEvent = { sender: { send: () => 'ipcRenderer itself' }, senderId: 0, ports: [] };
  return {
    ipc,
    invoke,
    rawEvent,
    count: (channel: string) => (listeners.get(channel) ?? []).length,
    emit(channel: string, payload: unknown) {
      for (const l of listeners.get(channel) ?? []) l(rawEvent, payload);
    },
  };
}

const changed: ApiEvent = { type: 'petitions.changed', id: 7 };

describe('createBridge', () => {
  it('exposes call, onEvent and the two print functions and nothing else, and cannot be modified by the page', () => {
    const bridge = createBridge(fakeIpc().ipc);
    expect(Object.keys(bridge).sort()).toEqual(['call', 'listPrinters', 'onEvent', 'printNotice']);
    expect(Object.isFrozen(bridge)).toBe(true);
    expect('invoke' in bridge || 'send' in bridge || 'on' in bridge).toBe(false);
  });

  it('sends calls on the call channel and returns the answer', async () => {
    const fake = fakeIpc();
    const bridge = createBridge(fake.ipc);
    await expect(bridge.call({ name: 'setup.get', input: {} })).resolves.toEqual({ ok: true, value: 'pong' });
    expect(fake.invoke).toHaveBeenCalledWith(IPC_CALL_CHANNEL, { name: 'setup.get', input: {}, session: null });
  });

  it('sends a notice print on its own channel with plain values only', async () => {
    const fake = fakeIpc();
    const request = { session: 's1', id: 4, copies: 2, deviceName: 'HP', extra: () => 1 };
    await createBridge(fake.ipc).printNotice(request);
    expect(fake.invoke).toHaveBeenCalledWith(IPC_PRINT_NOTICE_CHANNEL, { session: 's1', id: 4, copies: 2, deviceName: 'HP' });
  });

  it('sends only the envelope fields, not whatever else the page attached', async () => {
    const fake = fakeIpc();
    const request = { name: 'auth.login', input: { username: 'a' }, session: 's1', extra: () => 1 };
    await createBridge(fake.ipc).call(request);
    expect(fake.invoke.mock.calls[0]?.[1]).toEqual({ name: 'auth.login', input: { username: 'a' }, session: 's1' });
  });

  it('gives the page listener the event only, never the raw IPC event', () => {
    const fake = fakeIpc();
    const seen: unknown[][] = [];
    createBridge(fake.ipc).onEvent((...args: unknown[]) => seen.push(args));
    fake.emit(IPC_EVENT_CHANNEL, changed);
    expect(seen).toEqual([[changed]]);
    expect(JSON.stringify(seen)).not.toContain('ipcRenderer itself');
  });

  it('stops delivering after unsubscribe and detaches from IPC when nobody listens', () => {
    const fake = fakeIpc();
    const bridge = createBridge(fake.ipc);
    const first = vi.fn();
    const second = vi.fn();
    const stopFirst = bridge.onEvent(first);
    const stopSecond = bridge.onEvent(second);
    expect(fake.count(IPC_EVENT_CHANNEL)).toBe(1);

    stopFirst();
    fake.emit(IPC_EVENT_CHANNEL, changed);
    expect(first).not.toHaveBeenCalled();
    expect(second).toHaveBeenCalledTimes(1);

    stopSecond();
    stopSecond(); // a second call is harmless
    expect(fake.count(IPC_EVENT_CHANNEL)).toBe(0);
    fake.emit(IPC_EVENT_CHANNEL, changed);
    expect(second).toHaveBeenCalledTimes(1);
  });

  it('treats the same function subscribed twice as two subscriptions', () => {
    const fake = fakeIpc();
    const bridge = createBridge(fake.ipc);
    const listener = vi.fn();
    const stopA = bridge.onEvent(listener);
    bridge.onEvent(listener);
    stopA();
    fake.emit(IPC_EVENT_CHANNEL, changed);
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('keeps delivering to other listeners when one throws, and reports the error', () => {
    const fake = fakeIpc();
    const reported = vi.fn();
    const bridge = createBridge(fake.ipc, reported);
    const after = vi.fn();
    bridge.onEvent(() => {
      throw new Error('page bug');
    });
    bridge.onEvent(after);
    fake.emit(IPC_EVENT_CHANNEL, changed);
    expect(after).toHaveBeenCalledWith(changed);
    expect(reported).toHaveBeenCalledWith(expect.objectContaining({ message: 'page bug' }));
  });
});
