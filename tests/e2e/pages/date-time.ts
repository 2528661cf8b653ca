/**
 * The segmented date-time field (DateTimeField) as a clerk types into it: year, month, day, hour and minute,
 * each segment by its label ('收到时间：月').
 *
 * @example
 * await typeDateTime(page, '收到时间', '2026-10-30 16:00');
 */
import type { Page } from '@playwright/test';

export async function typeDateTime(page: Page, label: string, value: string): Promise<void> {
  const m = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})$/.exec(value);
  if (!m) throw new Error(`not a date-time: ${value}`);
  const parts: [string, string][] = [
    ['年', m[1] ?? ''],
    ['月', m[2] ?? ''],
    ['日', m[3] ?? ''],
    ['时', m[4] ?? ''],
    ['分', m[5] ?? ''],
  ];
  for (const [segment, digits] of parts) {
    const input = page.getByLabel(`${label}：${segment}`, { exact: true });
    await input.click();
    await input.press('Control+a');
    await input.press('Backspace');
    await input.pressSequentially(digits);
  }
  await page.keyboard.press('Tab');
}
