/**
 * The two notifications every screen uses: a red one for a refusal or failure, a green one for a saved change.
 *
 * @example
 * notifySaved(t('admin.units.created', { name }));
 */
import { notifications } from '@mantine/notifications';
import type { ApiError } from '../../../shared/api';
import { t } from '../../../shared/i18n';

export function notifyError(error: Pick<ApiError, 'message'>): void {
  notifications.show({ color: 'red', title: t('common.client.failed'), message: error.message, autoClose: 8000 });
}

export function notifySaved(message: string): void {
  notifications.show({ color: 'green', message, autoClose: 3000 });
}
