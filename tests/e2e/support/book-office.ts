/**
 * The office the book-of-record tests start from, arranged through the API: clerk 李登记, leader 张镇长 (on duty
 * every day from 11-01, with duty officer 赵值班), the village 青山村; helpers to register a letter and to take a
 * leader's decision on a pending request, as the leader's own session would.
 *
 * @example
 * const o = await bookOffice(desk);
 * const p = await registerLetter(desk, o);
 * await decidePending(desk, o.leader, 'petition', p.id, 'approve');
 */
import { ADMIN, type Desk } from './fixtures';

/** Epoch ms of a wall-clock time in Beijing (UTC+8, no DST). */
export const beijing = (month: number, day: number, hour: number, minute = 0) => Date.UTC(2026, month - 1, day, hour - 8, minute);

export const CLERK = { username: 'clerk1', displayName: '李登记', password: 'Passw0rd1' } as const;
export const LEADER = { username: 'leader1', displayName: '张镇长', password: 'Passw0rd1' } as const;
export const OFFICER = { username: 'duty1', displayName: '赵值班', password: 'Passw0rd1' } as const;

export interface BookOffice {
  readonly admin: string;
  readonly clerk: string;
  readonly leader: string;
  readonly leaderId: number;
  readonly unitId: number;
}

/** At Monday 2026-11-02 09:00 unless told otherwise. */
export async function bookOffice(desk: Desk, now = beijing(11, 2, 9)): Promise<BookOffice> {
  await desk.setClock(now);
  const admin = await desk.login(ADMIN.username, ADMIN.password);
  const roles = await desk.api<{ id: number; key: string }[]>('duty.roles.list', {}, admin);
  const roleId = (key: string) => roles.find((r) => r.key === key)?.id;
  await desk.api('users.create', { ...CLERK, role: 'clerk' }, admin);
  const officer = await desk.api<{ id: number }>('users.create', { ...OFFICER, role: 'duty_officer' }, admin);
  const leader = await desk.api<{ id: number }>('users.create', { ...LEADER, role: 'leader' }, admin);
  await desk.api('duty.rotations.create', { name: '值班员轮班', roleId: roleId('officer'), pattern: 'daily', startDate: '2026-11-01', members: [officer.id] }, admin);
  await desk.api('duty.rotations.create', { name: '带班领导轮班', roleId: roleId('leader'), pattern: 'daily', startDate: '2026-11-01', members: [leader.id] }, admin);
  const unit = await desk.api<{ id: number }>('units.create', { name: '青山村', kind: 'village' }, admin);
  return {
    admin,
    clerk: await desk.login(CLERK.username, CLERK.password),
    leader: await desk.login(LEADER.username, LEADER.password),
    leaderId: leader.id,
    unitId: unit.id,
  };
}

/** A letter received Monday 11-02 08:30 about unpaid compensation (item 6: the 60-day handling period). */
export async function registerLetter(desk: Desk, o: BookOffice, overrides: Record<string, unknown> = {}): Promise<{ id: number; number: string }> {
  return desk.api(
    'petitions.create',
    {
      channel: 'letter',
      receivedAt: beijing(11, 2, 8, 30),
      petitioners: [{ name: '郑玉兰', address: '青山村3组' }],
      peopleCount: 1,
      category: 'claim',
      claimItem: 6,
      unitId: o.unitId,
      summary: '反映征地补偿款未足额发放',
      request: '要求补发征地补偿款',
      ...overrides,
    },
    o.clerk,
  );
}

/** A letter accepted at 11-02 09:00 and in handling by 青山村 under 张镇长: its handling period ends 2027-01-01. */
export async function letterInHandling(desk: Desk, o: BookOffice): Promise<{ id: number; number: string }> {
  const p = await registerLetter(desk, o);
  await desk.api('petitions.transition', { id: p.id, action: 'accept' }, o.clerk);
  await desk.api('petitions.transition', { id: p.id, action: 'start_handling', unitId: o.unitId, leaderId: o.leaderId }, o.clerk);
  return p;
}

/** The leader approves or returns the request waiting about a record, in the leader's session. */
export async function decidePending(desk: Desk, leader: string, subjectType: 'petition' | 'warning' | 'report', subjectId: number, decision: 'approve' | 'return', note = '同意'): Promise<void> {
  const { rows } = await desk.api<{ rows: { id: number }[] }>('approvals.list', { status: 'pending', subjectType, subjectId }, leader);
  const pending = rows[0];
  if (!pending) throw new Error(`nothing pending about ${subjectType} ${subjectId}`);
  await desk.api(decision === 'approve' ? 'approvals.approve' : 'approvals.return', { id: pending.id, note }, leader);
}
