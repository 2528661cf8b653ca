/** What the app is doing while it opens a file that takes long (a safety backup, a migration at county scale). */
import { useEffect, useState } from 'react';
import { Group, Loader, Progress, Stack, Text, Title } from '@mantine/core';
import type { StartupProgress } from '../../../../shared/api';
import { t } from '../../../../shared/i18n';
import { EntryFrame } from './LoginPage';

function useSecondsSince(start: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, []);
  return Math.max(0, Math.floor((now - start) / 1000));
}

/** The bar stands half-way through the step running now (a migration's own progress is not known). */
export function StartupScreen({ progress, since }: { progress: StartupProgress; since: number }) {
  const seconds = useSecondsSince(since);
  const step = progress.migration;
  return (
    <EntryFrame width={720} padding={36}>
      <Stack gap="lg" role="status" aria-live="polite">
        <Group gap="sm">
          <Loader size="sm" />
          <Title order={3}>{t('common.startup.title')}</Title>
        </Group>
        <Stack gap={6}>
          <Text fw={600}>{t(`common.startup.phases.${progress.phase}`)}</Text>
          {step && <Text size="sm">{t('common.startup.step', { index: step.index, of: step.of })}</Text>}
          {step && <Progress value={((step.index - 0.5) / step.of) * 100} striped animated aria-label={t('common.startup.phases.migrate')} />}
          <Text size="sm" c="dimmed">
            {t('common.startup.elapsed', { seconds })}
          </Text>
        </Stack>
        <Text size="sm" c="dimmed" lh={1.6}>
          {t('common.startup.hint')}
        </Text>
      </Stack>
    </EntryFrame>
  );
}
