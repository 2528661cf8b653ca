import type { ApiEvent, ApiRequest, ApiResult } from './api';

/**
 * What the Electron preload exposes to the page as `window.petitionDesk`: named functions only, never
 * ipcRenderer itself. Browser mode has no bridge; the renderer then speaks HTTP to 127.0.0.1.
 */
export interface DeskBridge {
  call(request: ApiRequest): Promise<ApiResult<unknown>>;
  onEvent(listener: (event: ApiEvent) => void): () => void;
  /** Electron only: prints a signed notice's frozen HTML on the chosen printer and records the print. */
  printNotice(request: NoticePrintRequest): Promise<ApiResult<unknown>>;
  /** Electron only: the printers the system knows, for the print dialog. */
  listPrinters(): Promise<readonly PrinterInfo[]>;
}

export interface NoticePrintRequest {
  readonly session: string | null;
  readonly id: number;
  readonly copies: number;
  /** A printer name from listPrinters, or null for the system default. */
  readonly deviceName: string | null;
}

export interface PrinterInfo {
  readonly name: string;
  readonly displayName: string;
  readonly isDefault: boolean;
}

export const BRIDGE_NAME = 'petitionDesk';
export const IPC_CALL_CHANNEL = 'desk:call';
export const IPC_EVENT_CHANNEL = 'desk:event';
export const IPC_PRINT_NOTICE_CHANNEL = 'desk:print-notice';
export const IPC_PRINTERS_CHANNEL = 'desk:printers';
export const APP_SCHEME = 'app';
export const APP_HOST = 'desk';
/** The page's origin inside Electron: app://desk/index.html */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
