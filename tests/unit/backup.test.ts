import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { at, testApp } from './support/test-app';
import { expectRefused } from './support/refusals';

describe('backup', () => {
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
    const target = path.join(t.dataDir, 'usb');
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
    const file = path.join(t.dataDir, 'not-a-folder');
    fs.writeFileSync(file, 'x');
    const r = await t.call(admin, 'backups.create', { targetDir: path.join(file, 'sub') });
    expectRefused(r, 'invalid_input', '无法写入文件夹');
    const clerk = await t.addUser(admin, 'clerk1', 'clerk');
    const forbidden = await t.call(clerk.token, 'backups.create', { targetDir: null });
    expectRefused(forbidden, 'forbidden');
    await t.close();
  });
});
