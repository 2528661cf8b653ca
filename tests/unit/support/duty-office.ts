/**
 * The staff most duty tests share: officers 赵 (duty1), 钱 (duty2) and 孙 (duty3), leader 张镇长 (leader1) and
 * clerk 李登记 (clerk1), all with password Passw0rd1; a daily officer rotation over the officers named and a
 * daily leader rotation, both starting Sun 2026-11-01 at the default 08:00 handoff.
 */
import type { TestApp } from './test-app';

export interface DutyStaff {
  readonly zhao: number;
  readonly qian: number;
  readonly sun: number;
  readonly leader: number;
  readonly officerRotation: number;
  readonly leaderRotation: number;
}

type Officer = 'zhao' | 'qian' | 'sun';

export async function staffDutyOffice(t: TestApp, admin: string, rotation: readonly Officer[]): Promise<DutyStaff> {
  const user = async (username: string, role: 'duty_officer' | 'leader' | 'clerk', displayName: string) =>
    (await t.ok(admin, 'users.create', { username, displayName, role, password: 'Passw0rd1' })).id;
  const officers: Record<Officer, number> = {
    zhao: await user('duty1', 'duty_officer', '赵值班'),
    qian: await user('duty2', 'duty_officer', '钱值班'),
    sun: await user('duty3', 'duty_officer', '孙值班'),
  };
  const leader = await user('leader1', 'leader', '张镇长');
  await user('clerk1', 'clerk', '李登记');
  const roles = await t.ok(admin, 'duty.roles.list', {});
  const roleId = (key: string) => roles.find((r) => r.key === key)?.id ?? 0;
  const members = rotation.map((o) => officers[o]);
  const officerRotation = await t.ok(admin, 'duty.rotations.create', { name: '值班员轮班', roleId: roleId('officer'), pattern: 'daily', startDate: '2026-11-01', members });
  const leaderRotation = await t.ok(admin, 'duty.rotations.create', { name: '带班领导', roleId: roleId('leader'), pattern: 'daily', startDate: '2026-11-01', members: [leader] });
  return { ...officers, leader, officerRotation: officerRotation.id, leaderRotation: leaderRotation.id };
}
