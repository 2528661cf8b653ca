import { describe, expect, it } from 'vitest';
import {
  htmlDataUrl,
  isPrintRequestAllowed,
  MAX_PRINT_HTML_BYTES,
  PDF_OPTIONS,
  PRINT_PARTITION,
  printWindowOptions,
} from '../../../main/electron/print-options';

type Session = Parameters<typeof printWindowOptions>[0];

describe('printing a notice to PDF', () => {
  it('uses the page size the notice CSS sets (@page A4)', () => {
    expect(PDF_OPTIONS.preferCSSPageSize).toBe(true);
    expect(PDF_OPTIONS.printBackground).toBe(true);
  });

  it('prints in a hidden window with no script, no preload and no Node', () => {
    const session = {} as Session;
    const options = printWindowOptions(session);
    expect(options.show).toBe(false);
    expect(options.webPreferences).toMatchObject({
      session,
      javascript: false,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webviewTag: false,
    });
    expect(options.webPreferences?.preload).toBeUndefined();
  });

  it('keeps printed notices out of the saved profile', () => {
    expect(PRINT_PARTITION.startsWith('persist:')).toBe(false);
  });

  it('carries the HTML, Chinese included, byte for byte', () => {
    const html = '<!doctype html><p>关于张三信访事项的受理告知书</p>';
    const url = htmlDataUrl(html);
    expect(url.startsWith('data:text/html;charset=utf-8;base64,')).toBe(true);
    expect(Buffer.from(url.split(',')[1] ?? '', 'base64').toString('utf8')).toBe(html);
  });

  it('refuses HTML too large for a data: URL instead of printing a blank page', () => {
    expect(() => htmlDataUrl('x'.repeat(MAX_PRINT_HTML_BYTES + 1))).toThrow(RangeError);
  });

  it('lets the print window load only data: URLs', () => {
    expect(isPrintRequestAllowed('data:image/png;base64,AAAA')).toBe(true);
    expect(isPrintRequestAllowed('https://example.com/track.gif')).toBe(false);
    expect(isPrintRequestAllowed('file:///etc/passwd')).toBe(false);
    expect(isPrintRequestAllowed('app://desk/index.html')).toBe(false);
  });
});
