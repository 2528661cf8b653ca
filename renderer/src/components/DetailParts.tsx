/**
 * The building blocks of record pages (petition, report, warning) and their forms: a titled card section, a
 * labelled block of text, and a one-line fact with its label in a fixed-width column.
 */
import type { ReactNode } from 'react';
import { Card, Group, Stack, Text, Title, type MantineSpacing } from '@mantine/core';

/** A card with a title (and anything to its right), named for assistive technology by its title. */
export function Section({ title, children, extra, testId, titleGap = 6 }: { title: string; children: ReactNode; extra?: ReactNode; testId?: string; titleGap?: MantineSpacing }) {
  return (
    <Card withBorder padding="sm" radius="md" component="section" aria-label={title} data-testid={testId}>
      <Group justify="space-between" mb={titleGap} wrap="nowrap">
        <Title order={5}>{title}</Title>
        {extra}
      </Group>
      {children}
    </Card>
  );
}

/** A label above a block of text that keeps its line breaks. */
export function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" component="div" style={{ whiteSpace: 'pre-wrap' }}>
        {children}
      </Text>
    </Stack>
  );
}

/**
 * A label and its value on one row. `missing` is shown, dimmed, when there is no value yet ("尚未进行");
 * `dimmed` dims a value that is itself a placeholder; `breakAnywhere` lets a long unbroken value (a number,
 * an address) wrap inside the column.
 */
export function Fact({
  label,
  children,
  testId,
  dimmed,
  missing,
  size = 'sm',
  labelWidth = 84,
  breakAnywhere,
}: {
  label: string;
  children?: ReactNode;
  testId?: string;
  dimmed?: boolean;
  missing?: string;
  size?: 'xs' | 'sm';
  labelWidth?: number;
  breakAnywhere?: boolean;
}) {
  const absent = missing !== undefined && (children === null || children === undefined);
  return (
    <Group gap="xs" wrap="nowrap" align="flex-start" data-testid={testId}>
      <Text size={size} c="dimmed" w={labelWidth} style={{ flexShrink: 0 }}>
        {label}
      </Text>
      <Text size={size} component="div" c={dimmed || absent ? 'dimmed' : undefined} style={{ minWidth: 0, whiteSpace: 'pre-wrap', wordBreak: breakAnywhere ? 'break-all' : undefined }}>
        {absent ? missing : children}
      </Text>
    </Group>
  );
}
