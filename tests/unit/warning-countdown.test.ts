/** The countdowns on the warning board: hours matter (red feedback is due in 24 hours), not just days. */
import { describe, expect, it } from 'vitest';
import { countdownText, countdownTone, formatSpan } from '../../renderer/src/components/warnings/warning-format';

const MIN = 60_000;
const HOUR = 60 * MIN;
const NOW = Date.UTC(2026, 10, 2, 1, 0);

describe('warning countdowns', () => {
  it('say the two largest parts of the time left, rounded up to the minute', () => {
    expect(countdownText(NOW + 72 * HOUR, NOW)).toBe('剩3天');
    expect(countdownText(NOW + 72 * HOUR - 5_000, NOW)).toBe('剩3天');
    expect(countdownText(NOW + 71 * HOUR + 59 * MIN, NOW)).toBe('剩2天23小时');
    expect(countdownText(NOW + 5 * HOUR + 20 * MIN, NOW)).toBe('剩5小时20分');
    expect(countdownText(NOW + 30_000, NOW)).toBe('剩1分钟');
  });

  it('say how long overdue, rounded down, never less than a minute', () => {
    expect(countdownText(NOW - 2 * HOUR - 30_000, NOW)).toBe('已超期2小时');
    expect(countdownText(NOW - 26 * HOUR, NOW)).toBe('已超期1天2小时');
    expect(countdownText(NOW, NOW)).toBe('已超期1分钟');
    expect(formatSpan(48 * HOUR)).toBe('2天');
  });

  it('turn amber in the last 12 hours and red once passed', () => {
    expect(countdownTone(NOW + 13 * HOUR, NOW)).toBe('green');
    expect(countdownTone(NOW + 12 * HOUR, NOW)).toBe('orange');
    expect(countdownTone(NOW, NOW)).toBe('red');
  });
});
