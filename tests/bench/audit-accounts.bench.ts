/**
 * Issue 12's costs, as figures: verifying the keyed audit chain at BENCH_AUDIT_ROWS rows (default 200,000; it runs
 * at every start and once a day), appending one row at that size (every write pays it), and one password check at
 * scrypt N=2^17 (every login pays it), with the process's peak memory.
 *
 * BENCH_AUDIT_ROWS shortens a run.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createHmac } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import SqliteDatabase from 'better-sqlite3';
import { openApp } from '../../main/app';
import { ManualClock } from '../../main/core/context';
import { appendAudit, canonicalAuditRow, readAuditKey, verifyAudit } from '../../main/core/audit';
import { hashPassword, verifyPassword } from '../../main/core/users/passwords';

const ROWS = Number(process.env.BENCH_AUDIT_ROWS ?? 200_000);

function quantile(samples: readonly number[], q: number): number {
  const s = [...samples].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(s.length * q))] ?? NaN;
}

/** Writes `count` chained rows straight into the file with the office's key, as years of use would leave them. */
function fillAudit(file: string, key: Buffer, count: number): void {
  const sqlite = new SqliteDatabase(file);
  const last = sqlite.prepare('SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1').get() as { id: number; hash: string };
  const insert = sqlite.prepare(
    'INSERT INTO audit (id, at, user_id, user_name, action, entity, entity_id, before_json, after_json, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  let prev = last.hash;
  let id = last.id;
  sqlite.transaction(() => {
    for (let i = 0; i < count; i++) {
      id++;
      const row = {
        id, at: 1_780_000_000_000 + i * 1000, user_id: 1, user_name: '王管理', action: 'petition.update', entity: 'petition',
        entity_id: String(i % 5000), before_json: JSON.stringify({ summary: '村民反映灌溉用水纠纷'.repeat(3) }),
        after_json: JSON.stringify({ summary: '村民反映灌溉用水纠纷，已约谈'.repeat(3) }), prev_hash: prev,
      };
      const hash = createHmac('sha256', key).update(canonicalAuditRow(row), 'utf8').digest('hex');
      insert.run(row.id, row.at, row.user_id, row.user_name, row.action, row.entity, row.entity_id, row.before_json, row.after_json, row.prev_hash, hash);
      prev = hash;
    }
    sqlite.prepare("UPDATE meta SET value = ? WHERE key = 'audit_head'").run(JSON.stringify({ id, hash: prev }));
  })();
  sqlite.close();
}

async function main(): Promise<void> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'petition-desk-bench-audit-'));
  const keyDir = path.join(root, 'keys');
  const dataDir = path.join(root, 'data');
  const clock = new ManualClock(Date.UTC(2026, 10, 2, 1));
  try {
    let app = await openApp({ dataDir, clock, startScheduler: false, auditKey: { dir: keyDir } });
    const setup = await app.api.call({
      name: 'setup.create',
      input: { officeName: '青山镇信访办', township: '青山镇', timeZone: 'Asia/Shanghai', admin: { username: 'admin', displayName: '王管理', password: 'Admin2026' } },
    });
    if (!setup.ok) throw new Error(setup.error.message);
    const uid = (await app.core.db.selectFrom('meta').select('value').where('key', '=', 'office_uid').executeTakeFirstOrThrow()).value;
    await app.close();
    const key = await readAuditKey({ dir: keyDir }, uid);
    if (!key) throw new Error('no key');
    const file = path.join(dataDir, 'petition-desk.sqlite');
    const fillStart = performance.now();
    fillAudit(file, key, ROWS);
    console.log(`audit rows written: ${ROWS} in ${((performance.now() - fillStart) / 1000).toFixed(1)} s; file ${(fs.statSync(file).size / 1e6).toFixed(0)} MB`);

    const startAt = performance.now();
    app = await openApp({ dataDir, clock, startScheduler: false, auditKey: { dir: keyDir } });
    console.log(`open (migrate check, key, verify at start): ${(performance.now() - startAt).toFixed(0)} ms; status ok=${app.auditWatch.status()?.ok}`);
    const verifies: number[] = [];
    for (let i = 0; i < 3; i++) {
      const t0 = performance.now();
      const r = await verifyAudit(app.core.db);
      verifies.push(performance.now() - t0);
      if (!r.ok) throw new Error('chain broken');
    }
    console.log(`verify ${ROWS + 2} rows: median ${quantile(verifies, 0.5).toFixed(0)} ms (3 runs: ${verifies.map((v) => v.toFixed(0)).join(', ')})`);

    // The longest the event loop is held during one verify (it reads in batches of 1000 and yields between them).
    let longest = 0;
    let last = performance.now();
    const ticker = setInterval(() => {
      const now = performance.now();
      longest = Math.max(longest, now - last - 1);
      last = now;
    }, 1);
    await new Promise((r) => setTimeout(r, 20));
    last = performance.now();
    await verifyAudit(app.core.db);
    clearInterval(ticker);
    console.log(`longest event-loop stall during a verify: ${longest.toFixed(0)} ms`);

    const appends: number[] = [];
    for (let i = 0; i < 500; i++) {
      const t0 = performance.now();
      await app.core.db.transaction().execute((trx) =>
        appendAudit(trx, { actor: { id: 1, name: '王管理', role: 'admin' }, at: clock.now(), action: 'unit.update', entity: 'unit', entityId: 1, after: { name: '东风村' } }),
      );
      appends.push(performance.now() - t0);
    }
    console.log(`append one row at ${ROWS} rows: p50 ${quantile(appends, 0.5).toFixed(2)} ms, p99 ${quantile(appends, 0.99).toFixed(2)} ms`);
    await app.close();

    const hash = await hashPassword('Admin2026');
    const checks: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now();
      await verifyPassword('Admin2026', hash);
      checks.push(performance.now() - t0);
    }
    console.log(`password check at ${hash.split('$')[1]} (scrypt N): median ${quantile(checks, 0.5).toFixed(0)} ms; peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
