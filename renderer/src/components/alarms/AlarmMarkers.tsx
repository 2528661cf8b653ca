/** The little marks an alarm carries everywhere it is shown: escalated, late, nobody on duty, and who it went to. */
import { Badge, Text, Tooltip, type BadgeProps } from '@mantine/core';
import { IconArrowUp, IconClockExclamation, IconUserExclamation } from '@tabler/icons-react';
import type { Alarm } from '../../../../shared/api';
import { t } from '../../../../shared/i18n';
import { formatDateTime } from '../../../../shared/time';
import { durationLabel, isEscalated, isLate } from './alarm-facts';

type MarkerProps = Pick<BadgeProps, 'variant' | 'color' | 'size' | 'mt'>;

export function EscalatedMarker({ alarm, ...props }: { alarm: Alarm } & MarkerProps) {
  if (!isEscalated(alarm)) return null;
  return (
    <Badge color="red" variant="light" radius="sm" leftSection={<IconArrowUp size={12} />} data-testid="alarm-escalated" {...props}>
      {t('alarms.marker.escalated')}
    </Badge>
  );
}

export function LateMarker({ alarm, timeZone, ...props }: { alarm: Alarm; timeZone: string } & MarkerProps) {
  if (!isLate(alarm)) return null;
  return (
    <Tooltip label={t('alarms.marker.lateTitle', { at: formatDateTime(alarm.fireAt, timeZone), duration: durationLabel(alarm.lateMs) })}>
      <Badge color="grape" variant="light" radius="sm" leftSection={<IconClockExclamation size={12} />} data-testid="alarm-late" {...props}>
        {t('alarms.marker.late')}
      </Badge>
    </Tooltip>
  );
}

export function NoOneOnDutyMarker({ alarm, ...props }: { alarm: Alarm } & MarkerProps) {
  if (!alarm.noOneOnDuty) return null;
  return (
    <Badge color="red" variant="filled" radius="sm" leftSection={<IconUserExclamation size={12} />} data-testid="alarm-no-one" {...props}>
      {t('alarms.marker.noOneOnDuty')}
    </Badge>
  );
}

/** Recipients, with the logged-in person's own name marked so they see at once it is theirs. */
export function Recipients({ alarm, meId, inherit }: { alarm: Alarm; meId: number | undefined; inherit?: boolean }) {
  if (alarm.recipients.length === 0) return <Text span c={inherit ? undefined : 'dimmed'}>{t('common.none')}</Text>;
  return (
    <>
      {alarm.recipients.map((r, i) => (
        <Text span key={r.id} fw={r.id === meId ? 700 : undefined} inherit={inherit}>
          {i > 0 ? t('alarms.marker.separator') : ''}
          {r.name}
          {r.id === meId ? t('alarms.marker.me') : ''}
        </Text>
      ))}
    </>
  );
}
