/**
 * The one time-left model (shared/time-left.ts): the words a clerk reads for a deadline at instants around
 * midnight and around each threshold, the set the dashboard counts as "3日内到期", and the colour.
 */
import { describe, expect, it } from 'vitest';
import { describeTimeLeft, isDueSoon, scaleOfKind, timeLeftText } from '../../shared/time-left';
import { endOfLocalDay } from '../../shared/time';
import { TZ, at } from './support/test-app';

// A 办理期限 whose last day is 21 December 2026: it ends at 24:00 that day (22 Dec 00:00).
const DUE = endOfLocalDay('2026-12-21', TZ);
const days = (now: string) => timeLeftText(DUE, at(now), TZ, 'days');

describe('time left on the days scale (statutory periods)', () => {
  it.each([
    ['2026-12-06 10:00', '剩15天'],
    ['2026-12-17 23:59', '剩4天'],
    ['2026-12-18 00:00', '剩3天'],
    // The morning the 3-day pre-alarm rings: the countdown says 3 days too, not 4.
    ['2026-12-18 09:01', '剩3天'],
    ['2026-12-18 23:59', '剩3天'],
    ['2026-12-20 00:00', '剩1天'],
    ['2026-12-20 23:59', '剩1天'],
    // The last day counts hours (rounded up to the minute), never "剩0天".
    ['2026-12-21 00:00', '今日24时到期，剩24小时'],
    ['2026-12-21 00:01', '今日24时到期，剩23小时59分'],
    ['2026-12-21 09:01', '今日24时到期，剩14小时59分'],
    ['2026-12-21 23:00', '今日24时到期，剩1小时'],
    ['2026-12-21 23:59', '今日24时到期，剩1分钟'],
    // Overdue by days and hours, rounded down: five minutes after 24:00 is five minutes, not an hour.
    ['2026-12-22 00:00', '已超期1分钟'],
    ['2026-12-22 00:05', '已超期5分钟'],
    ['2026-12-22 00:59', '已超期59分钟'],
    ['2026-12-22 09:00', '已超期9小时'],
    ['2026-12-22 23:59', '已超期23小时59分'],
    ['2026-12-23 00:00', '已超期1天'],
    ['2027-01-02 09:01', '已超期11天9小时'],
  ])('at %s it reads %s', (now, text) => {
    expect(days(now)).toBe(text);
  });

  it('counts a 60-day period accepted on 6 December as 60 days left that day, not 61', () => {
    const end = endOfLocalDay('2027-02-04', TZ);
    expect(timeLeftText(end, at('2026-12-06 10:00'), TZ, 'days')).toBe('剩60天');
  });
});

describe('"3日内到期" and the colour', () => {
  it.each([
    ['2026-12-17 23:59', false, 'green'],
    ['2026-12-18 00:00', true, 'orange'],
    ['2026-12-18 09:01', true, 'orange'],
    ['2026-12-21 23:59', true, 'orange'],
    ['2026-12-22 00:00', false, 'red'],
  ] as const)('at %s due soon is %s and the colour %s', (now, soon, tone) => {
    expect(isDueSoon(DUE, at(now), TZ)).toBe(soon);
    expect(describeTimeLeft(DUE, at(now), TZ, 'days').tone).toBe(tone);
  });
});

describe('the scale follows the deadline kind', () => {
  it('counts a warning feedback in hours and a petition period in days', () => {
    expect(scaleOfKind('warning_feedback')).toBe('hours');
    expect(scaleOfKind('supervision')).toBe('hours');
    expect(scaleOfKind('handling')).toBe('days');
    expect(scaleOfKind('zero_report')).toBe('days');
    const feedback = at('2026-12-18 09:00') + 29 * 3_600_000;
    expect(timeLeftText(feedback, at('2026-12-18 09:00'), TZ, 'hours')).toBe('剩1天5小时');
    expect(timeLeftText(feedback, at('2026-12-18 09:00'), TZ, 'days')).toBe('剩1天');
  });
});
