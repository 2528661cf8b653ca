/**
 * Which files an office keeps with a petition, checked by content as well as by name: a scanned letter renamed
 * to .pdf, or a program renamed to .jpg, is refused. Each allowed extension has the signature its content must
 * start with (text files: no control bytes).
 *
 * @example
 * attachmentTypeOf('来信.pdf', Buffer.from('%PDF-1.7…')) // { ext: 'pdf', view: 'pdf', contentType: 'application/pdf' }
 * attachmentTypeOf('setup.exe', bytes)                   // 'bad_extension'
 */
import path from 'node:path';
import { ATTACHMENT_EXTENSIONS, type AttachmentExtension, type AttachmentView } from '../../../shared/enums';

export interface AttachmentType {
  readonly ext: AttachmentExtension;
  readonly view: AttachmentView;
  readonly contentType: string;
}

const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP = [0x50, 0x4b, 0x03, 0x04];

function startsWith(data: Uint8Array, bytes: readonly number[], offset = 0): boolean {
  if (data.length < offset + bytes.length) return false;
  return bytes.every((b, i) => data[offset + i] === b);
}

const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

/** Plain text: no NUL or other control bytes but tab, line feed, form feed and carriage return. */
function looksLikeText(data: Uint8Array): boolean {
  const n = Math.min(data.length, 64 * 1024);
  for (let i = 0; i < n; i++) {
    const b = data[i] ?? 0;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d && b !== 0x1b) return false;
    if (b === 0x7f) return false;
  }
  return true;
}

function isMp3(data: Uint8Array): boolean {
  if (startsWith(data, ascii('ID3'))) return true;
  // An MPEG audio frame starts with eleven set bits.
  return data.length > 2 && data[0] === 0xff && ((data[1] ?? 0) & 0xe0) === 0xe0;
}

const CHECKS: Readonly<Record<AttachmentExtension, { readonly view: AttachmentView; readonly contentType: string; readonly matches: (d: Uint8Array) => boolean }>> = {
  pdf: { view: 'pdf', contentType: 'application/pdf', matches: (d) => startsWith(d, ascii('%PDF-')) },
  jpg: { view: 'image', contentType: 'image/jpeg', matches: (d) => startsWith(d, [0xff, 0xd8, 0xff]) },
  jpeg: { view: 'image', contentType: 'image/jpeg', matches: (d) => startsWith(d, [0xff, 0xd8, 0xff]) },
  png: { view: 'image', contentType: 'image/png', matches: (d) => startsWith(d, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) },
  tif: { view: 'tiff', contentType: 'image/tiff', matches: (d) => startsWith(d, [0x49, 0x49, 0x2a, 0x00]) || startsWith(d, [0x4d, 0x4d, 0x00, 0x2a]) },
  tiff: { view: 'tiff', contentType: 'image/tiff', matches: (d) => startsWith(d, [0x49, 0x49, 0x2a, 0x00]) || startsWith(d, [0x4d, 0x4d, 0x00, 0x2a]) },
  doc: { view: 'download', contentType: 'application/msword', matches: (d) => startsWith(d, OLE2) },
  xls: { view: 'download', contentType: 'application/vnd.ms-excel', matches: (d) => startsWith(d, OLE2) },
  wps: { view: 'download', contentType: 'application/vnd.ms-works', matches: (d) => startsWith(d, OLE2) },
  docx: { view: 'download', contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', matches: (d) => startsWith(d, ZIP) },
  xlsx: { view: 'download', contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', matches: (d) => startsWith(d, ZIP) },
  txt: { view: 'download', contentType: 'text/plain; charset=utf-8', matches: looksLikeText },
  mp3: { view: 'download', contentType: 'audio/mpeg', matches: isMp3 },
  wav: { view: 'download', contentType: 'audio/wav', matches: (d) => startsWith(d, ascii('RIFF')) && startsWith(d, ascii('WAVE'), 8) },
  amr: { view: 'download', contentType: 'audio/amr', matches: (d) => startsWith(d, ascii('#!AMR')) },
};

export function extensionOf(fileName: string): AttachmentExtension | null {
  const ext = path.extname(fileName).slice(1).toLowerCase();
  return (ATTACHMENT_EXTENSIONS as readonly string[]).includes(ext) ? (ext as AttachmentExtension) : null;
}

/** The file's type, or why it is refused: a name not on the list, or content that is not what the name says. */
export function attachmentTypeOf(fileName: string, data: Uint8Array): AttachmentType | 'bad_extension' | 'bad_content' {
  const ext = extensionOf(fileName);
  if (!ext) return 'bad_extension';
  const check = CHECKS[ext];
  if (!check.matches(data)) return 'bad_content';
  return { ext, view: check.view, contentType: check.contentType };
}

/** How a stored attachment is shown, from its name (it was checked by content when it was added). */
export function viewOf(fileName: string): AttachmentView {
  const ext = extensionOf(fileName);
  return ext ? CHECKS[ext].view : 'download';
}

export function contentTypeOf(fileName: string): string {
  const ext = extensionOf(fileName);
  return ext ? CHECKS[ext].contentType : 'application/octet-stream';
}
