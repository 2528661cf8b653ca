/**
 * Acknowledging several alarms with one note (issue 13): one procedure, one transaction; the rules of the single
 * acknowledgement apply to each (recipients, or someone on duty with a reason); alarms already handled are
 * skipped and counted; a batch holding an alarm the user may not acknowledge is refused and changes nothing.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { bookOffice, visit, type BookOffice } from './support/book-office';

let o: BookOffice;
afterEach(() => o.t.close());

/** Two extension requests on two petitions ring the duty officer on shift (钱, duty2) and the leader on duty. */
async function twoApprovalAlarms(): Promise<number[]> {
  const clerk = await o.as('clerk1');
  for (const summary of ['征地补偿款未发放', '宅基地边界纠纷']) {
    const p = await o.t.ok(clerk, 'petitions.create', visit({ summary }));
    await o.t.ok(clerk, 'petitions.transition', { id: p.id, action: 'accept' });
    await o.t.ok(clerk, 'petitions.transition', { id: p.id, action: 'start_handling', unitId: o.ids.unit, leaderId: o.ids.leader });
    await o.t.ok(clerk, 'petitions.extension.request', { id: p.id, days: 30, note: '需补充调查' });
  }
  await o.t.app.scheduler.tick();
  const ids = (await o.t.ok(clerk, 'alarms.list', {})).rows.filter((a) => a.subjectType === 'approval' && a.status === 'fired').map((a) => a.id);
  expect(ids).toHaveLength(2);
  return ids;
}

async function statuses(ids: number[]) {
  const rows = await o.t.app.core.db.selectFrom('alarms').select(['id', 'status', 'ack_note']).where('id', 'in', ids).orderBy('id').execute();
  return rows.map((a) => `${a.status} ${a.ack_note}`);
}

async function refused(session: string, input: { ids: number[]; note: string }, ids: number[]) {
  const before = [await o.rows(), await statuses(ids)];
  const r = await o.t.call(session, 'alarms.acknowledgeMany', input);
  if (r.ok) throw new Error('accepted');
  expect([await o.rows(), await statuses(ids)]).toEqual(before);
  return r.error;
}

describe('acknowledging several alarms together', () => {
  it('the duty officer acknowledges both with one note: each alarm logged and audited as one alone, plus one entry for the batch', async () => {
    o = await bookOffice();
    const ids = await twoApprovalAlarms();
    const duty2 = await o.as('duty2');
    expect(await o.t.ok(duty2, 'alarms.acknowledgeMany', { ids, note: '已转领导，今日审批' })).toEqual({ acknowledged: 2, skipped: 0 });
    const rows = (await o.t.ok(duty2, 'alarms.list', { scope: 'all', withLog: true })).rows.filter((a) => ids.includes(a.id));
    expect(rows.map((a) => [a.status, a.acknowledgedBy, a.acknowledgeNote, a.acknowledgedForOthers])).toEqual([
      ['acknowledged', '钱值班', '已转领导，今日审批', false],
      ['acknowledged', '钱值班', '已转领导，今日审批', false],
    ]);
    expect(rows.every((a) => a.log.some((l) => l.step === 'acknowledged' && l.note === '已转领导，今日审批'))).toBe(true);
    const audit = (await o.t.ok(await o.as('admin'), 'audit.list', { pageSize: 20 })).rows.map((r) => r.action);
    expect(audit.filter((a) => a === 'alarm.acknowledge')).toHaveLength(2);
    expect(audit).toContain('alarm.bulkAcknowledge');

    // Both handled now: a second batch has nothing left to do, and says so.
    expect(await refused(duty2, { ids, note: '' }, ids)).toMatchObject({ code: 'conflict', message: '所选提醒都已处理（已确认、已解除或已完成），无需再确认' });
  });

  it('skips an alarm someone else acknowledged meanwhile and counts it', async () => {
    o = await bookOffice();
    const [first = 0, second = 0] = await twoApprovalAlarms();
    await o.t.ok(await o.as('leader1'), 'alarms.acknowledge', { id: first, note: '' });
    expect(await o.t.ok(await o.as('duty2'), 'alarms.acknowledgeMany', { ids: [first, second], note: '' })).toEqual({ acknowledged: 1, skipped: 1 });
    const rows = (await o.t.ok(await o.as('duty2'), 'alarms.list', { scope: 'all' })).rows;
    // The leader's acknowledgement stays his.
    expect(rows.find((a) => a.id === first)?.acknowledgedBy).toBe('张镇长');
    expect(rows.find((a) => a.id === second)?.acknowledgedBy).toBe('钱值班');
  });

  it('refuses, changing nothing: no alarm ticked, an alarm the user may not acknowledge, acting for others without a reason, an unknown alarm', async () => {
    o = await bookOffice();
    const ids = await twoApprovalAlarms();
    expect(await refused(await o.as('duty2'), { ids: [], note: '' }, ids)).toMatchObject({ fields: { ids: '请勾选要确认的提醒' } });
    // A clerk neither addressed nor on duty.
    expect(await refused(await o.as('clerk1'), { ids, note: '我来处理' }, ids)).toMatchObject({
      code: 'forbidden',
      message: '所选提醒中有2条发给了其他人员，您既不是接收人，也不是当班值班员、带班领导或管理员，不能确认；请取消勾选这些提醒',
    });
    // The administrator may act for the recipients, with a reason.
    const admin = await o.as('admin');
    expect(await refused(admin, { ids, note: '' }, ids)).toMatchObject({ fields: { note: '所选提醒中有2条不是发给您的，代为确认请在说明中写明原因' } });
    expect(await refused(admin, { ids: [...ids, 999_999], note: '代为确认' }, ids)).toMatchObject({ code: 'not_found' });
    expect(await o.t.ok(admin, 'alarms.acknowledgeMany', { ids, note: '领导外出，电话请示后代为确认' })).toEqual({ acknowledged: 2, skipped: 0 });
    expect(await statuses(ids)).toEqual(['acknowledged 领导外出，电话请示后代为确认', 'acknowledged 领导外出，电话请示后代为确认']);
  });
});
