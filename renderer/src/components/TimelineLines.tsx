/** What a step in a record's timeline says under its title: who and when, then labelled lines. */
import type { ReactNode } from 'react';
import { Stack, Text } from '@mantine/core';

/** "label：value", the label dimmed; the value keeps its line breaks. */
export function TimelineLine({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
      <Text span c="dimmed" size="sm">
        {label}：
      </Text>
      {children}
    </Text>
  );
}

export function TimelineStepBody({ byLine, lines, children }: { byLine: string; lines: readonly { label: string; value: string }[]; children?: ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed">
        {byLine}
      </Text>
      {lines.map((l) => (
        <TimelineLine key={l.label} label={l.label}>
          {l.value}
        </TimelineLine>
      ))}
      {children}
    </Stack>
  );
}
