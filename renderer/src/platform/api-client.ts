/**
 * The renderer's one API client. Inside Electron it uses the preload bridge; in browser mode it speaks
 * HTTP to the local host with the per-launch token from the address bar. Both return the same envelope.
 * In server mode (the county edition on the office network; the page says so in a meta tag the server writes)
 * the session is an HttpOnly cookie this code never sees: what it keeps as "the session" is the session's CSRF
 * token, sent in a header with every call, and the body carries no session.
 *
 * @example
 * const r = await api.call('petitions.get', { id: 3 });
 * if (!r.ok) notifyError(r.error);
 */
import type { ApiEvent, ApiResult, ProcedureInput, ProcedureName, ProcedureOutput } from '../../../shared/api';
import { BRIDGE_NAME, type DeskBridge, type PrinterInfo } from '../../../shared/bridge';
import { t, type MessageKey, type MessageParams } from '../../../shared/i18n';

const TOKEN_KEY = 'petition-desk.host-token';
const SESSION_KEY = 'petition-desk.session';

function bridge(): DeskBridge | null {
  return ((window as unknown as Record<string, unknown>)[BRIDGE_NAME] as DeskBridge | undefined) ?? null;
}

/** Browser mode: the token arrives once in the URL, then lives in this tab's session storage only. */
function hostToken(): string {
  const params = new URLSearchParams(window.location.search);
  const fromUrl = params.get('token');
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    params.delete('token');
    const rest = params.toString();
    window.history.replaceState(null, '', `${window.location.pathname}${rest ? `?${rest}` : ''}${window.location.hash}`);
    return fromUrl;
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

function metaContent(name: string): string | null {
  return document.querySelector(`meta[name="${name}"]`)?.getAttribute('content') ?? null;
}

/** Server mode: set by the server in the page (main/host/server.ts), never by the address bar. */
const serverMode = !bridge() && metaContent('petition-desk-mode') === 'server';
const token = bridge() || serverMode ? '' : hostToken();
/** Sent with every POST in server mode; the server wants the header even before login. */
const NO_SESSION_CSRF = '-';

if (serverMode) {
  // The page was served with the CSRF token of the cookie's session, if the browser has one: a new tab or a
  // reload stays signed in, and a browser whose cookie is gone starts at the login page.
  const csrf = metaContent('petition-desk-csrf');
  if (csrf) sessionStorage.setItem(SESSION_KEY, csrf);
  else sessionStorage.removeItem(SESSION_KEY);
}

export function getSession(): string | null {
  return sessionStorage.getItem(SESSION_KEY);
}

export function setSession(session: string | null): void {
  if (session) sessionStorage.setItem(SESSION_KEY, session);
  else sessionStorage.removeItem(SESSION_KEY);
  // Server mode: the event stream is let in by the cookie, so it is opened again as the new session (or refused).
  if (serverMode) reopenEvents();
}

const unauthenticatedListeners = new Set<() => void>();

export function onUnauthenticated(listener: () => void): () => void {
  unauthenticatedListeners.add(listener);
  return () => unauthenticatedListeners.delete(listener);
}

function transportFailure(key: MessageKey, params?: MessageParams): ApiResult<never> {
  return { ok: false, error: { code: 'internal', message: t(key, params) } };
}

/** Inside Electron: a call the main process never answered (shutting down, a reply it could not send) is an envelope too. */
async function overBridge(call: () => Promise<ApiResult<unknown>>): Promise<ApiResult<unknown>> {
  try {
    return await call();
  } catch {
    return transportFailure('errors.transport.desktop');
  }
}

/** Server mode: the cookie carries the session; the header proves the call comes from this page. */
async function sendToServer(name: string, input: unknown): Promise<ApiResult<unknown>> {
  try {
    const res = await fetch('/api', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', 'X-Desk-CSRF': getSession() ?? NO_SESSION_CSRF },
      body: JSON.stringify({ name, input }),
    });
    // The server's refusals (origin, CSRF) come in the envelope, with a message that says what to do.
    if (res.headers.get('Content-Type')?.startsWith('application/json')) return (await res.json()) as ApiResult<unknown>;
    return transportFailure('errors.transport.httpStatus', { status: res.status });
  } catch {
    return transportFailure('errors.transport.unreachable');
  }
}

async function send(name: string, input: unknown): Promise<ApiResult<unknown>> {
  if (serverMode) return sendToServer(name, input);
  const request = { name, input, session: getSession() };
  const b = bridge();
  if (b) return overBridge(() => b.call(request));
  try {
    const res = await fetch('/api', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Desk-Token': token },
      body: JSON.stringify(request),
    });
    if (!res.ok) return transportFailure('errors.transport.httpStatus', { status: res.status });
    return (await res.json()) as ApiResult<unknown>;
  } catch {
    return transportFailure('errors.transport.unreachable');
  }
}

/**
 * Browser mode: ONE event stream shared by every listener. The browser allows six connections per host,
 * and a stream per query would use them all and leave the API requests waiting forever.
 */
const eventListeners = new Set<(event: ApiEvent) => void>();
let eventSource: EventSource | null = null;

function openEvents(): void {
  eventSource = new EventSource(serverMode ? '/events' : `/events?token=${encodeURIComponent(token)}`);
  eventSource.onmessage = (e: MessageEvent<string>) => {
    const event = JSON.parse(e.data) as ApiEvent;
    for (const l of [...eventListeners]) l(event);
  };
}

/** Server mode: a stream refused before login (401) stays closed; a change of session opens it again. */
function reopenEvents(): void {
  if (eventListeners.size === 0) return;
  eventSource?.close();
  openEvents();
}

function subscribeToEvents(listener: (event: ApiEvent) => void): () => void {
  eventListeners.add(listener);
  if (!eventSource) openEvents();
  return () => {
    eventListeners.delete(listener);
    if (eventListeners.size === 0) {
      eventSource?.close();
      eventSource = null;
    }
  };
}

export const api = {
  async call<N extends ProcedureName>(name: N, input: ProcedureInput<N>): Promise<ApiResult<ProcedureOutput<N>>> {
    const result = (await send(name, input)) as ApiResult<ProcedureOutput<N>>;
    if (!result.ok && result.error.code === 'unauthenticated' && name !== 'auth.login') {
      for (const l of unauthenticatedListeners) l();
    }
    return result;
  },

  onEvent(listener: (event: ApiEvent) => void): () => void {
    const b = bridge();
    if (b) return b.onEvent(listener);
    return subscribeToEvents(listener);
  },

  isBrowserMode(): boolean {
    return bridge() === null;
  },

  /** Served to the office network by the county edition's server (a browser mode too). */
  isServerMode(): boolean {
    return serverMode;
  },
};

/** Inside Electron: print a signed notice on a chosen printer (the session is added here). Null in browser mode. */
export function desktopPrinting(): { printNotice(id: number, copies: number, deviceName: string | null): Promise<ApiResult<unknown>>; listPrinters(): Promise<readonly PrinterInfo[]> } | null {
  const b = bridge();
  if (!b) return null;
  return {
    printNotice: (id, copies, deviceName) => overBridge(() => b.printNotice({ session: getSession(), id, copies, deviceName })),
    listPrinters: () => b.listPrinters(),
  };
}
