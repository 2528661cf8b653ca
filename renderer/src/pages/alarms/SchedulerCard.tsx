/**
 * On the alarm settings page, in the county edition only (several server processes on one database): which of
 * them rings the alarms, so an administrator who stops a server knows whether the alarms move elsewhere.
 */
import { Alert, Card, Stack, Text, Title } from '@mantine/core';
import { t } from '../../../../shared/i18n';
import { useApiQuery } from '../../platform/query';

export function SchedulerCard() {
  const state = useApiQuery('alarms.scheduler.get', {});
  if (state.error) return <Alert color="red">{state.error.message}</Alert>;
  const s = state.data;
  if (!s?.shared) return null;
  const line =
    s.holder === null
      ? t('alarms.settings.schedulerNobody')
      : s.holder === s.thisProcess
        ? t('alarms.settings.schedulerHere', { name: s.holder })
        : t('alarms.settings.schedulerElsewhere', { name: s.holder, self: s.thisProcess });
  return (
    <Card withBorder radius="md" padding="lg">
      <Stack gap="xs">
        <Title order={5}>{t('alarms.settings.schedulerTitle')}</Title>
        <Text size="sm" data-testid="alarm-scheduler">
          {line}
        </Text>
        <Text size="xs" c="dimmed">
          {t('alarms.settings.schedulerHint')}
        </Text>
      </Stack>
    </Card>
  );
}
