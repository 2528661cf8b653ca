/**
 * '#/warnings/:id': one warning. The header gives its level, number, matter and the live countdown to
 * feedback (and to the supervision deadline when 督办 is running); the buttons are the steps the core
 * allows now (feedback, supervision once feedback is late, level change, lifting) and "起草文书", which opens
 * the warning notice or the supervision notice draft. Left: the matter and the full history; right: the
 * deadlines, who is responsible, the resolution steps and the linked petitions and reports.
 */
import { useState, type ReactNode } from 'react';
import { Alert, Badge, Button, Grid, Group, List, Menu, Stack, Text, Title } from '@mantine/core';
import { IconChevronDown, IconFileText } from '@tabler/icons-react';
import type { WarningDetail } from '../../../../shared/api';
import type { WarningAction } from '../../../../shared/enums';
import { t, enumLabel, type MessageKey } from '../../../../shared/i18n';
import { formatDateTime } from '../../../../shared/time';
import { shownNumber } from '../../../../shared/township';
import { useOfficeTimeZone } from '../../platform/clock';
import { AnchorLink, useNavigate } from '../../platform/links';
import { useSession } from '../../platform/session';
import { useApiQuery } from '../../platform/query';
import { StatusBadge } from '../../components/petitions/StatusBadge';
import { LevelBadge } from '../../components/warnings/LevelBadge';
import { WarningActionModal } from '../../components/warnings/WarningActionModal';
import { WarningCountdown } from '../../components/warnings/WarningCountdown';
import { WarningDeadlines } from '../../components/warnings/WarningDeadlines';
import { WarningTimeline } from '../../components/warnings/WarningTimeline';
import { QueryPending } from '../../components/QueryPending';
import { Fact, Section } from '../../components/DetailParts';
import { BackLink } from '../../components/layout/BackLink';

const ACTION_STYLE: Readonly<Record<WarningAction, { variant: string; color?: string }>> = {
  feedback: { variant: 'filled' },
  supervise: { variant: 'filled', color: 'orange' },
  change_level: { variant: 'light', color: 'grape' },
  lift: { variant: 'light', color: 'green' },
};

function DraftMenu({ warning }: { warning: WarningDetail }) {
  const navigate = useNavigate();
  const supervised = warning.history.some((e) => e.kind === 'supervise');
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button variant="default" leftSection={<IconFileText size={16} />} rightSection={<IconChevronDown size={14} />}>
          {t('warnings.detail.draft')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item onClick={() => void navigate({ to: '/notices/new', search: { kind: 'warning_notice', warning: warning.id } })}>
          {t('warnings.detail.draftWarningNotice')}
        </Menu.Item>
        <Menu.Item
          onClick={() => void navigate({ to: '/notices/new', search: { kind: 'supervision_notice', warning: warning.id } })}
          rightSection={supervised ? undefined : <Text size="xs" c="dimmed">{t('warnings.detail.notSupervisedYet')}</Text>}>
          {t('warnings.detail.draftSupervisionNotice')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}

function Header({ warning, timeZone }: { warning: WarningDetail; timeZone: string }) {
  const lifted = warning.status === 'lifted';
  return (
    <Stack gap={4}>
      <BackLink to={{ to: '/warnings' }}>{t('warnings.detail.back')}</BackLink>
      <Group gap="sm" align="center">
        <LevelBadge level={warning.level} size="xl" />
        <Title order={3} data-testid="warning-number">
          {shownNumber(warning)}
        </Title>
        <Badge color={lifted ? 'gray' : 'red'} variant="light" radius="sm" size="lg" data-testid="warning-status">
          {enumLabel('warningStatus', warning.status)}
        </Badge>
        {warning.feedbackDueAt !== null && <WarningCountdown dueAt={warning.feedbackDueAt} label={t('warnings.countdown.feedback')} size="lg" />}
        {warning.supervisedUntil !== null && (
          <>
            <Badge color="red" variant="outline" radius="sm" size="lg" tt="none" data-testid="supervised-marker">
              {t('warnings.board.supervised')}
            </Badge>
            <WarningCountdown dueAt={warning.supervisedUntil} label={t('warnings.countdown.supervision')} size="lg" />
          </>
        )}
      </Group>
      <Text size="lg" fw={500} data-testid="warning-title">
        {warning.title}
      </Text>
      <Text size="sm" c="dimmed">
        {[
          warning.unitName,
          t('warnings.board.people', { count: warning.peopleCount }),
          t('warnings.detail.issuedBy', { user: warning.issuedByName, at: formatDateTime(warning.issuedAt, timeZone) }),
        ].join(' · ')}
      </Text>
    </Stack>
  );
}

export function WarningDetailPage({ id }: { id: number }) {
  const session = useSession();
  const tz = useOfficeTimeZone();
  const settings = useApiQuery('warnings.settings.get', {});
  const query = useApiQuery('warnings.get', { id });
  const [action, setAction] = useState<WarningAction | null>(null);
  const canWrite = session.may('warnings.feedback.create');

  const warning = query.data;
  if (!warning) return <QueryPending error={query.error} message={(message) => t('warnings.detail.loadFailed', { message })} />;

  const lifted = warning.status === 'lifted';
  let toolbar: ReactNode;
  if (!canWrite) {
    toolbar = (
      <Text size="sm" c="dimmed">
        {t('warnings.detail.readOnly')}
      </Text>
    );
  } else if (warning.allowedActions.length === 0) {
    toolbar = (
      <Text size="sm" c="dimmed">
        {t('warnings.detail.noActions')}
      </Text>
    );
  } else {
    toolbar = warning.allowedActions.map((a) => (
      <Button key={a} size="sm" {...ACTION_STYLE[a]} onClick={() => setAction(a)}>
        {enumLabel('warningAction', a)}
      </Button>
    ));
  }

  return (
    <Stack gap="sm">
      <Header warning={warning} timeZone={tz} />
      <Group justify="space-between">
        <Group gap="xs" role="toolbar" aria-label={t('warnings.detail.actionsLabel')}>
          {toolbar}
        </Group>
        <DraftMenu warning={warning} />
      </Group>
      {warning.overdue && !lifted && (
        <Alert color="red" variant="light" py="xs" data-testid="overdue-alert">
          {warning.allowedActions.includes('supervise') && warning.supervisedUntil === null ? t('warnings.detail.overdueSupervise') : t('warnings.detail.overdue')}
        </Alert>
      )}
      {lifted && (
        <Alert color="green" variant="light" py="xs" data-testid="lifted-alert" title={t('warnings.detail.liftedTitle', { at: warning.liftedAt !== null ? formatDateTime(warning.liftedAt, tz) : '' })}>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {t('warnings.detail.liftedOutcome', { outcome: warning.liftOutcome, approver: warning.liftApprovedByName ?? '' })}
          </Text>
        </Alert>
      )}
      <Grid gap="sm" align="flex-start">
        <Grid.Col span={7.5}>
          <Stack gap="sm">
            <Section title={t('warnings.detail.matterSection')}>
              <Stack gap={6}>
                <Fact label={t('warnings.detail.place')}>{warning.unitName}</Fact>
                <Fact label={t('warnings.issue.peopleCount')}>{t('warnings.board.people', { count: warning.peopleCount })}</Fact>
                <Fact label={t('warnings.issue.escalation')}>{t(`warnings.escalation.${warning.escalation}` as MessageKey)}</Fact>
                <Fact label={t('warnings.detail.collectiveEvent')}>{warning.collectiveEventHappened ? t('warnings.detail.happened') : t('warnings.detail.notHappened')}</Fact>
                {warning.urgent && <Fact label={t('warnings.detail.urgent')}>{t('common.yes')}</Fact>}
                <Fact label={t('warnings.detail.grievance')}>{warning.grievance}</Fact>
                <Fact label={t('warnings.detail.suggested')}>
                  <Group gap={6} wrap="nowrap">
                    <LevelBadge level={warning.suggestedLevel} size="sm" />
                    <Text size="sm">{warning.suggestedRuleDescription}</Text>
                  </Group>
                </Fact>
                {warning.overrideReason && <Fact label={t('warnings.detail.overrideReason')}>{warning.overrideReason}</Fact>}
              </Stack>
            </Section>
            <Section title={t('warnings.detail.historySection')} testId="history-section">
              <WarningTimeline warning={warning} timeZone={tz} />
            </Section>
          </Stack>
        </Grid.Col>
        <Grid.Col span={4.5}>
          <Stack gap="sm">
            <Section title={t('warnings.detail.deadlinesSection')} testId="deadlines-section">
              <WarningDeadlines deadlines={warning.deadlines} />
            </Section>
            <Section title={t('warnings.detail.resolutionSection')}>
              <Stack gap={6}>
                <Fact label={t('warnings.issue.responsibleUnit')}>{warning.responsibleUnitName}</Fact>
                <Fact label={t('warnings.issue.leadLeader')}>{warning.leadLeaderName}</Fact>
                <Text size="sm" c="dimmed">
                  {t('warnings.issue.steps')}
                </Text>
                <List type="ordered" size="sm" spacing={2}>
                  {warning.resolutionSteps.map((s, i) => (
                    <List.Item key={i}>{s}</List.Item>
                  ))}
                </List>
              </Stack>
            </Section>
            <Section title={t('warnings.detail.linksSection')} testId="links-section">
              {warning.reports.length === 0 && warning.petitions.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t('warnings.detail.noLinks')}
                </Text>
              ) : (
                <Stack gap={6}>
                  {warning.reports.map((r) => (
                    <Group key={`r${r.id}`} gap="xs" wrap="nowrap">
                      <Badge size="xs" variant="light" color="cyan" radius="sm" style={{ flexShrink: 0 }}>
                        {enumLabel('warningLinkType', 'report')}
                      </Badge>
                      <AnchorLink to="/reports/$id" params={{ id: r.id }} size="sm" style={{ whiteSpace: 'nowrap' }}>
                        {r.number}
                      </AnchorLink>
                      <Text size="sm" truncate>
                        {r.summary}
                      </Text>
                    </Group>
                  ))}
                  {warning.petitions.map((p) => (
                    <Group key={`p${p.id}`} gap="xs" wrap="nowrap">
                      <Badge size="xs" variant="light" color="indigo" radius="sm" style={{ flexShrink: 0 }}>
                        {enumLabel('warningLinkType', 'petition')}
                      </Badge>
                      <AnchorLink to="/petitions/$id" params={{ id: p.id }} size="sm" style={{ whiteSpace: 'nowrap' }}>
                        {p.number}
                      </AnchorLink>
                      <Text size="sm" truncate>
                        {p.summary}
                      </Text>
                      <StatusBadge status={p.status} size="xs" style={{ flexShrink: 0 }} />
                    </Group>
                  ))}
                </Stack>
              )}
            </Section>
          </Stack>
        </Grid.Col>
      </Grid>
      {action && (
        <WarningActionModal
          key={action}
          warning={warning}
          action={action}
          supervisionHours={settings.data?.supervisionHours ?? 24}
          onClose={() => setAction(null)}
          onDone={() => setAction(null)}
        />
      )}
    </Stack>
  );
}
