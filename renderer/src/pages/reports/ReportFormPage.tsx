/**
 * '#/reports/new' (and '#/reports/new?follow=<id>' for a follow-up, 续报): entering an information report as
 * the liaison gives it over the phone. The right-hand panel judges the report against its time limit while
 * the clerk types, so a late report is seen as 迟报 (and by how much) before it is saved. The core checks
 * again on save; a time in the future is refused there with its message, and nothing is saved.
 */
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { Alert, Button, Card, Grid, Group, NumberInput, Radio, SegmentedControl, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertCircle, IconDeviceFloppy, IconLink, IconShieldLock } from '@tabler/icons-react';
import { linkOptions } from '@tanstack/react-router';
import { z } from 'zod';
import { reportInputSchema } from '../../../../shared/api';
import { REPORT_SEVERITIES, REPORT_TYPES, TEXT_LIMITS, type ReportSeverity, type ReportType } from '../../../../shared/enums';
import { t, enumLabel } from '../../../../shared/i18n';
import { clockReady, officeNow, officeTimeZone, useNow, useOfficeTimeZone } from '../../platform/clock';
import { useNavigate } from '../../platform/links';
import { notifyError, notifySaved } from '../../platform/notify';
import { useApiMutation, useApiQuery } from '../../platform/query';
import { contractResolver, parsedInput } from '../../components/forms/contract-resolver';
import { applyErrors } from '../../components/forms/form-errors';
import { LimitedTextarea, LimitedTextInput } from '../../components/forms/LimitedText';
import { chosenId, optionalChosenId, typedTime } from '../../components/forms/form-fields';
import { DateTimeField } from '../../components/petitions/DateTimeField';
import { fromLocalInput, toLocalInput } from '../../components/petitions/petition-format';
import { usePetitionDirectory } from '../../components/petitions/use-directory';
import { PetitionPicker } from '../../components/reports/PetitionPicker';
import { TimeLimitCheck } from '../../components/reports/TimeLimitCheck';
import { durationLabel } from '../../components/reports/report-format';
import { Section } from '../../components/DetailParts';
import { BackLink } from '../../components/layout/BackLink';

const shape = reportInputSchema.shape;

/**
 * The report as the clerk types it, checked with the contract's rules; a follow-up takes its unit and type
 * from the first report. Its output is the input of `reports.create` (bar the report time, see submit).
 */
function reportSchema(timeZone: string, following: boolean) {
  const badTime = t('reports.form.badTime');
  return reportInputSchema.pick({ severity: true, place: true, summary: true, content: true, demands: true }).extend({
    unitId: following ? z.null() : chosenId,
    type: following ? z.literal('') : shape.type.unwrap().unwrap(),
    foundAt: typedTime(timeZone, badTime),
    reportedAt: typedTime(timeZone, badTime),
    // An empty box means nobody was counted.
    peopleCount: z
      .union([z.number(), z.literal('')])
      .transform((n) => (n === '' ? 0 : Math.round(n)))
      .pipe(shape.peopleCount.unwrap()),
    petitionId: optionalChosenId,
  });
}

interface FormValues {
  unitId: string | null;
  foundAt: string;
  reportedAt: string;
  type: ReportType | '';
  severity: ReportSeverity;
  place: string;
  peopleCount: number | string;
  summary: string;
  content: string;
  demands: string;
  petitionId: string | null;
}

export function ReportFormPage({ followOf }: { followOf: number | null }) {
  const tz = useOfficeTimeZone();
  const now = useNow(15_000);
  const navigate = useNavigate();
  const directory = usePetitionDirectory();
  const units = useApiQuery('units.list', {});
  const settings = useApiQuery('reports.settings.get', {});
  const parent = useApiQuery('reports.get', followOf !== null ? { id: followOf } : null);
  const formRef = useRef<HTMLFormElement>(null);
  const reportedEdited = useRef(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const following = followOf !== null;
  const schema = useMemo(() => reportSchema(tz, following), [tz, following]);

  const form = useForm<FormValues>({
    initialValues: {
      unitId: null,
      foundAt: '',
      reportedAt: toLocalInput(officeNow(), tz),
      type: '',
      severity: 'general',
      place: '',
      peopleCount: 0,
      summary: following ? t('reports.form.followUpPrefix') : '',
      content: '',
      demands: '',
      petitionId: null,
    },
    validate: contractResolver(schema, {
      labels: { place: t('reports.form.place'), demands: t('reports.form.demands'), peopleCount: t('reports.form.peopleCount') },
      messages: {
        unitId: t('reports.form.unitRequired'),
        type: t('reports.form.typeRequired'),
        summary: t('reports.form.summaryRequired'),
        content: t('reports.form.contentRequired'),
      },
    }),
  });
  const v = form.values;

  // "Reported at" is now on the office clock, known after the first sync; it follows the clock until edited.
  useEffect(() => {
    void clockReady().then(() => {
      if (!reportedEdited.current) form.setFieldValue('reportedAt', toLocalInput(officeNow(), officeTimeZone()));
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // Until the clerk types a report time, it stays "now" as the office clock moves.
  const nowText = toLocalInput(now, tz);
  useEffect(() => {
    if (!reportedEdited.current && form.values.reportedAt !== nowText) form.setFieldValue('reportedAt', nowText);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [nowText]);

  // A follow-up starts from the first report's severity, place and people; the clerk changes what changed.
  const parentData = parent.data;
  useEffect(() => {
    if (!parentData) return;
    form.setValues({ severity: parentData.severity, place: parentData.place, peopleCount: parentData.peopleCount });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [parentData?.id]);

  const unit = (units.data ?? []).find((u) => String(u.id) === v.unitId);
  const foundAt = fromLocalInput(v.foundAt, tz);
  const reportedAt = fromLocalInput(v.reportedAt, tz);

  const focusFirstError = () => requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());

  const create = useApiMutation('reports.create', {
    onSuccess: (created) => {
      notifySaved(created.late ? t('reports.form.savedLate', { number: created.number, duration: durationLabel(created.lateMs) }) : t('reports.form.saved', { number: created.number }));
      void navigate({ to: '/reports/$id', params: { id: created.id } });
    },
    onError: (error) => {
      setRefusal(error.message);
      applyErrors(form, error);
      notifyError(error);
      focusFirstError();
    },
  });

  const submit = form.onSubmit(
    (values) => {
      if (create.isPending) return;
      const input = parsedInput(schema, values);
      setRefusal(null);
      create.mutate({
        ...input,
        parentId: followOf,
        unitId: input.unitId,
        type: input.type === '' ? null : input.type,
        // Untouched, the report time is "now" as the core sees it at saving.
        reportedAt: reportedEdited.current ? input.reportedAt : null,
      });
    },
    (errors) => {
      setRefusal(String(Object.values(errors)[0] ?? ''));
      focusFirstError();
    },
  );

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key !== 'Enter' || e.nativeEvent.isComposing) return;
    if (e.ctrlKey || e.metaKey) {
      e.preventDefault();
      submit();
    } else if (e.target instanceof HTMLInputElement) {
      e.preventDefault();
    }
  };

  const title = following ? t('reports.form.followUpTitle') : t('reports.form.title');
  const backTo = followOf !== null ? linkOptions({ to: '/reports/$id', params: { id: followOf } }) : linkOptions({ to: '/reports' });

  return (
    <div onKeyDown={onKeyDown}>
      <Stack gap={4} mb="sm">
        {followOf !== null ? (
          <BackLink to={{ to: '/reports/$id', params: { id: followOf } }}>{t('reports.detail.back')}</BackLink>
        ) : (
          <BackLink to={{ to: '/reports' }}>{t('reports.detail.back')}</BackLink>
        )}
        <Title order={3}>{title}</Title>
      </Stack>
      <Grid gap="md" align="flex-start">
        <Grid.Col span={8.5}>
          <form
            ref={formRef}
            noValidate
            onSubmit={submit}
          >
            <Stack gap="sm">
              {refusal && (
                <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} title={t('reports.form.refused')} role="alert" data-testid="form-refusal">
                  {refusal}
                </Alert>
              )}
              {following && parentData && (
                <Alert color="blue" variant="light" icon={<IconLink size={18} />} data-testid="follow-up-of">
                  <Text size="sm" fw={500}>
                    {t('reports.form.followUpOf', { number: parentData.number, summary: parentData.summary })}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {parentData.unitName} · {enumLabel('reportType', parentData.type)} · {t('reports.form.followUpHint')}
                  </Text>
                </Alert>
              )}
              <Section titleGap="xs" title={t('reports.form.sourceSection')}>
                <Stack gap="xs">
                  {!following && (
                    <Select
                      label={t('reports.form.unit')}
                      placeholder={t('reports.form.unitPlaceholder')}
                      description={unit?.liaisonName ? t('reports.form.unitHint', { name: unit.liaisonName }) : undefined}
                      data={directory.units}
                      searchable
                      withAsterisk
                      w={360}
                      data-autofocus
                      {...form.getInputProps('unitId')}
                    />
                  )}
                  <Group gap="md" align="flex-start" wrap="nowrap">
                    <DateTimeField
                      label={t('reports.form.foundAt')}
                      description={t('reports.form.foundAtHint')}
                      w={260}
                      value={v.foundAt}
                      error={form.errors.foundAt}
                      onChange={(value) => form.setFieldValue('foundAt', value)}
                    />
                    <Group gap="xs" align="flex-start" wrap="nowrap">
                      <DateTimeField
                        label={t('reports.form.reportedAt')}
                        description={t('reports.form.reportedAtHint')}
                        w={260}
                        value={v.reportedAt}
                        error={form.errors.reportedAt}
                        onChange={(value) => {
                          reportedEdited.current = true;
                          form.setFieldValue('reportedAt', value);
                        }}
                      />
                      <Button
                        variant="default"
                        mt={44}
                        tabIndex={-1}
                        onClick={() => {
                          reportedEdited.current = false;
                          form.setFieldValue('reportedAt', toLocalInput(officeNow(), tz));
                        }}
                      >
                        {t('reports.form.now')}
                      </Button>
                    </Group>
                  </Group>
                </Stack>
              </Section>

              <Section titleGap="xs" title={t('reports.form.eventSection')}>
                <Stack gap="xs">
                  {!following && (
                    <Radio.Group label={t('reports.form.type')} withAsterisk {...form.getInputProps('type')}>
                      <Group gap="md" mt={4}>
                        {REPORT_TYPES.map((x) => (
                          <Radio key={x} value={x} label={enumLabel('reportType', x)} />
                        ))}
                      </Group>
                    </Radio.Group>
                  )}
                  <Stack gap={4}>
                    <Text size="sm" fw={500} id="severity-label">
                      {t('reports.form.severity')}
                    </Text>
                    <SegmentedControl
                      aria-labelledby="severity-label"
                      w={300}
                      data={REPORT_SEVERITIES.map((s) => ({ value: s, label: enumLabel('reportSeverity', s) }))}
                      value={v.severity}
                      onChange={(value) => form.setFieldValue('severity', value as ReportSeverity)}
                      color={v.severity === 'major' ? 'red' : v.severity === 'important' ? 'orange' : 'blue'}
                    />
                  </Stack>
                  <Group gap="sm" align="flex-start" wrap="nowrap">
                    <TextInput label={t('reports.form.place')} placeholder={t('reports.form.placePlaceholder')} style={{ flex: 1 }} maxLength={200} {...form.getInputProps('place')} />
                    <NumberInput
                      label={t('reports.form.peopleCount')}
                      description={t('reports.form.peopleCountHint')}
                      w={150}
                      min={0}
                      max={100000}
                      allowDecimal={false}
                      allowNegative={false}
                      inputWrapperOrder={['label', 'input', 'description', 'error']}
                      {...form.getInputProps('peopleCount')}
                    />
                  </Group>
                  <LimitedTextInput label={t('reports.form.summary')} placeholder={t('reports.form.summaryPlaceholder')} withAsterisk limit={TEXT_LIMITS.summary} {...form.getInputProps('summary')} />
                  <LimitedTextarea
                    label={t('reports.form.content')}
                    placeholder={t('reports.form.contentPlaceholder')}
                    withAsterisk
                    autosize
                    minRows={3}
                    maxRows={10}
                    limit={TEXT_LIMITS.request}
                    {...form.getInputProps('content')}
                  />
                  <LimitedTextarea label={t('reports.form.demands')} placeholder={t('reports.form.demandsPlaceholder')} autosize minRows={2} maxRows={6} limit={TEXT_LIMITS.request} {...form.getInputProps('demands')} />
                </Stack>
              </Section>

              <Section titleGap="xs" title={t('reports.form.linkSection')}>
                <PetitionPicker label={t('reports.form.petition')} value={v.petitionId} onChange={(value) => form.setFieldValue('petitionId', value)} error={form.errors.petitionId as string | undefined} />
              </Section>

              <Card withBorder padding="sm" radius="md" style={{ position: 'sticky', bottom: 0, zIndex: 3, boxShadow: '0 -2px 8px rgba(0,0,0,0.06)' }}>
                <Group justify="space-between" wrap="nowrap">
                  <Text size="xs" c="dimmed">
                    {t('reports.form.shortcutHint')}
                  </Text>
                  <Group gap="sm" wrap="nowrap">
                    <Button variant="default" onClick={() => void navigate(backTo)}>
                      {t('reports.form.cancel')}
                    </Button>
                    <Button type="submit" loading={create.isPending} leftSection={<IconDeviceFloppy size={16} />}>
                      {t('reports.form.save')}
                    </Button>
                  </Group>
                </Group>
              </Card>
            </Stack>
          </form>
        </Grid.Col>
        <Grid.Col span={3.5} style={{ position: 'sticky', top: 68 }}>
          <Stack gap="sm">
            <Card withBorder padding="sm" radius="md">
              <TimeLimitCheck foundAt={foundAt} reportedAt={reportedAt} severity={v.severity} settings={settings.data ?? null} now={now} timeZone={tz} />
            </Card>
            <Alert color="gray" variant="light" icon={<IconShieldLock size={18} />} p="xs">
              <Text size="xs">{t('reports.form.privacyHint')}</Text>
            </Alert>
          </Stack>
        </Grid.Col>
      </Grid>
    </div>
  );
}
