/**
 * "可能的重复信访": while the clerk types ID numbers, the summary or the request, the core looks for the
 * same person or similar wording (debounced), and the clerk can mark the new petition as a repeat of one.
 */
import { Badge, Button, Card, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconCopy } from '@tabler/icons-react';
import type { PetitionSummary } from '../../../../shared/api';
import { t } from '../../../../shared/i18n';
import { keepPreviousData } from '@tanstack/react-query';
import { useOfficeTimeZone } from '../../platform/clock';
import { useApiQuery } from '../../platform/query';
import { StatusBadge } from './StatusBadge';
import { dateOf } from './petition-format';

/** What 'petitions.repeats.list' takes of the text. */
const REPEAT_TEXT_MAX = 4000;

export type PossibleRepeat = PetitionSummary & { reason: 'idNumber' | 'text' };

const DEBOUNCE_MS = 400;

/** Looks up possible repeats for what has been typed so far; an empty query returns nothing. */
export function usePossibleRepeats(idNumbers: readonly string[], text: string): { matches: PossibleRepeat[]; searching: boolean } {
  // The search compares the opening of a letter; a long one is not sent whole on every keystroke.
  const [debounced] = useDebouncedValue(JSON.stringify({ idNumbers, text: text.trim().slice(0, REPEAT_TEXT_MAX) }), DEBOUNCE_MS);
  const query = JSON.parse(debounced) as { idNumbers: string[]; text: string };
  const empty = query.idNumbers.length === 0 && !query.text;
  // The last matches stay up while the next words are looked up.
  const repeats = useApiQuery('petitions.repeats.list', empty ? null : query, { placeholderData: keepPreviousData });
  return { matches: empty ? [] : (repeats.data ?? []), searching: !empty && repeats.isFetching };
}

export function DuplicatePanel({
  matches,
  searching,
  repeatOfId,
  onMark,
}: {
  matches: readonly PossibleRepeat[];
  searching: boolean;
  repeatOfId: number | null;
  onMark: (match: PossibleRepeat | null) => void;
}) {
  const tz = useOfficeTimeZone();
  return (
    <Card withBorder padding="sm" radius="md" aria-labelledby="duplicates-title" component="section">
      <Group justify="space-between" mb={6} wrap="nowrap">
        <Group gap={6} wrap="nowrap">
          <IconCopy size={16} color="var(--mantine-color-orange-7)" />
          <Title order={5} id="duplicates-title">
            {t('petitions.duplicates.title')}
          </Title>
        </Group>
        {searching && <Loader size={14} aria-label={t('petitions.duplicates.searching')} />}
      </Group>
      {matches.length === 0 ? (
        <Text size="xs" c="dimmed">
          {searching ? t('petitions.duplicates.searching') : t('petitions.duplicates.hint')}
        </Text>
      ) : (
        <Stack gap="xs">
          {matches.map((m) => {
            const marked = repeatOfId === m.id;
            return (
              <Card
                key={m.id}
                withBorder
                padding="xs"
                radius="sm"
                bg={marked ? 'orange.0' : undefined}
                style={marked ? { borderColor: 'var(--mantine-color-orange-5)' } : undefined}
                data-testid="duplicate-match"
              >
                <Group justify="space-between" gap={4} wrap="nowrap">
                  <Text size="sm" fw={600} style={{ whiteSpace: 'nowrap' }}>
                    {m.number}
                  </Text>
                  <Badge size="xs" radius="sm" variant="light" color={m.reason === 'idNumber' ? 'red' : 'yellow'} style={{ flexShrink: 0 }}>
                    {t(`petitions.duplicates.reason.${m.reason}`)}
                  </Badge>
                </Group>
                <Text size="xs" c="dimmed" mt={2}>
                  {t('petitions.duplicates.received', { date: dateOf(m.receivedAt, tz) })} · {m.firstPetitioner}
                </Text>
                <Text size="sm" mt={2} lineClamp={2}>
                  {m.summary}
                </Text>
                <Group justify="space-between" mt={6} wrap="nowrap">
                  <StatusBadge status={m.status} size="sm" />
                  {marked ? (
                    <Button size="compact-xs" variant="subtle" color="gray" onClick={() => onMark(null)}>
                      {t('petitions.duplicates.unmark')}
                    </Button>
                  ) : (
                    <Button size="compact-xs" variant="light" color="orange" onClick={() => onMark(m)}>
                      {t('petitions.duplicates.markRepeat')}
                    </Button>
                  )}
                </Group>
              </Card>
            );
          })}
        </Stack>
      )}
    </Card>
  );
}
