/**
 * Issue 16, server mode: every audit row a request writes names the network address it came from (migration 0016)
 * and the chain verifies with it. On both stores (vitest.pg.config.ts); the file edits that show the MAC covers the
 * address are in audit-address-file.test.ts (SQLite).
 */
import { describe, expect, it } from 'vitest';
import { testApp } from './support/test-app';
import { withRequestAddress } from '../../main/core/audit';

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
});
