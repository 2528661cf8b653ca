/** The small pieces the home page is built from: a titled card with a link, and a figure that links through. */
import type { ReactNode } from 'react';
import { Anchor, Card, Group, Text, UnstyledButton } from '@mantine/core';
import { IconChevronRight } from '@tabler/icons-react';
import { href } from '../../app/router';

/** A card with a small title on the left and "go there" on the right. */
export function DashCard({ title, link, linkLabel, children, testId }: { title: ReactNode; link: string; linkLabel: string; children: ReactNode; testId: string }) {
  return (
    <Card withBorder padding="sm" data-testid={testId} style={{ display: 'flex', flexDirection: 'column' }}>
      <Group justify="space-between" mb={8} wrap="nowrap">
        <Text fw={700} size="sm">
          {title}
        </Text>
        <Anchor href={href(link)} size="xs" style={{ whiteSpace: 'nowrap' }}>
          <Group gap={0} wrap="nowrap">
            {linkLabel}
            <IconChevronRight size={14} />
          </Group>
        </Anchor>
      </Group>
      {children}
    </Card>
  );
}

/**
 * One figure with its label; the whole tile links to the list behind it. A colour is used only when the
 * figure asks for attention (above zero), so a quiet day looks quiet.
 */
export function Figure({ label, value, link, alertColor, testId, tint }: { label: string; value: number | undefined; link: string; alertColor?: string; testId: string; tint?: string }) {
  const alert = alertColor !== undefined && value !== undefined && value > 0;
  return (
    <UnstyledButton
      component="a"
      href={href(link)}
      px={10}
      py={6}
      style={{ borderRadius: 6, background: tint ?? (alert ? `var(--mantine-color-${alertColor}-0)` : 'var(--mantine-color-gray-0)') }}
    >
      <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
        {label}
      </Text>
      <Text fz={26} fw={700} lh={1.2} c={alert ? `${alertColor}.7` : undefined} data-testid={testId}>
        {value ?? '—'}
      </Text>
    </UnstyledButton>
  );
}
