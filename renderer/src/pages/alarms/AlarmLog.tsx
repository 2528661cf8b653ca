/** One alarm's history as a timeline: fired → escalated → repeated → acknowledged …, with who and when. */
import { Alert, SimpleGrid, Stack, Text, Timeline, Title } from '@mantine/core';
import { IconAlarm, IconArrowUp, IconCheck, IconAlarmSnooze, IconRepeat, IconCircleX, IconCalendarEvent, IconUserExclamation } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import type { Alarm } from '../../../../shared/api';
import { t, enumLabel, alarmLogNoteText, type MessageKey } from '../../../../shared/i18n';
import { formatDateTime } from '../../../../shared/time';
import { durationLabel, isLate } from '../../components/alarms/alarm-facts';
import { Fact } from '../../components/DetailParts';

type LogEntry = Alarm['log'][number];

const STEP_LOOK: Readonly<Record<string, { color: string; icon: ReactNode; actor: boolean }>> = {
  fired: { color: 'red', icon: <IconAlarm size={13} />, actor: false },
  escalated: { color: 'red', icon: <IconArrowUp size={13} />, actor: false },
  repeated: { color: 'orange', icon: <IconRepeat size={13} />, actor: false },
  snooze_ended: { color: 'orange', icon: <IconAlarm size={13} />, actor: false },
  acknowledged: { color: 'green', icon: <IconCheck size={13} />, actor: true },
  snoozed: { color: 'yellow', icon: <IconAlarmSnooze size={13} />, actor: true },
  resolved: { color: 'teal', icon: <IconCheck size={13} />, actor: false },
  superseded: { color: 'gray', icon: <IconCircleX size={13} />, actor: false },
  rescheduled: { color: 'blue', icon: <IconCalendarEvent size={13} />, actor: false },
};
const FALLBACK = { color: 'gray', icon: <IconAlarm size={13} />, actor: false };

function stepLabel(step: string): string {
  return step in STEP_LOOK ? t(`alarms.step.${step}` as MessageKey) : step;
}

function Entry({ entry, timeZone }: { entry: LogEntry; timeZone: string }) {
  const look = STEP_LOOK[entry.step] ?? FALLBACK;
  const names = entry.users.filter(Boolean).join(t('alarms.marker.separator'));
  const note = alarmLogNoteText(entry);
  return (
    <Stack gap={0}>
      {names && (
        <Text size="sm">{look.actor ? t('alarms.board.logBy', { names }) : t('alarms.board.logTo', { names })}</Text>
      )}
      {note && (
        <Text size="sm" c="dimmed">
          {note}
        </Text>
      )}
      <Text size="xs" c="dimmed" mt={2}>
        {formatDateTime(entry.at, timeZone)}
      </Text>
    </Stack>
  );
}

export function AlarmLog({ alarm, timeZone }: { alarm: Alarm; timeZone: string }) {
  const periodEnd = `${formatDateTime(alarm.dueAt - 1, timeZone).slice(0, 10)} 24:00`;
  return (
    <Stack gap="sm" py="xs" px="sm" data-testid={`alarm-log-${alarm.id}`}>
      {alarm.noOneOnDuty && (
        <Alert color="red" variant="light" icon={<IconUserExclamation size={18} />} py={8}>
          {t('alarms.marker.noOneOnDuty')}
        </Alert>
      )}
      <SimpleGrid cols={2} spacing="xl">
        <Stack gap="xs">
          <Title order={6}>{t('alarms.board.logTitle')}</Title>
          {alarm.log.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('alarms.board.logEmpty')}
            </Text>
          ) : (
            <Timeline bulletSize={22} lineWidth={2} active={alarm.log.length - 1}>
              {alarm.log.map((entry, i) => {
                const look = STEP_LOOK[entry.step] ?? FALLBACK;
                return (
                  <Timeline.Item key={i} color={look.color} bullet={look.icon} title={stepLabel(entry.step)} lh={1.3}>
                    <Entry entry={entry} timeZone={timeZone} />
                  </Timeline.Item>
                );
              })}
            </Timeline>
          )}
        </Stack>
        <Stack gap={6}>
          <Title order={6}>{alarm.subjectSummary || alarm.subjectNumber}</Title>
          <Fact label={t('alarms.log.kind')}>{enumLabel('deadlineKind', alarm.deadlineKind)}</Fact>
          <Fact label={t('alarms.log.due')}>{periodEnd}</Fact>
          {/* The due alarm's time is the period's end: say it the same way, not as the next day's 00:00. */}
          <Fact label={t('alarms.log.planned')}>{alarm.kind === 'due' && alarm.fireAt === alarm.dueAt ? periodEnd : formatDateTime(alarm.fireAt, timeZone)}</Fact>
          {alarm.firedAt !== null && <Fact label={t('alarms.log.fired')}>{formatDateTime(alarm.firedAt, timeZone)}</Fact>}
          {isLate(alarm) && <Fact label={t('alarms.log.late')}>{durationLabel(alarm.lateMs)}</Fact>}
        </Stack>
      </SimpleGrid>
    </Stack>
  );
}
