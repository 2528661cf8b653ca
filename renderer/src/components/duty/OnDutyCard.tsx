import { useEffect } from 'react';
import { Alert, Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconCalendarStats } from '@tabler/icons-react';
import type { OnDuty, SensitivePeriod } from '../../../../shared/api';
import { t } from '../../../../shared/i18n';
import { localDateOf } from '../../../../shared/time';
import { useNow, useOfficeTimeZone } from '../../platform/clock';
import { AnchorLink } from '../../platform/links';
import { useApiQuery } from '../../platform/query';
import { dateTimeLabel, endLabel, gapLabel, monthDayLabel, sourceTag, timeLabel } from './duty-format';

type RoleNow = OnDuty['roles'][number];

/** Leader and officer always show (an empty one in red); other roles only while someone holds them. */
function visibleRoles(duty: OnDuty): RoleNow[] {
  return duty.roles.filter((r) => r.key === 'leader' || r.key === 'officer' || r.users.length > 0);
}

export function currentSensitivePeriod(periods: readonly SensitivePeriod[], today: string): SensitivePeriod | null {
  return periods.find((p) => !p.cancelled && p.startDate <= today && today <= p.endDate) ?? null;
}

function RoleBlock({ role, tz, compact }: { role: RoleNow; tz: string; compact: boolean }) {
  return (
    <Stack gap={2} miw={compact ? undefined : 150} data-testid={`on-duty-${role.key}`}>
      <Text size="xs" c="dimmed">
        {role.name}
      </Text>
      {role.users.length === 0 ? (
        <Text fw={600} c="red.7" size={compact ? 'sm' : 'md'}>
          {t('duty.now.nobody')}
        </Text>
      ) : (
        role.users.map((u) => {
          const tag = sourceTag(u.source);
          return (
            <Group key={`${u.id}-${u.until}`} gap={6} wrap="nowrap">
              <Text fw={600} size={compact ? 'sm' : 'md'}>
                {u.name}
              </Text>
              {tag && (
                <Badge size="xs" color={tag.color} variant="light" radius="sm" px={4}>
                  {tag.label}
                </Badge>
              )}
              <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                {t('duty.now.until', { time: endLabel(u.until, tz) })}
              </Text>
            </Group>
          );
        })
      )}
    </Stack>
  );
}

/**
 * Who is on duty now (leader and officers, until when), the next gap within 14 days in red, and the
 * current sensitive period. `variant="side"` is the narrow column beside the month view.
 */
export function OnDutyCard({ variant = 'home' }: { variant?: 'home' | 'side' }) {
  const now = useNow(30_000);
  const tz = useOfficeTimeZone();
  const duty = useApiQuery('duty.current.get', {});
  const periods = useApiQuery('duty.sensitivePeriods.list', {});
  const roles = useApiQuery('duty.roles.list', {});
  const { refetch } = duty;
  const compact = variant === 'side';

  // The answer goes stale when a shift ends: ask again once the earliest "until" has passed.
  const answeredAt = duty.data?.at ?? Infinity;
  const changes = [...(duty.data?.roles.flatMap((r) => r.users.map((u) => u.until)) ?? []), duty.data?.nextGap?.start ?? Infinity];
  const earliestEnd = Math.min(...changes.filter((x) => x > answeredAt));
  useEffect(() => {
    if (now >= earliestEnd) void refetch();
  }, [now, earliestEnd, refetch]);

  const data = duty.data;
  const period = currentSensitivePeriod(periods.data ?? [], localDateOf(now, tz));
  const gap = data?.nextGap ?? null;
  const gapRole = gap ? roles.data?.find((r) => r.id === gap.roleId) : undefined;

  const gapAlert = gap && (
    <Alert color="red" variant="light" p={compact ? 6 : 'xs'} icon={<IconAlertTriangle size={16} />} data-testid="on-duty-next-gap">
      <Text size="sm" c="red.8" fw={600}>
        {gap.start <= now ? t('duty.now.nextGapNow', { what: gapLabel(gapRole) }) : t('duty.now.nextGap', { time: dateTimeLabel(gap.start, tz), what: gapLabel(gapRole) })}
      </Text>
    </Alert>
  );
  const periodText = period && t('duty.now.sensitive', { name: period.name, from: monthDayLabel(period.startDate), to: monthDayLabel(period.endDate) });
  // The side column is narrow: there the period wraps in a tinted box instead of a one-line badge.
  const periodBadge =
    period &&
    (compact ? (
      <Text size="xs" fw={600} c="orange.9" bg="orange.0" px={8} py={4} style={{ borderRadius: 4 }} data-testid="on-duty-sensitive">
        {periodText}
      </Text>
    ) : (
      <Badge color="orange" variant="light" radius="sm" size="lg" style={{ textTransform: 'none' }} data-testid="on-duty-sensitive">
        {periodText}
      </Badge>
    ));

  if (compact) {
    return (
      <Card withBorder padding="sm" data-testid="on-duty-card">
        <Group justify="space-between" mb={6}>
          <Title order={6}>{t('duty.now.title')}</Title>
          <Text size="xs" c="dimmed">
            {t('duty.now.asOf', { time: timeLabel(now, tz) })}
          </Text>
        </Group>
        <Stack gap={8}>
          {data && visibleRoles(data).map((r) => <RoleBlock key={r.roleId} role={r} tz={tz} compact />)}
          {periodBadge}
          {gapAlert}
        </Stack>
      </Card>
    );
  }

  return (
    <Card withBorder padding="md" data-testid="on-duty-card">
      <Group justify="space-between" mb="xs">
        <Group gap="sm">
          <Title order={5}>{t('duty.now.title')}</Title>
          <Text size="xs" c="dimmed">
            {t('duty.now.asOf', { time: dateTimeLabel(now, tz) })}
          </Text>
          {periodBadge}
        </Group>
        <AnchorLink to="/duty" size="sm">
          <Group gap={4}>
            <IconCalendarStats size={16} />
            {t('duty.now.toRoster')}
          </Group>
        </AnchorLink>
      </Group>
      <Group align="flex-start" gap="xl">
        {data ? visibleRoles(data).map((r) => <RoleBlock key={r.roleId} role={r} tz={tz} compact={false} />) : <Text c="dimmed">{t('common.loading')}</Text>}
      </Group>
      {gap ? (
        <div style={{ marginTop: 10 }}>{gapAlert}</div>
      ) : (
        data && (
          <Text size="xs" c="teal.7" mt="xs">
            {t('duty.now.noGap')}
          </Text>
        )
      )}
    </Card>
  );
}
