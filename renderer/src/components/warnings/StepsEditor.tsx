/** The resolution steps a warning asks of the responsible unit: an ordered list the issuer edits. */
import { ActionIcon, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { t } from '../../../../shared/i18n';

export function StepsEditor({ steps, onChange, error }: { steps: readonly string[]; onChange: (steps: string[]) => void; error?: string | undefined }) {
  const set = (i: number, value: string) => onChange(steps.map((s, j) => (j === i ? value : s)));
  return (
    <Stack gap={6} role="group" aria-label={t('warnings.issue.steps')}>
      <Text size="sm" fw={500}>
        {t('warnings.issue.steps')}
        <Text span c="red">
          {' *'}
        </Text>
      </Text>
      <Text size="xs" c="dimmed" mt={-4}>
        {t('warnings.issue.stepsHint')}
      </Text>
      {steps.map((step, i) => (
        <Group key={i} gap="xs" wrap="nowrap">
          <Text size="sm" c="dimmed" w={20} ta="right">
            {i + 1}.
          </Text>
          <TextInput
            value={step}
            onChange={(e) => set(i, e.currentTarget.value)}
            aria-label={t('warnings.issue.stepLabel', { index: i + 1 })}
            maxLength={200}
            style={{ flex: 1 }}
          />
          <ActionIcon variant="subtle" color="gray" aria-label={t('warnings.issue.removeStep', { index: i + 1 })} onClick={() => onChange(steps.filter((_, j) => j !== i))}>
            <IconTrash size={16} />
          </ActionIcon>
        </Group>
      ))}
      {error && (
        <Text size="xs" c="red" role="alert">
          {error}
        </Text>
      )}
      <Button variant="subtle" size="xs" leftSection={<IconPlus size={14} />} onClick={() => onChange([...steps, ''])} style={{ alignSelf: 'flex-start' }} disabled={steps.length >= 20}>
        {t('warnings.issue.addStep')}
      </Button>
    </Stack>
  );
}
