import { Badge, Tooltip } from '@mantine/core';
import { t } from '../../../../shared/i18n';
import { formatDateTime } from '../../../../shared/time';
import { useNow, useOfficeTimeZone } from '../../platform/clock';
import { describeTimeLeft } from '../../../../shared/time-left';

/**
 * A live countdown to a warning's feedback (or supervision) deadline: green, amber in the last 12 hours (shared/time-left.ts), red
 * and "已超期…" once passed. The tooltip gives the exact time.
 */
export function WarningCountdown({ dueAt, label, size = 'md' }: { dueAt: number; label?: string; size?: 'sm' | 'md' | 'lg' }) {
  const now = useNow(15_000);
  const tz = useOfficeTimeZone();
  const overdue = dueAt <= now;
  const { text, tone } = describeTimeLeft(dueAt, now, tz, 'hours');
  return (
    <Tooltip label={t('warnings.countdown.dueAt', { at: formatDateTime(dueAt, tz) })}>
      <Badge
        color={tone}
        variant={overdue ? 'filled' : 'light'}
        radius="sm"
        size={size}
        tt="none"
        data-testid="warning-countdown"
        data-overdue={overdue ? 'true' : 'false'}
      >
        {label ? `${label} · ` : ''}
        {text}
      </Badge>
    </Tooltip>
  );
}
