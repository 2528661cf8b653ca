/** Helpers shared by the admin page objects. */
import { expect, type Page } from '@playwright/test';

/** Closes the "saved" toasts, so a screenshot shows the page rather than toasts over its header. */
export async function dismissToasts(page: Page): Promise<void> {
  const toasts = page.locator('.mantine-Notification-root');
  for (const close of await page.locator('.mantine-Notification-closeButton').all()) {
    await close.click().catch(() => undefined);
  }
  await expect(toasts).toHaveCount(0);
  // The pointer rests where the last close button was; park it on the empty foot of the side menu.
  await page.mouse.move(90, 740);
}
