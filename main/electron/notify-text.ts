import type { ApiEvent } from '../../shared/api';
import { t } from '../../shared/i18n';

type AlarmFired = Extract<ApiEvent, { type: 'alarm.fired' }>;

/** The words of an alarm's OS notification, from the catalog; kept apart from Electron so they can be tested. */
export function alarmNotificationText(event: AlarmFired): { title: string; body: string } {
  return {
    title: t(`alarms.notification.title.${event.step}`),
    body: t(event.late ? 'alarms.notification.bodyLate' : 'alarms.notification.body'),
  };
}
