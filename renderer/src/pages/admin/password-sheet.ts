/**
 * The printable page that keeps the backup password in the office safe: a plain A4 sheet with the office, when
 * and by whom it was set, the password in large type, the backup folder, how to restore, and a line to sign.
 * It is printed from a frame of its own and never stored: the app keeps only the key derived from the password.
 *
 * @example
 * printPasswordSheet({ office: '青山镇信访办', setAt: '2026年11月28日 15:30', setBy: '王管理', password, folder });
 */
import { t } from '../../../../shared/i18n';

export interface PasswordSheet {
  readonly office: string;
  readonly setAt: string;
  readonly setBy: string;
  readonly password: string;
  readonly folder: string;
}

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function passwordSheetHtml(sheet: PasswordSheet): string {
  const row = (label: string, value: string, big = false) =>
    `<tr><th>${escape(label)}</th><td${big ? ' class="password"' : ''}>${escape(value)}</td></tr>`;
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${escape(t('backups.printPage.heading'))}</title>
<style>
@page { size: A4; margin: 30mm 25mm; }
body { font-family: "Noto Serif CJK SC", "Source Han Serif SC", SimSun, serif; font-size: 14pt; color: #000; }
h1 { text-align: center; font-size: 20pt; margin: 0 0 12mm; }
table { width: 100%; border-collapse: collapse; }
th, td { border: 1px solid #000; padding: 4mm; text-align: left; vertical-align: top; }
th { width: 32mm; font-weight: normal; }
td.password { font-family: "Noto Sans Mono CJK SC", "DejaVu Sans Mono", monospace; font-size: 20pt; letter-spacing: 1pt; word-break: break-all; }
p { line-height: 1.7; margin: 8mm 0 0; }
.sign { margin-top: 20mm; }
</style></head><body>
<h1>${escape(t('backups.printPage.heading'))}</h1>
<table>
${row(t('backups.printPage.office'), sheet.office)}
${row(t('backups.printPage.setAt'), sheet.setAt)}
${row(t('backups.printPage.setBy'), sheet.setBy)}
${row(t('backups.printPage.password'), sheet.password, true)}
${row(t('backups.printPage.folder'), sheet.folder)}
</table>
<p>${escape(t('backups.printPage.howTo'))}</p>
<p>${escape(t('backups.printPage.keep'))}</p>
<p class="sign">${escape(t('backups.printPage.signature'))}</p>
</body></html>`;
}

/** Prints the sheet through a hidden frame (browser and Electron alike), then removes the frame. */
export function printPasswordSheet(sheet: PasswordSheet): void {
  const frame = document.createElement('iframe');
  frame.style.position = 'fixed';
  frame.style.width = '0';
  frame.style.height = '0';
  frame.style.border = '0';
  frame.setAttribute('data-testid', 'password-sheet');
  frame.srcdoc = passwordSheetHtml(sheet);
  frame.onload = () => {
    frame.contentWindow?.print();
    // The print window is modal in both shells: once it returns the frame is no longer needed.
    setTimeout(() => frame.remove(), 1000);
  };
  document.body.appendChild(frame);
}
