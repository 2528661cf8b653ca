/**
 * Backups that happen by themselves, and the files a crash leaves: the daily backup runs once its time has come
 * (not when the settings are saved), rotation keeps 7 daily, 4 weekly and 12 monthly, the dashboard's warning
 * says when the stick is out or nothing was verified for two days, bad settings are refused with what to fix,
 * and at start-up half-written uploads and files no record references go to quarantine, reported, not deleted.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { backupsToRemove, type Rotatable } from '../../main/core/backup';
import { filesUnder } from '../../main/core/storage';
import { ADMIN_PASSWORD, at } from './support/test-app';
import { backupOffice, SLOW } from './support/backups';
import { expectRefused } from './support/refusals';

/** A JPEG's first bytes: attachments are checked by content as well as by name. */
const JPEG_START = Buffer.from([0xff, 0xd8, 0xff, 0xe0]);

describe('the daily backup', SLOW, () => {
  it('runs once its time has come, not when the settings are saved, and then the next day', async () => {
    const b = await backupOffice({ now: '2026-11-28 10:00', timeOfDay: '12:30' });
    expect(await b.t.app.backups.runScheduled()).toBeNull();
    const before = await b.t.ok(b.admin, 'backups.status.get', {});
    expect(before).toMatchObject({ warning: 'stale', lastVerified: null, nextAt: at('2026-11-28 12:30') });

    b.t.clock.set(at('2026-11-28 12:31'));
    const made = await b.t.app.backups.runScheduled();
    expect(made?.kind).toBe('scheduled');
    expect(await b.t.app.backups.runScheduled()).toBeNull();
    const after = await b.t.ok(b.admin, 'backups.status.get', {});
    expect(after).toMatchObject({ warning: 'none', lastVerified: { at: at('2026-11-28 12:31'), kind: 'scheduled', encrypted: true }, nextAt: at('2026-11-29 12:30') });
    const audit = await b.t.ok(b.admin, 'audit.list', {});
    // Nobody clicked: the audit names the system.
    expect(audit.rows.find((r) => r.action === 'backup.create')?.userName).toBe('系统');

    // Two days and more without a verified backup: the dashboard says so.
    b.t.clock.set(at('2026-11-30 12:32'));
    const { token: admin } = await b.t.ok(null, 'auth.login', { username: 'admin', password: ADMIN_PASSWORD });
    expect((await b.t.ok(admin, 'backups.status.get', {})).warning).toBe('stale');
    await b.t.close();
  });

  it('with the stick out, fails, warns and tries again later instead of writing to the system drive', async () => {
    const b = await backupOffice({ now: '2026-11-28 10:00' });
    fs.rmSync(b.target, { recursive: true, force: true });
    expect((await b.t.ok(b.admin, 'backups.status.get', {})).warning).toBe('target_missing');
    b.t.clock.set(at('2026-11-28 12:31'));
    expect(await b.t.app.backups.runScheduled()).toBeNull();
    expect(fs.existsSync(b.target)).toBe(false);
    const status = await b.t.ok(b.admin, 'backups.status.get', {});
    expect(status.lastFailure?.message).toContain('找不到备份文件夹');
    // The next try is half an hour later.
    expect(status.nextAt).toBe(at('2026-11-28 13:01'));
    await b.t.close();
  });
});

describe('rotation', () => {
  it('keeps the newest of each of the last 7 days, 4 weeks and 12 months, and never an admin’s own backup', () => {
    // Every day from 2026-01-01 to 2026-11-28 at 12:30, one more at exit that evening, and a manual one long ago.
    const backups: Rotatable[] = [
      { folder: '2026-01-05-manual', createdAt: at('2026-01-05 09:00'), kind: 'manual' },
      { folder: '2026-11-28-exit', createdAt: at('2026-11-28 18:00'), kind: 'exit' },
    ];
    for (let t = at('2026-01-01 12:30'); t <= at('2026-11-28 12:30'); t += 86_400_000) {
      backups.push({ folder: new Date(t + 8 * 3600_000).toISOString().slice(0, 10), createdAt: t, kind: 'scheduled' });
    }
    const removed = new Set(backupsToRemove(backups, 'Asia/Shanghai'));
    const kept = backups.filter((b) => !removed.has(b.folder)).map((b) => b.folder);
    expect(kept).toContain('2026-01-05-manual');
    // The exit backup is the newest of 11-28; the daily one of that day goes.
    expect(kept).toContain('2026-11-28-exit');
    expect(kept).not.toContain('2026-11-28');
    for (const d of ['2026-11-27', '2026-11-26', '2026-11-25', '2026-11-24', '2026-11-23', '2026-11-22']) expect(kept).toContain(d);
    expect(kept).not.toContain('2026-11-21');
    // The newest of each of the last 4 weeks (Monday to Sunday), then of each of the last 12 months (back to January).
    expect(kept).toEqual(expect.arrayContaining(['2026-11-15', '2026-11-08', '2026-10-31', '2026-09-30', '2026-02-28', '2026-01-31']));
    expect(kept).not.toContain('2026-11-01');
    // The manual one, 7 days, 2 more weeks (the other 2 are among the days), 10 more months (November is a day).
    expect(kept).toHaveLength(1 + 7 + 2 + 10);
  });
});

describe('backup settings', SLOW, () => {
  it('refuse a relative folder, one inside the data folder, a bad time and a short password, and change nothing', async () => {
    const b = await backupOffice();
    const good = { targetDir: b.target, timeOfDay: '12:30', encryption: 'on' as const, password: null };
    expectRefused(await b.t.call(b.admin, 'backups.settings.update', { ...good, targetDir: '信访备份' }), 'invalid_input', '请填写完整的文件夹路径');
    expectRefused(await b.t.call(b.admin, 'backups.settings.update', { ...good, targetDir: path.join(b.t.dataDir, 'backups') }), 'invalid_input', '备份文件夹不能放在数据文件夹里面');
    expectRefused(await b.t.call(b.admin, 'backups.settings.update', { ...good, timeOfDay: '24:00' }), 'invalid_input', '每日备份时间应为 00:00 到 23:59 之间');
    expectRefused(await b.t.call(b.admin, 'backups.settings.update', { ...good, password: '1234567' }), 'invalid_input', '备份密码至少8个字符');
    const status = await b.t.ok(b.admin, 'backups.status.get', {});
    expect(status).toMatchObject({ targetDir: b.target, timeOfDay: '12:30', encryption: 'on' });
    const audit = await b.t.ok(b.admin, 'audit.list', {});
    expect(audit.rows.filter((r) => r.action === 'backup.settings')).toHaveLength(1);
    await b.t.close();
  });
});

describe('files a crash leaves behind', SLOW, () => {
  it('are moved to quarantine at the next start, reported to the admin, and never deleted', async () => {
    const b = await backupOffice({ encryption: 'off' });
    const p = await b.register('反映村道破损');
    await b.t.ok(b.admin, 'petitions.attachments.create', { id: p.id, fileName: '照片.jpg', dataBase64: Buffer.concat([JPEG_START, Buffer.from('照片')]).toString('base64') });
    const uploads = path.join(b.t.dataDir, 'temp', 'uploads');
    fs.mkdirSync(uploads, { recursive: true });
    fs.writeFileSync(path.join(uploads, 'cut-short.partial'), '写了一半的材料');
    fs.writeFileSync(path.join(b.t.dataDir, 'attachments', String(p.id), 'no-row.pdf'), '没有记录的文件');
    const kept = filesUnder(path.join(b.t.dataDir, 'attachments'));

    const t = await b.t.reopen('2026-11-28 11:00');
    const { token: admin } = await t.ok(null, 'auth.login', { username: 'admin', password: ADMIN_PASSWORD });
    expect(filesUnder(path.join(t.dataDir, 'attachments'))).toEqual(kept.filter((f) => !f.endsWith('no-row.pdf')));
    expect(filesUnder(uploads)).toEqual([]);
    const status = await t.ok(admin, 'backups.status.get', {});
    expect(status.quarantine).toMatchObject({ fromTemp: 1, unreferenced: 1, missing: 0, dismissed: false });
    const moved = filesUnder(status.quarantine?.folder ?? '');
    expect(moved).toEqual([`attachments/${p.id}/no-row.pdf`, 'uploads/cut-short.partial']);
    expect(fs.readFileSync(path.join(status.quarantine?.folder ?? '', 'uploads', 'cut-short.partial'), 'utf8')).toBe('写了一半的材料');
    expect((await t.ok(admin, 'audit.list', {})).rows.some((r) => r.action === 'files.quarantine')).toBe(true);

    expect((await t.ok(admin, 'backups.quarantine.dismiss', {})).quarantine).toBeNull();
    // A record whose file is still there opens as before.
    expect((await t.ok(admin, 'petitions.get', { id: p.id })).attachments).toHaveLength(1);
    await t.close();
  });
});
