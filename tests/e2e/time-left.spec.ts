/**
 * One deadline, one reading: the petitions list, the petition's page, the dashboard, the alarm banner and the
 * handover sheet say the same time left for the same deadline, at each clock setting around its thresholds.
 *
 * The letter is registered 2 November; its 转送交办期限 (15 days) ends 17 November at 24:00. The default
 * pre-alarms ring at 09:00 three days, one day and on the last day before it ends.
 */
import { test, expect, ADMIN } from './support/fixtures';
import { PetitionList, logInAgain } from './pages/petition-list';
import { PetitionDetailModel } from './pages/petition-detail';
import { Dashboard } from './pages/dashboard';
import { AlarmBannerModel } from './pages/alarm-banner';
import { HandoverPage } from './pages/duty-handover';
import type { Desk } from './support/fixtures';
import type { Page } from '@playwright/test';

const beijing = (month: number, day: number, hour: number, minute = 0) => Date.UTC(2026, month - 1, day, hour - 8, minute);
const OFFICER = { username: 'duty1', displayName: '赵值班', password: 'Passw0rd1' } as const;
const NUMBER = '信〔2026〕0001号';

async function arrange(page: Page, desk: Desk): Promise<number> {
  await desk.setClock(beijing(11, 2, 9));
  await desk.setupOffice();
  const admin = await desk.login(ADMIN.username, ADMIN.password);
  const roles = await desk.api<{ id: number; key: string }[]>('duty.roles.list', {}, admin);
  const officer = await desk.api<{ id: number }>('users.create', { ...OFFICER, role: 'duty_officer' }, admin);
  await desk.api('duty.rotations.create', { name: '值班员轮班', roleId: roles.find((r) => r.key === 'officer')?.id, pattern: 'daily', startDate: '2026-11-01', members: [officer.id] }, admin);
  const petition = await desk.api<{ id: number }>(
    'petitions.create',
    {
      channel: 'letter',
      receivedAt: beijing(11, 2, 8, 30),
      // No address: no 受理告知 is owed, so the forward period is its only deadline.
      petitioners: [{ name: '钱立军' }],
      peopleCount: 1,
      category: 'claim',
      claimItem: 6,
      summary: '西村灌溉水渠堵塞影响春耕',
      request: '疏通西村灌溉水渠',
    },
    admin,
  );
  return petition.id;
}

/** Moves the office clock (the session ends after 12 idle hours, as overnight) and logs in as the officer. */
async function at(page: Page, desk: Desk, ms: number): Promise<void> {
  await desk.setClock(ms);
  await page.reload();
  await logInAgain(page, OFFICER.username, OFFICER.password);
}

const SETTINGS = [
  // Thursday evening: four days left (the 14th is not yet here), not "due soon", no alarm.
  { name: '11-13 20:00', clock: beijing(11, 13, 20), text: '剩4天', dueSoon: '0', overdue: '0', alarm: null, handover: null },
  // The morning the 3-day pre-alarm rings: three days left everywhere, and counted as due soon.
  { name: '11-14 09:01', clock: beijing(11, 14, 9, 1), text: '剩3天', dueSoon: '1', overdue: '0', alarm: '预提醒 3天', handover: null },
  // The last day: hours only, and on the handover sheet under "24小时内到期".
  { name: '11-17 09:01', clock: beijing(11, 17, 9, 1), text: '今日24时到期，剩14小时59分', dueSoon: '1', overdue: '0', alarm: '预提醒 当天', handover: 'handover-due' },
  // Five minutes after 24:00: five minutes overdue, not an hour; under "已超期" on the handover sheet.
  { name: '11-18 00:05', clock: beijing(11, 18, 0, 5), text: '已超期5分钟', dueSoon: '0', overdue: '1', alarm: '到期提醒', handover: 'handover-overdue' },
] as const;

for (const s of SETTINGS) {
  test(`at ${s.name} the list, the petition, the dashboard, the alarm and the handover all read ${s.text}`, async ({ page, desk }) => {
    const id = await arrange(page, desk);
    await at(page, desk, s.clock);

    const list = new PetitionList(page);
    await list.open();
    await expect(list.row(NUMBER).getByTestId('deadline-badge')).toHaveText(s.text);

    await page.goto(`${desk.url.split('#')[0]}#/petitions/${id}`);
    await expect(new PetitionDetailModel(page).deadline('转送交办期限').getByTestId('deadline-badge')).toHaveText(s.text);

    const home = new Dashboard(page);
    await home.open();
    await expect(home.figure('stat-/petitions?sort=due')).toHaveText(s.dueSoon);
    await expect(home.figure('stat-/petitions?overdue=1')).toHaveText(s.overdue);

    const banner = new AlarmBannerModel(page);
    if (s.alarm === null) {
      await expect(banner.root).toHaveCount(0);
    } else {
      await expect(banner.root.getByTestId('alarm-banner-countdown')).toHaveText(s.text);
      await expect(banner.root).toContainText(s.alarm);
    }

    const handover = new HandoverPage(page);
    await handover.open();
    if (s.alarm !== null) await expect(page.getByTestId('handover-alarm').first()).toContainText(s.text);
    await expect(page.getByTestId('handover-due')).toHaveCount(s.handover === 'handover-due' ? 1 : 0);
    await expect(page.getByTestId('handover-overdue')).toHaveCount(s.handover === 'handover-overdue' ? 1 : 0);
    if (s.handover !== null) await expect(page.getByTestId(s.handover)).toContainText(s.text);
    if (s.handover === 'handover-overdue') await desk.screenshot('handover');
  });
}
