/**
 * '#/warnings': the warning board. Three columns, red, yellow and blue, each with its count; a card per
 * warning with a live countdown to its feedback deadline (red once overdue, marked 督办 when supervised).
 * Filters: the unit (where the matter is, or the responsible unit), a search over the card text, overdue
 * only, and lifted warnings (hidden unless asked for).
 */
import { useMemo, useState } from 'react';
import { Alert, Badge, Box, Button, Center, Checkbox, Group, Loader, Select, SimpleGrid, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { IconAlertTriangle, IconPlus, IconSearch, IconSettings } from '@tabler/icons-react';
import type { WarningSummary } from '../../../../shared/api';
import { WARNING_LEVELS, type WarningLevel } from '../../../../shared/enums';
import { t, enumLabel } from '../../../../shared/i18n';
import { useNow } from '../../platform/clock';
import { keepPreviousData } from '@tanstack/react-query';
import { useNavigate } from '../../platform/links';
import { useSession } from '../../platform/session';
import { useApiQuery } from '../../platform/query';
import { usePetitionDirectory } from '../../components/petitions/use-directory';
import { WarningCard } from '../../components/warnings/WarningCard';
import { LEVEL_COLOR, LEVEL_TEXT_COLOR } from '../../components/warnings/warning-format';
import { PageHeader } from '../../components/layout/PageHeader';

/** The board shows every warning on one screen: a township has dozens at most, never hundreds. */
const BOARD_SIZE = 200;

interface Filters {
  readonly unitId: string | null;
  readonly search: string;
  readonly showLifted: boolean;
  readonly overdueOnly: boolean;
}

/** The board as it was left, so coming back from a detail page shows the same filters. */
let remembered: Filters = { unitId: null, search: '', showLifted: false, overdueOnly: false };

function matches(w: WarningSummary, words: readonly string[]): boolean {
  const text = `${w.number} ${w.title} ${w.unitName} ${w.responsibleUnitName} ${w.leadLeaderName}`.toLowerCase();
  return words.every((word) => text.includes(word));
}

function Column({ level, rows, filtered }: { level: WarningLevel; rows: readonly WarningSummary[]; filtered: boolean }) {
  const active = rows.filter((r) => r.status === 'active').length;
  const name = t('warnings.levelName', { level: enumLabel('warningLevel', level) });
  return (
    <Stack gap="xs" component="section" aria-label={name} data-testid={`column-${level}`}>
      <Group justify="space-between" px="sm" py={8} bg={LEVEL_COLOR[level]} style={{ borderRadius: 'var(--mantine-radius-md)' }} wrap="nowrap">
        <Title order={5} c={LEVEL_TEXT_COLOR[level]}>
          {name}
        </Title>
        <Badge variant="white" color="dark" radius="sm" size="lg" data-testid="column-count" aria-label={t('warnings.board.countLabel')}>
          {active}
        </Badge>
      </Group>
      {rows.length === 0 ? (
        <Box p="md" style={{ border: '1px dashed var(--mantine-color-gray-4)', borderRadius: 'var(--mantine-radius-md)' }}>
          <Text size="sm" c="dimmed" ta="center">
            {filtered ? t('warnings.board.emptyFiltered', { level: name }) : t('warnings.board.empty', { level: name })}
          </Text>
        </Box>
      ) : (
        rows.map((w) => <WarningCard key={w.id} warning={w} />)
      )}
    </Stack>
  );
}

export function WarningBoardPage() {
  const session = useSession();
  const navigate = useNavigate();
  const directory = usePetitionDirectory();
  const now = useNow(15_000);
  const [filters, setFilters] = useState<Filters>(remembered);
  const update = (patch: Partial<Filters>) =>
    setFilters((f) => {
      remembered = { ...f, ...patch };
      return remembered;
    });
  const query = useApiQuery(
    'warnings.list',
    { status: filters.showLifted ? null : 'active', unitId: filters.unitId ? Number(filters.unitId) : null, pageSize: BOARD_SIZE },
    { placeholderData: keepPreviousData },
  );

  const words = filters.search.trim().toLowerCase().split(/\s+/).filter(Boolean);
  const rows = useMemo(
    () =>
      (query.data?.rows ?? []).filter(
        (w) => matches(w, words) && (!filters.overdueOnly || (w.status === 'active' && w.nextDueAt !== null && w.nextDueAt <= now)),
      ),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [query.data, words.join(' '), filters.overdueOnly, now],
  );
  const filtered = filters.unitId !== null || words.length > 0 || filters.overdueOnly;
  const overdue = (query.data?.rows ?? []).filter((w) => w.status === 'active' && w.nextDueAt !== null && w.nextDueAt <= now).length;

  return (
    <Stack gap="sm">
      <PageHeader title={t('warnings.board.title')} subtitle={t('warnings.board.subtitle')}>
        {session.may('warnings.settings.update') && (
          <Button variant="default" leftSection={<IconSettings size={16} />} onClick={() => void navigate({ to: '/warnings/settings' })}>
            {t('warnings.board.settings')}
          </Button>
        )}
        {session.may('warnings.issue') && (
          <Button leftSection={<IconPlus size={16} />} onClick={() => void navigate({ to: '/warnings/new' })}>
            {t('warnings.board.issue')}
          </Button>
        )}
      </PageHeader>
      <Group gap="sm" align="flex-end" wrap="nowrap">
        <Select
          label={t('warnings.board.unitFilter')}
          placeholder={t('warnings.board.unitPlaceholder')}
          data={directory.units}
          value={filters.unitId}
          onChange={(unitId) => update({ unitId })}
          searchable
          clearable
          w={220}
        />
        <TextInput
          label={t('warnings.board.search')}
          placeholder={t('warnings.board.searchPlaceholder')}
          leftSection={<IconSearch size={16} />}
          value={filters.search}
          onChange={(e) => update({ search: e.currentTarget.value })}
          w={300}
        />
        <Stack gap={6} pb={4}>
          <Checkbox label={t('warnings.board.overdueOnly')} checked={filters.overdueOnly} onChange={(e) => update({ overdueOnly: e.currentTarget.checked })} />
          <Switch label={t('warnings.board.showLifted')} checked={filters.showLifted} onChange={(e) => update({ showLifted: e.currentTarget.checked })} />
        </Stack>
        {overdue > 0 && (
          <Alert color="red" variant="light" py={6} px="sm" ml="auto" icon={<IconAlertTriangle size={18} />} data-testid="overdue-summary">
            {t('warnings.board.overdueSummary', { count: overdue })}
          </Alert>
        )}
      </Group>
      {query.error && (
        <Alert color="red" variant="light">
          {t('warnings.board.loadFailed', { message: query.error.message })}
        </Alert>
      )}
      {!query.data && !query.error ? (
        <Center py="xl">
          <Loader />
        </Center>
      ) : (
        <SimpleGrid cols={3} spacing="sm" style={{ alignItems: 'start' }}>
          {WARNING_LEVELS.map((level) => (
            <Column key={level} level={level} rows={rows.filter((r) => r.level === level)} filtered={filtered} />
          ))}
        </SimpleGrid>
      )}
    </Stack>
  );
}
