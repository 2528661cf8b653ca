/** The small pieces the home page is built from: a titled card with a link, and a figure that links through. */
import type { ReactNode } from 'react';
import { Card, Group, Text } from '@mantine/core';
import { IconChevronRight } from '@tabler/icons-react';
import type { RegisteredRouter, ValidateLinkOptions } from '@tanstack/react-router';
import { AnchorLink, PlainLink } from '../../platform/links';

interface DashCardProps<TOptions> {
  readonly title: ReactNode;
  readonly link: ValidateLinkOptions<RegisteredRouter, TOptions>;
  readonly linkLabel: string;
  readonly children: ReactNode;
  readonly testId: string;
}

/** A card with a small title on the left and "go there" on the right. */
export function DashCard<TOptions>(props: DashCardProps<TOptions>): ReactNode;
export function DashCard({ title, link, linkLabel, children, testId }: DashCardProps<unknown>): ReactNode {
  return (
    <Card withBorder padding="sm" data-testid={testId} style={{ display: 'flex', flexDirection: 'column' }}>
      <Group justify="space-between" mb={8} wrap="nowrap">
        <Text fw={700} size="sm">
          {title}
        </Text>
        <AnchorLink {...link} size="xs" style={{ whiteSpace: 'nowrap' }}>
          <Group gap={0} wrap="nowrap">
            {linkLabel}
            <IconChevronRight size={14} />
          </Group>
        </AnchorLink>
      </Group>
      {children}
    </Card>
  );
}

interface FigureProps<TOptions> {
  readonly label: string;
  readonly value: number | undefined;
  readonly link: ValidateLinkOptions<RegisteredRouter, TOptions>;
  readonly alertColor?: string;
  readonly testId: string;
  readonly tint?: string;
}

/**
 * One figure with its label; the whole tile links to the list behind it. A colour is used only when the
 * figure asks for attention (above zero), so a quiet day looks quiet.
 */
export function Figure<TOptions>(props: FigureProps<TOptions>): ReactNode;
export function Figure({ label, value, link, alertColor, testId, tint }: FigureProps<unknown>): ReactNode {
  const alert = alertColor !== undefined && value !== undefined && value > 0;
  return (
    <PlainLink
      {...link}
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
    </PlainLink>
  );
}
