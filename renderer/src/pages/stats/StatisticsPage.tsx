/**
 * '#/stats': petitions, information reports and warnings by month, unit, topic and level over a chosen range,
 * each unit's on-time rates and its late, missed and concealed reports. Every section is a chart with its
 * table under it, and every table exports to .xlsx.
 */
import '@mantine/charts/styles.css';
import { useState } from 'react';
import { Alert, Button, Center, Group, Loader, Select, SimpleGrid, Stack, Tabs, Text } from '@mantine/core';
import { MonthPickerInput } from '@mantine/dates';
import { BarChart } from '@mantine/charts';
import { IconCalendarMonth } from '@tabler/icons-react';
import type { Statistics } from '../../../../shared/api';
import { t, enumLabel } from '../../../../shared/i18n';
import { localDateOf } from '../../../../shared/time';
import { keepPreviousData } from '@tanstack/react-query';
import { useApiQuery } from '../../platform/query';
import { useNow, useOfficeTimeZone } from '../../platform/clock';
import { PageHeader } from '../../components/layout/PageHeader';
import { StatTableCard } from '../../components/stats/StatTableCard';
import { axisMonthLabel, customRangeProblem, rangeInput, rangeLabel, type RangeChoice } from './range';
import { statTables } from './stat-tables';

const CHART_H = 220;
const BAR_W = 36;
/** Recharts sorts legend items by key; keep them in the order the series are listed. */
const LEGEND = { itemSorter: null };
const YEARS_BACK = 4;
type Tab = 'month' | 'unit' | 'topic' | 'level' | 'onTime' | 'lapses';
const TABS: readonly Tab[] = ['month', 'unit', 'topic', 'level', 'onTime', 'lapses'];

const COUNT_SERIES = [
  { name: 'petitions', label: t('stats.series.petitions'), color: 'blue.6' },
  { name: 'reports', label: t('stats.series.reports'), color: 'teal.6' },
  { name: 'warnings', label: t('stats.series.warnings'), color: 'orange.6' },
];

const integer = (v: number) => String(Math.round(v));
const asPercent = (v: number | null) => (v === null ? null : Math.round(v * 1000) / 10);

function RangePicker({ onApply }: { onApply: (choice: RangeChoice) => void }) {
  const now = useNow(60_000);
  const tz = useOfficeTimeZone();
  const year = Number(localDateOf(now, tz).slice(0, 4));
  const [mode, setMode] = useState<string>('recent');
  const [from, setFrom] = useState<string | null>(null);
  const [to, setTo] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const options = [
    { value: 'recent', label: t('stats.page.recent12') },
    ...Array.from({ length: YEARS_BACK + 1 }, (_, i) => ({ value: String(year - i), label: t('stats.page.year', { year: year - i }) })),
    { value: 'custom', label: t('stats.page.custom') },
  ];
  const choose = (value: string | null) => {
    const v = value ?? 'recent';
    setMode(v);
    setProblem(null);
    if (v === 'recent') onApply({ kind: 'recent' });
    else if (v !== 'custom') onApply({ kind: 'year', year: Number(v) });
  };
  const applyCustom = () => {
    const f = from?.slice(0, 7) ?? null;
    const e = to?.slice(0, 7) ?? null;
    const key = customRangeProblem(f, e);
    setProblem(key ? t(key) : null);
    if (!key && f && e) onApply({ kind: 'custom', from: f, to: e });
  };
  return (
    <Group gap="sm" align="flex-start" wrap="nowrap">
      <Select label={t('stats.page.range')} data={options} value={mode} onChange={choose} allowDeselect={false} w={140} data-testid="stats-range" />
      {mode === 'custom' && (
        <>
          <MonthPickerInput
            label={t('stats.page.fromMonth')}
            value={from}
            onChange={(v) => setFrom(v)}
            valueFormat="YYYY年M月"
            leftSection={<IconCalendarMonth size={16} />}
            w={150}
            clearable
          />
          <MonthPickerInput
            label={t('stats.page.toMonth')}
            value={to}
            onChange={(v) => setTo(v)}
            valueFormat="YYYY年M月"
            leftSection={<IconCalendarMonth size={16} />}
            w={150}
            clearable
            error={problem}
          />
          <Button mt={25} onClick={applyCustom}>
            {t('stats.page.apply')}
          </Button>
        </>
      )}
    </Group>
  );
}

function Sections({ stats }: { stats: Statistics }) {
  const [tab, setTab] = useState<Tab>('month');
  const tables = statTables(stats);
  const months = stats.byMonth.map((m) => m.month);
  const label = rangeLabel(months);
  const acrossYears = (months[0] ?? '').slice(0, 4) !== (months[months.length - 1] ?? '').slice(0, 4);
  const monthData = stats.byMonth.map((m) => ({ ...m, label: axisMonthLabel(m.month, acrossYears) }));
  const rateData = stats.byUnit.map((u) => ({
    unit: u.unitName,
    petitionRate: asPercent(u.petitionOnTimeRate),
    reportRate: asPercent(u.reportOnTimeRate),
    zeroRate: asPercent(u.zeroReportOnTimeRate),
  }));
  const topicChartH = Math.max(CHART_H, stats.byTopic.length * 24);
  // Every unit's name under its bars while they fit; beyond a dozen units recharts thins them out.
  const unitAxis = { interval: stats.byUnit.length <= 12 ? 0 : ('preserveStartEnd' as const) };
  const levelData = [
    { what: t('stats.series.issued'), ...Object.fromEntries(stats.byLevel.map((l) => [l.level, l.issued])) },
    { what: t('stats.series.active'), ...Object.fromEntries(stats.byLevel.map((l) => [l.level, l.active])) },
  ];

  return (
    <Tabs value={tab} onChange={(v) => setTab((v as Tab | null) ?? 'month')} keepMounted={false}>
      <Tabs.List mb="sm">
        {TABS.map((k) => (
          <Tabs.Tab key={k} value={k}>
            {t(`stats.tabs.${k}`)}
          </Tabs.Tab>
        ))}
      </Tabs.List>

      <Tabs.Panel value="month">
        <StatTableCard table={tables.month} rangeLabel={label} maxTableHeight={260}>
          <BarChart h={CHART_H} data={monthData} dataKey="label" series={COUNT_SERIES} withLegend legendProps={LEGEND} valueFormatter={integer} yAxisProps={{ allowDecimals: false }} tickLine="y" maxBarWidth={BAR_W} />
        </StatTableCard>
      </Tabs.Panel>

      <Tabs.Panel value="unit">
        <StatTableCard table={tables.unit} rangeLabel={label} maxTableHeight={260}>
          <BarChart h={CHART_H} data={stats.byUnit} dataKey="unitName" xAxisProps={unitAxis} series={COUNT_SERIES} withLegend legendProps={LEGEND} valueFormatter={integer} yAxisProps={{ allowDecimals: false }} tickLine="y" maxBarWidth={BAR_W} />
        </StatTableCard>
      </Tabs.Panel>

      <Tabs.Panel value="topic">
        <SimpleGrid cols={2} spacing="sm">
          <StatTableCard table={tables.topic} rangeLabel={label} maxTableHeight={230}>
            <BarChart
              data={stats.byTopic}
              dataKey="topicName"
              orientation="vertical"
              series={[{ name: 'petitions', label: t('stats.series.petitions'), color: 'blue.6' }]}
              valueFormatter={integer}
              xAxisProps={{ allowDecimals: false }}
              h={topicChartH}
              yAxisProps={{ width: 90, interval: 0 }}
              tickLine="x"
              maxBarWidth={BAR_W}
            />
          </StatTableCard>
          <StatTableCard table={tables.reportType} rangeLabel={label} maxTableHeight={230}>
            <BarChart
              h={topicChartH}
              data={stats.byReportType.map((r) => ({ ...r, typeLabel: enumLabel('reportType', r.type) }))}
              dataKey="typeLabel"
              orientation="vertical"
              series={[{ name: 'reports', label: t('stats.series.reports'), color: 'teal.6' }]}
              valueFormatter={integer}
              xAxisProps={{ allowDecimals: false }}
              yAxisProps={{ width: 120, interval: 0 }}
              tickLine="x"
              maxBarWidth={BAR_W}
            />
          </StatTableCard>
        </SimpleGrid>
      </Tabs.Panel>

      <Tabs.Panel value="level">
        <StatTableCard table={tables.level} rangeLabel={label}>
          <BarChart
            h={CHART_H}
            data={levelData}
            dataKey="what"
            series={[
              { name: 'red', label: enumLabel('warningLevel', 'red'), color: 'red.6' },
              { name: 'yellow', label: enumLabel('warningLevel', 'yellow'), color: 'yellow.5' },
              { name: 'blue', label: enumLabel('warningLevel', 'blue'), color: 'blue.6' },
            ]}
            withLegend
            legendProps={LEGEND}
            valueFormatter={integer}
            yAxisProps={{ allowDecimals: false }}
            tickLine="y"
            maxBarWidth={60}
          />
        </StatTableCard>
      </Tabs.Panel>

      <Tabs.Panel value="onTime">
        <StatTableCard table={tables.onTime} rangeLabel={label} maxTableHeight={260}>
          <BarChart
            h={CHART_H}
            data={rateData}
            dataKey="unit"
            xAxisProps={unitAxis}
            series={[
              { name: 'petitionRate', label: t('stats.series.petitionRate'), color: 'blue.6' },
              { name: 'reportRate', label: t('stats.series.reportRate'), color: 'teal.6' },
              { name: 'zeroRate', label: t('stats.series.zeroRate'), color: 'grape.6' },
            ]}
            withLegend
            legendProps={LEGEND}
            valueFormatter={(v) => `${v}%`}
            minBarSize={3}
            yAxisProps={{ domain: [0, 100] }}
            tickLine="y"
            maxBarWidth={BAR_W}
          />
        </StatTableCard>
      </Tabs.Panel>

      <Tabs.Panel value="lapses">
        <StatTableCard table={tables.lapses} rangeLabel={label} maxTableHeight={260}>
          <BarChart
            h={CHART_H}
            data={stats.byUnit}
            dataKey="unitName"
            xAxisProps={unitAxis}
            type="stacked"
            series={[
              { name: 'reportsLate', label: t('stats.series.late'), color: 'orange.6' },
              { name: 'reportsMissed', label: t('stats.series.missed'), color: 'grape.6' },
              { name: 'reportsConcealed', label: t('stats.series.concealed'), color: 'red.7' },
            ]}
            withLegend
            legendProps={LEGEND}
            valueFormatter={integer}
            yAxisProps={{ allowDecimals: false }}
            tickLine="y"
            maxBarWidth={BAR_W}
          />
        </StatTableCard>
      </Tabs.Panel>
    </Tabs>
  );
}

export function StatisticsPage() {
  const [choice, setChoice] = useState<RangeChoice>({ kind: 'recent' });
  const stats = useApiQuery('stats.overview.get', rangeInput(choice), { placeholderData: keepPreviousData });
  const data = stats.data;
  const totals = data?.byMonth.reduce((a, m) => ({ petitions: a.petitions + m.petitions, reports: a.reports + m.reports, warnings: a.warnings + m.warnings }), {
    petitions: 0,
    reports: 0,
    warnings: 0,
  });
  return (
    <Stack gap="sm">
      <PageHeader title={t('stats.page.title')} subtitle={t('stats.page.subtitle')}>
        <RangePicker onApply={setChoice} />
      </PageHeader>
      {stats.error && (
        <Alert color="red" variant="light">
          {t('stats.page.loadFailed', { message: Object.values(stats.error.fields ?? {})[0] ?? stats.error.message })}
        </Alert>
      )}
      {!data ? (
        <Center h={300}>
          <Group gap="xs">
            <Loader size="sm" />
            <Text c="dimmed">{t('stats.page.loading')}</Text>
          </Group>
        </Center>
      ) : (
        <>
          <Group gap="md" data-testid="stats-summary">
            <Text fw={700}>{rangeLabel(data.byMonth.map((m) => m.month))}</Text>
            {totals && (
              <Text size="sm" c="dimmed">
                {t('stats.page.totals', totals)}
              </Text>
            )}
            {stats.isFetching && <Loader size="xs" />}
          </Group>
          <Sections stats={data} />
        </>
      )}
    </Stack>
  );
}
