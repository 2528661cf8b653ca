/**
 * Accepting a replaced audit key (issue 12): when this PC's key was lost or replaced, an admin can accept the key
 * in use. One audit row records it and where the old chain ended; from that row on the chain verifies under the
 * current key, so the red banner can be cleared honestly, while the break stays in the history (verify names the
 * acceptance row) and later tampering, before or after it, is still found. Any other break cannot be accepted.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, it, expect } from 'vitest';
import SqliteDatabase from 'better-sqlite3';
import { openApp, type App } from '../../main/app';
import { testApp, ADMIN_PASSWORD, type TestApp } from './support/test-app';
import { tempDir } from './support/temp-dir';
import { expectRefused } from './support/refusals';

const NOT_REPLACED = '审计密钥没有被更换，无需接受新密钥';

async function call<T>(app: App, session: string | null, name: string, input: unknown) {
  const r = await app.api.call({ name, input, session });
  if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
  return r.value as T;
}

/** An office with some history, opened again on a PC whose key folder does not hold its key. */
async function officeWithNewKey() {
  const t = await testApp();
  const admin = await t.setup();
  for (const name of ['东风村', '红旗村']) await t.ok(admin, 'units.create', { name, kind: 'village' });
  await t.closeKeepingFolder();
  const keyDir = tempDir('new-keys');
  const open = () => openApp({ dataDir: t.dataDir, clock: t.clock, startScheduler: false, auditKey: { dir: keyDir } });
  const app = await open();
  const session = (await call<{ token: string }>(app, null, 'auth.login', { username: 'admin', password: ADMIN_PASSWORD })).token;
  return { t, app, session, open };
}

function edit(t: TestApp, fn: (sqlite: SqliteDatabase.Database) => void) {
  const sqlite = new SqliteDatabase(path.join(t.dataDir, 'petition-desk.sqlite'));
  fn(sqlite);
  sqlite.close();
}

interface AuditRow { id: number; action: string; userName: string; entityId: string; after: string | null }

describe('accepting a replaced audit key', () => {
  it('records it in one audit row, verifies the chain again from that row, and still names where the old chain ended', async () => {
    const { t, app, session, open } = await officeWithNewKey();
    expect(app.auditWatch.status()).toMatchObject({ ok: false, brokenAt: 1, reason: 'key' });
    const oldHead = await call<{ id: number; hash: string }>(app, session, 'audit.head.get', {});

    const status = await call<{ ok: boolean; keyAcceptedAt: number; reason: null }>(app, session, 'audit.key.accept', {});
    expect(status).toMatchObject({ ok: true, reason: null, keyAcceptedAt: oldHead.id + 1 });
    expect(app.auditWatch.status()?.ok).toBe(true);
    const rows = (await call<{ rows: AuditRow[] }>(app, session, 'audit.list', { pageSize: 200 })).rows;
    const accepted = rows.filter((r) => r.action === 'audit.key_accepted');
    expect(accepted).toHaveLength(1);
    expect(accepted[0]).toMatchObject({ id: oldHead.id + 1, userName: '王管理', entityId: String(oldHead.id) });
    const after = JSON.parse(accepted[0]?.after ?? '{}') as { oldChainEnd: unknown; oldKeyId: string; keyId: string };
    expect(after.oldChainEnd).toEqual(oldHead);
    expect(after.oldKeyId).not.toBe(after.keyId);

    // The verify an admin asks for says it too, and so does the next start on this PC.
    expect(await call(app, session, 'audit.verify', {})).toMatchObject({ ok: true, keyAcceptedAt: oldHead.id + 1 });
    await call(app, session, 'units.create', { name: '西山村', kind: 'village' });
    expectRefused(await app.api.call({ name: 'audit.key.accept', input: {}, session }), 'illegal_transition', NOT_REPLACED);
    await app.close();
    const again = await open();
    expect(again.auditWatch.status()).toMatchObject({ ok: true, keyAcceptedAt: oldHead.id + 1 });
    await again.close();
    await t.close();
  });

  it('leaves later tampering visible, before the acceptance (a deleted row) and after it (an edited row), and a moved marker', async () => {
    const cases: [string, (sqlite: SqliteDatabase.Database, at: number) => void, (at: number) => { brokenAt: number; reason: string }][] = [
      ['a row before it deleted', (s) => s.prepare('DELETE FROM audit WHERE id = 2').run(), () => ({ brokenAt: 3, reason: 'gap' })],
      ['a row after it edited', (s, at) => s.prepare("UPDATE audit SET user_name = '别人' WHERE id = ?").run(at + 1), (at) => ({ brokenAt: at + 1, reason: 'row' })],
      ['the marker moved to a later row', (s, at) => s.prepare("UPDATE meta SET value = ? WHERE key = 'audit_key_accepted_at'").run(String(at + 1)), (at) => ({ brokenAt: at + 1, reason: 'row' })],
      ['the marker removed', (s) => s.prepare("DELETE FROM meta WHERE key = 'audit_key_accepted_at'").run(), () => ({ brokenAt: 1, reason: 'row' })],
    ];
    for (const [what, change, expected] of cases) {
      const { t, app, session, open } = await officeWithNewKey();
      const at = (await call<{ keyAcceptedAt: number }>(app, session, 'audit.key.accept', {})).keyAcceptedAt;
      await call(app, session, 'units.create', { name: '西山村', kind: 'village' });
      await app.close();
      edit(t, (sqlite) => change(sqlite, at));
      const reopened = await open();
      expect(reopened.auditWatch.status(), what).toMatchObject({ ok: false, ...expected(at) });
      await reopened.close();
      await t.close();
    }
  });

  it('is refused for a break that is not the key, and writes nothing', async () => {
    const t = await testApp();
    const admin = await t.setup();
    await t.ok(admin, 'units.create', { name: '东风村', kind: 'village' });
    await t.closeKeepingFolder();
    edit(t, (sqlite) => sqlite.prepare("UPDATE audit SET user_name = '某人' WHERE id = 1").run());
    const app = await openApp({ dataDir: t.dataDir, clock: t.clock, startScheduler: false });
    const session = (await call<{ token: string }>(app, null, 'auth.login', { username: 'admin', password: ADMIN_PASSWORD })).token;
    const before = (await call<{ total: number }>(app, session, 'audit.list', {})).total;
    expectRefused(await app.api.call({ name: 'audit.key.accept', input: {}, session }), 'illegal_transition', NOT_REPLACED);
    expect((await call<{ total: number }>(app, session, 'audit.list', {})).total).toBe(before);
    expect(app.auditWatch.status()).toMatchObject({ ok: false, brokenAt: 1, reason: 'row' });
    await app.close();
    fs.rmSync(t.dataDir, { recursive: true, force: true });
  });
});
