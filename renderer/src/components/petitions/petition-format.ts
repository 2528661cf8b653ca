/**
 * Small formatting helpers shared by the petition screens: file sizes, short hashes, and the value of a
 * date-time field in the office's time zone.
 *
 * @example
 * toLocalInput(officeNow(), tz)               // '2026-11-02 09:00:00'
 * fromLocalInput('2026-11-02 09:00:00', tz)   // epoch ms, or null when the value is incomplete
 */
import { t } from '../../../../shared/i18n';
import { formatDateTime, parseLocalDateTime } from '../../../../shared/time';

export function formatFileSize(bytes: number): string {
  if (bytes < 1024) return t('petitions.fileSize.bytes', { n: bytes });
  if (bytes < 1024 * 1024) return t('petitions.fileSize.kb', { n: (bytes / 1024).toFixed(bytes < 10 * 1024 ? 1 : 0) });
  return t('petitions.fileSize.mb', { n: (bytes / 1024 / 1024).toFixed(1) });
}

/** Enough of a SHA-256 to compare by eye; the full value is in the tooltip. */
export function shortHash(sha256: string): string {
  return sha256.slice(0, 12);
}

/** The value a {@link DateTimeField} holds for an instant: 'YYYY-MM-DD HH:mm:ss' in the office's zone. */
export function toLocalInput(ms: number, timeZone: string): string {
  return `${formatDateTime(ms, timeZone)}:00`;
}

/** The instant a {@link DateTimeField} value names, or null while it is incomplete. */
export function fromLocalInput(value: string, timeZone: string): number | null {
  return value.length >= 16 ? parseLocalDateTime(value.slice(0, 16), timeZone) : null;
}

/** The date part of an instant, for table cells. */
export function dateOf(ms: number, timeZone: string): string {
  return formatDateTime(ms, timeZone).slice(0, 10);
}

/** Reads a picked file as base64 for `petitions.addAttachment`. */
export function readFileBase64(file: Blob, onProgress?: (loaded: number) => void): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    if (onProgress) reader.onprogress = (e) => onProgress(e.loaded);
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}
