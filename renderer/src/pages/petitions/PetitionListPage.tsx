/**
 * '#/petitions': every petition, filtered, searched (Chinese full text on the core), sorted and paged on the
 * core so it stays fast at 100,000 rows. `?overdue=1` and `?sort=due` come from the home page's tiles.
 * The filters survive a visit to a detail page and back.
 */
import { useState } from 'react';
import { Badge, Button, Checkbox, Highlight, MultiSelect, Select, Stack, Table, Text, UnstyledButton } from '@mantine/core';
import { keepPreviousData } from '@tanstack/react-query';
import { IconArrowDown, IconArrowUp, IconArrowsSort, IconFileImport, IconPlus, IconTableExport } from '@tabler/icons-react';
import type { PetitionListInput, PetitionSummary } from '../../../../shared/api';
import { CATEGORIES, PETITION_STATUSES, type Category, type PetitionSort, type PetitionStatus } from '../../../../shared/enums';
import { t, enumLabel, type MessageKey } from '../../../../shared/i18n';
import { addDays, startOfLocalDay } from '../../../../shared/time';
import { shownNumber } from '../../../../shared/township';
import { searchWords } from '../../../../shared/search-words';
import { useOfficeTimeZone } from '../../platform/clock';
import { AnchorLink, ButtonLink, useNavigate } from '../../platform/links';
import { useApiQuery } from '../../platform/query';
import { useSession } from '../../platform/session';
import { DeadlineBadge } from '../../components/DeadlineBadge';
import { ListPage, listMemory, useListState } from '../../components/lists/ListPage';
import { totalWords } from '../../components/lists/total-words';
import { StatusBadge } from '../../components/petitions/StatusBadge';
import { dateOf } from '../../components/petitions/petition-format';
import { usePetitionDirectory } from '../../components/petitions/use-directory';
import { DateRangeFilter } from '../../components/filters/DateRangeFilter';
import { UnitFilter } from '../../components/filters/UnitFilter';
import { RegisterExportModal } from '../../components/ledger/RegisterExportModal';

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
  /** Voided petitions (作废) leave the list unless asked for. */
  readonly includeVoided: boolean;
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
  includeVoided: false,
  sort: 'receivedAt',
  descending: true,
  page: 1,
  pageSize: 20,
};

/** The list as the clerk left it, so coming back from a petition shows the same page. */
const memory = listMemory(DEFAULT_STATE);

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

/** The searched words, marked in a cell the way the core matched them (shared/search-words.ts splits both). */
function Marked({ words, text, ...props }: { words: readonly string[]; text: string; size: string; lineClamp?: number; title?: string; fw?: number }) {
  return (
    <Highlight component="span" display="block" highlight={[...words]} color="yellow" {...props}>
      {text}
    </Highlight>
  );
}

function Row({ row, tz, words }: { row: PetitionSummary; tz: string; words: readonly string[] }) {
  const navigate = useNavigate();
  const open = () => void navigate({ to: '/petitions/$id', params: { id: row.id } });
  return (
    <Table.Tr onClick={open} style={{ cursor: 'pointer' }} data-testid="petition-row">
      <Table.Td style={{ whiteSpace: 'nowrap' }}>
        <AnchorLink to="/petitions/$id" params={{ id: row.id }} size="sm" fw={600} onClick={(e) => e.stopPropagation()}>
          {/* An imported township's numbers repeat the county's: its name goes first (migration 0017). */}
          <Highlight component="span" inherit highlight={[...words]} color="yellow">
            {shownNumber(row)}
          </Highlight>
        </AnchorLink>
        {row.repeatOfId !== null && (
          <Badge size="xs" color="orange" variant="light" radius="sm" ml={6} title={t('petitions.list.repeatOf')}>
            {t('petitions.list.repeat')}
          </Badge>
        )}
        {row.ledgerNumber && (
          <Text size="xs" c="dimmed" data-testid="ledger-number">
            {t('ledger.register.ledgerNumber', { number: row.ledgerNumber })}
          </Text>
        )}
      </Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>{dateOf(row.receivedAt, tz)}</Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>{enumLabel('channel', row.channel)}</Table.Td>
      <Table.Td>
        <Marked words={words} text={row.firstPetitioner} size="sm" lineClamp={1} />
        {row.firstIdNumberMasked && (
          <Text size="xs" c="dimmed" style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>
            {row.firstIdNumberMasked}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <Marked words={words} text={row.summary} size="sm" lineClamp={1} title={row.summary} />
        <Text size="xs" c="dimmed" lineClamp={1}>
          {[enumLabel('category', row.category), row.topicName, row.unitName].filter(Boolean).join(' · ')}
        </Text>
      </Table.Td>
      <Table.Td>
        <StatusBadge status={row.status} />
        {row.voidReason && (
          <Text size="xs" c="dimmed" lineClamp={2} title={row.voidReason} data-testid="void-reason">
            {t('approvals.void.listReason', { reason: row.voidReason })}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        {row.nextDueAt !== null ? (
          <Stack gap={2}>
            <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
              {row.nextDueKind ? enumLabel('deadlineKind', row.nextDueKind) : ''} · {dateOf(row.nextDueAt - 1, tz)}
            </Text>
            <div>
              <DeadlineBadge dueAt={row.nextDueAt} kind={row.nextDueKind ?? undefined} />
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

/** The petitions register; the home page's tiles open it with only the overdue, or the soonest due first. */
export function PetitionListPage({ overdueOnly = false, soonestDueFirst = false }: { overdueOnly?: boolean; soonestDueFirst?: boolean }) {
  const session = useSession();
  const tz = useOfficeTimeZone();
  const directory = usePetitionDirectory();
  const preset = overdueOnly || soonestDueFirst;
  const { state, setState, update, query, paging } = useListState(memory, () =>
    preset ? { ...DEFAULT_STATE, overdueOnly, ...(soonestDueFirst ? { sort: 'nextDueAt' as const, descending: false } : {}) } : memory.current,
  );

  const [from, to] = state.range;
  const input: PetitionListInput = {
    query,
    statuses: state.statuses,
    category: state.category,
    topicId: state.topicId ? Number(state.topicId) : null,
    unitId: state.unitId ? Number(state.unitId) : null,
    receivedFrom: from ? startOfLocalDay(from.slice(0, 10), tz) : null,
    receivedTo: to ? startOfLocalDay(addDays(to.slice(0, 10), 1), tz) : null,
    overdueOnly: state.overdueOnly,
    includeVoided: state.includeVoided,
    sort: state.sort,
    descending: state.descending,
    page: state.page,
    pageSize: state.pageSize,
  };
  const list = useApiQuery('petitions.list', input, { placeholderData: keepPreviousData });
  const [exporting, setExporting] = useState(false);
  const rows = list.data?.rows ?? [];
  const words = searchWords(query);
  const total = list.data?.total ?? 0;
  const filtered =
    state.query !== '' || state.statuses.length > 0 || state.category !== null || state.topicId !== null || state.unitId !== null || from !== null || state.overdueOnly || state.includeVoided;

  const onSort = (column: SortKey) =>
    setState((s) => ({
      ...s,
      page: 1,
      sort: column,
      // A new column starts in its natural order: newest received first, soonest due first.
      descending: s.sort === column ? !s.descending : column === 'receivedAt',
    }));

  const header = (key: keyof typeof COLUMN_KEYS): string => t(COLUMN_KEYS[key]);

  return (
    <>
      {exporting && <RegisterExportModal filters={input} total={total} onClose={() => setExporting(false)} />}
      <ListPage
        title={t('petitions.list.title')}
        // Above 10,000 the office sees "10000 件以上": the list counts no further.
        totalText={totalWords(list.data, { total: 'petitions.list.total', capped: 'petitions.list.totalCapped' })}
        totalTestId="petition-total"
        total={total}
        fetching={list.isFetching}
        actions={
          <>
            {session.may('ledger.register.export') && (
              <Button variant="default" leftSection={<IconTableExport size={16} />} onClick={() => setExporting(true)}>
                {t('ledger.register.export')}
              </Button>
            )}
            {session.may('ledger.imports.create') && (
              <ButtonLink to="/petitions/import" variant="default" leftSection={<IconFileImport size={16} />}>
                {t('ledger.import.open')}
              </ButtonLink>
            )}
            {session.may('petitions.create') && (
              <ButtonLink to="/petitions/new" leftSection={<IconPlus size={16} />}>
                {t('petitions.list.newPetition')}
              </ButtonLink>
            )}
          </>
        }
        search={{ label: t('petitions.list.search'), placeholder: t('petitions.list.searchPlaceholder'), value: state.query, onChange: (value) => update({ query: value }), autoFocus: true }}
        switches={
          <>
            <Checkbox
              label={t('petitions.list.overdueOnly')}
              checked={state.overdueOnly}
              onChange={(e) => update({ overdueOnly: e.currentTarget.checked })}
              styles={{ label: { whiteSpace: 'nowrap' } }}
            />
            <Checkbox
              label={t('approvals.void.includeVoided')}
              checked={state.includeVoided}
              onChange={(e) => update({ includeVoided: e.currentTarget.checked })}
              styles={{ label: { whiteSpace: 'nowrap' } }}
            />
          </>
        }
        clear={{
          label: t('petitions.list.clearFilters'),
          disabled: !filtered,
          onClear: () => setState({ ...DEFAULT_STATE, sort: state.sort, descending: state.descending, pageSize: state.pageSize }),
        }}
        filters={
          <>
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
            <UnitFilter w={160} label={t('petitions.list.unit')} placeholder={t('petitions.list.unitPlaceholder')} value={state.unitId} onChange={(unitId) => update({ unitId })} />
            <DateRangeFilter label={t('petitions.list.received')} placeholder={t('petitions.list.receivedPlaceholder')} value={state.range} onChange={(range) => update({ range })} />
          </>
        }
        error={list.error ? t('petitions.list.loadFailed', { message: list.error.message }) : null}
        table={{
          testId: 'petition-table',
          columns: 7,
          head: (
            <>
              <SortHeader column="number" label={header('number')} state={state} onSort={onSort} width={160} />
              <SortHeader column="receivedAt" label={header('receivedAt')} state={state} onSort={onSort} width={108} />
              <Table.Th w={60}>{header('channel')}</Table.Th>
              <Table.Th w={150}>{header('petitioner')}</Table.Th>
              <Table.Th>{header('summary')}</Table.Th>
              <SortHeader column="status" label={header('status')} state={state} onSort={onSort} width={96} />
              <SortHeader column="nextDueAt" label={header('nextDue')} state={state} onSort={onSort} width={200} />
            </>
          ),
          rows: rows.map((r) => <Row key={r.id} row={r} tz={tz} words={words} />),
          empty: { filtered, filteredText: t('petitions.list.empty'), noneText: t('petitions.list.emptyAll') },
        }}
        paging={paging((size) => t('petitions.list.pageSize', { size }))}
      />
    </>
  );
}
