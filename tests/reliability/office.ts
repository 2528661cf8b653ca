/**
 * The office the reliability rounds work in, made through the API of a real host, and the checks made after
 * every restart: what a person would lose or see broken after a crash.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import SqliteDatabase from 'better-sqlite3';
import { ok, type HostProcess } from './host-process';

export const PASSWORD = 'Reliab1lity2026';

export interface Sessions {
  readonly admin: string;
  readonly clerk: string;
  readonly leader: string;
}

export async function setUpOffice(host: HostProcess): Promise<void> {
  const { token } = await ok<{ token: string }>(host, 'setup.create', {
    officeName: '青山镇信访办',
    township: '青山镇',
    timeZone: 'Asia/Shanghai',
    admin: { username: 'admin', displayName: '王管理', password: PASSWORD },
  });
  for (const [username, displayName, role] of [['clerk', '李干事', 'clerk'], ['leader', '赵镇长', 'leader']] as const) {
    // The admin types a first password; its owner chooses PASSWORD at the first login, as a new account must.
    const typed = `${PASSWORD}-typed`;
    await ok(host, 'users.create', { username, displayName, role, password: typed }, token);
    const first = await ok<{ token: string }>(host, 'auth.login', { username, password: typed });
    await ok(host, 'auth.changePassword', { oldPassword: typed, newPassword: PASSWORD }, first.token);
  }
}

export async function logIn(host: HostProcess): Promise<Sessions> {
  const as = async (username: string) => (await ok<{ token: string }>(host, 'auth.login', { username, password: PASSWORD })).token;
  return { admin: await as('admin'), clerk: await as('clerk'), leader: await as('leader') };
}

export function petitionInput(summary: string, receivedAt: number) {
  return {
    channel: 'visit',
    receivedAt,
    petitioners: [{ name: '张三', address: '东风村' }],
    peopleCount: 1,
    category: 'suggestion',
    summary,
    request: '请求处理',
  };
}

/** Reads the live file beside the running host (WAL: a reader never blocks it). */
export function readDb<T>(dataDir: string, sql: string, ...params: unknown[]): T[] {
  const db = new SqliteDatabase(path.join(dataDir, 'petition-desk.sqlite'), { readonly: true, fileMustExist: true });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}

export interface RoundFindings {
  lost: string[];
  integrity: string[];
  auditBroken: boolean;
  gaps: string[];
  orphans: string[];
}

/** 1..n without a hole, per year. */
export function gapsIn(rows: readonly { year: number; seq: number }[], what: string): string[] {
  const byYear = new Map<number, number[]>();
  for (const r of rows) byYear.set(r.year, [...(byYear.get(r.year) ?? []), r.seq]);
  const gaps: string[] = [];
  for (const [year, seqs] of byYear) {
    const sorted = [...seqs].sort((a, b) => a - b);
    sorted.forEach((s, i) => {
      if (s !== i + 1) gaps.push(`${what} ${year}: #${i + 1} is ${s}`);
    });
  }
  return gaps;
}

/** After a restart: the file is sound, the audit chain verifies, and the attachments folder holds only files rows reference. */
export async function commonChecks(host: HostProcess, dataDir: string, admin: string): Promise<Pick<RoundFindings, 'integrity' | 'auditBroken' | 'orphans'>> {
  const integrity = readDb<{ integrity_check: string }>(dataDir, 'PRAGMA integrity_check').map((r) => r.integrity_check);
  const audit = await ok<{ ok: boolean }>(host, 'audit.verify', {}, admin);
  const referenced = new Set(readDb<{ stored_name: string }>(dataDir, 'SELECT DISTINCT stored_name FROM attachments').map((r) => r.stored_name));
  const root = path.join(dataDir, 'attachments');
  const onDisk = fs.existsSync(root)
    ? fs
        .readdirSync(root, { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile())
        .map((e) => path.relative(root, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    : [];
  const uploads = path.join(dataDir, 'temp', 'uploads');
  const leftovers = fs.existsSync(uploads) ? fs.readdirSync(uploads).map((f) => `temp/uploads/${f}`) : [];
  return {
    integrity: integrity.filter((line) => line !== 'ok'),
    auditBroken: !audit.ok,
    orphans: [...onDisk.filter((f) => !referenced.has(f)), ...leftovers],
  };
}

export function sha256(data: Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}
