import type { ApiEvent, ApiRequest, ApiResult } from './api';

/**
 * What the Electron preload exposes to the page as `window.petitionDesk`: named functions only, never
 * ipcRenderer itself. Browser mode has no bridge; the renderer then speaks HTTP to 127.0.0.1.
 */
export interface DeskBridge {
  call(request: ApiRequest): Promise<ApiResult<unknown>>;
  onEvent(listener: (event: ApiEvent) => void): () => void;
}

export const BRIDGE_NAME = 'petitionDesk';
export const IPC_CALL_CHANNEL = 'desk:call';
export const IPC_EVENT_CHANNEL = 'desk:event';
export const APP_SCHEME = 'app';
export const APP_HOST = 'desk';
/** The page's origin inside Electron: app://desk/index.html */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
