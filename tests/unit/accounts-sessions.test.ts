/**
 * Issue 12, finding 5: a session ends when its password changes elsewhere, after an absolute lifetime however
 * busy, and after a working day of idleness as before; a new or reset account must choose its own password.
 */
import { describe, it, expect } from 'vitest';
import { contract, BEFORE_OWN_PASSWORD, type ProcedureName } from '../../shared/api';
import { testApp, ADMIN_PASSWORD, type TestApp } from './support/test-app';
import { sampleInput } from './support/sample-input';
import { expectRefused } from './support/refusals';

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
    const made = await t.call(admin, 'users.create', { username: 'duty1', displayName: '赵值班', role: 'duty_officer', password: 'Passw0rd1' });
    if (!made.ok) throw new Error(made.error.message);
    const created = made.value;
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

/** Every table's row count, and the office's settings: what a refused call must leave as it was. */
async function fingerprint(t: TestApp): Promise<string> {
  const db = t.app.core.db;
  const tables = await db.introspection.getTables();
  const counts: string[] = [];
  for (const { name } of tables) {
    if (name === 'sessions' || name.includes('fts')) continue;
    const row = await db.selectFrom(name as 'audit').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    counts.push(`${name}:${row.n}`);
  }
  const office = await db.selectFrom('office').selectAll().executeTakeFirstOrThrow();
  return `${counts.join(' ')} ${JSON.stringify(office)}`;
}

const MUST_CHANGE = '这个账号须先设置自己的密码，才能进行其他操作：请在“请设置您自己的密码”窗口中修改密码';

describe('an account that must choose its own password, at the API', () => {
  it('is refused every procedure but reading its session, changing the password and logging out, and a refused call changes nothing', async () => {
    const t = await testApp();
    const admin = await t.setup();
    // An administrator's account, so no refusal below is the role's.
    const made = await t.call(admin, 'users.create', { username: 'admin2', displayName: '钱管理', role: 'admin', password: 'Passw0rd1' });
    expect(made.ok).toBe(true);
    const forced = (await t.ok(null, 'auth.login', { username: 'admin2', password: 'Passw0rd1' })).token;
    const before = await fingerprint(t);
    const names = (Object.keys(contract) as ProcedureName[]).filter((n) => contract[n].access !== 'public' && !BEFORE_OWN_PASSWORD.has(n));
    for (const name of names) {
      const r = await t.app.api.call({ name, input: sampleInput(contract[name].input), session: forced });
      expectRefused(r, 'password_change_required', MUST_CHANGE);
    }
    // A plain, valid change of the office's name and a new account, refused the same way.
    expectRefused(await t.call(forced, 'office.update', { name: '改名镇信访办' }), 'password_change_required', MUST_CHANGE);
    expectRefused(await t.call(forced, 'users.create', { username: 'sneak', displayName: '某人', role: 'admin', password: 'Sneaky2026' }), 'password_change_required', MUST_CHANGE);
    expect(await fingerprint(t)).toBe(before);
    expect(names.length).toBeGreaterThan(100);

    // What it needs to get out of the state is open to it.
    expect((await t.ok(forced, 'auth.get', {})).user.mustChangePassword).toBe(true);
    await t.ok(forced, 'auth.changePassword', { oldPassword: 'Passw0rd1', newPassword: 'Mine2026x' });
    // Then the same call goes through: it was the forced change, nothing else, that stopped it.
    expect((await t.ok(forced, 'office.update', { name: '改名镇信访办' })).name).toBe('改名镇信访办');
    await t.close();
  });

  it('after an admin reset, may still log out, and its other procedures are refused again', async () => {
    const t = await testApp();
    const admin = await t.setup();
    const clerk = await t.addUser(admin, 'clerk1', 'clerk');
    expect((await t.call(clerk.token, 'petitions.list', {})).ok).toBe(true);
    await t.ok(admin, 'users.update', { id: clerk.id, password: 'Reset2026x' });
    const again = (await t.ok(null, 'auth.login', { username: 'clerk1', password: 'Reset2026x' })).token;
    expectRefused(await t.call(again, 'petitions.list', {}), 'password_change_required', MUST_CHANGE);
    await t.ok(again, 'auth.logout', {});
    expectRefused(await t.call(again, 'auth.get', {}), 'unauthenticated');
    await t.close();
  });
});
