import { Anchor, Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { t, enumLabel } from '../../../shared/i18n';
import { PETITION_STATUSES, TERMINAL_STATUSES } from '../../../shared/enums';
import { DAY_MS, formatDateTime, localDateOf, startOfLocalDay } from '../../../shared/time';
import { useSession } from '../app/session';
import { useApiQuery } from '../app/use-api';
import { useNow, useOfficeTimeZone } from '../app/clock';
import { href } from '../app/router';
import { DeadlineBadge } from '../components/DeadlineBadge';
import { OnDutyCard } from '../components/duty/OnDutyCard';

const OPEN_STATUSES = PETITION_STATUSES.filter((s) => !TERMINAL_STATUSES.includes(s));
const reloadOn = (e: { type: string }) => e.type === 'petitions.changed' || e.type === 'calendar.changed' || e.type === 'clock.changed';

function Stat({ label, value, color, link }: { label: string; value: number | undefined; color?: string; link: string }) {
  return (
    <Card withBorder padding="md" component="a" href={href(link)}>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fz={32} fw={700} c={color} data-testid={`stat-${link}`}>
        {value ?? '—'}
      </Text>
    </Card>
  );
}

export function HomePage() {
  const session = useSession();
  const now = useNow(60_000);
  const tz = useOfficeTimeZone();
  const todayStart = startOfLocalDay(localDateOf(now, tz), tz);
  const open = useApiQuery('petitions.list', { statuses: [...OPEN_STATUSES], pageSize: 1 }, { reloadOn });
  const overdue = useApiQuery('petitions.list', { statuses: [...OPEN_STATUSES], overdueOnly: true, pageSize: 1 }, { reloadOn });
  const today = useApiQuery('petitions.list', { receivedFrom: todayStart, receivedTo: todayStart + DAY_MS, pageSize: 1 }, { reloadOn });
  const upcoming = useApiQuery('petitions.list', { statuses: [...OPEN_STATUSES], sort: 'nextDueAt', descending: false, pageSize: 12 }, { reloadOn });
  const rows = (upcoming.data?.rows ?? []).filter((r) => r.nextDueAt !== null);
  const soon = rows.filter((r) => r.nextDueAt !== null && r.nextDueAt > now && r.nextDueAt - now <= 3 * DAY_MS).length;

  return (
    <Stack>
      <Title order={3}>{t('common.home.welcome', { name: session.user?.displayName ?? '' })}</Title>
      <SimpleGrid cols={4}>
        <Stat label={t('common.home.openPetitions')} value={open.data?.total} link="/petitions" />
        <Stat label={t('common.home.overdue')} value={overdue.data?.total} color="red" link="/petitions?overdue=1" />
        <Stat label={t('common.home.dueSoon')} value={soon} color="orange" link="/petitions?sort=due" />
        <Stat label={t('common.home.registeredToday')} value={today.data?.total} link="/petitions" />
      </SimpleGrid>
      <OnDutyCard />
      <Card withBorder>
        <Title order={5} mb="sm">
          {t('common.home.upcoming')}
        </Title>
        {rows.length === 0 ? (
          <Text c="dimmed">{t('common.home.noUpcoming')}</Text>
        ) : (
          <Table striped highlightOnHover>
            <Table.Tbody>
              {rows.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td>
                    <Anchor href={href(`/petitions/${r.id}`)}>{r.number}</Anchor>
                  </Table.Td>
                  <Table.Td>{r.summary}</Table.Td>
                  <Table.Td>{enumLabel('status', r.status)}</Table.Td>
                  <Table.Td>{r.nextDueKind ? enumLabel('deadlineKind', r.nextDueKind) : ''}</Table.Td>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      {r.nextDueAt !== null && <DeadlineBadge dueAt={r.nextDueAt} />}
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
