/**
 * A warning's full history in time order: issued (level, suggested level and rule, feedback deadline),
 * feedback from the unit (late or not), supervision notices (督办) with their deadlines, level changes with
 * their reasons, links, and lifting with the outcome and the approving leader.
 */
import { Group, Stack, Text, Timeline } from '@mantine/core';
import { IconAlertTriangle, IconArrowsUpDown, IconBellRinging, IconCircleCheck, IconLink, IconLinkOff, IconMessageReply } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import type { WarningDetail, WarningEvent } from '../../../../shared/api';
import type { WarningEventKind } from '../../../../shared/enums';
import { t, enumLabel } from '../../../../shared/i18n';
import { formatDateTime } from '../../../../shared/time';
import { LevelBadge } from './LevelBadge';
import { TimelineLine } from '../TimelineLines';

const ICON = 13;

const ICONS: Readonly<Record<WarningEventKind, ReactNode>> = {
  issue: <IconAlertTriangle size={ICON} />,
  feedback: <IconMessageReply size={ICON} />,
  supervise: <IconBellRinging size={ICON} />,
  change_level: <IconArrowsUpDown size={ICON} />,
  lift: <IconCircleCheck size={ICON} />,
  link: <IconLink size={ICON} />,
  unlink: <IconLinkOff size={ICON} />,
};

const COLORS: Readonly<Record<WarningEventKind, string>> = {
  issue: 'red',
  feedback: 'teal',
  supervise: 'orange',
  change_level: 'grape',
  lift: 'green',
  link: 'gray',
  unlink: 'gray',
};

function EventBody({ event, warning, timeZone }: { event: WarningEvent; warning: WarningDetail; timeZone: string }) {
  const due = event.dueAt !== null ? formatDateTime(event.dueAt, timeZone) : null;
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed">
        {t('warnings.timeline.by', { user: event.userName, at: formatDateTime(event.at, timeZone) })}
      </Text>
      {event.kind === 'issue' && (
        <>
          <TimelineLine label={t('warnings.timeline.suggested')}>
            {t('warnings.timeline.suggestedValue', { level: enumLabel('warningLevel', warning.suggestedLevel), rule: warning.suggestedRuleDescription })}
          </TimelineLine>
          {event.note && <TimelineLine label={t('warnings.timeline.overrideReason')}>{event.note}</TimelineLine>}
        </>
      )}
      {event.kind === 'feedback' && (
        <>
          {event.source && <TimelineLine label={t('warnings.timeline.source')}>{event.source}</TimelineLine>}
          <TimelineLine label={t('warnings.timeline.feedback')}>{event.note}</TimelineLine>
        </>
      )}
      {event.kind === 'supervise' && <TimelineLine label={t('warnings.timeline.supervisionNote')}>{event.note}</TimelineLine>}
      {event.kind === 'change_level' && <TimelineLine label={t('warnings.timeline.reason')}>{event.note}</TimelineLine>}
      {event.kind === 'lift' && (
        <>
          <TimelineLine label={t('warnings.timeline.outcome')}>{event.note}</TimelineLine>
          {event.approverName && <TimelineLine label={t('warnings.timeline.approver')}>{event.approverName}</TimelineLine>}
        </>
      )}
      {due && event.kind === 'supervise' && <TimelineLine label={t('warnings.timeline.supervisionDue')}>{due}</TimelineLine>}
      {due && (event.kind === 'issue' || event.kind === 'change_level') && <TimelineLine label={t('warnings.timeline.feedbackDue')}>{due}</TimelineLine>}
    </Stack>
  );
}

export function WarningTimeline({ warning, timeZone }: { warning: WarningDetail; timeZone: string }) {
  return (
    <Timeline active={warning.history.length - 1} bulletSize={22} lineWidth={2} data-testid="warning-timeline">
      {warning.history.map((e) => (
        <Timeline.Item
          key={e.id}
          bullet={ICONS[e.kind]}
          color={COLORS[e.kind]}
          data-testid="timeline-event"
          data-kind={e.kind}
          title={
            <Group gap="xs">
              <Text fw={600} size="sm">
                {enumLabel('warningEvent', e.kind)}
              </Text>
              {e.fromLevel && e.toLevel && (
                <>
                  <LevelBadge level={e.fromLevel} size="xs" />
                  <Text size="xs">→</Text>
                </>
              )}
              {e.toLevel && <LevelBadge level={e.toLevel} size="xs" />}
            </Group>
          }
        >
          <EventBody event={e} warning={warning} timeZone={timeZone} />
        </Timeline.Item>
      ))}
    </Timeline>
  );
}
