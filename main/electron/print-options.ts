/**
 * How a signed notice becomes a PDF, as plain values and functions: a hidden window with no script, no preload and
 * no network, loading the frozen HTML from a data: URL, printed with the page size its own CSS (@page A4) sets.
 *
 * @example
 * const window = new BrowserWindow(printWindowOptions(printSession));
 * await window.loadURL(htmlDataUrl(html));
 * await window.webContents.printToPDF(PDF_OPTIONS);
 */
import type { BrowserWindowConstructorOptions, PrintToPDFOptions, Session } from 'electron';

/** Kept in memory (no "persist:" prefix): a printed notice leaves nothing behind in the profile. */
export const PRINT_PARTITION = 'petition-desk-print';

export const PDF_OPTIONS: PrintToPDFOptions = Object.freeze({ preferCSSPageSize: true, printBackground: true });

/**
 * Chromium refuses URLs longer than 2 MiB; base64 grows text by a third, so the HTML itself must stay well under.
 * A notice is text and CSS of a few dozen kilobytes; a larger one means a picture was embedded by mistake.
 */
export const MAX_PRINT_HTML_BYTES = 1_400_000;

export function printWindowOptions(session: Session): BrowserWindowConstructorOptions {
  return {
    show: false,
    width: 794, // A4 at 96 dpi, so on-screen layout matches the page before printing
    height: 1123,
    webPreferences: {
      session,
      javascript: false,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      plugins: false,
      devTools: false,
    },
  };
}

export function htmlDataUrl(html: string): string {
  const bytes = Buffer.from(html, 'utf8');
  if (bytes.byteLength > MAX_PRINT_HTML_BYTES) {
    throw new RangeError(`Notice HTML is ${bytes.byteLength} bytes; printing accepts at most ${MAX_PRINT_HTML_BYTES}`);
  }
  return `data:text/html;charset=utf-8;base64,${bytes.toString('base64')}`;
}

/** The print window may load its own data: URL and data: images inside it; nothing from disk or network. */
export function isPrintRequestAllowed(url: string): boolean {
  return url.startsWith('data:');
}
