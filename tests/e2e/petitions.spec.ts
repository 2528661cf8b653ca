/**
 * A collective visit about land compensation, as the office lives it, one step per test: registered at the
 * intake form, found in the list by a Chinese phrase, accepted, handled, mediated, extended and replied to,
 * and its handling deadline explained. Each test arranges the steps before its own through the API.
 */
import { test, expect, ADMIN, type Desk } from './support/fixtures';
import { PetitionIntake, validId } from './pages/petition-intake';
import { PetitionList } from './pages/petition-list';
import { PetitionDetailModel, dismissNotifications } from './pages/petition-detail';

/** Epoch ms of a wall-clock time in Beijing (UTC+8, no DST). */
const beijing = (month: number, day: number, hour: number, minute = 0) => Date.UTC(2026, month - 1, day, hour - 8, minute);

const LEADER = { username: 'lizhen', displayName: '李镇长', password: 'Leader2026' } as const;

const VILLAGERS = [
  { name: '陈国强', idNumber: validId('36012119650304123'), phone: '13907911234', address: '青山镇青山村三组' },
  { name: '刘桂英', idNumber: validId('36012119700815242'), phone: '13807912345', address: '青山镇青山村三组' },
  { name: '王德明', idNumber: validId('36012119581122351'), phone: '', address: '青山镇青山村三组' },
  { name: '赵春花', idNumber: '', phone: '15979123456', address: '青山镇青山村三组' },
  { name: '孙志远', idNumber: validId('36012119800101467'), phone: '', address: '青山镇青山村四组' },
  { name: '周秀兰', idNumber: '', phone: '', address: '青山镇青山村四组' },
] as const;

const MATTER = {
  summary: '青山村三组村民反映征地补偿款未足额发放',
  request: '要求按2019年征地协议补足征地补偿款差额',
  facts: '2019年青山村三组土地被征收用于工业园建设，协议约定每亩补偿4.2万元，实际到账每亩3.5万元，村民多次询问未获答复。',
} as const;

const NUMBER = '信〔2026〕0001号';
const EXTENSION_REASON = '需会同县自然资源局核实征地面积和补偿标准';

interface Office {
  readonly admin: string;
  readonly unitId: number;
  readonly leaderId: number;
}

/** Monday 2026-11-02 09:00: the village 青山村 and the leader 李镇长. */
async function arrangeOffice(desk: Desk): Promise<Office> {
  await desk.setClock(beijing(11, 2, 9));
  const admin = await desk.login(ADMIN.username, ADMIN.password);
  const unit = await desk.api<{ id: number }>('units.create', { name: '青山村', kind: 'village', liaisonName: '黄会计', liaisonPhone: '0791-88123456' }, admin);
  const leader = await desk.api<{ id: number }>('users.create', { ...LEADER, role: 'leader' }, admin);
  return { admin, unitId: unit.id, leaderId: leader.id };
}

type Step = 'accept' | 'start_handling' | 'extend' | 'reply';

/**
 * The six villagers' visit as the intake form registers it (信〔2026〕0001号, received now), taken through the
 * given workflow steps with the same answers the dialogs give. Returns the petition's id.
 */
async function registerVisit(desk: Desk, o: Office, steps: readonly Step[] = []): Promise<number> {
  const topics = await desk.api<{ id: number; name: string }[]>('topics.list', {}, o.admin);
  const petition = await desk.api<{ id: number; number: string }>(
    'petitions.create',
    {
      channel: 'visit',
      receivedAt: beijing(11, 2, 9),
      petitioners: VILLAGERS.map((v, i) => ({ ...v, isRepresentative: i < 5 })),
      peopleCount: 6,
      category: 'claim',
      claimItem: 6,
      topicId: topics.find((t) => t.name === '征地拆迁')?.id,
      unitId: o.unitId,
      summary: MATTER.summary,
      request: MATTER.request,
      factsReasons: MATTER.facts,
    },
    o.admin,
  );
  expect(petition.number).toBe(NUMBER);
  const inputs: Record<Step, object> = {
    accept: { noticeOnTheSpot: false },
    start_handling: { unitId: o.unitId, leaderId: o.leaderId },
    extend: { days: 20, note: EXTENSION_REASON, approverId: o.leaderId },
    reply: { decision: 'support', basis: '《土地管理法》第四十八条及2019年征地补偿协议', note: '补偿款差额于12月底前发放到户' },
  };
  for (const action of steps) await desk.api('petitions.transition', { id: petition.id, action, ...inputs[action] }, o.admin);
  return petition.id;
}

test('a collective visit of six is registered at the intake form with five representatives and its agreement attached', async ({ page, desk }) => {
  const intake = new PetitionIntake(page);
  const detail = new PetitionDetailModel(page);
  await arrangeOffice(desk);
  await desk.setupOffice();

  await intake.open();
  await expect(intake.field(1, '姓名或单位名称')).toBeFocused();
  await intake.addRows(5);
  await expect(intake.rows()).toHaveCount(6);
  for (const [i, v] of VILLAGERS.entries()) {
    await intake.fillPetitioner(i + 1, { ...v, representative: i < 5 });
  }
  await expect(page.getByRole('textbox', { name: '人数' })).toHaveValue('6');
  await expect(page.getByTestId('collective-notice')).toContainText('最多5人');
  await expect(intake.field(6, '代表')).toBeDisabled();
  await expect(page.getByTestId('rep-count')).toHaveText('代表已满5人，不能再选');
  await intake.category('申诉求决类');
  await intake.pick('诉求事项', '（六）其他诉求（信访程序办理）');
  await intake.pick('事项分类', '征地拆迁');
  await intake.pick('涉及单位', '青山村');
  await intake.content(MATTER);
  await intake.attach('征地协议扫描件.pdf', 'scanned agreement');
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await desk.screenshot('petitions-01b-intake-content');
  await page.evaluate(() => window.scrollTo(0, 0));
  await desk.screenshot('petitions-01-intake');

  await page.keyboard.press('Control+Enter');
  await expect(detail.number()).toHaveText(NUMBER);
  await expect(page.getByText(`已登记，编号 ${NUMBER}`)).toBeVisible();
  await expect(page.getByTestId('attachment')).toContainText('征地协议扫描件.pdf');
});

test('the list finds a petition by a phrase from its summary, and only it', async ({ page, desk }) => {
  const list = new PetitionList(page);
  const detail = new PetitionDetailModel(page);
  const o = await arrangeOffice(desk);
  await registerVisit(desk, o);
  // Another matter, so the search has something to leave out.
  await desk.api(
    'petitions.create',
    {
      channel: 'call',
      receivedAt: beijing(11, 2, 8),
      petitioners: [{ name: '吴小梅', address: '青山镇东村' }],
      peopleCount: 1,
      category: 'suggestion',
      summary: '建议东村增设路灯',
      request: '在东村主干道增设路灯',
    },
    o.admin,
  );
  await desk.setupOffice();

  await list.open();
  await expect(list.total()).toHaveText('共 2 件');
  await list.search('征地补偿款');
  await expect(list.total()).toHaveText('共 1 件');
  await expect(list.rows()).toHaveCount(1);
  await expect(list.row(NUMBER)).toContainText('陈国强等6人');
  await expect(list.row(NUMBER)).toContainText('3601**********');
  await dismissNotifications(page);
  await desk.screenshot('petitions-02-list-search');
  await list.row(NUMBER).getByText(MATTER.summary).click();
  await expect(detail.number()).toHaveText(NUMBER);
});

test('受理 starts the 60-day handling period, the starting day not counted, and completes the forward period', async ({ page, desk }) => {
  const detail = new PetitionDetailModel(page);
  const o = await arrangeOffice(desk);
  const id = await registerVisit(desk, o);
  await desk.openAs(ADMIN, { hash: `/petitions/${id}`, session: o.admin });

  // 2026-11-02 + 60 days = 2027-01-01.
  await detail.act('受理');
  await expect(detail.status()).toHaveText('已受理');
  await expect(detail.deadline('办理期限')).toContainText('2027年1月1日 24时止');
  await expect(detail.deadline('转送交办期限')).toContainText('已完成');
});

test('开始办理 offers the petition’s unit as the responsible unit and takes a lead leader', async ({ page, desk }) => {
  const detail = new PetitionDetailModel(page);
  const o = await arrangeOffice(desk);
  const id = await registerVisit(desk, o, ['accept']);
  await desk.openAs(ADMIN, { hash: `/petitions/${id}`, session: o.admin });

  await detail.act('开始办理', async (d) => {
    await expect(d.getByRole('combobox', { name: '责任单位', exact: true })).toHaveValue('青山村');
    await detail.pick(d, '包案领导', '李镇长（领导）');
  });
  await expect(detail.status()).toHaveText('办理中');
});

test('while handling, the office records a mediation with the villagers', async ({ page, desk }) => {
  const detail = new PetitionDetailModel(page);
  const o = await arrangeOffice(desk);
  const id = await registerVisit(desk, o, ['accept', 'start_handling']);
  await desk.openAs(ADMIN, { hash: `/petitions/${id}`, session: o.admin });

  await detail.toolbar().getByRole('button', { name: '添加调解记录' }).click();
  const mediation = detail.dialog('添加调解记录');
  await mediation.getByText('人民调解', { exact: true }).click();
  await mediation.getByText('部分达成', { exact: true }).click();
  await mediation.getByRole('textbox', { name: '调解情况' }).fill('村委会主持调解，双方同意先行核对各户征地面积');
  await mediation.getByRole('button', { name: '保存调解记录' }).click();
  await expect(mediation).toBeHidden();
  await expect(page.getByTestId('timeline-mediation')).toContainText('人民调解');
  await expect(page.getByTestId('timeline-mediation')).toContainText('部分达成');
});

test('the handling period is extended once by 20 days with a leader’s approval', async ({ page, desk }) => {
  const detail = new PetitionDetailModel(page);
  const o = await arrangeOffice(desk);
  const id = await registerVisit(desk, o, ['accept', 'start_handling']);
  await desk.openAs(ADMIN, { hash: `/petitions/${id}`, session: o.admin });

  await detail.act('延期', async (d) => {
    await d.getByRole('textbox', { name: '延长天数' }).fill('20');
    await d.getByRole('textbox', { name: '延期理由（须告知信访人）' }).fill(EXTENSION_REASON);
    await detail.pick(d, '批准领导', '李镇长（领导）');
    await dismissNotifications(page);
    await desk.screenshot('petitions-03a-extend-dialog');
  });
  await expect(detail.status()).toHaveText('已延期');
  await expect(detail.deadline('办理期限')).toContainText('2027年1月21日 24时止');
  await expect(detail.actionButton('延期')).toHaveCount(0);
});

test('the reply meets the handling period, opens the petitioner’s review window, and the timeline shows every step', async ({ page, desk }) => {
  const detail = new PetitionDetailModel(page);
  const o = await arrangeOffice(desk);
  const id = await registerVisit(desk, o, ['accept', 'start_handling', 'extend']);
  await desk.openAs(ADMIN, { hash: `/petitions/${id}`, session: o.admin });

  await detail.act('答复', async (d) => {
    await d.getByRole('radio', { name: '支持', exact: true }).check();
    await d.getByRole('textbox', { name: '依据' }).fill('《土地管理法》第四十八条及2019年征地补偿协议');
    await d.getByRole('textbox', { name: '说明' }).fill('补偿款差额于12月底前发放到户');
  });
  await expect(detail.status()).toHaveText('已答复');
  await expect(detail.deadline('办理期限')).toContainText('已完成');
  const reviewWindow = detail.deadline('复查申请期限（信访人）');
  await expect(reviewWindow).toContainText('信访人期限');
  await expect(reviewWindow).toContainText('2026年12月2日 24时止');

  const steps = detail.timelineSteps();
  await expect(steps).toHaveCount(5);
  for (const [i, action] of ['登记', '受理', '开始办理', '延期', '答复'].entries()) {
    await expect(steps.nth(i)).toContainText(action);
  }
  await expect(steps.nth(3)).toContainText('延长天数：20日');
  await expect(steps.nth(3)).toContainText('批准领导：李镇长');
  await expect(steps.nth(4)).toContainText('处理意见：支持');
  await dismissNotifications(page);
  await desk.screenshot('petitions-03-detail');
  await page.getByTestId('timeline-section').evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await desk.screenshot('petitions-03-detail-timeline');
});

test('the handling deadline explains how it was worked out: start, period, article, extension, missing holidays', async ({ page, desk }) => {
  const detail = new PetitionDetailModel(page);
  const o = await arrangeOffice(desk);
  const id = await registerVisit(desk, o, ['accept', 'start_handling', 'extend', 'reply']);
  await desk.openAs(ADMIN, { hash: `/petitions/${id}`, session: o.admin });

  const explanation = await detail.explain('办理期限');
  await expect(explanation).toContainText('2026年11月2日（当日不计入）');
  await expect(explanation).toContainText('60日');
  await expect(explanation).toContainText('《信访工作条例》第三十四条');
  await expect(explanation).toContainText('20日（经批准延期）');
  await expect(explanation).toContainText('2027年节假日安排尚未导入，按普通周末计算，请管理员导入');
  await explanation.evaluate((el) => el.scrollIntoView({ block: 'center' }));
  await desk.screenshot('petitions-04-deadline-explanation');
});
