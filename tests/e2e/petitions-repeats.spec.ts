import { test, expect, ADMIN } from './support/fixtures';
import { PetitionIntake, validId } from './pages/petition-intake';
import { PetitionDetailModel } from './pages/petition-detail';

/** Epoch ms of a wall-clock time in Beijing (UTC+8, no DST). */
const beijing = (month: number, day: number, hour: number, minute = 0) => Date.UTC(2026, month - 1, day, hour - 8, minute);

test('a repeat petition is spotted while the clerk types the ID number, and linked to the original', async ({ page, desk }) => {
  const intake = new PetitionIntake(page);
  const detail = new PetitionDetailModel(page);
  const idNumber = validId('36012119660718282');
  await desk.setClock(beijing(11, 20, 10));
  await desk.setupOffice();
  const admin = await desk.login(ADMIN.username, ADMIN.password);
  await desk.api(
    'petitions.create',
    {
      channel: 'visit',
      receivedAt: beijing(11, 3, 9),
      petitioners: [{ name: '冯淑芬', idNumber, address: '青山镇南村' }],
      peopleCount: 1,
      category: 'claim',
      claimItem: 6,
      summary: '南村危房改造补助未发放',
      request: '要求发放危房改造补助资金',
    },
    admin,
  );

  await intake.open();
  await intake.fillPetitioner(1, { name: '冯淑芬', idNumber, address: '青山镇南村' });
  const match = page.getByTestId('duplicate-match');
  await expect(match).toContainText('信〔2026〕0001号');
  await expect(match).toContainText('同一身份证号');
  await expect(match).toContainText('南村危房改造补助未发放');
  await match.getByRole('button', { name: '标记为此件的重复信访' }).click();
  await expect(page.getByTestId('repeat-of')).toContainText('本件将登记为 信〔2026〕0001号 的重复信访');
  await intake.category('申诉求决类');
  await intake.pick('诉求事项', '（六）其他诉求（信访程序办理）');
  await intake.content({ summary: '再次反映危房改造补助未发放', request: '要求尽快发放危房改造补助' });
  await desk.screenshot('petitions-08-intake-repeat');
  await intake.save();

  await expect(detail.number()).toHaveText('信〔2026〕0002号');
  await expect(page.getByTestId('repeat-of')).toHaveText('重复信访：本件为 信〔2026〕0001号 的重复信访');
  await page.getByTestId('repeat-of').getByRole('link').click();
  await expect(detail.number()).toHaveText('信〔2026〕0001号');
  await expect(page.getByTestId('repeats-section')).toContainText('信〔2026〕0002号');
  await expect(page.getByTestId('repeats-section')).toContainText('再次反映危房改造补助未发放');

  // Full numbers are shown on request only, and the look is audited.
  await page.getByRole('button', { name: '显示完整信息：冯淑芬' }).click();
  await expect(page.getByTestId('petitioner')).toContainText(idNumber);
  await expect(page.getByText('已显示冯淑芬的完整信息，本次查看已记入审计日志')).toBeVisible();
});
