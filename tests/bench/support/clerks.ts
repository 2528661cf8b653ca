/**
 * Clerks working at once on the county's server (issue 16): each one signed in with an account of their own (as a
 * county's clerk on their own PC, so every request reads and touches its own session), then a loop of requests
 * through `app.api.call` in a fixed mix (four lists under varied filters, three searches, two petitions opened, one intake in ten), all
 * started together, so the server's pool of connections, its locks and the one Node process are shared as a
 * county's dozen PCs share them. Prints p50/p95/p99 per kind of request and the requests served per second.
 *
 * @example
 * await concurrentClerks(county, { clerks: 10, requestsEach: 80, clock, line });
 */
import { COMMON_PHRASE, RARE_PHRASE, type CountyOffice } from './county';
import type { Clock } from '../../../main/core/context';
import type { ApiResult } from '../../../shared/api';

/** A clerk's account, made by the admin, signed in and past the first-login password change: its session. */
async function clerkSession(county: CountyOffice, n: number): Promise<string> {
  const username = `bench_clerk${n}`;
  const first = 'Bench2026first';
  const own = 'Bench2026own';
  await county.call('users.create', { username, displayName: `并发科员${n}`, role: 'clerk', password: first });
  const call = async (session: string | null, name: string, input: unknown) => {
    const r = (await county.app.api.call({ name, input, session })) as ApiResult<Record<string, unknown>>;
    if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
    return r.value;
  };
  const { token } = (await call(null, 'auth.login', { username, password: first })) as { token: string };
  await call(token, 'auth.changePassword', { oldPassword: first, newPassword: own });
  return token;
}

type Kind = 'list' | 'search' | 'detail' | 'intake';
const MIX: readonly Kind[] = ['list', 'search', 'detail', 'list', 'search', 'intake', 'list', 'detail', 'search', 'list'];
const QUERIES = [COMMON_PHRASE, RARE_PHRASE, '低保', '霞', '拆迁安置', '饮水安全 协商', '12'];
const STATUSES = [[], ['in_handling'], ['closed'], ['registered', 'accepted', 'in_handling']];

export async function concurrentClerks(
  county: CountyOffice,
  options: { clerks: number; requestsEach: number; clock: Clock; line: (label: string, samples: readonly number[], note?: string) => void },
): Promise<void> {
  const db = county.app.core.db;
  const ids = (await db.selectFrom('petitions').select('id').orderBy('id', 'desc').limit(5000).execute()).map((r) => r.id);
  const times: Record<Kind, number[]> = { list: [], search: [], detail: [], intake: [] };
  const sessions: string[] = [];
  for (let c = 0; c < options.clerks; c++) sessions.push(await clerkSession(county, c));
  const request = (kind: Kind, n: number, session: string): Promise<unknown> => {
    const as = (name: string, input: unknown) => county.app.api.call({ name, input, session }).then((r) => {
      if (!(r as ApiResult<unknown>).ok) throw new Error(`${name} refused in the clerks' run`);
      return r;
    });
    switch (kind) {
      case 'list':
        return as('petitions.list', { statuses: STATUSES[n % STATUSES.length], page: 1 + (n % 5), unitId: n % 3 === 0 ? county.units[n % county.units.length] : undefined });
      case 'search':
        return as('petitions.list', { query: QUERIES[n % QUERIES.length] });
      case 'detail':
        return as('petitions.get', { id: ids[(n * 7919) % ids.length] });
      case 'intake':
        return as('petitions.create', {
          channel: 'visit',
          receivedAt: options.clock.now() - 3_600_000,
          petitioners: [{ name: `并发${n}`, address: '东风村' }],
          peopleCount: 1,
          category: 'suggestion',
          summary: `并发登记测试第${n}件，反映村道路灯损坏`,
          request: '请求修复路灯',
        });
    }
  };
  const clerk = async (c: number) => {
    for (let i = 0; i < options.requestsEach; i++) {
      const kind = MIX[(i + c) % MIX.length] ?? 'list';
      const s = performance.now();
      await request(kind, c * options.requestsEach + i, sessions[c] ?? '');
      times[kind].push(performance.now() - s);
    }
  };
  const s = performance.now();
  await Promise.all(Array.from({ length: options.clerks }, (_, c) => clerk(c)));
  const seconds = (performance.now() - s) / 1000;
  for (const kind of Object.keys(times) as Kind[]) options.line(`${options.clerks} clerks: ${kind}`, times[kind], `(${times[kind].length} requests)`);
  const all = Object.values(times).flat();
  options.line(`${options.clerks} clerks: every request`, all, `(${(all.length / seconds).toFixed(0)} requests/s over ${seconds.toFixed(1)} s)`);
}
