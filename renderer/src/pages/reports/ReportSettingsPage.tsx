/**
 * '#/reports/settings' (administrators): the time limit from discovery to report for each severity, and when
 * zero reports are due. Other roles see the values read-only. Saved values apply to later reports only.
 */
import { useState } from 'react';
import { Alert, Button, Card, Group, NumberInput, SegmentedControl, Select, Stack, Text, Title } from '@mantine/core';
import { IconDeviceFloppy, IconInfoCircle } from '@tabler/icons-react';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { zeroReportSettingsSchema, type ReportLimit, type ReportSettings, type ZeroReportSettings } from '../../../../shared/api';
import { REPORT_SEVERITIES, type ReportSeverity } from '../../../../shared/enums';
import { t, enumLabel } from '../../../../shared/i18n';
import { invalidateAfterWrite } from '../../platform/invalidation';
import { notifySaved } from '../../platform/notify';
import { callApi, useApiQuery, type ApiFailure } from '../../platform/query';
import { useSession } from '../../platform/session';
import { contractResolver } from '../../components/forms/contract-resolver';
import { applyErrors } from '../../components/forms/form-errors';
import { PageHeader } from '../../components/layout/PageHeader';
import { SeverityBadge } from '../../components/reports/ReportBadges';
import { limitRuleLabel } from '../../components/reports/report-format';
import { BackLink } from '../../components/layout/BackLink';

interface LimitDraft {
  readonly kind: ReportLimit['kind'];
  readonly minutes: number | string;
}

type Draft = Record<ReportSeverity, LimitDraft>;

const HOURS = Array.from({ length: 24 }, (_, i) => ({ value: String(i + 1), label: t('reports.settings.hourOption', { hour: i + 1 }) }));

function toDraft(s: ReportSettings): Draft {
  const one = (l: ReportLimit): LimitDraft => ({ kind: l.kind, minutes: l.kind === 'minutes' ? l.minutes : 60 });
  return { major: one(s.limits.major), important: one(s.limits.important), general: one(s.limits.general) };
}

function toLimit(d: LimitDraft): ReportLimit {
  return d.kind === 'minutes' ? { kind: 'minutes', minutes: Number(d.minutes) } : { kind: 'same_day' };
}

/** A time limit in minutes runs at most a day (the core's bound). */
const limitMinutes = z.number().int().min(1).max(1440);
const validMinutes = (v: number | string) => limitMinutes.safeParse(v).success;

const limitDraft = z.object({ kind: z.enum(['minutes', 'same_day']), minutes: z.union([z.number(), z.string()]) }).refine((l) => l.kind !== 'minutes' || validMinutes(l.minutes), {
  path: ['minutes'],
  error: t('reports.settings.minutesRange'),
});

/** The settings as the page holds them: a limit per severity, and when zero reports are due. */
const settingsForm = z.object({
  limits: z.object({ major: limitDraft, important: limitDraft, general: limitDraft }),
  // A monthly report falls due on a day every month has.
  monthlyDueDay: zeroReportSettingsSchema.shape.monthlyDueDay.min(1).max(28),
  dailyDueHour: z.string(),
});

interface Values {
  limits: Draft;
  monthlyDueDay: number | string;
  dailyDueHour: string;
}

export function ReportSettingsPage() {
  const reportSettings = useApiQuery('reports.settings.get', {});
  const zeroSettings = useApiQuery('zeroReports.settings.get', {});
  if (!reportSettings.data || !zeroSettings.data) return null;
  return <SettingsEditor limits={reportSettings.data} zero={zeroSettings.data} />;
}

function SettingsEditor({ limits, zero }: { limits: ReportSettings; zero: ZeroReportSettings }) {
  const session = useSession();
  const client = useQueryClient();
  const isAdmin = session.may('reports.settings.update');
  const [refusal, setRefusal] = useState<string | null>(null);
  const form = useForm<Values>({
    initialValues: { limits: toDraft(limits), monthlyDueDay: zero.monthlyDueDay, dailyDueHour: String(zero.dailyDueHour) },
    validate: contractResolver(settingsForm, { messages: { monthlyDueDay: t('reports.settings.monthlyDueDayRange') } }),
  });
  const draft = form.values.limits;
  // Both settings are saved by the one button: the limits, then the zero-report times.
  const save = useMutation<unknown, ApiFailure, { limits: ReportSettings; zero: ZeroReportSettings }>({
    mutationFn: async (input) => {
      await callApi('reports.settings.update', input.limits);
      return callApi('zeroReports.settings.update', input.zero);
    },
    onSuccess: () => notifySaved(t('reports.settings.saved')),
    onError: (error) => {
      setRefusal(error.message);
      applyErrors(form, error);
    },
    onSettled: () => {
      invalidateAfterWrite(client, 'reports.settings.update');
      invalidateAfterWrite(client, 'zeroReports.settings.update');
    },
  });
  const submit = form.onSubmit((v) => {
    setRefusal(null);
    save.mutate({
      limits: { limits: { major: toLimit(v.limits.major), important: toLimit(v.limits.important), general: toLimit(v.limits.general) } },
      zero: { monthlyDueDay: Number(v.monthlyDueDay), dailyDueHour: Number(v.dailyDueHour) },
    });
  });
  const errorOf = (path: string) => (typeof form.errors[path] === 'string' ? form.errors[path] : undefined);

  return (
    <Stack gap="sm" maw={900}>
      <BackLink to={{ to: '/reports' }}>{t('reports.settings.back')}</BackLink>
      <PageHeader title={t('reports.settings.title')} subtitle={t('reports.settings.subtitle')} />
      {!isAdmin && (
        <Alert color="gray" variant="light" icon={<IconInfoCircle size={18} />}>
          {t('reports.settings.adminOnly')}
        </Alert>
      )}
      {refusal && (
        <Alert color="red" variant="light" role="alert">
          {refusal}
        </Alert>
      )}
      <Card withBorder padding="md" radius="md">
        <Title order={5} mb="sm">
          {t('reports.settings.limitsSection')}
        </Title>
        <Stack gap="sm">
          {REPORT_SEVERITIES.map((s) => (
            <Group key={s} gap="md" align="flex-start" wrap="nowrap" data-testid={`limit-${s}`}>
              <Group w={56} gap={6} mt={6} wrap="nowrap">
                <SeverityBadge severity={s} />
              </Group>
              <SegmentedControl
                aria-label={t('reports.settings.kind')}
                disabled={!isAdmin}
                data={[
                  { value: 'minutes', label: t('reports.settings.kindMinutes') },
                  { value: 'same_day', label: t('reports.settings.kindSameDay') },
                ]}
                value={draft[s].kind}
                onChange={(v) => form.setFieldValue(`limits.${s}.kind`, v as ReportLimit['kind'])}
              />
              {draft[s].kind === 'minutes' && (
                <NumberInput
                  aria-label={`${enumLabel('reportSeverity', s)}${t('reports.settings.minutes')}`}
                  w={120}
                  min={1}
                  max={1440}
                  clampBehavior="none"
                  allowDecimal={false}
                  allowNegative={false}
                  disabled={!isAdmin}
                  rightSection={<Text size="xs">{t('reports.settings.minutesUnit')}</Text>}
                  value={draft[s].minutes}
                  onChange={(v) => form.setFieldValue(`limits.${s}.minutes`, v)}
                  error={errorOf(`limits.${s}.minutes`)}
                />
              )}
              <Text size="sm" c="dimmed" mt={6}>
                {draft[s].kind === 'minutes' && !validMinutes(draft[s].minutes) ? '' : limitRuleLabel(toLimit(draft[s]))}
              </Text>
            </Group>
          ))}
        </Stack>
      </Card>
      <Card withBorder padding="md" radius="md">
        <Title order={5} mb="sm">
          {t('reports.settings.zeroSection')}
        </Title>
        <Group gap="xl" align="flex-start">
          <NumberInput
            w={260}
            label={t('reports.settings.monthlyDueDay')}
            min={1}
            max={28}
            clampBehavior="none"
            allowDecimal={false}
            allowNegative={false}
            disabled={!isAdmin}
            {...form.getInputProps('monthlyDueDay')}
          />
          <Select
            w={260}
            label={t('reports.settings.dailyDueHour')}
            data={HOURS}
            disabled={!isAdmin}
            allowDeselect={false}
            {...form.getInputProps('dailyDueHour')}
          />
        </Group>
      </Card>
      {isAdmin && (
        <Group justify="flex-end">
          <Button leftSection={<IconDeviceFloppy size={16} />} loading={save.isPending} onClick={() => submit()}>
            {t('reports.settings.save')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
