/** The report's history: every step (who, when, what) with its details named as people read them. */
import type { ReactNode } from 'react';
import { Group, Text, Timeline } from '@mantine/core';
import { IconArrowForwardUp, IconChecklist, IconFileText, IconFlag, IconGavel, IconLink, IconMessagePlus, IconSearch } from '@tabler/icons-react';
import type { ReportDetail } from '../../../../shared/api';
import { t, enumLabel } from '../../../../shared/i18n';
import { formatDateTime } from '../../../../shared/time';
import { ReportStatusBadge } from './ReportBadges';
import { durationLabel, limitAtLabel } from './report-format';
import { TimelineLine, TimelineStepBody } from '../TimelineLines';
import { ChangesTable, stepChanges } from '../approvals/ApprovalCard';

type Step = ReportDetail['steps'][number];

const ICON = 13;

function stepIcon(action: string): ReactNode {
  switch (action) {
    case 'follow_up':
      return <IconMessagePlus size={ICON} />;
    case 'verify':
      return <IconSearch size={ICON} />;
    case 'analyse':
      return <IconChecklist size={ICON} />;
    case 'approve':
      return <IconGavel size={ICON} />;
    case 'forward':
      return <IconArrowForwardUp size={ICON} />;
    case 'flag':
      return <IconFlag size={ICON} />;
    case 'link':
      return <IconLink size={ICON} />;
    default:
      return <IconFileText size={ICON} />;
  }
}

function detailLines(step: Step, timeZone: string, petitionNumber: string | null): { label: string; value: string }[] {
  const d = step.details;
  const lines: { label: string; value: string }[] = [];
  const push = (label: string, value: string) => lines.push({ label, value });
  if (typeof d.severity === 'string') push(t('reports.steps.severity'), enumLabel('reportSeverity', d.severity));
  if (typeof d.limitAt === 'number') push(t('reports.steps.limitAt'), limitAtLabel(d.limitAt, timeZone));
  if (typeof d.lateMs === 'number') push(t('reports.steps.lateMs'), d.lateMs > 0 ? t('reports.steps.lateBy', { duration: durationLabel(d.lateMs) }) : t('reports.steps.onTime'));
  if (typeof d.verification === 'string') push(t('reports.steps.verification'), d.verification);
  if (typeof d.nature === 'string') push(t('reports.steps.nature'), d.nature);
  if (typeof d.urgency === 'string') push(t('reports.steps.urgency'), d.urgency);
  if (typeof d.approver === 'string') push(t('reports.steps.approver'), d.approver);
  if (typeof d.forwardTo === 'string') push(t('reports.steps.forwardTo'), d.forwardTo);
  if (step.action === 'flag') push(t('reports.steps.flag'), typeof d.flag === 'string' ? d.flag : t('reports.steps.flagRemoved'));
  if (step.action === 'link') {
    const linked = typeof d.petitionId === 'number';
    push(t('reports.steps.petitionId'), linked ? (petitionNumber ?? `#${String(d.petitionId)}`) : t('reports.steps.petitionRemoved'));
  }
  return lines;
}

export function ReportTimeline({ report, timeZone }: { report: ReportDetail; timeZone: string }) {
  const petitionNumber = report.petition?.number ?? null;
  return (
    <Timeline active={report.steps.length - 1} bulletSize={22} lineWidth={2} data-testid="report-timeline">
      {report.steps.map((s) => (
        <Timeline.Item
          key={s.id}
          bullet={stepIcon(s.action)}
          color={s.action === 'flag' ? 'grape' : undefined}
          data-testid="report-step"
          title={
            <Group gap="xs">
              <Text fw={600} size="sm">
                {enumLabel('reportAction', s.action)}
              </Text>
              <ReportStatusBadge status={s.toStatus} size="xs" />
            </Group>
          }
        >
          <TimelineStepBody byLine={t('reports.detail.stepBy', { user: s.userName, at: formatDateTime(s.at, timeZone) })} lines={detailLines(s, timeZone, petitionNumber)}>
            {s.note && <TimelineLine label={t('reports.steps.note')}>{s.note}</TimelineLine>}
            {s.action === 'correct' && <ChangesTable changes={stepChanges(s.action, s.details)} />}
          </TimelineStepBody>
        </Timeline.Item>
      ))}
    </Timeline>
  );
}
