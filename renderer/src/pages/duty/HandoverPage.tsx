import { useState, type ReactNode } from 'react';
import { Alert, Badge, Button, Card, Grid, Group, Modal, ScrollArea, Select, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { IconAlertTriangle, IconArrowRight, IconCircleCheck, IconHourglass } from '@tabler/icons-react';
import type { Handover, HandoverDraft } from '../../../../shared/api';
import { enumLabel, t } from '../../../../shared/i18n';
import type { DeadlineKind } from '../../../../shared/enums';
import { useNow, useOfficeTimeZone } from '../../platform/clock';
import { notifyError, notifySaved } from '../../platform/notify';
import { useApiMutation, useApiQuery } from '../../platform/query';
import { useSession } from '../../platform/session';
import { dateTimeLabel, timeLabel } from '../../components/duty/duty-format';
import { describeTimeLeft, scaleOfKind } from '../../../../shared/time-left';
import { KindBadge } from './DutyLogPage';
import { useDutyData } from './duty-data';
import { AuditHeadMark } from '../../components/audit/AuditHeadMark';

type HandoverDeadline = HandoverDraft['dueSoon'][number];

/** One deadline in the handover sheet: case number, summary, which period, and its time left (shared/time-left.ts). */
function DeadlineLine({ number, summary, kind, dueAt, now, tz, testId }: { number: string; summary: string; kind: DeadlineKind; dueAt: number; now: number; tz: string; testId?: string }) {
  const left = describeTimeLeft(dueAt, now, tz, scaleOfKind(kind));
  return (
    <Group gap="xs" wrap="nowrap" data-testid={testId}>
      <Text size="sm" fw={600} style={{ whiteSpace: 'nowrap' }}>
        {number}
      </Text>
      <Text size="sm" truncate style={{ flex: 1 }}>
        {summary}
      </Text>
      <Text size="xs" c="dimmed">
        {enumLabel('deadlineKind', kind)}
      </Text>
      <Badge color={left.tone} variant="light" radius="sm">
        {left.text}
      </Badge>
    </Group>
  );
}

/** One list of the handover sheet, its title with how many it holds. */
function DraftList({ title, count, children }: { title: string; count: number; children: ReactNode }) {
  return (
    <Stack gap={4}>
      <Group gap={6}>
        <Text size="sm" fw={700}>
          {title}
        </Text>
        <Badge size="sm" variant="light" color={count > 0 ? 'blue' : 'gray'} radius="sm">
          {count}
        </Badge>
      </Group>
      {children}
    </Stack>
  );
}

/** One of the sheet's deadline sections: its heading, count and lines, or a line saying there is none. */
function DeadlineList({ title, empty, items, now, tz, testId }: { title: string; empty: string; items: readonly HandoverDeadline[]; now: number; tz: string; testId: string }) {
  return (
    <DraftList title={title} count={items.length}>
      {items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {empty}
        </Text>
      ) : (
        items.map((d) => <DeadlineLine key={d.id} number={d.number} summary={d.summary} kind={d.kind} dueAt={d.dueAt} now={now} tz={tz} testId={testId} />)
      )}
    </DraftList>
  );
}

/** What the outgoing officer hands over: open alarms, deadlines due within 24 h, the log since last time. */
function DraftDetails({ draft, now, tz }: { draft: HandoverDraft; now: number; tz: string }) {
  return (
    <Stack gap="sm">
      <AuditHeadMark head={draft.auditHead ?? null} />
      <DraftList title={t('duty.handover.openAlarms')} count={draft.openAlarms.length}>
        {draft.openAlarms.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('duty.handover.noAlarms')}
          </Text>
        ) : (
          draft.openAlarms.map((a) => <DeadlineLine key={a.id} number={a.subjectNumber} summary={a.subjectSummary} kind={a.deadlineKind} dueAt={a.dueAt} now={now} tz={tz} testId="handover-alarm" />)
        )}
      </DraftList>
      <DeadlineList title={t('duty.handover.dueSoon')} empty={t('duty.handover.noDueSoon')} items={draft.dueSoon} now={now} tz={tz} testId="handover-due" />
      <DeadlineList title={t('duty.handover.overdue')} empty={t('duty.handover.noOverdue')} items={draft.overdue} now={now} tz={tz} testId="handover-overdue" />
      <DraftList title={t('duty.handover.log', { since: dateTimeLabel(draft.since, tz) })} count={draft.dutyLog.length}>
        {draft.dutyLog.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('duty.handover.noLog')}
          </Text>
        ) : (
          <ScrollArea.Autosize mah={150}>
            <Stack gap={4}>
              {draft.dutyLog.map((e) => (
                <Group key={e.id} gap="xs" wrap="nowrap" align="flex-start">
                  <Text size="sm" c="dimmed" w={44} style={{ flex: 'none', fontVariantNumeric: 'tabular-nums' }}>
                    {timeLabel(e.at, tz)}
                  </Text>
                  <KindBadge kind={e.kind} />
                  <Text size="sm" style={{ flex: 1 }} lineClamp={2}>
                    {e.content}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {e.userName}
                  </Text>
                </Group>
              ))}
            </Stack>
          </ScrollArea.Autosize>
        )}
      </DraftList>
    </Stack>
  );
}

function StartForm({ draft, myPending, now, tz }: { draft: HandoverDraft; myPending: Handover | undefined; now: number; tz: string }) {
  const session = useSession();
  const { userOptions } = useDutyData();
  const [notes, setNotes] = useState('');
  const [toUser, setToUser] = useState<string | null>(null);
  const me = String(session.user?.id ?? '');
  const incoming = toUser ?? (draft.incoming ? String(draft.incoming.id) : null);
  const start = useApiMutation('duty.handovers.create', {
    onSuccess: () => {
      notifySaved(t('duty.handover.started'));
      setNotes('');
      setToUser(null);
    },
    onError: (error) => {
      if (!error.fields?.toUserId) notifyError(error);
    },
  });
  const error = start.error?.fields?.toUserId ?? null;

  return (
    <Card withBorder padding="md">
      <Group justify="space-between" mb="sm">
        <Title order={5}>{t('duty.handover.prepareTitle')}</Title>
        <Text size="xs" c="dimmed">
          {t('duty.handover.preparedAt', { time: dateTimeLabel(now, tz) })}
        </Text>
      </Group>
      <DraftDetails draft={draft} now={now} tz={tz} />
      {myPending ? (
        <Alert mt="md" color="blue" variant="light" icon={<IconHourglass size={18} />} data-testid="handover-waiting">
          {t('duty.handover.waiting', { name: myPending.toName ?? t('duty.handover.anyOfficer'), time: dateTimeLabel(myPending.startedAt, tz) })}
        </Alert>
      ) : (
        <Stack gap="sm" mt="md">
          <Select
            label={t('duty.handover.incoming')}
            description={draft.incoming ? t('duty.handover.incomingFromRoster', { name: draft.incoming.name, time: draft.incoming.from ? dateTimeLabel(draft.incoming.from, tz) : '' }) : t('duty.handover.incomingUnknown')}
            placeholder={t('duty.handover.pickIncoming')}
            data={userOptions.filter((o) => o.value !== me)}
            value={incoming}
            onChange={(v) => {
              setToUser(v);
              start.reset();
            }}
            searchable
            clearable
            error={error}
          />
          <Textarea
            label={t('duty.handover.notes')}
            placeholder={t('duty.handover.notesPlaceholder')}
            autosize
            minRows={3}
            maxRows={6}
            value={notes}
            onChange={(e) => setNotes(e.currentTarget.value)}
          />
          <Group justify="flex-end">
            <Button onClick={() => start.mutate({ notes: notes.trim(), toUserId: incoming ? Number(incoming) : null })} loading={start.isPending} rightSection={<IconArrowRight size={16} />}>
              {t('duty.handover.start')}
            </Button>
          </Group>
        </Stack>
      )}
    </Card>
  );
}

/** A handover waiting for this person: what is being handed over, the notes, and 确认接班. */
function ConfirmCard({ handover, now, tz }: { handover: Handover; now: number; tz: string }) {
  const confirm = useApiMutation('duty.handovers.confirm', { onSuccess: () => notifySaved(t('duty.handover.confirmed')) });
  return (
    <Card withBorder padding="md" data-testid="handover-to-confirm" style={{ borderColor: 'var(--mantine-color-orange-4)' }}>
      <Alert color="orange" variant="light" p="xs" mb="sm" icon={<IconAlertTriangle size={18} />}>
        <Text size="sm" fw={700} c="orange.9">
          {t('duty.handover.toConfirmTitle', { name: handover.fromName, time: dateTimeLabel(handover.startedAt, tz) })}
        </Text>
      </Alert>
      <Stack gap="sm">
        <Stack gap={2}>
          <Text size="sm" fw={700}>
            {t('duty.handover.notes')}
          </Text>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {handover.notes || t('common.none')}
          </Text>
        </Stack>
        <DraftDetails draft={handover.snapshot} now={now} tz={tz} />
        <Text size="xs" c="dimmed">
          {t('duty.handover.confirmHint')}
        </Text>
        <Group justify="flex-end">
          <Button color="orange" onClick={() => confirm.mutate({ id: handover.id })} loading={confirm.isPending} leftSection={<IconCircleCheck size={16} />}>
            {t('duty.handover.confirm')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

function HistoryCard({ rows, tz, onOpen }: { rows: readonly Handover[]; tz: string; onOpen(h: Handover): void }) {
  return (
    <Card withBorder padding="md">
      <Title order={5} mb="sm">
        {t('duty.handover.historyTitle')}
      </Title>
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('duty.handover.noHistory')}
        </Text>
      ) : (
        <ScrollArea.Autosize mah="calc(100dvh - 230px)">
          <Table verticalSpacing={6} fz="sm" highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('duty.handover.from')}</Table.Th>
                <Table.Th>{t('duty.handover.to')}</Table.Th>
                <Table.Th>{t('duty.handover.status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((h) => (
                <Table.Tr key={h.id} onClick={() => onOpen(h)} style={{ cursor: 'pointer' }} data-testid="handover-row">
                  <Table.Td>
                    <Text size="sm" fw={600}>
                      {h.fromName}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {dateTimeLabel(h.startedAt, tz)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" fw={600}>
                      {h.toName ?? t('duty.handover.anyOfficer')}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {h.confirmedAt !== null ? dateTimeLabel(h.confirmedAt, tz) : t('duty.handover.notYet')}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Badge color={h.status === 'confirmed' ? 'green' : 'orange'} variant="light" radius="sm">
                      {t(h.status === 'confirmed' ? 'duty.handover.statusConfirmed' : 'duty.handover.statusPending')}
                    </Badge>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea.Autosize>
      )}
    </Card>
  );
}

function HandoverModal({ handover, onClose, tz }: { handover: Handover | null; onClose(): void; tz: string }) {
  return (
    <Modal opened={handover !== null} onClose={onClose} size="lg" title={<Text fw={700}>{t('duty.handover.detailTitle')}</Text>}>
      {handover && (
        <Stack gap="sm">
          <Group gap="xl">
            <Stack gap={0}>
              <Text size="xs" c="dimmed">
                {t('duty.handover.from')}
              </Text>
              <Text fw={600}>
                {handover.fromName} · {dateTimeLabel(handover.startedAt, tz)}
              </Text>
            </Stack>
            <Stack gap={0}>
              <Text size="xs" c="dimmed">
                {t('duty.handover.to')}
              </Text>
              <Text fw={600}>
                {handover.toName ?? t('duty.handover.anyOfficer')} · {handover.confirmedAt !== null ? dateTimeLabel(handover.confirmedAt, tz) : t('duty.handover.notYet')}
              </Text>
            </Stack>
          </Group>
          <Stack gap={2}>
            <Text size="sm" fw={700}>
              {t('duty.handover.notes')}
            </Text>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {handover.notes || t('common.none')}
            </Text>
          </Stack>
          {/* Countdowns as they stood when the shift was handed over. */}
          <DraftDetails draft={handover.snapshot} now={handover.startedAt} tz={tz} />
        </Stack>
      )}
    </Modal>
  );
}

/** 交接班: the outgoing officer hands over; the incoming one, logged in as themself, confirms. */
export function HandoverPage() {
  const session = useSession();
  const canHandOver = session.may('duty.handovers.create');
  const now = useNow(30_000);
  const tz = useOfficeTimeZone();
  const draft = useApiQuery('duty.handoverDraft.get', {});
  const list = useApiQuery('duty.handovers.list', { limit: 50 });
  const [open, setOpen] = useState<Handover | null>(null);
  const me = session.user?.id;
  const rows = list.data ?? [];
  const pending = rows.filter((h) => h.status === 'pending');
  const mine = pending.find((h) => h.fromUserId === me);
  const toConfirm = canHandOver ? pending.filter((h) => h.fromUserId !== me && (h.toUserId === null || h.toUserId === me)) : [];

  let main: ReactNode;
  if (!canHandOver) {
    main = (
      <Card withBorder padding="md">
        <Text c="dimmed">{t('duty.handover.staffOnly')}</Text>
      </Card>
    );
  } else if (toConfirm.length > 0) {
    // Take over first: the shift cannot be handed on before it has been received.
    main = (
      <Stack gap="md">
        {toConfirm.map((h) => (
          <ConfirmCard key={h.id} handover={h} now={now} tz={tz} />
        ))}
      </Stack>
    );
  } else if (draft.data) {
    main = <StartForm draft={draft.data} myPending={mine} now={now} tz={tz} />;
  } else {
    main = (
      <Card withBorder padding="md">
        <Text c="dimmed">{draft.error?.message ?? t('common.loading')}</Text>
      </Card>
    );
  }

  return (
    <>
      <Grid gap="md" align="flex-start">
        <Grid.Col span={7}>{main}</Grid.Col>
        <Grid.Col span={5}>
          <HistoryCard rows={rows} tz={tz} onOpen={setOpen} />
        </Grid.Col>
      </Grid>
      <HandoverModal handover={open} onClose={() => setOpen(null)} tz={tz} />
    </>
  );
}
