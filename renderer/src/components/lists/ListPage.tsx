/**
 * The scaffold of a register page (petitions, information reports): the title with the total, a search box
 * with its switches and 清除筛选, a row of filters, the table with its empty message, and paging with the page
 * size. The list is filtered, sorted and paged on the core; the page keeps what the person chose when they
 * open a record and come back (`useListState`).
 *
 * @example
 * const list = useListState(memory);
 * <ListPage title="信访事项" total={…} search={…} filters={…} columns={…} rows={…} paging={…} />
 */
import { useEffect, useState, type ReactNode } from 'react';
import { Alert, Button, Card, Group, Loader, Pagination, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconFilterOff, IconSearch } from '@tabler/icons-react';

const PAGE_SIZES = ['20', '50', '100'];
const SEARCH_DEBOUNCE_MS = 300;

export interface ListBasics {
  readonly query: string;
  readonly page: number;
  readonly pageSize: number;
}

/** Where a list page keeps its choices between visits (one per page, for the life of the window). */
export interface ListMemory<S extends ListBasics> {
  readonly defaults: S;
  current: S;
}

export function listMemory<S extends ListBasics>(defaults: S): ListMemory<S> {
  return { defaults, current: defaults };
}

/**
 * The list's choices: `update` changes filters and goes back to the first page; `query` is the search text
 * after the person stops typing, for the request.
 */
export function useListState<S extends ListBasics>(memory: ListMemory<S>, initial: () => S = () => memory.current) {
  const [state, setState] = useState<S>(initial);
  const [query] = useDebouncedValue(state.query.trim(), SEARCH_DEBOUNCE_MS);
  useEffect(() => {
    memory.current = state;
  }, [memory, state]);
  const update = (patch: Partial<S>) => setState((s) => ({ ...s, page: 1, ...patch }));
  /** The paging props of a {@link ListPage} over this state, with the page-size words of the list. */
  const paging = (sizeLabel: (size: number | string) => string): ListPageProps['paging'] => ({
    page: state.page,
    pageSize: state.pageSize,
    onPage: (page) => setState((s) => ({ ...s, page })),
    onPageSize: (pageSize) => update({ pageSize } as Partial<S>),
    sizeLabel,
  });
  return { state, setState, update, query, paging };
}

export interface ListPageProps {
  readonly title: string;
  /** "共 12 件" and where the tests find it. */
  readonly totalText: string;
  readonly totalTestId: string;
  readonly total: number;
  readonly fetching: boolean;
  readonly actions?: ReactNode;
  readonly search: { readonly label: string; readonly placeholder: string; readonly value: string; onChange(value: string): void; readonly autoFocus?: boolean };
  /** Check boxes beside the search box. */
  readonly switches?: ReactNode;
  readonly clear: { readonly label: string; readonly disabled: boolean; onClear(): void };
  /** The row of selects and date ranges under the search box. */
  readonly filters: ReactNode;
  readonly error: string | null;
  /** The rows; with none (once the list has been asked for), `empty` says why, in words for a filtered list or for none at all. */
  readonly table: {
    readonly testId: string;
    readonly head: ReactNode;
    readonly columns: number;
    readonly rows: readonly ReactNode[];
    readonly empty: { readonly filtered: boolean; readonly filteredText: string; readonly noneText: string; readonly testId?: string };
  };
  readonly paging: { readonly page: number; readonly pageSize: number; onPage(page: number): void; onPageSize(size: number): void; sizeLabel(size: number | string): string };
}

export function ListPage({ title, totalText, totalTestId, total, fetching, actions, search, switches, clear, filters, error, table, paging }: ListPageProps) {
  const pages = Math.max(1, Math.ceil(total / paging.pageSize));
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Group gap="sm" align="baseline">
          <Title order={3}>{title}</Title>
          <Text c="dimmed" size="sm" data-testid={totalTestId}>
            {totalText}
          </Text>
          {fetching && <Loader size={14} />}
        </Group>
        {actions && <Group gap="sm">{actions}</Group>}
      </Group>

      <Card withBorder padding="sm" radius="md">
        <Stack gap="xs">
          <Group gap="sm" wrap="nowrap">
            <TextInput
              style={{ flex: 1 }}
              leftSection={<IconSearch size={16} />}
              aria-label={search.label}
              placeholder={search.placeholder}
              value={search.value}
              onChange={(e) => search.onChange(e.currentTarget.value)}
              autoFocus={search.autoFocus}
            />
            {switches}
            <Button variant="subtle" color="gray" leftSection={<IconFilterOff size={16} />} disabled={clear.disabled} onClick={clear.onClear}>
              {clear.label}
            </Button>
          </Group>
          <Group gap="sm" wrap="nowrap" align="flex-start">
            {filters}
          </Group>
        </Stack>
      </Card>

      {error && (
        <Alert color="red" variant="light">
          {error}
        </Alert>
      )}

      <Card withBorder padding={0} radius="md">
        <Table highlightOnHover verticalSpacing={6} horizontalSpacing="sm" layout="fixed" data-testid={table.testId}>
          <Table.Thead bg="gray.0">
            <Table.Tr>{table.head}</Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {table.rows.length === 0 && !fetching ? (
              <Table.Tr>
                <Table.Td colSpan={table.columns}>
                  <Text c="dimmed" ta="center" py="xl" data-testid={table.empty.testId}>
                    {table.empty.filtered ? table.empty.filteredText : table.empty.noneText}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ) : (
              table.rows
            )}
          </Table.Tbody>
        </Table>
      </Card>

      {total > 0 && (
        <Group justify="space-between">
          <Text size="sm" c="dimmed">
            {totalText}
          </Text>
          <Group gap="sm">
            <Pagination total={pages} value={Math.min(paging.page, pages)} onChange={paging.onPage} size="sm" />
            <Select
              w={110}
              size="xs"
              aria-label={paging.sizeLabel(paging.pageSize)}
              data={PAGE_SIZES.map((s) => ({ value: s, label: paging.sizeLabel(s) }))}
              value={String(paging.pageSize)}
              onChange={(value) => paging.onPageSize(Number(value ?? 20))}
              allowDeselect={false}
            />
          </Group>
        </Group>
      )}
    </Stack>
  );
}
