/**
 * Registering petitions and finding them again, through the API: what the clerk is told when something is
 * wrong (and that nothing half-saved remains), office numbers, search, filters, repeat detection, and how
 * ID numbers and phones are kept out of sight unless someone asks, on the record.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { testApp, at, ADMIN_PASSWORD, type TestApp } from './support/test-app';
import { villagers, withCheckChar, withWrongCheckChar } from './support/id-numbers';
import type { PetitionInput, PetitionListInput } from '../../shared/api';
import { expectRefused } from './support/refusals';

const ID_ZHANG = '11010519491231002X';
const PHONE_ZHANG = '13912345678';

function petitionInput(overrides: Partial<PetitionInput> = {}): PetitionInput {
  return {
    channel: 'letter',
    receivedAt: at('2026-11-02 08:30'),
    petitioners: [{ name: '张三', idNumber: ID_ZHANG, phone: PHONE_ZHANG, address: '东风村3组' }],
    peopleCount: 1,
    category: 'claim',
    claimItem: 6,
    summary: '反映征地补偿款未足额发放',
    request: '要求补发征地补偿款',
    factsReasons: '2025年东风村征地，补偿款至今只发了一半',
    ...overrides,
  };
}

/** Six villagers about one matter, the first `reps` of them chosen as representatives. */
function collectiveVisit(reps: number, ids: readonly string[] = villagers(6)): PetitionInput {
  const names = ['刘一', '陈二', '张三', '李四', '王五', '赵六'];
  return petitionInput({
    channel: 'visit',
    peopleCount: 6,
    petitioners: names.map((name, i) => ({ name, idNumber: ids[i] ?? '', phone: '', address: '东风村2组', isRepresentative: i < reps })),
    summary: '东风村2组村民集体反映土地流转租金拖欠',
  });
}

async function officeWithClerk(now = '2026-11-02 09:00') {
  const t = await testApp({ now });
  const admin = await t.setup();
  const clerk = await t.addUser(admin, 'clerk1', 'clerk', '李登记');
  return { t, admin, clerk: clerk.token };
}

describe('office numbers', () => {
  it('a collective visit of 6 with 5 representatives is registered as 信〔2026〕0001号, the next as 0002号', async () => {
    const { t, clerk } = await officeWithClerk();
    const first = await t.ok(clerk, 'petitions.create', collectiveVisit(5));
    expect(first.number).toBe('信〔2026〕0001号');
    const detail = await t.ok(clerk, 'petitions.get', { id: first.id });
    expect(detail.petitioners).toHaveLength(6);
    expect(detail.petitioners.filter((p) => p.isRepresentative).map((p) => p.name)).toEqual(['刘一', '陈二', '张三', '李四', '王五']);
    expect(detail.firstPetitioner).toBe('刘一等6人');
    expect(detail.peopleCount).toBe(6);

    // A refused registration does not use up a number.
    expectRefused(await t.call(clerk, 'petitions.create', collectiveVisit(6)), 'invalid_input');
    const second = await t.ok(clerk, 'petitions.create', petitionInput());
    expect(second.number).toBe('信〔2026〕0002号');

    // A letter that arrived on New Year's Eve is numbered in the year it was received.
    const late = await t.ok(clerk, 'petitions.create', petitionInput({ receivedAt: at('2025-12-31 16:00') }));
    expect(late.number).toBe('信〔2025〕0001号');
    await t.close();
  });
});

describe('refused registrations', () => {
  let t: TestApp;
  let clerk: string;
  beforeAll(async () => {
    ({ t, clerk } = await officeWithClerk());
    await t.ok(clerk, 'petitions.create', petitionInput());
  });
  afterAll(() => t.close());

  async function expectIntakeRefused(input: PetitionInput, field: string, message: string) {
    const before = await t.ok(clerk, 'petitions.list', {});
    const r = await t.call(clerk, 'petitions.create', input);
    expect(expectRefused(r, 'invalid_input', message).fields?.[field]).toBe(message);
    const after = await t.ok(clerk, 'petitions.list', {});
    expect(after.total).toBe(before.total);
    expect(after.rows).toEqual(before.rows);
  }

  it('a sixth representative, citing Art. 20', async () => {
    await expectIntakeRefused(collectiveVisit(6), 'petitioners', '多人就同一事项信访，推选的代表不能超过5人（《信访工作条例》第二十条），现在选了6人');
  });

  it('a collective visit of 6 with no representative', async () => {
    await expectIntakeRefused(collectiveVisit(0), 'petitioners', '5人以上集体访应推选代表（最多5人），请勾选代表');
  });

  it('a wrong check digit, naming which petitioner', async () => {
    const ids = villagers(6);
    ids[2] = withWrongCheckChar(ids[2]?.slice(0, 17) ?? '');
    await expectIntakeRefused(
      collectiveVisit(5, ids),
      'petitioners.2.idNumber',
      '第3位信访人的身份证号码校验位不对（最后一位应与前17位相符），请核对后重新输入',
    );
  });

  it('an impossible birth date in an ID number', async () => {
    await expectIntakeRefused(
      petitionInput({ petitioners: [{ name: '张三', idNumber: withCheckChar('11010519900230002'), address: '东风村' }] }),
      'petitioners.0.idNumber',
      '第1位信访人的身份证号码中的出生日期不存在，请核对',
    );
  });

  it('a claim without its item', async () => {
    await expectIntakeRefused(petitionInput({ claimItem: null }), 'claimItem', '申诉求决类请选择诉求属于第几项（一至六）');
  });

  it('a received time in the future', async () => {
    await expectIntakeRefused(petitionInput({ receivedAt: at('2026-11-02 10:00') }), 'receivedAt', '收到时间不能晚于现在，请核对');
  });

  it('fewer people than petitioners entered', async () => {
    await expectIntakeRefused(
      petitionInput({ peopleCount: 1, petitioners: [{ name: '张三' }, { name: '李四' }] }),
      'peopleCount',
      '人数不能少于已填写的信访人数（2人）',
    );
  });
});

describe('the acceptance notice', () => {
  let t: TestApp;
  let clerk: string;
  beforeAll(async () => {
    ({ t, clerk } = await officeWithClerk());
  });
  afterAll(() => t.close());

  it('is owed to a petitioner with a name and address', async () => {
    const { id } = await t.ok(clerk, 'petitions.create', petitionInput());
    const d = await t.ok(clerk, 'petitions.get', { id });
    expect(d.deadlines.map((x) => x.kind).sort()).toEqual(['acceptance_notice', 'forward']);
  });

  it('is not owed when the address is unknown (anonymous letter, Art. 23)', async () => {
    const { id } = await t.ok(clerk, 'petitions.create', petitionInput({ petitioners: [{ name: '匿名' }], category: 'suggestion', claimItem: null }));
    const d = await t.ok(clerk, 'petitions.get', { id });
    expect(d.deadlines.map((x) => x.kind)).toEqual(['forward']);
  });
});

describe('finding petitions', () => {
  let t: TestApp;
  let clerk: string;
  const ids: Record<string, number> = {};
  const list = async (input: PetitionListInput) => t.ok(clerk, 'petitions.list', input);
  const numbers = async (input: PetitionListInput) => (await list(input)).rows.map((r) => r.number.slice(7, 11));

  beforeAll(async () => {
    ({ t, clerk } = await officeWithClerk());
    // Created out of order so that number order and receipt order differ.
    const make = async (key: string, input: PetitionInput) => {
      ids[key] = (await t.ok(clerk, 'petitions.create', input)).id;
    };
    await make('land', petitionInput({ receivedAt: at('2026-11-01 09:00') })); // 0001
    await make('welfare', petitionInput({
      receivedAt: at('2026-10-20 10:00'), category: 'accusation', claimItem: null,
      petitioners: [{ name: '王五', address: '西山村' }], summary: '举报村干部违规发放低保', request: '要求调查处理', factsReasons: '',
    })); // 0002
    await make('wages', petitionInput({
      receivedAt: at('2026-11-02 08:00'), petitioners: [{ name: '赵六', idNumber: withCheckChar('33010219800101105'), address: '南岭村' }],
      summary: '反映拖欠农民工工资', request: '要求支付2026年工资', factsReasons: '',
    })); // 0003
    await make('lights', petitionInput({
      receivedAt: at('2026-10-25 15:00'), category: 'suggestion', claimItem: null,
      petitioners: [{ name: '孙七', address: '东风村' }], summary: '建议修复东风村村道路灯', request: '村道路灯损坏多时，夜间出行不便', factsReasons: '',
    })); // 0004
    await t.ok(clerk, 'petitions.transition', { id: ids.lights ?? 0, action: 'accept' });
  });
  afterAll(() => t.close());

  it('finds a petition by a Chinese phrase of three or more characters from its text', async () => {
    expect(await numbers({ query: '补偿款' })).toEqual(['0001']);
    expect(await numbers({ query: '夜间出行' })).toEqual(['0004']); // only in the request
    expect(await numbers({ query: '宅基地' })).toEqual([]);
  });

  it('finds a petition by a two-character phrase', async () => {
    expect(await numbers({ query: '征地' })).toEqual(['0001']);
    expect(await numbers({ query: '路灯' })).toEqual(['0004']);
    expect(await numbers({ query: '低保' })).toEqual(['0002']);
  });

  it('finds a petition by its number and by the petitioner’s name', async () => {
    expect(await numbers({ query: '0003' })).toEqual(['0003']);
    expect(await numbers({ query: '赵六' })).toEqual(['0003']);
  });

  it('filters by status and category, alone and with a search', async () => {
    expect(await numbers({ statuses: ['accepted'] })).toEqual(['0004']);
    expect((await list({ statuses: ['registered'] })).total).toBe(3);
    expect((await numbers({ category: 'claim' })).sort()).toEqual(['0001', '0003']);
    expect(await numbers({ category: 'claim', query: '工资' })).toEqual(['0003']);
    expect(await numbers({ category: 'suggestion', statuses: ['registered'] })).toEqual([]);
  });

  it('sorts by receipt time, number and next due date', async () => {
    // Received: 0002 Oct 20, 0004 Oct 25, 0001 Nov 1, 0003 Nov 2.
    expect(await numbers({ sort: 'receivedAt', descending: false })).toEqual(['0002', '0004', '0001', '0003']);
    expect(await numbers({})).toEqual(['0003', '0001', '0004', '0002']); // newest first by default
    expect(await numbers({ sort: 'number', descending: true })).toEqual(['0004', '0003', '0002', '0001']);
    // Forward deadlines: 0002 Oct 20 + 15 = Wed Nov 4; 0001 Nov 1 + 15 = Mon Nov 16; 0003 Nov 2 + 15 = Tue
    // Nov 17. 0004 was accepted and owes nothing, so it sorts last either way.
    expect(await numbers({ sort: 'nextDueAt', descending: false })).toEqual(['0002', '0001', '0003', '0004']);
    expect(await numbers({ sort: 'nextDueAt', descending: true })).toEqual(['0003', '0001', '0002', '0004']);
  });

  it('pages through the list', async () => {
    const page1 = await list({ sort: 'number', descending: false, pageSize: 3, page: 1 });
    const page2 = await list({ sort: 'number', descending: false, pageSize: 3, page: 2 });
    expect(page1.total).toBe(4);
    expect(page2.total).toBe(4);
    expect(page1.rows.map((r) => r.number)).toEqual(['信〔2026〕0001号', '信〔2026〕0002号', '信〔2026〕0003号']);
    expect(page2.rows.map((r) => r.number)).toEqual(['信〔2026〕0004号']);
    expect((await list({ pageSize: 3, page: 3 })).rows).toEqual([]);
  });

  it('suggests a repeat petition by the same ID number, typed with a lower-case x', async () => {
    const found = await t.ok(clerk, 'petitions.repeats.list', { idNumbers: [ID_ZHANG.toLowerCase()] });
    expect(found.map((f) => [f.id, f.reason])).toEqual([[ids.land, 'idNumber']]);
  });

  it('suggests a repeat petition by similar wording, and nothing for an unrelated matter', async () => {
    const found = await t.ok(clerk, 'petitions.repeats.list', { text: '征地补偿款没有发放到位' });
    expect(found.map((f) => [f.id, f.reason])).toEqual([[ids.land, 'text']]);
    expect(await t.ok(clerk, 'petitions.repeats.list', { text: '孩子上学路途太远' })).toEqual([]);
    expect(await t.ok(clerk, 'petitions.repeats.list', { text: '征地补偿款没有发放到位', excludeId: ids.land })).toEqual([]);
  });
});

describe('overdue petitions', () => {
  it('are listed once their deadline has passed its last day at 24:00', async () => {
    const { t, clerk } = await officeWithClerk();
    const late = await t.ok(clerk, 'petitions.create', petitionInput());
    const done = await t.ok(clerk, 'petitions.create', petitionInput({ category: 'suggestion', claimItem: null }));
    await t.ok(clerk, 'petitions.transition', { id: done.id, action: 'accept' });
    const login = async () => (await t.ok(null, 'auth.login', { username: 'admin', password: ADMIN_PASSWORD })).token;

    // Received Mon Nov 2: forward and notice deadlines end on Tue Nov 17 at 24:00.
    t.clock.set(at('2026-11-17 23:59'));
    expect((await t.ok(await login(), 'petitions.list', { overdueOnly: true })).total).toBe(0);
    t.clock.set(at('2026-11-18 00:01'));
    const overdue = await t.ok(await login(), 'petitions.list', { overdueOnly: true });
    expect(overdue.rows.map((r) => r.id)).toEqual([late.id]);
    expect(overdue.total).toBe(1);
    await t.close();
  });
});

describe('personal data', () => {
  let t: TestApp;
  let admin: string;
  let clerk: string;
  beforeAll(async () => {
    ({ t, admin, clerk } = await officeWithClerk());
  });
  afterAll(() => t.close());

  it('ID numbers and phones are masked in the list and the detail', async () => {
    const { id } = await t.ok(clerk, 'petitions.create', petitionInput());
    const list = await t.ok(clerk, 'petitions.list', {});
    const row = list.rows.find((r) => r.id === id);
    expect(row?.firstIdNumberMasked).toBe('1101**********002X');
    const detail = await t.ok(clerk, 'petitions.get', { id });
    expect(detail.petitioners[0]).toMatchObject({ idNumberMasked: '1101**********002X', phoneMasked: '139****5678' });
    for (const shown of [JSON.stringify(list), JSON.stringify(detail)]) {
      expect(shown).not.toContain(ID_ZHANG);
      expect(shown).not.toContain(PHONE_ZHANG);
    }
  });

  it('revealing the full values is allowed to a clerk and written to the audit trail', async () => {
    const { id } = await t.ok(clerk, 'petitions.create', petitionInput({
      petitioners: [{ name: '张三', idNumber: ID_ZHANG.toLowerCase(), phone: PHONE_ZHANG, address: '东风村3组' }],
    }));
    const petitionerId = (await t.ok(clerk, 'petitions.get', { id })).petitioners[0]?.id ?? 0;
    const auditBefore = await t.ok(admin, 'audit.list', {});

    const revealed = await t.ok(clerk, 'petitions.reveal', { petitionerId });
    expect(revealed).toEqual({ idNumber: ID_ZHANG, phone: PHONE_ZHANG }); // stored with a capital X

    const auditAfter = await t.ok(admin, 'audit.list', {});
    expect(auditAfter.total).toBe(auditBefore.total + 1);
    expect(auditAfter.rows[0]).toMatchObject({ action: 'petitioner.reveal', userName: '李登记', entity: 'petition', entityId: String(id) });
    // The audit says who looked, not what they saw.
    expect(JSON.stringify(auditAfter.rows)).not.toContain(ID_ZHANG);
    expect(JSON.stringify(auditAfter.rows)).not.toContain(PHONE_ZHANG);
  });

  it('a duty officer cannot reveal them', async () => {
    const duty = await t.addUser(admin, 'duty1', 'duty_officer');
    const r = await t.call(duty.token, 'petitions.reveal', { petitionerId: 1 });
    expectRefused(r, 'forbidden');
  });
});
