/**
 * Arranging backups in unit tests: an office with a backup folder outside its data folder, encrypted with a
 * known password (a low scrypt cost is not offered by the API, so setting it takes the real fraction of a second).
 *
 * @example
 * const b = await backupOffice({ now: '2026-11-28 15:30' });
 * await b.register('建议修建村口便民桥');
 * const made = await b.t.ok(b.admin, 'backups.create', { targetDir: null });
 */
import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { at, testApp, type TestApp } from './test-app';
import { tempDir } from './temp-dir';

export const BACKUP_PASSWORD = '山高水长2026备份';

/** Each backup office derives a key with scrypt at N=2^17 (about 128 MB): on a busy machine that takes seconds. */
export const SLOW = { timeout: 180_000 };

export interface BackupOffice {
  readonly t: TestApp;
  readonly admin: string;
  /** The backup folder ("the USB stick"), outside the data folder. */
  readonly target: string;
  register(summary: string): Promise<{ id: number; number: string }>;
}

export async function backupOffice(options: { now?: string; encryption?: 'on' | 'off'; timeOfDay?: string } = {}): Promise<BackupOffice> {
  const t = await testApp({ now: options.now ?? '2026-11-28 10:00' });
  const admin = await t.setup();
  const target = tempDir('usb');
  const encryption = options.encryption ?? 'on';
  await t.ok(admin, 'backups.settings.update', {
    targetDir: target,
    timeOfDay: options.timeOfDay ?? '12:30',
    encryption,
    password: encryption === 'on' ? BACKUP_PASSWORD : null,
  });
  return {
    t,
    admin,
    target,
    async register(summary) {
      const p = await t.ok(admin, 'petitions.create', {
        channel: 'letter',
        receivedAt: at('2026-11-28 09:00'),
        petitioners: [{ name: '张三', address: '东风村' }],
        peopleCount: 1,
        category: 'suggestion',
        summary,
        request: '请求处理',
      });
      return { id: p.id, number: p.number };
    },
  };
}

/** Every file under `dir`, read whole: for looking for plain text where there must be none. */
export function allBytes(dir: string): Buffer {
  const parts: Buffer[] = [];
  for (const e of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (e.isFile()) parts.push(fs.readFileSync(path.join(e.parentPath, e.name)));
  }
  return Buffer.concat(parts);
}

/** Reads a SQLite file directly, as someone holding the file would. */
export function query<T>(file: string, sql: string, ...params: unknown[]): T[] {
  const db = new SqliteDatabase(file, { readonly: true, fileMustExist: true });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}
