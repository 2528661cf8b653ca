/**
 * '#/reports/:id': one information report. The header names it with its severity, status and timeliness; the
 * toolbar offers exactly the steps the workflow allows now (审核 only to a leader), a follow-up, links and
 * marks, and 发布预警. The left column holds the event and its history; the right the time limit, the chain
 * of first report and follow-ups, and what it is linked to.
 */
import { useState } from 'react';
import { Alert, Badge, Button, Grid, Group, Stack, Text, Title, Tooltip } from '@mantine/core';
import { IconAlertTriangle, IconArrowBackUp, IconEdit, IconFlag, IconLink, IconMessagePlus, IconFileText } from '@tabler/icons-react';
import type { ReportDetail } from '../../../../shared/api';
import type { ReportAction } from '../../../../shared/enums';
import { t, enumLabel } from '../../../../shared/i18n';
import { formatDateTime } from '../../../../shared/time';
import { shownNumber } from '../../../../shared/township';
import { useOfficeTimeZone } from '../../platform/clock';
import { AnchorLink, useNavigate } from '../../platform/links';
import { useSession } from '../../platform/session';
import { useApiQuery } from '../../platform/query';
import { StatusBadge } from '../../components/petitions/StatusBadge';
import { FlagReportModal } from '../../components/reports/FlagReportModal';
import { LinkPetitionModal } from '../../components/reports/LinkPetitionModal';
import { ReportActionModal } from '../../components/reports/ReportActionModal';
import { ReportCorrectionModal } from '../../components/reports/ReportCorrectionModal';
import { SubjectApprovals } from '../../components/approvals/SubjectApprovals';
import { FlagBadge, LatenessBadge, ReportStatusBadge, SeverityBadge } from '../../components/reports/ReportBadges';
import { ReportTimeline } from '../../components/reports/ReportTimeline';
import { durationLabel, limitAtLabel } from '../../components/reports/report-format';
import { QueryPending } from '../../components/QueryPending';
import { Field, Fact, Section } from '../../components/DetailParts';
import { BackLink } from '../../components/layout/BackLink';

type Dialog = { kind: 'action'; action: ReportAction } | { kind: 'link' } | { kind: 'flag' } | { kind: 'correct' } | null;

const WARNING_COLORS = { red: 'red', yellow: 'yellow', blue: 'blue' } as const;

/** A step not taken yet reads "尚未", dimmed. */
const NOT_YET = { missing: t('reports.detail.notYet') } as const;

function Header({ report, timeZone }: { report: ReportDetail; timeZone: string }) {
  const facts = [
    report.unitName,
    enumLabel('reportType', report.type),
    report.place ? t('reports.detail.place', { place: report.place }) : null,
    report.peopleCount > 0 ? t('reports.detail.people', { count: report.peopleCount }) : null,
    `${t('reports.detail.reportedAt')} ${formatDateTime(report.reportedAt, timeZone)}`,
  ].filter((x): x is string => Boolean(x));
  return (
    <Stack gap={4}>
      <BackLink to={{ to: '/reports' }}>{t('reports.detail.back')}</BackLink>
      <Group gap="sm" align="center">
        <Title order={3} data-testid="report-number">
          {shownNumber(report)}
        </Title>
        <SeverityBadge severity={report.severity} size="lg" />
        <ReportStatusBadge status={report.status} size="lg" />
        <LatenessBadge lateMs={report.lateMs} size="lg" />
        {report.flag && <FlagBadge flag={report.flag} size="lg" />}
        {report.followSeq > 0 && (
          <Badge variant="outline" radius="sm" size="lg" color="gray">
            {t('reports.limit.followUp', { seq: report.followSeq })}
          </Badge>
        )}
      </Group>
      <Text size="lg" fw={500}>
        {report.summary}
      </Text>
      <Text size="sm" c="dimmed" data-testid="report-facts">
        {facts.join(' · ')}
      </Text>
    </Stack>
  );
}

export function ReportDetailPage({ id }: { id: number }) {
  const session = useSession();
  const tz = useOfficeTimeZone();
  const navigate = useNavigate();
  const query = useApiQuery('reports.get', { id });
  const [dialog, setDialog] = useState<Dialog>(null);
  const canWrite = session.may('reports.transition');
  // Approving is a step of 'reports.transition' the core leaves to a leader alone.
  const canApprove = session.holds('leader');
  const canReport = session.may('reports.create');

  const report = query.data;
  if (!report) return <QueryPending error={query.error} message={(message) => t('reports.detail.loadFailed', { message })} />;

  // The dialog's answer is the report as it now stands; the cache already holds it.
  const done = () => setDialog(null);

  const stepButtons = report.allowedActions.map((a) => {
    const button = (
      <Button key={a} size="sm" disabled={a === 'approve' && !canApprove} onClick={() => setDialog({ kind: 'action', action: a })}>
        {enumLabel('reportAction', a)}
      </Button>
    );
    if (a === 'approve' && !canApprove) {
      return (
        <Tooltip key={a} label={t('reports.detail.approveNeedsLeader')}>
          <span>{button}</span>
        </Tooltip>
      );
    }
    return button;
  });

  return (
    <Stack gap="sm">
      <Header report={report} timeZone={tz} />
      <Group gap="xs" role="toolbar" aria-label={t('reports.detail.actionsLabel')}>
        {canWrite ? stepButtons : null}
        {canWrite && report.allowedActions.length === 0 && (
          <Text size="sm" c="dimmed" mr="xs">
            {t('reports.detail.finished')}
          </Text>
        )}
        {canReport && (
          <Button size="sm" variant="light" leftSection={<IconMessagePlus size={16} />} onClick={() => void navigate({ to: '/reports/new', search: { follow: report.id } })}>
            {t('reports.detail.followUp')}
          </Button>
        )}
        {canWrite && report.correctable && (
          <Button size="sm" variant="default" leftSection={<IconEdit size={16} />} onClick={() => setDialog({ kind: 'correct' })}>
            {t('approvals.report.correct')}
          </Button>
        )}
        {canWrite && (
          <>
            <Button size="sm" variant="default" leftSection={<IconLink size={16} />} onClick={() => setDialog({ kind: 'link' })}>
              {t('reports.detail.linkPetition')}
            </Button>
            <Button size="sm" variant="default" leftSection={<IconFlag size={16} />} onClick={() => setDialog({ kind: 'flag' })}>
              {t('reports.detail.flag')}
            </Button>
            <Button size="sm" variant="light" color="red" leftSection={<IconAlertTriangle size={16} />} onClick={() => void navigate({ to: '/warnings/new', search: { report: report.id } })}>
              {t('reports.detail.raiseWarning')}
            </Button>
            <Button
              size="sm"
              variant="default"
              leftSection={<IconFileText size={16} />}
              onClick={() => void navigate({ to: '/notices/new', search: { kind: report.parentId === null ? 'info_report' : 'info_followup', report: report.id } })}
            >
              {t('reports.detail.draftNotice')}
            </Button>
          </>
        )}
        {!canWrite && !canReport && (
          <Text size="sm" c="dimmed">
            {t('reports.detail.readOnly')}
          </Text>
        )}
      </Group>
      {report.status === 'returned' && (
        <Alert color="orange" variant="light" icon={<IconArrowBackUp size={18} />} data-testid="returned-alert">
          {t('approvals.report.returnedBanner', { note: report.approvals.find((a) => a.status === 'returned')?.decisionNote ?? '' })}
        </Alert>
      )}
      {report.flag && (
        <Alert color="grape" variant="light" icon={<IconFlag size={18} />} title={t('reports.detail.flagTitle', { flag: enumLabel('reportFlag', report.flag) })} data-testid="flag-alert">
          {t('reports.detail.flagBy', { at: report.flaggedAt !== null ? formatDateTime(report.flaggedAt, tz) : '', note: report.flagNote })}
        </Alert>
      )}
      <Grid gap="sm" align="flex-start">
        <Grid.Col span={7.5}>
          <Stack gap="sm">
            <Section title={t('reports.detail.contentSection')}>
              <Stack gap="xs">
                <Field label={t('reports.detail.content')}>{report.content}</Field>
                <Field label={t('reports.detail.demands')}>
                  {report.demands || (
                    <Text span c="dimmed" size="sm">
                      {t('reports.detail.notFilled')}
                    </Text>
                  )}
                </Field>
              </Stack>
            </Section>
            <Section title={t('reports.detail.handlingSection')} testId="handling-section">
              <Stack gap={4}>
                <Fact {...NOT_YET} label={t('reports.detail.verification')} testId="fact-verification">
                  {report.verification ? enumLabel('verification', report.verification) : null}
                </Fact>
                {report.verificationNote && <Fact {...NOT_YET} label={t('reports.detail.verificationNote')}>{report.verificationNote}</Fact>}
                <Fact {...NOT_YET} label={t('reports.detail.nature')}>{report.nature || null}</Fact>
                <Fact {...NOT_YET} label={t('reports.detail.urgency')}>{report.urgency ? enumLabel('urgency', report.urgency) : null}</Fact>
                <Fact {...NOT_YET} label={t('reports.detail.opinion')}>{report.opinion || null}</Fact>
                <Fact {...NOT_YET} label={t('reports.detail.approval')} testId="fact-approval">
                  {report.approvedByName && report.approvedAt !== null ? t('reports.detail.approvedBy', { name: report.approvedByName, at: formatDateTime(report.approvedAt, tz) }) : null}
                </Fact>
                <Fact {...NOT_YET} label={t('reports.detail.forwardTo')}>
                  {report.forwardedAt !== null ? t('reports.detail.forwardedAt', { to: report.forwardTo, at: formatDateTime(report.forwardedAt, tz) }) : null}
                </Fact>
              </Stack>
            </Section>
            <Section title={t('reports.detail.timelineSection')} testId="timeline-section">
              <ReportTimeline report={report} timeZone={tz} />
            </Section>
          </Stack>
        </Grid.Col>
        <Grid.Col span={4.5}>
          <Stack gap="sm">
            <SubjectApprovals approvals={report.approvals} />
            <Section title={t('reports.detail.timeSection')} testId="time-section">
              <Stack gap={4}>
                <Fact label={t('reports.detail.foundAt')}>{formatDateTime(report.foundAt, tz)}</Fact>
                <Fact label={t('reports.detail.reportedAt')}>{formatDateTime(report.reportedAt, tz)}</Fact>
                <Fact label={t('reports.detail.limitAt')}>{limitAtLabel(report.limitAt, tz)}</Fact>
                <Fact label={t('reports.detail.elapsed')} testId="fact-elapsed">
                  {durationLabel(report.reportedAt - report.foundAt)}
                </Fact>
                <Fact label={t('reports.detail.timeliness')} testId="fact-timeliness">
                  <Text span size="sm" c={report.lateMs > 0 ? 'red' : 'green'} fw={600}>
                    {report.lateMs > 0 ? t('reports.detail.lateBy', { duration: durationLabel(report.lateMs) }) : t('reports.detail.onTime')}
                  </Text>
                </Fact>
              </Stack>
            </Section>
            <Section title={t('reports.detail.chainSection')} testId="chain-section">
              <Stack gap={6}>
                {report.chain.map((c) => (
                  <Group key={c.id} gap="xs" wrap="nowrap" data-testid="chain-item" align="flex-start">
                    <Badge variant={c.id === report.id ? 'filled' : 'light'} color="gray" radius="sm" w={64} style={{ flexShrink: 0 }}>
                      {c.followSeq === 0 ? t('reports.detail.chainFirst') : t('reports.detail.chainSeq', { seq: c.followSeq })}
                    </Badge>
                    <Stack gap={0} style={{ minWidth: 0 }}>
                      <Group gap={6} wrap="nowrap">
                        {c.id === report.id ? (
                          <Text size="sm" fw={600} style={{ whiteSpace: 'nowrap' }}>
                            {c.number}
                          </Text>
                        ) : (
                          <AnchorLink to="/reports/$id" params={{ id: c.id }} size="sm" style={{ whiteSpace: 'nowrap' }}>
                            {c.number}
                          </AnchorLink>
                        )}
                        <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                          {formatDateTime(c.reportedAt, tz)}
                        </Text>
                      </Group>
                      <Text size="sm" lineClamp={2}>
                        {c.summary}
                      </Text>
                    </Stack>
                  </Group>
                ))}
              </Stack>
            </Section>
            <Section title={t('reports.detail.linksSection')} testId="links-section">
              <Stack gap={6}>
                <Fact label={t('reports.detail.petition')} testId="fact-petition">
                  {report.petition ? (
                    <Group gap={6} wrap="nowrap">
                      <AnchorLink to="/petitions/$id" params={{ id: report.petition.id }} size="sm" style={{ whiteSpace: 'nowrap' }}>
                        {report.petition.number}
                      </AnchorLink>
                      <StatusBadge status={report.petition.status} size="xs" />
                    </Group>
                  ) : (
                    <Text span size="sm" c="dimmed">
                      {t('reports.detail.noPetition')}
                    </Text>
                  )}
                </Fact>
                <Fact label={t('reports.detail.warnings')}>
                  {report.warnings.length > 0 ? (
                    <Stack gap={2}>
                      {report.warnings.map((w) => (
                        <Group key={w.id} gap={6} wrap="nowrap">
                          <Badge size="xs" color={WARNING_COLORS[w.level]} radius="sm">
                            {enumLabel('warningLevel', w.level)}
                          </Badge>
                          <AnchorLink to="/warnings/$id" params={{ id: w.id }} size="sm" lineClamp={1}>
                            {w.number} {w.title}
                          </AnchorLink>
                        </Group>
                      ))}
                    </Stack>
                  ) : (
                    <Text span size="sm" c="dimmed">
                      {t('reports.detail.noWarnings')}
                    </Text>
                  )}
                </Fact>
              </Stack>
            </Section>
          </Stack>
        </Grid.Col>
      </Grid>
      {dialog?.kind === 'action' && <ReportActionModal key={dialog.action} report={report} action={dialog.action} onClose={() => setDialog(null)} onDone={done} />}
      {dialog?.kind === 'link' && <LinkPetitionModal report={report} onClose={() => setDialog(null)} onDone={done} />}
      {dialog?.kind === 'correct' && <ReportCorrectionModal report={report} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'flag' && <FlagReportModal report={report} onClose={() => setDialog(null)} onDone={done} />}
    </Stack>
  );
}
