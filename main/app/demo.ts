/**
 * `npm run demo`: fills an empty data folder with a believable office, so a person can try every screen.
 * Accounts: admin / clerk1 / leader1 / duty1, password Demo2026 for all. Never used on real data: it refuses
 * to touch a folder that already has an office.
 */
import { DAY_MS } from '../../shared/time';
import type { ApiResult } from '../../shared/api';
import type { App } from '.';

export const DEMO_PASSWORD = 'Demo2026';

const VILLAGES = ['东风村', '红旗村', '河西村', '新民村', '光明村'];
const CASES: readonly { summary: string; request: string; topic: number; people: number; channel: string; category: string; claimItem: number | null; steps: readonly string[] }[] = [
  { summary: '东风村村民反映征地补偿款未足额发放', request: '要求按2025年标准补发征地补偿款', topic: 1, people: 6, channel: 'visit', category: 'claim', claimItem: 6, steps: ['accept', 'start_handling'] },
  { summary: '反映某建筑公司拖欠农民工工资', request: '要求支付拖欠的三个月工资', topic: 2, people: 3, channel: 'call', category: 'claim', claimItem: 6, steps: ['accept', 'start_handling', 'extend'] },
  { summary: '建议在河西村修建便民桥', request: '建议乡镇统筹修建便民桥', topic: 4, people: 1, channel: 'letter', category: 'suggestion', claimItem: null, steps: ['accept'] },
  { summary: '反映红旗村养殖场污水直排河道', request: '要求责令整改并恢复河道', topic: 5, people: 2, channel: 'online', category: 'claim', claimItem: 6, steps: ['accept', 'start_handling', 'reply'] },
  { summary: '新民村宅基地边界纠纷', request: '要求重新确认宅基地边界', topic: 3, people: 2, channel: 'visit', category: 'claim', claimItem: 6, steps: [] },
  { summary: '反映低保评定不公开', request: '要求公开低保评定结果', topic: 8, people: 1, channel: 'letter', category: 'claim', claimItem: 6, steps: ['assign'] },
  { summary: '反映学校额外收取资料费', request: '要求退还资料费', topic: 7, people: 4, channel: 'call', category: 'claim', claimItem: 6, steps: ['accept', 'start_handling', 'reply', 'close'] },
  { summary: '光明村道路硬化工程质量问题', request: '要求返工维修', topic: 4, people: 8, channel: 'visit', category: 'claim', claimItem: 6, steps: ['accept', 'start_handling'] },
];

export async function seedDemo(app: App): Promise<boolean> {
  const now = app.core.clock.now();
  const call = async <T,>(session: string | null, name: string, input: unknown): Promise<T> => {
    const r = (await app.api.call({ name, input, session })) as ApiResult<T>;
    if (!r.ok) throw new Error(`demo ${name}: ${r.error.message}`);
    return r.value;
  };
  const status = await call<{ needsSetup: boolean }>(null, 'setup.get', {});
  if (!status.needsSetup) return false;
  const { token } = await call<{ token: string }>(null, 'setup.create', {
    officeName: '青山镇信访办公室',
    township: '青山镇',
    timeZone: 'Asia/Shanghai',
    admin: { username: 'admin', displayName: '王主任', password: DEMO_PASSWORD },
  });
  await call(token, 'users.create', { username: 'clerk1', displayName: '李登记', role: 'clerk', password: DEMO_PASSWORD });
  const leader = await call<{ id: number }>(token, 'users.create', { username: 'leader1', displayName: '张镇长', role: 'leader', password: DEMO_PASSWORD });
  await call(token, 'users.create', { username: 'duty1', displayName: '赵值班', role: 'duty_officer', password: DEMO_PASSWORD });
  const units: number[] = [];
  for (const [i, name] of VILLAGES.entries()) {
    const u = await call<{ id: number }>(token, 'units.create', { name, kind: 'village', liaisonName: `联络员${i + 1}`, liaisonPhone: `1380000000${i}` });
    units.push(u.id);
  }
  await call(token, 'units.create', { name: '镇综治办', kind: 'department', liaisonName: '周综治', liaisonPhone: '0571-88880000' });

  for (const [i, c] of CASES.entries()) {
    const receivedAt = now - (40 - i * 5) * DAY_MS;
    const unitId = units[i % units.length] ?? null;
    const petitioners = Array.from({ length: Math.min(c.people, 6) }, (_, k) => ({
      name: ['张建国', '李秀英', '王志强', '刘桂兰', '陈明', '杨丽'][k] ?? `村民${k}`,
      address: `${VILLAGES[i % VILLAGES.length]}${k + 1}组`,
      isRepresentative: c.people >= 5 ? k < 3 : false,
    }));
    const created = await call<{ id: number }>(token, 'petitions.create', {
      channel: c.channel,
      receivedAt,
      petitioners,
      peopleCount: c.people,
      category: c.category,
      claimItem: c.claimItem,
      topicId: c.topic,
      unitId,
      summary: c.summary,
      request: c.request,
      factsReasons: `${c.summary}，已多次向村委会反映，未得到解决。`,
    });
    let at = receivedAt;
    for (const action of c.steps) {
      at += 2 * DAY_MS;
      const extra: Record<string, unknown> =
        action === 'assign' || action === 'start_handling'
          ? { unitId, leaderId: leader.id }
          : action === 'reply'
              ? { decision: 'support', basis: '《信访工作条例》第三十二条及相关政策规定', note: '已书面答复' }
              : {};
      if (action === 'extend') {
        // An extension is asked for now and takes effect when the leader approves it in the leader's session.
        await call(token, 'petitions.extension.request', { id: created.id, days: 30, note: '涉及多方核查，需延长办理期限' });
        const leaderToken = (await call<{ token: string }>(null, 'auth.login', { username: 'leader1', password: DEMO_PASSWORD })).token;
        const { rows } = await call<{ rows: { id: number }[] }>(leaderToken, 'approvals.list', { status: 'pending', subjectType: 'petition', subjectId: created.id });
        for (const r of rows) await call(leaderToken, 'approvals.approve', { id: r.id, note: '同意延期' });
        continue;
      }
      await call(token, 'petitions.transition', { id: created.id, action, at, ...extra });
    }
  }
  return true;
}
