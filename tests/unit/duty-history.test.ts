/**
 * Past duty is history: a swap, a cover, a cancellation or a rotation edit never changes a shift that has
 * started; who actually served, when it differs from the roster, is a reasoned duty-log correction.
 *
 * Roster: 赵 and 钱 alternate daily with an 08:00 handoff from Sun 2026-11-01 (11-01 赵, 11-02 钱, 11-03 赵,
 * 11-04 钱, 11-05 赵 …). The clock is Wed 2026-11-04 10:00, in 钱's shift.
 */
import { beforeEach, afterEach, describe, expect, it } from 'vitest';
import { at, testApp, type TestApp } from './support/test-app';
import { formatDateTime } from '../../shared/time';

const TZ = 'Asia/Shanghai';
let t: TestApp;
let leader: string;
let ids: { zhao: number; qian: number; sun: number; officerRole: number; rotation: number };

beforeEach(async () => {
  t = await testApp({ now: '2026-11-01 07:00' });
  const admin = await t.setup();
  const roles = await t.ok(admin, 'duty.roles.list', {});
  const zhao = await t.addUser(admin, 'duty1', 'duty_officer', '赵值班');
  const qian = await t.addUser(admin, 'duty2', 'duty_officer', '钱值班');
  const sun = await t.addUser(admin, 'duty3', 'duty_officer', '孙值班');
  const lead = await t.addUser(admin, 'leader1', 'leader', '张镇长');
  leader = lead.token;
  const officerRole = roles.find((r) => r.key === 'officer')?.id ?? 0;
  const rotation = await t.ok(leader, 'duty.rotations.create', { name: '值班员轮班', roleId: officerRole, pattern: 'daily', startDate: '2026-11-01', members: [zhao.id, qian.id] });
  ids = { zhao: zhao.id, qian: qian.id, sun: sun.id, officerRole, rotation: rotation.id };
  t.clock.set(at('2026-11-04 10:00'));
  leader = (await t.ok(null, 'auth.login', { username: 'leader1', password: 'Passw0rd1' })).token;
});
afterEach(() => t.close());

async function officers(from: string, to: string): Promise<string[]> {
  const s = await t.ok(leader, 'duty.schedule.get', { from: at(from), to: at(to) });
  return s.segments.filter((g) => g.roleId === ids.officerRole).map((g) => `${formatDateTime(g.start, TZ).slice(5)} ${g.userName}`);
}

describe('a shift that has started is history', () => {
  it('refuses a swap of the shift two days ago, says why, and the roster still shows who served', async () => {
    const before = await officers('2026-11-02 08:00', '2026-11-06 08:00');
    const r = await t.call(leader, 'duty.swap', {
      roleId: ids.officerRole,
      userA: ids.qian,
      startA: at('2026-11-02 08:00'),
      endA: at('2026-11-03 08:00'),
      userB: ids.zhao,
      startB: at('2026-11-05 08:00'),
      endB: at('2026-11-06 08:00'),
      reason: '补记换班',
    });
    expect(r.ok || r.error.fields).toEqual({ startA: expect.stringContaining('2026-11-02 08:00 开始的班次已经开始，是值班历史') as string });
    expect(await officers('2026-11-02 08:00', '2026-11-06 08:00')).toEqual(before);
    expect(await t.ok(leader, 'duty.overrides.list', { from: at('2026-11-01 00:00'), to: at('2026-11-07 00:00') })).toEqual([]);
  });

  it('refuses a cover that begins before now, and takes one from now on', async () => {
    const r = await t.call(leader, 'duty.overrides.create', { roleId: ids.officerRole, userId: ids.sun, replacedUserId: ids.qian, startAt: at('2026-11-04 08:00'), endAt: at('2026-11-04 18:00'), reason: '钱值班就医' });
    expect(r.ok || Object.keys(r.error.fields ?? {})).toEqual(['startAt']);
    await t.ok(leader, 'duty.overrides.create', { roleId: ids.officerRole, userId: ids.sun, replacedUserId: ids.qian, startAt: at('2026-11-04 10:00'), endAt: at('2026-11-04 18:00'), reason: '钱值班就医' });
    expect(await officers('2026-11-04 08:00', '2026-11-05 08:00')).toEqual(['11-04 08:00 钱值班', '11-04 10:00 孙值班', '11-04 18:00 钱值班']);
  });

  it('cancelling a running cover keeps the part already served', async () => {
    const { id } = await t.ok(leader, 'duty.overrides.create', { roleId: ids.officerRole, userId: ids.sun, replacedUserId: ids.qian, startAt: at('2026-11-04 10:00'), endAt: at('2026-11-04 18:00'), reason: '钱值班就医' });
    t.clock.set(at('2026-11-04 12:00'));
    await t.ok(leader, 'duty.overrides.remove', { id });
    expect(await officers('2026-11-04 08:00', '2026-11-05 08:00')).toEqual(['11-04 08:00 钱值班', '11-04 10:00 孙值班', '11-04 12:00 钱值班']);
  });

  it('a rotation edit takes effect after the running shift: the days served keep their officers', async () => {
    const past = await officers('2026-11-01 08:00', '2026-11-05 08:00');
    const rotations = await t.ok(leader, 'duty.rotations.list', {});
    const rot = rotations.find((r) => r.id === ids.rotation)!;
    await t.ok(leader, 'duty.rotations.update', { ...rot, members: [ids.sun, ids.zhao, ids.qian] });
    expect(await officers('2026-11-01 08:00', '2026-11-05 08:00')).toEqual(past);
    // From 11-05 the new list runs from its first member.
    expect(await officers('2026-11-05 08:00', '2026-11-08 08:00')).toEqual(['11-05 08:00 孙值班', '11-06 08:00 赵值班', '11-07 08:00 钱值班']);
    const after = await t.ok(leader, 'duty.rotations.list', {});
    expect(after.map((r) => [r.name, r.startDate, r.endDate])).toEqual([
      ['值班员轮班', '2026-11-01', '2026-11-04'],
      ['值班员轮班', '2026-11-05', null],
    ]);
  });
});

describe('a correction of who actually served', () => {
  it('is a reasoned duty-log entry of its own, audited, and changes no shift', async () => {
    const before = await officers('2026-11-02 08:00', '2026-11-03 08:00');
    await t.ok(leader, 'duty.corrections.create', { roleId: ids.officerRole, startAt: at('2026-11-02 08:00'), endAt: at('2026-11-03 08:00'), scheduledUserId: ids.qian, actualUserId: ids.sun, reason: '钱值班临时请假，孙值班顶班，当时未登记' });
    const log = await t.ok(leader, 'duty.log.list', { from: at('2026-11-01 00:00'), to: at('2026-11-05 00:00') });
    expect(log.map((l) => [l.kind, l.content, l.userName])).toEqual([
      ['correction', '值班更正：2026-11-02 08:00 至 2026-11-03 08:00 的值班员实际由孙值班值班（排班为钱值班）。原因：钱值班临时请假，孙值班顶班，当时未登记', '张镇长'],
    ]);
    expect(await officers('2026-11-02 08:00', '2026-11-03 08:00')).toEqual(before);
  });

  it('is refused for a shift that has not started, without a reason, and as a plain log entry', async () => {
    const future = await t.call(leader, 'duty.corrections.create', { roleId: ids.officerRole, startAt: at('2026-11-05 08:00'), endAt: at('2026-11-06 08:00'), scheduledUserId: ids.zhao, actualUserId: ids.sun, reason: '预先登记' });
    expect(future.ok || future.error.fields?.startAt).toBe('值班更正只用于已经开始的班次；以后的班次请用替班或换班');
    const noReason = await t.call(leader, 'duty.corrections.create', { roleId: ids.officerRole, startAt: at('2026-11-02 08:00'), endAt: at('2026-11-03 08:00'), scheduledUserId: ids.qian, actualUserId: ids.sun, reason: ' ' });
    expect(noReason.ok || Object.keys(noReason.error.fields ?? {})).toEqual(['reason']);
    const plain = await t.call(leader, 'duty.log.create', { at: null, kind: 'correction', content: '孙值班顶了钱值班的班' });
    expect(plain.ok || Object.keys(plain.error.fields ?? {})).toEqual(['kind']);
    expect(await t.ok(leader, 'duty.log.list', { from: at('2026-11-01 00:00'), to: at('2026-11-07 00:00') })).toEqual([]);
  });
});
