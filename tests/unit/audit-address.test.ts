/**
 * Issue 16, server mode: every audit row a request writes names the network address it came from (migration 0016),
 * the MAC covers that address, and a chain with rows from before (no address) and after verifies as one.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import SqliteDatabase from 'better-sqlite3';
import { testApp, ADMIN_PASSWORD, type TestApp } from './support/test-app';
import { openApp } from '../../main/app';
import { withRequestAddress } from '../../main/core/audit';

const fileOf = (t: TestApp) => path.join(t.dataDir, 'petition-desk.sqlite');

function edit(t: TestApp, fn: (sqlite: SqliteDatabase.Database) => void) {
  const sqlite = new SqliteDatabase(fileOf(t));
  fn(sqlite);
  sqlite.close();
}

/** Reopens the folder (same key) and returns what verify says, as the admin who logs in to ask. */
async function verifyAfterReopen(t: TestApp) {
  const app = await openApp({ dataDir: t.dataDir, clock: t.clock, startScheduler: false });
  try {
    const login = await app.api.call({ name: 'auth.login', input: { username: 'admin', password: ADMIN_PASSWORD }, session: null });
    if (!login.ok) throw new Error(login.error.message);
    const verify = await app.api.call({ name: 'audit.verify', input: {}, session: (login.value as { token: string }).token });
    if (!verify.ok) throw new Error(verify.error.message);
    return verify.value as { ok: boolean; brokenAt: number | null };
  } finally {
    await app.close();
  }
}

describe('the address in audit rows', () => {
  it('is the calling request’s address on every row it writes, shown in the audit list, and null where no request was made', async () => {
    const t = await testApp();
    // Set up from the desktop window (no address), then work from two PCs of the office network.
    const admin = await t.setup();
    await withRequestAddress('192.168.10.21', () => t.ok(admin, 'units.create', { name: '东风村', kind: 'village' }));
    // A failed login has no actor, and still names the PC that tried.
    await withRequestAddress('192.168.10.35', () => t.call(null, 'auth.login', { username: 'admin', password: 'wrong-one' }));
    const rows = (await t.ok(admin, 'audit.list', { pageSize: 50 })).rows.map((r) => ({ action: r.action, address: r.address }));
    // Newest first; the office's own rows from before (the holiday calendar it ships) follow.
    expect(rows.slice(0, 3)).toEqual([
      { action: 'user.loginFailed', address: '192.168.10.35' },
      { action: 'unit.create', address: '192.168.10.21' },
      { action: 'office.setup', address: null },
    ]);
    expect((await t.ok(admin, 'audit.verify', {})).ok).toBe(true);
    await t.close();
  });

  it('verifies across rows written before migration 0016 and rows with addresses after it', async () => {
    const t = await testApp();
    const admin = await t.setup();
    await t.ok(admin, 'units.create', { name: '东风村', kind: 'village' });
    await t.closeKeepingFolder();
    // The file as it was before 0016: no address column, and the migration not yet run.
    edit(t, (sqlite) => {
      sqlite.exec('ALTER TABLE audit DROP COLUMN address');
      sqlite.prepare('DELETE FROM kysely_migration WHERE name = ?').run('0016-audit-address');
    });
    const app = await openApp({ dataDir: t.dataDir, clock: t.clock, startScheduler: false });
    const login = await withRequestAddress('10.0.0.8', () => app.api.call({ name: 'auth.login', input: { username: 'admin', password: ADMIN_PASSWORD }, session: null }));
    if (!login.ok) throw new Error(login.error.message);
    const session = (login.value as { token: string }).token;
    await withRequestAddress('10.0.0.8', () => app.api.call({ name: 'units.create', input: { name: '红旗村', kind: 'village' }, session }));
    const verify = await app.api.call({ name: 'audit.verify', input: {}, session });
    const list = await app.api.call({ name: 'audit.list', input: { pageSize: 50 }, session });
    await app.close();
    expect(verify).toMatchObject({ ok: true, value: { ok: true, brokenAt: null } });
    const addresses = (list.ok ? (list.value as { rows: { action: string; address: string | null }[] }).rows : []).map((r) => [r.action, r.address]);
    expect(addresses.slice(0, 5)).toEqual([
      ['unit.create', '10.0.0.8'],
      ['user.login', '10.0.0.8'],
      // The backup the app makes before it migrates a file is the system's: no address.
      ['backup.create', null],
      ['unit.create', null],
      ['office.setup', null],
    ]);
    await t.close();
  });

  it('is covered by the MAC: an address changed, removed or put into a row without one breaks the chain at that row', async () => {
    for (const change of [
      { sql: "UPDATE audit SET address = '10.9.9.9' WHERE action = 'unit.create'", action: 'unit.create' },
      { sql: "UPDATE audit SET address = NULL WHERE action = 'unit.create'", action: 'unit.create' },
      { sql: "UPDATE audit SET address = '192.168.10.21' WHERE action = 'office.setup'", action: 'office.setup' },
    ]) {
      const t = await testApp();
      const admin = await t.setup();
      await withRequestAddress('192.168.10.21', () => t.ok(admin, 'units.create', { name: '东风村', kind: 'village' }));
      const target = (await t.ok(admin, 'audit.list', { pageSize: 50 })).rows.find((r) => r.action === change.action)!;
      await t.closeKeepingFolder();
      edit(t, (sqlite) => sqlite.exec(change.sql));
      expect(await verifyAfterReopen(t)).toMatchObject({ ok: false, brokenAt: target.id });
      await t.close();
    }
  });
});
