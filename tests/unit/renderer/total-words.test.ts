/**
 * How a list page states its total (renderer/src/components/lists/total-words.ts): the exact count, or, when the
 * core stopped counting at its cap, that there are more than that, in each list's own words.
 */
import { describe, expect, it } from 'vitest';
import { totalWords } from '../../../renderer/src/components/lists/total-words';

describe('a list total', () => {
  it('says the exact count below the cap', () => {
    expect(totalWords({ total: 9_999, totalCapped: false }, { total: 'common.total', capped: 'common.totalCapped' })).toBe('共 9999 条');
    expect(totalWords({ total: 12, totalCapped: false }, { total: 'petitions.list.total', capped: 'petitions.list.totalCapped' })).toBe('共 12 件');
  });

  it('says "more than" once the count stopped at the cap: the alarm board in its words, the petition list in its own', () => {
    expect(totalWords({ total: 10_000, totalCapped: true }, { total: 'common.total', capped: 'common.totalCapped' })).toBe('10000 条以上');
    expect(totalWords({ total: 10_000, totalCapped: true }, { total: 'petitions.list.total', capped: 'petitions.list.totalCapped' })).toBe('10000 件以上');
  });
});
