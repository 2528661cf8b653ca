/**
 * '#/reports/new' (and '#/reports/new?follow=<id>' for a follow-up, 续报): entering an information report as
 * the liaison gives it over the phone. The right-hand panel judges the report against its time limit while
 * the clerk types, so a late report is seen as 迟报 (and by how much) before it is saved. The core checks
 * again on save; a time in the future is refused there with its message, and nothing is saved.
 */
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { Alert, Anchor, Button, Card, Grid, Group, NumberInput, Radio, SegmentedControl, Select, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertCircle, IconArrowLeft, IconDeviceFloppy, IconLink, IconShieldLock } from '@tabler/icons-react';
import type { ApiError, ReportInput } from '../../../../shared/api';
import { REPORT_SEVERITIES, REPORT_TYPES, type ReportSeverity, type ReportType } from '../../../../shared/enums';
import { t, enumLabel } from '../../../../shared/i18n';
import { api } from '../../api/client';
import { clockReady, officeNow, officeTimeZone, useNow, useOfficeTimeZone } from '../../app/clock';
import { href, navigate } from '../../app/router';
import { notifyError, notifySaved, useApiQuery } from '../../app/use-api';
import { DateTimeField } from '../../components/petitions/DateTimeField';
import { fromLocalInput, toLocalInput } from '../../components/petitions/petition-format';
import { usePetitionDirectory } from '../../components/petitions/use-directory';
import { PetitionPicker } from '../../components/reports/PetitionPicker';
import { TimeLimitCheck } from '../../components/reports/TimeLimitCheck';
import { durationLabel } from '../../components/reports/report-format';
import { Section } from '../../components/DetailParts';

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
  const directory = usePetitionDirectory();
  const units = useApiQuery('units.list', {});
  const settings = useApiQuery('reports.settings.get', {});
  const parent = useApiQuery('reports.get', followOf !== null ? { id: followOf } : null);
  const formRef = useRef<HTMLFormElement>(null);
  const reportedEdited = useRef(false);
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<ApiError | null>(null);
  const following = followOf !== null;

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

  const validate = (): Record<string, string> => {
    const e: Record<string, string> = {};
    if (!following && !v.unitId) e.unitId = t('reports.form.unitRequired');
    if (foundAt === null) e.foundAt = t('reports.form.badTime');
    if (reportedAt === null) e.reportedAt = t('reports.form.badTime');
    if (!following && !v.type) e.type = t('reports.form.typeRequired');
    if (!v.summary.trim()) e.summary = t('reports.form.summaryRequired');
    if (!v.content.trim()) e.content = t('reports.form.contentRequired');
    return e;
  };

  const focusFirstError = () => requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());

  const submit = async () => {
    if (busy) return;
    const errors = validate();
    form.setErrors(errors);
    if (Object.keys(errors).length > 0) {
      setRefusal({ code: 'invalid_input', message: Object.values(errors)[0] ?? '' });
      focusFirstError();
      return;
    }
    const input: ReportInput = {
      parentId: followOf,
      unitId: following ? null : Number(v.unitId),
      type: following ? null : (v.type as ReportType),
      severity: v.severity,
      foundAt: foundAt ?? 0,
      // Untouched, the report time is "now" as the core sees it at saving.
      reportedAt: reportedEdited.current ? reportedAt : null,
      place: v.place.trim(),
      peopleCount: Math.max(0, Math.round(Number(v.peopleCount) || 0)),
      summary: v.summary.trim(),
      content: v.content.trim(),
      demands: v.demands.trim(),
      petitionId: v.petitionId ? Number(v.petitionId) : null,
    };
    setBusy(true);
    setRefusal(null);
    const r = await api.call('reports.create', input);
    setBusy(false);
    if (!r.ok) {
      setRefusal(r.error);
      form.setErrors(Object.fromEntries(Object.entries(r.error.fields ?? {}).filter(([k]) => k in v)));
      notifyError(r.error);
      focusFirstError();
      return;
    }
    notifySaved(r.value.late ? t('reports.form.savedLate', { number: r.value.number, duration: durationLabel(r.value.lateMs) }) : t('reports.form.saved', { number: r.value.number }));
    navigate(`/reports/${r.value.id}`);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key !== 'Enter' || e.nativeEvent.isComposing) return;
    if (e.ctrlKey || e.metaKey) {
      e.preventDefault();
      void submit();
    } else if (e.target instanceof HTMLInputElement) {
      e.preventDefault();
    }
  };

  const title = following ? t('reports.form.followUpTitle') : t('reports.form.title');

  return (
    <div onKeyDown={onKeyDown}>
      <Stack gap={4} mb="sm">
        <Anchor href={href(following ? `/reports/${followOf}` : '/reports')} size="sm" c="dimmed" style={{ display: 'inline-flex', alignItems: 'center', gap: 4, alignSelf: 'flex-start' }}>
          <IconArrowLeft size={14} />
          {t('reports.detail.back')}
        </Anchor>
        <Title order={3}>{title}</Title>
      </Stack>
      <Grid gap="md" align="flex-start">
        <Grid.Col span={8.5}>
          <form
            ref={formRef}
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              void submit();
            }}
          >
            <Stack gap="sm">
              {refusal && (
                <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} title={t('reports.form.refused')} role="alert" data-testid="form-refusal">
                  {refusal.message}
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
                  <TextInput label={t('reports.form.summary')} placeholder={t('reports.form.summaryPlaceholder')} withAsterisk maxLength={200} {...form.getInputProps('summary')} />
                  <Textarea
                    label={t('reports.form.content')}
                    placeholder={t('reports.form.contentPlaceholder')}
                    withAsterisk
                    autosize
                    minRows={3}
                    maxRows={10}
                    maxLength={4000}
                    {...form.getInputProps('content')}
                  />
                  <Textarea label={t('reports.form.demands')} placeholder={t('reports.form.demandsPlaceholder')} autosize minRows={2} maxRows={6} maxLength={2000} {...form.getInputProps('demands')} />
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
                    <Button variant="default" onClick={() => navigate(following ? `/reports/${followOf}` : '/reports')}>
                      {t('reports.form.cancel')}
                    </Button>
                    <Button type="submit" loading={busy} leftSection={<IconDeviceFloppy size={16} />}>
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
              <TimeLimitCheck foundAt={foundAt} reportedAt={reportedAt} severity={v.severity} settings={settings.data} now={now} timeZone={tz} />
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
