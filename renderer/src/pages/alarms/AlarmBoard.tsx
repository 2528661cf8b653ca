/** '#/alarms': open alarms to act on, and the history of all of them, each with its log one click away. */
import { Fragment, useState } from 'react';
import { ActionIcon, Alert, Badge, Button, Card, Checkbox, Group, Pagination, Stack, Table, Tabs, Text, Title } from '@mantine/core';
import { IconChevronDown, IconChevronRight, IconInfoCircle, IconSettings, IconCheck, IconAlarmSnooze, IconChecks } from '@tabler/icons-react';
import type { Alarm } from '../../../../shared/api';
import { t, enumLabel } from '../../../../shared/i18n';
import { formatDateTime } from '../../../../shared/time';
import { keepPreviousData } from '@tanstack/react-query';
import { useApiQuery } from '../../platform/query';
import { useNow, useOfficeTimeZone } from '../../platform/clock';
import { AnchorLink, ButtonLink, useNavigate } from '../../platform/links';
import { useSession } from '../../platform/session';
import { DeadlineBadge } from '../../components/DeadlineBadge';
import { BulkAcknowledgeDialog, useAlarmActions, type AlarmActions } from '../../components/alarms/AlarmDialogs';
import { EscalatedMarker, LateMarker, Recipients } from '../../components/alarms/AlarmMarkers';
import { alarmKindLabel, isOpen, needsAttention, statusColor, statusLabel, subjectLink } from '../../components/alarms/alarm-facts';
import { totalWords } from '../../components/lists/total-words';
import { AlarmLog } from './AlarmLog';

export type BoardTab = 'open' | 'all';

const PAGE_SIZE = 30;
const COLUMNS = 8;

function StatusCell({ alarm, now, timeZone }: { alarm: Alarm; now: number; timeZone: string }) {
  return (
    <Stack gap={2}>
      <Badge color={statusColor(alarm, now)} variant={needsAttention(alarm, now) ? 'filled' : 'light'} radius="sm">
        {statusLabel(alarm, now)}
      </Badge>
      {alarm.status === 'acknowledged' && alarm.acknowledgedAt !== null && (
        <Text size="xs" c="dimmed" data-testid="alarm-acknowledged">
          {t('alarms.board.acknowledgedBy', { name: alarm.acknowledgedBy ?? '', at: formatDateTime(alarm.acknowledgedAt, timeZone) })}
        </Text>
      )}
      {alarm.status === 'acknowledged' && alarm.acknowledgedForOthers && (
        <Text size="xs" c="orange" lineClamp={2} data-testid="alarm-ack-for-others">
          {t('alarms.ackForOthers', { note: alarm.acknowledgeNote })}
        </Text>
      )}
      {alarm.status === 'snoozed' && alarm.snoozedUntil !== null && (
        <Text size="xs" c="dimmed">
          {t('alarms.board.snoozedUntil', { at: formatDateTime(alarm.snoozedUntil, timeZone) })}
        </Text>
      )}
      {alarm.snoozeReason && alarm.status === 'snoozed' && (
        <Text size="xs" c="dimmed" lineClamp={2}>
          {t('alarms.board.reason', { reason: alarm.snoozeReason })}
        </Text>
      )}
    </Stack>
  );
}

function AlarmRow({ alarm, now, timeZone, meId, expanded, onToggle, actions, selected, onSelect }: {
  alarm: Alarm;
  selected: boolean;
  onSelect: (selected: boolean) => void;
  now: number;
  timeZone: string;
  meId: number | undefined;
  expanded: boolean;
  onToggle: () => void;
  actions: AlarmActions;
}) {
  const attention = needsAttention(alarm, now);
  return (
    <Fragment>
      <Table.Tr data-testid="alarm-row" data-alarm-id={alarm.id} bg={attention ? 'var(--mantine-color-red-0)' : undefined}>
        <Table.Td>
          {isOpen(alarm) && <Checkbox aria-label={t('alarms.bulk.select')} checked={selected} onChange={(e) => onSelect(e.currentTarget.checked)} />}
        </Table.Td>
        <Table.Td>
          <ActionIcon variant="subtle" color="gray" onClick={onToggle} aria-expanded={expanded} aria-label={expanded ? t('alarms.board.hideLog') : t('alarms.board.showLog')}>
            {expanded ? <IconChevronDown size={16} /> : <IconChevronRight size={16} />}
          </ActionIcon>
        </Table.Td>
        <Table.Td maw={260}>
          <AnchorLink {...subjectLink(alarm)} fw={600} size="sm" style={{ whiteSpace: 'nowrap' }}>
            {alarm.subjectNumber || t('alarms.board.noSubject')}
          </AnchorLink>
          <Text size="xs" c="dimmed" lineClamp={1}>
            {alarm.subjectSummary}
          </Text>
        </Table.Td>
        <Table.Td>
          <Text size="sm">{enumLabel('deadlineKind', alarm.deadlineKind)}</Text>
          <Group gap={6} wrap="nowrap" mt={2}>
            <DeadlineBadge dueAt={alarm.dueAt} kind={alarm.deadlineKind} />
            <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
              {formatDateTime(alarm.dueAt - 1, timeZone).slice(0, 10)}
            </Text>
          </Group>
        </Table.Td>
        <Table.Td>
          <Badge variant="light" color={alarm.kind === 'due' ? 'red' : 'orange'} radius="sm">
            {alarmKindLabel(alarm)}
          </Badge>
          <Text size="xs" c="dimmed" mt={2} style={{ whiteSpace: 'nowrap' }}>
            {alarm.firedAt !== null ? t('alarms.board.firedAt', { at: formatDateTime(alarm.firedAt, timeZone) }) : t('alarms.board.plannedAt', { at: formatDateTime(alarm.fireAt, timeZone) })}
          </Text>
          <LateMarker alarm={alarm} timeZone={timeZone} size="xs" mt={2} />
        </Table.Td>
        <Table.Td>
          <Text size="sm" data-testid="alarm-recipients">
            <Recipients alarm={alarm} meId={meId} />
          </Text>
          <EscalatedMarker alarm={alarm} size="xs" mt={2} />
          {alarm.noOneOnDuty && (
            <Text size="xs" c="red.7" fw={500} mt={2} data-testid="alarm-no-one">
              {t('alarms.marker.noOneOnDuty')}
            </Text>
          )}
        </Table.Td>
        <Table.Td>
          <StatusCell alarm={alarm} now={now} timeZone={timeZone} />
        </Table.Td>
        <Table.Td>
          {isOpen(alarm) && (
            <Group gap={6} wrap="nowrap">
              <Button size="xs" color="green" leftSection={<IconCheck size={14} />} onClick={() => actions.acknowledge(alarm)}>
                {t('alarms.banner.acknowledge')}
              </Button>
              <Button size="xs" variant="default" leftSection={<IconAlarmSnooze size={14} />} onClick={() => actions.snooze(alarm)}>
                {t('alarms.banner.snooze')}
              </Button>
            </Group>
          )}
        </Table.Td>
      </Table.Tr>
      {expanded && (
        <Table.Tr>
          <Table.Td colSpan={COLUMNS} bg="gray.0" style={{ borderLeft: '3px solid var(--mantine-color-blue-4)' }}>
            <AlarmLog alarm={alarm} timeZone={timeZone} />
          </Table.Td>
        </Table.Tr>
      )}
    </Fragment>
  );
}

export function AlarmBoard({ tab }: { tab: BoardTab }) {
  const session = useSession();
  const now = useNow(30_000);
  const tz = useOfficeTimeZone();
  const [page, setPage] = useState(1);
  const [expanded, setExpanded] = useState<ReadonlySet<number>>(new Set());
  const navigate = useNavigate();
  const list = useApiQuery('alarms.list', { scope: tab, page, pageSize: PAGE_SIZE, withLog: true }, { placeholderData: keepPreviousData });
  const openCount = useApiQuery('alarms.list', { scope: 'open', pageSize: 1 });
  const settings = useApiQuery('alarms.settings.get', {});
  const actions = useAlarmActions();
  const rows = list.data?.rows ?? [];
  const [picked, setPicked] = useState<ReadonlySet<number>>(new Set());
  const [bulkOpen, setBulkOpen] = useState(false);
  // Only open alarms on this page can be ticked; a tick on one handled meanwhile falls away.
  const openRows = rows.filter(isOpen);
  const selected = openRows.filter((a) => picked.has(a.id));
  const select = (id: number, on: boolean) =>
    setPicked((prev) => {
      const next = new Set(prev);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  const total = list.data?.total ?? 0;

  const toggle = (id: number) =>
    setExpanded((prev) => {
      const next = new Set(prev);
      if (!next.delete(id)) next.add(id);
      return next;
    });

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={3}>{t('alarms.title')}</Title>
        {session.may('alarms.settings.update') && (
          <ButtonLink to="/alarms/settings" variant="default" leftSection={<IconSettings size={16} />}>
            {t('alarms.board.settings')}
          </ButtonLink>
        )}
      </Group>
      {settings.data && (
        <Group gap={6} wrap="nowrap">
          <IconInfoCircle size={16} color="var(--mantine-color-dimmed)" style={{ flexShrink: 0 }} />
          <Text size="sm" c="dimmed">
            {t('alarms.board.policy', { ack: settings.data.ackMinutes, repeat: settings.data.repeatMinutes })}
          </Text>
        </Group>
      )}
      <Tabs value={tab} onChange={(v) => void navigate({ to: '/alarms', search: v === 'all' ? { tab: 'all' } : {} })}>
        <Tabs.List>
          <Tabs.Tab
            value="open"
            rightSection={
              openCount.data && openCount.data.total > 0 ? (
                <Badge size="sm" color="red" variant="filled" circle>
                  {openCount.data.total}
                </Badge>
              ) : null
            }
          >
            {t('alarms.board.tabOpen')}
          </Tabs.Tab>
          <Tabs.Tab value="all">{t('alarms.board.tabAll')}</Tabs.Tab>
        </Tabs.List>
      </Tabs>
      {list.error && (
        <Alert color="red" variant="light">
          {t('alarms.board.loadFailed', { message: list.error.message })}
        </Alert>
      )}
      {selected.length > 0 && (
        <Group gap="sm" data-testid="alarm-selection">
          <Text size="sm" fw={500}>
            {t('alarms.bulk.selected', { count: selected.length })}
          </Text>
          <Button size="xs" color="green" leftSection={<IconChecks size={14} />} onClick={() => setBulkOpen(true)}>
            {t('alarms.bulk.open')}
          </Button>
          <Button size="xs" variant="subtle" color="gray" onClick={() => setPicked(new Set())}>
            {t('alarms.bulk.clear')}
          </Button>
        </Group>
      )}
      <Card withBorder padding={0} radius="md">
        <Table verticalSpacing={8} horizontalSpacing="sm" highlightOnHover={false} data-testid="alarm-table">
          <Table.Thead bg="gray.0">
            <Table.Tr>
              <Table.Th w={36}>
                {openRows.length > 0 && (
                  <Checkbox
                    aria-label={t('alarms.bulk.selectAll')}
                    checked={selected.length === openRows.length}
                    indeterminate={selected.length > 0 && selected.length < openRows.length}
                    onChange={(e) => setPicked(e.currentTarget.checked ? new Set(openRows.map((a) => a.id)) : new Set())}
                  />
                )}
              </Table.Th>
              <Table.Th w={40} />
              <Table.Th>{t('alarms.board.colCase')}</Table.Th>
              <Table.Th>{t('alarms.board.colDeadline')}</Table.Th>
              <Table.Th>{t('alarms.board.colAlarm')}</Table.Th>
              <Table.Th>{t('alarms.board.colRecipients')}</Table.Th>
              <Table.Th>{t('alarms.board.colStatus')}</Table.Th>
              <Table.Th w={170}>{t('common.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((a) => (
              <AlarmRow key={a.id} alarm={a} now={now} timeZone={tz} meId={session.user?.id} expanded={expanded.has(a.id)} onToggle={() => toggle(a.id)} actions={actions} selected={picked.has(a.id)} onSelect={(on) => select(a.id, on)} />
            ))}
            {rows.length === 0 && !list.isFetching && (
              <Table.Tr>
                <Table.Td colSpan={COLUMNS}>
                  <Text c="dimmed" ta="center" py="xl">
                    {tab === 'open' ? t('alarms.board.emptyOpen') : t('alarms.board.emptyAll')}
                  </Text>
                </Table.Td>
              </Table.Tr>
            )}
          </Table.Tbody>
        </Table>
      </Card>
      {total > PAGE_SIZE && (
        <Group justify="space-between">
          <Text size="sm" c="dimmed">
            {totalWords(list.data, { total: 'common.total', capped: 'common.totalCapped' })}
          </Text>
          <Pagination total={Math.ceil(total / PAGE_SIZE)} value={page} onChange={setPage} size="sm" />
        </Group>
      )}
      {actions.dialogs}
      {bulkOpen && selected.length > 0 && (
        <BulkAcknowledgeDialog
          alarms={selected}
          onClose={() => setBulkOpen(false)}
          onDone={() => {
            setBulkOpen(false);
            setPicked(new Set());
          }}
        />
      )}
    </Stack>
  );
}
