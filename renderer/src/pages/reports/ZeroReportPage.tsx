/**
 * '#/zero-reports?month=2026-11': which units reported on time, late or not at all, for the month and for
 * each day of a sensitive period in it. Staff on duty enter a unit's zero report from an open cell, or a whole
 * column (the month, or a run of sensitive days) for every unit but the exceptions with 批量登记.
 */
import { useState } from 'react';
import { Alert, Button, Card, Center, Group, Loader, ScrollArea, Stack, Text } from '@mantine/core';
import { MonthPickerInput } from '@mantine/dates';
import { IconAlertTriangle, IconChecklist, IconChevronLeft, IconChevronRight } from '@tabler/icons-react';
import type { ZeroReportGrid as Grid } from '../../../../shared/api';
import { ZERO_REPORT_STATES } from '../../../../shared/enums';
import { t, enumLabel } from '../../../../shared/i18n';
import { localDateOf } from '../../../../shared/time';
import { useNow, useOfficeTimeZone } from '../../platform/clock';
import { keepPreviousData } from '@tanstack/react-query';
import { useNavigate } from '../../platform/links';
import { useSession } from '../../platform/session';
import { useApiQuery } from '../../platform/query';
import { PageHeader } from '../../components/layout/PageHeader';
import { ZeroReportGrid, ZeroStateChip, type ZeroCell } from '../../components/reports/ZeroReportGrid';
import { ZeroReportSubmitModal } from '../../components/reports/ZeroReportSubmitModal';
import { ZeroReportBulkModal } from '../../components/reports/ZeroReportBulkModal';

function shiftMonth(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const index = y * 12 + m - 1 + n;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The sensitive periods the month's daily columns belong to, with the dates they cover in this month. */
function sensitiveSpans(grid: Grid): { name: string; from: string; to: string }[] {
  const spans: { name: string; from: string; to: string }[] = [];
  for (const p of grid.periods) {
    if (p.kind !== 'daily') continue;
    const name = p.sensitivePeriodName ?? '';
    const last = spans[spans.length - 1];
    if (last && last.name === name) last.to = p.period;
    else spans.push({ name, from: p.period, to: p.period });
  }
  return spans;
}

const dayLabel = (date: string) => t('reports.zero.dayShort', { month: Number(date.slice(5, 7)), day: Number(date.slice(8, 10)) });

/** `month` ('2026-11') from the address, or this month. */
export function ZeroReportPage({ month: asked }: { month: string | null }) {
  const session = useSession();
  const navigate = useNavigate();
  const tz = useOfficeTimeZone();
  const now = useNow(60_000);
  const month = asked ?? localDateOf(now, tz).slice(0, 7);
  const grid = useApiQuery('zeroReports.grid.get', { month }, { placeholderData: keepPreviousData });
  const settings = useApiQuery('zeroReports.settings.get', {});
  const [picked, setPicked] = useState<{ unit: Grid['units'][number]; cell: ZeroCell } | null>(null);
  const [bulk, setBulk] = useState(false);
  const canSubmit = session.may('zeroReports.submit');
  const go = (m: string) => void navigate({ to: '/zero-reports', search: { month: m } });
  const data = grid.data?.month === month ? grid.data : null;

  return (
    <Stack gap="sm">
      <PageHeader title={t('reports.zero.title')} subtitle={t('reports.zero.subtitle')}>
        <Button variant="default" px={8} aria-label={t('reports.zero.previous')} onClick={() => go(shiftMonth(month, -1))}>
          <IconChevronLeft size={16} />
        </Button>
        <MonthPickerInput
          aria-label={t('reports.zero.month')}
          w={140}
          valueFormat={t('reports.zero.monthFormat')}
          value={`${month}-01`}
          onChange={(value) => {
            if (value) go(String(value).slice(0, 7));
          }}
        />
        <Button variant="default" px={8} aria-label={t('reports.zero.next')} onClick={() => go(shiftMonth(month, 1))}>
          <IconChevronRight size={16} />
        </Button>
        <Button variant="default" onClick={() => go(localDateOf(now, tz).slice(0, 7))}>
          {t('reports.zero.today')}
        </Button>
        {canSubmit && (
          <Button leftSection={<IconChecklist size={16} />} disabled={!data || data.units.length === 0} onClick={() => setBulk(true)}>
            {t('reports.zero.bulk.open')}
          </Button>
        )}
      </PageHeader>

      {grid.error && (
        <Alert color="red" variant="light">
          {t('reports.zero.loadFailed', { message: grid.error.message })}
        </Alert>
      )}

      {data && sensitiveSpans(data).map((s) => (
        <Alert key={`${s.name}${s.from}`} color="orange" variant="light" py={6} icon={<IconAlertTriangle size={18} />} data-testid="sensitive-alert">
          <Text size="sm">
            {t('reports.zero.sensitive', { name: s.name, from: dayLabel(s.from), to: dayLabel(s.to) })}
            {settings.data ? `；${t('reports.zero.sensitiveHint', { hour: settings.data.dailyDueHour })}` : ''}
          </Text>
        </Alert>
      ))}

      <Group justify="space-between" wrap="nowrap">
        <Group gap="md" wrap="nowrap" aria-label={t('reports.zero.legend')} data-testid="zero-legend">
          {ZERO_REPORT_STATES.map((s) => (
            <Group key={s} gap={6} wrap="nowrap">
              <ZeroStateChip state={s} />
              <Text size="sm">{enumLabel('zeroReportState', s)}</Text>
            </Group>
          ))}
        </Group>
        {data && (
          <Text size="sm" c="dimmed" data-testid="zero-counts">
            {t('reports.zero.counts', data.counts)}
          </Text>
        )}
      </Group>

      <Card withBorder padding={0} radius="md">
        {!data ? (
          <Center py="xl">{grid.isFetching ? <Loader /> : null}</Center>
        ) : data.units.length === 0 ? (
          <Text c="dimmed" ta="center" py="xl">
            {t('reports.zero.noUnits')}
          </Text>
        ) : (
          <ScrollArea type="auto">
            <ZeroReportGrid grid={data} timeZone={tz} canSubmit={canSubmit} onPick={(unit, cell) => setPicked({ unit, cell })} />
          </ScrollArea>
        )}
      </Card>
      {!canSubmit && (
        <Text size="sm" c="dimmed">
          {t('reports.zero.readOnly')}
        </Text>
      )}

      {bulk && data && <ZeroReportBulkModal key={data.month} grid={data} onClose={() => setBulk(false)} />}

      {picked && (
        <ZeroReportSubmitModal
          key={`${picked.unit.unitId}:${picked.cell.period}`}
          unit={picked.unit}
          cell={picked.cell}
          onClose={() => setPicked(null)}
          onDone={() => setPicked(null)}
        />
      )}
    </Stack>
  );
}
