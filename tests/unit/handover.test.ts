/**
 * Handover (交接班): at the end of a shift the outgoing officer prepares a handover sheet (open alarms,
 * deadlines due in the next 24 hours, the duty log since the last handover), adds notes and hands it to the
 * incoming officer, who confirms it by logging in. Refusals keep the record honest.
 *
 * Roster: 赵 and 钱 alternate daily with an 08:00 handoff from Sun 2026-11-01 (11-01 赵, 11-02 钱, 11-03 赵,
 * 11-04 钱). 孙 is an officer who is not on the rotation. Letters carry a name but no address, so each has only
 * the forward deadline: received + 15 days, due 24:00 of the last day.
 */
import { describe, it, expect, beforeAll } from 'vitest';
import { ADMIN_PASSWORD, at, testApp, type TestApp } from './support/test-app';
import { staffDutyOffice } from './support/duty-office';

const HOUR = 3_600_000;

interface Ids {
  readonly zhao: number;
  readonly qian: number;
  readonly sun: number;
}

let template: { dir: string; ids: Ids };
beforeAll(async () => {
  const t = await testApp({ now: '2026-11-01 07:00' });
  const admin = await t.setup();
  const { zhao, qian, sun } = await staffDutyOffice(t, admin, ['zhao', 'qian']);
  template = { dir: await t.closeKeepingFolder(), ids: { zhao, qian, sun } };
});

interface Office {
  readonly t: TestApp;
  readonly ids: Ids;
  /** A session for the user now; logs in again when the last one has been idle for most of the 12 hours. */
  as(username: string): Promise<string>;
  travel(when: string): void;
}

async function office(now: string): Promise<Office> {
  const t = await testApp({ from: template.dir, now });
  const sessions = new Map<string, { token: string; lastSeen: number }>();
  return {
    t,
    ids: template.ids,
    async as(username) {
      const at = t.clock.now();
      let s = sessions.get(username);
      if (!s || at - s.lastSeen > 11 * HOUR) {
        const { token } = await t.ok(null, 'auth.login', { username, password: username === 'admin' ? ADMIN_PASSWORD : 'Passw0rd1' });
        s = { token, lastSeen: at };
        sessions.set(username, s);
      }
      s.lastSeen = Math.max(s.lastSeen, at);
      return s.token;
    },
    travel(when) {
      t.clock.set(at(when));
    },
  };
}

async function letter(o: Office, received: string, summary: string): Promise<number> {
  const p = await o.t.ok(await o.as('clerk1'), 'petitions.create', {
    channel: 'letter',
    receivedAt: at(received),
    petitioners: [{ name: '王五' }],
    peopleCount: 1,
    category: 'suggestion',
    summary,
    request: '请尽快处理',
  });
  return p.id;
}

async function log(o: Office, username: string, when: string, kind: 'call' | 'visit' | 'event', content: string): Promise<void> {
  o.travel(when);
  await o.t.ok(await o.as(username), 'duty.log.create', { at: null, kind, content });
}

describe('handover sheets', () => {
  it('lists open alarms, deadlines due within 24 hours and the log since the last handover, and 赵 confirms it', async () => {
    const o = await office('2026-11-02 07:50');
    // Mon 11-02: 赵 ends the first shift with a note, hands over to 钱 at 07:55, 钱 confirms at 08:05.
    await log(o, 'duty1', '2026-11-02 07:50', 'event', '夜间无来访');
    o.travel('2026-11-02 07:55');
    const first = await o.t.ok(await o.as('duty1'), 'duty.handoverDraft.get', {});
    expect(first.incoming).toEqual({ id: o.ids.qian, name: '钱值班', from: at('2026-11-02 08:00') });
    const h1 = await o.t.ok(await o.as('duty1'), 'duty.handovers.create', { notes: '一切正常', toUserId: o.ids.qian });
    o.travel('2026-11-02 08:05');
    await o.t.ok(await o.as('duty2'), 'duty.handovers.confirm', { id: h1.id });

    // 08:30: the clerk enters three letters that came in earlier. Last days: 10-19 + 15 = Tue 11-03 (due 11-04
    // 00:00, inside the 24 hours from 11-03 07:40); 10-20 + 15 = Wed 11-04 and 10-21 + 15 = Thu 11-05 (outside).
    o.travel('2026-11-02 08:30');
    const dueTonight = await letter(o, '2026-10-19 10:00', '反映东风村饮水管道漏水');
    await letter(o, '2026-10-20 10:00', '建议红旗村增设垃圾桶');
    await letter(o, '2026-10-21 10:00', '反映村道路灯不亮');
    // 09:00 rings two pre-alarms to 钱: the first letter's one-day and the third letter's three-day. 钱
    // acknowledges the second; the first stays open into the handover.
    o.travel('2026-11-02 09:00');
    const fired = await o.t.app.scheduler.tick();
    expect(fired).toHaveLength(2);
    const alarms = await o.t.ok(await o.as('duty2'), 'alarms.list', { scope: 'open' });
    const stillOpen = alarms.rows.find((a) => a.subjectSummary === '反映东风村饮水管道漏水');
    const handled = alarms.rows.find((a) => a.subjectSummary === '反映村道路灯不亮');
    await o.t.ok(await o.as('duty2'), 'alarms.acknowledge', { id: handled?.id ?? 0, note: '已转责任单位' });

    await log(o, 'duty2', '2026-11-02 10:00', 'call', '东风村村民来电询问征地补偿进度');
    await log(o, 'duty2', '2026-11-02 21:30', 'visit', '红旗村两位村民来访反映道路问题，已登记');

    o.travel('2026-11-03 07:40');
    const draft = await o.t.ok(await o.as('duty2'), 'duty.handoverDraft.get', {});
    expect(draft.since).toBe(at('2026-11-02 07:55'));
    expect(draft.openAlarms.map((a) => [a.id, a.subjectSummary, a.deadlineKind, a.dueAt, a.status])).toEqual([
      [stillOpen?.id, '反映东风村饮水管道漏水', 'forward', at('2026-11-04 00:00'), 'fired'],
    ]);
    expect(draft.dueSoon.map((d) => [d.petitionId, d.kind, d.dueAt, d.summary])).toEqual([[dueTonight, 'forward', at('2026-11-04 00:00'), '反映东风村饮水管道漏水']]);
    // 赵's 07:50 note was on the last sheet; 钱's two entries since are on this one.
    expect(draft.dutyLog.map((l) => [l.at, l.kind, l.content, l.userName])).toEqual([
      [at('2026-11-02 10:00'), 'call', '东风村村民来电询问征地补偿进度', '钱值班'],
      [at('2026-11-02 21:30'), 'visit', '红旗村两位村民来访反映道路问题，已登记', '钱值班'],
    ]);
    expect(draft.incoming).toEqual({ id: o.ids.zhao, name: '赵值班', from: at('2026-11-03 08:00') });

    const h2 = await o.t.ok(await o.as('duty2'), 'duty.handovers.create', { notes: '东风村饮水管道事项今晚到期，请跟进', toUserId: o.ids.zhao });
    o.travel('2026-11-03 08:02');
    await o.t.ok(await o.as('duty1'), 'duty.handovers.confirm', { id: h2.id });
    const [latest] = await o.t.ok(await o.as('duty1'), 'duty.handovers.list', { limit: 5 });
    expect(latest).toMatchObject({
      id: h2.id,
      fromName: '钱值班',
      toName: '赵值班',
      startedAt: at('2026-11-03 07:40'),
      confirmedAt: at('2026-11-03 08:02'),
      status: 'confirmed',
      notes: '东风村饮水管道事项今晚到期，请跟进',
    });
    // The sheet keeps what was handed over, even after the alarm is dealt with.
    expect(latest?.snapshot).toEqual(draft);
    const audit = await o.t.ok(await o.as('admin'), 'audit.list', { pageSize: 20 });
    expect(audit.rows.filter((r) => r.entity === 'handover' && r.entityId === String(h2.id)).map((r) => [r.action, r.userName])).toEqual([
      ['handover.confirm', '赵值班'],
      ['handover.start', '钱值班'],
    ]);
    await o.t.close();
  });

  it('an entry logged while a handover waits for confirmation is on the next sheet', async () => {
    const o = await office('2026-11-02 07:55');
    const h = await o.t.ok(await o.as('duty1'), 'duty.handovers.create', { notes: '', toUserId: o.ids.qian });
    // A call comes in while 钱 is on the way; 赵 logs it before 钱 confirms at 08:05.
    await log(o, 'duty1', '2026-11-02 07:58', 'call', '石桥村村民来电反映停水');
    o.travel('2026-11-02 08:05');
    await o.t.ok(await o.as('duty2'), 'duty.handovers.confirm', { id: h.id });
    o.travel('2026-11-03 07:40');
    const draft = await o.t.ok(await o.as('duty2'), 'duty.handoverDraft.get', {});
    expect(draft.dutyLog.map((l) => l.content)).toEqual(['石桥村村民来电反映停水']);
    await o.t.close();
  });
});

describe('refusals', () => {
  it('refuses handing over to oneself, a second open handover, confirming one’s own or someone else’s, and confirming twice', async () => {
    const o = await office('2026-11-03 07:40');
    const qian = await o.as('duty2');
    const message = async (r: Promise<{ ok: boolean; error?: { code: string; message: string } }>) => {
      const res = await r;
      return res.ok ? 'ok' : [res.error?.code, res.error?.message];
    };

    expect(await message(o.t.call(qian, 'duty.handovers.create', { notes: '', toUserId: o.ids.qian }))).toEqual([
      'invalid_input',
      '不能交班给自己，请由接班人员登录后确认',
    ]);
    const { id } = await o.t.ok(qian, 'duty.handovers.create', { notes: '正常交班', toUserId: o.ids.zhao });
    expect(await message(o.t.call(qian, 'duty.handovers.create', { notes: '再交一次', toUserId: o.ids.zhao }))).toEqual([
      'conflict',
      '您已有一份待确认的交班单，请等接班人员确认或先撤回',
    ]);
    expect(await message(o.t.call(qian, 'duty.handovers.confirm', { id }))).toEqual(['forbidden', '不能交班给自己，请由接班人员登录后确认']);
    expect(await message(o.t.call(await o.as('duty3'), 'duty.handovers.confirm', { id }))).toEqual([
      'forbidden',
      '这份交班单指定由其他人员接班，请由该人员登录确认',
    ]);
    // None of that touched the sheet: it still waits for 赵.
    const waiting = await o.t.ok(qian, 'duty.handovers.list', { limit: 5 });
    expect(waiting.map((h) => [h.id, h.status, h.toName, h.confirmedAt])).toEqual([[id, 'pending', '赵值班', null]]);

    o.travel('2026-11-03 08:01');
    const zhao = await o.as('duty1');
    expect(await message(o.t.call(zhao, 'duty.handovers.confirm', { id }))).toBe('ok');
    expect(await message(o.t.call(zhao, 'duty.handovers.confirm', { id }))).toEqual(['conflict', '这份交班单已经确认过了']);
    const done = await o.t.ok(zhao, 'duty.handovers.list', { limit: 5 });
    expect(done.map((h) => [h.status, h.toName, h.confirmedAt])).toEqual([['confirmed', '赵值班', at('2026-11-03 08:01')]]);
    // With the first confirmed, 钱 may start another.
    expect(await message(o.t.call(qian, 'duty.handovers.create', { notes: '补充交接', toUserId: null }))).toBe('ok');
    await o.t.close();
  });
});
