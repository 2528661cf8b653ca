import { test, expect, ADMIN } from './support/fixtures';
import { PetitionList, logInAgain } from './pages/petition-list';

/** Epoch ms of a wall-clock time in Beijing (UTC+8, no DST). */
const beijing = (month: number, day: number, hour: number, minute = 0) => Date.UTC(2026, month - 1, day, hour - 8, minute);
const DAY_MS = 86_400_000;

test('a forward deadline turns amber within three days and red once it has passed, in the list and on the home page', async ({ page, desk }) => {
  const list = new PetitionList(page);
  await desk.setClock(beijing(11, 2, 9));
  await desk.setupOffice();
  const admin = await desk.login(ADMIN.username, ADMIN.password);
  await desk.api(
    'petitions.create',
    {
      channel: 'letter',
      receivedAt: beijing(11, 2, 9),
      petitioners: [{ name: '钱立军', address: '青山镇西村' }],
      peopleCount: 1,
      category: 'claim',
      claimItem: 6,
      summary: '西村灌溉水渠堵塞影响春耕',
      request: '疏通西村灌溉水渠',
    },
    admin,
  );

  // Registered 2 November: forward within 15 days, to 17 November 24:00. On the 14th (the day its 3-day
  // pre-alarm rings) three days are left, counted as the law counts them: the 15th, 16th and 17th.
  await desk.advanceClock(12 * DAY_MS);
  await logInAgain(page, ADMIN.username, ADMIN.password);
  await list.open();
  const badge = list.row('信〔2026〕0001号').getByTestId('deadline-badge');
  await expect(badge).toHaveText('剩3天');
  await expect(badge).toHaveAttribute('style', /orange/);
  await expect(list.row('信〔2026〕0001号')).toContainText('转送交办期限');

  // The morning after the last day it is overdue: red in the list, and counted on the home page.
  await desk.advanceClock(4 * DAY_MS);
  await logInAgain(page, ADMIN.username, ADMIN.password);
  await expect(badge).toHaveText(/^已超期/);
  await expect(badge).toHaveAttribute('style', /red/);
  await page.getByRole('checkbox', { name: '只看已超期' }).check();
  await expect(list.rows()).toHaveCount(1);
  await desk.screenshot('petitions-07-list-overdue');

  await page.getByRole('navigation').getByRole('link', { name: '工作台' }).click();
  await expect(page.getByTestId('stat-/petitions?overdue=1')).toHaveText('1');
  await page.getByTestId('stat-/petitions?overdue=1').click();
  await expect(page.getByRole('checkbox', { name: '只看已超期' })).toBeChecked();
  await expect(list.rows()).toHaveCount(1);
});
