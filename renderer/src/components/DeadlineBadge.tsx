import { Badge, Tooltip } from '@mantine/core';
import { DAY_MS, formatDateTime } from '../../../shared/time';
import { t } from '../../../shared/i18n';
import { useNow, useOfficeTimeZone } from '../app/clock';

export type DeadlineTone = 'green' | 'orange' | 'red' | 'gray';

/** Amber when the period ends within three days, red once it has ended. */
export const DUE_SOON_MS = 3 * DAY_MS;

export function deadlineTone(dueAt: number, now: number): DeadlineTone {
  if (dueAt <= now) return 'red';
  if (dueAt - now <= DUE_SOON_MS) return 'orange';
  return 'green';
}

export function countdownLabel(dueAt: number, now: number): string {
  const diff = dueAt - now;
  if (diff <= 0) {
    const late = now - dueAt;
    return late < DAY_MS ? t('common.countdown.overdueHours', { hours: Math.max(1, Math.floor(late / 3_600_000)) }) : t('common.countdown.overdue', { days: Math.floor(late / DAY_MS) });
  }
  if (diff <= DAY_MS) return t('common.countdown.dueToday');
  return t('common.countdown.daysLeft', { days: Math.ceil(diff / DAY_MS) });
}

/** A countdown chip: green, amber within 3 days, red when overdue; the tooltip gives the exact end. */
export function DeadlineBadge({ dueAt, label }: { dueAt: number; label?: string }) {
  const now = useNow();
  const tz = useOfficeTimeZone();
  return (
    <Tooltip label={`${formatDateTime(dueAt - 1, tz).slice(0, 10)} 24:00 止`}>
      <Badge color={deadlineTone(dueAt, now)} variant="light" radius="sm" data-testid="deadline-badge">
        {label ? `${label} · ` : ''}
        {countdownLabel(dueAt, now)}
      </Badge>
    </Tooltip>
  );
}
