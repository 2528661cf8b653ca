import { Badge, Tooltip } from '@mantine/core';
import { t } from '../../../shared/i18n';
import { formatDateTime } from '../../../shared/time';
import { useNow, useOfficeTimeZone } from '../platform/clock';
import type { DeadlineKind } from '../../../shared/enums';
import { describeTimeLeft, scaleOfKind } from '../../../shared/time-left';

/**
 * A deadline's countdown chip from the one time-left model (shared/time-left.ts): a statutory period in days
 * (amber within 3 days, red when overdue), a warning's feedback in hours. The tooltip gives the exact end.
 */
export function DeadlineBadge({ dueAt, label, kind }: { dueAt: number; label?: string; kind?: DeadlineKind }) {
  const scale = kind ? scaleOfKind(kind) : 'days';
  const now = useNow();
  const tz = useOfficeTimeZone();
  const { text, tone } = describeTimeLeft(dueAt, now, tz, scale);
  const end = scale === 'days' ? t('common.countdown.endsAt', { date: formatDateTime(dueAt - 1, tz).slice(0, 10) }) : t('warnings.countdown.dueAt', { at: formatDateTime(dueAt, tz) });
  return (
    <Tooltip label={end}>
      <Badge color={tone} variant="light" radius="sm" data-testid="deadline-badge">
        {label ? `${label} · ` : ''}
        {text}
      </Badge>
    </Tooltip>
  );
}
