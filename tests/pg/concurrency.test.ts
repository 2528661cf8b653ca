/**
 * Many clerks at once on one county database: two server processes (two apps, each with its own pool of
 * connections, over the same database) register twenty petitions, or sign ten notices, at the same moment. Each
 * gets its own number, the numbers have no gap, and the audit chain stays one chain that verifies, also for a
 * verify that runs while they write.
 */
import { describe, expect, it } from 'vitest';
import { openApp, type App } from '../../main/app';
import { verifyAudit } from '../../main/core/audit';
import { databaseUrlOf } from '../unit/support/pg-databases';
import { testApp } from '../unit/support/test-app';
import { matterOffice, warningInput } from '../unit/support/matters';
import { letter } from './support';

const CLERKS = 20;

/** A second server process over the same database and data folder. */
function secondProcess(dataDir: string, clock: { now(): number }): Promise<App> {
  return openApp({ dataDir, databaseUrl: databaseUrlOf(dataDir), clock, startScheduler: false });
}

describe('clerks saving at the same moment on PostgreSQL', () => {
  it('get twenty distinct petition numbers without a gap, and the audit chain verifies', async () => {
    const t = await testApp({ now: '2026-11-02 09:00' });
    const admin = await t.setup();
    const other = await secondProcess(t.dataDir, t.clock);
    try {
      const apps = [t.app, other];
      const results = await Promise.all(
        Array.from({ length: CLERKS }, (_, i) =>
          apps[i % 2]!.api.call({ name: 'petitions.create', session: admin, input: letter({ summary: `第${i + 1}位登记员登记的来信`, petitioners: [{ name: `来信人${i + 1}`, address: '东风村' }] }) }),
        ),
      );
      const numbers = results.map((r) => (r.ok ? (r.value as { number: string }).number : `refused: ${r.error.message}`));
      expect(numbers.slice().sort()).toEqual(Array.from({ length: CLERKS }, (_, i) => `信〔2026〕${String(i + 1).padStart(4, '0')}号`));

      const list = await t.ok(admin, 'petitions.list', { pageSize: 100 });
      expect(list.total).toBe(CLERKS);
      const verified = await t.ok(admin, 'audit.verify', {});
      expect(verified).toMatchObject({ ok: true, brokenAt: null });
      // One row per registration after the set-up's, ids 1, 2, 3, … as the chain links them.
      const audit = await t.app.core.db.selectFrom('audit').select(['id', 'action']).orderBy('id').execute();
      expect(audit.map((r) => r.id)).toEqual(audit.map((_, i) => i + 1));
      expect(audit.filter((r) => r.action === 'petition.create')).toHaveLength(CLERKS);
    } finally {
      await other.close();
    }
  });

  it('keep one audit chain when different kinds of writes cross', async () => {
    const t = await testApp({ now: '2026-11-02 09:00' });
    const admin = await t.setup();
    const other = await secondProcess(t.dataDir, t.clock);
    try {
      const writes = [
        ...Array.from({ length: 10 }, (_, i) => t.app.api.call({ name: 'units.create', session: admin, input: { name: `第${i + 1}村`, kind: 'village' } })),
        ...Array.from({ length: 10 }, (_, i) => other.api.call({ name: 'petitions.create', session: admin, input: letter({ summary: `来信${i + 1}` }) })),
        ...Array.from({ length: 5 }, (_, i) => other.api.call({ name: 'units.create', session: admin, input: { name: `第${i + 11}社区`, kind: 'community' } })),
      ];
      const results = await Promise.all(writes);
      expect(results.filter((r) => !r.ok)).toEqual([]);
      // Verified by a process that wrote half of it, and by the other.
      expect(await t.ok(admin, 'audit.verify', {})).toMatchObject({ ok: true, brokenAt: null });
      expect(await verifyAudit(other.core.db)).toMatchObject({ ok: true, brokenAt: null });
      const rows = await t.app.core.db.selectFrom('audit').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
      expect((await verifyAudit(t.app.core.db)).checked).toBe(rows.n);
    } finally {
      await other.close();
    }
  });

  it('sign ten notices of one kind at once from two processes: ten document numbers, no gap', async () => {
    const o = await matterOffice();
    const other = await secondProcess(o.t.dataDir, o.t.clock);
    try {
      const w = await o.t.ok(o.clerk, 'warnings.issue', warningInput(o));
      const ids: number[] = [];
      for (let i = 0; i < 10; i++) {
        const draft = await o.t.ok(o.clerk, 'notices.create', { kind: 'warning_report', warningId: w.id });
        await o.t.ok(o.clerk, 'notices.submit', { id: draft.id });
        ids.push(draft.id);
      }
      const signed = await Promise.all(ids.map((id, i) => [o.t.app, other][i % 2]!.api.call({ name: 'notices.sign', session: o.leader, input: { id } })));
      const numbers = signed.map((r) => (r.ok ? (r.value as { docNumber: string | null }).docNumber : `refused: ${r.error.message}`));
      const seqs = numbers.map((n) => Number(/〔\d{4}〕(\d+)号/.exec(n ?? '')?.[1] ?? NaN)).sort((a, b) => a - b);
      expect({ numbers: numbers.length, seqs }).toEqual({ numbers: 10, seqs: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] });
      expect(await verifyAudit(other.core.db)).toMatchObject({ ok: true, brokenAt: null });
    } finally {
      await other.close();
    }
  });

  it('verify while clerks write: each verify sees one whole chain, never a head out of step', async () => {
    const t = await testApp({ now: '2026-11-02 09:00' });
    const admin = await t.setup();
    const other = await secondProcess(t.dataDir, t.clock);
    try {
      const writes = Array.from({ length: CLERKS }, (_, i) =>
        [t.app, other][i % 2]!.api.call({ name: 'petitions.create', session: admin, input: letter({ summary: `来信${i + 1}` }) }),
      );
      const verifies = Array.from({ length: 8 }, () => verifyAudit(other.core.db));
      const [written, verified] = await Promise.all([Promise.all(writes), Promise.all(verifies)]);
      expect(written.filter((r) => !r.ok)).toEqual([]);
      expect(verified.map((v) => [v.ok, v.reason])).toEqual(verified.map(() => [true, null]));
    } finally {
      await other.close();
    }
  });

  it('a row cut off the end of the chain is caught by the id sequence, as by sqlite_sequence', async () => {
    const t = await testApp({ now: '2026-11-02 09:00' });
    const admin = await t.setup();
    await t.ok(admin, 'petitions.create', letter());
    const db = t.app.core.db;
    const last = await db.selectFrom('audit').select(['id', 'prev_hash']).orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();
    const before = await db.selectFrom('audit').select(['id', 'hash']).where('id', '=', last.id - 1).executeTakeFirstOrThrow();
    // Someone with the database deletes the newest row and rewinds the head to the row before it.
    await db.deleteFrom('audit').where('id', '=', last.id).execute();
    await db.updateTable('meta').set({ value: JSON.stringify({ id: before.id, hash: before.hash }) }).where('key', '=', 'audit_head').execute();
    expect(await t.ok(admin, 'audit.verify', {})).toMatchObject({ ok: false, brokenAt: last.id });
  });
});
