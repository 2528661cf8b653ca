/**
 * Checks a backup the way a restore would use it, with nothing trusted: the manifest parses; with the key (or
 * the password) its sealed part opens; every file is there, decrypts (GCM tag) and hashes to what the manifest
 * says; the database copy passes its store's check (SQLite's integrity_check; a PostgreSQL dump restores into a
 * scratch database) and has the row counts the manifest recorded; its audit
 * chain verifies and ends at the head the manifest anchors; and every attachment row has its file with the
 * SHA-256 the row records. `extractTo` keeps the plain files (a restore stages them there).
 *
 * @example
 * const report = await verifyBackup(folder, { password: '山高水长2026' }, { workDir });
 * if (report.restorable) show(report.summary.counts);
 */
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { BackupProblem } from '../../../shared/enums';
import { LATEST_MIGRATION } from '../../db';
import { auditAnchor, type AuditAnchor, type AuditKeyInstaller } from './audit-anchor';
import { copyWithHash, decryptFile, deriveKey, openSealedJson, SealBroken } from './crypto';
import { aadFor, contentSchema, readManifest, type FileEntry, type Manifest, type ManifestContent } from './format';
import { sqliteCopier, type DatabaseCopier } from './database-copy';

export type VerifyProblemCode = BackupProblem;
const SOFT: readonly VerifyProblemCode[] = ['audit_broken', 'attachments_missing'];

export interface VerifyProblem {
  readonly code: VerifyProblemCode;
  /** A file, a count or a row the problem is about. */
  readonly detail: string;
}

export interface BackupSummary {
  readonly id: string;
  readonly createdAt: number;
  readonly kind: Manifest['kind'];
  readonly appVersion: string;
  readonly schemaVersion: string | null;
  readonly encrypted: boolean;
  readonly officeName: string;
  readonly counts: Readonly<Record<string, number>>;
  readonly auditHead: ManifestContent['auditHead'];
  readonly auditRows: number;
  readonly attachments: number;
  readonly bytes: number;
}

export interface VerifyReport {
  readonly folder: string;
  readonly problems: readonly VerifyProblem[];
  /** No problem at all. */
  readonly ok: boolean;
  /** Nothing that stops a restore (audit_broken and attachments_missing are shown, not blocking). */
  readonly restorable: boolean;
  readonly summary: BackupSummary | null;
  /** How the copy's audit chain was checked (every MAC under the office's key, or the head only); null when not reached. */
  readonly audit: Pick<AuditAnchor, 'checked' | 'ok' | 'rows' | 'brokenAt'> | null;
}

export interface VerifyKey {
  readonly key?: Buffer | null;
  readonly password?: string | null;
}

export interface VerifyOptions {
  /** A folder on the data drive for the copy of the database being checked. */
  readonly workDir: string;
  /** Keep the plain files here, laid out as in the data folder. */
  readonly extractTo?: string;
  /** The live office's audit key for the copy (see audit-anchor.ts); without it the chain's MACs are not checked. */
  readonly auditKeyOn?: AuditKeyInstaller | null;
  /** How this app's store checks a database copy (default: a SQLite file). */
  readonly copier?: DatabaseCopier;
}

function report(folder: string, problems: VerifyProblem[], summary: BackupSummary | null, audit: AuditAnchor | null = null): VerifyReport {
  const restorable = summary !== null && problems.every((p) => SOFT.includes(p.code));
  const auditCheck = audit && { checked: audit.checked, ok: audit.ok, rows: audit.rows, brokenAt: audit.brokenAt };
  return { folder, problems, ok: restorable && problems.length === 0, restorable, summary, audit: auditCheck };
}

function summaryOf(m: Manifest, c: ManifestContent): BackupSummary {
  return {
    id: m.id,
    createdAt: m.createdAt,
    kind: m.kind,
    appVersion: m.appVersion,
    schemaVersion: m.schemaVersion,
    encrypted: m.encryption !== null,
    officeName: c.officeName,
    counts: c.counts,
    auditHead: c.auditHead,
    auditRows: c.auditRows,
    // Whichever store's database file the backup holds, the rest are attachments.
    attachments: c.files.filter((f) => f.path.startsWith('attachments/')).length,
    bytes: c.files.reduce((n, f) => n + f.bytes, 0),
  };
}

type Opened = { ok: true; content: ManifestContent; key: Buffer | null } | { ok: false; problem: VerifyProblem };

async function openContent(m: Manifest, given: VerifyKey): Promise<Opened> {
  if (!m.encryption) {
    return m.content ? { ok: true, content: m.content, key: null } : { ok: false, problem: { code: 'manifest_unreadable', detail: 'content' } };
  }
  if (!m.sealed) return { ok: false, problem: { code: 'manifest_unreadable', detail: 'sealed' } };
  const key = given.key ?? (given.password ? await deriveKey(given.password, m.encryption.kdf) : null);
  if (!key) return { ok: false, problem: { code: 'password_required', detail: '' } };
  let plain: unknown;
  try {
    plain = openSealedJson(m.sealed, key, aadFor(m.id, 'manifest'));
  } catch (err) {
    if (err instanceof SealBroken) return { ok: false, problem: { code: 'wrong_password', detail: '' } };
    throw err;
  }
  const parsed = contentSchema.safeParse(plain);
  if (!parsed.success) return { ok: false, problem: { code: 'manifest_unreadable', detail: 'sealed' } };
  return { ok: true, content: parsed.data, key };
}

/** Reads one file of the backup (decrypting it with its tag checked), into `out` when given; null when missing. */
async function readEntry(folder: string, id: string, entry: FileEntry, key: Buffer | null, out: string | null): Promise<VerifyProblem | null> {
  const src = path.join(folder, ...entry.stored.split('/'));
  if (!fs.existsSync(src)) return { code: 'file_missing', detail: entry.path };
  if (out) fs.mkdirSync(path.dirname(out), { recursive: true });
  try {
    const facts = key && entry.iv && entry.tag ? await decryptFile(src, out, key, aadFor(id, entry.path), { iv: entry.iv, tag: entry.tag }) : await copyWithHash(src, out);
    if (facts.sha256 !== entry.sha256 || facts.bytes !== entry.bytes) return { code: 'file_changed', detail: entry.path };
  } catch (err) {
    if (err instanceof SealBroken) return { code: 'file_changed', detail: entry.path };
    throw err;
  }
  return null;
}

function sameCounts(a: Readonly<Record<string, number>>, b: Readonly<Record<string, number>>): string | null {
  for (const table of new Set([...Object.keys(a), ...Object.keys(b)])) {
    if (a[table] !== b[table]) return `${table}: ${b[table] ?? '—'} ≠ ${a[table] ?? '—'}`;
  }
  return null;
}

function checkDatabase(
  copier: DatabaseCopier,
  file: string,
  content: ManifestContent,
  entries: ReadonlyMap<string, FileEntry>,
  keyOn: AuditKeyInstaller | null,
): Promise<{ problems: VerifyProblem[]; anchor: AuditAnchor | null }> {
  return copier.inspect(file, async (checked, open) => {
    const problems: VerifyProblem[] = [];
    if (checked.integrity.length !== 1 || checked.integrity[0] !== 'ok') problems.push({ code: 'integrity', detail: checked.integrity.slice(0, 3).join('; ') });
    const differ = checked.counted ? sameCounts(content.counts, checked.counts) : null;
    if (differ) problems.push({ code: 'counts_differ', detail: differ });
    if (problems.length > 0) return { problems, anchor: null };
    const copy = await open();
    const anchor = await auditAnchor(copy, keyOn);
    const head = anchor.head;
    if ((head?.id ?? null) !== (content.auditHead?.id ?? null) || (head?.hash ?? null) !== (content.auditHead?.hash ?? null)) {
      problems.push({ code: 'audit_head_differs', detail: `${head?.id ?? '—'}` });
    } else if (!anchor.ok) {
      problems.push({ code: 'audit_broken', detail: String(anchor.brokenAt ?? '') });
    }
    const rows = await copy.db.selectFrom('attachments').select(['stored_name', 'sha256']).distinct().execute();
    const missingAtBackup = new Set(content.missingAttachments);
    let missing = 0;
    for (const row of rows) {
      const entry = entries.get(`attachments/${row.stored_name}`);
      if (!entry) {
        if (missingAtBackup.has(row.stored_name)) missing++;
        else problems.push({ code: 'attachment_mismatch', detail: row.stored_name });
      } else if (entry.sha256 !== row.sha256) {
        problems.push({ code: 'attachment_mismatch', detail: row.stored_name });
      }
    }
    if (missing > 0) problems.push({ code: 'attachments_missing', detail: String(missing) });
    return { problems, anchor };
  });
}

/** Whether this app can open a database at `schemaVersion` (migration names sort in order). */
export function schemaIsKnown(schemaVersion: string | null): boolean {
  return schemaVersion === null || schemaVersion <= LATEST_MIGRATION;
}

export async function verifyBackup(folder: string, given: VerifyKey, options: VerifyOptions): Promise<VerifyReport> {
  const read = readManifest(folder);
  if (!read.ok) return report(folder, [{ code: read.reason === 'missing' ? 'manifest_missing' : 'manifest_unreadable', detail: '' }], null);
  const m = read.manifest;
  const opened = await openContent(m, given);
  if (!opened.ok) return report(folder, [opened.problem], null);
  const { content, key } = opened;
  // Only the copier's check of a copy is used here, never the live database it would copy.
  const copier = options.copier ?? sqliteCopier(options.workDir);
  const summary = summaryOf(m, content);
  // The plain part says when and why; the sealed part must say the same, or the plain part was changed.
  if (content.id !== m.id || content.createdAt !== m.createdAt || content.kind !== m.kind) return report(folder, [{ code: 'file_changed', detail: 'manifest.json' }], summary);
  if (!schemaIsKnown(m.schemaVersion)) return report(folder, [{ code: 'schema_newer', detail: m.schemaVersion ?? '' }], summary);
  // A township's SQLite backup is not restored into a county's PostgreSQL, nor the other way (moving a township in
  // is its own command).
  const store = m.store ?? 'sqlite';
  if (store !== copier.store) return report(folder, [{ code: 'store_differs', detail: store === 'postgres' ? 'PostgreSQL' : 'SQLite' }], summary);

  const problems: VerifyProblem[] = [];
  let anchor: AuditAnchor | null = null;
  const entries = new Map(content.files.map((f) => [f.path, f]));
  const dbEntry = entries.get(copier.fileName);
  fs.mkdirSync(options.workDir, { recursive: true });
  const dbOut = options.extractTo ? path.join(options.extractTo, copier.fileName) : path.join(options.workDir, `check-${randomBytes(6).toString('hex')}-${copier.fileName}`);
  try {
    for (const entry of content.files) {
      const out = entry === dbEntry ? dbOut : options.extractTo ? path.join(options.extractTo, ...entry.path.split('/')) : null;
      const problem = await readEntry(folder, m.id, entry, key, out);
      if (problem) problems.push(problem);
    }
    if (!dbEntry) problems.push({ code: 'file_missing', detail: copier.fileName });
    else if (!problems.some((p) => p.detail === copier.fileName)) {
      const db = await checkDatabase(copier, dbOut, content, entries, options.auditKeyOn ?? null);
      problems.push(...db.problems);
      anchor = db.anchor;
    }
  } finally {
    if (!options.extractTo) fs.rmSync(dbOut, { force: true });
  }
  return report(folder, problems, summary, anchor);
}
