/**
 * Restoring a backup: the office comes back exactly as the backup holds it, every record acknowledged before the
 * backup began is there and numbers stay gapless, what came after is gone from the office but kept in the safety
 * copy, the audit records the restore, and a crash in the middle of the swap or an app that will not start are
 * recovered from.
 */
import fs from 'node:fs';
import { createHash } from 'node:crypto';
import SqliteDatabase from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openApp, restoreFromCommandLine } from '../../main/app';
import { ManualClock } from '../../main/core/context';
import { verifyBackup } from '../../main/core/backup';
import { auditCheckLine } from '../../main/host/restore-command';
import { ADMIN_PASSWORD } from './support/test-app';
import { tempDir } from './support/temp-dir';
import { BACKUP_PASSWORD, backupOffice, query, SLOW } from './support/backups';

function liveFile(dataDir: string) {
  return path.join(dataDir, 'petition-desk.sqlite');
}

function seqs(dataDir: string): number[] {
  return query<{ seq: number }>(liveFile(dataDir), 'SELECT seq FROM petitions ORDER BY seq').map((r) => r.seq);
}

describe('a backup made during continuous writes', SLOW, () => {
  it('restores to a working office holding every record acknowledged before it began', async () => {
    const b = await backupOffice();
    const acked: { id: number; number: string; summary: string }[] = [];
    let stop = false;
    const writer = (async () => {
      for (let i = 1; !stop; i++) {
        const summary = `连续登记第${i}件`;
        acked.push({ ...(await b.register(summary)), summary });
        // Each write is its own request, as over the wire: the event loop turns between them.
        await new Promise((r) => setImmediate(r));
      }
    })();
    while (acked.length < 5) await new Promise((r) => setTimeout(r, 10));
    const before = acked.length;
    const made = await b.t.ok(b.admin, 'backups.create', { targetDir: null });
    const whileBacking = acked.length - before;
    stop = true;
    await writer;
    // The writer was not held up while the backup was made.
    expect(whileBacking).toBeGreaterThan(0);
    const holds = (await b.t.ok(b.admin, 'backups.verify', { folder: made.folder, password: BACKUP_PASSWORD })).summary?.counts.petitions ?? 0;
    expect(holds).toBeGreaterThanOrEqual(before);
    expect(holds).toBeLessThan(acked.length);

    await b.t.ok(b.admin, 'backups.restore', { folder: made.folder, password: BACKUP_PASSWORD });
    // Everyone signs in again after a restore.
    expect((await b.t.call(b.admin, 'petitions.list', {})).ok).toBe(false);
    const { token: admin } = await b.t.ok(null, 'auth.login', { username: 'admin', password: ADMIN_PASSWORD });
    const list = await b.t.ok(admin, 'petitions.list', { pageSize: 200 });
    const present = new Set(list.rows.map((r) => r.number));
    for (const a of acked.slice(0, before)) expect(present.has(a.number)).toBe(true);
    for (const a of acked.slice(holds)) expect(present.has(a.number)).toBe(false);
    expect(list.total).toBe(holds);
    expect(seqs(b.t.dataDir)).toEqual(Array.from({ length: holds }, (_, i) => i + 1));

    // A working office: the next petition takes the next number, the audit chain and the file are sound.
    await b.t.ok(admin, 'petitions.create', {
      channel: 'visit',
      receivedAt: b.t.clock.now(),
      petitioners: [{ name: '李四', address: '红旗村' }],
      peopleCount: 1,
      category: 'suggestion',
      summary: '恢复后登记',
      request: '请求处理',
    });
    expect(seqs(b.t.dataDir).at(-1)).toBe(holds + 1);
    expect((await b.t.ok(admin, 'audit.verify', {})).ok).toBe(true);
    expect(query<{ integrity_check: string }>(liveFile(b.t.dataDir), 'PRAGMA integrity_check')).toEqual([{ integrity_check: 'ok' }]);
    await b.t.close();
  });
});

describe('restoring from the app', SLOW, () => {
  it('brings the office back to the backup, keeps a safety copy of what it replaced, and is in the audit', async () => {
    const b = await backupOffice({ now: '2026-11-28 10:00' });
    await b.register('备份前登记的事项');
    const made = await b.t.ok(b.admin, 'backups.create', { targetDir: null });
    b.t.clock.advance(60_000);
    const later = await b.register('备份后登记的事项');

    const restored = await b.t.ok(b.admin, 'backups.restore', { folder: made.folder, password: BACKUP_PASSWORD });
    const { token: admin } = await b.t.ok(null, 'auth.login', { username: 'admin', password: ADMIN_PASSWORD });
    const summaries = (await b.t.ok(admin, 'petitions.list', {})).rows.map((r) => r.summary);
    expect(summaries).toEqual(['备份前登记的事项']);

    // The safety copy is a verified backup of the data as it was, with the later petition.
    const safety = await b.t.ok(admin, 'backups.verify', { folder: restored.safetyCopy, password: BACKUP_PASSWORD });
    expect(safety.ok).toBe(true);
    expect(safety.summary?.kind).toBe('pre_restore');
    expect(safety.summary?.counts.petitions).toBe(2);
    const out = path.join(b.t.dataDir, '..', `${path.basename(b.t.dataDir)}-safety-open`);
    await verifyBackup(restored.safetyCopy, { password: BACKUP_PASSWORD }, { workDir: out, extractTo: out });
    expect(query<{ number: string }>(path.join(out, 'petition-desk.sqlite'), 'SELECT number FROM petitions WHERE id = ?', later.id)).toEqual([{ number: later.number }]);

    const audit = await b.t.ok(admin, 'audit.list', {});
    const restoreRow = audit.rows.find((r) => r.action === 'backup.restore');
    expect(restoreRow?.userName).toBe('王管理');
    expect(JSON.parse(restoreRow?.after ?? '{}')).toMatchObject({ from: made.folder, safetyCopy: restored.safetyCopy, via: 'app' });
    const status = await b.t.ok(admin, 'backups.status.get', {});
    expect(status.lastRestore).toMatchObject({ from: made.folder, safetyCopy: restored.safetyCopy, by: '王管理' });
    // The backup settings (and the key) carried over: the restored office backs up as before.
    expect(status.encryption).toBe('on');
    expect((await b.t.ok(admin, 'backups.create', { targetDir: null })).verified).toBe(true);
    await b.t.close();
  });

  it('refuses a wrong password and changes nothing', async () => {
    const b = await backupOffice();
    await b.register('原有事项');
    const made = await b.t.ok(b.admin, 'backups.create', { targetDir: null });
    await b.register('新事项');
    const r = await b.t.call(b.admin, 'backups.restore', { folder: made.folder, password: 'wrong-password-1' });
    expect(r.ok ? null : r.error.fields?.password).toBe('备份密码不对。没有正确的密码，这份备份无法恢复');
    expect((await b.t.ok(b.admin, 'petitions.list', {})).total).toBe(2);
    expect(fs.existsSync(path.join(b.t.dataDir, 'restore'))).toBe(false);
    await b.t.close();
  });
});

describe('a restore cut short', SLOW, () => {
  it('finishes at the next start when the app stopped in the middle of swapping the files', async () => {
    const b = await backupOffice();
    await b.register('备份里的事项');
    const made = await b.t.ok(b.admin, 'backups.create', { targetDir: null });
    await b.register('备份后的事项');
    await b.t.closeKeepingFolder();
    // An app whose shell relaunches: the restore is staged, and the "relaunch" never comes.
    const clock = new ManualClock(b.t.clock.now());
    const staging = await openApp({ dataDir: b.t.dataDir, clock, startScheduler: false, relaunch: () => undefined });
    const { value: { token } } = (await staging.api.call({ name: 'auth.login', input: { username: 'admin', password: ADMIN_PASSWORD } })) as { ok: true; value: { token: string } };
    const staged = await staging.api.call({ name: 'backups.restore', input: { folder: made.folder, password: BACKUP_PASSWORD }, session: token });
    expect(staged).toMatchObject({ ok: true });
    await staging.close();
    // The crash: the live database was moved aside, the note not yet updated, the staged copy not yet moved in.
    fs.mkdirSync(path.join(b.t.dataDir, 'restore', 'replaced'), { recursive: true });
    fs.renameSync(liveFile(b.t.dataDir), path.join(b.t.dataDir, 'restore', 'replaced', 'petition-desk.sqlite'));

    const app = await openApp({ dataDir: b.t.dataDir, clock, startScheduler: false });
    const login = (await app.api.call({ name: 'auth.login', input: { username: 'admin', password: ADMIN_PASSWORD } })) as { ok: true; value: { token: string } };
    const list = (await app.api.call({ name: 'petitions.list', input: {}, session: login.value.token })) as { ok: true; value: { rows: { summary: string }[] } };
    expect(list.value.rows.map((r) => r.summary)).toEqual(['备份里的事项']);
    expect(fs.existsSync(path.join(b.t.dataDir, 'restore'))).toBe(false);
    await app.close();
  });
});

describe('restoring from the command line', SLOW, () => {
  it('brings back an office whose database no longer opens, and keeps the damaged files', async () => {
    const b = await backupOffice({ encryption: 'off' });
    await b.register('命令行恢复的事项');
    const made = await b.t.ok(b.admin, 'backups.create', { targetDir: null });
    await b.t.closeKeepingFolder();
    fs.writeFileSync(liveFile(b.t.dataDir), 'this is not a database any more');
    fs.rmSync(`${liveFile(b.t.dataDir)}-wal`, { force: true });
    await expect(openApp({ dataDir: b.t.dataDir, startScheduler: false })).rejects.toThrow();

    const done = await restoreFromCommandLine({ dataDir: b.t.dataDir, folder: made.folder, password: null });
    expect(done.summary.counts.petitions).toBe(1);
    expect(fs.readFileSync(path.join(done.safetyCopy ?? '', 'petition-desk.sqlite'), 'utf8')).toBe('this is not a database any more');

    const app = await openApp({ dataDir: b.t.dataDir, clock: new ManualClock(b.t.clock.now()), startScheduler: false });
    const login = (await app.api.call({ name: 'auth.login', input: { username: 'admin', password: ADMIN_PASSWORD } })) as { ok: true; value: { token: string } };
    const list = (await app.api.call({ name: 'petitions.list', input: {}, session: login.value.token })) as { ok: true; value: { rows: { summary: string }[] } };
    expect(list.value.rows.map((r) => r.summary)).toEqual(['命令行恢复的事项']);
    const audit = (await app.api.call({ name: 'audit.list', input: {}, session: login.value.token })) as { ok: true; value: { rows: { action: string; after: string | null }[] } };
    const row = audit.value.rows.find((r) => r.action === 'backup.restore');
    expect(JSON.parse(row?.after ?? '{}')).toMatchObject({ via: 'command_line', safetyCopy: done.safetyCopy });
    await app.close();
    // This PC holds the office's key (the test key folder): every record of the copy was verified, and it says so.
    expect(done.audit).toMatchObject({ checked: true, ok: true });
    expect(done.audit.rows).toBe(done.summary.auditRows);
    expect(auditCheckLine(done.audit)).toBe(
      `审计链：已用本机保存的审计密钥逐条核验备份中的 ${done.summary.auditRows} 条审计记录，完好 / audit chain: all ${done.summary.auditRows} records of the backup verified with the audit key kept on this PC, intact`,
    );
  });

  it('finds a backup’s audit row edited and its hashes redone when this PC has the key, and says it checked only the head when it has not', async () => {
    const b = await backupOffice({ encryption: 'off' });
    await b.register('审计被改的备份');
    const made = await b.t.ok(b.admin, 'backups.create', { targetDir: null });
    await b.t.closeKeepingFolder();
    // Someone with the USB stick edits who did something, and redoes the file's SHA-256 in the plain manifest.
    const copyFile = path.join(made.folder, 'petition-desk.sqlite');
    const db = new SqliteDatabase(copyFile);
    db.prepare("UPDATE audit SET user_name = '别人' WHERE id = 2").run();
    db.close();
    const manifestFile = path.join(made.folder, 'manifest.json');
    const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as { content: { files: { path: string; sha256: string; bytes: number }[] } };
    const entry = manifest.content.files.find((f) => f.path === 'petition-desk.sqlite');
    if (!entry) throw new Error('no database entry');
    const bytes = fs.readFileSync(copyFile);
    Object.assign(entry, { sha256: createHash('sha256').update(bytes).digest('hex'), bytes: bytes.length });
    fs.writeFileSync(manifestFile, JSON.stringify(manifest));

    // Elsewhere, without the key: the head still matches the manifest, so only that is said to be checked.
    const elsewhere = await restoreFromCommandLine({ dataDir: tempDir('other-pc'), folder: made.folder, password: null, auditKey: { dir: tempDir('no-keys') } });
    expect(elsewhere.audit.checked).toBe(false);
    expect(elsewhere.problems).toEqual([]);
    expect(auditCheckLine(elsewhere.audit)).toBe(
      '审计链：本机没有这个办公室的审计密钥，只核对了末条审计记录与备份清单一致，未逐条核验 / audit chain: this PC has no audit key for this office; only the last audit record was compared with the backup’s manifest, not every record',
    );

    // On the office's PC, with its key: the edited row is found.
    const here = await restoreFromCommandLine({ dataDir: b.t.dataDir, folder: made.folder, password: null });
    expect(here.audit).toMatchObject({ checked: true, ok: false, brokenAt: 2 });
    expect(here.problems).toEqual(['audit_broken']);
    expect(auditCheckLine(here.audit)).toContain('备份中的审计链在第2条处对不上');
  });
});
