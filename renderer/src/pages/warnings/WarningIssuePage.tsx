/**
 * '#/warnings/new' (and '?report=<id>' or '?petition=<id>', which prefill the matter from an information
 * report or a petition and link it): issuing a warning. The level the rule table suggests is shown live with
 * the rule that matched; choosing another level needs a written reason. The form describes a matter: it has
 * no field for ID numbers, phones, anyone's movements, religion, ethnicity or belief (DOMAIN.md).
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import {
  Alert,
  Button,
  Card,
  Checkbox,
  Grid,
  Group,
  Loader,
  NumberInput,
  Radio,
  SegmentedControl,
  Select,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDebouncedValue } from '@mantine/hooks';
import { IconInfoCircle, IconLink, IconSend } from '@tabler/icons-react';
import { z } from 'zod';
import { warningIssueInputSchema, type WarningSuggestion } from '../../../../shared/api';
import { DEFAULT_RESOLUTION_STEPS, ESCALATIONS, WARNING_LEVELS, type Escalation, type WarningLevel } from '../../../../shared/enums';
import { t, enumLabel, type MessageKey } from '../../../../shared/i18n';
import { formatDateTime } from '../../../../shared/time';
import { useNow, useOfficeTimeZone } from '../../platform/clock';
import { AnchorLink, useNavigate } from '../../platform/links';
import { notifyError, notifySaved } from '../../platform/notify';
import { useApiMutation, useApiQuery } from '../../platform/query';
import { useSession } from '../../platform/session';
import { contractResolver, parsedInput } from '../../components/forms/contract-resolver';
import { applyErrors } from '../../components/forms/form-errors';
import { LimitedTextarea, LimitedTextInput } from '../../components/forms/LimitedText';
import { chosenId } from '../../components/forms/form-fields';
import { usePetitionDirectory } from '../../components/petitions/use-directory';
import { LevelBadge } from '../../components/warnings/LevelBadge';
import { StepsEditor } from '../../components/warnings/StepsEditor';
import { LEVEL_COLOR } from '../../components/warnings/warning-format';
import { Section } from '../../components/DetailParts';

interface IssueValues {
  title: string;
  unitId: string | null;
  peopleCount: number | string;
  grievance: string;
  escalation: Escalation | '';
  collectiveEventHappened: boolean;
  urgent: boolean;
  /** Null: the level the rules suggest. */
  level: WarningLevel | null;
  overrideReason: string;
  responsibleUnitId: string | null;
  leadLeaderId: string | null;
  steps: string[];
}

const HOUR_MS = 3_600_000;

const shape = warningIssueInputSchema.shape;

/**
 * The warning as the issuer fills it, checked with the contract's rules: choices as select values, the
 * resolution steps as typed (blank lines left out, at least one), and a written reason whenever the level
 * chosen is not the one the rules suggest.
 */
function issueSchema(suggested: WarningSuggestion | null) {
  return warningIssueInputSchema
    .pick({ title: true, grievance: true, escalation: true, collectiveEventHappened: true, urgent: true, overrideReason: true, peopleCount: true })
    .extend({
      unitId: chosenId,
      responsibleUnitId: chosenId,
      leadLeaderId: chosenId,
      level: z.enum(WARNING_LEVELS).nullable(),
      steps: z
        .array(z.string())
        .transform((steps) => steps.map((step) => step.trim()).filter(Boolean))
        .pipe(shape.resolutionSteps.unwrap().unwrap().min(1)),
    })
    .refine((v) => !suggested || v.level === null || v.level === suggested.level || v.overrideReason !== '', {
      path: ['overrideReason'],
      error: suggested ? t('errors.warnings.overrideReason', { suggested: enumLabel('warningLevel', suggested.level), rule: suggested.ruleDescription }) : '',
    });
}

/** What the warning is raised from: a report or a petition, loaded to prefill the form and shown as linked. */
function useSource(reportId: number | null, petitionId: number | null) {
  const report = useApiQuery('reports.get', reportId !== null ? { id: reportId } : null);
  const petition = useApiQuery('petitions.get', reportId === null && petitionId !== null ? { id: petitionId } : null);
  return { reportId, petitionId: reportId === null ? petitionId : null, report, petition };
}

/** `reportId` or `petitionId` (from '?report=' / '?petition=') prefill the matter and are linked. */
export function WarningIssuePage({ reportId, petitionId }: { reportId: number | null; petitionId: number | null }) {
  const session = useSession();
  const navigate = useNavigate();
  const tz = useOfficeTimeZone();
  const now = useNow(60_000);
  const directory = usePetitionDirectory();
  const settings = useApiQuery('warnings.settings.get', {});
  const source = useSource(reportId, petitionId);
  const [refusal, setRefusal] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const responsibleTouched = useRef(false);

  const form = useForm<IssueValues>({
    initialValues: {
      title: '',
      unitId: null,
      peopleCount: 1,
      grievance: '',
      escalation: '',
      collectiveEventHappened: false,
      urgent: false,
      level: null,
      overrideReason: '',
      responsibleUnitId: null,
      leadLeaderId: null,
      steps: [...DEFAULT_RESOLUTION_STEPS],
    },
    validate: (values) => resolver(values),
  });
  const v = form.values;

  // Prefill once from the report or petition the warning is raised from.
  const prefilled = useRef(false);
  useEffect(() => {
    if (prefilled.current) return;
    const r = source.report.data;
    const p = source.petition.data;
    if (r) {
      prefilled.current = true;
      const grievance = [r.content, r.demands ? t('warnings.issue.demandsPrefix', { demands: r.demands }) : ''].filter(Boolean).join('\n');
      form.setValues({ title: r.summary, unitId: String(r.unitId), responsibleUnitId: String(r.unitId), peopleCount: Math.max(1, r.peopleCount), grievance });
    } else if (p) {
      prefilled.current = true;
      const unit = p.unitId !== null ? String(p.unitId) : null;
      form.setValues({ title: p.summary, unitId: unit, responsibleUnitId: p.responsibleUnitId !== null ? String(p.responsibleUnitId) : unit, peopleCount: p.peopleCount, grievance: [p.request, p.factsReasons].filter(Boolean).join('\n') });
      if (p.leadLeaderId !== null) form.setFieldValue('leadLeaderId', String(p.leadLeaderId));
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [source.report.data, source.petition.data]);

  const people = Number(v.peopleCount);
  const [debouncedPeople] = useDebouncedValue(people, 250);
  const factsReady = v.escalation !== '' && Number.isInteger(debouncedPeople) && debouncedPeople >= 1 && debouncedPeople <= 100_000;
  const suggestion = useApiQuery(
    'warnings.suggestion.get',
    factsReady ? { peopleCount: debouncedPeople, escalation: v.escalation as Escalation, collectiveEventHappened: v.collectiveEventHappened, urgent: v.urgent } : null,
  );
  const suggested = factsReady ? (suggestion.data ?? null) : null;
  const level: WarningLevel | null = v.level ?? suggested?.level ?? null;
  const overriding = suggested !== null && v.level !== null && v.level !== suggested.level;
  const hours = level && settings.data ? settings.data.feedbackHours[level] : null;

  const schema = useMemo(() => issueSchema(suggested), [suggested]);
  const resolver = contractResolver(schema, {
    labels: { title: t('warnings.issue.title'), grievance: t('warnings.issue.grievance'), overrideReason: t('warnings.issue.overrideReason') },
    messages: {
      unitId: t('errors.warnings.placeRequired'),
      peopleCount: t('warnings.issue.peopleInvalid'),
      escalation: t('warnings.issue.escalationRequired'),
      responsibleUnitId: t('errors.warnings.unitRequired'),
      leadLeaderId: t('errors.warnings.leaderRequired'),
      steps: t('errors.warnings.stepsRequired'),
    },
  });

  const focusFirstError = () => requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());

  const issue = useApiMutation('warnings.issue', {
    onSuccess: (warning) => {
      notifySaved(t('warnings.issue.saved', { number: warning.number }));
      void navigate({ to: '/warnings/$id', params: { id: warning.id } });
    },
    onError: (error) => {
      applyErrors(form, error, { rename: { 'resolutionSteps.0': 'steps', resolutionSteps: 'steps' } });
      setRefusal(error.message);
      notifyError(error);
      focusFirstError();
    },
  });

  const submit = form.onSubmit(
    (values) => {
      if (issue.isPending) return;
      setRefusal(null);
      const input = parsedInput(schema, values);
      issue.mutate({
        title: input.title,
        unitId: input.unitId,
        peopleCount: input.peopleCount,
        grievance: input.grievance,
        escalation: input.escalation,
        collectiveEventHappened: input.collectiveEventHappened,
        urgent: input.urgent,
        level: overriding ? input.level : null,
        overrideReason: overriding ? input.overrideReason : '',
        responsibleUnitId: input.responsibleUnitId,
        leadLeaderId: input.leadLeaderId,
        resolutionSteps: input.steps,
        reportIds: source.reportId !== null ? [source.reportId] : [],
        petitionIds: source.petitionId !== null ? [source.petitionId] : [],
      });
    },
    (errors) => {
      setRefusal(null);
      notifyError({ message: String(Object.values(errors)[0] ?? t('errors.generic.invalidInput')) });
      focusFirstError();
    },
  );

  const sourceLoading = source.report.isFetching || source.petition.isFetching;
  const sourceError = source.report.error ?? source.petition.error;
  const levelData = WARNING_LEVELS.map((l) => ({
    value: l,
    label: suggested?.level === l ? t('warnings.issue.levelSuggested', { level: enumLabel('warningLevel', l) }) : enumLabel('warningLevel', l),
  }));

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Title order={3}>{t('warnings.issue.pageTitle')}</Title>
        <Text size="xs" c="dimmed">
          {t('warnings.issue.mattersOnly')}
        </Text>
      </Group>
      {sourceError && (
        <Alert color="red" variant="light">
          {t('warnings.issue.sourceFailed', { message: sourceError.message })}
        </Alert>
      )}
      {refusal && (
        <Alert color="red" variant="light" title={t('warnings.issue.refused')} role="alert">
          {refusal}
        </Alert>
      )}
      <Grid gap="md" align="flex-start">
        <Grid.Col span={8}>
          <form
            ref={formRef}
            noValidate
            onSubmit={submit}
          >
            <Stack gap="sm">
              <Section titleGap="xs" title={t('warnings.issue.matterSection')}>
                <Stack gap="xs">
                  <LimitedTextInput label={t('warnings.issue.title')} placeholder={t('warnings.issue.titlePlaceholder')} withAsterisk limit={200} {...form.getInputProps('title')} />
                  <Group grow gap="sm" align="flex-start">
                    <Select
                      label={t('warnings.issue.unit')}
                      placeholder={t('warnings.issue.unitPlaceholder')}
                      data={directory.units}
                      searchable
                      withAsterisk
                      {...form.getInputProps('unitId')}
                      onChange={(unitId) => {
                        form.setFieldValue('unitId', unitId);
                        if (!responsibleTouched.current) form.setFieldValue('responsibleUnitId', unitId);
                      }}
                    />
                    <NumberInput
                      label={t('warnings.issue.peopleCount')}
                      description={t('warnings.issue.peopleHint', { threshold: suggested?.collectiveThreshold ?? session.office?.collectiveThreshold ?? 5 })}
                      min={1}
                      max={100000}
                      clampBehavior="none"
                      allowDecimal={false}
                      allowNegative={false}
                      withAsterisk
                      {...form.getInputProps('peopleCount')}
                    />
                  </Group>
                  <LimitedTextarea
                    label={t('warnings.issue.grievance')}
                    placeholder={t('warnings.issue.grievancePlaceholder')}
                    withAsterisk
                    autosize
                    minRows={3}
                    maxRows={8}
                    limit={4000}
                    {...form.getInputProps('grievance')}
                  />
                </Stack>
              </Section>

              <Section titleGap="xs" title={t('warnings.issue.levelSection')}>
                <Stack gap="sm">
                  <Radio.Group label={t('warnings.issue.escalation')} description={t('warnings.issue.escalationHint')} withAsterisk {...form.getInputProps('escalation')}>
                    <Group gap="lg" mt={6}>
                      {ESCALATIONS.map((e) => (
                        <Radio key={e} value={e} label={t(`warnings.escalation.${e}` as MessageKey)} />
                      ))}
                    </Group>
                  </Radio.Group>
                  <Group gap="xl">
                    <Checkbox label={t('warnings.issue.collectiveEvent')} {...form.getInputProps('collectiveEventHappened', { type: 'checkbox' })} />
                    <Checkbox label={t('warnings.issue.urgent')} {...form.getInputProps('urgent', { type: 'checkbox' })} />
                  </Group>
                  <Stack gap={4}>
                    <Text size="sm" fw={500} id="level-label">
                      {t('warnings.issue.level')}
                    </Text>
                    <SegmentedControl
                      aria-labelledby="level-label"
                      data={levelData}
                      value={level ?? ''}
                      disabled={suggested === null}
                      color={level ? LEVEL_COLOR[level] : undefined}
                      onChange={(value) => {
                        const chosen = value as WarningLevel;
                        form.setFieldValue('level', suggested && chosen === suggested.level ? null : chosen);
                      }}
                      w={420}
                    />
                    {suggested === null && (
                      <Text size="xs" c="dimmed">
                        {t('warnings.issue.levelWaiting')}
                      </Text>
                    )}
                  </Stack>
                  {overriding && suggested && v.level && (
                    <LimitedTextarea
                      label={t('warnings.issue.overrideReason')}
                      description={t('warnings.issue.overrideHint', { suggested: enumLabel('warningLevel', suggested.level), chosen: enumLabel('warningLevel', v.level) })}
                      withAsterisk
                      autosize
                      minRows={2}
                      maxRows={5}
                      limit={1000}
                      {...form.getInputProps('overrideReason')}
                    />
                  )}
                </Stack>
              </Section>

              <Section titleGap="xs" title={t('warnings.issue.resolutionSection')}>
                <Stack gap="sm">
                  <Group grow gap="sm" align="flex-start">
                    <Select
                      label={t('warnings.issue.responsibleUnit')}
                      placeholder={t('warnings.issue.unitPlaceholder')}
                      data={directory.units}
                      searchable
                      withAsterisk
                      {...form.getInputProps('responsibleUnitId')}
                      onChange={(id) => {
                        responsibleTouched.current = true;
                        form.setFieldValue('responsibleUnitId', id);
                      }}
                    />
                    <Select
                      label={t('warnings.issue.leadLeader')}
                      placeholder={t('warnings.issue.leadLeaderPlaceholder')}
                      data={directory.leaders}
                      searchable
                      withAsterisk
                      {...form.getInputProps('leadLeaderId')}
                    />
                  </Group>
                  <StepsEditor steps={v.steps} onChange={(steps) => form.setFieldValue('steps', steps)} error={typeof form.errors.steps === 'string' ? form.errors.steps : undefined} />
                </Stack>
              </Section>

              <Card withBorder padding="sm" radius="md" style={{ position: 'sticky', bottom: 0, zIndex: 3, boxShadow: '0 -2px 8px rgba(0,0,0,0.06)' }}>
                <Group justify="space-between" wrap="nowrap">
                  <Text size="sm" data-testid="feedback-deadline">
                    {hours !== null && level
                      ? t('warnings.issue.feedbackDeadline', { level: enumLabel('warningLevel', level), hours, at: formatDateTime(now + hours * HOUR_MS, tz) })
                      : t('warnings.issue.feedbackDeadlinePending')}
                  </Text>
                  <Group gap="sm" wrap="nowrap">
                    <Button variant="default" onClick={() => void navigate({ to: '/warnings' })}>
                      {t('common.cancel')}
                    </Button>
                    <Button type="submit" loading={issue.isPending} color="red" leftSection={<IconSend size={16} />}>
                      {t('warnings.issue.submit')}
                    </Button>
                  </Group>
                </Group>
              </Card>
            </Stack>
          </form>
        </Grid.Col>
        <Grid.Col span={4} style={{ position: 'sticky', top: 68 }}>
          <Stack gap="sm">
            <Card withBorder padding="sm" radius="md" data-testid="suggestion" aria-label={t('warnings.issue.suggestionTitle')}>
              <Title order={5} mb="xs">
                {t('warnings.issue.suggestionTitle')}
              </Title>
              {suggested ? (
                <Stack gap={6}>
                  <Group gap="xs">
                    <LevelBadge level={suggested.level} size="lg" />
                    {suggestion.isFetching && <Loader size="xs" />}
                  </Group>
                  <Text size="sm" data-testid="suggestion-rule">
                    {t('warnings.issue.suggestionRule', { rule: suggested.ruleDescription })}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {t('warnings.issue.suggestionFacts', {
                      people: debouncedPeople,
                      kind: debouncedPeople >= suggested.collectiveThreshold ? t('warnings.issue.collective') : t('warnings.issue.individual'),
                      escalation: t(`warnings.escalation.${v.escalation || 'township'}` as MessageKey),
                    })}
                  </Text>
                  {overriding && v.level && (
                    <Alert color="orange" variant="light" p={8} icon={<IconInfoCircle size={16} />}>
                      <Text size="xs">{t('warnings.issue.overrideNote', { level: enumLabel('warningLevel', v.level) })}</Text>
                    </Alert>
                  )}
                </Stack>
              ) : (
                <Text size="sm" c="dimmed">
                  {t('warnings.issue.suggestionWaiting')}
                </Text>
              )}
            </Card>
            {(source.reportId !== null || source.petitionId !== null) && (
              <Card withBorder padding="sm" radius="md" data-testid="issue-source">
                <Title order={5} mb="xs">
                  {t('warnings.issue.sourceTitle')}
                </Title>
                {sourceLoading && <Loader size="sm" />}
                {source.report.data && (
                  <Stack gap={4}>
                    <Group gap={6} wrap="nowrap">
                      <IconLink size={14} />
                      <AnchorLink to="/reports/$id" params={{ id: source.report.data.id }} size="sm">
                        {t('warnings.issue.fromReport', { number: source.report.data.number })}
                      </AnchorLink>
                    </Group>
                    <Text size="xs" c="dimmed">
                      {source.report.data.summary}
                    </Text>
                  </Stack>
                )}
                {source.petition.data && (
                  <Stack gap={4}>
                    <Group gap={6} wrap="nowrap">
                      <IconLink size={14} />
                      <AnchorLink to="/petitions/$id" params={{ id: source.petition.data.id }} size="sm">
                        {t('warnings.issue.fromPetition', { number: source.petition.data.number })}
                      </AnchorLink>
                    </Group>
                    <Text size="xs" c="dimmed">
                      {source.petition.data.summary}
                    </Text>
                  </Stack>
                )}
                <Text size="xs" c="dimmed" mt={6}>
                  {t('warnings.issue.sourceLinked')}
                </Text>
              </Card>
            )}
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
