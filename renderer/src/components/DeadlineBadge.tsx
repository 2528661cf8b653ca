import { Badge, Tooltip } from '@mantine/core';
import { t } from '../../../shared/i18n';
import { formatDateTime } from '../../../shared/time';
import { useNow, useOfficeTimeZone } from '../platform/clock';
import { countdown } from './time/countdown';

/** A statutory period's countdown chip (days scale: amber within 3 days, red when overdue); the tooltip gives the exact end. */
export function DeadlineBadge({ dueAt, label }: { dueAt: number; label?: string }) {
  const now = useNow();
  const tz = useOfficeTimeZone();
  const { text, tone } = countdown(dueAt, now, 'days');
  return (
    <Tooltip label={t('common.countdown.endsAt', { date: formatDateTime(dueAt - 1, tz).slice(0, 10) })}>
      <Badge color={tone} variant="light" radius="sm" data-testid="deadline-badge">
        {label ? `${label} · ` : ''}
        {text}
      </Badge>
    </Tooltip>
  );
}
