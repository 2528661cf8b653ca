/**
 * What a caller gets back. An unknown procedure and a record that is not there are different errors (a renderer
 * out of step with the core is not "deleted"); a write answers with the record as it now stands, or the id of
 * what it removed or ended, never a bare `{ ok: true }` inside the envelope's own `ok`.
 *
 * Roster: 赵 and 钱 alternate daily from Sun 2026-11-01 08:00, so 钱 is on shift Mon 11-02; a letter received
 * that morning (name, no address) has only its 15-day forward deadline, whose three-day pre-alarm rings at
 * 09:00 on Sat 11-14 (钱 again).
 */
import { describe, it, expect, beforeAll } from 'vitest';
import { z } from 'zod';
import { contract } from '../../shared/api';
import { alarmLogNoteText } from '../../shared/i18n';
import { ADMIN_PASSWORD, at, testApp, type TestApp } from './support/test-app';
import { staffDutyOffice, type DutyStaff } from './support/duty-office';

let template: { dir: string; staff: DutyStaff };
beforeAll(async () => {
  const t = await testApp({ now: '2026-11-01 07:00' });
  const admin = await t.setup();
  const staff = await staffDutyOffice(t, admin, ['zhao', 'qian']);
  template = { dir: await t.closeKeepingFolder(), staff };
});

async function office(now: string): Promise<{ t: TestApp; as: (username: string) => Promise<string> }> {
  const t = await testApp({ from: template.dir, now });
  const as = async (username: string) => (await t.ok(null, 'auth.login', { username, password: username === 'admin' ? ADMIN_PASSWORD : 'Passw0rd1' })).token;
  return { t, as };
}

describe('error codes', () => {
  it('calls an unknown procedure unknown_procedure, and a missing record not_found', async () => {
    const { t, as } = await office('2026-11-02 09:00');
    const clerk = await as('clerk1');
    const unknown = await t.app.api.call({ name: 'petitions.fetch', input: { id: 1 }, session: clerk });
    expect(unknown).toEqual({ ok: false, error: { code: 'unknown_procedure', message: '程序内部错误：未知的操作 petitions.fetch' } });
    const missing = await t.call(clerk, 'petitions.get', { id: 999 });
    expect(missing).toEqual({ ok: false, error: { code: 'not_found', message: '没有找到这条记录，它可能已被删除' } });
    await t.close();
  });
});

describe('what a write returns', () => {
  it('no procedure answers with a bare { ok: true } flag', () => {
    // (audit.verify's `ok` is the chain check's finding, true or false, not an acknowledgement.)
    const flagged = Object.entries(contract)
      .filter(([, def]) => def.output instanceof z.ZodObject && (def.output.shape as Record<string, unknown>).ok instanceof z.ZodLiteral)
      .map(([name]) => name);
    expect(flagged).toEqual([]);
  });

  it('acknowledging or snoozing an alarm answers with the alarm as the board now shows it, its log included', async () => {
    const { t, as } = await office('2026-11-02 09:00');
    await t.ok(await as('clerk1'), 'petitions.create', {
      channel: 'letter',
      receivedAt: at('2026-11-02 08:30'),
      petitioners: [{ name: '张三' }],
      peopleCount: 1,
      category: 'suggestion',
      summary: '建议修缮村口道路',
      request: '尽快修路',
    });
    t.clock.set(at('2026-11-14 09:00'));
    const [fired] = await t.app.scheduler.tick();
    const id = fired?.alarmId ?? 0;
    const qian = await as('duty2');

    t.clock.set(at('2026-11-14 09:05'));
    const snoozed = await t.ok(qian, 'alarms.snooze', { id, minutes: 30, reason: '正在电话联系转送机关' });
    expect([snoozed.id, snoozed.status, snoozed.snoozedUntil, snoozed.log.map((l) => [l.step, alarmLogNoteText(l)])]).toEqual([
      id,
      'snoozed',
      at('2026-11-14 09:35'),
      [
        ['fired', ''],
        ['snoozed', '30分钟：正在电话联系转送机关'],
      ],
    ]);

    t.clock.set(at('2026-11-14 09:10'));
    const acknowledged = await t.ok(qian, 'alarms.acknowledge', { id, note: '已电话联系转送机关' });
    expect([acknowledged.status, acknowledged.acknowledgedBy, acknowledged.acknowledgedAt, acknowledged.log.at(-1)]).toEqual([
      'acknowledged',
      '钱值班',
      at('2026-11-14 09:10'),
      { at: at('2026-11-14 09:10'), step: 'acknowledged', note: '已电话联系转送机关', noteCode: null, noteParams: {}, users: ['钱值班'] },
    ]);
    await t.close();
  });

  it('confirming a handover answers with the confirmed sheet; removing an override with its id', async () => {
    const { t, as } = await office('2026-11-02 07:55');
    const zhao = await as('duty1');
    const sheet = await t.ok(zhao, 'duty.handovers.create', { notes: '一切正常', toUserId: template.staff.qian });
    t.clock.set(at('2026-11-02 08:05'));
    const confirmed = await t.ok(await as('duty2'), 'duty.handovers.confirm', { id: sheet.id });
    expect([confirmed.id, confirmed.status, confirmed.fromName, confirmed.toName, confirmed.confirmedAt, confirmed.notes]).toEqual([
      sheet.id,
      'confirmed',
      '赵值班',
      '钱值班',
      at('2026-11-02 08:05'),
      '一切正常',
    ]);

    const leader = await as('leader1');
    const roles = await t.ok(leader, 'duty.roles.list', {});
    const override = await t.ok(leader, 'duty.overrides.create', {
      roleId: roles.find((r) => r.key === 'officer')?.id ?? 0,
      userId: template.staff.sun,
      replacedUserId: template.staff.qian,
      startAt: at('2026-11-02 12:00'),
      endAt: at('2026-11-02 18:00'),
      reason: '钱值班下午就医',
    });
    expect(await t.ok(leader, 'duty.overrides.remove', { id: override.id })).toEqual({ id: override.id });
    await t.close();
  });

  it('changing the password answers with the account; logging out with the id of the user whose session ended', async () => {
    const { t, as } = await office('2026-11-02 09:00');
    const session = await as('clerk1');
    const me = await t.ok(session, 'auth.changePassword', { oldPassword: 'Passw0rd1', newPassword: 'Newpass2026' });
    expect([me.username, me.displayName, me.role, me.active]).toEqual(['clerk1', '李登记', 'clerk', true]);
    expect(await t.ok(session, 'auth.logout', {})).toEqual({ id: me.id });
    const after = await t.call(session, 'petitions.list', {});
    expect(after.ok ? null : after.error.code).toBe('unauthenticated');
    await t.close();
  });
});
