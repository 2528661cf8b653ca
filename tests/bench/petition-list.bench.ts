/**
 * The petition list and search at 100,000 petitions: how long a clerk waits for the first page, a Chinese
 * phrase search, filters, sorting by the next deadline, the detail page, and registering one more.
 */
import fs from 'node:fs';
import { ManualClock } from '../../main/core/context';
import { seedPetitions } from './support/petitions';
import { benchOffice } from './support/office';

const ROWS = Number(process.env.BENCH_ROWS ?? 100_000);
const REPEAT = 15;

function stats(samples: number[]): string {
  const s = [...samples].sort((a, b) => a - b);
  const median = s[Math.floor(s.length / 2)] ?? 0;
  const p95 = s[Math.min(s.length - 1, Math.floor(s.length * 0.95))] ?? 0;
  return `median ${median.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms, worst ${(s[s.length - 1] ?? 0).toFixed(1)} ms`;
}

async function main(): Promise<void> {
  const clock = new ManualClock(Date.UTC(2026, 10, 2, 1, 0));
  const { app, dataDir, token, call } = await benchOffice({ clock });
  const unit = (await call(token, 'units.create', { name: '东风村', kind: 'village' })) as { id: number };

  // Bulk rows go straight into SQLite so the set-up takes seconds; one petition goes through the API below so
  // every real path is measured on top of them.
  const t0 = performance.now();
  await seedPetitions(app.core.db, ROWS, unit.id);
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
