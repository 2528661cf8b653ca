/** A refused call writes nothing: found by the reliability fuzz (issue 12, finding 6). */
import { describe, expect, it } from 'vitest';
import { testApp } from './support/test-app';
import { expectRefused } from './support/refusals';

describe('a refused call', () => {
  it('renaming a duty role that does not exist is refused and leaves no audit row', async () => {
    const t = await testApp();
    const admin = await t.setup();
    const before = (await t.ok(admin, 'audit.list', {})).total;
    expectRefused(await t.call(admin, 'duty.roles.update', { id: 999, name: '夜班' }), 'not_found');
    expect((await t.ok(admin, 'audit.list', {})).total).toBe(before);
    expect((await t.ok(admin, 'duty.roles.list', {})).map((r) => r.name)).not.toContain('夜班');
  });
});
