/**
 * What intake keeps, one behaviour per test: a PDF and a JPG chosen at intake are saved with the petition,
 * open in the in-app viewer, and download byte for byte; a program (.exe) is refused with the rule named; a
 * 10,000-character 诉求 is saved whole, and a 30,000-character one is refused with the limit named.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import { test, expect, type Desk } from './support/fixtures';
import { PetitionIntake } from './pages/petition-intake';
import { PetitionDetailModel, dismissNotifications } from './pages/petition-detail';
import { CLERK, bookOffice } from './support/book-office';
import type { Page } from '@playwright/test';

const sha256 = (data: Buffer) => crypto.createHash('sha256').update(data).digest('hex');

/** The intake form filled in for a letter, all but the files and the request. */
async function fillLetter(page: Page, desk: Desk, request: string): Promise<PetitionIntake> {
  const o = await bookOffice(desk);
  await desk.openAs(CLERK, { session: o.clerk });
  const intake = new PetitionIntake(page);
  await intake.open();
  await intake.fillPetitioner(1, { name: '郑玉兰', address: '青山村3组' });
  await intake.category('申诉求决类');
  await intake.pick('诉求事项', '（六）其他诉求（信访程序办理）');
  await intake.content({ summary: '反映征地补偿款未足额发放', request });
  return intake;
}

/** A real PDF and a real JPEG, made by the browser itself. */
async function scans(page: Page): Promise<{ pdf: Buffer; jpg: Buffer }> {
  await page.setContent('<h1 style="font-size:48px">来信原件</h1><p>青山村村民郑玉兰反映征地补偿款未足额发放。</p>');
  const pdf = await page.pdf({ format: 'A4' });
  const jpg = await page.screenshot({ type: 'jpeg', clip: { x: 0, y: 0, width: 640, height: 360 } });
  return { pdf, jpg };
}

test('a PDF and a JPG attached at intake open in the viewer and download byte for byte', async ({ page, desk }) => {
  const detail = new PetitionDetailModel(page);
  const { pdf, jpg } = await scans(page);
  const intake = await fillLetter(page, desk, '要求补发征地补偿款');
  await page.locator('input[type=file]').setInputFiles([
    { name: '来信原件.pdf', mimeType: 'application/pdf', buffer: pdf },
    { name: '现场照片.jpg', mimeType: 'image/jpeg', buffer: jpg },
  ]);
  await expect(page.getByTestId('pending-attachment')).toHaveCount(2);
  await intake.save();
  await expect(detail.number()).toHaveText('信〔2026〕0001号');
  await expect(page.getByTestId('attachment')).toHaveCount(2);

  await page.getByRole('button', { name: '查看 来信原件.pdf' }).click();
  const viewer = page.getByRole('dialog', { name: '查看附件：来信原件.pdf' });
  await expect(viewer.getByTestId('viewer-page')).toHaveText('第 1 / 1 页');
  await expect(viewer.getByTestId('viewer-canvas')).toBeVisible();
  await expect(viewer.getByText('正在打开…')).toHaveCount(0);
  await dismissNotifications(page);
  await desk.screenshot('book-04-attachment-viewer-pdf');
  await page.keyboard.press('Escape');
  await expect(viewer).toBeHidden();

  await page.getByRole('button', { name: '查看 现场照片.jpg' }).click();
  const photo = page.getByRole('dialog', { name: '查看附件：现场照片.jpg' }).getByTestId('viewer-image');
  await expect(photo).toBeVisible();
  await expect.poll(() => photo.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(640);
  await desk.screenshot('book-05-attachment-viewer-jpg');
  await page.keyboard.press('Escape');

  for (const [name, original] of [['来信原件.pdf', pdf], ['现场照片.jpg', jpg]] as const) {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: `下载 ${name}` }).click()]);
    expect(download.suggestedFilename()).toBe(name);
    expect(sha256(fs.readFileSync(await download.path()))).toBe(sha256(original));
  }
});

test('a program (.exe) is refused with the allowed types named, and nothing is attached', async ({ page, desk }) => {
  await fillLetter(page, desk, '要求补发征地补偿款');
  await page.locator('input[type=file]').setInputFiles({ name: '补偿标准.exe', mimeType: 'application/octet-stream', buffer: Buffer.from('MZ\x90\x00program') });
  await expect(page.getByText('不能上传“补偿标准.exe”：只接受以下类型的文件：pdf、jpg、jpeg、png、tif、tiff、doc、docx、xls、xlsx、wps、txt、mp3、wav、amr')).toBeVisible();
  await expect(page.getByTestId('pending-attachment')).toHaveCount(0);
});

test('a 10,000-character 诉求 is saved whole', async ({ page, desk }) => {
  const detail = new PetitionDetailModel(page);
  const letter = `${'村民反映征地补偿款未足额发放，'.repeat(666)}信的最后一句话到此。`;
  expect(letter.length).toBe(10_000);
  const intake = await fillLetter(page, desk, letter);
  await expect(page.getByTestId('request-counter')).toHaveText('10000 / 20000');
  await intake.save();
  await expect(detail.number()).toHaveText('信〔2026〕0001号');
  await expect(page.getByRole('region', { name: '诉求内容' })).toContainText('信的最后一句话到此。');
  const shown = await page.getByRole('region', { name: '诉求内容' }).textContent();
  expect(shown).toContain(letter);
});

test('a 30,000-character 诉求 is refused with the limit named, and nothing is saved', async ({ page, desk }) => {
  const intake = await fillLetter(page, desk, '征'.repeat(30_000));
  await expect(page.getByTestId('request-counter')).toHaveText('超出10000个字，最多20000个字');
  await intake.save();
  await expect(page.getByText('诉求不能超过20000个字').first()).toBeVisible();
  await expect(page.getByRole('heading', { name: '信访登记' })).toBeVisible();
  await page.getByRole('navigation').getByRole('link', { name: '信访事项' }).click();
  await expect(page.getByTestId('petition-total')).toContainText('0');
});
