/**
 * A petition's way through the office, driven through the API as the UI drives it: which steps are legal,
 * what each refused step tells the clerk, and which statutory deadlines each step opens, meets or cancels.
 * Expected due dates are counted by hand from the 2026 notice (see the comment at each).
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { testApp, at, ADMIN_PASSWORD, type TestApp } from './support/test-app';
import type { PetitionDetail, PetitionInput, TransitionInput } from '../../shared/api';
import type { PetitionAction } from '../../shared/enums';
import { expectRefused } from './support/refusals';

interface Office {
  readonly t: TestApp;
  admin: string;
  clerk: string;
  readonly leaderId: number;
  readonly unitId: number;
}

/** Moves the clock; sessions idle over 12 hours expire, so the clerk and the admin log in again. */
async function travel(o: Office, when: string, options: { admin?: boolean } = {}): Promise<void> {
  o.t.clock.set(at(when));
  o.clerk = (await o.t.ok(null, 'auth.login', { username: 'clerk1', password: 'Passw0rd1' })).token;
  if (options.admin) o.admin = (await o.t.ok(null, 'auth.login', { username: 'admin', password: ADMIN_PASSWORD })).token;
}

/** Tests that leave the clock alone share one office; each registers its own petitions. */
let shared: Office;
beforeAll(async () => {
  shared = await office();
});
afterAll(() => shared.t.close());

/** Mon 2026-03-02 09:00: the clerk registers a petition received at 08:30 the same morning. */
async function office(): Promise<Office> {
  const t = await testApp({ now: '2026-03-02 09:00' });
  const admin = await t.setup();
  const clerk = (await t.addUser(admin, 'clerk1', 'clerk', '李登记')).token;
  const leaderId = (await t.ok(admin, 'users.create', { username: 'leader1', displayName: '赵镇长', role: 'leader', password: 'Passw0rd1' })).id;
  const unit = await t.ok(admin, 'units.create', { name: '东风村', kind: 'village' });
  return { t, admin, clerk, leaderId, unitId: unit.id };
}

function petitionInput(overrides: Partial<PetitionInput> = {}): PetitionInput {
  return {
    channel: 'visit',
    receivedAt: at('2026-03-02 08:30'),
    petitioners: [{ name: '张三', idNumber: '11010519491231002X', phone: '13912345678', address: '东风村3组' }],
    peopleCount: 1,
    category: 'claim',
    claimItem: 6,
    summary: '反映征地补偿款未足额发放',
    request: '要求补发征地补偿款',
    factsReasons: '2025年东风村征地，补偿款至今只发了一半',
    ...overrides,
  };
}

/** What each action needs besides its name, as a clerk would fill it in. */
function defaults(o: Office, action: PetitionAction): Omit<TransitionInput, 'id' | 'action'> {
  switch (action) {
    case 'forward':
      return { targetBody: '县人力资源和社会保障局' };
    case 'assign':
      return { unitId: o.unitId };
    case 'reject':
      return { note: '属于应当通过仲裁解决的事项' };
    case 'start_handling':
      return { unitId: o.unitId, leaderId: o.leaderId };
    case 'extend':
      return { days: 30, approverId: o.leaderId, note: '涉及多户，需要补充调查' };
    case 'reply':
    case 'review':
    case 'rereview':
      return { decision: 'support', basis: '《中华人民共和国土地管理法》第四十八条' };
    case 'withdraw':
      return { note: '信访人书面申请撤回' };
    default:
      return {};
  }
}

async function step(o: Office, id: number, action: PetitionAction, extra: Omit<TransitionInput, 'id' | 'action'> = {}) {
  return o.t.ok(o.clerk, 'petitions.transition', { id, action, ...defaults(o, action), ...extra });
}

async function create(o: Office, overrides: Partial<PetitionInput> = {}, path: readonly PetitionAction[] = []) {
  const { id } = await o.t.ok(o.clerk, 'petitions.create', petitionInput(overrides));
  for (const action of path) await step(o, id, action);
  return id;
}

function deadline(d: PetitionDetail, kind: PetitionDetail['deadlines'][number]['kind']) {
  const found = d.deadlines.find((x) => x.kind === kind);
  if (!found) throw new Error(`no ${kind} deadline; have ${d.deadlines.map((x) => x.kind).join(', ')}`);
  return found;
}

const openKinds = (d: PetitionDetail) => d.deadlines.filter((x) => x.status === 'open').map((x) => x.kind).sort();

async function expectUnchanged(o: Office, id: number, attempt: () => Promise<unknown>) {
  const before = await o.t.ok(o.admin, 'petitions.get', { id });
  const auditBefore = (await o.t.ok(o.admin, 'audit.list', {})).total;
  await attempt();
  const after = await o.t.ok(o.admin, 'petitions.get', { id });
  expect(after.status).toBe(before.status);
  expect(after.steps).toHaveLength(before.steps.length);
  expect(after.deadlines).toEqual(before.deadlines);
  expect(after).toEqual(before);
  expect((await o.t.ok(o.admin, 'audit.list', {})).total).toBe(auditBefore);
}

describe('registration', () => {
  it('opens the 15-day forward and acceptance-notice deadlines', async () => {
    const o = shared;
    const id = await create(o);
    const d = await o.t.ok(o.clerk, 'petitions.get', { id });
    expect(d.status).toBe('registered');
    // Received Mon 2026-03-02; 15 days, the day of receipt not counted: Tue Mar 17, ending at 24:00.
    for (const kind of ['forward', 'acceptance_notice'] as const) {
      const dl = deadline(d, kind);
      expect(dl.status).toBe('open');
      expect(dl.officeDuty).toBe(true);
      expect(dl.dueDate).toBe('2026-03-17');
      expect(dl.dueAt).toBe(at('2026-03-18 00:00'));
    }
    expect(d.nextDueAt).toBe(at('2026-03-18 00:00'));
    expect(d.allowedActions).toEqual(['forward', 'assign', 'accept', 'reject', 'withdraw']);
  });
});

describe('legal paths', () => {
  it('registered → forward → close: forwarding meets the forward deadline, closing cancels the rest', async () => {
    const o = shared;
    const id = await create(o);

    const noTarget = await o.t.call(o.clerk, 'petitions.transition', { id, action: 'forward' });
    expect(expectRefused(noTarget, 'invalid_input').fields?.targetBody).toBe('请填写转送机关');

    // Recorded a little after the fact: the step keeps the time it happened.
    const forwarded = await step(o, id, 'forward', { at: at('2026-03-02 08:50') });
    expect(forwarded.status).toBe('forwarded');
    expect(deadline(forwarded, 'forward')).toMatchObject({ status: 'met', metAt: at('2026-03-02 08:50') });
    // Forwarding does not tell the petitioner anything: the notice is still owed.
    expect(deadline(forwarded, 'acceptance_notice').status).toBe('open');
    expect(forwarded.steps.at(-1)?.details).toEqual({ targetBody: '县人力资源和社会保障局' });

    const closed = await step(o, id, 'close');
    expect(closed.status).toBe('closed');
    expect(deadline(closed, 'acceptance_notice').status).toBe('cancelled');
    expect(openKinds(closed)).toEqual([]);
    expect(closed.nextDueAt).toBeNull();
    expect(closed.allowedActions).toEqual([]);
    expect(closed.steps.map((s) => s.action)).toEqual(['register', 'forward', 'close']);
  });

  it('the whole way: assign, accept, handle, extend, reply, review, re-review, close', async () => {
    const o = await office();
    const id = await create(o);

    await travel(o, '2026-03-02 10:00');
    let d = await step(o, id, 'assign');
    expect(d.status).toBe('assigned');
    expect(deadline(d, 'forward')).toMatchObject({ status: 'met', metAt: at('2026-03-02 10:00') });
    // The unit may object within 5 working days of Mon Mar 2: Tue–Fri are 4, Sat 7 and Sun 8 skipped, Mon 9 is 5.
    const objection = deadline(d, 'objection');
    expect(objection).toMatchObject({ status: 'open', officeDuty: false, dueDate: '2026-03-09' });
    expect(objection.explanation.unit).toBe('working_days');
    expect(objection.explanation.skipped.map((s) => s.date)).toEqual(['2026-03-07', '2026-03-08']);

    await travel(o, '2026-03-03 09:00');
    d = await step(o, id, 'accept');
    expect(d.status).toBe('accepted');
    expect(deadline(d, 'acceptance_notice').status).toBe('met');
    expect(deadline(d, 'objection').status).toBe('cancelled');
    // 60 days from Tue Mar 3: Mar 4–31 = 28, April = 58, May 2 = 60. May 1–5 are Labour Day: Wed May 6.
    const handling = deadline(d, 'handling');
    expect(handling).toMatchObject({ status: 'open', officeDuty: true, dueDate: '2026-05-06', dueAt: at('2026-05-07 00:00') });
    expect(handling.explanation.shiftedFrom).toBe('2026-05-02');
    expect(handling.explanation.article).toContain('第三十四条');
    expect(d.nextDueKind).toBe('handling');

    await travel(o, '2026-03-03 10:00');
    d = await step(o, id, 'start_handling');
    expect(d.status).toBe('in_handling');
    expect(d.responsibleUnitName).toBe('东风村');
    expect(d.leadLeaderName).toBe('赵镇长');
    expect(d.allowedActions).toEqual(['extend', 'reply', 'withdraw']);

    await travel(o, '2026-03-20 09:00');
    d = await step(o, id, 'extend');
    expect(d.status).toBe('extended');
    expect(d.extendedDays).toBe(30);
    // 60 + 30 days from Mar 3: day 60 is May 2, day 90 is Mon Jun 1, a working day.
    expect(deadline(d, 'handling')).toMatchObject({ status: 'open', dueDate: '2026-06-01' });
    expect(deadline(d, 'handling').explanation.extensionDays).toBe(30);
    expect(d.steps.at(-1)?.details).toMatchObject({ days: 30, approver: '赵镇长' });
    expect(d.allowedActions).toEqual(['reply', 'withdraw']);

    await travel(o, '2026-04-20 10:00');
    d = await step(o, id, 'reply');
    expect(d.status).toBe('replied');
    expect(d.decision).toBe('support');
    expect(deadline(d, 'handling')).toMatchObject({ status: 'met', metAt: at('2026-04-20 10:00') });
    // The petitioner's 30 days to ask for a review: Apr 21–30 = 10, May 20 = 30 (a Wednesday).
    expect(deadline(d, 'review_request_window')).toMatchObject({ status: 'open', officeDuty: false, dueDate: '2026-05-20' });
    // The window binds the petitioner, not the office: nothing is due from the office now.
    expect(d.nextDueAt).toBeNull();

    await travel(o, '2026-05-10 09:00');
    d = await step(o, id, 'request_review');
    expect(d.status).toBe('review_requested');
    expect(deadline(d, 'review_request_window').status).toBe('met');
    // Review opinion within 30 days of Sun May 10: May 11–31 = 21, Jun 9 = 30 (a Tuesday).
    expect(deadline(d, 'review')).toMatchObject({ status: 'open', officeDuty: true, dueDate: '2026-06-09' });

    await travel(o, '2026-06-01 09:00');
    d = await step(o, id, 'review', { decision: 'explain' });
    expect(d.status).toBe('reviewed');
    expect(d.decision).toBe('explain');
    expect(deadline(d, 'review').status).toBe('met');
    // 30 days from Mon Jun 1: Jun 2–30 = 29, Wed Jul 1 = 30.
    expect(deadline(d, 'rereview_request_window')).toMatchObject({ status: 'open', officeDuty: false, dueDate: '2026-07-01' });

    await travel(o, '2026-06-15 09:00');
    d = await step(o, id, 'request_rereview');
    expect(d.status).toBe('rereview_requested');
    // 30 days from Mon Jun 15: Jun 16–30 = 15, Wed Jul 15 = 30.
    expect(deadline(d, 'rereview')).toMatchObject({ status: 'open', dueDate: '2026-07-15' });

    await travel(o, '2026-07-01 09:00');
    d = await step(o, id, 'rereview', { decision: 'not_support' });
    expect(d.status).toBe('rereviewed');
    expect(deadline(d, 'rereview').status).toBe('met');
    expect(openKinds(d)).toEqual([]);

    d = await step(o, id, 'close');
    expect(d.status).toBe('closed');
    expect(d.steps.map((s) => s.action)).toEqual([
      'register', 'assign', 'accept', 'start_handling', 'extend', 'reply',
      'request_review', 'review', 'request_rereview', 'rereview', 'close',
    ]);
    expect(d.steps.every((s, i) => i === 0 || s.userName === '李登记')).toBe(true);
    // Nothing was cancelled on the way: every deadline the office had was met in time.
    expect(d.deadlines.filter((x) => x.kind !== 'objection').every((x) => x.status === 'met')).toBe(true);
    await o.t.close();
  });

  it('registered → reject → close: not accepting meets the forward and notice deadlines and needs a reason', async () => {
    const o = shared;
    const id = await create(o);
    const noReason = await o.t.call(o.clerk, 'petitions.transition', { id, action: 'reject' });
    expectRefused(noReason, 'invalid_input', '请填写不予受理的理由');

    let d = await step(o, id, 'reject');
    expect(d.status).toBe('not_accepted');
    expect(deadline(d, 'forward').status).toBe('met');
    expect(deadline(d, 'acceptance_notice').status).toBe('met');
    expect(d.steps.at(-1)?.note).toBe('属于应当通过仲裁解决的事项');
    d = await step(o, id, 'close');
    expect(d.status).toBe('closed');
  });

  it('withdrawing while in handling cancels the open handling deadline and needs a reason', async () => {
    const o = shared;
    const id = await create(o, {}, ['accept', 'start_handling']);
    const noReason = await o.t.call(o.clerk, 'petitions.transition', { id, action: 'withdraw' });
    expectRefused(noReason, 'invalid_input', '请填写撤回原因');

    const d = await step(o, id, 'withdraw');
    expect(d.status).toBe('withdrawn');
    expect(deadline(d, 'handling').status).toBe('cancelled');
    expect(openKinds(d)).toEqual([]);
    expect(d.nextDueAt).toBeNull();
  });

  it('withdrawing a just-registered petition cancels the forward and notice deadlines', async () => {
    const o = shared;
    const id = await create(o);
    const d = await step(o, id, 'withdraw');
    expect(d.status).toBe('withdrawn');
    expect(deadline(d, 'forward').status).toBe('cancelled');
    expect(deadline(d, 'acceptance_notice').status).toBe('cancelled');
  });
});

describe('the 60-day handling period', () => {
  it('is opened only for 申诉求决类 item 6, not for 建议意见类 or other claim items', async () => {
    const o = shared;
    const suggestion = await create(o, { category: 'suggestion', claimItem: null }, ['accept', 'start_handling']);
    const item3 = await create(o, { claimItem: 3 }, ['accept', 'start_handling']);
    for (const id of [suggestion, item3]) {
      const d = await o.t.ok(o.clerk, 'petitions.get', { id });
      expect(d.deadlines.map((x) => x.kind)).not.toContain('handling');
      expect(d.allowedActions).toEqual(['reply', 'withdraw']);
    }
  });

  it('is extended once only, by 1–30 days, approved by a leader, with a reason', async () => {
    const o = shared;
    const clerkId = (await o.t.ok(o.admin, 'users.list', {})).find((u) => u.username === 'clerk1')?.id ?? 0;
    const id = await create(o, {}, ['accept', 'start_handling']);
    const attempt = (extra: Omit<TransitionInput, 'id' | 'action'>) =>
      o.t.call(o.clerk, 'petitions.transition', { id, action: 'extend', ...defaults(o, 'extend'), ...extra });

    const refusals: [Omit<TransitionInput, 'id' | 'action'>, string, string][] = [
      [{ days: 0 }, 'days', '延长期限须为1到30日（《信访工作条例》第三十四条）'],
      [{ days: 31 }, 'days', '延长期限须为1到30日（《信访工作条例》第三十四条）'],
      [{ days: undefined }, 'days', '延长期限须为1到30日（《信访工作条例》第三十四条）'],
      [{ approverId: undefined }, 'approverId', '延期须由领导批准，请选择批准的领导'],
      [{ approverId: clerkId }, 'approverId', '延期须由领导批准，请选择批准的领导'],
      [{ note: '' }, 'note', '请填写延期理由（须告知信访人）'],
    ];
    for (const [extra, field, message] of refusals) {
      await expectUnchanged(o, id, async () => {
        const r = await attempt(extra);
        expect(expectRefused(r, 'invalid_input').fields?.[field], JSON.stringify(extra)).toBe(message);
      });
    }

    // Accepted Mon 2026-03-02 (the day of receipt): day 60 is May 1 (Mar 3–31 = 29, April = 59), +15 is
    // Sat May 16, a plain weekend: the period ends on Mon May 18.
    const d = await step(o, id, 'extend', { days: 15 });
    expect(deadline(d, 'handling')).toMatchObject({ dueDate: '2026-05-18' });
    expect(deadline(d, 'handling').explanation.shiftedFrom).toBe('2026-05-16');

    await expectUnchanged(o, id, async () => {
      const again = await attempt({ days: 10 });
      expectRefused(again, 'illegal_transition', '办理期限只能延长一次（《信访工作条例》第三十四条），本件已延期');
    });
  });
});

describe('illegal transitions', () => {
  it('are refused with the current status and the possible actions, and change nothing', async () => {
    const o = shared;
    const registered = await create(o);
    const forwarded = await create(o, {}, ['forward']);
    const assigned = await create(o, {}, ['assign']);
    const accepted = await create(o, {}, ['accept']);
    const notAccepted = await create(o, {}, ['reject']);
    const inHandling = await create(o, {}, ['accept', 'start_handling']);
    const suggestionInHandling = await create(o, { category: 'suggestion', claimItem: null }, ['accept', 'start_handling']);
    const replied = await create(o, {}, ['accept', 'start_handling', 'reply']);
    const reviewRequested = await create(o, {}, ['accept', 'start_handling', 'reply', 'request_review']);
    const reviewed = await create(o, {}, ['accept', 'start_handling', 'reply', 'request_review', 'review']);
    const closed = await create(o, {}, ['forward', 'close']);
    const withdrawn = await create(o, {}, ['withdraw']);

    // The possible actions are read off the workflow table in DOMAIN.md, in the order the UI lists them.
    const cases: [number, PetitionAction, string][] = [
      [registered, 'start_handling', '当前状态为“已登记”，不能进行“开始办理”。可以进行的操作：转送、交办、受理、不予受理、撤回'],
      [registered, 'close', '当前状态为“已登记”，不能进行“办结”。可以进行的操作：转送、交办、受理、不予受理、撤回'],
      [registered, 'reply', '当前状态为“已登记”，不能进行“答复”。可以进行的操作：转送、交办、受理、不予受理、撤回'],
      [forwarded, 'assign', '当前状态为“已转送”，不能进行“交办”。可以进行的操作：受理、不予受理、办结、撤回'],
      [assigned, 'close', '当前状态为“已交办”，不能进行“办结”。可以进行的操作：受理、不予受理、撤回'],
      [accepted, 'reply', '当前状态为“已受理”，不能进行“答复”。可以进行的操作：开始办理、撤回'],
      [notAccepted, 'accept', '当前状态为“不予受理”，不能进行“受理”。可以进行的操作：办结、撤回'],
      [inHandling, 'request_review', '当前状态为“办理中”，不能进行“申请复查”。可以进行的操作：延期、答复、撤回'],
      [suggestionInHandling, 'extend', '当前状态为“办理中”，不能进行“延期”。可以进行的操作：答复、撤回'],
      [replied, 'review', '当前状态为“已答复”，不能进行“复查意见”。可以进行的操作：申请复查、办结、撤回'],
      [reviewRequested, 'close', '当前状态为“申请复查”，不能进行“办结”。可以进行的操作：复查意见、撤回'],
      [reviewed, 'rereview', '当前状态为“已复查”，不能进行“复核意见”。可以进行的操作：申请复核、办结、撤回'],
      [closed, 'withdraw', '当前状态为“已办结”，该事项已结束，不能再进行操作'],
      [withdrawn, 'accept', '当前状态为“已撤回”，该事项已结束，不能再进行操作'],
    ];
    for (const [id, action, message] of cases) {
      await expectUnchanged(o, id, async () => {
        const r = await o.t.call(o.clerk, 'petitions.transition', { id, action, ...defaults(o, action) });
        expectRefused(r, 'illegal_transition', message);
      });
    }
  });
});

describe("the petitioner's 30-day review window (Art. 35)", () => {
  it('refuses a review requested after the window, and accepts one dated on its last day', async () => {
    const o = await office();
    const id = await create(o, { category: 'suggestion', claimItem: null }, ['accept', 'start_handling']);
    await travel(o, '2026-03-10 09:00');
    const replied = await step(o, id, 'reply');
    // 30 days from Tue Mar 10: Mar 11–31 = 21, Thu Apr 9 = 30; the window ends at Apr 9 24:00.
    expect(deadline(replied, 'review_request_window')).toMatchObject({ dueDate: '2026-04-09', dueAt: at('2026-04-10 00:00') });

    await travel(o, '2026-04-12 10:00', { admin: true });
    await expectUnchanged(o, id, async () => {
      const late = await o.t.call(o.clerk, 'petitions.transition', { id, action: 'request_review' });
      // Apr 10, 11 and 12 are past the window: three days late.
      expectRefused(late, 'invalid_input', '复查申请须在收到书面答复之日起30日内提出（《信访工作条例》第三十五条），已超过期限3日');
    });

    // A request dated the first day after the window (a bare date is 00:00) is one day late, not zero.
    await expectUnchanged(o, id, async () => {
      const late = await o.t.call(o.clerk, 'petitions.transition', { id, action: 'request_review', at: at('2026-04-10') });
      expectRefused(late, 'invalid_input', '已超过期限1日');
    });

    // A letter received on the last day, recorded later, is in time: the last day ends at 24:00.
    const d = await step(o, id, 'request_review', { at: at('2026-04-09 23:30') });
    expect(d.status).toBe('review_requested');
    expect(deadline(d, 'review_request_window')).toMatchObject({ status: 'met', metAt: at('2026-04-09 23:30') });
    await o.t.close();
  });
});

describe('who may move a petition', () => {
  it('a clerk may; a duty officer is refused and nothing changes', async () => {
    const o = shared;
    const duty = await o.t.addUser(o.admin, 'duty1', 'duty_officer', '钱值班');
    const id = await create(o);
    await expectUnchanged(o, id, async () => {
      const r = await o.t.call(duty.token, 'petitions.transition', { id, action: 'accept' });
      expectRefused(r, 'forbidden', '您的账号（值班员）无权进行此操作');
    });
    const d = await step(o, id, 'accept');
    expect(d.status).toBe('accepted');
    expect(d.steps.at(-1)?.userName).toBe('李登记');
  });
});
