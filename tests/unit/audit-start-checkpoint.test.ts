/**
 * Issue 15: a county file's audit chain (1.9 million rows) took ~20 s to verify at every start. Past
 * START_VERIFY_WHOLE_MAX_ROWS the start-up verify reads only the rows after the last whole verify's checkpoint
 * (kept in meta under the office's MAC), and verifies the whole chain right after, not waited for. Here the threshold
 * is 0 so a small office takes that path.
 */
import path from 'node:path';
import { describe, it, expect } from 'vitest';
import SqliteDatabase from 'better-sqlite3';
import { testApp, ADMIN_PASSWORD } from './support/test-app';
import { openApp } from '../../main/app';
import { VERIFIED_KEY } from '../../main/core/audit/watch';
import { appendAudits } from '../../main/core/audit';

async function office() {
  const t = await testApp();
  const admin = await t.setup();
  for (const name of ['东风村', '红旗村', '西山村']) await t.ok(admin, 'units.create', { name, kind: 'village' });
  await t.closeKeepingFolder();
  // The next start verifies the whole (short) chain and leaves the checkpoint at its last row.
  const app = await openApp({ dataDir: t.dataDir, clock: t.clock, startScheduler: false });
  await app.close();
  return t;
}

function sqliteOf(dataDir: string) {
  return new SqliteDatabase(path.join(dataDir, 'petition-desk.sqlite'));
}

const checkpointOf = (dataDir: string) => {
  const db = sqliteOf(dataDir);
  const row = db.prepare('SELECT value FROM meta WHERE key = ?').get(VERIFIED_KEY) as { value: string } | undefined;
  db.close();
  return row ? (JSON.parse(row.value) as { id: number; hash: string; mac: string }) : null;
};

describe('the start-up verify from the checkpoint', () => {
  it('a whole verify leaves a checkpoint at the last row; from it only the rows after are read, then the whole chain', async () => {
    const t = await office();
    const point = checkpointOf(t.dataDir);
    const db = sqliteOf(t.dataDir);
    const last = db.prepare('SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1').get() as { id: number; hash: string };
    db.close();
    expect(point).toMatchObject({ id: last.id, hash: last.hash });

    const app = await openApp({ dataDir: t.dataDir, clock: t.clock, startScheduler: false });
    const login = await app.api.call({ name: 'auth.login', input: { username: 'admin', password: ADMIN_PASSWORD }, session: null });
    expect(login.ok).toBe(true);
    const { behind } = await app.auditWatch.verifyAtStart(0);
    const tail = app.auditWatch.status()!;
    // Only the rows after the checkpoint (the login) were read before the whole verify.
    expect(tail).toMatchObject({ ok: true, checked: 1 });
    const whole = await behind!;
    expect(whole.ok).toBe(true);
    expect(whole.checked).toBeGreaterThan(tail.checked);
    await app.close();
  });

  it('an early row changed is not seen by the tail check but is by the whole verify that follows it', async () => {
    const t = await office();
    const db = sqliteOf(t.dataDir);
    db.prepare("UPDATE audit SET user_name = '改过的名字' WHERE id = 2").run();
    db.close();
    const app = await openApp({ dataDir: t.dataDir, clock: t.clock, startScheduler: false });
    // Opening verified the whole short chain and found the change at once.
    expect(app.auditWatch.status()).toMatchObject({ ok: false, brokenAt: 2, reason: 'row' });
    await app.close();
    // A county-sized chain (threshold 0 here): the tail after the checkpoint is whole, the whole verify is not.
    const again = await openApp({ dataDir: t.dataDir, clock: t.clock, startScheduler: false });
    const { behind } = await again.auditWatch.verifyAtStart(0);
    expect(behind).not.toBeNull();
    const whole = await behind!;
    expect(whole).toMatchObject({ ok: false, brokenAt: 2, reason: 'row' });
    expect(again.auditWatch.status()).toMatchObject({ ok: false, brokenAt: 2 });
    await again.close();
  });

  it('a checkpoint not made with the office key, or pointing at a row since changed, is ignored: the whole chain is read', async () => {
    const t = await office();
    const db = sqliteOf(t.dataDir);
    const last = db.prepare('SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1').get() as { id: number; hash: string };
    db.prepare('UPDATE meta SET value = ? WHERE key = ?').run(JSON.stringify({ ...last, mac: 'f'.repeat(64) }), VERIFIED_KEY);
    db.prepare("UPDATE audit SET user_name = '改过的名字' WHERE id = 3").run();
    db.close();
    const app = await openApp({ dataDir: t.dataDir, clock: t.clock, startScheduler: false });
    const { behind } = await app.auditWatch.verifyAtStart(0);
    // No usable checkpoint: the start-up verify itself read every row and found the change.
    expect(behind).toBeNull();
    expect(app.auditWatch.status()).toMatchObject({ ok: false, brokenAt: 3, reason: 'row' });
    await app.close();
  });

  it('writes while the whole chain is read (it lets other calls run between batches) are neither a break nor missed', async () => {
    const t = await testApp();
    const admin = await t.setup();
    // Several batches' worth of rows, so the verify yields between them.
    await t.app.core.db.transaction().execute((trx) =>
      appendAudits(trx, Array.from({ length: 3500 }, (_, i) => ({ actor: null, at: t.clock.now(), action: 'test.row', entity: 'test', entityId: i }))),
    );
    const running = t.app.auditWatch.verify();
    const created = await Promise.all(['东风村', '红旗村', '西山村'].map((name) => t.ok(admin, 'units.create', { name, kind: 'village' })));
    expect(created).toHaveLength(3);
    const during = await running;
    expect(during.ok).toBe(true);
    const after = await t.app.auditWatch.verify();
    // The next verify reads the rows written during the first, and the chain is whole.
    expect(after).toMatchObject({ ok: true });
    expect(after.checked).toBeGreaterThanOrEqual(during.checked + 3);
    await t.close();
  });

  it('a row added past the head, as no write of the app leaves it, is a break even with the id counter set back', async () => {
    const t = await office();
    const db = sqliteOf(t.dataDir);
    const last = db.prepare('SELECT * FROM audit ORDER BY id DESC LIMIT 1').get() as Record<string, unknown> & { id: number; hash: string };
    db.prepare('INSERT INTO audit (id, at, user_id, user_name, action, entity, entity_id, before_json, after_json, prev_hash, hash) VALUES (?, ?, NULL, ?, ?, ?, ?, NULL, NULL, ?, ?)').run(
      last.id + 1, last.at, '伪造', 'petition.void', 'petition', '1', last.hash, 'e'.repeat(64),
    );
    db.prepare("UPDATE sqlite_sequence SET seq = ? WHERE name = 'audit'").run(last.id);
    db.close();
    const app = await openApp({ dataDir: t.dataDir, clock: t.clock, startScheduler: false });
    expect(app.auditWatch.status()).toMatchObject({ ok: false, brokenAt: last.id + 1 });
    await app.close();
  });

  it('closing the app while the whole verify runs behind it stops that verify between batches, not on a closed store', async () => {
    const t = await testApp();
    await t.setup();
    await t.app.core.db.transaction().execute((trx) =>
      appendAudits(trx, Array.from({ length: 12_000 }, (_, i) => ({ actor: null, at: t.clock.now(), action: 'test.row', entity: 'test', entityId: i }))),
    );
    await t.closeKeepingFolder();
    const app = await openApp({ dataDir: t.dataDir, clock: t.clock, startScheduler: false });
    await app.close();
    const again = await openApp({ dataDir: t.dataDir, clock: t.clock, startScheduler: false });
    const { behind } = await again.auditWatch.verifyAtStart(0);
    await again.close();
    // Stopped by the close (an abort), not failed on a connection that had closed under it.
    await expect(behind).rejects.toMatchObject({ name: 'AbortError' });
  });
});
