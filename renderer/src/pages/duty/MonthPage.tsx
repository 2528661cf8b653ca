import { useMemo, useState } from 'react';
import { ActionIcon, Alert, Button, Card, Group, Stack, Text, Title, Tooltip, UnstyledButton } from '@mantine/core';
import { IconAlertTriangle, IconChevronLeft, IconChevronRight } from '@tabler/icons-react';
import type { DutyRole } from '../../../../shared/api';
import { t } from '../../../../shared/i18n';
import { addDays, instantOf, localDateOf, localParts, weekdayOf } from '../../../../shared/time';
import { useNow, useOfficeTimeZone } from '../../platform/clock';
import { keepPreviousData } from '@tanstack/react-query';
import { AnchorLink, useNavigate } from '../../platform/links';
import { useSession } from '../../platform/session';
import { useApiQuery } from '../../platform/query';
import { OnDutyCard } from '../../components/duty/OnDutyCard';
import { endLabel, dateTimeLabel, gapLabel, monthDayLabel, monthLabel, sourceTag, timeLabel, weekdayLabel } from '../../components/duty/duty-format';
import { DayDrawer } from './DayDrawer';
import { sortRoles, useDutyData } from './duty-data';
import { clipGaps, monthGrid, peopleOf, planDays, shiftMonth, type DayPlan, type Gap } from './month-model';
import classes from './duty.module.css';

const WEEK = [1, 2, 3, 4, 5, 6, 0];

function roleMark(role: DutyRole): string {
  if (role.key === 'leader') return t('duty.month.leaderMark');
  if (role.key === 'officer') return t('duty.month.officerMark');
  return role.name;
}

/** How much of a calendar day a gap covers: 全天, 08:00起, 至08:00 or 08:00–14:00. */
function gapHours(gap: Gap, date: string, tz: string): string {
  const dayStart = instantOf(date, tz);
  const dayEnd = instantOf(addDays(date, 1), tz);
  if (gap.start <= dayStart && gap.end >= dayEnd) return t('duty.gap.allDay');
  if (gap.end >= dayEnd) return t('duty.gap.from', { time: timeLabel(gap.start, tz) });
  if (gap.start <= dayStart) return t('duty.gap.until', { time: timeLabel(gap.end, tz) });
  return `${timeLabel(gap.start, tz)}–${timeLabel(gap.end, tz)}`;
}

function DayCell({ plan, roles, inMonth, isToday, tz, onOpen }: { plan: DayPlan; roles: readonly DutyRole[]; inMonth: boolean; isToday: boolean; tz: string; onOpen: () => void }) {
  const day = Number(plan.date.slice(8));
  const period = plan.sensitive[0];
  const shown = roles.filter((r) => r.key === 'leader' || r.key === 'officer' || plan.byRole.has(r.id) || plan.gaps.some((g) => g.roleId === r.id));
  const cls = [classes.day, !inMonth && classes.outside, period && classes.sensitive, isToday && classes.today, plan.gaps.length > 0 && classes.hasGap].filter(Boolean).join(' ');
  return (
    <UnstyledButton className={cls} onClick={onOpen} data-testid={`duty-day-${plan.date}`} aria-label={t('duty.month.dayAria', { date: monthDayLabel(plan.date) })}>
      <div className={classes.dayHead}>
        <span className={[classes.dayNum, isToday && classes.todayNum].filter(Boolean).join(' ')}>{day}</span>
        {period && (
          <span className={classes.periodName} title={period.name}>
            {period.name}
          </span>
        )}
      </div>
      {shown.map((role) => {
        const people = peopleOf(plan.byRole.get(role.id) ?? []);
        const gaps = plan.gaps.filter((g) => g.roleId === role.id);
        return (
          <div key={role.id} data-role={role.key}>
            {people.length > 0 && (
              <div className={classes.line}>
                <span className={classes.mark}>{roleMark(role)}</span>
                <span className={classes.names} title={people.map((p) => p.userName).join('、')}>
                  {people.map((p, i) => {
                    const tag = sourceTag(p.source);
                    return (
                      <span key={p.userId} className={classes.person}>
                        {p.userName}
                        {tag && (
                          <span className={classes.tag} data-color={tag.color}>
                            {tag.label}
                          </span>
                        )}
                        {i < people.length - 1 && <span className={classes.sep}>、</span>}
                      </span>
                    );
                  })}
                </span>
              </div>
            )}
            {gaps.map((g) => (
              <div key={g.start} className={`${classes.line} ${classes.gapLine}`} data-testid="duty-gap">
                <span className={classes.mark}>{roleMark(role)}</span>
                <span className={classes.names}>
                  {t('duty.gap.nobody')} {gapHours(g, plan.date, tz)}
                </span>
              </div>
            ))}
          </div>
        );
      })}
    </UnstyledButton>
  );
}

function GapAlert({ gaps, roles, tz, canPlan }: { gaps: readonly Gap[]; roles: readonly DutyRole[]; tz: string; canPlan: boolean }) {
  if (gaps.length === 0) return null;
  const SHOWN = 3;
  const lines = gaps.slice(0, SHOWN).map((g) => {
    const role = roles.find((r) => r.id === g.roleId);
    return t('duty.month.gapLine', { what: gapLabel(role), from: dateTimeLabel(g.start, tz), to: endLabel(g.end, tz) });
  });
  return (
    <Alert color="red" variant="light" py={6} icon={<IconAlertTriangle size={18} />} data-testid="duty-gap-alert">
      <Group gap="xs" wrap="nowrap" justify="space-between">
        <Text size="sm" c="red.8">
          <b>{t('duty.month.gapTitle', { count: gaps.length })}</b> {lines.join('；')}
          {gaps.length > SHOWN && t('duty.month.gapMore', { count: gaps.length - SHOWN })}
        </Text>
        {canPlan && (
          <AnchorLink to="/duty/rotations" size="sm" c="red.8" style={{ whiteSpace: 'nowrap' }}>
            {t('duty.month.gapFix')}
          </AnchorLink>
        )}
      </Group>
    </Alert>
  );
}

function Legend() {
  const items = [
    { mark: <span className={classes.tag} data-color="orange">{t('duty.source.overrideTag')}</span>, label: t('duty.legend.override') },
    { mark: <span className={classes.tag} data-color="violet">{t('duty.source.swapTag')}</span>, label: t('duty.legend.swap') },
    { mark: <span className={classes.tag} data-color="teal">{t('duty.source.extraTag')}</span>, label: t('duty.legend.extra') },
    { mark: <span className={classes.swatch} style={{ background: 'var(--mantine-color-orange-0)' }} />, label: t('duty.legend.sensitive') },
    { mark: <span className={classes.swatch} style={{ background: 'var(--mantine-color-red-6)', borderColor: 'var(--mantine-color-red-6)' }} />, label: t('duty.legend.gap') },
    { mark: <span className={classes.swatch} style={{ boxShadow: 'inset 0 0 0 2px var(--mantine-color-blue-5)' }} />, label: t('duty.legend.today') },
  ];
  return (
    <Card withBorder padding="sm">
      <Title order={6} mb={6}>
        {t('duty.legend.title')}
      </Title>
      <Stack gap={4}>
        {items.map((i) => (
          <Group key={i.label} gap={8} wrap="nowrap">
            <span style={{ width: 18, display: 'inline-flex', justifyContent: 'center' }}>{i.mark}</span>
            <Text size="xs">{i.label}</Text>
          </Group>
        ))}
        <Text size="xs" c="dimmed" mt={4}>
          {t('duty.legend.hint')}
        </Text>
      </Stack>
    </Card>
  );
}

/** 值班表: the month calendar with who is on duty each day, gaps in red, and the day drawer. */
export function MonthPage({ month: requested }: { month: string | null }) {
  const session = useSession();
  const canPlan = session.may('duty.overrides.create');
  const navigate = useNavigate();
  const now = useNow(60_000);
  const tz = useOfficeTimeZone();
  const today = localDateOf(now, tz);
  const month = requested ?? today.slice(0, 7);
  const grid = useMemo(() => monthGrid(month), [month]);
  const from = instantOf(grid.gridStart, tz);
  const to = instantOf(addDays(grid.gridStart, grid.days.length), tz);
  const schedule = useApiQuery('duty.schedule.get', { from, to }, { placeholderData: keepPreviousData });
  const overrides = useApiQuery('duty.overrides.list', { from, to });
  const data = useDutyData();
  const roles = useMemo(() => sortRoles(data.roles), [data.roles]);
  const [openDate, setOpenDate] = useState<string | null>(null);

  const plans = useMemo(
    () => planDays(grid.days, schedule.data ?? { segments: [], gaps: [], sensitivePeriods: [] }, data.rotations, tz),
    [grid.days, schedule.data, data.rotations, tz],
  );
  const loaded = schedule.data !== undefined && data.roles.length > 0;
  const monthGaps = loaded ? clipGaps(schedule.data?.gaps ?? [], instantOf(grid.first, tz), instantOf(addDays(grid.last, 1), tz)) : [];
  const go = (m: string | null) => void navigate({ to: '/duty', search: m ? { month: m } : {} });
  const nowParts = localParts(now, tz);
  const openPlan = openDate ? plans.get(openDate) : undefined;

  return (
    <div className={classes.monthLayout}>
      <div className={classes.monthMain}>
        <Group justify="space-between" wrap="nowrap">
          <Group gap="xs" wrap="nowrap">
            <Tooltip label={t('duty.month.prev')}>
              <ActionIcon variant="default" onClick={() => go(shiftMonth(month, -1))} aria-label={t('duty.month.prev')}>
                <IconChevronLeft size={18} />
              </ActionIcon>
            </Tooltip>
            <Title order={4} miw={120} ta="center" data-testid="duty-month-title">
              {monthLabel(month)}
            </Title>
            <Tooltip label={t('duty.month.next')}>
              <ActionIcon variant="default" onClick={() => go(shiftMonth(month, 1))} aria-label={t('duty.month.next')}>
                <IconChevronRight size={18} />
              </ActionIcon>
            </Tooltip>
            <Button variant="default" size="xs" onClick={() => go(null)} disabled={month === today.slice(0, 7)}>
              {t('duty.month.thisMonth')}
            </Button>
          </Group>
          <Text size="xs" c="dimmed">
            {t('duty.month.todayIs', { date: monthDayLabel(today), weekday: weekdayLabel(weekdayOf(today)), time: `${String(nowParts.hour).padStart(2, '0')}:${String(nowParts.minute).padStart(2, '0')}` })}
          </Text>
        </Group>
        <GapAlert gaps={monthGaps} roles={roles} tz={tz} canPlan={canPlan} />
        <div className={classes.calendar} style={{ gridTemplateRows: `auto repeat(${grid.rows}, minmax(70px, 1fr))` }} data-testid="duty-calendar">
          {WEEK.map((wd) => (
            <div key={wd} className={[classes.weekHead, (wd === 0 || wd === 6) && classes.weekHeadRest].filter(Boolean).join(' ')}>
              {weekdayLabel(wd)}
            </div>
          ))}
          {grid.days.map((date) => {
            const plan = plans.get(date);
            if (!plan) return null;
            return (
              <DayCell
                key={date}
                plan={loaded ? plan : { ...plan, gaps: [] }}
                roles={loaded ? roles : []}
                inMonth={date.startsWith(month)}
                isToday={date === today}
                tz={tz}
                onOpen={() => setOpenDate(date)}
              />
            );
          })}
        </div>
      </div>
      <div className={classes.side}>
        <OnDutyCard variant="side" />
        <Legend />
      </div>
      <DayDrawer
        date={openDate}
        plan={openPlan}
        roles={roles}
        rotations={data.rotations}
        people={data.people}
        userOptions={data.userOptions}
        roleOptions={data.roleOptions}
        segments={schedule.data?.segments ?? []}
        overrides={overrides.data ?? []}
        canPlan={canPlan}
        onClose={() => setOpenDate(null)}
      />
    </div>
  );
}
