/**
 * The petition's history: every workflow step (who, when, what, the note and the step's details) and every
 * mediation entry, in time order.
 */
import { Badge, Group, Text, Timeline } from '@mantine/core';
import {
  IconArrowForwardUp,
  IconBan,
  IconEdit,
  IconCalendarPlus,
  IconCheck,
  IconFileText,
  IconFlag,
  IconHandStop,
  IconMessageReply,
  IconPencil,
  IconPlayerPlay,
  IconUsersGroup,
  IconX,
} from '@tabler/icons-react';
import type { ReactNode } from 'react';
import type { PetitionDetail, Step } from '../../../../shared/api';
import { t, enumLabel, type MessageKey } from '../../../../shared/i18n';
import { formatDateTime } from '../../../../shared/time';
import { StatusBadge } from './StatusBadge';
import { TimelineLine, TimelineStepBody } from '../TimelineLines';
import { ChangesTable, stepChanges } from '../approvals/ApprovalCard';

type Mediation = PetitionDetail['mediations'][number];

type Entry = { readonly at: number; readonly order: number } & ({ readonly kind: 'step'; readonly step: Step } | { readonly kind: 'mediation'; readonly mediation: Mediation });

const ICON_SIZE = 13;

function stepIcon(action: string): ReactNode {
  switch (action) {
    case 'register':
      return <IconPencil size={ICON_SIZE} />;
    case 'forward':
    case 'assign':
      return <IconArrowForwardUp size={ICON_SIZE} />;
    case 'accept':
      return <IconCheck size={ICON_SIZE} />;
    case 'reject':
    case 'withdraw':
      return <IconX size={ICON_SIZE} />;
    case 'start_handling':
      return <IconPlayerPlay size={ICON_SIZE} />;
    case 'extend':
      return <IconCalendarPlus size={ICON_SIZE} />;
    case 'reply':
    case 'review':
    case 'rereview':
      return <IconMessageReply size={ICON_SIZE} />;
    case 'request_review':
    case 'request_rereview':
      return <IconHandStop size={ICON_SIZE} />;
    case 'close':
      return <IconFlag size={ICON_SIZE} />;
    case 'correct':
      return <IconEdit size={ICON_SIZE} />;
    case 'void':
      return <IconBan size={ICON_SIZE} />;
    default:
      return <IconFileText size={ICON_SIZE} />;
  }
}

const DETAIL_ORDER = ['channel', 'peopleCount', 'targetBody', 'unit', 'leader', 'days', 'approver', 'decision', 'basis', 'noticeOnTheSpot'] as const;

/** The step's details as label/value pairs, in a fixed order and with enum values named. */
function detailLines(details: Step['details']): { label: string; value: string }[] {
  const lines: { label: string; value: string }[] = [];
  for (const key of DETAIL_ORDER) {
    const raw = details[key];
    if (raw === undefined || raw === null || raw === '') continue;
    if (key === 'noticeOnTheSpot') {
      if (raw === 1) lines.push({ label: t('petitions.details.noticeOnTheSpot'), value: t('petitions.details.noticeGiven') });
      continue;
    }
    let value = String(raw);
    if (key === 'channel') value = enumLabel('channel', value);
    if (key === 'peopleCount') value = t('petitions.peopleCount', { count: value });
    if (key === 'days') value = t('petitions.details.daysValue', { days: value });
    lines.push({ label: t(`petitions.details.${key}` as MessageKey), value });
  }
  return lines;
}

function StepBody({ step, timeZone }: { step: Step; timeZone: string }) {
  const changes = stepChanges(step.action, step.details);
  return (
    <TimelineStepBody byLine={t('petitions.detail.stepBy', { user: step.userName, at: formatDateTime(step.at, timeZone) })} lines={detailLines(step.details)}>
      {step.note && <TimelineLine label={t(step.action === 'correct' ? 'approvals.correction.reason' : step.action === 'void' ? 'approvals.void.reason' : 'petitions.details.note')}>{step.note}</TimelineLine>}
      {changes.length > 0 && <ChangesTable changes={changes} />}
    </TimelineStepBody>
  );
}

export function PetitionTimeline({ petition, timeZone }: { petition: PetitionDetail; timeZone: string }) {
  const entries: Entry[] = [
    ...petition.steps.map((step, i) => ({ kind: 'step' as const, step, at: step.at, order: i })),
    ...petition.mediations.map((mediation, i) => ({ kind: 'mediation' as const, mediation, at: mediation.at, order: 10_000 + i })),
  ].sort((a, b) => a.at - b.at || a.order - b.order);

  return (
    <Timeline active={entries.length - 1} bulletSize={22} lineWidth={2} data-testid="petition-timeline">
      {entries.map((e) =>
        e.kind === 'step' ? (
          <Timeline.Item
            key={`s${e.step.id}`}
            bullet={stepIcon(e.step.action)}
            data-testid="timeline-step"
            title={
              <Group gap="xs">
                <Text fw={600} size="sm">
                  {enumLabel('action', e.step.action)}
                </Text>
                <StatusBadge status={e.step.toStatus} size="xs" />
              </Group>
            }
          >
            <StepBody step={e.step} timeZone={timeZone} />
          </Timeline.Item>
        ) : (
          <Timeline.Item
            key={`m${e.mediation.id}`}
            bullet={<IconUsersGroup size={ICON_SIZE} />}
            color="teal"
            data-testid="timeline-mediation"
            title={
              <Group gap="xs">
                <Text fw={600} size="sm">
                  {enumLabel('mediationKind', e.mediation.kind)}
                </Text>
                <Badge size="xs" variant="light" color="teal" radius="sm">
                  {enumLabel('mediationOutcome', e.mediation.outcome)}
                </Badge>
              </Group>
            }
          >
            <Text size="xs" c="dimmed">
              {t('petitions.detail.stepBy', { user: e.mediation.userName, at: formatDateTime(e.mediation.at, timeZone) })}
            </Text>
            {e.mediation.note && (
              <Text size="sm" mt={2} style={{ whiteSpace: 'pre-wrap' }}>
                {e.mediation.note}
              </Text>
            )}
          </Timeline.Item>
        ),
      )}
    </Timeline>
  );
}
