/**
 * Who may stop an alarm's escalation (its recipients, the duty officer on shift, the leader on duty, the
 * administrators; anyone else is refused, and acting for others needs a reason the board shows), and texts
 * that are never cut: a letter of 10,000 characters is saved whole, one over the limit is refused with the
 * limit named.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { bookOffice, visit, type BookOffice } from './support/book-office';

let o: BookOffice;
afterEach(() => o.t.close());

async function refused(call: () => Promise<{ ok: boolean; error?: { code: string; message: string; fields?: Record<string, string> } }>) {
  const before = await o.rows();
  const r = await call();
  expect(r.ok).toBe(false);
  expect(await o.rows()).toEqual(before);
  return r.error;
}

/** An extension request rings the duty officer on shift (钱, duty2) and the leader on duty (张镇长) at once. */
async function leadersAlarm() {
  const clerk = await o.as('clerk1');
  const p = await o.t.ok(clerk, 'petitions.create', visit());
  await o.t.ok(clerk, 'petitions.transition', { id: p.id, action: 'accept' });
  await o.t.ok(clerk, 'petitions.transition', { id: p.id, action: 'start_handling', unitId: o.ids.unit, leaderId: o.ids.leader });
  await o.t.ok(clerk, 'petitions.extension.request', { id: p.id, days: 30, note: '需补充调查' });
  await o.t.app.scheduler.tick();
  const alarm = (await o.t.ok(clerk, 'alarms.list', {})).rows.find((a) => a.subjectType === 'approval');
  if (!alarm) throw new Error('no alarm');
  return alarm;
}

describe('acknowledging an alarm', () => {
  it('a clerk who is neither a recipient nor on duty cannot acknowledge or snooze the leader’s alarm; nothing changes', async () => {
    o = await bookOffice();
    const alarm = await leadersAlarm();
    const clerk = await o.as('clerk1');
    const notYours = '这条提醒发给了其他人员，您既不是接收人，也不是当班值班员、带班领导或管理员，不能确认或暂缓';
    expect(await refused(() => o.t.call(clerk, 'alarms.acknowledge', { id: alarm.id, note: '我来处理' }))).toMatchObject({ code: 'forbidden', message: notYours });
    expect(await refused(() => o.t.call(clerk, 'alarms.snooze', { id: alarm.id, minutes: 30, reason: '稍后处理' }))).toMatchObject({ code: 'forbidden', message: notYours });
    // An officer off shift is refused the same way.
    const offShift = await o.as('duty1');
    expect(await refused(() => o.t.call(offShift, 'alarms.acknowledge', { id: alarm.id, note: '已知悉' }))).toMatchObject({ message: notYours });
  });

  it('its recipients acknowledge it; someone on duty it was not addressed to must say why, and the board shows it', async () => {
    o = await bookOffice();
    const alarm = await leadersAlarm();
    const admin = await o.as('admin');
    const error = await refused(() => o.t.call(admin, 'alarms.acknowledge', { id: alarm.id, note: '' }));
    expect(error?.fields?.note).toBe('这条提醒是发给钱值班、张镇长的，代为确认请写明原因');
    const done = await o.t.ok(admin, 'alarms.acknowledge', { id: alarm.id, note: '领导外出开会，电话请示同意后代为确认' });
    expect(done).toMatchObject({ status: 'acknowledged', acknowledgedBy: '王管理', acknowledgedForOthers: true, acknowledgeNote: '领导外出开会，电话请示同意后代为确认' });

    o.t.clock.advance(60_000);
    const second = await leadersAlarmAgain();
    const mine = await o.t.ok(await o.as('leader1'), 'alarms.acknowledge', { id: second, note: '' });
    expect(mine).toMatchObject({ status: 'acknowledged', acknowledgedBy: '张镇长', acknowledgedForOthers: false });
  });
});

/** Another request (a void) on a new petition rings again. */
async function leadersAlarmAgain(): Promise<number> {
  const clerk = await o.as('clerk1');
  const p = await o.t.ok(clerk, 'petitions.create', visit({ summary: '另一件' }));
  await o.t.ok(clerk, 'petitions.void.request', { id: p.id, reason: '测试数据' });
  await o.t.app.scheduler.tick();
  const alarm = (await o.t.ok(clerk, 'alarms.list', {})).rows.find((a) => a.subjectType === 'approval' && a.status === 'fired');
  return alarm?.id ?? 0;
}

describe('long texts', () => {
  it('a 10,000-character 诉求 is saved whole; 30,000 characters are refused with the limit named, and nothing is saved', async () => {
    o = await bookOffice();
    const clerk = await o.as('clerk1');
    const letter = '请求补发征地补偿款。'.repeat(1000);
    expect(letter).toHaveLength(10_000);
    const p = await o.t.ok(clerk, 'petitions.create', visit({ request: letter, factsReasons: letter }));
    const d = await o.t.ok(clerk, 'petitions.get', { id: p.id });
    expect([d.request, d.factsReasons]).toEqual([letter, letter]);

    const error = await refused(() => o.t.call(clerk, 'petitions.create', visit({ request: '诉'.repeat(30_000) })));
    expect(error?.fields?.request).toBe('最多20000个字，现在有30000个字，请删减后再保存');
    expect(error?.message).toBe('填写的内容有误，请按提示修改：最多20000个字，现在有30000个字，请删减后再保存');
    const summary = await refused(() => o.t.call(clerk, 'petitions.create', visit({ summary: '概'.repeat(201) })));
    expect(summary?.fields?.summary).toBe('最多200个字，现在有201个字，请删减后再保存');
  });
});
