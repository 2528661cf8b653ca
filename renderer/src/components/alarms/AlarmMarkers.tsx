/** The little marks an alarm carries everywhere it is shown: escalated, late, nobody on duty, and who it went to. */
import { Badge, Text, Tooltip, type BadgeProps } from '@mantine/core';
import { IconArrowUp, IconClockExclamation, IconUserExclamation } from '@tabler/icons-react';
import type { Alarm } from '../../../../shared/api';
import { t } from '../../../../shared/i18n';
import { formatDateTime } from '../../../../shared/time';
import { durationLabel, isEscalated, isLate } from './alarm-facts';

/** `compact`: a short label with the full wording in a tooltip, where the banner has little room. */
type MarkerProps = Pick<BadgeProps, 'variant' | 'color' | 'size' | 'mt'> & { compact?: boolean };

export function EscalatedMarker({ alarm, compact, ...props }: { alarm: Alarm } & MarkerProps) {
  if (!isEscalated(alarm)) return null;
  return (
    <Tooltip label={t('alarms.marker.escalated')} disabled={!compact}>
      <Badge color="red" variant="light" radius="sm" leftSection={<IconArrowUp size={12} />} data-testid="alarm-escalated" style={{ flexShrink: 0 }} {...props}>
        {compact ? t('alarms.marker.escalatedShort') : t('alarms.marker.escalated')}
      </Badge>
    </Tooltip>
  );
}

export function LateMarker({ alarm, timeZone, compact, ...props }: { alarm: Alarm; timeZone: string } & MarkerProps) {
  if (!isLate(alarm)) return null;
  const title = t('alarms.marker.lateTitle', { at: formatDateTime(alarm.fireAt, timeZone), duration: durationLabel(alarm.lateMs) });
  return (
    <Tooltip label={compact ? `${t('alarms.marker.late')}；${title}` : title}>
      <Badge color="grape" variant="light" radius="sm" leftSection={<IconClockExclamation size={12} />} data-testid="alarm-late" style={{ flexShrink: 0 }} {...props}>
        {compact ? t('alarms.marker.lateShort') : t('alarms.marker.late')}
      </Badge>
    </Tooltip>
  );
}

export function NoOneOnDutyMarker({ alarm, compact, ...props }: { alarm: Alarm } & MarkerProps) {
  if (!alarm.noOneOnDuty) return null;
  return (
    <Tooltip label={t('alarms.marker.noOneOnDuty')} disabled={!compact}>
      <Badge color="red" variant="filled" radius="sm" leftSection={<IconUserExclamation size={12} />} data-testid="alarm-no-one" style={{ flexShrink: 0 }} {...props}>
        {compact ? t('alarms.marker.noOneShort') : t('alarms.marker.noOneOnDuty')}
      </Badge>
    </Tooltip>
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
