/**
 * The object the preload hands to the page as `window.petitionDesk`. Built from a minimal IPC interface so it is
 * unit-tested with a fake; the page gets four named functions and never sees ipcRenderer or its event objects.
 * Runs inside the sandboxed preload: it may import nothing but types and shared constants.
 *
 * @example
 * contextBridge.exposeInMainWorld(BRIDGE_NAME, createBridge(ipcRenderer));
 */
import { IPC_CALL_CHANNEL, IPC_EVENT_CHANNEL, IPC_PRINTERS_CHANNEL, IPC_PRINT_NOTICE_CHANNEL, type DeskBridge, type NoticePrintRequest, type PrinterInfo } from '../../shared/bridge';
import type { ApiEvent, ApiRequest, ApiResult } from '../../shared/api';

type IpcListener = (event: unknown, ...args: unknown[]) => void;

/** The part of ipcRenderer the bridge uses. */
export interface BridgeIpc {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: IpcListener): unknown;
  removeListener(channel: string, listener: IpcListener): unknown;
}

/** Rethrows outside the IPC dispatch, so the error reaches the page's console without breaking the relay. */
function rethrowLater(error: unknown): void {
  queueMicrotask(() => {
    throw error;
  });
}

export function createBridge(ipc: BridgeIpc, reportError: (error: unknown) => void = rethrowLater): DeskBridge {
  const listeners = new Set<(event: ApiEvent) => void>();
  // One IPC listener for all page listeners, attached only while someone listens: no EventEmitter leak warnings,
  // and the raw IpcRendererEvent (which carries `sender`) stops here.
  const relay: IpcListener = (_ipcEvent, payload) => {
    for (const listener of [...listeners]) {
      try {
        listener(payload as ApiEvent);
      } catch (error) {
        // One failing page listener must not starve the others.
        reportError(error);
      }
    }
  };

  return Object.freeze({
    call(request: ApiRequest): Promise<ApiResult<unknown>> {
      // Only the envelope's own fields cross; anything else the page attached stays behind.
      const envelope = { name: request.name, input: request.input, session: request.session ?? null };
      return ipc.invoke(IPC_CALL_CHANNEL, envelope) as Promise<ApiResult<unknown>>;
    },
    printNotice(request: NoticePrintRequest) {
      // Plain values only, as for call.
      const envelope = { session: request.session ?? null, id: Number(request.id), copies: Number(request.copies), deviceName: request.deviceName ?? null };
      return ipc.invoke(IPC_PRINT_NOTICE_CHANNEL, envelope) as Promise<ApiResult<unknown>>;
    },
    listPrinters() {
      return ipc.invoke(IPC_PRINTERS_CHANNEL) as Promise<readonly PrinterInfo[]>;
    },
    onEvent(listener: (event: ApiEvent) => void): () => void {
      // A wrapper per subscription, so subscribing the same function twice needs two unsubscribes.
      const entry = (event: ApiEvent) => listener(event);
      if (listeners.size === 0) ipc.on(IPC_EVENT_CHANNEL, relay);
      listeners.add(entry);
      return () => {
        if (!listeners.delete(entry)) return;
        if (listeners.size === 0) ipc.removeListener(IPC_EVENT_CHANNEL, relay);
      };
    },
  });
}
