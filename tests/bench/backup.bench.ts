/**
 * A backup of a large office while a clerk keeps registering petitions: how long each registration takes before
 * and during the backup (median, p99, worst), how long the encrypted, verified backup takes, and its size. The
 * database is copied by VACUUM INTO on a worker thread, so the writer should be held up for moments only.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ManualClock } from '../../main/core/context';
import { seedPetitions } from './support/petitions';
import { benchOffice } from './support/office';

const ROWS = Number(process.env.BENCH_BACKUP_ROWS ?? 100_000);
const BASELINE_MS = 3000;

function percentiles(samples: readonly number[]): string {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(s.length * q))] ?? 0;
  return `${s.length} writes: median ${at(0.5).toFixed(1)} ms, p99 ${at(0.99).toFixed(1)} ms, worst ${(s[s.length - 1] ?? 0).toFixed(1)} ms`;
}

async function main(): Promise<void> {
  const target = fs.mkdtempSync(path.join(os.tmpdir(), 'petition-desk-bench-usb-'));
  const clock = new ManualClock(Date.UTC(2026, 10, 2, 1, 0));
  const { app, dataDir, token, call } = await benchOffice({ clock, startScheduler: false });
  const unit = (await call(token, 'units.create', { name: '东风村', kind: 'village' })) as { id: number };
  await seedPetitions(app.core.db, ROWS, unit.id);
  await call(token, 'backups.settings.update', { targetDir: target, timeOfDay: '12:30', encryption: 'on', password: '基准测试备份密码2026' });
  const bytes = fs.statSync(path.join(dataDir, 'petition-desk.sqlite')).size;
  console.log(`database: ${ROWS} petitions, ${(bytes / 1024 / 1024).toFixed(1)} MB`);

  // The clerk: one registration after another, each a request of its own (the event loop turns between them).
  // Widened on purpose: the writer loop reads it after the awaits in which main() changes it.
  let phase = 'baseline' as 'baseline' | 'backup' | 'stop';
  const samples = { baseline: [] as number[], backup: [] as number[] };
  const writer = (async () => {
    for (let i = 0; phase !== 'stop'; i++) {
      const started = performance.now();
      const during = phase;
      await call(token, 'petitions.create', {
        channel: 'visit',
        receivedAt: clock.now() - 60_000,
        petitioners: [{ name: '张三', address: '东风村3组' }],
        peopleCount: 1,
        category: 'suggestion',
        summary: `备份期间登记的第${i}件`,
        request: '请求处理',
      });
      samples[during].push(performance.now() - started);
      await new Promise((r) => setImmediate(r));
    }
  })();
  await new Promise((r) => setTimeout(r, BASELINE_MS));
  phase = 'backup';
  const started = performance.now();
  const made = (await call(token, 'backups.create', { targetDir: null })) as { folder: string; verified: boolean };
  const took = performance.now() - started;
  phase = 'stop';
  await writer;
  const size = fs.readdirSync(made.folder, { recursive: true, withFileTypes: true }).reduce((n, e) => (e.isFile() ? n + fs.statSync(path.join(e.parentPath, e.name)).size : n), 0);
  console.log(`backup (encrypted, verified ${made.verified ? 'ok' : 'NOT ok'}): ${(took / 1000).toFixed(1)} s, ${(size / 1024 / 1024).toFixed(1)} MB`);
  console.log(`writer before the backup:  ${percentiles(samples.baseline)}`);
  console.log(`writer during the backup:  ${percentiles(samples.backup)}`);
  await app.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.rmSync(target, { recursive: true, force: true });
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
