/**
 * Printing a signed notice from the Electron window: the page names the notice, the copies and the printer; the
 * main process fetches the frozen HTML through the API with the page's own session (so the same roles apply),
 * prints it, and records the print through the API. Thin by design: every rule lives in the core.
 *
 * @example
 * stops.push(registerNoticePrint(desk));
 */
import { ipcMain } from 'electron';
import { IPC_PRINTERS_CHANNEL, IPC_PRINT_NOTICE_CHANNEL, type PrinterInfo } from '../../shared/bridge';
import type { ApiResult } from '../../shared/api';
import { t } from '../../shared/i18n';
import type { App } from '../app';
import { UntrustedSenderError } from './dispatch';
import { printHtml } from './print';
import { toPrintPayload } from './notice-print-payload';
import { isTrustedSenderUrl } from './security';

export function registerNoticePrint(app: Pick<App, 'api'>): () => void {
  ipcMain.handle(IPC_PRINT_NOTICE_CHANNEL, async (event, payload: unknown): Promise<ApiResult<unknown>> => {
    const url = event.senderFrame?.url ?? '';
    if (!isTrustedSenderUrl(url)) throw new UntrustedSenderError(url);
    const request = toPrintPayload(payload);
    if (!request) return { ok: false, error: { code: 'internal', message: t('errors.transport.badRequest', { detail: 'session, id, copies, deviceName' }) } };
    // Checked by the core first (copies 1–99, signed, the caller's role), so nothing prints that cannot be recorded.
    const html = await app.api.call({ name: 'notices.html.get', input: { id: request.id }, session: request.session });
    if (!html.ok) return html;
    const value = html.value as { html: string; frozen: boolean };
    const notice = await app.api.call({ name: 'notices.get', input: { id: request.id }, session: request.session });
    if (!notice.ok) return notice;
    const allowed = (notice.value as { allowedActions: readonly string[] }).allowedActions;
    if (!value.frozen || !allowed.includes('print')) return { ok: false, error: { code: 'illegal_transition', message: t('notices.errors.notSigned') } };
    if (request.copies < 1 || request.copies > 99) return { ok: false, error: { code: 'invalid_input', message: t('notices.errors.copies') } };
    try {
      await printHtml(value.html, { copies: request.copies, deviceName: request.deviceName });
    } catch (error) {
      // The same envelope as every other answer, so the page says what happened instead of waiting.
      const reason = error instanceof Error ? error.message : String(error);
      return { ok: false, error: { code: 'internal', message: t('notices.errors.printFailed', { reason }) } };
    }
    return app.api.call({ name: 'notices.prints.create', input: { id: request.id, copies: request.copies, format: 'paper' }, session: request.session });
  });
  ipcMain.handle(IPC_PRINTERS_CHANNEL, async (event): Promise<PrinterInfo[]> => {
    const url = event.senderFrame?.url ?? '';
    if (!isTrustedSenderUrl(url)) throw new UntrustedSenderError(url);
    const printers = await event.sender.getPrintersAsync();
    return printers.map((p) => ({ name: p.name, displayName: p.displayName || p.name, isDefault: Boolean((p as { isDefault?: boolean }).isDefault) }));
  });
  return () => {
    ipcMain.removeHandler(IPC_PRINT_NOTICE_CHANNEL);
    ipcMain.removeHandler(IPC_PRINTERS_CHANNEL);
  };
}
