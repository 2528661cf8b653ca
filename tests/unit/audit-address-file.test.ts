/**
 * Issue 16, server mode: the audit MAC covers each row's network address (migration 0016), and a chain with rows
 * from before (no address) and after verifies as one. These edit the SQLite file as an intruder or an old version
 * would; the address itself is tested on both stores in audit-address.test.ts.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { down as undoTownshipImport } from '../../main/db/migrations/0017-township-import';
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

describe('the address in audit rows of the file', () => {
  it('verifies across rows written before migration 0016 and rows with addresses after it', async () => {
    const t = await testApp();
    const admin = await t.setup();
    await t.ok(admin, 'units.create', { name: '东风村', kind: 'village' });
    await t.closeKeepingFolder();
    // The file as it was before 0016: no address column, and neither it nor the migration after it yet run.
    const sqlite = new SqliteDatabase(fileOf(t));
    const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: sqlite }) });
    await undoTownshipImport(db);
    sqlite.exec('ALTER TABLE audit DROP COLUMN address');
    sqlite.prepare('DELETE FROM kysely_migration WHERE name IN (?, ?)').run('0016-audit-address', '0017-township-import');
    await db.destroy();
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
