/**
 * Backups on PostgreSQL as the admin sees them on the backup screen: the daily backup happens at its time (the test
 * clock), its folder holds an encrypted pg_dump and passes its check; a damaged dump fails the check with words
 * that say what is wrong; restoring brings the office back as the backup holds it, audit chain intact; and the
 * command-line restore works on the county's database too.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createHash, randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { openApp, restoreFromCommandLine } from '../../main/app';
import { ManualClock } from '../../main/core/context';
import { at, ADMIN_PASSWORD, testApp } from '../unit/support/test-app';
import { tempDir } from '../unit/support/temp-dir';
import { allBytes, BACKUP_PASSWORD, backupOffice, SLOW } from '../unit/support/backups';
import { databaseUrlOf, dropDatabaseOf, SERVER_URL } from '../unit/support/pg-databases';
import { postgresKysely } from '../../main/db/dialects';
import { letter } from './support';

const DUMP = 'petition-desk.dump';

/** Summaries of the petitions the admin sees in the list. */
async function summaries(call: (name: 'petitions.list', input: { pageSize: number }) => Promise<{ rows: { summary: string }[] }>): Promise<string[]> {
  return (await call('petitions.list', { pageSize: 100 })).rows.map((r) => r.summary).sort();
}

describe('backups on PostgreSQL', SLOW, () => {
  it('makes the daily backup at its time on the test clock: an encrypted pg_dump that passes its check and is listed', async () => {
    const b = await backupOffice({ now: '2026-11-28 10:00' });
    await b.register('县城供暖管网改造诉求');
    b.t.clock.set(at('2026-11-28 12:29'));
    expect(await b.t.app.backups.runScheduled()).toBeNull();
    b.t.clock.set(at('2026-11-28 12:31'));
    const made = await b.t.app.backups.runScheduled();
    expect(made?.kind).toBe('scheduled');
    expect(made?.verification.ok).toBe(true);
    const folder = made?.folder ?? '';
    // The database went as a dump, encrypted; nothing of it is readable on the stick.
    expect(fs.existsSync(path.join(folder, `${DUMP}.enc`))).toBe(true);
    expect(fs.existsSync(path.join(folder, DUMP))).toBe(false);
    expect(allBytes(folder).includes(Buffer.from('供暖管网'))).toBe(false);

    const listed = await b.t.ok(b.admin, 'backups.list', { folder: null });
    expect(listed.map((l) => [l.folder, l.kind])).toEqual([[folder, 'scheduled']]);
    const status = await b.t.ok(b.admin, 'backups.status.get', {});
    expect(status.lastVerified?.folder).toBe(folder);
    expect(status.lastFailure).toBeNull();
    // The screen says the database is on the server, not a file in the data folder.
    expect(status.store).toBe('postgres');
    const check = await b.t.ok(b.admin, 'backups.verify', { folder, password: BACKUP_PASSWORD });
    expect(check.ok).toBe(true);
    expect(check.summary?.counts.petitions).toBe(1);
    // Verified under the office's key, every row of the chain.
    expect((await b.t.app.backups.verify(folder, BACKUP_PASSWORD)).audit).toMatchObject({ checked: true, ok: true, rows: check.summary?.auditRows });
    await b.t.close();
  });

  it('fails the check of a damaged dump and says what is wrong, and refuses to restore it', async () => {
    const b = await backupOffice();
    await b.register('被损坏的备份');
    const made = await b.t.ok(b.admin, 'backups.create', { targetDir: null });
    const file = path.join(made.folder, `${DUMP}.enc`);
    const bytes = fs.readFileSync(file);
    const middle = Math.floor(bytes.length / 2);
    bytes.writeUInt8(bytes.readUInt8(middle) ^ 0xff, middle);
    fs.writeFileSync(file, bytes);

    const check = await b.t.ok(b.admin, 'backups.verify', { folder: made.folder, password: BACKUP_PASSWORD });
    expect(check.ok).toBe(false);
    expect(check.problems).toEqual([{ code: 'file_changed', message: `文件 ${DUMP} 已损坏或被改动` }]);
    const refused = await b.t.call(b.admin, 'backups.restore', { folder: made.folder, password: BACKUP_PASSWORD });
    expect(refused.ok ? '' : refused.error.message).toContain(`文件 ${DUMP} 已损坏或被改动`);
    expect(await summaries((n, i) => b.t.ok(b.admin, n, i))).toEqual(['被损坏的备份']);
    await b.t.close();
  });

  it('fails the check of a dump that pg_restore cannot read even when its hash was redone', async () => {
    const b = await backupOffice({ encryption: 'off' });
    await b.register('截断的备份');
    const made = await b.t.ok(b.admin, 'backups.create', { targetDir: null });
    // Someone cuts the dump short and redoes its SHA-256 in the plain manifest: only restoring it finds out.
    const file = path.join(made.folder, DUMP);
    const cut = fs.readFileSync(file).subarray(0, 2000);
    fs.writeFileSync(file, cut);
    const manifestFile = path.join(made.folder, 'manifest.json');
    const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as { content: { files: { path: string; sha256: string; bytes: number }[] } };
    const entry = manifest.content.files.find((f) => f.path === DUMP);
    Object.assign(entry ?? {}, { sha256: createHash('sha256').update(cut).digest('hex'), bytes: cut.length });
    fs.writeFileSync(manifestFile, JSON.stringify(manifest));

    const check = await b.t.ok(b.admin, 'backups.verify', { folder: made.folder, password: null });
    expect(check.ok).toBe(false);
    expect(check.problems.map((p) => p.code)).toEqual(['integrity']);
    expect(check.problems[0]?.message).toMatch(/^数据库完整性检查未通过（pg_restore failed: /);
    const refused = await b.t.call(b.admin, 'backups.restore', { folder: made.folder, password: null });
    expect(refused.ok ? '' : refused.error.message).toContain('数据库完整性检查未通过');
    await b.t.close();
  });

  it('restores a backup: petitions deleted after it come back, later ones are gone, the audit chain verifies', async () => {
    const b = await backupOffice();
    await b.register('备份前登记的甲');
    await b.register('备份前登记的乙');
    const made = await b.t.ok(b.admin, 'backups.create', { targetDir: null });
    await b.register('备份后登记的丙');
    // Someone at the server empties the petitions (and what hangs off them) by mistake.
    await sql`TRUNCATE petitions CASCADE`.execute(b.t.app.core.db);
    expect(await summaries((n, i) => b.t.ok(b.admin, n, i))).toEqual([]);

    const restored = await b.t.ok(b.admin, 'backups.restore', { folder: made.folder, password: BACKUP_PASSWORD });
    // Everyone signs in again after a restore.
    expect((await b.t.call(b.admin, 'petitions.list', {})).ok).toBe(false);
    const { token: admin } = await b.t.ok(null, 'auth.login', { username: 'admin', password: ADMIN_PASSWORD });
    expect(await summaries((n, i) => b.t.ok(admin, n, i))).toEqual(['备份前登记的乙', '备份前登记的甲']);
    // The safety copy of the data before the restore is itself a verified backup (of the emptied office).
    const safety = await b.t.ok(admin, 'backups.verify', { folder: restored.safetyCopy, password: BACKUP_PASSWORD });
    expect(safety.ok).toBe(true);
    expect(safety.summary?.counts.petitions).toBe(0);
    const created = await b.t.ok(admin, 'petitions.create', letter({ summary: '恢复后登记的丁' }));
    // The number after the backup's last: the one taken after the backup is free again.
    expect(created.number).toBe('信〔2026〕0003号');
    expect((await b.t.ok(admin, 'audit.verify', {})).ok).toBe(true);
    const status = await b.t.ok(admin, 'backups.status.get', {});
    expect(status.lastRestore).toMatchObject({ from: made.folder, safetyCopy: restored.safetyCopy });
    await b.t.close();
  });

  it('restores from the command line into the county database', async () => {
    const b = await backupOffice({ encryption: 'off' });
    await b.register('命令行恢复的事项');
    const made = await b.t.ok(b.admin, 'backups.create', { targetDir: null });
    await b.register('恢复后不应再有的事项');
    const dataDir = await b.t.closeKeepingFolder();
    const databaseUrl = databaseUrlOf(dataDir);
    try {
      const done = await restoreFromCommandLine({ dataDir, folder: made.folder, password: null, databaseUrl });
      expect(done.summary.counts.petitions).toBe(1);
      expect(done.audit).toMatchObject({ checked: true, ok: true });
      // The data before the restore was dumped aside.
      expect(fs.statSync(path.join(done.safetyCopy ?? '', DUMP)).size).toBeGreaterThan(0);

      const app = await openApp({ dataDir, databaseUrl, clock: new ManualClock(b.t.clock.now()), startScheduler: false });
      try {
        const login = (await app.api.call({ name: 'auth.login', input: { username: 'admin', password: ADMIN_PASSWORD } })) as { ok: true; value: { token: string } };
        const list = (await app.api.call({ name: 'petitions.list', input: {}, session: login.value.token })) as { ok: true; value: { rows: { summary: string }[] } };
        expect(list.value.rows.map((r) => r.summary)).toEqual(['命令行恢复的事项']);
        const verified = (await app.api.call({ name: 'audit.verify', input: {}, session: login.value.token })) as { ok: true; value: { ok: boolean } };
        expect(verified.value.ok).toBe(true);
      } finally {
        await app.close();
      }
    } finally {
      await dropDatabaseOf(dataDir);
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe('backups on PostgreSQL refused', SLOW, () => {
  /** PG_BIN names `dir` for this test only. */
  function programsIn(dir: string): void {
    vi.stubEnv('PG_BIN', dir);
    onTestFinished(() => {
      vi.unstubAllEnvs();
    });
  }

  it('says which programs to install when pg_dump is not there, and writes nothing', async () => {
    const b = await backupOffice({ encryption: 'off' });
    const empty = tempDir('no-programs');
    programsIn(empty);
    const r = await b.t.call(b.admin, 'backups.create', { targetDir: null });
    expect(r.ok ? '' : r.error.message).toMatch(
      new RegExp(`^找不到 PostgreSQL \\d+ 版的备份程序（pg_dump、pg_restore、psql），在“${empty}”中没有：请在服务器上安装 postgresql-client-\\d+，或用环境变量 PG_BIN 指明它们所在的文件夹$`),
    );
    expect(fs.readdirSync(b.target)).toEqual([]);
    // The dashboard keeps the failure for the admin.
    expect((await b.t.ok(b.admin, 'backups.status.get', {})).lastFailure?.message).toContain('找不到 PostgreSQL');
    await b.t.close();
  });

  it('refuses programs of another major version than the server', async () => {
    const b = await backupOffice({ encryption: 'off' });
    const old = tempDir('old-programs');
    for (const program of ['pg_dump', 'pg_restore', 'psql']) {
      fs.writeFileSync(path.join(old, program), `#!/bin/sh\necho "${program} (PostgreSQL) 9.6.24"\n`, { mode: 0o755 });
    }
    programsIn(old);
    const r = await b.t.call(b.admin, 'backups.create', { targetDir: null });
    expect(r.ok ? '' : r.error.message).toMatch(new RegExp(`^“${old}”中的备份程序是 PostgreSQL 9 版，而数据库服务器是 \\d+ 版`));
    expect(fs.readdirSync(b.target)).toEqual([]);
    await b.t.close();
  });

  it('refuses to restore a township’s SQLite backup into the county database, saying why', async () => {
    const township = await testApp({ now: '2026-11-28 10:00', store: 'sqlite' });
    const admin = await township.setup();
    const usb = tempDir('usb');
    await township.ok(admin, 'backups.settings.update', { targetDir: usb, timeOfDay: '12:30', encryption: 'off', password: null });
    const made = await township.ok(admin, 'backups.create', { targetDir: null });
    await township.close();

    const b = await backupOffice({ encryption: 'off' });
    await b.register('县局自己的事项');
    const check = await b.t.ok(b.admin, 'backups.verify', { folder: made.folder, password: null });
    expect(check.problems).toEqual([{ code: 'store_differs', message: '这份备份来自另一种数据库（SQLite），不能恢复到本系统的数据库' }]);
    const r = await b.t.call(b.admin, 'backups.restore', { folder: made.folder, password: null });
    expect(r.ok ? '' : r.error.message).toContain('这份备份来自另一种数据库（SQLite）');
    expect(await summaries((n, i) => b.t.ok(b.admin, n, i))).toEqual(['县局自己的事项']);
    await b.t.close();
  });

  it('says the database user needs the right to create databases, which every check of a backup uses', async () => {
    const b = await backupOffice({ encryption: 'off' });
    const role = `clerk_${randomBytes(4).toString('hex')}`;
    // A user that may read and write the office's tables, as a DBA would grant, but not create databases.
    await sql`CREATE ROLE ${sql.id(role)} LOGIN NOCREATEDB`.execute(b.t.app.core.db);
    await sql`GRANT ALL ON ALL TABLES IN SCHEMA public TO ${sql.id(role)}`.execute(b.t.app.core.db);
    await sql`GRANT ALL ON ALL SEQUENCES IN SCHEMA public TO ${sql.id(role)}`.execute(b.t.app.core.db);
    const dataDir = await b.t.closeKeepingFolder();
    const url = new URL(databaseUrlOf(dataDir) ?? '');
    url.username = role;
    const app = await openApp({ dataDir, databaseUrl: url.toString(), clock: new ManualClock(b.t.clock.now()), startScheduler: false });
    try {
      const login = (await app.api.call({ name: 'auth.login', input: { username: 'admin', password: ADMIN_PASSWORD } })) as { ok: true; value: { token: string } };
      const r = await app.api.call({ name: 'backups.create', input: { targetDir: null }, session: login.value.token });
      expect(r.ok ? '' : r.error.message).toBe('数据库用户没有建库权限（CREATEDB），无法核验备份（每份备份都要先恢复到一个临时数据库中检查）：请数据库管理员执行 ALTER ROLE 用户名 CREATEDB');
      expect(fs.readdirSync(b.target)).toEqual([]);
    } finally {
      await app.close();
      await dropDatabaseOf(dataDir);
      fs.rmSync(dataDir, { recursive: true, force: true });
      const server = postgresKysely(SERVER_URL ?? '', 1);
      await sql`DROP ROLE ${sql.id(role)}`.execute(server).finally(() => server.destroy());
    }
  });
});
