/**
 * Issue 12, findings 2 and 3: the audit chain is keyed with a key kept outside the data folder, its ids are
 * checked against the highest one SQLite ever issued, it is verified at start (before any write) and daily, and
 * text SQLite stores differently from what was given no longer breaks it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createHash, createHmac, randomBytes } from 'node:crypto';
import { describe, it, expect } from 'vitest';
import SqliteDatabase from 'better-sqlite3';
import { testApp, ADMIN_PASSWORD, type TestApp } from './support/test-app';
import { tempDir } from './support/temp-dir';
import { openApp } from '../../main/app';
import { appendAudit, auditKeyDir, readAuditHead, readAuditKey, verifyAuditFile } from '../../main/core/audit';

interface Row {
  id: number; at: number; user_id: number | null; user_name: string; action: string; entity: string; entity_id: string;
  before_json: string | null; after_json: string | null; prev_hash: string; hash: string;
}

const fileOf = (t: TestApp) => path.join(t.dataDir, 'petition-desk.sqlite');

/** An office with some history; the app is closed so the test can edit the file as an intruder would. */
async function officeWithHistory() {
  const t = await testApp();
  const admin = await t.setup();
  for (const name of ['东风村', '红旗村', '西山村']) await t.ok(admin, 'units.create', { name, kind: 'village' });
  await t.ok(admin, 'users.create', { username: 'duty1', displayName: '赵值班', role: 'duty_officer', password: 'Passw0rd1' });
  const rows = (await t.ok(admin, 'audit.list', { pageSize: 200 })).rows;
  await t.closeKeepingFolder();
  return { t, rows: [...rows].sort((a, b) => a.id - b.id) };
}

/** Opens the same data folder again (same key folder), like the next start of the app. */
async function reopen(t: TestApp, keyDir?: string) {
  const app = await openApp({ dataDir: t.dataDir, clock: t.clock, startScheduler: false, ...(keyDir ? { auditKey: { dir: keyDir } } : {}) });
  const call = async <T,>(session: string | null, name: string, input: unknown) => {
    const r = await app.api.call({ name, input, session });
    if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
    return r.value as T;
  };
  return { app, call };
}

function edit(t: TestApp, fn: (sqlite: SqliteDatabase.Database) => void) {
  const sqlite = new SqliteDatabase(fileOf(t));
  fn(sqlite);
  sqlite.close();
}

const canonical = (r: Omit<Row, 'hash'>) =>
  JSON.stringify([r.id, r.at, r.user_id, r.user_name, r.action, r.entity, r.entity_id, r.before_json, r.after_json, r.prev_hash]);

/** Rewrites every row from `fromId` on with `mac`, as a forger who knows the format (but not the key) would. */
function rechain(sqlite: SqliteDatabase.Database, fromId: number, mac: (text: string) => string) {
  const rows = sqlite.prepare('SELECT * FROM audit ORDER BY id').all() as Row[];
  let prev = rows.find((r) => r.id === fromId - 1)?.hash ?? '0'.repeat(64);
  for (const row of rows.filter((r) => r.id >= fromId)) {
    const hash = mac(canonical({ ...row, prev_hash: prev }));
    sqlite.prepare('UPDATE audit SET prev_hash = ?, hash = ? WHERE id = ?').run(prev, hash, row.id);
    prev = hash;
  }
  const last = rows.at(-1);
  if (last) sqlite.prepare("UPDATE meta SET value = ? WHERE key = 'audit_head'").run(JSON.stringify({ id: last.id, hash: prev }));
}

describe('the keyed audit chain', () => {
  it('reports the newest row deleted, even after further writes (logging in to run verify is one)', async () => {
    const { t, rows } = await officeWithHistory();
    const newest = rows.at(-1)!;
    edit(t, (sqlite) => {
      sqlite.prepare('DELETE FROM audit WHERE id = ?').run(newest.id);
      const prev = rows.at(-2)!;
      // The intruder also rewinds the head kept in meta; SQLite's own counter still remembers the id.
      sqlite.prepare("UPDATE meta SET value = ? WHERE key = 'audit_head'").run(JSON.stringify({ id: prev.id, hash: (sqlite.prepare('SELECT hash FROM audit WHERE id = ?').get(prev.id) as { hash: string }).hash }));
    });
    const { app, call } = await reopen(t);
    const admin = (await call<{ token: string }>(null, 'auth.login', { username: 'admin', password: ADMIN_PASSWORD })).token;
    await call(admin, 'units.create', { name: '南岭村', kind: 'village' });
    // The login is the next row SQLite numbers: it follows the gap the deleted row left.
    expect(await call(admin, 'audit.verify', {})).toEqual({ ok: false, checked: rows.length - 1, brokenAt: newest.id + 1, keyAcceptedAt: null });
    expect(await call(admin, 'audit.status.get', {})).toMatchObject({ ok: false, brokenAt: newest.id + 1, reason: 'gap' });
    await app.close();
  });

  it('reports a row edited and the chain after it recomputed without the key, at that row', async () => {
    const { t, rows } = await officeWithHistory();
    const target = rows.find((r) => r.action === 'unit.create')!;
    edit(t, (sqlite) => {
      sqlite.prepare('UPDATE audit SET after_json = ? WHERE id = ?').run(JSON.stringify({ name: '别的村' }), target.id);
      rechain(sqlite, target.id, (text) => createHash('sha256').update(text).digest('hex'));
    });
    const { app, call } = await reopen(t);
    const admin = (await call<{ token: string }>(null, 'auth.login', { username: 'admin', password: ADMIN_PASSWORD })).token;
    expect(await call(admin, 'audit.verify', {})).toMatchObject({ ok: false, brokenAt: target.id });
    await app.close();
  });

  it('reports a chain recomputed with the right algorithm under another key', async () => {
    const { t, rows } = await officeWithHistory();
    const otherKey = randomBytes(32);
    edit(t, (sqlite) => rechain(sqlite, 1, (text) => createHmac('sha256', otherKey).update(text).digest('hex')));
    const { app, call } = await reopen(t);
    const admin = (await call<{ token: string }>(null, 'auth.login', { username: 'admin', password: ADMIN_PASSWORD })).token;
    expect(await call(admin, 'audit.verify', {})).toMatchObject({ ok: false, brokenAt: 1 });
    expect(rows.length).toBeGreaterThan(5);
    await app.close();
  });

  it('reports the whole audit wiped together with its head', async () => {
    const { t, rows } = await officeWithHistory();
    edit(t, (sqlite) => {
      sqlite.prepare('DELETE FROM audit').run();
      sqlite.prepare("DELETE FROM meta WHERE key = 'audit_head'").run();
    });
    const { app, call } = await reopen(t);
    const admin = (await call<{ token: string }>(null, 'auth.login', { username: 'admin', password: ADMIN_PASSWORD })).token;
    const status = await call<{ ok: boolean; reason: string }>(admin, 'audit.status.get', {});
    expect(status).toMatchObject({ ok: false, reason: 'truncated' });
    expect(rows.length).toBeGreaterThan(0);
    await app.close();
  });

  it('is verified at start, before any write: a break made while the app was closed shows at once, with why', async () => {
    const { t, rows } = await officeWithHistory();
    const target = rows[2]!;
    edit(t, (sqlite) => sqlite.prepare("UPDATE audit SET user_name = '某人' WHERE id = ?").run(target.id));
    const { app } = await reopen(t);
    expect(app.auditWatch.status()).toMatchObject({ ok: false, brokenAt: target.id, reason: 'row' });
    await app.close();
  });

  it('is verified again each day by the scheduler pass', async () => {
    const t = await testApp();
    const admin = await t.setup();
    const first = t.app.auditWatch.status()!.verifiedAt;
    t.clock.advance(60 * 60_000);
    await t.app.scheduler.tick();
    expect(t.app.auditWatch.status()!.verifiedAt).toBe(first);
    // Someone edits the live file between two daily checks.
    await t.app.core.db.updateTable('audit').set({ user_name: '某人' }).where('id', '=', 1).execute();
    t.clock.advance(24 * 60 * 60_000);
    await t.app.scheduler.tick();
    expect(t.app.auditWatch.status()).toMatchObject({ ok: false, brokenAt: 1, verifiedAt: t.clock.now() });
    const later = (await t.ok(null, 'auth.login', { username: 'admin', password: ADMIN_PASSWORD })).token;
    expect((await t.ok(later, 'audit.status.get', {}))?.ok).toBe(false);
    expect(admin).not.toBe(later);
    await t.close();
  });

  it('keeps its key outside the data folder: a copy of the folder on a PC without the key does not verify', async () => {
    const { t } = await officeWithHistory();
    const inData = fs.readdirSync(t.dataDir, { recursive: true }).map(String);
    expect(inData.some((f) => f.includes('key'))).toBe(false);
    const uid = (new SqliteDatabase(fileOf(t), { readonly: true }).prepare("SELECT value FROM meta WHERE key = 'office_uid'").get() as { value: string }).value;
    expect(await readAuditKey({ dir: auditKeyDir() }, uid)).toHaveLength(32);

    const otherPc = tempDir('other-keys');
    const { app } = await reopen(t, otherPc);
    expect(app.auditWatch.status()).toMatchObject({ ok: false, brokenAt: 1, reason: 'key' });
    await app.close();
  });

  it('still opens when its key file cannot be opened here, keeps that file aside, and says at every start that the key changed', async () => {
    const { t } = await officeWithHistory();
    const uid = (new SqliteDatabase(fileOf(t), { readonly: true }).prepare("SELECT value FROM meta WHERE key = 'office_uid'").get() as { value: string }).value;
    const keyDir = tempDir('sealed-keys');
    // Sealed by the desktop app for another Windows account: nothing here can open it.
    fs.writeFileSync(path.join(keyDir, `audit-${uid}.key`), JSON.stringify({ v: 1, sealed: 'electron-safeStorage', key: randomBytes(48).toString('base64') }));
    const first = await reopen(t, keyDir);
    expect(first.app.auditWatch.status()).toMatchObject({ ok: false, brokenAt: 1, reason: 'key' });
    await first.app.close();
    expect(fs.readdirSync(keyDir).filter((f) => f.startsWith(`audit-${uid}.key.unreadable-`))).toHaveLength(1);
    const second = await reopen(t, keyDir);
    expect(second.app.auditWatch.status()).toMatchObject({ ok: false, reason: 'key' });
    await second.app.close();
  });

  it('stays whole when text that SQLite stores differently (a lone surrogate) reaches an audit row', async () => {
    const t = await testApp();
    const admin = await t.setup();
    await t.app.core.db.transaction().execute((trx) =>
      appendAudit(trx, { actor: { id: 1, name: '王\ud800管理', role: 'admin' }, at: t.clock.now(), action: 'unit.create', entity: 'unit', entityId: 'x\udc00', after: { name: '村\ud800' } }),
    );
    await t.ok(admin, 'units.create', { name: '东风村', kind: 'village' });
    expect((await t.ok(admin, 'audit.verify', {})).ok).toBe(true);
    await t.close();
  });

  it('has a head a duty officer can read for the printed sheets, and a backup copy verifies read-only with the same head', async () => {
    const t = await testApp();
    const admin = await t.setup();
    const duty = await t.addUser(admin, 'duty1', 'duty_officer', '赵值班');
    const head = await t.ok(duty.token, 'audit.head.get', {});
    expect(head).toEqual(await readAuditHead(t.app.core.db));
    const uid = (await t.app.core.db.selectFrom('meta').select('value').where('key', '=', 'office_uid').executeTakeFirstOrThrow()).value;
    const key = (await readAuditKey({ dir: auditKeyDir() }, uid))!;
    await t.closeKeepingFolder();

    const copy = path.join(tempDir('copy'), 'copy.sqlite');
    const live = new SqliteDatabase(fileOf(t));
    await live.backup(copy);
    live.close();
    const bytes = () => createHash('sha256').update(fs.readFileSync(copy)).digest('hex');
    const before = bytes();
    const checked = await verifyAuditFile(copy, key);
    expect(checked.verification).toMatchObject({ ok: true, brokenAt: null });
    expect(checked.head).toEqual(head);
    expect(bytes()).toBe(before);

    const tampered = new SqliteDatabase(copy);
    tampered.prepare("UPDATE audit SET user_name = '某人' WHERE id = 2").run();
    tampered.close();
    expect((await verifyAuditFile(copy, key)).verification).toMatchObject({ ok: false, brokenAt: 2, reason: 'row' });
    // The running app verifies a file with its own key, without the caller handling it.
    const again = await t.reopen('2026-11-02 10:00');
    expect((await again.app.auditWatch.verifyFile(copy)).verification).toMatchObject({ ok: false, brokenAt: 2, reason: 'row' });
    await again.close();
  });
});

describe('the head on paper', () => {
  it('is kept in the handover sheet as it stood when the sheet was made, for the printed copy', async () => {
    const t = await testApp();
    const admin = await t.setup();
    const duty = await t.addUser(admin, 'duty1', 'duty_officer', '赵值班');
    const before = await readAuditHead(t.app.core.db);
    expect((await t.ok(duty.token, 'duty.handoverDraft.get', {})).auditHead).toEqual(before);
    await t.ok(duty.token, 'duty.handovers.create', { notes: '无', toUserId: null });
    const [sheet] = await t.ok(duty.token, 'duty.handovers.list', { limit: 1 });
    expect(sheet?.snapshot.auditHead).toEqual(before);
    // The sheet's own row moved the head on; the sheet keeps the checkpoint it printed.
    expect((await readAuditHead(t.app.core.db))?.id).toBeGreaterThan(before!.id);
  });
});

describe('a file from before the keyed chain', () => {
  it('is re-keyed once at its first start with a key, recording how the old chain looked', async () => {
    const { t, rows } = await officeWithHistory();
    // Turn the file back into what the release before issue 12 wrote: SHA-256 without the id, no chain mark.
    edit(t, (sqlite) => {
      let prev = '0'.repeat(64);
      for (const row of sqlite.prepare('SELECT * FROM audit ORDER BY id').all() as Row[]) {
        const hash = createHash('sha256')
          .update(JSON.stringify([row.at, row.user_id, row.user_name, row.action, row.entity, row.entity_id, row.before_json, row.after_json, prev]))
          .digest('hex');
        sqlite.prepare('UPDATE audit SET prev_hash = ?, hash = ? WHERE id = ?').run(prev, hash, row.id);
        prev = hash;
      }
      sqlite.prepare("UPDATE meta SET value = ? WHERE key = 'audit_head'").run(JSON.stringify({ id: rows.at(-1)!.id, hash: prev }));
      sqlite.prepare("DELETE FROM meta WHERE key IN ('audit_chain', 'audit_key_id')").run();
    });
    const { app, call } = await reopen(t);
    expect(app.auditWatch.status()).toMatchObject({ ok: true, checked: rows.length + 1 });
    const admin = (await call<{ token: string }>(null, 'auth.login', { username: 'admin', password: ADMIN_PASSWORD })).token;
    const list = await call<{ rows: { action: string; after: string | null }[] }>(admin, 'audit.list', { pageSize: 200 });
    const rekey = list.rows.find((r) => r.action === 'audit.rekey');
    expect(JSON.parse(rekey?.after ?? '{}')).toEqual({ rows: rows.length, legacy: { ok: true, checked: rows.length, brokenAt: null } });
    await app.close();

    // Only once: the next start finds the mark and verifies the keyed chain.
    const again = await reopen(t);
    expect(again.app.auditWatch.status()).toMatchObject({ ok: true });
    const rekeys = (await again.app.core.db.selectFrom('audit').select('id').where('action', '=', 'audit.rekey').execute()).length;
    expect(rekeys).toBe(1);
    await again.app.close();
  });
});
