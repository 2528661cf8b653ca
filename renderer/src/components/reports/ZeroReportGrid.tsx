/**
 * The grid of units × periods for one month: the monthly report, then each day of a sensitive period
 * (grouped under its name). A cell is on time, late, missing or not yet due, in colour with an icon, and a
 * clerk on duty clicks an open cell to enter that unit's zero report.
 */
import { Fragment } from 'react';
import { Group, Text, Tooltip, UnstyledButton } from '@mantine/core';
import { IconCheck, IconClockExclamation, IconX } from '@tabler/icons-react';
import type { ZeroReportGrid as Grid } from '../../../../shared/api';
import type { ZeroReportState } from '../../../../shared/enums';
import { t, enumLabel, type MessageKey } from '../../../../shared/i18n';
import { formatDateTime, weekdayOf } from '../../../../shared/time';
import { zeroReportPeriodLabel } from '../../../../shared/zero-report-period';
import { durationLabel, limitAtLabel } from './report-format';
import classes from './zero-report.module.css';

export type ZeroCell = Grid['cells'][number];
type Period = Grid['periods'][number];

const ICONS: Readonly<Record<ZeroReportState, typeof IconCheck | null>> = {
  on_time: IconCheck,
  late: IconClockExclamation,
  missing: IconX,
  not_due_yet: null,
};

const TOTAL_COLORS = { on_time: 'green.8', late: 'orange.8', missing: 'red.7' } as const;

/** A coloured state chip; `wide` adds the state's name (the monthly column, the legend). */
export function ZeroStateChip({ state, wide }: { state: ZeroReportState; wide?: boolean }) {
  const Icon = ICONS[state];
  return (
    <span className={`${classes.cell} ${classes[state]} ${wide ? classes.cellWide : ''}`}>
      {Icon && <Icon size={13} stroke={2.5} />}
      {wide && enumLabel('zeroReportState', state)}
    </span>
  );
}

function cellTooltip(cell: ZeroCell, timeZone: string): string {
  const lines = [];
  if (cell.submittedAt !== null) {
    lines.push(t('reports.zero.cellSubmitted', { at: formatDateTime(cell.submittedAt, timeZone) }));
    if (cell.lateMs > 0) lines.push(t('reports.zero.cellLate', { duration: durationLabel(cell.lateMs) }));
    lines.push(cell.nothingToReport ? t('reports.zero.cellNothing') : t('reports.zero.cellReports', { count: cell.reportIds.length }));
  } else {
    lines.push(t('reports.zero.cellDue', { at: limitAtLabel(cell.dueAt, timeZone) }));
  }
  return lines.join('；');
}

interface SensitiveGroup {
  readonly name: string;
  readonly periods: Period[];
}

function groupsOf(periods: readonly Period[]): { monthly: Period | undefined; groups: SensitiveGroup[] } {
  const groups: SensitiveGroup[] = [];
  for (const p of periods) {
    if (p.kind !== 'daily') continue;
    const name = p.sensitivePeriodName ?? '';
    const last = groups[groups.length - 1];
    if (last && last.name === name) last.periods.push(p);
    else groups.push({ name, periods: [p] });
  }
  return { monthly: periods.find((p) => p.kind === 'monthly'), groups };
}

export function ZeroReportGrid({ grid, timeZone, canSubmit, onPick }: { grid: Grid; timeZone: string; canSubmit: boolean; onPick: (unit: Grid['units'][number], cell: ZeroCell) => void }) {
  const cells = new Map(grid.cells.map((c) => [`${c.unitId}:${c.period}`, c]));
  const { monthly, groups } = groupsOf(grid.periods);
  const hasDaily = groups.length > 0;
  const month = Number(grid.month.slice(5, 7));

  const renderCell = (unit: Grid['units'][number], period: Period, wide: boolean) => {
    const cell = cells.get(`${unit.unitId}:${period.period}`);
    if (!cell) {
      // The period ended before the unit was set up: nothing was owed.
      return unit.effectiveFrom ? (
        <Text span size="sm" c="dimmed" title={t('reports.zero.beforeUnit', { date: unit.effectiveFrom })} data-testid="zero-cell-none">
          —
        </Text>
      ) : null;
    }
    const open = cell.submittedAt === null && canSubmit;
    const label = t('reports.zero.cellTitle', { unit: unit.unitName, period: zeroReportPeriodLabel(period.period), state: enumLabel('zeroReportState', cell.state) });
    const tip = `${cellTooltip(cell, timeZone)}${open ? `；${t('reports.zero.clickToSubmit')}` : ''}`;
    const chip = <ZeroStateChip state={cell.state} wide={wide} />;
    return (
      <Tooltip label={tip} withArrow openDelay={200}>
        {open ? (
          <UnstyledButton aria-label={label} data-state={cell.state} data-testid="zero-cell" className={classes.clickable} onClick={() => onPick(unit, cell)} style={{ borderRadius: 4 }}>
            {chip}
          </UnstyledButton>
        ) : (
          <span role="img" aria-label={label} data-state={cell.state} data-testid="zero-cell">
            {chip}
          </span>
        )}
      </Tooltip>
    );
  };

  return (
    <table className={classes.grid} data-testid="zero-grid">
      <thead>
        <tr>
          <th rowSpan={hasDaily ? 2 : 1} className={classes.unitCell}>
            {t('reports.zero.unit')}
          </th>
          {monthly && (
            <th rowSpan={hasDaily ? 2 : 1} className={classes.monthlyHead}>
              {t('reports.zero.monthly', { month })}
              <Text size="10px" c="dimmed" fw={400}>
                {t('reports.zero.dueAt', { at: limitAtLabel(monthly.dueAt, timeZone).slice(5) })}
              </Text>
            </th>
          )}
          {groups.map((g) => (
            <th key={`${g.name}:${g.periods[0]?.period ?? ''}`} colSpan={g.periods.length} className={classes.sensitiveHead}>
              {g.name}
            </th>
          ))}
          <th rowSpan={hasDaily ? 2 : 1} className={classes.totalCol}>
            {t('reports.zero.total')}
          </th>
        </tr>
        {hasDaily && (
          <tr>
            {groups.map((g) => (
              <Fragment key={`${g.name}:${g.periods[0]?.period ?? ''}`}>
                {g.periods.map((p) => {
                  const weekday = weekdayOf(p.period);
                  return (
                    <th key={p.period} className={`${classes.dayHead} ${weekday === 0 || weekday === 6 ? classes.restDay : ''}`} data-testid="day-column">
                      {t('reports.zero.dayOfMonth', { day: Number(p.period.slice(8, 10)) })}
                      <br />
                      <Text span size="10px" fw={400}>
                        {t(`reports.zero.weekdays.${weekday}` as MessageKey)}
                      </Text>
                    </th>
                  );
                })}
              </Fragment>
            ))}
          </tr>
        )}
      </thead>
      <tbody>
        {grid.units.map((u) => (
          <tr key={u.unitId} data-testid="zero-row" data-unit={u.unitName}>
            <td className={classes.unitCell} title={u.unitName}>
              <Text size="sm" fw={500} truncate>
                {u.unitName}
              </Text>
            </td>
            {monthly && <td className={classes.monthlyCol}>{renderCell(u, monthly, true)}</td>}
            {groups.flatMap((g) => g.periods.map((p) => <td key={p.period}>{renderCell(u, p, false)}</td>))}
            <td className={classes.totalCol} data-testid="zero-row-total">
              <Group gap="md" wrap="nowrap">
                {(['on_time', 'late', 'missing'] as const).map((state) => (
                  <Text key={state} size="sm" c={u.counts[state] > 0 ? TOTAL_COLORS[state] : 'dimmed'} fw={state === 'missing' && u.counts.missing > 0 ? 700 : 400}>
                    {t('reports.zero.rowCount', { state: enumLabel('zeroReportState', state), count: u.counts[state] })}
                  </Text>
                ))}
              </Group>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
