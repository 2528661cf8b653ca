/**
 * '#/admin/calendar': the holiday calendar deadlines are counted on. A year at a glance (days off 休 and
 * make-up working days 班), a click on a date to change it, and the import of the State Council's yearly notice.
 */
import { useMemo, useState } from 'react';
import { keepPreviousData } from '@tanstack/react-query';
import { Alert, Button, Card, Group, List, SegmentedControl, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconFileImport } from '@tabler/icons-react';
import type { CalendarDay } from '../../../../shared/api';
import { t } from '../../../../shared/i18n';
import { daysBetween, formatChineseDate, localDateOf } from '../../../../shared/time';
import { useNow, useOfficeTimeZone } from '../../platform/clock';
import { useApiQuery } from '../../platform/query';
import { dayState, holidayGroups, monthWeeks, yearsToOffer, type HolidayGroup } from './calendar-model';
import { WEEKDAY_KEYS, monthDay, stateLabel } from './calendar-labels';
import { DayModal } from './DayModal';
import { ImportModal } from './ImportModal';
import { PageHeader } from '../../components/layout/PageHeader';
import classes from './calendar.module.css';

const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1);
function MonthGrid(props: { year: number; month: number; byDate: ReadonlyMap<string, CalendarDay>; today: string; onPick: (date: string) => void }) {
  return (
    <div className={classes.month} data-testid={`cal-month-${props.month}`}>
      <div className={classes.monthTitle}>{t('admin.calendar.monthTitle', { month: props.month })}</div>
      <div className={classes.grid}>
        {WEEKDAY_KEYS.map((key, i) => (
          <div key={key} className={[classes.weekday, i >= 5 && classes.weekdayRest].filter(Boolean).join(' ')}>
            {t(key)}
          </div>
        ))}
        {monthWeeks(props.year, props.month)
          .flat()
          .map((date, i) => {
            if (!date) return <div key={`blank-${i}`} className={classes.blank} />;
            const state = dayState(date, props.byDate);
            const entry = props.byDate.get(date);
            const label = stateLabel(state, entry?.name ?? '');
            const cls = [classes.day, state !== 'normal' && classes[state], date === props.today && classes.today].filter(Boolean).join(' ');
            return (
              <UnstyledButton
                key={date}
                className={cls}
                data-testid={`cal-day-${date}`}
                data-state={state}
                title={`${formatChineseDate(date)} ${label}`}
                aria-label={t('admin.calendar.dayAria', { date: formatChineseDate(date), state: label })}
                onClick={() => props.onPick(date)}
              >
                {Number(date.slice(8))}
                {state === 'off' && <span className={classes.mark}>{t('admin.calendar.legendOff')}</span>}
                {state === 'work' && <span className={classes.mark}>{t('admin.calendar.legendWork')}</span>}
              </UnstyledButton>
            );
          })}
      </div>
    </div>
  );
}

function Legend() {
  const swatch = (className: string, text: string) => <span className={`${classes.legendSwatch} ${className}`}>{text}</span>;
  return (
    <Group gap="md" wrap="wrap">
      <Group gap={6} wrap="nowrap">
        {swatch(classes.off ?? '', t('admin.calendar.legendOff'))}
        <Text size="xs">{t('admin.calendar.legendOffLabel')}</Text>
      </Group>
      <Group gap={6} wrap="nowrap">
        {swatch(classes.work ?? '', t('admin.calendar.legendWork'))}
        <Text size="xs">{t('admin.calendar.legendWorkLabel')}</Text>
      </Group>
      <Group gap={6} wrap="nowrap">
        {swatch(classes.weekend ?? '', '')}
        <Text size="xs">{t('admin.calendar.legendWeekend')}</Text>
      </Group>
    </Group>
  );
}

function rangeLabel(from: string, to: string): string {
  if (from === to) return monthDay(from);
  if (from.slice(0, 7) === to.slice(0, 7)) {
    return t('admin.calendar.rangeSameMonth', { month: Number(from.slice(5, 7)), from: Number(from.slice(8)), to: Number(to.slice(8)) });
  }
  return `${monthDay(from)}${t('admin.calendar.rangeSep')}${monthDay(to)}`;
}

function GroupLine({ group }: { group: HolidayGroup }) {
  const sep = t('admin.calendar.dateSep');
  const offCount = group.off.reduce((n, [a, b]) => n + daysBetween(a, b) + 1, 0);
  return (
    <div className={classes.group} data-testid="holiday-group">
      <Text size="sm" fw={600} lh="18px" truncate title={group.name}>
        {group.name}
      </Text>
      <div>
        {group.off.length > 0 && (
          <Text size="xs" c="red.8" lh="18px">
            {t('admin.calendar.offRange', { range: group.off.map(([a, b]) => rangeLabel(a, b)).join(sep), count: offCount })}
          </Text>
        )}
        {group.work.length > 0 && (
          <Text size="xs" c="indigo.8" lh="18px">
            {t('admin.calendar.workDays', { dates: group.work.map(monthDay).join(sep) })}
          </Text>
        )}
      </div>
    </div>
  );
}

export function CalendarPage() {
  const now = useNow(60_000);
  const tz = useOfficeTimeZone();
  const today = localDateOf(now, tz);
  const currentYear = Number(today.slice(0, 4));
  const [picked, setPicked] = useState<number | null>(null);
  const [importing, setImporting] = useState(false);
  const [imported, setImported] = useState<string | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const years = useApiQuery('calendar.years.list', {});
  const year = picked ?? currentYear;
  const days = useApiQuery('calendar.days.list', { year }, { placeholderData: keepPreviousData });

  const stored = years.data?.years ?? [];
  const storedYears = stored.map((y) => y.year);
  const missing = years.data !== undefined && !storedYears.includes(year);
  const yearDays = useMemo(() => (days.data ?? []).filter((d) => d.date.startsWith(`${year}-`)), [days.data, year]);
  const byDate = useMemo(() => new Map(yearDays.map((d) => [d.date, d])), [yearDays]);
  const groups = useMemo(() => holidayGroups(yearDays), [yearDays]);

  const yearOptions = yearsToOffer(storedYears, currentYear).map((y) => {
    const counts = stored.find((s) => s.year === y);
    return {
      value: String(y),
      label: (
        <div className={classes.yearLabel} data-testid={`year-${y}`}>
          <Text size="sm" fw={600} inherit>
            {t('admin.calendar.yearLabel', { year: y })}
          </Text>
          {counts ? (
            <Text size="10px" c="dimmed">
              {t('admin.calendar.yearCounts', { off: counts.offDays, work: counts.makeUpDays })}
            </Text>
          ) : (
            <Text size="10px" c="orange.7" fw={700}>
              {t('admin.calendar.notImported')}
            </Text>
          )}
        </div>
      ),
    };
  });

  const editingEntry = editing ? byDate.get(editing) : undefined;

  return (
    <Stack gap="sm">
      <PageHeader title={t('admin.calendar.title')} subtitle={t('admin.calendar.subtitle')}>
        <SegmentedControl aria-label={t('admin.calendar.yearAria')} value={String(year)} onChange={(v) => setPicked(Number(v))} data={yearOptions} />
        <Button leftSection={<IconFileImport size={16} />} onClick={() => setImporting(true)}>
          {t('admin.calendar.import')}
        </Button>
      </PageHeader>

      <div className={classes.layout}>
        <div className={classes.months}>
          {MONTHS.map((m) => (
            <MonthGrid key={m} year={year} month={m} byDate={byDate} today={today} onPick={setEditing} />
          ))}
        </div>
        <div className={classes.side}>
          <div className={classes.sideInner}>
            {imported && (
              <Alert color="green" variant="light" icon={<IconCircleCheck size={18} />} withCloseButton onClose={() => setImported(null)} data-testid="import-result" p="xs">
                <Text size="sm">{imported}</Text>
              </Alert>
            )}
            {missing && (
              <Alert color="orange" variant="light" icon={<IconAlertTriangle size={18} />} title={t('admin.calendar.missingTitle', { year })} p="xs" data-testid="year-missing">
                <Text size="xs">{t('admin.calendar.missingBody', { year })}</Text>
              </Alert>
            )}
            <Card withBorder radius="md" padding="sm" className={classes.listCard}>
              <Title order={6} mb={6}>
                {t('admin.calendar.listTitle', { year })}
              </Title>
              <Legend />
              <Stack gap={0} mt="xs" className={classes.list} data-testid="holiday-list">
                {groups.length === 0 ? (
                  <Text size="xs" c="dimmed">
                    {t('admin.calendar.listEmpty')}
                  </Text>
                ) : (
                  groups.map((g) => <GroupLine key={g.name} group={g} />)
                )}
              </Stack>
            </Card>
            <Card withBorder radius="md" padding="sm" bg="gray.0">
              <Title order={6} mb={6}>
                {t('admin.calendar.rulesTitle')}
              </Title>
              <List size="xs" spacing={4} c="gray.7">
                <List.Item>{t('admin.calendar.ruleDays')}</List.Item>
                <List.Item>{t('admin.calendar.ruleWorking')}</List.Item>
                <List.Item>{t('admin.calendar.ruleMakeUp')}</List.Item>
                <List.Item>{t('admin.calendar.ruleRecompute')}</List.Item>
              </List>
            </Card>
          </div>
        </div>
      </div>

      {editing && <DayModal date={editing} entry={editingEntry} onClose={() => setEditing(null)} />}
      {importing && (
        <ImportModal
          onClose={() => setImporting(false)}
          onImported={(result) => {
            setImporting(false);
            setPicked(result.year);
            setImported(t('admin.calendar.imported', { year: result.year, days: result.days, count: result.recomputed }));
          }}
        />
      )}
    </Stack>
  );
}
