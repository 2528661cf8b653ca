/**
 * Accounts on the office PC: first-run setup, passwords, lock-out after repeated wrong passwords, disabled
 * accounts, what each role may do, and sessions that end after a working day of inactivity.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { testApp, ADMIN_PASSWORD, type TestApp } from './support/test-app';
import { expectRefused } from './support/refusals';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

const login = (t: TestApp, username: string, password: string) => t.call(null, 'auth.login', { username, password });

describe('first-run setup', () => {
  it('happens once: a weak password is refused, and a second setup is refused without touching the first', async () => {
    const t = await testApp();
    expect(await t.ok(null, 'setup.get', {})).toMatchObject({ needsSetup: true, officeName: null });

    const weak = await t.call(null, 'setup.create', {
      officeName: '青山镇信访办', township: '青山镇', timeZone: 'Asia/Shanghai',
      admin: { username: 'admin', displayName: '王管理', password: 'password' },
    });
    expect(expectRefused(weak, 'invalid_input').fields?.password).toBe('密码至少8位，并且要同时包含字母和数字');
    expect((await t.ok(null, 'setup.get', {})).needsSetup).toBe(true);

    await t.setup();
    expect(await t.ok(null, 'setup.get', {})).toMatchObject({ needsSetup: false, officeName: '青山镇信访办' });

    const again = await t.call(null, 'setup.create', {
      officeName: '别的镇信访办', township: '别的镇', timeZone: 'Asia/Shanghai',
      admin: { username: 'intruder', displayName: '某人', password: 'Intruder2026' },
    });
    expectRefused(again, 'conflict', '本机已完成初始设置，请直接登录');
    expect((await t.ok(null, 'setup.get', {})).officeName).toBe('青山镇信访办');
    expect((await login(t, 'intruder', 'Intruder2026')).ok).toBe(false);
    expect((await login(t, 'admin', ADMIN_PASSWORD)).ok).toBe(true);
    await t.close();
  });
});

describe('passwords and lock-out', () => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    t = await testApp({ now: '2026-11-02 09:00' });
    admin = await t.setup();
  });
  afterAll(() => t.close());

  it('refuses weak passwords for new accounts and password changes', async () => {
    for (const password of ['abcdefgh', '12345678', 'abc1234']) {
      const r = await t.call(admin, 'users.create', { username: 'weak1', displayName: '弱', role: 'clerk', password });
      expect(expectRefused(r, 'invalid_input').fields?.password, password).toBe('密码至少8位，并且要同时包含字母和数字');
    }
    expect((await t.ok(admin, 'users.list', {})).map((u) => u.username)).not.toContain('weak1');
    const change = await t.call(admin, 'auth.changePassword', { oldPassword: ADMIN_PASSWORD, newPassword: 'short1' });
    expect(change.ok).toBe(false);
    expect((await login(t, 'admin', ADMIN_PASSWORD)).ok).toBe(true);
  });

  it('says how many tries are left after a wrong password, and the same for an unknown user', async () => {
    await t.addUser(admin, 'clerk_a', 'clerk');
    expectRefused(await login(t, 'clerk_a', 'Wrong1234'), 'unauthenticated', '用户名或密码不正确（还可再试4次）');
    expectRefused(await login(t, 'clerk_a', 'Wrong1234'), 'unauthenticated', '用户名或密码不正确（还可再试3次）');
    // A success starts the count again.
    expect((await login(t, 'clerk_a', 'Passw0rd1')).ok).toBe(true);
    expectRefused(await login(t, 'clerk_a', 'Wrong1234'), 'unauthenticated', '用户名或密码不正确（还可再试4次）');
    // User names cannot be probed: an unknown one gets the same kind of answer.
    expectRefused(await login(t, 'nobody', 'Wrong1234'), 'unauthenticated', '用户名或密码不正确（还可再试5次）');
  });

  it('locks an account for 15 minutes after 5 wrong passwords, then lets the right password in', async () => {
    await t.addUser(admin, 'clerk_b', 'clerk');
    for (let i = 1; i <= 4; i++) {
      expectRefused(await login(t, 'clerk_b', 'Wrong1234'), 'unauthenticated', `用户名或密码不正确（还可再试${5 - i}次）`);
    }
    const locked = '密码错误次数过多，账号已锁定，请在15分钟后再试，或请管理员解锁';
    expectRefused(await login(t, 'clerk_b', 'Wrong1234'), 'unauthenticated', locked);
    // Even the right password is refused while locked.
    expectRefused(await login(t, 'clerk_b', 'Passw0rd1'), 'unauthenticated', locked);
    const user = (await t.ok(admin, 'users.list', {})).find((u) => u.username === 'clerk_b');
    expect(user?.lockedUntil).toBe(t.clock.now() + 15 * MINUTE);

    t.clock.advance(14 * MINUTE);
    expectRefused(await login(t, 'clerk_b', 'Passw0rd1'), 'unauthenticated', '密码错误次数过多，账号已锁定，请在1分钟后再试，或请管理员解锁');
    t.clock.advance(1 * MINUTE);
    expect((await login(t, 'clerk_b', 'Passw0rd1')).ok).toBe(true);
  });

  it('can be unlocked at once by the admin', async () => {
    const { id } = await t.addUser(admin, 'clerk_c', 'clerk');
    for (let i = 0; i < 5; i++) await login(t, 'clerk_c', 'Wrong1234');
    expect((await login(t, 'clerk_c', 'Passw0rd1')).ok).toBe(false);
    await t.ok(admin, 'users.update', { id, unlock: true });
    expect((await login(t, 'clerk_c', 'Passw0rd1')).ok).toBe(true);
  });
});

describe('accounts and roles', () => {
  let t: TestApp;
  let admin: string;
  let adminId: number;
  beforeAll(async () => {
    t = await testApp({ now: '2026-11-02 09:00' });
    admin = await t.setup();
    adminId = (await t.ok(admin, 'auth.get', {})).user.id;
  });
  afterAll(() => t.close());

  it('a disabled account cannot log in, and its open session ends at once', async () => {
    const clerk = await t.addUser(admin, 'clerk_d', 'clerk');
    await t.ok(admin, 'users.update', { id: clerk.id, active: false });
    expectRefused(await t.call(clerk.token, 'auth.get', {}), 'unauthenticated', '登录已过期，请重新登录');
    expectRefused(await login(t, 'clerk_d', 'Passw0rd1'), 'unauthenticated', '此账号已停用，请联系管理员');
    await t.ok(admin, 'users.update', { id: clerk.id, active: true });
    expect((await login(t, 'clerk_d', 'Passw0rd1')).ok).toBe(true);
  });

  it('a clerk cannot manage accounts or the office; a duty officer cannot register petitions', async () => {
    const clerk = await t.addUser(admin, 'clerk_e', 'clerk');
    const duty = await t.addUser(admin, 'duty_e', 'duty_officer');
    const usersBefore = await t.ok(admin, 'users.list', {});
    expectRefused(
      await t.call(clerk.token, 'users.create', { username: 'sneaky', displayName: '某人', role: 'admin', password: 'Sneaky2026' }),
      'forbidden',
      '您的账号（登记员）无权进行此操作',
    );
    expectRefused(await t.call(clerk.token, 'users.update', { id: clerk.id, role: 'admin' }), 'forbidden', '您的账号（登记员）无权进行此操作');
    expectRefused(await t.call(clerk.token, 'office.update', { name: '改名' }), 'forbidden', '您的账号（登记员）无权进行此操作');
    expect(await t.ok(admin, 'users.list', {})).toEqual(usersBefore);

    expectRefused(
      await t.call(duty.token, 'petitions.create', {
        channel: 'call', receivedAt: t.clock.now(), petitioners: [{ name: '张三' }], peopleCount: 1,
        category: 'suggestion', summary: '建议', request: '建议',
      }),
      'forbidden',
      '您的账号（值班员）无权进行此操作',
    );
    // Reading is open to every signed-in role, and to nobody else.
    expect((await t.ok(duty.token, 'petitions.list', {})).total).toBe(0);
    expectRefused(await t.call(null, 'petitions.list', {}), 'unauthenticated', '请先登录');
  });

  it('the last admin cannot be demoted or disabled; once there is another, they can', async () => {
    expectRefused(await t.call(admin, 'users.update', { id: adminId, role: 'clerk' }), 'conflict', '不能停用或降级最后一个管理员账号');
    expectRefused(await t.call(admin, 'users.update', { id: adminId, active: false }), 'conflict', '不能停用或降级最后一个管理员账号');
    expect((await t.ok(admin, 'auth.get', {})).user.role).toBe('admin');

    const second = await t.addUser(admin, 'admin2', 'admin');
    const demoted = await t.ok(second.token, 'users.update', { id: adminId, role: 'leader' });
    expect(demoted.role).toBe('leader');
    expectRefused(await t.call(second.token, 'users.update', { id: second.id, role: 'clerk' }), 'conflict', '不能停用或降级最后一个管理员账号');
  });
});

describe('sessions', () => {
  it('stay alive while used and end after 12 hours idle', async () => {
    const t = await testApp({ now: '2026-11-02 09:00' });
    const admin = await t.setup();
    // A long day with breaks under 12 hours keeps the session.
    t.clock.advance(11 * HOUR + 59 * MINUTE);
    expect((await t.call(admin, 'auth.get', {})).ok).toBe(true);
    t.clock.advance(11 * HOUR + 59 * MINUTE);
    expect((await t.call(admin, 'auth.get', {})).ok).toBe(true);
    // Left overnight: 12 hours and a minute without use.
    t.clock.advance(12 * HOUR + MINUTE);
    expectRefused(await t.call(admin, 'auth.get', {}), 'unauthenticated', '登录已过期，请重新登录');
    await t.close();
  });

  it('end on logout', async () => {
    const t = await testApp();
    const admin = await t.setup();
    await t.ok(admin, 'auth.logout', {});
    expectRefused(await t.call(admin, 'auth.get', {}), 'unauthenticated', '登录已过期，请重新登录');
    await t.close();
  });
});
