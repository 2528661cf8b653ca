/**
 * What the alarm banner and board say about an alarm (renderer/src/components/alarms/alarm-facts.ts): whether it
 * is late, escalated or waiting for someone, which comes first, and how its kind, state and delay read.
 */
import { describe, expect, it } from 'vitest';
import type { Alarm } from '../../../shared/api';
import {
  alarmKindLabel,
  byUrgency,
  durationLabel,
  isLate,
  isOpen,
  needsAttention,
  statusColor,
  statusLabel,
  subjectLink,
} from '../../../renderer/src/components/alarms/alarm-facts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const NOW = Date.UTC(2026, 10, 18, 1);

function alarm(id: number, extra: Partial<Alarm> = {}): Alarm {
  return {
    id,
    kind: 'due',
    daysBefore: 0,
    fireAt: NOW - HOUR,
    firedAt: NOW - HOUR,
    lateMs: 0,
    status: 'fired',
    level: 0,
    noOneOnDuty: false,
    recipients: [],
    acknowledgedBy: null,
    acknowledgedAt: null,
    snoozedUntil: null,
    snoozeReason: null,
    deadlineKind: 'forward',
    dueAt: NOW - HOUR,
    subjectType: 'petition',
    subjectId: id,
    subjectNumber: `信〔2026〕000${id}号`,
    subjectSummary: '',
    log: [],
    ...extra,
  };
}

describe('what needs someone now', () => {
  it('is a fired alarm, or a snoozed one whose snooze has run out; not one still snoozed or acknowledged', () => {
    expect(needsAttention(alarm(1), NOW)).toBe(true);
    expect(needsAttention(alarm(2, { status: 'snoozed', snoozedUntil: NOW }), NOW)).toBe(true);
    expect(needsAttention(alarm(3, { status: 'snoozed', snoozedUntil: NOW + MINUTE }), NOW)).toBe(false);
    expect(needsAttention(alarm(4, { status: 'acknowledged' }), NOW)).toBe(false);
    expect([alarm(5, { status: 'snoozed' }), alarm(6, { status: 'resolved' })].map(isOpen)).toEqual([true, false]);
  });

  it('reads its state as the board shows it, red while someone must act', () => {
    const over = alarm(1, { status: 'snoozed', snoozedUntil: NOW - MINUTE });
    const snoozed = alarm(2, { status: 'snoozed', snoozedUntil: NOW + HOUR });
    expect([statusLabel(over, NOW), statusColor(over, NOW)]).toEqual(['暂缓已到时', 'red']);
    expect([statusLabel(snoozed, NOW), statusColor(snoozed, NOW)]).toEqual(['暂缓中', 'orange']);
    expect([statusLabel(alarm(3), NOW), statusColor(alarm(3), NOW)]).toEqual(['待确认', 'red']);
    expect(statusColor(alarm(4, { status: 'acknowledged' }), NOW)).toBe('green');
    expect(statusColor(alarm(5, { status: 'superseded' }), NOW)).toBe('gray');
  });
});

describe('late and escalated', () => {
  it('calls an alarm late only when it fired more than a minute after its time', () => {
    expect([MINUTE, MINUTE + 1].map((lateMs) => isLate(alarm(1, { lateMs })))).toEqual([false, true]);
  });

  it('writes the delay in minutes, hours and minutes, or days and hours', () => {
    expect([5 * MINUTE, 9 * HOUR, 9 * HOUR + 5 * MINUTE, 66 * HOUR].map(durationLabel)).toEqual(['5分钟', '9小时', '9小时5分', '2天18小时']);
  });
});

describe('the order of the banner', () => {
  it('puts the escalated first, then the earliest deadline, due alarms before pre-alarms, then the oldest', () => {
    const sorted = [
      alarm(1, { kind: 'pre', daysBefore: 1, dueAt: NOW + 2 * HOUR }),
      alarm(2, { dueAt: NOW + 2 * HOUR, firedAt: NOW }),
      alarm(3, { dueAt: NOW + 2 * HOUR, firedAt: NOW - HOUR }),
      alarm(4, { dueAt: NOW + 9 * HOUR, level: 1 }),
      alarm(5, { dueAt: NOW - HOUR }),
    ].sort(byUrgency);
    expect(sorted.map((a) => a.id)).toEqual([4, 5, 3, 2, 1]);
  });
});

describe('what the alarm is called and where it leads', () => {
  it('names due alarms and pre-alarms by the days before the deadline', () => {
    expect(alarmKindLabel(alarm(1))).toBe('到期提醒');
    expect(alarmKindLabel(alarm(2, { kind: 'pre', daysBefore: 3 }))).toBe('预提醒 3天');
    expect(alarmKindLabel(alarm(3, { kind: 'pre', daysBefore: 0 }))).toBe('预提醒 当天');
  });

  it('opens the petition or the warning it is about, or the zero-report grid', () => {
    expect(subjectLink({ subjectType: 'petition', subjectId: 7 })).toMatchObject({ to: '/petitions/$id', params: { id: 7 } });
    expect(subjectLink({ subjectType: 'warning', subjectId: 3 })).toMatchObject({ to: '/warnings/$id', params: { id: 3 } });
    expect(subjectLink({ subjectType: 'zero_report', subjectId: 12 })).toEqual({ to: '/zero-reports' });
  });
});
