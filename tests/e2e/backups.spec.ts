/**
 * Backups as the admin lives them, one step per test: choosing a backup folder and a password (which the page
 * says cannot be recovered, and offers to print); the daily backup running at its time by itself; the dashboard
 * warning when the USB stick is not there; and a restore from the page that brings the office back to the
 * backup's state, keeps a safety copy of what it replaced, and is in the audit. Earlier steps go through the API.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test, expect, ADMIN, type Desk } from './support/fixtures';

const PASSWORD = '山高水长2026备份';

/** Epoch ms of a wall-clock time in Beijing (UTC+8, no DST). */
const beijing = (month: number, day: number, hour: number, minute = 0) => Date.UTC(2026, month - 1, day, hour - 8, minute);

/** Folders outside the data folder standing for USB sticks; each is removed when its test ends. */
const sticks: string[] = [];

function usbStick(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'petition-desk-e2e-usb-'));
  sticks.push(dir);
  return dir;
}

test.afterEach(() => {
  for (const dir of sticks.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

async function configure(desk: Desk, admin: string, targetDir: string): Promise<void> {
  await desk.api('backups.settings.update', { targetDir, timeOfDay: '12:30', encryption: 'on', password: PASSWORD }, admin);
}

function petition(summary: string, receivedAt: number) {
  return { channel: 'visit', receivedAt, petitioners: [{ name: '李大山', address: '青山镇东村' }], peopleCount: 1, category: 'suggestion', summary, request: '请求处理' };
}

test('the admin chooses a backup folder and a password, is told it cannot be recovered, and is offered the page to print', async ({ page, desk }) => {
  const stick = usbStick();
  await desk.setClock(beijing(11, 2, 9));
  await desk.openAs(ADMIN, { hash: '/admin/backups' });
  await expect(page.getByTestId('backup-warning')).toContainText('还没有设置自动备份');
  await expect(page.getByTestId('data-dir')).toHaveText(desk.dataDir);

  await page.getByLabel('备份文件夹', { exact: true }).fill(stick);
  await page.getByLabel('备份密码', { exact: true }).fill(PASSWORD);
  await page.getByLabel('再次输入备份密码').fill(PASSWORD);
  await expect(page.getByTestId('backup-password-warning')).toContainText('没有这个密码，任何备份都无法恢复');
  await page.getByRole('button', { name: '保存设置' }).click();
  await expect(page.getByText('请先勾选确认')).toBeVisible();
  await page.getByLabel('我已知晓：忘记备份密码，备份就无法恢复').check();
  await page.getByRole('button', { name: '保存设置' }).click();

  const dialog = page.getByRole('dialog', { name: '备份密码已设置' });
  await expect(dialog).toContainText('请现在打印密码页', { timeout: 60_000 });
  await expect(dialog.getByRole('button', { name: '打印密码页' })).toBeVisible();
  await desk.screenshot('backups-password-print');
  await dialog.getByRole('button', { name: '我已妥善保存' }).click();
  // Set up, but nothing verified yet: the next daily time is shown, and the warning says none is verified.
  await expect(page.getByTestId('backup-next')).toContainText('2026-11-02 12:30');
  await expect(page.getByTestId('backup-warning')).toContainText('还没有核验通过的备份');
});

test('the daily backup runs at its time by itself and is verified', async ({ page, desk }) => {
  const stick = usbStick();
  await desk.setClock(beijing(11, 2, 9));
  const admin = await desk.login(ADMIN.username, ADMIN.password);
  await configure(desk, admin, stick);
  await desk.openAs(ADMIN, { hash: '/admin/backups', session: admin });
  await expect(page.getByTestId('backup-last-verified')).toContainText('还没有核验通过的备份');

  await desk.setClock(beijing(11, 2, 12, 31));
  await expect(page.getByTestId('backup-last-verified')).toContainText('2026-11-02 12:31 · 每日备份 · 已加密', { timeout: 60_000 });
  await expect(page.getByTestId('backup-warning')).toHaveCount(0);
  await expect(page.getByTestId('backup-row')).toHaveCount(1);
  await expect(page.getByTestId('backup-row')).toContainText('每日备份');
  await expect(page.getByTestId('backup-next')).toContainText('2026-11-03 12:30');
  await desk.screenshot('backups-page');
  expect(fs.readdirSync(stick).filter((f) => f.startsWith('petition-desk-'))).toHaveLength(1);
});

test('the dashboard warns the admin when the backup folder is missing', async ({ page, desk }) => {
  const stick = usbStick();
  await desk.setClock(beijing(11, 2, 9));
  const admin = await desk.login(ADMIN.username, ADMIN.password);
  await configure(desk, admin, stick);
  await desk.api('backups.create', { targetDir: null }, admin);
  // The stick is pulled out.
  fs.rmSync(stick, { recursive: true, force: true });
  await desk.openAs(ADMIN, { session: admin });
  const warning = page.getByTestId('backup-warning');
  await expect(warning).toContainText(`找不到备份文件夹“${stick}”：请插好U盘或移动硬盘。`);
  await desk.screenshot('backups-dashboard-warning');
  await warning.getByRole('link', { name: '去“数据与备份”' }).click();
  await expect(page.getByRole('heading', { name: '数据与备份' })).toBeVisible();
});

test('a restore from the page brings the office back to the backup, keeps a safety copy, and is in the audit', async ({ page, desk }) => {
  // Three key derivations and three full reads of a backup (check, the safety copy and its check): slow by design.
  test.slow();
  const stick = usbStick();
  await desk.setClock(beijing(11, 2, 9));
  const admin = await desk.login(ADMIN.username, ADMIN.password);
  await configure(desk, admin, stick);
  await desk.api('petitions.create', petition('备份前登记：东村村道破损', beijing(11, 2, 8)), admin);
  const made = await desk.api<{ folder: string }>('backups.create', { targetDir: null }, admin);
  await desk.advanceClock(60 * 60_000);
  await desk.api('petitions.create', petition('备份后登记：西村路灯不亮', beijing(11, 2, 9, 30)), admin);

  await desk.openAs(ADMIN, { hash: '/admin/backups', session: admin });
  await page.getByTestId('backup-row').filter({ hasText: '手动备份' }).getByRole('button', { name: '核验 / 恢复' }).click();
  const dialog = page.getByRole('dialog', { name: '从备份恢复' });
  await dialog.getByLabel('备份密码').fill('不是这个密码2026');
  await dialog.getByRole('button', { name: '核验备份' }).click();
  // Checking derives the key (scrypt, about 128 MB) and reads the whole backup: seconds on a busy machine.
  await expect(dialog.getByTestId('restore-problems')).toContainText('备份密码不对', { timeout: 60_000 });
  await dialog.getByLabel('备份密码').fill(PASSWORD);
  await dialog.getByRole('button', { name: '核验备份' }).click();
  await expect(dialog.getByTestId('restore-verified')).toBeVisible({ timeout: 60_000 });
  await expect(dialog.getByTestId('restore-holds')).toContainText('2026-11-02 09:00');
  await expect(dialog.getByTestId('restore-count-petitions')).toHaveText('信访事项：1');
  await desk.screenshot('backups-restore-dialog');
  await dialog.getByRole('button', { name: '恢复并重启' }).click();

  // Everyone signs in again on the restored office.
  await expect(page.getByRole('button', { name: '登录', exact: true })).toBeVisible({ timeout: 90_000 });
  const again = await desk.login(ADMIN.username, ADMIN.password);
  await desk.openAs(ADMIN, { hash: '/petitions', session: again });
  await expect(page.getByText('备份前登记：东村村道破损')).toBeVisible();
  await expect(page.getByText('备份后登记：西村路灯不亮')).toHaveCount(0);

  const status = await desk.api<{ lastRestore: { safetyCopy: string; from: string } | null }>('backups.status.get', {}, again);
  expect(status.lastRestore?.from).toBe(made.folder);
  const safety = await desk.api<{ ok: boolean; summary: { counts: Record<string, number> } }>('backups.verify', { folder: status.lastRestore?.safetyCopy, password: PASSWORD }, again);
  expect(safety.ok).toBe(true);
  expect(safety.summary.counts.petitions).toBe(2);

  await desk.openAs(ADMIN, { hash: '/admin/audit', session: again });
  await expect(page.getByText('从备份恢复').first()).toBeVisible();
  await desk.openAs(ADMIN, { hash: '/admin/backups', session: again });
  await expect(page.getByTestId('backup-last-restore')).toContainText(status.lastRestore?.safetyCopy ?? '');
  await desk.screenshot('backups-after-restore');
});
