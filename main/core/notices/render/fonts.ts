/**
 * The open CJK serif the app ships (Noto Serif SC, SIL OFL 1.1, from the @fontsource/noto-serif-sc package) as
 * the fallback behind the office's own 仿宋_GB2312 / 方正小标宋. A notice embeds only the glyphs it uses: the
 * font is cut down with HarfBuzz's hb-subset (harfbuzzjs, WebAssembly, run synchronously) and inlined as a
 * data: URL, so the HTML is complete in itself — it prints the same from a data: URL with no network, now and
 * after any reinstall, and its bytes (hence its SHA-256) depend only on the document.
 *
 * @example
 * const face = subsetFontDataUrl(400, '关于某某的预警报告'); // 'data:font/woff;base64,…' or null without the files
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

export type ShippedWeight = 400 | 700 | 900;

const FONT_PACKAGE = ['@fontsource', 'noto-serif-sc'] as const;
const fontFile = (weight: ShippedWeight) => `noto-serif-sc-chinese-simplified-${weight}-normal.woff`;
/** The woff2 files of the same faces, for a caller that serves them itself (fontBaseUrl). */
export const shippedFontFile = (weight: ShippedWeight) => `noto-serif-sc-chinese-simplified-${weight}-normal.woff2`;

/** node_modules is found by walking up from the working directory and from this (bundled) file. */
function findPackageFile(parts: readonly string[]): string | null {
  const starts = [process.cwd(), typeof __dirname === 'string' ? __dirname : null].filter((s): s is string => !!s);
  for (const start of starts) {
    let dir = path.resolve(start);
    for (;;) {
      const candidate = path.join(dir, 'node_modules', ...parts);
      if (fs.existsSync(candidate)) return candidate;
      const up = path.dirname(dir);
      if (up === dir) break;
      dir = up;
    }
  }
  return null;
}

/** WOFF 1.0 → the plain sfnt it wraps (zlib per table). */
export function woffToSfnt(woff: Buffer): Buffer {
  if (woff.toString('latin1', 0, 4) !== 'wOFF') throw new Error('not a WOFF file');
  const flavor = woff.readUInt32BE(4);
  const numTables = woff.readUInt16BE(12);
  const tables: { tag: string; checksum: number; data: Buffer }[] = [];
  for (let i = 0; i < numTables; i++) {
    const at = 44 + i * 20;
    const tag = woff.toString('latin1', at, at + 4);
    const offset = woff.readUInt32BE(at + 4);
    const compLength = woff.readUInt32BE(at + 8);
    const origLength = woff.readUInt32BE(at + 12);
    const checksum = woff.readUInt32BE(at + 16);
    const raw = woff.subarray(offset, offset + compLength);
    tables.push({ tag, checksum, data: compLength < origLength ? zlib.inflateSync(raw) : Buffer.from(raw) });
  }
  return buildSfnt(flavor, tables);
}

function buildSfnt(flavor: number, tables: { tag: string; checksum: number; data: Buffer }[]): Buffer {
  const n = tables.length;
  let entrySelector = 0;
  while (2 ** (entrySelector + 1) <= n) entrySelector++;
  const searchRange = 2 ** entrySelector * 16;
  const header = Buffer.alloc(12 + 16 * n);
  header.writeUInt32BE(flavor, 0);
  header.writeUInt16BE(n, 4);
  header.writeUInt16BE(searchRange, 6);
  header.writeUInt16BE(entrySelector, 8);
  header.writeUInt16BE(n * 16 - searchRange, 10);
  const chunks: Buffer[] = [header];
  let offset = header.length;
  tables.forEach((t, i) => {
    const at = 12 + i * 16;
    header.write(t.tag, at, 'latin1');
    header.writeUInt32BE(t.checksum, at + 4);
    header.writeUInt32BE(offset, at + 8);
    header.writeUInt32BE(t.data.length, at + 12);
    const padded = Buffer.alloc((t.data.length + 3) & ~3);
    t.data.copy(padded);
    chunks.push(padded);
    offset += padded.length;
  });
  return Buffer.concat(chunks);
}

/** sfnt → WOFF 1.0 with every table deflated: a third smaller inside the HTML. */
export function sfntToWoff(sfnt: Buffer): Buffer {
  const flavor = sfnt.readUInt32BE(0);
  const numTables = sfnt.readUInt16BE(4);
  const entries: { tag: string; checksum: number; orig: Buffer; data: Buffer }[] = [];
  for (let i = 0; i < numTables; i++) {
    const at = 12 + i * 16;
    const offset = sfnt.readUInt32BE(at + 8);
    const length = sfnt.readUInt32BE(at + 12);
    const orig = sfnt.subarray(offset, offset + length);
    const deflated = zlib.deflateSync(orig, { level: 9 });
    entries.push({ tag: sfnt.toString('latin1', at, at + 4), checksum: sfnt.readUInt32BE(at + 4), orig, data: deflated.length < orig.length ? deflated : orig });
  }
  const header = Buffer.alloc(44 + 20 * numTables);
  const chunks: Buffer[] = [header];
  let offset = header.length;
  entries.forEach((e, i) => {
    const at = 44 + i * 20;
    header.write(e.tag, at, 'latin1');
    header.writeUInt32BE(offset, at + 4);
    header.writeUInt32BE(e.data.length, at + 8);
    header.writeUInt32BE(e.orig.length, at + 12);
    header.writeUInt32BE(e.checksum, at + 16);
    const padded = Buffer.alloc((e.data.length + 3) & ~3);
    e.data.copy(padded);
    chunks.push(padded);
    offset += padded.length;
  });
  header.write('wOFF', 0, 'latin1');
  header.writeUInt32BE(flavor, 4);
  header.writeUInt32BE(offset, 8);
  header.writeUInt16BE(numTables, 12);
  header.writeUInt32BE(sfnt.length, 16);
  header.writeUInt16BE(1, 20); // font version 1.0
  return Buffer.concat(chunks);
}

interface HarfBuzz {
  memory: WebAssembly.Memory;
  malloc(size: number): number;
  free(ptr: number): void;
  hb_blob_create(data: number, length: number, mode: number, userData: number, destroy: number): number;
  hb_blob_destroy(blob: number): void;
  hb_blob_get_data(blob: number, length: number): number;
  hb_blob_get_length(blob: number): number;
  hb_face_create(blob: number, index: number): number;
  hb_face_destroy(face: number): void;
  hb_face_reference_blob(face: number): number;
  hb_set_add(set: number, codepoint: number): void;
  hb_subset_input_create_or_fail(): number;
  hb_subset_input_destroy(input: number): void;
  hb_subset_input_unicode_set(input: number): number;
  hb_subset_or_fail(face: number, input: number): number;
}

let harfbuzz: HarfBuzz | null | undefined;
const faces = new Map<ShippedWeight, Buffer | null>();
const subsets = new Map<string, string | null>();

function loadHarfBuzz(): HarfBuzz | null {
  if (harfbuzz !== undefined) return harfbuzz;
  const file = findPackageFile(['harfbuzzjs', 'dist', 'harfbuzz-subset.wasm']);
  harfbuzz = file ? (new WebAssembly.Instance(new WebAssembly.Module(fs.readFileSync(file)), {}).exports as unknown as HarfBuzz) : null;
  return harfbuzz;
}

function loadFace(weight: ShippedWeight): Buffer | null {
  if (!faces.has(weight)) {
    const file = findPackageFile([...FONT_PACKAGE, 'files', fontFile(weight)]);
    faces.set(weight, file ? woffToSfnt(fs.readFileSync(file)) : null);
  }
  return faces.get(weight) ?? null;
}

/** The shipped face cut down to the characters of `text` (plus the ASCII digits, for page numbers), as WOFF. */
export function subsetFont(weight: ShippedWeight, text: string): Buffer | null {
  const hb = loadHarfBuzz();
  const face = loadFace(weight);
  if (!hb || !face) return null;
  const fontPtr = hb.malloc(face.length);
  new Uint8Array(hb.memory.buffer).set(face, fontPtr);
  const blob = hb.hb_blob_create(fontPtr, face.length, 2 /* HB_MEMORY_MODE_WRITABLE */, 0, 0);
  const hbFace = hb.hb_face_create(blob, 0);
  hb.hb_blob_destroy(blob);
  const input = hb.hb_subset_input_create_or_fail();
  const unicodes = hb.hb_subset_input_unicode_set(input);
  for (const ch of new Set(`${text}0123456789— `)) hb.hb_set_add(unicodes, ch.codePointAt(0) ?? 0x20);
  const subset = hb.hb_subset_or_fail(hbFace, input);
  hb.hb_subset_input_destroy(input);
  let out: Buffer | null = null;
  if (subset) {
    const result = hb.hb_face_reference_blob(subset);
    const data = hb.hb_blob_get_data(result, 0);
    const length = hb.hb_blob_get_length(result);
    out = Buffer.from(new Uint8Array(hb.memory.buffer).slice(data, data + length));
    hb.hb_blob_destroy(result);
    hb.hb_face_destroy(subset);
  }
  hb.hb_face_destroy(hbFace);
  hb.free(fontPtr);
  return out && out.length > 12 ? sfntToWoff(out) : null;
}

/** As subsetFont, as a data: URL; the same text gives the same bytes (cached for repeated previews). */
export function subsetFontDataUrl(weight: ShippedWeight, text: string): string | null {
  const chars = [...new Set(text)].sort().join('');
  const key = `${weight}:${chars}`;
  if (!subsets.has(key)) {
    const woff = subsetFont(weight, chars);
    if (subsets.size > 64) subsets.clear();
    subsets.set(key, woff ? `data:font/woff;base64,${woff.toString('base64')}` : null);
  }
  return subsets.get(key) ?? null;
}
