/**
 * OS notifications for alarms, so an alarm is seen even when the window is minimised. The page also shows
 * its banner and plays its sound; this is the desktop's own channel on top of that.
 *
 * @example
 * const stop = notifyAlarms(desk, () => mainWindow);
 */
import { Notification, type BrowserWindow } from 'electron';
import type { App } from '../app';
import { alarmNotificationText } from './notify-text';

export function notifyAlarms(app: Pick<App, 'subscribe'>, window: () => BrowserWindow | null): () => void {
  return app.subscribe((event) => {
    if (event.type !== 'alarm.fired' || !Notification.isSupported()) return;
    const { title, body } = alarmNotificationText(event);
    const n = new Notification({ title, body, urgency: event.step === 'fired' ? 'normal' : 'critical', timeoutType: 'never' });
    n.on('click', () => {
      const w = window();
      if (!w || w.isDestroyed()) return;
      if (w.isMinimized()) w.restore();
      w.show();
      w.focus();
    });
    n.show();
  });
}
