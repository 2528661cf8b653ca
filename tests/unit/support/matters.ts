/**
 * An office ready for warnings, information reports and zero reports: an admin, a clerk, a leader, a duty
 * officer and three units (two villages and a department). The first office for a start time is built
 * through the API and kept as a template; later ones copy its data folder, so each test still gets its own
 * database without hashing passwords again.
 *
 * @example
 * const o = await matterOffice({ now: '2026-11-02 09:00' });
 * await o.t.ok(o.clerk, 'reports.create', { unitId: o.units.dongfeng, … });
 */
import type { WarningIssueInput } from '../../../shared/api';
import { ADMIN_PASSWORD, at, testApp, type TestApp } from './test-app';

export const HOUR = 3_600_000;
export const MINUTE = 60_000;

interface Template {
  readonly dir: string;
  readonly tokens: { admin: string; clerk: string; leader: string; officer: string };
  readonly leaderId: number;
  readonly clerkId: number;
  readonly units: { readonly dongfeng: number; readonly hongqi: number; readonly zongzhi: number };
}

export interface MatterOffice {
  readonly t: TestApp;
  admin: string;
  clerk: string;
  leader: string;
  officer: string;
  readonly leaderId: number;
  readonly clerkId: number;
  readonly units: Template['units'];
  /** Moves the clock and, when the sessions may have gone idle (12 hours), logs everyone in again. */
  setClock(text: string): Promise<void>;
}

const templates = new Map<string, Template>();

async function buildTemplate(now: string): Promise<Template> {
  const t = await testApp({ now });
  const admin = await t.setup();
  const clerk = await t.addUser(admin, 'clerk1', 'clerk', '李登记');
  const leader = await t.addUser(admin, 'leader1', 'leader', '张镇长');
  const officer = await t.addUser(admin, 'duty1', 'duty_officer', '赵值班');
  const dongfeng = (await t.ok(admin, 'units.create', { name: '东风村', kind: 'village', liaisonName: '周联络' })).id;
  const hongqi = (await t.ok(admin, 'units.create', { name: '红旗村', kind: 'village', liaisonName: '吴联络' })).id;
  const zongzhi = (await t.ok(admin, 'units.create', { name: '镇综治办', kind: 'department', liaisonName: '郑联络' })).id;
  return {
    dir: await t.closeKeepingFolder(),
    tokens: { admin, clerk: clerk.token, leader: leader.token, officer: officer.token },
    leaderId: leader.id,
    clerkId: clerk.id,
    units: { dongfeng, hongqi, zongzhi },
  };
}

export async function matterOffice(options: { now?: string } = {}): Promise<MatterOffice> {
  const now = options.now ?? '2026-11-02 09:00';
  let template = templates.get(now);
  if (!template) {
    template = await buildTemplate(now);
    templates.set(now, template);
  }
  const t = await testApp({ now, from: template.dir });
  let loggedInAt = t.clock.now();
  const o: MatterOffice = {
    t,
    ...template.tokens,
    leaderId: template.leaderId,
    clerkId: template.clerkId,
    units: template.units,
    async setClock(text) {
      t.clock.set(at(text));
      if (t.clock.now() >= loggedInAt && t.clock.now() - loggedInAt < 11 * HOUR) return;
      loggedInAt = t.clock.now();
      const login = async (username: string, password = 'Passw0rd1') => (await t.ok(null, 'auth.login', { username, password })).token;
      o.admin = await login('admin', ADMIN_PASSWORD);
      o.clerk = await login('clerk1');
      o.leader = await login('leader1');
      o.officer = await login('duty1');
    },
  };
  return o;
}

/**
 * The warning the matter tests start from: 12 villagers of 东风村 dispute the land compensation and may go to
 * the province (red by the default rules), 东风村 responsible and 张镇长 leading. Override what a test varies.
 */
export function warningInput(o: MatterOffice, overrides: Partial<WarningIssueInput> = {}): WarningIssueInput {
  return {
    title: '东风村部分村民对征地补偿方案有异议',
    unitId: o.units.dongfeng,
    peopleCount: 12,
    escalation: 'province',
    grievance: '村民认为补偿标准低于邻村，要求按2025年新标准补偿',
    responsibleUnitId: o.units.dongfeng,
    leadLeaderId: o.leaderId,
    ...overrides,
  };
}
