/**
 * '#/reports': every information report, newest first, filtered on the core by severity, status, unit,
 * lateness, the office's marks and the reporting date, and paged. Each row shows when the event was found
 * and reported and, for a late report, how late. The filters survive a visit to a report and back.
 */
import { Checkbox, Group, MultiSelect, Select, Table, Text } from '@mantine/core';
import { keepPreviousData } from '@tanstack/react-query';
import { IconPlus, IconSettings } from '@tabler/icons-react';
import type { ReportListInput, ReportSummary } from '../../../../shared/api';
import { REPORT_SEVERITIES, REPORT_STATUSES, type ReportSeverity, type ReportStatus } from '../../../../shared/enums';
import { t, enumLabel } from '../../../../shared/i18n';
import { addDays, formatDateTime, startOfLocalDay } from '../../../../shared/time';
import { shownNumber } from '../../../../shared/township';
import { useOfficeTimeZone } from '../../platform/clock';
import { AnchorLink, ButtonLink, useNavigate } from '../../platform/links';
import { useApiQuery } from '../../platform/query';
import { useSession } from '../../platform/session';
import { ListPage, listMemory, useListState } from '../../components/lists/ListPage';
import { FlagBadge, LatenessBadge, ReportStatusBadge, SeverityBadge } from '../../components/reports/ReportBadges';
import { DateRangeFilter } from '../../components/filters/DateRangeFilter';
import { UnitFilter } from '../../components/filters/UnitFilter';

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

/** The list as the clerk left it, so coming back from a report shows the same page. */
const memory = listMemory(DEFAULT_STATE);

function Row({ row, tz }: { row: ReportSummary; tz: string }) {
  const navigate = useNavigate();
  const open = () => void navigate({ to: '/reports/$id', params: { id: row.id } });
  return (
    <Table.Tr onClick={open} style={{ cursor: 'pointer' }} data-testid="report-row">
      <Table.Td style={{ whiteSpace: 'nowrap' }}>
        <AnchorLink to="/reports/$id" params={{ id: row.id }} size="sm" fw={600} onClick={(e) => e.stopPropagation()}>
          {shownNumber(row)}
        </AnchorLink>
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
  const { state, setState, update, query, paging } = useListState(memory);
  const [from, to] = state.range;
  const input: ReportListInput = {
    query,
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
  const list = useApiQuery('reports.list', input, { placeholderData: keepPreviousData });
  const rows = list.data?.rows ?? [];
  const total = list.data?.total ?? 0;
  const filtered =
    state.query !== '' || state.severity !== null || state.statuses.length > 0 || state.unitId !== null || from !== null || state.lateOnly || state.flaggedOnly;

  return (
    <ListPage
      title={t('reports.list.title')}
      totalText={t('reports.list.total', { count: total })}
      totalTestId="report-total"
      total={total}
      fetching={list.isFetching}
      actions={
        <>
          {session.may('reports.settings.update') && (
            <ButtonLink to="/reports/settings" variant="default" leftSection={<IconSettings size={16} />}>
              {t('reports.list.settings')}
            </ButtonLink>
          )}
          {session.may('reports.create') && (
            <ButtonLink to="/reports/new" leftSection={<IconPlus size={16} />}>
              {t('reports.list.newReport')}
            </ButtonLink>
          )}
        </>
      }
      search={{ label: t('reports.list.search'), placeholder: t('reports.list.searchPlaceholder'), value: state.query, onChange: (value) => update({ query: value }) }}
      switches={
        <>
          <Checkbox label={t('reports.list.lateOnly')} checked={state.lateOnly} onChange={(e) => update({ lateOnly: e.currentTarget.checked })} styles={{ label: { whiteSpace: 'nowrap' } }} />
          <Checkbox
            label={t('reports.list.flaggedOnly')}
            checked={state.flaggedOnly}
            onChange={(e) => update({ flaggedOnly: e.currentTarget.checked })}
            styles={{ label: { whiteSpace: 'nowrap' } }}
          />
        </>
      }
      clear={{ label: t('reports.list.clearFilters'), disabled: !filtered, onClear: () => setState({ ...DEFAULT_STATE, pageSize: state.pageSize }) }}
      filters={
        <>
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
          <UnitFilter w={180} label={t('reports.list.unit')} placeholder={t('reports.list.unitPlaceholder')} value={state.unitId} onChange={(unitId) => update({ unitId })} />
          <DateRangeFilter label={t('reports.list.range')} placeholder={t('reports.list.rangePlaceholder')} value={state.range} onChange={(range) => update({ range })} />
        </>
      }
      error={list.error ? t('reports.list.loadFailed', { message: list.error.message }) : null}
      table={{
        testId: 'report-table',
        columns: 8,
        head: (
          <>
            <Table.Th w={160}>{t('reports.list.columns.number')}</Table.Th>
            <Table.Th w={76}>{t('reports.list.columns.severity')}</Table.Th>
            <Table.Th w={110}>{t('reports.list.columns.unit')}</Table.Th>
            <Table.Th>{t('reports.list.columns.summary')}</Table.Th>
            <Table.Th w={132}>{t('reports.list.columns.foundAt')}</Table.Th>
            <Table.Th w={132}>{t('reports.list.columns.reportedAt')}</Table.Th>
            <Table.Th w={150}>{t('reports.list.columns.timeliness')}</Table.Th>
            <Table.Th w={84}>{t('reports.list.columns.status')}</Table.Th>
          </>
        ),
        rows: rows.map((r) => <Row key={r.id} row={r} tz={tz} />),
        empty: { filtered, filteredText: t('reports.list.empty'), noneText: t('reports.list.emptyAll'), testId: 'report-empty' },
      }}
      paging={paging((size) => t('reports.list.pageSize', { size }))}
    />
  );
}
