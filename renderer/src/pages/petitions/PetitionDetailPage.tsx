/**
 * '#/petitions/:id': one petition. The header names it; the buttons are exactly the actions the core allows
 * now; the left column holds what the petitioner asked and who they are, and the history; the right column
 * the deadlines (with how each was computed), the handling facts, attachments and repeat links. The page
 * reloads whenever the core pushes 'petitions.changed' for it.
 */
import { useState, type ReactNode } from 'react';
import { Alert, Badge, Button, Grid, Group, Menu, Stack, Text, Title } from '@mantine/core';
import { IconBan, IconCopy, IconEdit, IconFileText, IconPrinter, IconScale } from '@tabler/icons-react';
import type { PetitionDetail } from '../../../../shared/api';
import type { PetitionAction } from '../../../../shared/enums';
import { t, enumLabel } from '../../../../shared/i18n';
import { formatDateTime } from '../../../../shared/time';
import { shownNumber } from '../../../../shared/township';
import { useOfficeTimeZone } from '../../platform/clock';
import { AnchorLink, useNavigate } from '../../platform/links';
import { useSession } from '../../platform/session';
import { useApiQuery } from '../../platform/query';
import { ActionModal } from '../../components/petitions/ActionModal';
import { CorrectionModal } from '../../components/petitions/CorrectionModal';
import { VoidModal } from '../../components/petitions/VoidModal';
import { SubjectApprovals } from '../../components/approvals/SubjectApprovals';
import { AttachmentsPanel } from '../../components/petitions/AttachmentsPanel';
import { DeadlinesPanel } from '../../components/petitions/DeadlinesPanel';
import { MediationModal } from '../../components/petitions/MediationModal';
import { PetitionersPanel } from '../../components/petitions/PetitionersPanel';
import { PetitionTimeline } from '../../components/petitions/PetitionTimeline';
import { StatusBadge } from '../../components/petitions/StatusBadge';
import { dateOf } from '../../components/petitions/petition-format';
import { usePetitionDirectory } from '../../components/petitions/use-directory';
import { SubjectNotices } from '../../components/notices/SubjectNotices';
import { QueryPending } from '../../components/QueryPending';
import { Field, Fact, Section } from '../../components/DetailParts';
import { BackLink } from '../../components/layout/BackLink';
import { PetitionFormModal } from '../../components/ledger/PetitionFormModal';

/** The steps that move a case forward look primary; refusing, closing and withdrawing do not. */
function buttonVariant(action: PetitionAction): { variant: string; color?: string } {
  if (action === 'withdraw') return { variant: 'subtle', color: 'red' };
  if (action === 'reject' || action === 'close') return { variant: 'default' };
  if (action === 'extend') return { variant: 'light', color: 'orange' };
  return { variant: 'filled' };
}

const HANDLING_STATUSES = new Set(['in_handling', 'extended']);

/** The notices drafted from a petition: the slip to the unit and the three letters to the petitioner. */
const PETITION_NOTICE_KINDS = ['assignment_slip', 'acceptance_notice', 'non_acceptance_notice', 'handling_opinion'] as const;

/** The handling facts: a step not taken yet reads "尚未", dimmed. */
const HANDLING = { labelWidth: 72, missing: t('petitions.detail.notYet') } as const;

function Header({ petition, timeZone }: { petition: PetitionDetail; timeZone: string }) {
  const facts = [
    enumLabel('category', petition.category),
    petition.topicName,
    petition.unitName,
    enumLabel('channel', petition.channel),
    t('petitions.detail.receivedAt', { at: formatDateTime(petition.receivedAt, timeZone) }),
    t('petitions.peopleCount', { count: petition.peopleCount }),
    petition.ledgerNumber ? t('ledger.register.ledgerNumber', { number: petition.ledgerNumber }) : null,
  ].filter((x): x is string => Boolean(x));
  return (
    <Stack gap={4}>
      <BackLink to={{ to: '/petitions' }}>{t('petitions.detail.back')}</BackLink>
      <Group gap="sm" align="center">
        <Title order={3} data-testid="petition-number">
          {shownNumber(petition)}
        </Title>
        <StatusBadge status={petition.status} size="lg" />
        {petition.repeatOfId !== null && (
          <Badge color="orange" variant="light" radius="sm" leftSection={<IconCopy size={12} />}>
            {t('petitions.list.repeatOf')}
          </Badge>
        )}
      </Group>
      <Text size="lg" fw={500}>
        {petition.summary}
      </Text>
      <Text size="sm" c="dimmed" data-testid="petition-facts">
        {facts.join(' · ')}
      </Text>
    </Stack>
  );
}

export function PetitionDetailPage({ id }: { id: number }) {
  const session = useSession();
  const tz = useOfficeTimeZone();
  const directory = usePetitionDirectory();
  const navigate = useNavigate();
  const query = useApiQuery('petitions.get', { id });
  const [action, setAction] = useState<PetitionAction | null>(null);
  const [mediating, setMediating] = useState(false);
  const [record, setRecord] = useState<'correct' | 'void' | null>(null);
  const [printing, setPrinting] = useState(false);
  const canWrite = session.may('petitions.transition');

  const petition = query.data;
  if (!petition) return <QueryPending error={query.error} message={(message) => t('petitions.detail.loadFailed', { message })} />;

  // The dialog's answer is the petition as it now stands; the cache already holds it.
  const done = () => {
    setAction(null);
    setMediating(false);
  };

  const handling = HANDLING_STATUSES.has(petition.status);
  let toolbar: ReactNode;
  if (!canWrite) {
    toolbar = (
      <Text size="sm" c="dimmed">
        {t('petitions.detail.readOnly')}
      </Text>
    );
  } else if (petition.allowedActions.length === 0) {
    toolbar = (
      <Text size="sm" c="dimmed">
        {t('petitions.detail.noActions')}
      </Text>
    );
  } else {
    toolbar = (
      <>
        {petition.allowedActions.map((a) => (
          <Button key={a} size="sm" {...buttonVariant(a)} onClick={() => setAction(a)}>
            {enumLabel('action', a)}
          </Button>
        ))}
        {handling && (
          <Button size="sm" variant="light" color="teal" leftSection={<IconScale size={16} />} onClick={() => setMediating(true)}>
            {t('petitions.detail.addMediation')}
          </Button>
        )}
      </>
    );
  }

  return (
    <Stack gap="sm">
      <Header petition={petition} timeZone={tz} />
      <Group gap="xs" role="toolbar" aria-label={t('petitions.detail.actionsLabel')}>
        {toolbar}
        {canWrite && petition.status !== 'voided' && (
          <>
            <Button size="sm" variant="default" leftSection={<IconEdit size={16} />} onClick={() => setRecord('correct')}>
              {t('approvals.correction.button')}
            </Button>
            {!petition.approvals.some((a) => a.kind === 'void' && a.status === 'pending') && (
              <Button size="sm" variant="subtle" color="red" leftSection={<IconBan size={16} />} onClick={() => setRecord('void')}>
                {t('approvals.void.button')}
              </Button>
            )}
          </>
        )}
        {canWrite && (
          <Menu position="bottom-start" withinPortal>
            <Menu.Target>
              <Button size="sm" variant="default" leftSection={<IconFileText size={16} />}>
                {t('notices.archive.newButton')}
              </Button>
            </Menu.Target>
            <Menu.Dropdown>
              {PETITION_NOTICE_KINDS.map((k) => (
                <Menu.Item key={k} onClick={() => void navigate({ to: '/notices/new', search: { kind: k, petition: petition.id } })}>
                  {t(`notices.kinds.${k}`)}
                </Menu.Item>
              ))}
            </Menu.Dropdown>
          </Menu>
        )}
        {session.may('ledger.form.print') && (
          <Button size="sm" variant="default" leftSection={<IconPrinter size={16} />} onClick={() => setPrinting(true)}>
            {t('ledger.form.button')}
          </Button>
        )}
      </Group>
      {petition.status === 'voided' && (
        <Alert color="dark" variant="light" py="xs" icon={<IconBan size={18} />} data-testid="voided-banner">
          {t('approvals.void.banner', { reason: petition.voidReason })}
        </Alert>
      )}
      {petition.repeatOfNumber !== null && petition.repeatOfId !== null && (
        <Alert color="orange" variant="light" py="xs" icon={<IconCopy size={18} />} data-testid="repeat-of">
          <AnchorLink to="/petitions/$id" params={{ id: petition.repeatOfId }} size="sm">
            {t('petitions.detail.repeatOf', { number: petition.repeatOfNumber })}
          </AnchorLink>
        </Alert>
      )}
      <Grid gap="sm" align="flex-start">
        <Grid.Col span={7.5}>
          <Stack gap="sm">
            <Section title={t('petitions.detail.contentSection')}>
              <Stack gap="xs">
                {petition.category === 'claim' && petition.claimItem !== null && (
                  <Field label={t('petitions.intake.claimItem')}>{enumLabel('claimItem', petition.claimItem)}</Field>
                )}
                <Field label={t('petitions.detail.request')}>{petition.request}</Field>
                <Field label={t('petitions.detail.factsReasons')}>
                  {petition.factsReasons || (
                    <Text span c="dimmed" size="sm">
                      {t('petitions.detail.notFilled')}
                    </Text>
                  )}
                </Field>
              </Stack>
            </Section>
            <Section title={t('petitions.detail.petitionersSection')}>
              <PetitionersPanel petitioners={petition.petitioners} canReveal={canWrite} />
            </Section>
            <Section title={t('petitions.detail.timelineSection')} testId="timeline-section">
              <PetitionTimeline petition={petition} timeZone={tz} />
            </Section>
          </Stack>
        </Grid.Col>
        <Grid.Col span={4.5}>
          <Stack gap="sm">
            <SubjectApprovals approvals={petition.approvals} />
            <Section title={t('petitions.detail.deadlinesSection')} testId="deadlines-section">
              <DeadlinesPanel deadlines={petition.deadlines} />
            </Section>
            <Section title={t('petitions.detail.handlingSection')}>
              <Stack gap={4}>
                <Fact {...HANDLING} label={t('petitions.detail.responsibleUnit')}>
                  {petition.responsibleUnitName}
                </Fact>
                <Fact {...HANDLING} label={t('petitions.detail.leadLeader')}>
                  {petition.leadLeaderName}
                </Fact>
                <Fact {...HANDLING} label={t('petitions.detail.decision')}>
                  {petition.decision ? enumLabel('decision', petition.decision) : null}
                </Fact>
                {petition.extendedDays > 0 && (
                  <Fact {...HANDLING} label={t('petitions.detail.extension')}>
                    {t('petitions.detail.extendedDays', { days: petition.extendedDays })}
                  </Fact>
                )}
              </Stack>
            </Section>
            <SubjectNotices subjectType="petition" subjectId={petition.id} />
            <Section title={t('petitions.detail.attachmentsSection')}>
              <AttachmentsPanel petitionId={petition.id} attachments={petition.attachments} canAdd={canWrite} />
            </Section>
            {petition.repeats.length > 0 && (
              <Section title={t('petitions.detail.repeatsSection')} testId="repeats-section">
                <Text size="xs" c="dimmed" mb={4}>
                  {t('petitions.detail.repeatsList')}
                </Text>
                <Stack gap={4}>
                  {petition.repeats.map((r) => (
                    <Group key={r.id} gap="xs" wrap="nowrap">
                      <AnchorLink to="/petitions/$id" params={{ id: r.id }} size="sm" style={{ whiteSpace: 'nowrap' }}>
                        {r.number}
                      </AnchorLink>
                      <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                        {dateOf(r.receivedAt, tz)}
                      </Text>
                      <Text size="sm" truncate>
                        {r.summary}
                      </Text>
                    </Group>
                  ))}
                </Stack>
              </Section>
            )}
          </Stack>
        </Grid.Col>
      </Grid>
      {action && <ActionModal key={action} petition={petition} action={action} directory={directory} onClose={() => setAction(null)} onDone={done} />}
      {record === 'correct' && <CorrectionModal petition={petition} directory={directory} onClose={() => setRecord(null)} />}
      {record === 'void' && <VoidModal petition={petition} onClose={() => setRecord(null)} />}
      {printing && <PetitionFormModal petitionId={petition.id} onClose={() => setPrinting(false)} />}
      {mediating && <MediationModal petition={petition} onClose={() => setMediating(false)} onDone={done} />}
    </Stack>
  );
}
