/**
 * How the duty screens write times (renderer/src/components/duty/duty-format.ts): the way the office says
 * them, 3月5日 08:00, 次日08:00, and 24:00 for the end of a day, always in the office's zone.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { setLocale } from '../../../shared/i18n';
import { instantOf } from '../../../shared/time';
import {
  dateTimeLabel,
  endLabel,
  gapLabel,
  monthLabel,
  rangeLabel,
  sourceTag,
  toLocalInput,
  weekdayLabel,
  weekdayOfDateLabel,
} from '../../../renderer/src/components/duty/duty-format';

const TZ = 'Asia/Shanghai';
const at = (date: string, hour = 0, minute = 0) => instantOf(date, TZ, hour, minute);

afterEach(() => setLocale('zh-CN'));

describe('dates and times', () => {
  it('writes a moment as month, day and a 24-hour time, in the office’s zone whatever the computer’s', () => {
    expect(dateTimeLabel(at('2026-03-05', 8), TZ)).toBe('3月5日 08:00');
    expect(dateTimeLabel(at('2026-03-05', 8), 'Asia/Urumqi')).toBe('3月5日 06:00');
    expect(monthLabel('2026-03')).toBe('2026年3月');
    expect(toLocalInput(at('2026-03-05', 7, 5), TZ)).toBe('2026-03-05T07:05');
  });

  it('ends a day at 24:00 of that day, not 00:00 of the next', () => {
    expect(endLabel(at('2026-03-06'), TZ)).toBe('3月5日 24:00');
    expect(endLabel(at('2026-03-06', 8), TZ)).toBe('3月6日 08:00');
  });

  it('names the weekday of a date, Sunday as 周日', () => {
    expect(weekdayOfDateLabel('2026-03-05')).toBe('周四');
    expect(weekdayLabel(0)).toBe('周日');
  });

  it('speaks English when the office chooses it', () => {
    setLocale('en');
    expect(dateTimeLabel(at('2026-03-05', 8), TZ)).toBe('3/5 08:00');
    expect(weekdayOfDateLabel('2026-03-05')).toBe('Thu');
  });
});

describe('a shift seen from one day', () => {
  it('gives bare times on that day, 次日 for the next morning, 24:00 for midnight, and dates further off', () => {
    const day = '2026-03-05';
    expect(rangeLabel(at(day, 8), at('2026-03-06', 8), day, TZ)).toBe('08:00–次日08:00');
    expect(rangeLabel(at(day, 8), at(day, 20), day, TZ)).toBe('08:00–20:00');
    expect(rangeLabel(at(day, 8), at('2026-03-06'), day, TZ)).toBe('08:00–24:00');
    expect(rangeLabel(at('2026-03-04', 8), at('2026-03-07', 8), day, TZ)).toBe('3月4日 08:00–3月7日 08:00');
  });
});

describe('gaps and marks', () => {
  it('says which role is missing, by name for a custom one', () => {
    expect(gapLabel({ key: 'leader', name: '带班领导' })).toBe('无带班领导');
    expect(gapLabel({ key: 'officer', name: '值班员' })).toBe('无值班员');
    expect(gapLabel({ key: 'patrol', name: '周二巡查' })).toBe('无周二巡查');
  });

  it('marks a replaced, swapped or added person with one character and its colour, a plain rotation shift with none', () => {
    expect(sourceTag('rotation')).toBeNull();
    expect([sourceTag('override'), sourceTag('swap'), sourceTag('extra')]).toEqual([
      { label: '替', color: 'orange' },
      { label: '换', color: 'violet' },
      { label: '加', color: 'teal' },
    ]);
  });
});
