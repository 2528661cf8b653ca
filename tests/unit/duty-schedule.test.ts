/**
 * Who is on duty (值班): rotations that repeat over a list of people, overrides and swaps that replace a person
 * for a while, extra staff, layers that count only in sensitive periods, and the gaps a planner must fill.
 * The pure schedule first (office time Asia/Shanghai, UTC+8 all year), then the same through the API as the
 * duty planner uses it. November 2026: Sun 11-01, Mon 11-02, Tue 11-03 … Tue 11-10, Tue 11-17.
 */
import { describe, it, expect, afterAll, beforeAll } from 'vitest';
import { computeSchedule, findGaps, onDutyAt, type OverrideDef, type RotationDef, type ScheduleInput, type Segment } from '../../main/core/duty/schedule';
import { formatDateTime } from '../../shared/time';
import { TZ, at, testApp, type TestApp } from './support/test-app';
import { expectRefused } from './support/refusals';

const HOUR = 3_600_000;
const OFFICER = 1;
const LEADER = 2;
const PATROL = 3;
// People: 11–14 duty officers, 21–22 leaders, 31–32 on the Tuesday patrol.

function rotation(p: Partial<RotationDef> & Pick<RotationDef, 'members'>): RotationDef {
  return {
    id: 1,
    name: '值班员轮班',
    roleId: OFFICER,
    pattern: 'daily',
    handoffHour: 8,
    nightHour: 20,
    weekday: 1,
    shiftsPerPerson: 1,
    startDate: '2026-11-01',
    endDate: null,
    sensitiveOnly: false,
    ...p,
  };
}

function override(p: Partial<OverrideDef> & Pick<OverrideDef, 'userId' | 'startAt' | 'endAt'>): OverrideDef {
  return { id: 1, kind: 'override', roleId: OFFICER, replacedUserId: null, ...p };
}

function schedule(parts: Partial<ScheduleInput>, from: string, to: string): Segment[] {
  return computeSchedule({ rotations: [], overrides: [], sensitive: [], timeZone: TZ, ...parts }, at(from), at(to));
}

/** The user ids holding a role at a local time. */
function who(segs: readonly Segment[], roleId: number, when: string): number[] {
  return onDutyAt(segs, roleId, at(when))
    .map((s) => s.userId)
    .sort((a, b) => a - b);
}

/** Segments as a planner reads them on the duty table: who, from, to (local time), why. */
function table(segs: readonly Segment[], roleId = OFFICER): [number, string, string, string][] {
  return segs.filter((s) => s.roleId === roleId).map((s) => [s.userId, formatDateTime(s.start, TZ), formatDateTime(s.end, TZ), s.source]);
}

describe('rotations', () => {
  it('hands over at 08:00: 07:59 is still yesterday’s officer, 08:00 is today’s', () => {
    const segs = schedule({ rotations: [rotation({ members: [11, 12] })] }, '2026-11-01 00:00', '2026-11-04 00:00');
    // 11-01 is the start date (day 0): 11 covers 11-01 08:00 → 11-02 08:00, then 12.
    expect(who(segs, OFFICER, '2026-11-02 07:59')).toEqual([11]);
    expect(who(segs, OFFICER, '2026-11-02 08:00')).toEqual([12]);
    // Before the rotation's first handoff nobody is on it.
    expect(who(segs, OFFICER, '2026-11-01 07:59')).toEqual([]);
  });

  it('a four-person daily rotation wraps round to the first person on the fifth day', () => {
    const segs = schedule({ rotations: [rotation({ members: [11, 12, 13, 14] })] }, '2026-11-01 08:00', '2026-11-07 08:00');
    // Day k after 11-01 goes to members[k mod 4]: 11, 12, 13, 14, 11, 12.
    expect(table(segs)).toEqual([
      [11, '2026-11-01 08:00', '2026-11-02 08:00', 'rotation'],
      [12, '2026-11-02 08:00', '2026-11-03 08:00', 'rotation'],
      [13, '2026-11-03 08:00', '2026-11-04 08:00', 'rotation'],
      [14, '2026-11-04 08:00', '2026-11-05 08:00', 'rotation'],
      [11, '2026-11-05 08:00', '2026-11-06 08:00', 'rotation'],
      [12, '2026-11-06 08:00', '2026-11-07 08:00', 'rotation'],
    ]);
  });

  it('with two shifts per person each covers two days running before the next takes over', () => {
    const segs = schedule({ rotations: [rotation({ members: [11, 12], shiftsPerPerson: 2 })] }, '2026-11-01 08:00', '2026-11-07 08:00');
    // Days 0,1 → 11; 2,3 → 12; 4,5 → 11.
    expect(table(segs).map(([u, from]) => [u, from])).toEqual([
      [11, '2026-11-01 08:00'],
      [11, '2026-11-02 08:00'],
      [12, '2026-11-03 08:00'],
      [12, '2026-11-04 08:00'],
      [11, '2026-11-05 08:00'],
      [11, '2026-11-06 08:00'],
    ]);
  });

  it('a day/night pattern splits the day at 08:00 and 20:00 and moves through the list shift by shift', () => {
    const segs = schedule({ rotations: [rotation({ pattern: 'day_night', members: [11, 12, 13] })] }, '2026-11-01 08:00', '2026-11-03 08:00');
    // Shifts in order: 11-01 day, 11-01 night, 11-02 day, 11-02 night → members 11, 12, 13, 11.
    expect(table(segs)).toEqual([
      [11, '2026-11-01 08:00', '2026-11-01 20:00', 'rotation'],
      [12, '2026-11-01 20:00', '2026-11-02 08:00', 'rotation'],
      [13, '2026-11-02 08:00', '2026-11-02 20:00', 'rotation'],
      [11, '2026-11-02 20:00', '2026-11-03 08:00', 'rotation'],
    ]);
    expect(who(segs, OFFICER, '2026-11-02 07:59')).toEqual([12]);
    expect(who(segs, OFFICER, '2026-11-02 19:59')).toEqual([13]);
    expect(who(segs, OFFICER, '2026-11-02 20:00')).toEqual([11]);
  });

  it('a weekly patrol role comes round on Tuesdays only, alternating its two members', () => {
    const patrol = rotation({ id: 7, name: '周二巡查', roleId: PATROL, pattern: 'weekly', weekday: 2, members: [31, 32] });
    const segs = schedule({ rotations: [patrol] }, '2026-11-01 00:00', '2026-11-22 00:00');
    // Tuesdays 11-03, 11-10, 11-17 are weeks 0, 1, 2 from the 11-01 start: 31, 32, 31.
    expect(table(segs, PATROL)).toEqual([
      [31, '2026-11-03 08:00', '2026-11-04 08:00', 'rotation'],
      [32, '2026-11-10 08:00', '2026-11-11 08:00', 'rotation'],
      [31, '2026-11-17 08:00', '2026-11-18 08:00', 'rotation'],
    ]);
    expect(who(segs, PATROL, '2026-11-09 10:00')).toEqual([]);
    expect(who(segs, PATROL, '2026-11-10 10:00')).toEqual([32]);
  });

  it('stops after its end date: the last shift still runs to the next morning’s handoff', () => {
    const segs = schedule({ rotations: [rotation({ members: [11], endDate: '2026-11-03' })] }, '2026-11-01 08:00', '2026-11-06 08:00');
    expect(who(segs, OFFICER, '2026-11-04 07:59')).toEqual([11]);
    expect(who(segs, OFFICER, '2026-11-04 08:00')).toEqual([]);
    expect(table(segs).at(-1)).toEqual([11, '2026-11-03 08:00', '2026-11-04 08:00', 'rotation']);
  });
});

describe('overrides, swaps and extra staff', () => {
  const base = rotation({ members: [11, 12] });

  it('an override replaces one person for part of a shift and leaves the rest of the shift to them', () => {
    // 11-02 is 12's day; 13 covers 14:00–18:00 while 12 is at the hospital.
    const o = override({ userId: 13, replacedUserId: 12, startAt: at('2026-11-02 14:00'), endAt: at('2026-11-02 18:00') });
    const segs = schedule({ rotations: [base], overrides: [o] }, '2026-11-02 08:00', '2026-11-03 08:00');
    expect(table(segs)).toEqual([
      [12, '2026-11-02 08:00', '2026-11-02 14:00', 'rotation'],
      [13, '2026-11-02 14:00', '2026-11-02 18:00', 'override'],
      [12, '2026-11-02 18:00', '2026-11-03 08:00', 'rotation'],
    ]);
    expect(who(segs, OFFICER, '2026-11-02 13:59')).toEqual([12]);
    expect(who(segs, OFFICER, '2026-11-02 14:00')).toEqual([13]);
    expect(who(segs, OFFICER, '2026-11-02 18:00')).toEqual([12]);
  });

  it('an override naming someone not on shift changes nothing; one naming nobody replaces whoever is on, across a handoff', () => {
    const notThere = override({ id: 1, userId: 13, replacedUserId: 14, startAt: at('2026-11-02 10:00'), endAt: at('2026-11-02 12:00') });
    // 20:00 on 11-02 to 10:00 on 11-03 spans 12's night and the first two hours of 11's day.
    const anyone = override({ id: 2, userId: 13, replacedUserId: null, startAt: at('2026-11-02 20:00'), endAt: at('2026-11-03 10:00') });
    const segs = schedule({ rotations: [base], overrides: [notThere, anyone] }, '2026-11-02 08:00', '2026-11-04 08:00');
    expect(table(segs)).toEqual([
      [12, '2026-11-02 08:00', '2026-11-02 20:00', 'rotation'],
      [13, '2026-11-02 20:00', '2026-11-03 08:00', 'override'],
      [13, '2026-11-03 08:00', '2026-11-03 10:00', 'override'],
      [11, '2026-11-03 10:00', '2026-11-04 08:00', 'rotation'],
    ]);
  });

  it('a swap (two overrides) trades whole shifts: 11 takes 12’s day and 12 takes 11’s', () => {
    // Without the swap: 11-03 → 11, 11-04 → 12.
    const swap: OverrideDef[] = [
      override({ id: 1, kind: 'swap', userId: 12, replacedUserId: 11, startAt: at('2026-11-03 08:00'), endAt: at('2026-11-04 08:00') }),
      override({ id: 2, kind: 'swap', userId: 11, replacedUserId: 12, startAt: at('2026-11-04 08:00'), endAt: at('2026-11-05 08:00') }),
    ];
    const segs = schedule({ rotations: [base], overrides: swap }, '2026-11-03 08:00', '2026-11-05 08:00');
    expect(table(segs)).toEqual([
      [12, '2026-11-03 08:00', '2026-11-04 08:00', 'swap'],
      [11, '2026-11-04 08:00', '2026-11-05 08:00', 'swap'],
    ]);
  });

  it('an extra person is on duty alongside the rotation, only for the hours given', () => {
    const extra = override({ kind: 'extra', userId: 13, startAt: at('2026-11-02 09:00'), endAt: at('2026-11-02 17:00') });
    const segs = schedule({ rotations: [base], overrides: [extra] }, '2026-11-02 08:00', '2026-11-03 08:00');
    expect(who(segs, OFFICER, '2026-11-02 08:59')).toEqual([12]);
    expect(who(segs, OFFICER, '2026-11-02 12:00')).toEqual([12, 13]);
    expect(who(segs, OFFICER, '2026-11-02 17:00')).toEqual([12]);
  });

  it('a sensitive-only layer adds its person only on the days of a sensitive period', () => {
    const reinforcement = rotation({ id: 2, name: '敏感期加强', members: [13], sensitiveOnly: true });
    const sensitive = [{ startDate: '2026-11-10', endDate: '2026-11-11' }];
    const segs = schedule({ rotations: [base, reinforcement], sensitive }, '2026-11-09 00:00', '2026-11-13 00:00');
    // 11-09 is day 8 (even → 11); 11-10 day 9 → 12.
    expect(who(segs, OFFICER, '2026-11-09 12:00')).toEqual([11]);
    expect(who(segs, OFFICER, '2026-11-10 07:59')).toEqual([11]);
    expect(who(segs, OFFICER, '2026-11-10 08:00')).toEqual([12, 13]);
    // The 11-11 shift is in the period and runs to 08:00 on 11-12.
    expect(who(segs, OFFICER, '2026-11-12 07:59')).toEqual([11, 13]);
    expect(who(segs, OFFICER, '2026-11-12 08:00')).toEqual([12]);
  });
});

describe('gaps', () => {
  it('finds the exact range with no leader between one rotation’s end and the next one’s start', () => {
    const first = rotation({ id: 1, roleId: LEADER, members: [21], endDate: '2026-11-03' });
    const second = rotation({ id: 2, roleId: LEADER, members: [22], startDate: '2026-11-06' });
    const from = at('2026-11-01 00:00');
    const to = at('2026-11-08 08:00');
    const segs = computeSchedule({ rotations: [first, second], overrides: [], sensitive: [], timeZone: TZ }, from, to);
    // Nobody before the first handoff (11-01 08:00); nobody from the end of the 11-03 shift to the start of 11-06.
    expect(findGaps(segs, LEADER, from, to)).toEqual([
      { roleId: LEADER, start: at('2026-11-01 00:00'), end: at('2026-11-01 08:00') },
      { roleId: LEADER, start: at('2026-11-04 08:00'), end: at('2026-11-06 08:00') },
    ]);
    // A role with nobody at all is one gap over the whole range; a covered role none.
    expect(findGaps(segs, OFFICER, from, to)).toEqual([{ roleId: OFFICER, start: from, end: to }]);
    expect(findGaps(segs, LEADER, at('2026-11-06 08:00'), to)).toEqual([]);
  });

  it('an extra leader fills the gap for the hours given, and no more', () => {
    const leader = rotation({ roleId: LEADER, members: [21], endDate: '2026-11-03' });
    const cover = override({ kind: 'extra', roleId: LEADER, userId: 22, startAt: at('2026-11-04 08:00'), endAt: at('2026-11-05 08:00') });
    const from = at('2026-11-03 08:00');
    const to = at('2026-11-06 08:00');
    const segs = computeSchedule({ rotations: [leader], overrides: [cover], sensitive: [], timeZone: TZ }, from, to);
    expect(findGaps(segs, LEADER, from, to)).toEqual([{ roleId: LEADER, start: at('2026-11-05 08:00'), end: to }]);
  });
});

describe('local time', () => {
  it('in Asia/Shanghai (UTC+8, no summer time) an 08:00 handoff is 00:00 UTC and every shift is 24 hours', () => {
    const segs = schedule({ rotations: [rotation({ members: [11] })] }, '2026-10-30 08:00', '2026-11-03 08:00');
    // 08:00 in Shanghai is 00:00Z; 11-01 is the start date, so the first shift starts then.
    expect(segs.map((s) => s.start)).toEqual([Date.UTC(2026, 10, 1), Date.UTC(2026, 10, 2)]);
    expect(segs.every((s) => s.end - s.start === 24 * HOUR)).toBe(true);
    // Across 2026-03-08, when US clocks spring forward, nothing changes in Shanghai either.
    const spring = computeSchedule(
      { rotations: [rotation({ members: [11], startDate: '2026-03-07' })], overrides: [], sensitive: [], timeZone: TZ },
      Date.UTC(2026, 2, 7),
      Date.UTC(2026, 2, 10),
    );
    expect(spring.map((s) => [s.start, s.end - s.start])).toEqual([
      [Date.UTC(2026, 2, 7), 24 * HOUR],
      [Date.UTC(2026, 2, 8), 24 * HOUR],
      [Date.UTC(2026, 2, 9), 24 * HOUR],
    ]);
  });

  it('the office’s zone is the one used: in New York the shift across the end of summer time lasts 25 hours', () => {
    const ny = computeSchedule(
      { rotations: [rotation({ members: [11], startDate: '2026-10-31' })], overrides: [], sensitive: [], timeZone: 'America/New_York' },
      Date.UTC(2026, 9, 31, 12),
      Date.UTC(2026, 10, 2, 13),
    );
    // 10-31 08:00 EDT = 12:00Z; 11-01 08:00 EST = 13:00Z (clocks went back at 02:00); 11-02 08:00 EST = 13:00Z.
    expect(ny.map((s) => [s.start, s.end])).toEqual([
      [Date.UTC(2026, 9, 31, 12), Date.UTC(2026, 10, 1, 13)],
      [Date.UTC(2026, 10, 1, 13), Date.UTC(2026, 10, 2, 13)],
    ]);
  });
});

describe('the duty roster through the API', () => {
  interface Office {
    readonly t: TestApp;
    admin: string;
    leader: string;
    officer: string;
    readonly ids: { zhao: number; qian: number; sun: number; zhou: number; leader: number };
    readonly roles: { officer: number; leader: number };
  }
  let o: Office;

  // Mon 2026-11-02 09:00. Officers 赵 and 钱 alternate from Sun 11-01 (赵 on 11-01, 钱 on 11-02, 赵 on 11-03 …);
  // 张镇长 leads every day up to 11-10. 孙 stands in; 周 has left and his account is disabled.
  beforeAll(async () => {
    const t = await testApp({ now: '2026-11-02 09:00' });
    const admin = await t.setup();
    const roles = await t.ok(admin, 'duty.roles.list', {});
    const zhao = await t.addUser(admin, 'duty1', 'duty_officer', '赵值班');
    const qian = await t.addUser(admin, 'duty2', 'duty_officer', '钱值班');
    const sun = await t.ok(admin, 'users.create', { username: 'duty3', displayName: '孙值班', role: 'duty_officer', password: 'Passw0rd1' });
    const zhou = await t.ok(admin, 'users.create', { username: 'duty4', displayName: '周值班', role: 'duty_officer', password: 'Passw0rd1' });
    const leader = await t.addUser(admin, 'leader1', 'leader', '张镇长');
    await t.ok(admin, 'users.update', { id: zhou.id, active: false });
    const officerRole = roles.find((r) => r.key === 'officer')?.id ?? 0;
    const leaderRole = roles.find((r) => r.key === 'leader')?.id ?? 0;
    await t.ok(leader.token, 'duty.rotations.create', { name: '值班员轮班', roleId: officerRole, pattern: 'daily', startDate: '2026-11-01', members: [zhao.id, qian.id] });
    await t.ok(leader.token, 'duty.rotations.create', { name: '带班领导', roleId: leaderRole, pattern: 'daily', startDate: '2026-11-01', endDate: '2026-11-10', members: [leader.id] });
    o = {
      t,
      admin,
      leader: leader.token,
      officer: zhao.token,
      ids: { zhao: zhao.id, qian: qian.id, sun: sun.id, zhou: zhou.id, leader: leader.id },
      roles: { officer: officerRole, leader: leaderRole },
    };
  });
  afterAll(() => o.t.close());

  /** Moves the clock within the same day: sessions stay valid (they end after 12 idle hours). */
  function travel(when: string): void {
    o.t.clock.set(at(when));
  }

  const overridesOn = (from: string, to: string) => o.t.ok(o.leader, 'duty.overrides.list', { from: at(from), to: at(to) });

  it('duty.now names the officer and the leader on shift, until when, and the next time nobody leads', async () => {
    travel('2026-11-02 09:00');
    const now = await o.t.ok(o.officer, 'duty.current.get', {});
    const users = (key: string) => now.roles.find((r) => r.key === key)?.users;
    expect(users('officer')).toEqual([{ id: o.ids.qian, name: '钱值班', source: 'rotation', until: at('2026-11-03 08:00') }]);
    expect(users('leader')).toEqual([{ id: o.ids.leader, name: '张镇长', source: 'rotation', until: at('2026-11-03 08:00') }]);
    // The leaders' rotation ends with the 11-10 shift; the two-week look-ahead runs to 11-16 09:00.
    expect(now.nextGap).toEqual({ roleId: o.roles.leader, start: at('2026-11-11 08:00'), end: at('2026-11-16 09:00') });
  });

  it('duty.schedule shows segments with names, and the leader gap with its exact start and end', async () => {
    const s = await o.t.ok(o.officer, 'duty.schedule.get', { from: at('2026-11-09 08:00'), to: at('2026-11-13 08:00') });
    // 11-09 is day 8 (赵), 11-10 钱, 11-11 赵, 11-12 钱.
    expect(s.segments.filter((g) => g.roleId === o.roles.officer).map((g) => [g.userName, formatDateTime(g.start, TZ)])).toEqual([
      ['赵值班', '2026-11-09 08:00'],
      ['钱值班', '2026-11-10 08:00'],
      ['赵值班', '2026-11-11 08:00'],
      ['钱值班', '2026-11-12 08:00'],
    ]);
    expect(s.gaps).toEqual([{ roleId: o.roles.leader, start: at('2026-11-11 08:00'), end: at('2026-11-13 08:00') }]);
  });

  it('an override for part of a shift shows on duty.now while it runs and is gone once cancelled', async () => {
    travel('2026-11-02 13:00');
    const { id } = await o.t.ok(o.leader, 'duty.overrides.create', {
      roleId: o.roles.officer,
      userId: o.ids.sun,
      replacedUserId: o.ids.qian,
      startAt: at('2026-11-02 12:00'),
      endAt: at('2026-11-02 18:00'),
      reason: '钱值班下午就医',
    });
    const officers = async () => (await o.t.ok(o.officer, 'duty.current.get', {})).roles.find((r) => r.key === 'officer')?.users;
    expect(await officers()).toEqual([{ id: o.ids.sun, name: '孙值班', source: 'override', until: at('2026-11-02 18:00') }]);
    const s = await o.t.ok(o.officer, 'duty.schedule.get', { from: at('2026-11-02 08:00'), to: at('2026-11-03 08:00') });
    expect(s.segments.filter((g) => g.roleId === o.roles.officer).map((g) => [g.userName, formatDateTime(g.start, TZ), formatDateTime(g.end, TZ), g.source])).toEqual([
      ['钱值班', '2026-11-02 08:00', '2026-11-02 12:00', 'rotation'],
      ['孙值班', '2026-11-02 12:00', '2026-11-02 18:00', 'override'],
      ['钱值班', '2026-11-02 18:00', '2026-11-03 08:00', 'rotation'],
    ]);
    await o.t.ok(o.leader, 'duty.overrides.remove', { id });
    expect(await officers()).toEqual([{ id: o.ids.qian, name: '钱值班', source: 'rotation', until: at('2026-11-03 08:00') }]);
  });

  it('a swap trades two shifts and cancelling either half cancels both', async () => {
    travel('2026-11-02 14:00');
    // Without the swap 赵 has 11-03 and 钱 has 11-04.
    await o.t.ok(o.leader, 'duty.swap', {
      roleId: o.roles.officer,
      userA: o.ids.zhao,
      startA: at('2026-11-03 08:00'),
      endA: at('2026-11-04 08:00'),
      userB: o.ids.qian,
      startB: at('2026-11-04 08:00'),
      endB: at('2026-11-05 08:00'),
      reason: '赵值班11月3日参加培训',
    });
    const names = async () =>
      (await o.t.ok(o.officer, 'duty.schedule.get', { from: at('2026-11-03 08:00'), to: at('2026-11-05 08:00') })).segments
        .filter((g) => g.roleId === o.roles.officer)
        .map((g) => [g.userName, g.source]);
    expect(await names()).toEqual([
      ['钱值班', 'swap'],
      ['赵值班', 'swap'],
    ]);
    const pair = await overridesOn('2026-11-03 00:00', '2026-11-06 00:00');
    expect(pair).toHaveLength(2);
    expect(pair[0]?.swapGroup).toBe(pair[1]?.swapGroup);
    await o.t.ok(o.leader, 'duty.overrides.remove', { id: pair[1]?.id ?? 0 });
    expect(await overridesOn('2026-11-03 00:00', '2026-11-06 00:00')).toEqual([]);
    expect(await names()).toEqual([
      ['赵值班', 'rotation'],
      ['钱值班', 'rotation'],
    ]);
  });

  it('refuses an override or a swap a planner got wrong, says why in Chinese, and saves nothing', async () => {
    travel('2026-11-02 15:00');
    const good = {
      roleId: o.roles.officer,
      userId: o.ids.sun,
      replacedUserId: o.ids.qian,
      startAt: at('2026-11-05 08:00'),
      endAt: at('2026-11-05 12:00'),
      reason: '换休',
    };
    const refusals: [Partial<typeof good>, string, string][] = [
      [{ endAt: at('2026-11-05 07:00') }, 'endAt', '结束时间必须晚于开始时间'],
      [{ endAt: at('2026-11-05 08:00') }, 'endAt', '结束时间必须晚于开始时间'],
      [{ reason: '' }, 'reason', '请填写原因'],
      [{ userId: o.ids.qian }, 'userId', '替班人和被替班人不能是同一人'],
      [{ userId: o.ids.zhou }, 'userId', '所选人员不存在或账号已停用，请重新选择'],
    ];
    for (const [change, field, message] of refusals) {
      const r = await o.t.call(o.leader, 'duty.overrides.create', { ...good, ...change });
      expect(expectRefused(r, 'invalid_input', message).fields?.[field]).toBe(message);
    }
    const swap = {
      roleId: o.roles.officer,
      userA: o.ids.zhao,
      startA: at('2026-11-07 08:00'),
      endA: at('2026-11-08 08:00'),
      userB: o.ids.qian,
      startB: at('2026-11-08 08:00'),
      endB: at('2026-11-09 08:00'),
      reason: '家中有事',
    };
    const swapRefusals: [Partial<typeof swap>, string][] = [
      [{ userB: o.ids.zhao }, '替班人和被替班人不能是同一人'],
      [{ endA: at('2026-11-07 08:00') }, '结束时间必须晚于开始时间'],
      [{ endB: at('2026-11-08 06:00') }, '结束时间必须晚于开始时间'],
      [{ reason: '' }, '请填写原因'],
      [{ userB: o.ids.zhou }, '所选人员不存在或账号已停用，请重新选择'],
    ];
    for (const [change, message] of swapRefusals) {
      const r = await o.t.call(o.leader, 'duty.swap', { ...swap, ...change });
      expectRefused(r, 'invalid_input', message);
    }
    expect(await overridesOn('2026-11-04 00:00', '2026-11-10 00:00')).toEqual([]);

    const missing = await o.t.call(o.leader, 'duty.overrides.remove', { id: 9999 });
    expectRefused(missing, 'not_found', '没有找到这条记录，它可能已被删除');
  });

  it('a duty officer may look at the roster but not change it', async () => {
    travel('2026-11-02 16:00');
    const before = await o.t.ok(o.officer, 'duty.rotations.list', {});
    const r = await o.t.call(o.officer, 'duty.rotations.create', { name: '自排班', roleId: o.roles.officer, pattern: 'daily', startDate: '2026-11-02', members: [o.ids.zhao] });
    expectRefused(r, 'forbidden', '您的账号（值班员）无权进行此操作');
    const o2 = await o.t.call(o.officer, 'duty.overrides.create', { roleId: o.roles.officer, userId: o.ids.zhao, startAt: at('2026-11-03 08:00'), endAt: at('2026-11-03 12:00'), reason: '自己顶班' });
    expectRefused(o2, 'forbidden');
    expect(await o.t.ok(o.officer, 'duty.rotations.list', {})).toEqual(before);
  });
});
