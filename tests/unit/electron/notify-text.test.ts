import { describe, expect, it } from 'vitest';
import { alarmNotificationText } from '../../../main/electron/notify-text';

describe('alarm notification text', () => {
  it('says an unacknowledged alarm went up to the leader, and that a late one came while the PC was off', () => {
    const escalated = alarmNotificationText({ type: 'alarm.fired', alarmId: 1, step: 'escalated', late: false, recipients: [] });
    expect(escalated.title).toContain('已升级到带班领导');
    const late = alarmNotificationText({ type: 'alarm.fired', alarmId: 2, step: 'fired', late: true, recipients: [] });
    expect(late.body).toContain('关机或休眠');
    expect(late.title).not.toContain('升级');
  });
});
