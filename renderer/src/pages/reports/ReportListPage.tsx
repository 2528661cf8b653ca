/**
 * '#/reports': every information report, newest first, filtered on the core by severity, status, unit,
 * lateness, the office's marks and the reporting date, and paged. Each row shows when the event was found
 * and reported and, for a late report, how late. The filters survive a visit to a report and back.
 */
import { useEffect, useState, type ReactNode } from 'react';
import { Alert, Anchor, Button, Card, Checkbox, Group, Loader, MultiSelect, Pagination, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconFilterOff, IconPlus, IconSearch, IconSettings } from '@tabler/icons-react';
import type { ApiEvent, ReportListInput, ReportSummary } from '../../../../shared/api';
import { REPORT_SEVERITIES, REPORT_STATUSES, type ReportSeverity, type ReportStatus } from '../../../../shared/enums';
import { t, enumLabel } from '../../../../shared/i18n';
import { addDays, formatDateTime, startOfLocalDay } from '../../../../shared/time';
import { useOfficeTimeZone } from '../../app/clock';
import { href, navigate } from '../../app/router';
import { useSession } from '../../app/session';
import { useApiQuery } from '../../app/use-api';
import { FlagBadge, LatenessBadge, ReportStatusBadge, SeverityBadge } from '../../components/reports/ReportBadges';
import { usePetitionDirectory } from '../../components/petitions/use-directory';
import { DateRangeFilter } from '../../components/filters/DateRangeFilter';

interface ListState {
  readonly query: string;
  readonly severity: ReportSeverity | null;
  readonly statuses: ReportStatus[];
  readonly unitId: string | null;
  readonly range: [string | null, string | null];
  readonly lateOnly: boolean;
  readonly flaggedOnly: boolean;
  readonly page: number;
  readonly pageSize: number;
}

const DEFAULT_STATE: ListState = {
  query: '',
  severity: null,
  statuses: [],
  unitId: null,
  range: [null, null],
  lateOnly: false,
  flaggedOnly: false,
  page: 1,
  pageSize: 20,
};

const PAGE_SIZES = ['20', '50', '100'];
let remembered: ListState = DEFAULT_STATE;

const reloadOn = (e: ApiEvent) => e.type === 'reports.changed';

function Row({ row, tz }: { row: ReportSummary; tz: string }) {
  const open = () => navigate(`/reports/${row.id}`);
  return (
    <Table.Tr onClick={open} style={{ cursor: 'pointer' }} data-testid="report-row">
      <Table.Td style={{ whiteSpace: 'nowrap' }}>
        <Anchor href={href(`/reports/${row.id}`)} size="sm" fw={600} onClick={(e) => e.stopPropagation()}>
          {row.number}
        </Anchor>
        {row.followSeq > 0 && (
          <Text size="xs" c="dimmed">
            {t('reports.limit.followUp', { seq: row.followSeq })}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <SeverityBadge severity={row.severity} />
      </Table.Td>
      <Table.Td>
        <Text size="sm" lineClamp={1}>
          {row.unitName}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm" lineClamp={1} title={row.summary}>
          {row.summary}
        </Text>
        <Text size="xs" c="dimmed" lineClamp={1}>
          {[enumLabel('reportType', row.type), row.place, row.peopleCount > 0 ? t('reports.detail.people', { count: row.peopleCount }) : null].filter(Boolean).join(' · ')}
        </Text>
      </Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>
        <Text size="sm">{formatDateTime(row.foundAt, tz)}</Text>
      </Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>
        <Text size="sm">{formatDateTime(row.reportedAt, tz)}</Text>
      </Table.Td>
      <Table.Td>
        <Group gap={4} wrap="nowrap">
          <LatenessBadge lateMs={row.lateMs} />
          {row.flag && <FlagBadge flag={row.flag} />}
        </Group>
      </Table.Td>
      <Table.Td>
        <ReportStatusBadge status={row.status} />
      </Table.Td>
    </Table.Tr>
  );
}

export function ReportListPage() {
  const session = useSession();
  const tz = useOfficeTimeZone();
  const directory = usePetitionDirectory();
  const [state, setState] = useState<ListState>(remembered);
  const [debouncedQuery] = useDebouncedValue(state.query, 300);

  useEffect(() => {
    remembered = state;
  }, [state]);

  const update = (patch: Partial<ListState>) => setState((s) => ({ ...s, page: 1, ...patch }));
  const [from, to] = state.range;
  const input: ReportListInput = {
    query: debouncedQuery.trim(),
    severity: state.severity,
    statuses: state.statuses,
    unitId: state.unitId ? Number(state.unitId) : null,
    lateOnly: state.lateOnly,
    flaggedOnly: state.flaggedOnly,
    reportedFrom: from ? startOfLocalDay(from.slice(0, 10), tz) : null,
    reportedTo: to ? startOfLocalDay(addDays(to.slice(0, 10), 1), tz) : null,
    page: state.page,
    pageSize: state.pageSize,
  };
  const list = useApiQuery('reports.list', input, { reloadOn });
  const rows = list.data?.rows ?? [];
  const total = list.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / state.pageSize));
  const filtered =
    state.query !== '' || state.severity !== null || state.statuses.length > 0 || state.unitId !== null || from !== null || state.lateOnly || state.flaggedOnly;

  let body: ReactNode;
  if (rows.length === 0 && !list.loading) {
    body = (
      <Table.Tr>
        <Table.Td colSpan={8}>
          <Text c="dimmed" ta="center" py="xl" data-testid="report-empty">
            {filtered ? t('reports.list.empty') : t('reports.list.emptyAll')}
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
          <Title order={3}>{t('reports.list.title')}</Title>
          <Text c="dimmed" size="sm" data-testid="report-total">
            {t('reports.list.total', { count: total })}
          </Text>
          {list.loading && <Loader size={14} />}
        </Group>
        <Group gap="sm">
          {session.can('admin') && (
            <Button component="a" href={href('/reports/settings')} variant="default" leftSection={<IconSettings size={16} />}>
              {t('reports.list.settings')}
            </Button>
          )}
          {session.can('clerk', 'leader', 'duty_officer') && (
            <Button component="a" href={href('/reports/new')} leftSection={<IconPlus size={16} />}>
              {t('reports.list.newReport')}
            </Button>
          )}
        </Group>
      </Group>

      <Card withBorder padding="sm" radius="md">
        <Stack gap="xs">
          <Group gap="sm" wrap="nowrap">
            <TextInput
              style={{ flex: 1 }}
              leftSection={<IconSearch size={16} />}
              aria-label={t('reports.list.search')}
              placeholder={t('reports.list.searchPlaceholder')}
              value={state.query}
              onChange={(e) => update({ query: e.currentTarget.value })}
            />
            <Checkbox label={t('reports.list.lateOnly')} checked={state.lateOnly} onChange={(e) => update({ lateOnly: e.currentTarget.checked })} styles={{ label: { whiteSpace: 'nowrap' } }} />
            <Checkbox
              label={t('reports.list.flaggedOnly')}
              checked={state.flaggedOnly}
              onChange={(e) => update({ flaggedOnly: e.currentTarget.checked })}
              styles={{ label: { whiteSpace: 'nowrap' } }}
            />
            <Button variant="subtle" color="gray" leftSection={<IconFilterOff size={16} />} disabled={!filtered} onClick={() => setState({ ...DEFAULT_STATE, pageSize: state.pageSize })}>
              {t('reports.list.clearFilters')}
            </Button>
          </Group>
          <Group gap="sm" wrap="nowrap" align="flex-start">
            <Select
              w={140}
              aria-label={t('reports.list.severity')}
              placeholder={t('reports.list.severityPlaceholder')}
              data={REPORT_SEVERITIES.map((s) => ({ value: s, label: enumLabel('reportSeverity', s) }))}
              value={state.severity}
              onChange={(value) => update({ severity: (value as ReportSeverity | null) ?? null })}
              clearable
            />
            <MultiSelect
              style={{ flex: 1 }}
              aria-label={t('reports.list.statuses')}
              placeholder={state.statuses.length === 0 ? t('reports.list.statusesPlaceholder') : undefined}
              data={REPORT_STATUSES.map((s) => ({ value: s, label: enumLabel('reportStatus', s) }))}
              value={state.statuses}
              onChange={(value) => update({ statuses: value as ReportStatus[] })}
              clearable
            />
            <Select
              w={180}
              aria-label={t('reports.list.unit')}
              placeholder={t('reports.list.unitPlaceholder')}
              data={directory.units}
              value={state.unitId}
              onChange={(value) => update({ unitId: value })}
              searchable
              clearable
            />
            <DateRangeFilter label={t('reports.list.range')} placeholder={t('reports.list.rangePlaceholder')} value={state.range} onChange={(range) => update({ range })} />
          </Group>
        </Stack>
      </Card>

      {list.error && (
        <Alert color="red" variant="light">
          {t('reports.list.loadFailed', { message: list.error.message })}
        </Alert>
      )}

      <Card withBorder padding={0} radius="md">
        <Table highlightOnHover verticalSpacing={6} horizontalSpacing="sm" layout="fixed" data-testid="report-table">
          <Table.Thead bg="gray.0">
            <Table.Tr>
              <Table.Th w={160}>{t('reports.list.columns.number')}</Table.Th>
              <Table.Th w={76}>{t('reports.list.columns.severity')}</Table.Th>
              <Table.Th w={110}>{t('reports.list.columns.unit')}</Table.Th>
              <Table.Th>{t('reports.list.columns.summary')}</Table.Th>
              <Table.Th w={132}>{t('reports.list.columns.foundAt')}</Table.Th>
              <Table.Th w={132}>{t('reports.list.columns.reportedAt')}</Table.Th>
              <Table.Th w={150}>{t('reports.list.columns.timeliness')}</Table.Th>
              <Table.Th w={84}>{t('reports.list.columns.status')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>{body}</Table.Tbody>
        </Table>
      </Card>

      {total > 0 && (
        <Group justify="space-between">
          <Text size="sm" c="dimmed">
            {t('reports.list.total', { count: total })}
          </Text>
          <Group gap="sm">
            <Pagination total={pages} value={Math.min(state.page, pages)} onChange={(page) => setState((s) => ({ ...s, page }))} size="sm" />
            <Select
              w={110}
              size="xs"
              aria-label={t('reports.list.pageSize', { size: state.pageSize })}
              data={PAGE_SIZES.map((s) => ({ value: s, label: t('reports.list.pageSize', { size: s }) }))}
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

