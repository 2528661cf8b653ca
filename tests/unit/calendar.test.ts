/**
 * The holiday calendar as the admin maintains it: importing next year's notice and editing single days
 * move the open deadlines that depend on them; a bad file is refused with a message that says what is wrong
 * and changes nothing.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { testApp, at, type TestApp } from './support/test-app';
import type { PetitionInput } from '../../shared/api';
import { expectRefused } from './support/refusals';

/**
 * A hand-made 2027 file for tests (the State Council has not published 2027 here): New Year's Day off,
 * and one make-up Saturday, so both kinds of entry are counted.
 */
const FILE_2027 = JSON.stringify({
  year: 2027,
  days: [
    { date: '2027-01-01', name: '元旦', isOffDay: true },
    { date: '2027-02-20', name: '春节', isOffDay: false },
  ],
});

function petitionInput(receivedAt: string, overrides: Partial<PetitionInput> = {}): PetitionInput {
  return {
    channel: 'letter',
    receivedAt: at(receivedAt),
    petitioners: [{ name: '张三', address: '东风村3组' }],
    peopleCount: 1,
    category: 'suggestion',
    summary: '建议村口增设公交站',
    request: '在东风村村口设一个公交站',
    ...overrides,
  };
}

async function office(now: string) {
  const t = await testApp({ now });
  const admin = await t.setup();
  return { t, admin };
}

describe('importing a year', () => {
  it('recomputes an open deadline that runs into the new year and clears the "year not covered" warning', async () => {
    const { t, admin } = await office('2026-12-17 09:00');
    const open = await t.ok(admin, 'petitions.create', petitionInput('2026-12-17 08:30'));
    const forwarded = await t.ok(admin, 'petitions.create', petitionInput('2026-12-17 08:40'));
    await t.ok(admin, 'petitions.transition', { id: forwarded.id, action: 'forward', targetBody: '县交通运输局' });

    // Thu 2026-12-17 + 15: Dec 18–31 are 14 days, Fri Jan 1 2027 is day 15. With no 2027 notice loaded,
    // Jan 1 looks like an ordinary Friday and the date is flagged as provisional.
    let d = await t.ok(admin, 'petitions.get', { id: open.id });
    const before = d.deadlines.find((x) => x.kind === 'forward');
    expect(before).toMatchObject({ dueDate: '2027-01-01' });
    expect(before?.explanation.uncoveredYears).toEqual([2027]);
    const versionBefore = (await t.ok(admin, 'calendar.years.list', {})).version;

    const result = await t.ok(admin, 'calendar.import', { fileText: FILE_2027 });
    // Three deadlines were open: the first petition's forward and notice deadlines, the second's notice.
    expect(result).toEqual({ year: 2027, days: 2, recomputed: 3 });

    // Jan 1 is now a holiday; Sat 2 and Sun 3 are a weekend: Mon Jan 4.
    d = await t.ok(admin, 'petitions.get', { id: open.id });
    for (const kind of ['forward', 'acceptance_notice'] as const) {
      const after = d.deadlines.find((x) => x.kind === kind);
      expect(after).toMatchObject({ dueDate: '2027-01-04', dueAt: at('2027-01-05 00:00') });
      expect(after?.explanation.shiftedFrom).toBe('2027-01-01');
      expect(after?.explanation.uncoveredYears).toEqual([]);
      expect(after?.explanation.calendarVersion).toBe(versionBefore + 1);
    }
    expect(d.nextDueAt).toBe(at('2027-01-05 00:00'));

    // A deadline already met keeps the date it had when it was met.
    const f = await t.ok(admin, 'petitions.get', { id: forwarded.id });
    expect(f.deadlines.find((x) => x.kind === 'forward')).toMatchObject({ status: 'met', dueDate: '2027-01-01' });
    expect(f.deadlines.find((x) => x.kind === 'acceptance_notice')).toMatchObject({ status: 'open', dueDate: '2027-01-04' });

    const years = await t.ok(admin, 'calendar.years.list', {});
    expect(years.version).toBe(versionBefore + 1);
    expect(years.years.find((y) => y.year === 2027)).toEqual({ year: 2027, offDays: 1, makeUpDays: 1 });
    expect(await t.ok(admin, 'calendar.days.list', { year: 2027 })).toEqual([
      { date: '2027-01-01', isOffDay: true, name: '元旦' },
      { date: '2027-02-20', isOffDay: false, name: '春节' },
    ]);
    await t.close();
  });
});

describe('editing one day', () => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    ({ t, admin } = await office('2026-11-10 09:00'));
  });
  afterAll(() => t.close());

  const forwardDue = async (id: number) => (await t.ok(admin, 'petitions.get', { id })).deadlines.find((x) => x.kind === 'forward');

  it('making the due date a day off moves the deadline to the next working day, and undoing it moves it back', async () => {
    // Mon 2026-11-02 + 15 = Tue Nov 17.
    const { id } = await t.ok(admin, 'petitions.create', petitionInput('2026-11-02 08:30'));
    expect((await forwardDue(id))?.dueDate).toBe('2026-11-17');

    const r = await t.ok(admin, 'calendar.days.update', { date: '2026-11-17', isOffDay: true, name: '县庆放假' });
    expect(r.recomputed).toBe(2); // this petition's forward and notice deadlines
    const moved = await forwardDue(id);
    expect(moved?.dueDate).toBe('2026-11-18');
    expect(moved?.explanation.skipped).toEqual([{ date: '2026-11-17', name: '县庆放假', reason: 'holiday' }]);
    expect(await t.ok(admin, 'calendar.days.list', { year: 2026 })).toContainEqual({ date: '2026-11-17', isOffDay: true, name: '县庆放假' });

    await t.ok(admin, 'calendar.days.update', { date: '2026-11-17', isOffDay: null });
    expect((await forwardDue(id))?.dueDate).toBe('2026-11-17');
    expect((await t.ok(admin, 'calendar.days.list', { year: 2026 })).map((x) => x.date)).not.toContain('2026-11-17');
  });

  it('making a Saturday a working day lets a deadline end on it', async () => {
    // Fri 2026-11-06 + 15 = Sat Nov 21, a weekend, so Mon Nov 23; once Nov 21 is a working day, it ends there.
    const { id } = await t.ok(admin, 'petitions.create', petitionInput('2026-11-06 10:00'));
    expect((await forwardDue(id))?.dueDate).toBe('2026-11-23');
    await t.ok(admin, 'calendar.days.update', { date: '2026-11-21', isOffDay: false, name: '' });
    expect((await forwardDue(id))?.dueDate).toBe('2026-11-21');
    expect(await t.ok(admin, 'calendar.days.list', { year: 2026 })).toContainEqual({ date: '2026-11-21', isOffDay: false, name: '调休上班' });
  });

  it('refuses a date that does not exist', async () => {
    const r = await t.call(admin, 'calendar.days.update', { date: '2026-02-30', isOffDay: true });
    expectRefused(r, 'invalid_input', '日期“2026-02-30”不存在或格式不对，应为 2027-01-01');
  });
});

describe('bad holiday files', () => {
  let t: TestApp;
  let admin: string;
  let petitionId: number;
  beforeAll(async () => {
    ({ t, admin } = await office('2026-12-17 09:00'));
    petitionId = (await t.ok(admin, 'petitions.create', petitionInput('2026-12-17 08:30'))).id;
  });
  afterAll(() => t.close());

  const snapshot = async () => ({
    years: await t.ok(admin, 'calendar.years.list', {}),
    days2026: await t.ok(admin, 'calendar.days.list', { year: 2026 }),
    days2027: await t.ok(admin, 'calendar.days.list', { year: 2027 }),
    petition: await t.ok(admin, 'petitions.get', { id: petitionId }),
  });

  const file = (year: number, days: unknown) => JSON.stringify({ year, days });
  const cases: [string, string, RegExp][] = [
    ['not JSON', '{"year": 2027, "days": [', /^节假日文件格式不对：不是有效的 JSON 文本。应为 /],
    ['days is not a list', file(2027, '2027-01-01'), /^节假日文件格式不对：days /],
    ['a list instead of an object', '[]', /^节假日文件格式不对：/],
    ['an entry without isOffDay', file(2027, [{ date: '2027-01-01', name: '元旦' }]), /^节假日文件格式不对：days\.0\.isOffDay /],
    ['a date outside the year', file(2027, [{ date: '2028-01-01', name: '元旦', isOffDay: true }]), /^文件中的日期 2028-01-01 不属于 2027 年$/],
    [
      'the same date twice',
      file(2027, [{ date: '2027-01-01', name: '元旦', isOffDay: true }, { date: '2027-01-01', name: '元旦', isOffDay: true }]),
      /^节假日文件格式不对：日期 2027-01-01 出现了两次。/,
    ],
    ['an impossible date', file(2027, [{ date: '2027-02-30', name: '春节', isOffDay: true }]), /^日期“2027-02-30”不存在或格式不对，应为 2027-01-01$/],
    ['a date written without padding', file(2027, [{ date: '2027-1-1', name: '元旦', isOffDay: true }]), /^日期“2027-1-1”不存在或格式不对/],
    // A broken file for a year already loaded must not wipe that year.
    ['a broken file for 2026', file(2026, [{ date: '2026-10-01', name: '国庆节', isOffDay: true }, { date: '2026-10-01', name: '国庆节', isOffDay: true }]), /出现了两次/],
  ];

  for (const [what, fileText, message] of cases) {
    it(`refuses ${what} and changes nothing`, async () => {
      const before = await snapshot();
      const r = await t.call(admin, 'calendar.import', { fileText });
      const refusal = expectRefused(r, 'invalid_input');
      expect(refusal.message).toMatch(message);
      expect(refusal.fields?.fileText).toBe(refusal.message);
      expect(await snapshot()).toEqual(before);
    });
  }
});

describe('who may change the calendar', () => {
  it('only the admin: a clerk is refused and nothing changes', async () => {
    const { t, admin } = await office('2026-11-02 09:00');
    const clerk = await t.addUser(admin, 'clerk1', 'clerk');
    const before = await t.ok(admin, 'calendar.years.list', {});

    for (const r of [
      await t.call(clerk.token, 'calendar.import', { fileText: FILE_2027 }),
      await t.call(clerk.token, 'calendar.days.update', { date: '2026-11-17', isOffDay: true }),
    ]) {
      expectRefused(r, 'forbidden', '您的账号（登记员）无权进行此操作');
    }
    expect(await t.ok(admin, 'calendar.years.list', {})).toEqual(before);
    expect(await t.ok(clerk.token, 'calendar.days.list', { year: 2027 })).toEqual([]);
    await t.close();
  });
});
