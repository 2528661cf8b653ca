/**
 * Issue 12, finding 5: a session ends when its password changes elsewhere, after an absolute lifetime however
 * busy, and after a working day of idleness as before; a new or reset account must choose its own password.
 */
import { describe, it, expect } from 'vitest';
import { testApp, ADMIN_PASSWORD } from './support/test-app';

const HOUR = 3_600_000;
const EXPIRED = '登录已过期，请重新登录';

const expired = (r: { ok: boolean; error?: { message: string } }) => !r.ok && r.error?.message === EXPIRED;

describe('sessions', () => {
  it('a password change ends every other session of the account, and keeps the one that changed it', async () => {
    const t = await testApp();
    const admin = await t.setup();
    const other = (await t.ok(null, 'auth.login', { username: 'admin', password: ADMIN_PASSWORD })).token;
    const third = (await t.ok(null, 'auth.login', { username: 'admin', password: ADMIN_PASSWORD })).token;
    await t.ok(admin, 'auth.changePassword', { oldPassword: ADMIN_PASSWORD, newPassword: 'Changed2026' });
    expect((await t.call(admin, 'auth.get', {})).ok).toBe(true);
    expect(expired(await t.call(other, 'auth.get', {}))).toBe(true);
    expect(expired(await t.call(third, 'auth.get', {}))).toBe(true);
    await t.close();
  });

  it('ends 7 days after login even with a call every 11 hours (220 hours used to pass)', async () => {
    const t = await testApp();
    const admin = await t.setup();
    let hours = 0;
    while (hours + 11 < 7 * 24) {
      t.clock.advance(11 * HOUR);
      hours += 11;
      expect((await t.call(admin, 'auth.get', {})).ok, `after ${hours} h`).toBe(true);
    }
    t.clock.advance(11 * HOUR);
    expect(expired(await t.call(admin, 'auth.get', {}))).toBe(true);
    await t.close();
  });

  it('lives as many days as the office sets, and the setting is refused outside 1 to 90 days', async () => {
    const t = await testApp();
    const admin = await t.setup();
    const refused = await t.call(admin, 'office.update', { sessionMaxDays: 0 });
    expect(refused.ok).toBe(false);
    expect((await t.ok(admin, 'office.update', { sessionMaxDays: 1 })).sessionMaxDays).toBe(1);
    const fresh = (await t.ok(null, 'auth.login', { username: 'admin', password: ADMIN_PASSWORD })).token;
    t.clock.advance(10 * HOUR);
    expect((await t.call(fresh, 'auth.get', {})).ok).toBe(true);
    t.clock.advance(10 * HOUR);
    expect((await t.call(fresh, 'auth.get', {})).ok).toBe(true);
    t.clock.advance(5 * HOUR);
    expect(expired(await t.call(fresh, 'auth.get', {}))).toBe(true);
    await t.close();
  });
});

describe('a password the admin typed', () => {
  it('must be replaced at first login: the account says so until its owner chooses another one', async () => {
    const t = await testApp();
    const admin = await t.setup();
    expect((await t.ok(admin, 'auth.get', {})).user.mustChangePassword).toBe(false);
    const created = await t.ok(admin, 'users.create', { username: 'duty1', displayName: '赵值班', role: 'duty_officer', password: 'Passw0rd1' });
    expect(created.mustChangePassword).toBe(true);
    const first = await t.ok(null, 'auth.login', { username: 'duty1', password: 'Passw0rd1' });
    expect(first.user.mustChangePassword).toBe(true);

    const same = await t.call(first.token, 'auth.changePassword', { oldPassword: 'Passw0rd1', newPassword: 'Passw0rd1' });
    expect(same.ok ? null : same.error.fields?.newPassword).toBe('新密码不能与原密码相同，请另设一个');
    const changed = await t.ok(first.token, 'auth.changePassword', { oldPassword: 'Passw0rd1', newPassword: 'Mine2026x' });
    expect(changed.mustChangePassword).toBe(false);
    expect((await t.ok(first.token, 'auth.get', {})).user.mustChangePassword).toBe(false);

    // A reset by the admin hands the account a password someone else knows again.
    await t.ok(admin, 'users.update', { id: created.id, password: 'Reset2026x' });
    const afterReset = await t.ok(null, 'auth.login', { username: 'duty1', password: 'Reset2026x' });
    expect(afterReset.user.mustChangePassword).toBe(true);
    await t.close();
  });
});
