/**
 * The petition list and search at 100,000 petitions: how long a clerk waits for the first page, a Chinese
 * phrase search, filters, sorting by the next deadline, the detail page, and registering one more.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openApp } from '../../main/app';
import { ManualClock } from '../../main/core/context';
import type { Insertable } from 'kysely';
import type { ApiResult } from '../../shared/api';
import type { PetitionTable } from '../../main/db';

const ROWS = Number(process.env.BENCH_ROWS ?? 100_000);
const REPEAT = 15;
const START = Date.UTC(2024, 0, 2, 1, 0);

const TOPICS = ['征地补偿款', '拖欠工资', '宅基地纠纷', '低保申请', '环境污染', '医疗纠纷', '学校收费', '道路修建', '土地承包', '拆迁安置'];
const CHANNELS = ['letter', 'visit', 'call', 'online'] as const;
const CATEGORIES = ['suggestion', 'accusation', 'claim'] as const;
const STATUSES = ['registered', 'accepted', 'in_handling', 'replied', 'closed'] as const;
const PLACES = ['东风村', '红旗村', '青山社区', '河西村', '新民村', '太平社区', '光明村', '石桥村'];

function stats(samples: number[]): string {
  const s = [...samples].sort((a, b) => a - b);
  const median = s[Math.floor(s.length / 2)] ?? 0;
  const p95 = s[Math.min(s.length - 1, Math.floor(s.length * 0.95))] ?? 0;
  return `median ${median.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms, worst ${(s[s.length - 1] ?? 0).toFixed(1)} ms`;
}

async function main(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'petition-desk-bench-'));
  const clock = new ManualClock(Date.UTC(2026, 10, 2, 1, 0));
  const app = await openApp({ dataDir, clock });
  const call = async (session: string | null, name: string, input: unknown) => {
    const r = (await app.api.call({ name, input, session })) as ApiResult<unknown>;
    if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
    return r.value as Record<string, unknown>;
  };
  const { token } = (await call(null, 'setup.create', {
    officeName: '基准测试镇信访办',
    township: '基准测试镇',
    timeZone: 'Asia/Shanghai',
    admin: { username: 'admin', displayName: '管理员', password: 'Bench2026x' },
  })) as { token: string };
  const unit = (await call(token, 'units.create', { name: '东风村', kind: 'village' })) as { id: number };

  // Bulk rows go straight into SQLite (one transaction) so the set-up takes seconds; one petition goes through
  // the API below so every real path is measured on top of them.
  const t0 = performance.now();
  const db = app.core.db;
  const batch = 1000;
  for (let i = 0; i < ROWS; i += batch) {
    const rows: Insertable<PetitionTable>[] = [];
    for (let j = i; j < Math.min(ROWS, i + batch); j++) {
      const topic = TOPICS[j % TOPICS.length] ?? '';
      const place = PLACES[j % PLACES.length] ?? '';
      const received = START + j * 8 * 60_000;
      rows.push({
        number: `信〔B〕${String(j + 1).padStart(6, '0')}号`,
        year: 2024 + Math.floor(j / 40000),
        seq: (j % 40000) + 1,
        channel: CHANNELS[j % CHANNELS.length] ?? 'letter',
        received_at: received,
        people_count: 1 + (j % 7),
        category: CATEGORIES[j % CATEGORIES.length] ?? 'claim',
        claim_item: j % 3 === 2 ? 6 : null,
        topic_id: (j % 10) + 1,
        unit_id: unit.id,
        summary: `${place}村民反映${topic}问题（第${j}件）`,
        request: `要求尽快解决${topic}，${place}${j % 13}组`,
        facts_reasons: `${place}第${j % 13}组村民于2024年反映${topic}，多次协商未果。`,
        status: STATUSES[j % STATUSES.length] ?? 'registered',
        repeat_of_id: null,
        responsible_unit_id: null,
        lead_leader_id: null,
        decision: null,
        extended_days: 0,
        anonymous: 0,
        first_petitioner: `村民${j}`,
        first_id_number: '',
        next_due_at: j % 5 === 4 ? null : received + 15 * 86_400_000,
        next_due_kind: j % 5 === 4 ? null : 'forward',
        created_by: 1,
        created_at: received,
        updated_at: received,
      });
    }
    await db.transaction().execute((trx) => trx.insertInto('petitions').values(rows).execute());
  }
  console.log(`seeded ${ROWS} petitions in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

  const measure = async (label: string, fn: () => Promise<unknown>) => {
    const samples: number[] = [];
    let last: unknown;
    for (let i = 0; i < REPEAT; i++) {
      const s = performance.now();
      last = await fn();
      samples.push(performance.now() - s);
    }
    const total = (last as { total?: number } | undefined)?.total;
    console.log(`${label.padEnd(44)} ${stats(samples)}${total !== undefined ? `  (${total} rows match)` : ''}`);
  };

  await measure('list: first page, newest first', () => call(token, 'petitions.list', {}));
  await measure('list: page 500', () => call(token, 'petitions.list', { page: 500 }));
  await measure('search: 3+ char phrase (FTS5 trigram)', () => call(token, 'petitions.list', { query: '宅基地纠纷' }));
  await measure('search: rare phrase', () => call(token, 'petitions.list', { query: '第99999件' }));
  await measure('search: 2-char phrase (LIKE scan)', () => call(token, 'petitions.list', { query: '低保' }));
  await measure('filter: status + category', () => call(token, 'petitions.list', { statuses: ['in_handling'], category: 'claim' }));
  await measure('filter: overdue only, sorted by next due', () => call(token, 'petitions.list', { overdueOnly: true, sort: 'nextDueAt', descending: false }));
  await measure('detail page', () => call(token, 'petitions.get', { id: 54321 % ROWS || 1 }));
  await measure('repeat check while typing', () => call(token, 'petitions.repeats.list', { text: '东风村村民反映征地补偿款问题' }));
  await measure('register one petition (with deadlines, audit)', () =>
    call(token, 'petitions.create', {
      channel: 'visit',
      receivedAt: clock.now() - 60_000,
      petitioners: [{ name: '张三', address: '东风村3组' }],
      peopleCount: 1,
      category: 'claim',
      claimItem: 6,
      summary: '反映征地补偿款未足额发放',
      request: '要求补发',
    }),
  );
  await app.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
