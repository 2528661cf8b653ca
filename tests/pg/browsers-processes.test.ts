/**
 * The county edition with two people at once, each on a browser connected to a different server process over one
 * PostgreSQL database: a clerk's request for an extension reaches the leader's 待审批 without a reload, and the
 * leader's approval reaches the clerk's screen the same way (a push goes from one process to the other by
 * LISTEN/NOTIFY); twenty clerks registering at one moment through both processes get twenty numbers without a gap.
 *
 * Run inside Vitest with playwright-core and Debian's Chromium (the flags of playwright.config.ts), so that
 * `npm run test:pg` stays one runner against its one throwaway server; the two people are two browser contexts
 * of one Chromium, which share nothing (each its own storage, as two PCs).
 */
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, OFFICE } from '../e2e/support/office-template';
import { countyOffice, type CountyOffice, type ServerProcess } from './server-processes';

/** Monday 2026-11-02 09:00 in Beijing. */
const START = Date.UTC(2026, 10, 2, 1);
const CLERKS = 20;
const SEEN_WITHIN_MS = 15_000;
/** Where the renderer keeps the session in the tab (renderer/src/api/client.ts). */
const SESSION_KEY = 'petition-desk.session';
const CLERK = { username: 'clerk1', displayName: '李登记', role: 'clerk' } as const;
const LEADER = { username: 'leader1', displayName: '张镇长', role: 'leader' } as const;
const PASSWORD = 'Passw0rd1';

let office: CountyOffice;
let a: ServerProcess;
let b: ServerProcess;
let admin: string;
let browser: Browser;

beforeAll(async () => {
  office = await countyOffice();
  a = await office.start(START);
  ({ token: admin } = await a.call<{ token: string }>('setup.create', { ...OFFICE, admin: { username: ADMIN.username, displayName: ADMIN.displayName, password: ADMIN.password } }));
  b = await office.start(START);
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-dev-shm-usage'],
  });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await office?.close();
});

/** A person the admin adds, past their first login (they chose their own password); their session. */
async function person(who: typeof CLERK | typeof LEADER): Promise<{ id: number; session: string }> {
  const { id } = await a.call<{ id: number }>('users.create', { ...who, password: `${PASSWORD}-first` }, admin);
  const first = await a.call<{ token: string }>('auth.login', { username: who.username, password: `${PASSWORD}-first` });
  await a.call('auth.changePassword', { oldPassword: `${PASSWORD}-first`, newPassword: PASSWORD }, first.token);
  const { token } = await a.call<{ token: string }>('auth.login', { username: who.username, password: PASSWORD });
  return { id, session: token };
}

/** A browser of its own opened on `server`'s address at `hash`, signed in with `session` as if the person had typed it. */
async function openOn(server: ServerProcess, session: string, hash: string, displayName: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  await context.addInitScript(
    ({ key, value }) => {
      if (!sessionStorage.getItem(key)) sessionStorage.setItem(key, value);
    },
    { key: SESSION_KEY, value: session },
  );
  const page = await context.newPage();
  await page.goto(`${server.url}#${hash}`);
  await page.getByTestId('current-user').filter({ hasText: displayName }).waitFor();
  // Gone if the page loads again: what the person sees next must have come by push.
  await page.evaluate(() => ((window as { notReloaded?: boolean }).notReloaded = true));
  return page;
}

async function stillTheSamePage(page: Page): Promise<boolean> {
  return page.evaluate(() => (window as { notReloaded?: boolean }).notReloaded === true);
}

describe('two browsers on two server processes of one PostgreSQL database', () => {
  it('the leader on the other process sees the extension arrive and approves; the clerk sees the approval, neither reloading', async () => {
    const clerk = await person(CLERK);
    const leader = await person(LEADER);
    const { id: unitId } = await a.call<{ id: number }>('units.create', { name: '青山村', kind: 'village' }, admin);
    const p = await a.call<{ id: number; number: string }>(
      'petitions.create',
      {
        channel: 'letter',
        receivedAt: Date.UTC(2026, 10, 2, 0, 30),
        petitioners: [{ name: '郑玉兰', address: '青山村3组' }],
        peopleCount: 1,
        category: 'claim',
        claimItem: 6,
        unitId,
        summary: '反映征地补偿款未足额发放',
        request: '要求补发征地补偿款',
      },
      clerk.session,
    );
    await a.call('petitions.transition', { id: p.id, action: 'accept' }, clerk.session);
    await a.call('petitions.transition', { id: p.id, action: 'start_handling', unitId, leaderId: leader.id }, clerk.session);

    const leaderPage = await openOn(b, leader.session, '/approvals', LEADER.displayName);
    await leaderPage.getByTestId('approvals-empty').waitFor();
    const clerkPage = await openOn(a, clerk.session, `/petitions/${p.id}`, CLERK.displayName);
    const status = clerkPage.getByRole('heading', { level: 3 }).locator('..').getByTestId('status-badge');
    await expect.poll(() => status.textContent()).toBe('办理中');

    await clerkPage.getByRole('button', { name: '延期', exact: true }).click();
    const dialog = clerkPage.getByRole('dialog', { name: '申请延长办理期限' });
    await dialog.getByRole('textbox', { name: '延长天数' }).fill('20');
    await dialog.getByRole('textbox', { name: '延期理由（须告知信访人）' }).fill('需向县社保局核实缴费记录，已告知信访人');
    await dialog.getByRole('button', { name: '提交领导审批' }).click();
    await dialog.waitFor({ state: 'hidden' });

    // On the other process's browser, without a reload.
    const card = leaderPage.getByTestId('approval').filter({ hasText: p.number });
    await card.waitFor({ timeout: SEEN_WITHIN_MS });
    expect(await card.textContent()).toContain('延长 20 日');
    await card.getByRole('button', { name: '批准' }).click();
    await leaderPage.getByRole('dialog', { name: '批准“延期办理”申请' }).getByRole('button', { name: '批准' }).click();
    await leaderPage.getByTestId('approvals-empty').waitFor();

    // Back on the clerk's browser, without a reload.
    await expect.poll(() => status.textContent(), { timeout: SEEN_WITHIN_MS }).toBe('已延期');
    expect(await stillTheSamePage(clerkPage)).toBe(true);
    expect(await stillTheSamePage(leaderPage)).toBe(true);
  }, 90_000);

  it('tells an administrator on either process which one rings the alarms; a clerk may not ask', async () => {
    const { token } = await b.call<{ token: string }>('auth.login', { username: ADMIN.username, password: ADMIN.password });
    const page = await openOn(b, token, '/alarms/settings', ADMIN.displayName);
    const line = page.getByTestId('alarm-scheduler');
    await expect.poll(() => line.textContent()).toMatch(new RegExp(`^提醒由另一服务器进程发出：.+ pid ${a.pid}。本页所连的进程（.+ pid ${b.pid}）待命`));
    const clerk = await b.call<{ token: string }>('auth.login', { username: CLERK.username, password: PASSWORD });
    await expect(b.call('alarms.scheduler.get', {}, clerk.token)).rejects.toThrow('您的账号（登记员）无权进行此操作');
  }, 60_000);

  it('twenty registrations at one moment through both processes get twenty distinct numbers without a gap', async () => {
    const before = await a.call<{ total: number }>('petitions.list', { pageSize: 1 }, admin);
    const numbers = await Promise.all(
      Array.from({ length: CLERKS }, async (_, i) => {
        const p = await (i % 2 === 0 ? a : b).call<{ number: string }>(
          'petitions.create',
          {
            channel: 'letter',
            receivedAt: Date.UTC(2026, 10, 2, 0, 30),
            petitioners: [{ name: `来信人${i + 1}`, address: '东风村' }],
            peopleCount: 1,
            category: 'suggestion',
            summary: `第${i + 1}位登记员登记的来信`,
            request: '请求修桥',
          },
          admin,
        );
        return p.number;
      }),
    );
    const expected = Array.from({ length: CLERKS }, (_, i) => `信〔2026〕${String(before.total + i + 1).padStart(4, '0')}号`);
    expect(numbers.slice().sort()).toEqual(expected);
  }, 60_000);
});
