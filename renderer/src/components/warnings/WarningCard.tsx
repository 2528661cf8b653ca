/** One warning on the board: where, what, how many people, who leads it, and how long until feedback is due. */
import { Badge, Card, Group, Stack, Text, UnstyledButton } from '@mantine/core';
import { IconUser, IconUsers } from '@tabler/icons-react';
import type { WarningSummary } from '../../../../shared/api';
import { t } from '../../../../shared/i18n';
import { formatDateTime } from '../../../../shared/time';
import { shownNumber } from '../../../../shared/township';
import { useOfficeTimeZone } from '../../platform/clock';
import { useNavigate } from '../../platform/links';
import { WarningCountdown } from './WarningCountdown';
import { LEVEL_COLOR } from './warning-format';

export function WarningCard({ warning }: { warning: WarningSummary }) {
  const tz = useOfficeTimeZone();
  const navigate = useNavigate();
  const lifted = warning.status === 'lifted';
  return (
    <UnstyledButton
      onClick={() => void navigate({ to: '/warnings/$id', params: { id: warning.id } })}
      aria-label={warning.title}
      data-testid="warning-card"
      style={{ display: 'block', width: '100%' }}
    >
      <Card
        withBorder
        radius="md"
        padding="sm"
        style={{
          borderLeft: `4px solid var(--mantine-color-${LEVEL_COLOR[warning.level].replace('.', '-')})`,
          opacity: lifted ? 0.7 : 1,
        }}
      >
        <Stack gap={6}>
          <Group justify="space-between" gap="xs" wrap="nowrap">
            <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
              {shownNumber(warning)}
            </Text>
            <Text size="xs" fw={600} truncate>
              {warning.unitName}
            </Text>
          </Group>
          <Text size="sm" fw={600} lineClamp={2} data-testid="warning-card-title">
            {warning.title}
          </Text>
          <Group gap="md" wrap="nowrap">
            <Group gap={4} wrap="nowrap">
              <IconUsers size={14} color="var(--mantine-color-dimmed)" />
              <Text size="xs">{t('warnings.board.people', { count: warning.peopleCount })}</Text>
            </Group>
            <Group gap={4} wrap="nowrap" style={{ minWidth: 0 }}>
              <IconUser size={14} color="var(--mantine-color-dimmed)" />
              <Text size="xs" truncate>
                {t('warnings.board.leader', { name: warning.leadLeaderName })}
              </Text>
            </Group>
          </Group>
          {lifted ? (
            <Group gap={6}>
              <Badge color="gray" variant="light" radius="sm" tt="none">
                {t('warnings.board.lifted')}
              </Badge>
              {warning.liftedAt !== null && (
                <Text size="xs" c="dimmed">
                  {t('warnings.board.liftedAt', { at: formatDateTime(warning.liftedAt, tz) })}
                </Text>
              )}
            </Group>
          ) : (
            <Group gap={6}>
              {warning.feedbackDueAt !== null && <WarningCountdown dueAt={warning.feedbackDueAt} label={t('warnings.countdown.feedback')} size="sm" />}
              {warning.supervisedUntil !== null && (
                <Badge color="red" variant="outline" radius="sm" size="sm" tt="none" data-testid="supervised-marker">
                  {t('warnings.board.supervised')}
                </Badge>
              )}
              {warning.supervisedUntil !== null && <WarningCountdown dueAt={warning.supervisedUntil} label={t('warnings.countdown.supervision')} size="sm" />}
              {warning.feedbackDueAt === null && warning.supervisedUntil === null && (
                <Text size="xs" c="dimmed">
                  {t('warnings.board.nothingDue')}
                </Text>
              )}
            </Group>
          )}
        </Stack>
      </Card>
    </UnstyledButton>
  );
}
