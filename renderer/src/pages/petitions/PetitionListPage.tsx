/**
 * '#/petitions': every petition, filtered, searched (Chinese full text on the core), sorted and paged on the
 * core so it stays fast at 100,000 rows. `?overdue=1` and `?sort=due` come from the home page's tiles.
 * The filters survive a visit to a detail page and back.
 */
import { useEffect, useState, type ReactNode } from 'react';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  Loader,
  MultiSelect,
  Pagination,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconArrowDown, IconArrowUp, IconArrowsSort, IconFilterOff, IconPlus, IconSearch } from '@tabler/icons-react';
import type { ApiEvent, PetitionListInput, PetitionSummary } from '../../../../shared/api';
import { CATEGORIES, PETITION_STATUSES, type Category, type PetitionSort, type PetitionStatus } from '../../../../shared/enums';
import { t, enumLabel, type MessageKey } from '../../../../shared/i18n';
import { addDays, startOfLocalDay } from '../../../../shared/time';
import { useOfficeTimeZone } from '../../app/clock';
import { href, navigate, type Route } from '../../app/router';
import { useSession } from '../../app/session';
import { useApiQuery } from '../../app/use-api';
import { DeadlineBadge } from '../../components/DeadlineBadge';
import { StatusBadge } from '../../components/petitions/StatusBadge';
import { dateOf } from '../../components/petitions/petition-format';
import { usePetitionDirectory } from '../../components/petitions/use-directory';
import { DateRangeFilter } from '../../components/filters/DateRangeFilter';

type SortKey = PetitionSort;

const COLUMN_KEYS = {
  number: 'petitions.list.columns.number',
  receivedAt: 'petitions.list.columns.receivedAt',
  channel: 'petitions.list.columns.channel',
  petitioner: 'petitions.list.columns.petitioner',
  summary: 'petitions.list.columns.summary',
  status: 'petitions.list.columns.status',
  nextDue: 'petitions.list.columns.nextDue',
} as const satisfies Record<string, MessageKey>;

interface ListState {
  readonly query: string;
  readonly statuses: PetitionStatus[];
  readonly category: Category | null;
  readonly topicId: string | null;
  readonly unitId: string | null;
  readonly range: [string | null, string | null];
  readonly overdueOnly: boolean;
  readonly sort: SortKey;
  readonly descending: boolean;
  readonly page: number;
  readonly pageSize: number;
}

const DEFAULT_STATE: ListState = {
  query: '',
  statuses: [],
  category: null,
  topicId: null,
  unitId: null,
  range: [null, null],
  overdueOnly: false,
  sort: 'receivedAt',
  descending: true,
  page: 1,
  pageSize: 20,
};

const PAGE_SIZES = ['20', '50', '100'];
const SEARCH_DEBOUNCE_MS = 300;

/** The list as the clerk left it, so coming back from a petition shows the same page. */
let remembered: ListState = DEFAULT_STATE;

function initialState(route: Route): ListState {
  const overdue = route.query.get('overdue') === '1';
  const due = route.query.get('sort') === 'due';
  if (!overdue && !due) return remembered;
  return {
    ...DEFAULT_STATE,
    overdueOnly: overdue,
    ...(due ? { sort: 'nextDueAt' as const, descending: false } : {}),
  };
}

const reloadOn = (e: ApiEvent) => e.type === 'petitions.changed' || e.type === 'clock.changed' || e.type === 'calendar.changed';

function SortHeader({
  column,
  label,
  state,
  onSort,
  width,
}: {
  column: SortKey;
  label: string;
  state: ListState;
  onSort: (column: SortKey) => void;
  width?: number;
}) {
  const active = state.sort === column;
  const icon = !active ? <IconArrowsSort size={14} opacity={0.45} /> : state.descending ? <IconArrowDown size={14} /> : <IconArrowUp size={14} />;
  const next = active && !state.descending ? 'sortDescending' : 'sortAscending';
  return (
    <Table.Th w={width} aria-sort={active ? (state.descending ? 'descending' : 'ascending') : 'none'}>
      <UnstyledButton
        onClick={() => onSort(column)}
        title={t(`petitions.list.${active ? next : 'sortAscending'}` as MessageKey, { column: label })}
        style={{ display: 'inline-flex', alignItems: 'center', gap: 4, fontWeight: 600, fontSize: 'var(--mantine-font-size-sm)', whiteSpace: 'nowrap' }}
      >
        {label}
        {icon}
      </UnstyledButton>
    </Table.Th>
  );
}

function Row({ row, tz }: { row: PetitionSummary; tz: string }) {
  const open = () => navigate(`/petitions/${row.id}`);
  return (
    <Table.Tr onClick={open} style={{ cursor: 'pointer' }} data-testid="petition-row">
      <Table.Td style={{ whiteSpace: 'nowrap' }}>
        <Anchor href={href(`/petitions/${row.id}`)} size="sm" fw={600} onClick={(e) => e.stopPropagation()}>
          {row.number}
        </Anchor>
        {row.repeatOfId !== null && (
          <Badge size="xs" color="orange" variant="light" radius="sm" ml={6} title={t('petitions.list.repeatOf')}>
            {t('petitions.list.repeat')}
          </Badge>
        )}
      </Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>{dateOf(row.receivedAt, tz)}</Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>{enumLabel('channel', row.channel)}</Table.Td>
      <Table.Td>
        <Text size="sm" lineClamp={1}>
          {row.firstPetitioner}
        </Text>
        {row.firstIdNumberMasked && (
          <Text size="xs" c="dimmed" style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>
            {row.firstIdNumberMasked}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <Text size="sm" lineClamp={1} title={row.summary}>
          {row.summary}
        </Text>
        <Text size="xs" c="dimmed" lineClamp={1}>
          {[enumLabel('category', row.category), row.topicName, row.unitName].filter(Boolean).join(' · ')}
        </Text>
      </Table.Td>
      <Table.Td>
        <StatusBadge status={row.status} />
      </Table.Td>
      <Table.Td>
        {row.nextDueAt !== null ? (
          <Stack gap={2}>
            <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
              {row.nextDueKind ? enumLabel('deadlineKind', row.nextDueKind) : ''} · {dateOf(row.nextDueAt - 1, tz)}
            </Text>
            <div>
              <DeadlineBadge dueAt={row.nextDueAt} />
            </div>
          </Stack>
        ) : (
          <Text size="xs" c="dimmed">
            {t('petitions.list.noDeadline')}
          </Text>
        )}
      </Table.Td>
    </Table.Tr>
  );
}

export function PetitionListPage({ route }: { route: Route }) {
  const session = useSession();
  const tz = useOfficeTimeZone();
  const directory = usePetitionDirectory();
  const [state, setState] = useState<ListState>(() => initialState(route));
  const [debouncedQuery] = useDebouncedValue(state.query, SEARCH_DEBOUNCE_MS);

  useEffect(() => {
    remembered = state;
  }, [state]);

  const update = (patch: Partial<ListState>) => setState((s) => ({ ...s, page: 1, ...patch }));

  const [from, to] = state.range;
  const input: PetitionListInput = {
    query: debouncedQuery.trim(),
    statuses: state.statuses,
    category: state.category,
    topicId: state.topicId ? Number(state.topicId) : null,
    unitId: state.unitId ? Number(state.unitId) : null,
    receivedFrom: from ? startOfLocalDay(from.slice(0, 10), tz) : null,
    receivedTo: to ? startOfLocalDay(addDays(to.slice(0, 10), 1), tz) : null,
    overdueOnly: state.overdueOnly,
    sort: state.sort,
    descending: state.descending,
    page: state.page,
    pageSize: state.pageSize,
  };
  const list = useApiQuery('petitions.list', input, { reloadOn });
  const rows = list.data?.rows ?? [];
  const total = list.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / state.pageSize));
  const filtered =
    state.query !== '' || state.statuses.length > 0 || state.category !== null || state.topicId !== null || state.unitId !== null || from !== null || state.overdueOnly;

  const onSort = (column: SortKey) =>
    setState((s) => ({
      ...s,
      page: 1,
      sort: column,
      // A new column starts in its natural order: newest received first, soonest due first.
      descending: s.sort === column ? !s.descending : column === 'receivedAt',
    }));

  const header = (key: keyof typeof COLUMN_KEYS): string => t(COLUMN_KEYS[key]);
  let body: ReactNode;
  if (rows.length === 0 && !list.loading) {
    body = (
      <Table.Tr>
        <Table.Td colSpan={7}>
          <Text c="dimmed" ta="center" py="xl">
            {filtered ? t('petitions.list.empty') : t('petitions.list.emptyAll')}
          </Text>
        </Table.Td>
      </Table.Tr>
    );
  } else {
    body = rows.map((r) => <Row key={r.id} row={r} tz={tz} />);
  }

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Group gap="sm" align="baseline">
          <Title order={3}>{t('petitions.list.title')}</Title>
          <Text c="dimmed" size="sm" data-testid="petition-total">
            {t('petitions.list.total', { count: total })}
          </Text>
          {list.loading && <Loader size={14} />}
        </Group>
        {session.can('clerk', 'leader') && (
          <Button component="a" href={href('/petitions/new')} leftSection={<IconPlus size={16} />}>
            {t('petitions.list.newPetition')}
          </Button>
        )}
      </Group>

      <Card withBorder padding="sm" radius="md">
        <Stack gap="xs">
          <Group gap="sm" wrap="nowrap">
            <TextInput
              style={{ flex: 1 }}
              leftSection={<IconSearch size={16} />}
              aria-label={t('petitions.list.search')}
              placeholder={t('petitions.list.searchPlaceholder')}
              value={state.query}
              onChange={(e) => update({ query: e.currentTarget.value })}
              autoFocus
            />
            <Checkbox
              label={t('petitions.list.overdueOnly')}
              checked={state.overdueOnly}
              onChange={(e) => update({ overdueOnly: e.currentTarget.checked })}
              styles={{ label: { whiteSpace: 'nowrap' } }}
            />
            <Button
              variant="subtle"
              color="gray"
              leftSection={<IconFilterOff size={16} />}
              disabled={!filtered}
              onClick={() => setState({ ...DEFAULT_STATE, sort: state.sort, descending: state.descending, pageSize: state.pageSize })}
            >
              {t('petitions.list.clearFilters')}
            </Button>
          </Group>
          <Group gap="sm" wrap="nowrap" align="flex-start">
            <MultiSelect
              style={{ flex: 1 }}
              aria-label={t('petitions.list.statuses')}
              placeholder={state.statuses.length === 0 ? t('petitions.list.statusesPlaceholder') : undefined}
              data={PETITION_STATUSES.map((s) => ({ value: s, label: enumLabel('status', s) }))}
              value={state.statuses}
              onChange={(value) => update({ statuses: value as PetitionStatus[] })}
              clearable
              maxDropdownHeight={320}
            />
            <Select
              w={140}
              aria-label={t('petitions.list.category')}
              placeholder={t('petitions.list.categoryPlaceholder')}
              data={CATEGORIES.map((c) => ({ value: c, label: enumLabel('category', c) }))}
              value={state.category}
              onChange={(value) => update({ category: (value as Category | null) ?? null })}
              clearable
            />
            <Select
              w={140}
              aria-label={t('petitions.list.topic')}
              placeholder={t('petitions.list.topicPlaceholder')}
              data={directory.topics}
              value={state.topicId}
              onChange={(value) => update({ topicId: value })}
              searchable
              clearable
            />
            <Select
              w={160}
              aria-label={t('petitions.list.unit')}
              placeholder={t('petitions.list.unitPlaceholder')}
              data={directory.units}
              value={state.unitId}
              onChange={(value) => update({ unitId: value })}
              searchable
              clearable
            />
            <DateRangeFilter label={t('petitions.list.received')} placeholder={t('petitions.list.receivedPlaceholder')} value={state.range} onChange={(range) => update({ range })} />
          </Group>
        </Stack>
      </Card>

      {list.error && (
        <Alert color="red" variant="light">
          {t('petitions.list.loadFailed', { message: list.error.message })}
        </Alert>
      )}

      <Card withBorder padding={0} radius="md">
        <Table highlightOnHover verticalSpacing={6} horizontalSpacing="sm" layout="fixed" data-testid="petition-table">
          <Table.Thead bg="gray.0">
            <Table.Tr>
              <SortHeader column="number" label={header('number')} state={state} onSort={onSort} width={160} />
              <SortHeader column="receivedAt" label={header('receivedAt')} state={state} onSort={onSort} width={108} />
              <Table.Th w={60}>{header('channel')}</Table.Th>
              <Table.Th w={150}>{header('petitioner')}</Table.Th>
              <Table.Th>{header('summary')}</Table.Th>
              <SortHeader column="status" label={header('status')} state={state} onSort={onSort} width={96} />
              <SortHeader column="nextDueAt" label={header('nextDue')} state={state} onSort={onSort} width={200} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>{body}</Table.Tbody>
        </Table>
      </Card>

      {total > 0 && (
        <Group justify="space-between">
          <Text size="sm" c="dimmed">
            {t('petitions.list.total', { count: total })}
          </Text>
          <Group gap="sm">
            <Pagination total={pages} value={Math.min(state.page, pages)} onChange={(page) => setState((s) => ({ ...s, page }))} size="sm" />
            <Select
              w={110}
              size="xs"
              aria-label={t('petitions.list.pageSize', { size: state.pageSize })}
              data={PAGE_SIZES.map((s) => ({ value: s, label: t('petitions.list.pageSize', { size: s }) }))}
              value={String(state.pageSize)}
              onChange={(value) => update({ pageSize: Number(value ?? 20) })}
              allowDeselect={false}
            />
          </Group>
        </Group>
      )}
    </Stack>
  );
}
