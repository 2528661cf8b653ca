/**
 * The app's one date field (components/forms/DateField): typed segment by segment, as a clerk would, and read
 * back from the hidden input that holds its whole value.
 *
 * @example
 * await typeDate(dialog, '开始日期', '2026-03-01');
 * await typeDate(form, '结束时间', '2026-03-12 18:00');
 * await expect(dateValue(form, 'endA')).toHaveValue('2026-03-12 18:00:00');
 */
import type { Locator, Page } from '@playwright/test';

export async function typeDate(scope: Locator | Page, label: string, value: string): Promise<void> {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?: (\d{2}):(\d{2}))?$/.exec(value);
  if (!m) throw new Error(`not a date: ${value}`);
  const parts: [string, string][] = [
    ['年', m[1] ?? ''],
    ['月', m[2] ?? ''],
    ['日', m[3] ?? ''],
  ];
  if (m[4] !== undefined) parts.push(['时', m[4]], ['分', m[5] ?? '']);
  for (const [segment, digits] of parts) {
    const input = scope.getByLabel(`${label}：${segment}`, { exact: true });
    await input.click();
    await input.press('Control+a');
    await input.press('Backspace');
    await input.pressSequentially(digits);
  }
}

/** The hidden input holding a named date field's whole value ('2026-03-12 18:00:00'). */
export function dateValue(scope: Locator | Page, name: string): Locator {
  return scope.locator(`input[type="hidden"][name="${name}"]`);
}
