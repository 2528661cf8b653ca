/**
 * '#/': the dashboard. Who is on duty (and the next gap), then four cards (petitions, active warnings by level,
 * information and zero reports, open alarms) and the deadlines coming up. Fits 1366×768 without scrolling.
 * An admin also sees what needs doing about backups (the USB stick missing, none verified for two days).
 */
import { Alert, Badge, Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import type { Alarm } from '../../../../shared/api';
import { t, enumLabel } from '../../../../shared/i18n';
import { PETITION_STATUSES, TERMINAL_STATUSES } from '../../../../shared/enums';
import { DAY_MS, formatChineseDate, formatDateTime, localDateOf, startOfLocalDay } from '../../../../shared/time';
import { useSession } from '../../platform/session';
import { useApiQuery } from '../../platform/query';
import { useNow, useOfficeTimeZone } from '../../platform/clock';
import { AnchorLink } from '../../platform/links';
import { DeadlineBadge } from '../../components/DeadlineBadge';
import { OnDutyCard } from '../../components/duty/OnDutyCard';
import { weekdayOfDateLabel } from '../../components/duty/duty-format';
import { byUrgency, needsAttention } from '../../components/alarms/alarm-facts';
import { DashCard, Figure } from '../../components/stats/DashboardParts';
import { BackupWarning } from '../../components/backups/BackupWarning';
import { ButtonLink } from '../../platform/links';

const OPEN_STATUSES = PETITION_STATUSES.filter((s) => !TERMINAL_STATUSES.includes(s));
const UPCOMING_ROWS = 5;
const TOP_ALARMS = 3;

const LEVEL_COLORS = { red: 'red', yellow: 'yellow', blue: 'blue' } as const;

function AlarmLine({ alarm, now }: { alarm: Alarm; now: number }) {
  const urgent = needsAttention(alarm, now);
  return (
    <Group gap={6} wrap="nowrap" data-testid="dash-alarm">
      <Badge size="xs" radius="sm" color={urgent ? 'red' : 'orange'} variant={urgent ? 'filled' : 'light'} style={{ flexShrink: 0 }}>
        {enumLabel('deadlineKind', alarm.deadlineKind)}
      </Badge>
      <Text size="xs" truncate="end" style={{ minWidth: 0 }}>
        {alarm.subjectType === 'petition' ? (
          <AnchorLink to="/petitions/$id" params={{ id: alarm.subjectId }} size="xs" fw={600}>
            {alarm.subjectNumber}
          </AnchorLink>
        ) : (
          <Text span size="xs" fw={600}>
            {alarm.subjectNumber}
          </Text>
        )}{' '}
        {alarm.subjectSummary}
      </Text>
    </Group>
  );
}

export function HomePage() {
  const session = useSession();
  const now = useNow(60_000);
  const tz = useOfficeTimeZone();
  const today = localDateOf(now, tz);
  const todayStart = startOfLocalDay(today, tz);
  const open = useApiQuery('petitions.list', { statuses: [...OPEN_STATUSES], pageSize: 1, exactTotal: true });
  const overdue = useApiQuery('petitions.list', { statuses: [...OPEN_STATUSES], overdueOnly: true, pageSize: 1, exactTotal: true });
  const registered = useApiQuery('petitions.list', { receivedFrom: todayStart, receivedTo: todayStart + DAY_MS, pageSize: 1, exactTotal: true });
  const upcoming = useApiQuery('petitions.list', { statuses: [...OPEN_STATUSES], sort: 'nextDueAt', descending: false, pageSize: 20 });
  const dash = useApiQuery('stats.dashboard.get', {});
  const alarms = useApiQuery('alarms.list', { scope: 'open', pageSize: 200 });
  const backups = useApiQuery('backups.status.get', session.may('backups.status.get') ? {} : null);

  const dueRows = (upcoming.data?.rows ?? []).filter((r) => r.nextDueAt !== null);
  const d = dash.data;
  const warningTotal = d ? d.activeWarnings.red + d.activeWarnings.yellow + d.activeWarnings.blue : undefined;
  const openAlarms = [...(alarms.data?.rows ?? [])].sort(byUrgency);
  const attention = openAlarms.filter((a) => needsAttention(a, now)).length;
  const alarmTotal = alarms.data?.total;

  return (
    <Stack gap="sm">
      <Group justify="space-between" align="baseline">
        <Title order={3}>{t('common.home.welcome', { name: session.user?.displayName ?? '' })}</Title>
        <Text c="dimmed" size="sm" data-testid="dash-today">
          {t('stats.home.today', { date: formatChineseDate(today), weekday: weekdayOfDateLabel(today) })}
        </Text>
      </Group>
      {dash.error && (
        <Alert color="red" variant="light" py={6}>
          {t('stats.home.loadFailed', { message: dash.error.message })}
        </Alert>
      )}
      {backups.data && (
        <BackupWarning
          status={backups.data}
          action={
            <ButtonLink to="/admin/backups" size="compact-xs" variant="white" color="red">
              {t('backups.warning.action')}
            </ButtonLink>
          }
        />
      )}
      <OnDutyCard />
      <SimpleGrid cols={4} spacing="sm">
        <DashCard title={t('stats.home.petitions')} link={{ to: '/petitions' }} linkLabel={t('stats.home.toPetitions')} testId="dash-petitions">
          <SimpleGrid cols={2} spacing={6} verticalSpacing={6}>
            <Figure label={t('stats.home.openPetitions')} value={open.data?.total} link={{ to: '/petitions' }} testId="stat-/petitions" />
            <Figure label={t('stats.home.overdue')} value={overdue.data?.total} alertColor="red" link={{ to: '/petitions', search: { overdue: 1 } }} testId="stat-/petitions?overdue=1" />
            <Figure label={t('stats.home.dueSoon')} value={d?.dueSoonPetitions} alertColor="orange" link={{ to: '/petitions', search: { sort: 'due' } }} testId="stat-/petitions?sort=due" />
            <Figure label={t('stats.home.registeredToday')} value={registered.data?.total} link={{ to: '/petitions' }} testId="stat-today" />
          </SimpleGrid>
        </DashCard>

        <DashCard
          title={
            <Group gap={6} component="span">
              {t('stats.home.warnings')}
              {warningTotal !== undefined && (
                <Text span size="xs" c="dimmed" fw={400}>
                  {t('stats.home.warningsTotal', { n: warningTotal })}
                </Text>
              )}
            </Group>
          }
          link={{ to: '/warnings' }}
          linkLabel={t('stats.home.toWarnings')}
          testId="dash-warnings"
        >
          <SimpleGrid cols={3} spacing={6}>
            {(['red', 'yellow', 'blue'] as const).map((level) => (
              <Figure
                key={level}
                label={enumLabel('warningLevel', level)}
                value={d?.activeWarnings[level]}
                link={{ to: '/warnings' }}
                testId={`dash-warnings-${level}`}
                alertColor={LEVEL_COLORS[level]}
              />
            ))}
          </SimpleGrid>
          <Text size="xs" mt={8} fw={d && d.overdueWarningFeedback > 0 ? 700 : 400} c={d && d.overdueWarningFeedback > 0 ? 'red.7' : 'dimmed'} data-testid="dash-feedback-overdue">
            {d && (d.overdueWarningFeedback > 0 ? t('stats.home.feedbackOverdue', { n: d.overdueWarningFeedback }) : t('stats.home.feedbackOnTrack'))}
          </Text>
        </DashCard>

        <DashCard title={t('stats.home.reports')} link={{ to: '/reports' }} linkLabel={t('stats.home.toReports')} testId="dash-reports">
          <SimpleGrid cols={2} spacing={6} verticalSpacing={6}>
            <Figure label={t('stats.home.lateThisMonth')} value={d?.reportsLateThisMonth} alertColor="red" link={{ to: '/reports' }} testId="dash-reports-late" />
            <Figure label={t('stats.home.awaitingApproval')} value={d?.reportsAwaitingApproval} alertColor="orange" link={{ to: '/reports' }} testId="dash-reports-awaiting" />
            <Figure
              label={t('stats.home.zeroDueToday')}
              value={d?.zeroReports.dueToday}
              link={{ to: '/zero-reports', search: d ? { month: d.zeroReports.dueTodayMonth } : {} }}
              testId="dash-zero-due"
            />
            {/* The count of the month its link opens: the zero-report page shows the same number as 未报. */}
            <Figure
              label={d ? t('stats.home.zeroMissingOf', { month: Number(d.zeroReports.missingMonth.slice(5, 7)) }) : t('stats.home.zeroMissing')}
              value={d?.zeroReports.missing}
              alertColor="red"
              link={{ to: '/zero-reports', search: d ? { month: d.zeroReports.missingMonth } : {} }}
              testId="dash-zero-missing"
            />
          </SimpleGrid>
        </DashCard>

        <DashCard title={t('stats.home.alarms')} link={{ to: '/alarms' }} linkLabel={t('stats.home.toAlarms')} testId="dash-alarms">
          <Group gap="xs" align="baseline" mb={6}>
            <Text fz={26} fw={700} lh={1.2} c={alarmTotal ? 'red.7' : undefined} data-testid="dash-alarms-count">
              {alarmTotal ?? '—'}
            </Text>
            {attention > 0 && (
              <Text size="xs" c="red.7" fw={600}>
                {t('stats.home.alarmsAttention', { n: attention })}
              </Text>
            )}
          </Group>
          <Stack gap={4}>
            {alarms.data && openAlarms.length === 0 && (
              <Text size="xs" c="dimmed">
                {t('stats.home.noAlarms')}
              </Text>
            )}
            {openAlarms.slice(0, TOP_ALARMS).map((a) => (
              <AlarmLine key={a.id} alarm={a} now={now} />
            ))}
            {(alarmTotal ?? 0) > TOP_ALARMS && (
              <Text size="xs" c="dimmed">
                {t('stats.home.moreAlarms', { n: (alarmTotal ?? 0) - TOP_ALARMS })}
              </Text>
            )}
          </Stack>
        </DashCard>
      </SimpleGrid>

      <Card withBorder padding="sm">
        <Text fw={700} size="sm" mb={6}>
          {t('stats.home.upcoming')}
        </Text>
        {upcoming.data && dueRows.length === 0 ? (
          <Text c="dimmed" size="sm">
            {t('stats.home.noUpcoming')}
          </Text>
        ) : (
          <Table striped highlightOnHover verticalSpacing={4} fz="sm">
            <Table.Tbody>
              {dueRows.slice(0, UPCOMING_ROWS).map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td w={150}>
                    <AnchorLink to="/petitions/$id" params={{ id: r.id }} size="sm" style={{ whiteSpace: 'nowrap' }}>
                      {r.number}
                    </AnchorLink>
                  </Table.Td>
                  <Table.Td maw={380}>
                    <Text size="sm" truncate="end">
                      {r.summary}
                    </Text>
                  </Table.Td>
                  <Table.Td w={90}>{enumLabel('status', r.status)}</Table.Td>
                  <Table.Td w={130}>{r.nextDueKind ? enumLabel('deadlineKind', r.nextDueKind) : ''}</Table.Td>
                  <Table.Td w={210}>
                    <Group gap="xs" wrap="nowrap">
                      {r.nextDueAt !== null && <DeadlineBadge dueAt={r.nextDueAt} kind={r.nextDueKind ?? undefined} />}
                      <Text size="xs" c="dimmed">
                        {r.nextDueAt !== null ? formatDateTime(r.nextDueAt - 1, tz).slice(0, 10) : ''}
                      </Text>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Card>
    </Stack>
  );
}
