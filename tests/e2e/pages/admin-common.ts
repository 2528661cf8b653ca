/** Helpers shared by the admin page objects. */
import type { Page } from '@playwright/test';
import { dismissNotifications } from './petition-detail';

/** Closes the "saved" toasts, so a screenshot shows the page rather than toasts over its header. */
export async function dismissToasts(page: Page): Promise<void> {
  await dismissNotifications(page);
  // Park the pointer on the empty foot of the side menu, so no hover state shows in the screenshot.
  await page.mouse.move(90, 740);
}
