/**
 * Start-up of a file that takes long to open: the page comes at once and says what is happening, then opens by
 * itself. Here the migration waits because another program holds the file's write lock (as a copy or sync tool
 * may), which keeps it waiting for as long as the test needs, on any machine.
 */
import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { Migrator } from 'kysely/migration';
import { migrationProvider } from '../../main/db/migrations';
import { test, expect } from './support/fixtures';

test.use({ office: 'empty' });

/** Replaces the folder's database with one at an older schema, and holds its write lock until released. */
async function olderFileHeld(dataDir: string): Promise<() => void> {
  for (const name of fs.readdirSync(dataDir)) if (name.startsWith('petition-desk.sqlite')) fs.rmSync(path.join(dataDir, name));
  const file = path.join(dataDir, 'petition-desk.sqlite');
  const old = new Kysely<unknown>({ dialect: new SqliteDialect({ database: new SqliteDatabase(file) }) });
  const { error } = await new Migrator({ db: old, provider: migrationProvider }).migrateTo('0010-ledger');
  await old.destroy();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  const holder = new SqliteDatabase(file);
  holder.pragma('journal_mode = WAL');
  holder.exec('BEGIN IMMEDIATE');
  return () => {
    holder.exec('COMMIT');
    holder.close();
  };
}

test('a file that takes long to open shows the start-up screen, then the desk opens by itself', async ({ page, desk }) => {
  let release = () => {};
  await desk.restart(async (dataDir) => {
    release = await olderFileHeld(dataDir);
  });
  try {
    await page.goto(desk.url);
    const screen = page.getByRole('status');
    await expect(screen).toContainText('正在准备数据', { timeout: 30_000 });
    await expect(screen).toContainText('升级数据');
    await expect(screen).toContainText(/第 1 步，共 \d+ 步/);
    await expect(screen).toContainText('请勿关闭本窗口');
    await desk.screenshot('startup-migrating');
  } finally {
    release();
  }
  await expect(page.getByText('首次使用：设置本办公室')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('status')).toHaveCount(0);
});
