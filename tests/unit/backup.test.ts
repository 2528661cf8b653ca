import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { readBackupSettings, verifyBackup } from '../../main/core/backup';
import { filesUnder } from '../../main/core/storage';
import { at, testApp } from './support/test-app';
import { allBytes, BACKUP_PASSWORD, backupOffice, query, SLOW } from './support/backups';
import { expectRefused } from './support/refusals';
import { tempDir } from './support/temp-dir';

/** A JPEG's first bytes: attachments are checked by content as well as by name. */
const JPEG_START = Buffer.from([0xff, 0xd8, 0xff, 0xe0]);

describe('backup', SLOW, () => {
  it('copies the database and attachments into a dated folder that opens on its own', async () => {
    const t = await testApp({ now: '2026-11-28 15:30' });
    const admin = await t.setup();
    const p = await t.ok(admin, 'petitions.create', {
      channel: 'letter',
      receivedAt: at('2026-11-28 09:00'),
      petitioners: [{ name: '张三', address: '东风村' }],
      peopleCount: 1,
      category: 'suggestion',
      summary: '建议修建村口便民桥',
      request: '建议修桥',
    });
    await t.ok(admin, 'petitions.attachments.create', { id: p.id, fileName: '来信.txt', dataBase64: Buffer.from('来信原文').toString('base64') });
    const target = path.join(path.dirname(t.dataDir), `${path.basename(t.dataDir)}-usb`);
    // Backups are encrypted unless the admin says otherwise; this one reads the plain copy.
    await t.ok(admin, 'backups.settings.update', { targetDir: target, timeOfDay: '12:30', encryption: 'off' });
    const r = await t.ok(admin, 'backups.create', { targetDir: target });
    expect(path.basename(r.folder)).toBe('petition-desk-20261128-153000');
    expect(r.attachments).toBe(1);
    const copy = new SqliteDatabase(path.join(r.folder, 'petition-desk.sqlite'), { readonly: true });
    expect(copy.prepare('SELECT summary FROM petitions').all()).toEqual([{ summary: '建议修建村口便民桥' }]);
    copy.close();
    const audit = await t.ok(admin, 'audit.list', {});
    expect(audit.rows[0]?.action).toBe('backup.create');
    await t.close();
  });

  it('refuses a folder it cannot write, with a message that says what to do', async () => {
    const t = await testApp();
    const admin = await t.setup();
    const file = path.join(path.dirname(t.dataDir), `${path.basename(t.dataDir)}-not-a-folder`);
    fs.writeFileSync(file, 'x');
    const r = await t.call(admin, 'backups.create', { targetDir: path.join(file, 'sub') });
    expectRefused(r, 'invalid_input', '无法写入文件夹');
    const clerk = await t.addUser(admin, 'clerk1', 'clerk');
    const forbidden = await t.call(clerk.token, 'backups.create', { targetDir: null });
    expectRefused(forbidden, 'forbidden');
    await t.close();
  });
});

describe('an encrypted backup', SLOW, () => {
  it('holds no readable data without the password, opens with it, and says what it holds', async () => {
    const b = await backupOffice({ now: '2026-11-28 15:30' });
    const p = await b.register('建议修建村口便民桥');
    await b.t.ok(b.admin, 'petitions.attachments.create', { id: p.id, fileName: '来信.txt', dataBase64: Buffer.from('来信原文：村口的桥').toString('base64') });
    const made = await b.t.ok(b.admin, 'backups.create', { targetDir: null });
    expect(made.encrypted).toBe(true);
    expect(made.verified).toBe(true);

    const everything = allBytes(made.folder);
    expect(everything.includes(Buffer.from('建议修建村口便民桥'))).toBe(false);
    expect(everything.includes(Buffer.from('来信原文'))).toBe(false);
    expect(everything.includes(Buffer.from('SQLite format 3'))).toBe(false);
    expect(fs.readdirSync(made.folder).sort()).toEqual(['attachments', 'manifest.json', 'petition-desk.sqlite.enc']);

    const wrong = await b.t.call(b.admin, 'backups.verify', { folder: made.folder, password: '不是这个密码123' });
    expect(wrong.ok && wrong.value.restorable).toBe(false);
    if (wrong.ok) expect(wrong.value.problems.map((x) => x.message)).toEqual(['备份密码不对，或备份已被改动']);
    const none = await b.t.ok(b.admin, 'backups.verify', { folder: made.folder, password: null });
    expect(none.problems.map((x) => x.code)).toEqual(['password_required']);

    const check = await b.t.ok(b.admin, 'backups.verify', { folder: made.folder, password: BACKUP_PASSWORD });
    expect(check.ok).toBe(true);
    expect(check.summary?.createdAt).toBe(at('2026-11-28 15:30'));
    expect(check.summary?.counts.petitions).toBe(1);
    expect(check.summary?.attachments).toBe(1);
    expect(check.summary?.officeName).toBe('青山镇信访办');
    await b.t.close();
  });

  it('never carries the key that encrypts backups', async () => {
    const b = await backupOffice();
    const made = await b.t.ok(b.admin, 'backups.create', { targetDir: null });
    const out = tempDir('opened');
    const report = await verifyBackup(made.folder, { password: BACKUP_PASSWORD }, { workDir: out, extractTo: out });
    expect(report.ok).toBe(true);
    const [row] = query<{ value: string }>(path.join(out, 'petition-desk.sqlite'), "SELECT value FROM meta WHERE key = 'backup_settings'");
    const settings = JSON.parse(row?.value ?? '{}') as { encryption: unknown; targetDir: string };
    expect(settings.encryption).toBeNull();
    expect(settings.targetDir).toBe(b.target);
    const live = await readBackupSettings(b.t.app.core.db);
    const key = live.encryption?.key ?? 'missing';
    expect(allBytes(made.folder).includes(Buffer.from(key))).toBe(false);
    await b.t.close();
  });
});

describe('checking a backup', SLOW, () => {
  async function madeBackup() {
    const b = await backupOffice();
    const p = await b.register('反映村道破损');
    await b.t.ok(b.admin, 'petitions.attachments.create', { id: p.id, fileName: '照片.jpg', dataBase64: Buffer.concat([JPEG_START, Buffer.from('照片内容')]).toString('base64') });
    const made = await b.t.ok(b.admin, 'backups.create', { targetDir: null });
    return { b, folder: made.folder };
  }

  function flipOneByte(file: string) {
    const bytes = fs.readFileSync(file);
    const i = Math.floor(bytes.length / 2);
    bytes.writeUInt8(bytes.readUInt8(i) ^ 0x01, i);
    fs.writeFileSync(file, bytes);
  }

  it('finds a damaged attachment and refuses to restore it', async () => {
    const { b, folder } = await madeBackup();
    const attachment = filesUnder(path.join(folder, 'attachments'))[0] ?? '';
    flipOneByte(path.join(folder, 'attachments', attachment));
    const check = await b.t.ok(b.admin, 'backups.verify', { folder, password: BACKUP_PASSWORD });
    expect(check.restorable).toBe(false);
    expect(check.problems.map((x) => x.code)).toEqual(['file_changed']);
    const restore = await b.t.call(b.admin, 'backups.restore', { folder, password: BACKUP_PASSWORD });
    expect(restore.ok ? '' : restore.error.message).toContain('这份备份没有通过核验，不能用来恢复');
    // Nothing was staged and nothing changed.
    expect(fs.existsSync(path.join(b.t.dataDir, 'restore'))).toBe(false);
    expect((await b.t.ok(b.admin, 'petitions.list', {})).total).toBe(1);
    await b.t.close();
  });

  it('finds a damaged database copy, and a missing file', async () => {
    const { b, folder } = await madeBackup();
    flipOneByte(path.join(folder, 'petition-desk.sqlite.enc'));
    expect((await b.t.ok(b.admin, 'backups.verify', { folder, password: BACKUP_PASSWORD })).problems.map((x) => x.code)).toEqual(['file_changed']);
    fs.rmSync(path.join(folder, 'petition-desk.sqlite.enc'));
    expect((await b.t.ok(b.admin, 'backups.verify', { folder, password: BACKUP_PASSWORD })).problems.map((x) => x.code)).toEqual(['file_missing']);
    await b.t.close();
  });

  it('copies only attachments that rows reference: never temp files or orphans', async () => {
    const b = await backupOffice({ encryption: 'off' });
    const p = await b.register('反映路灯不亮');
    await b.t.ok(b.admin, 'petitions.attachments.create', { id: p.id, fileName: '说明.txt', dataBase64: Buffer.from('说明').toString('base64') });
    fs.mkdirSync(path.join(b.t.dataDir, 'temp', 'uploads'), { recursive: true });
    fs.writeFileSync(path.join(b.t.dataDir, 'temp', 'uploads', 'abc.partial'), '写了一半的材料');
    fs.writeFileSync(path.join(b.t.dataDir, 'attachments', String(p.id), 'orphan.pdf'), '没有记录的文件');
    const made = await b.t.ok(b.admin, 'backups.create', { targetDir: null });
    expect(filesUnder(made.folder)).toEqual(['attachments/1/' + filesUnder(path.join(b.t.dataDir, 'attachments', '1')).find((f) => f !== 'orphan.pdf'), 'manifest.json', 'petition-desk.sqlite']);
    expect(allBytes(made.folder).includes(Buffer.from('写了一半的材料'))).toBe(false);
    expect(allBytes(made.folder).includes(Buffer.from('没有记录的文件'))).toBe(false);
    await b.t.close();
  });
});
