/**
 * One township office's month, arranged through the API for the dashboard and statistics tests.
 * "Now" is Friday 2026-11-20 10:00 (Beijing). What it holds:
 * - petitions: 红旗村 one from 12 October never forwarded (its 15 days ran out 27 October: overdue);
 *   东风村 two from 16 November, the first accepted the same day (on time), the second not yet due;
 * - information reports: 东风村 one on time and one major report found 08:00, reported 10:00 (an hour late);
 *   红旗村 one marked 漏报 by the office;
 * - warnings: a red one about 东风村 (a collective event happened) and a yellow one about 红旗村;
 * - duty: 赵值班 on every day, 张镇长 leading until 21 November only, so a gap opens on the 22nd at 08:00;
 * - a sensitive period 冬季维稳 from 20 to 22 November (daily zero reports); nobody has sent a zero report.
 */
import { ADMIN, type Desk } from '../support/fixtures';

/** Epoch ms of a wall-clock time in Beijing (UTC+8, no DST). */
export const beijing = (month: number, day: number, hour: number, minute = 0): number => Date.UTC(2026, month - 1, day, hour - 8, minute);
export const NOW = beijing(11, 20, 10);
const PASSWORD = 'Stats2026x';

export const PEOPLE = {
  clerk: { username: 'lidj', displayName: '李登记' },
  leader: { username: 'zhangzz', displayName: '张镇长' },
  officer: { username: 'zhaozb', displayName: '赵值班' },
} as const;

interface Ids {
  readonly id: number;
}

function petition(unitId: number, topicId: number | undefined, receivedAt: number, summary: string) {
  return {
    channel: 'visit',
    receivedAt,
    petitioners: [{ name: '王建华', address: '青山镇' }],
    peopleCount: 1,
    category: 'claim',
    claimItem: 6,
    topicId,
    unitId,
    summary,
    request: '要求依法处理',
  };
}

function report(unitId: number, type: string, severity: string, foundAt: number, reportedAt: number, summary: string) {
  return { unitId, type, severity, foundAt, reportedAt, summary, content: summary };
}

/** Arranges the month through the API from 12 October on, and leaves the clock at NOW; the page is not opened yet. */
export async function arrangeOffice(desk: Desk): Promise<{ units: { dongfeng: number; hongqi: number } }> {
  await desk.setClock(beijing(10, 12, 10));
  let admin = await desk.login(ADMIN.username, ADMIN.password);
  await desk.api('users.create', { ...PEOPLE.clerk, role: 'clerk', password: PASSWORD }, admin);
  const leader = await desk.api<Ids>('users.create', { ...PEOPLE.leader, role: 'leader', password: PASSWORD }, admin);
  const officer = await desk.api<Ids>('users.create', { ...PEOPLE.officer, role: 'duty_officer', password: PASSWORD }, admin);
  const dongfeng = (await desk.api<Ids>('units.create', { name: '东风村', kind: 'village', liaisonName: '周联络' }, admin)).id;
  const hongqi = (await desk.api<Ids>('units.create', { name: '红旗村', kind: 'village', liaisonName: '吴联络' }, admin)).id;
  const topics = await desk.api<{ id: number; name: string }[]>('topics.list', {}, admin);
  const topic = (name: string) => topics.find((x) => x.name === name)?.id;

  let clerk = await desk.login(PEOPLE.clerk.username, PASSWORD);
  await desk.api('petitions.create', petition(hongqi, topic('劳动社保'), beijing(10, 12, 9), '红旗村砖厂拖欠工人工资'), clerk);

  await desk.setClock(beijing(11, 16, 10));
  clerk = await desk.login(PEOPLE.clerk.username, PASSWORD);
  const first = await desk.api<Ids>('petitions.create', petition(dongfeng, topic('征地拆迁'), beijing(11, 16, 9), '东风村征地补偿款未足额发放'), clerk);
  await desk.api('petitions.create', petition(dongfeng, topic('征地拆迁'), beijing(11, 16, 9, 30), '东风村拆迁安置房分配有异议'), clerk);
  await desk.api('petitions.transition', { id: first.id, action: 'accept' }, clerk);

  await desk.setClock(NOW);
  clerk = await desk.login(PEOPLE.clerk.username, PASSWORD);
  admin = await desk.login(ADMIN.username, ADMIN.password);
  await desk.api('reports.create', report(dongfeng, 'dispute', 'general', beijing(11, 3, 8), beijing(11, 3, 9), '东风村两户宅基地纠纷'), clerk);
  await desk.api('reports.create', report(dongfeng, 'safety', 'major', beijing(11, 5, 8), beijing(11, 5, 10), '东风村砂石场边坡塌方'), clerk);
  const missed = await desk.api<Ids>('reports.create', report(hongqi, 'natural_disaster', 'general', beijing(11, 2, 8), beijing(11, 2, 9), '红旗村山洪冲毁便道'), clerk);
  await desk.api('reports.flag', { id: missed.id, flag: 'missed', note: '应急办通报得知，村里未报' }, clerk);

  const warning = { responsibleUnitId: 0, leadLeaderId: leader.id };
  await desk.api(
    'warnings.issue',
    { ...warning, title: '东风村村民聚集村委会反映征地补偿', unitId: dongfeng, responsibleUnitId: dongfeng, peopleCount: 20, escalation: 'county', collectiveEventHappened: true, grievance: '补偿标准低于邻村' },
    clerk,
  );
  await desk.api(
    'warnings.issue',
    { ...warning, title: '红旗村砖厂工人拟赴市讨薪', unitId: hongqi, responsibleUnitId: hongqi, peopleCount: 30, escalation: 'city', grievance: '砖厂拖欠三个月工资' },
    clerk,
  );

  const roles = await desk.api<{ id: number; key: string }[]>('duty.roles.list', {}, admin);
  const roleId = (key: string) => roles.find((r) => r.key === key)?.id;
  await desk.api('duty.rotations.create', { name: '值班员轮值', roleId: roleId('officer'), pattern: 'daily', startDate: '2026-11-01', members: [officer.id] }, admin);
  await desk.api('duty.rotations.create', { name: '带班领导轮值', roleId: roleId('leader'), pattern: 'daily', startDate: '2026-11-01', endDate: '2026-11-21', members: [leader.id] }, admin);
  await desk.api('duty.sensitivePeriods.create', { name: '冬季维稳', startDate: '2026-11-20', endDate: '2026-11-22' }, admin);
  return { units: { dongfeng, hongqi } };
}
