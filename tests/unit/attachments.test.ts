/**
 * Attachments: chosen during intake they are saved with the petition or not at all; only the office's file
 * types are accepted, checked by content as well as name; invalid data and files over the limit are refused
 * with a message that says so; each view and download is in the audit and served only through its ticket;
 * one added by mistake is removed with a reason, the file kept.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { bookOffice, visit, type BookOffice } from './support/book-office';
import { attachmentAnswer } from '../../main/app';

let o: BookOffice;
afterEach(() => o.t.close());

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
const JPG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0xff, 0xd9]);
const EXE = Buffer.from('MZ\x90\x00\x03\x00\x00\x00This program cannot be run in DOS mode', 'binary');
const b64 = (b: Buffer) => b.toString('base64');
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

async function refused(call: () => Promise<{ ok: boolean; error?: { message: string; fields?: Record<string, string> } }>) {
  const before = await o.rows();
  const files = fs.existsSync(path.join(o.t.dataDir, 'attachments')) ? fs.readdirSync(path.join(o.t.dataDir, 'attachments'), { recursive: true }).length : 0;
  const r = await call();
  expect(r.ok).toBe(false);
  expect(await o.rows()).toEqual(before);
  const filesAfter = fs.existsSync(path.join(o.t.dataDir, 'attachments')) ? fs.readdirSync(path.join(o.t.dataDir, 'attachments'), { recursive: true }).length : 0;
  expect(filesAfter).toBe(files);
  return Object.values(r.error?.fields ?? {})[0] ?? r.error?.message;
}

describe('at intake', () => {
  it('a PDF and a JPG are saved in the same transaction as the petition, and open byte for byte through their tickets', async () => {
    o = await bookOffice();
    const clerk = await o.as('clerk1');
    const p = await o.t.ok(clerk, 'petitions.create', { ...visit(), attachments: [{ fileName: '来信原件.pdf', dataBase64: b64(PDF) }, { fileName: '现场照片.JPG', dataBase64: b64(JPG) }] });
    const d = await o.t.ok(clerk, 'petitions.get', { id: p.id });
    expect(d.attachments.map((a) => [a.fileName, a.size, a.sha256, a.view, a.addedBy])).toEqual([
      ['来信原件.pdf', PDF.length, sha(PDF), 'pdf', '李登记'],
      ['现场照片.JPG', JPG.length, sha(JPG), 'image', '李登记'],
    ]);
    const [pdf] = d.attachments;
    const opened = await o.t.ok(clerk, 'petitions.attachments.open', { id: pdf?.id ?? 0, purpose: 'download' });
    const answer = await attachmentAnswer(o.t.app.core, 'GET', opened.url);
    expect(answer.status).toBe(200);
    expect(sha(fs.readFileSync(answer.file ?? ''))).toBe(sha(PDF));
    expect(answer.headers['content-disposition']).toBe(`attachment; filename="____.pdf"; filename*=UTF-8''${encodeURIComponent('来信原件.pdf')}`);
    expect(answer.headers['content-security-policy']).toContain('sandbox');
    const audit = (await o.t.ok(await o.as('admin'), 'audit.list', {})).rows.find((r) => r.action === 'attachment.download');
    expect([audit?.userName, JSON.parse(audit?.after ?? '{}')]).toEqual(['李登记', { attachmentId: pdf?.id, fileName: '来信原件.pdf' }]);

    // A forged or altered ticket opens nothing.
    expect((await attachmentAnswer(o.t.app.core, 'GET', opened.url.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')))).status).toBe(403);
    expect((await attachmentAnswer(o.t.app.core, 'GET', opened.url.replace('.download.', '.view.'))).status).toBe(403);
    expect((await attachmentAnswer(o.t.app.core, 'POST', opened.url)).status).toBe(405);
  });

  it('a refused file refuses the whole registration: no petition, no number used, no file left', async () => {
    o = await bookOffice();
    const clerk = await o.as('clerk1');
    const intake = (file: { fileName: string; dataBase64: string }) => () => o.t.call(clerk, 'petitions.create', { ...visit(), attachments: [{ fileName: '来信.pdf', dataBase64: b64(PDF) }, file] });
    expect(await refused(intake({ fileName: 'setup.exe', dataBase64: b64(EXE) }))).toBe(
      '不能上传“setup.exe”：只接受以下类型的文件：pdf、jpg、jpeg、png、tif、tiff、doc、docx、xls、xlsx、wps、txt、mp3、wav、amr',
    );
    expect(await refused(intake({ fileName: '快捷方式.lnk', dataBase64: b64(Buffer.from('L\0\0\0')) }))).toMatch(/^不能上传“快捷方式.lnk”/);
    expect(await refused(intake({ fileName: '照片.jpg', dataBase64: b64(EXE) }))).toBe('附件“照片.jpg”的内容与文件类型不符（可能被改过扩展名），请上传原始文件');
    expect(await refused(intake({ fileName: '扫描件.pdf', dataBase64: '这不是base64!!' }))).toBe('附件“扫描件.pdf”的数据不完整或已损坏，请重新选择文件上传');
    expect(await refused(intake({ fileName: '空白.pdf', dataBase64: '' }))).toBe('附件“空白.pdf”是空文件，请重新选择');
    const big = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(20 * 1024 * 1024)]);
    expect(await refused(intake({ fileName: '大文件.pdf', dataBase64: b64(big) }))).toBe('附件“大文件.pdf”超过20MB，请压缩后再上传');
    // The number was not used: the next registration is the first.
    expect((await o.t.ok(clerk, 'petitions.create', visit())).number).toBe('信〔2026〕0001号');
  });
});

describe('after registration', () => {
  it('a file added by mistake is removed with a reason: the row says so, the file stays, the audit has it', async () => {
    o = await bookOffice();
    const clerk = await o.as('clerk1');
    const p = await o.t.ok(clerk, 'petitions.create', visit());
    const added = await o.t.ok(clerk, 'petitions.attachments.create', { id: p.id, fileName: '错传.pdf', dataBase64: b64(PDF) });
    expect(await refused(() => o.t.call(clerk, 'petitions.attachments.remove', { id: added.id, reason: '' }))).toBe('请填写移除原因');
    const d = await o.t.ok(clerk, 'petitions.attachments.remove', { id: added.id, reason: '传错了文件' });
    expect(d.attachments[0]).toMatchObject({ fileName: '错传.pdf', removedBy: '李登记', removalReason: '传错了文件' });
    expect(fs.existsSync(path.join(o.t.dataDir, 'attachments', String(p.id), `${sha(PDF)}.pdf`))).toBe(true);
    expect(await refused(() => o.t.call(clerk, 'petitions.attachments.remove', { id: added.id, reason: '再移除' }))).toBe('附件“错传.pdf”已经移除');
    const audit = (await o.t.ok(await o.as('admin'), 'audit.list', {})).rows.find((r) => r.action === 'attachment.remove');
    expect(JSON.parse(audit?.after ?? '{}')).toMatchObject({ fileName: '错传.pdf', reason: '传错了文件' });
  });

  it('a view is in the audit too, and a TIFF scan opens in the viewer as an image to convert', async () => {
    o = await bookOffice();
    const clerk = await o.as('clerk1');
    const p = await o.t.ok(clerk, 'petitions.create', visit());
    const tif = Buffer.from([0x49, 0x49, 0x2a, 0x00, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00]);
    const added = await o.t.ok(clerk, 'petitions.attachments.create', { id: p.id, fileName: '扫描.tif', dataBase64: b64(tif) });
    expect(added.view).toBe('tiff');
    const opened = await o.t.ok(await o.as('duty1'), 'petitions.attachments.open', { id: added.id, purpose: 'view' });
    expect(opened).toMatchObject({ view: 'tiff', fileName: '扫描.tif', sha256: sha(tif) });
    const answer = await attachmentAnswer(o.t.app.core, 'GET', opened.url);
    expect([answer.status, answer.headers['content-type'], answer.headers['content-disposition']?.startsWith('inline')]).toEqual([200, 'image/tiff', true]);
    const audit = (await o.t.ok(await o.as('admin'), 'audit.list', {})).rows.find((r) => r.action === 'attachment.view');
    expect(audit?.userName).toBe('赵值班');
  });
});
