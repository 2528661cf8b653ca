/**
 * Prints frozen notice HTML to PDF with Chromium's own engine, the same one the e2e tests check with page.pdf.
 *
 * @example
 * const pdf = await printToPdf(notice.html); // Buffer, A4 from the notice's @page rule
 */
import { BrowserWindow, session, type Session } from 'electron';
import {
  htmlDataUrl,
  isPrintRequestAllowed,
  PDF_OPTIONS,
  PRINT_PARTITION,
  printWindowOptions,
} from './print-options';
import { hardenSession } from './window';

let printSession: Session | null = null;

function getPrintSession(): Session {
  if (printSession) return printSession;
  const created = session.fromPartition(PRINT_PARTITION);
  hardenSession(created);
  created.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isPrintRequestAllowed(details.url) });
  });
  printSession = created;
  return created;
}

/** Must be called after the app is ready. The hidden window is destroyed whatever happens. */
export async function printToPdf(html: string): Promise<Buffer> {
  const url = htmlDataUrl(html);
  const window = new BrowserWindow(printWindowOptions(getPrintSession()));
  try {
    await window.loadURL(url);
    return await window.webContents.printToPDF(PDF_OPTIONS);
  } finally {
    window.destroy();
  }
}

/** Prints frozen notice HTML on a printer (null: the system default) without a second dialog; resolves when spooled. */
export async function printHtml(html: string, options: { copies: number; deviceName: string | null }): Promise<void> {
  const window = new BrowserWindow(printWindowOptions(getPrintSession()));
  try {
    await window.loadURL(htmlDataUrl(html));
    await new Promise<void>((resolve, reject) => {
      window.webContents.print(
        { silent: true, printBackground: true, copies: options.copies, ...(options.deviceName ? { deviceName: options.deviceName } : {}) },
        (success, failureReason) => (success ? resolve() : reject(new Error(failureReason || 'print failed'))),
      );
    });
  } finally {
    window.destroy();
  }
}
