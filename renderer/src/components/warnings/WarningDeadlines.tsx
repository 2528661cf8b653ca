/**
 * A warning's deadlines to the minute: they run in hours from issue, a level change or a supervision notice,
 * not to the end of a day, so each shows its exact time, the rule it came from, and a live countdown while open.
 */
import { Badge, Box, Group, Stack, Text } from '@mantine/core';
import type { Deadline } from '../../../../shared/api';
import { t, enumLabel } from '../../../../shared/i18n';
import { formatDateTime } from '../../../../shared/time';
import { useOfficeTimeZone } from '../../platform/clock';
import { WarningCountdown } from './WarningCountdown';

function State({ deadline }: { deadline: Deadline }) {
  const tz = useOfficeTimeZone();
  if (deadline.status === 'open') return <WarningCountdown dueAt={deadline.dueAt} size="sm" />;
  return (
    <Badge color={deadline.status === 'met' ? 'teal' : 'gray'} variant="outline" radius="sm" tt="none" data-testid="deadline-state">
      {deadline.status === 'met' && deadline.metAt !== null ? t('warnings.deadlines.metAt', { at: formatDateTime(deadline.metAt, tz) }) : enumLabel('deadlineStatus', deadline.status)}
    </Badge>
  );
}

/** Open deadlines first (soonest at the top), then those met or cancelled, latest first. */
export function WarningDeadlines({ deadlines }: { deadlines: readonly Deadline[] }) {
  const tz = useOfficeTimeZone();
  const sorted = [...deadlines].sort((a, b) => Number(a.status !== 'open') - Number(b.status !== 'open') || (a.status === 'open' ? a.dueAt - b.dueAt : b.dueAt - a.dueAt));
  if (sorted.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('warnings.deadlines.none')}
      </Text>
    );
  }
  return (
    <Box component="ul" m={0} p={0} aria-label={t('warnings.detail.deadlinesSection')}>
      {sorted.map((d) => {
        const label = enumLabel('deadlineKind', d.kind);
        const closed = d.status !== 'open';
        return (
          <Box component="li" key={d.id} aria-label={label} data-testid="deadline-item" data-kind={d.kind} py={8} style={{ listStyle: 'none', borderTop: '1px solid var(--mantine-color-gray-2)' }}>
            <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
              <Stack gap={2} style={{ minWidth: 0 }}>
                <Text size="sm" fw={600} c={closed ? 'dimmed' : undefined}>
                  {label}
                </Text>
                <Text size="xs" c="dimmed">
                  {t('warnings.deadlines.due', { at: formatDateTime(d.dueAt, tz) })}
                </Text>
                <Text size="xs" c="dimmed">
                  {d.explanation.article}
                </Text>
              </Stack>
              <Box style={{ flexShrink: 0 }}>
                <State deadline={d} />
              </Box>
            </Group>
          </Box>
        );
      })}
    </Box>
  );
}
