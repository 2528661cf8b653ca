/**
 * What an audited change touched (renderer/src/pages/admin/audit-diff.ts): the admin sees
 * "collectiveThreshold 5 → 6" before reading two blocks of JSON.
 */
import { describe, expect, it } from 'vitest';
import { changedFields } from '../../../renderer/src/pages/admin/audit-diff';

describe('the fields a change touched', () => {
  it('lists only what changed, old and new, in the order the fields appear', () => {
    const before = JSON.stringify({ name: '青山镇信访办', collectiveThreshold: 5, prealarmDays: [3, 1, 0] });
    const after = JSON.stringify({ name: '青山镇信访办', collectiveThreshold: 6, prealarmDays: [5, 3, 1] });
    expect(changedFields(before, after)).toEqual([
      { key: 'collectiveThreshold', before: '5', after: '6' },
      { key: 'prealarmDays', before: '[3,1,0]', after: '[5,3,1]' },
    ]);
  });

  it('shows a field added or removed as — on the side where it is missing', () => {
    expect(changedFields('{"a":1}', '{"b":"新"}')).toEqual([
      { key: 'a', before: '1', after: '—' },
      { key: 'b', before: '—', after: '新' },
    ]);
  });

  it('cuts a long value to 60 characters with …', () => {
    const long = '情况说明'.repeat(20);
    const [change] = changedFields(JSON.stringify({ note: '' }), JSON.stringify({ note: long })) ?? [];
    expect(change?.after).toHaveLength(60);
    expect(change?.after.endsWith('…')).toBe(true);
    expect(change?.after.startsWith('情况说明情况说明')).toBe(true);
  });

  it('has nothing to say for a creation, a deletion, a list or a broken record: the page shows the JSON', () => {
    expect(changedFields(null, '{"a":1}')).toBeNull();
    expect(changedFields('{"a":1}', null)).toBeNull();
    expect(changedFields('[1]', '[2]')).toBeNull();
    expect(changedFields('{"a":1', '{"a":2}')).toBeNull();
    expect(changedFields('{"a":1}', '{"a":1}')).toEqual([]);
  });
});
