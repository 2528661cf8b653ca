import type { ApiEvent } from '../../shared/api';

type AlarmFired = Extract<ApiEvent, { type: 'alarm.fired' }>;

/** The words of an alarm's OS notification; kept apart from Electron so they can be tested. */
export function alarmNotificationText(event: AlarmFired): { title: string; body: string } {
  const step =
    event.step === 'escalated' ? '（未确认，已升级到带班领导）' : event.step === 'repeated' ? '（仍未确认，再次提醒）' : event.step === 'snooze_ended' ? '（暂缓时间已到）' : '';
  return {
    title: `信访工作台：期限提醒${step}`,
    body: `${event.late ? '电脑关机或休眠期间有提醒到时，' : ''}请打开信访工作台查看并确认。`,
  };
}
