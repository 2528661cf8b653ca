/**
 * The audit trail is hash-chained so that someone editing the SQLite file behind the app's back is found
 * out: verification names the first row that no longer fits.
 */
import path from 'node:path';
import { createHash } from 'node:crypto';
import { describe, it, expect } from 'vitest';
import SqliteDatabase from 'better-sqlite3';
import { testApp, at } from './support/test-app';
import { expectRefused } from './support/refusals';

/** An office where several people have done several things, each leaving an audit row. */
async function busyOffice() {
  const t = await testApp({ now: '2026-11-02 09:00' });
  const admin = await t.setup();
  const unit = await t.ok(admin, 'units.create', { name: '东风村', kind: 'village', liaisonName: '李四', liaisonPhone: '13800000000' });
  const clerk = await t.addUser(admin, 'clerk1', 'clerk', '李登记');
  const { id } = await t.ok(clerk.token, 'petitions.create', {
    channel: 'visit',
    receivedAt: at('2026-11-02 08:30'),
    petitioners: [{ name: '张三', idNumber: '11010519491231002X', phone: '13912345678', address: '东风村3组' }],
    peopleCount: 1,
    category: 'claim',
    claimItem: 6,
    summary: '反映征地补偿款未足额发放',
    request: '要求补发征地补偿款',
    unitId: unit.id,
  });
  await t.ok(clerk.token, 'petitions.transition', { id, action: 'accept' });
  await t.ok(clerk.token, 'petitions.reveal', { petitionerId: 1 });
  await t.ok(admin, 'calendar.days.update', { date: '2026-11-20', isOffDay: true, name: '县庆放假' });
  const audit = await t.ok(admin, 'audit.list', { pageSize: 200 });
  const rowOf = (action: string) => {
    const row = audit.rows.find((r) => r.action === action);
    if (!row) throw new Error(`no audit row ${action}`);
    return row;
  };
  return { t, admin, audit, rowOf, file: path.join(t.dataDir, 'petition-desk.sqlite') };
}

describe('audit verification', () => {
  it('is ok after a day of ordinary work, having checked every row', async () => {
    const { t, admin, audit } = await busyOffice();
    expect(audit.rows.map((r) => r.action)).toEqual(
      expect.arrayContaining(['office.setup', 'unit.create', 'user.create', 'user.login', 'petition.create', 'petition.accept', 'petitioner.reveal', 'calendar.setDay']),
    );
    expect(await t.ok(admin, 'audit.verify', {})).toEqual({ ok: true, checked: audit.total, brokenAt: null, keyAcceptedAt: null });
    await t.close();
  });

  it('names the row someone edited directly in the SQLite file', async () => {
    const { t, admin, audit, rowOf, file } = await busyOffice();
    const target = rowOf('petition.accept');
    const sqlite = new SqliteDatabase(file);
    // Someone rewrites history: the step was done by a different person.
    sqlite.prepare("UPDATE audit SET user_name = '王管理' WHERE id = ?").run(target.id);
    sqlite.close();

    const result = await t.ok(admin, 'audit.verify', {});
    expect(result.ok).toBe(false);
    expect(result.brokenAt).toBe(target.id);
    expect(result.checked).toBe(audit.rows.filter((r) => r.id < target.id).length);

    // New work goes on, but does not hide the break.
    await t.ok(admin, 'units.create', { name: '西山村', kind: 'village' });
    expect((await t.ok(admin, 'audit.verify', {})).brokenAt).toBe(target.id);
    await t.close();
  });

  it('catches an edit whose own hash was recomputed without the key, at that row', async () => {
    const { t, admin, audit, rowOf, file } = await busyOffice();
    const target = rowOf('petitioner.reveal');
    const sqlite = new SqliteDatabase(file);
    const row = sqlite.prepare('SELECT * FROM audit WHERE id = ?').get(target.id) as {
      at: number; user_id: number | null; user_name: string; action: string; entity: string; entity_id: string;
      before_json: string | null; after_json: string | null; prev_hash: string;
    };
    // A careful forger also fixes the row's own hash as well as one can without the key: SHA-256 over the
    // canonical form (issue 12 made the chain keyed, so this no longer fits even the row itself) ...
    const forged = { ...row, after_json: JSON.stringify({ petitionerId: 1, name: '无' }) };
    const hash = createHash('sha256')
      .update(JSON.stringify([target.id, forged.at, forged.user_id, forged.user_name, forged.action, forged.entity, forged.entity_id, forged.before_json, forged.after_json, forged.prev_hash]))
      .digest('hex');
    sqlite.prepare('UPDATE audit SET after_json = ?, hash = ? WHERE id = ?').run(forged.after_json, hash, target.id);
    sqlite.close();

    // ... but without the key the row's own hash gives it away (before issue 12: only the next row's link did).
    const result = await t.ok(admin, 'audit.verify', {});
    expect(result.ok).toBe(false);
    expect(result.brokenAt).toBe(target.id);
    expect(result.checked).toBe(audit.rows.filter((r) => r.id < target.id).length);
    await t.close();
  });

  it('catches a deleted row, at the row after it', async () => {
    const { t, admin, audit, rowOf } = await busyOffice();
    const target = rowOf('petition.create');
    await t.app.core.db.deleteFrom('audit').where('id', '=', target.id).execute();

    const next = audit.rows.filter((r) => r.id > target.id).sort((a, b) => a.id - b.id)[0];
    const result = await t.ok(admin, 'audit.verify', {});
    expect(result.ok).toBe(false);
    expect(result.brokenAt).toBe(next?.id);
    await t.close();
  });

  it('catches the newest rows cut off the end of the chain', async () => {
    const { t, admin } = await busyOffice();
    const newest = await t.app.core.db.selectFrom('audit').select('id').orderBy('id', 'desc').limit(2).execute();
    const cutFrom = Math.min(...newest.map((r) => r.id));
    await t.app.core.db.deleteFrom('audit').where('id', '>=', cutFrom).execute();

    const result = await t.ok(admin, 'audit.verify', {});
    expect(result.ok).toBe(false);
    expect(result.brokenAt).toBe(cutFrom);
    await t.close();
  });

  it('is for the admin only', async () => {
    const { t, admin } = await busyOffice();
    const clerk = (await t.ok(null, 'auth.login', { username: 'clerk1', password: 'Passw0rd1' })).token;
    for (const name of ['audit.verify', 'audit.list'] as const) {
      const r = await t.call(clerk, name, {});
      expectRefused(r, 'forbidden');
    }
    expect((await t.ok(admin, 'audit.verify', {})).ok).toBe(true);
    await t.close();
  });
});
