/**
 * The first thing about backups the admin should see to (never set up, the USB stick missing, the last try
 * failed, the last verified backup older than two days); nothing when all is well. On the backups page, and on
 * the dashboard with a link to that page.
 */
import type { ReactNode } from 'react';
import { Alert, Group, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { BackupStatus } from '../../../../shared/api';
import { t } from '../../../../shared/i18n';
import { formatDateTime } from '../../../../shared/time';
import { useOfficeTimeZone } from '../../platform/clock';

export function backupWarningText(status: BackupStatus, timeZone: string): string | null {
  const last = status.lastVerified;
  switch (status.warning) {
    case 'none':
      return null;
    case 'target_missing':
      return t('backups.warning.target_missing', { folder: status.targetDir ?? '' });
    case 'failed':
      return t('backups.warning.failed', { message: status.lastFailure?.message ?? '' });
    case 'stale':
      return last ? t('backups.warning.stale', { last: formatDateTime(last.at, timeZone) }) : t('backups.warning.staleNever');
    case 'not_configured':
      return t('backups.warning.not_configured');
  }
}

export function BackupWarning({ status, action }: { status: BackupStatus; action?: ReactNode }) {
  const tz = useOfficeTimeZone();
  const text = backupWarningText(status, tz);
  if (text === null) return null;
  return (
    <Alert color={status.warning === 'not_configured' ? 'orange' : 'red'} variant="light" icon={<IconAlertTriangle size={18} />} py={6} data-testid="backup-warning" data-warning={status.warning}>
      <Group justify="space-between" wrap="nowrap">
        <Text size="sm">{text}</Text>
        {action}
      </Group>
    </Alert>
  );
}
