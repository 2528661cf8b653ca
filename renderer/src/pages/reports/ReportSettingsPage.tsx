/**
 * '#/reports/settings' (administrators): the time limit from discovery to report for each severity, and when
 * zero reports are due. Other roles see the values read-only. Saved values apply to later reports only.
 */
import { useEffect, useState } from 'react';
import { Alert, Anchor, Button, Card, Group, NumberInput, SegmentedControl, Select, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconDeviceFloppy, IconInfoCircle } from '@tabler/icons-react';
import type { ApiError, ReportLimit, ReportSettings, ZeroReportSettings } from '../../../../shared/api';
import { REPORT_SEVERITIES, type ReportSeverity } from '../../../../shared/enums';
import { t, enumLabel } from '../../../../shared/i18n';
import { api } from '../../api/client';
import { href } from '../../app/router';
import { useSession } from '../../app/session';
import { notifySaved, useApiQuery } from '../../app/use-api';
import { PageHeader } from '../admin/PageHeader';
import { SeverityBadge } from '../../components/reports/ReportBadges';
import { limitRuleLabel } from '../../components/reports/report-format';

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

const validMinutes = (v: number | string) => typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 1440;

export function ReportSettingsPage() {
  const session = useSession();
  const isAdmin = session.can('admin');
  const reportSettings = useApiQuery('reports.settings.get', {});
  const zeroSettings = useApiQuery('zeroReports.settings.get', {});
  const [draft, setDraft] = useState<Draft | null>(null);
  const [zero, setZero] = useState<{ monthlyDueDay: number | string; dailyDueHour: string } | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [refusal, setRefusal] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (reportSettings.data && !draft) setDraft(toDraft(reportSettings.data));
  }, [reportSettings.data, draft]);
  useEffect(() => {
    if (zeroSettings.data && !zero) setZero({ monthlyDueDay: zeroSettings.data.monthlyDueDay, dailyDueHour: String(zeroSettings.data.dailyDueHour) });
  }, [zeroSettings.data, zero]);

  const save = async () => {
    if (!draft || !zero) return;
    const e: Record<string, string> = {};
    for (const s of REPORT_SEVERITIES) if (draft[s].kind === 'minutes' && !validMinutes(draft[s].minutes)) e[`limits.${s}.minutes`] = t('reports.settings.minutesRange');
    const day = zero.monthlyDueDay;
    if (typeof day !== 'number' || !Number.isInteger(day) || day < 1 || day > 28) e.monthlyDueDay = t('reports.settings.monthlyDueDayRange');
    setErrors(e);
    if (Object.keys(e).length > 0) return;
    setBusy(true);
    setRefusal(null);
    const limits: ReportSettings = { limits: { major: toLimit(draft.major), important: toLimit(draft.important), general: toLimit(draft.general) } };
    const zeroInput: ZeroReportSettings = { monthlyDueDay: Number(zero.monthlyDueDay), dailyDueHour: Number(zero.dailyDueHour) };
    const r1 = await api.call('reports.settings.update', limits);
    const r2 = r1.ok ? await api.call('zeroReports.settings.update', zeroInput) : null;
    setBusy(false);
    const failed = !r1.ok ? r1.error : r2 && !r2.ok ? r2.error : null;
    if (failed) {
      setRefusal(failed);
      setErrors(failed.fields ?? {});
      return;
    }
    notifySaved(t('reports.settings.saved'));
    reportSettings.reload();
    zeroSettings.reload();
  };

  const setLimit = (s: ReportSeverity, patch: Partial<LimitDraft>) => setDraft((d) => (d ? { ...d, [s]: { ...d[s], ...patch } } : d));

  return (
    <Stack gap="sm" maw={900}>
      <Anchor href={href('/reports')} size="sm" c="dimmed" style={{ display: 'inline-flex', alignItems: 'center', gap: 4, alignSelf: 'flex-start' }}>
        <IconArrowLeft size={14} />
        {t('reports.settings.back')}
      </Anchor>
      <PageHeader title={t('reports.settings.title')} subtitle={t('reports.settings.subtitle')} />
      {!isAdmin && (
        <Alert color="gray" variant="light" icon={<IconInfoCircle size={18} />}>
          {t('reports.settings.adminOnly')}
        </Alert>
      )}
      {refusal && (
        <Alert color="red" variant="light" role="alert">
          {refusal.message}
        </Alert>
      )}
      <Card withBorder padding="md" radius="md">
        <Title order={5} mb="sm">
          {t('reports.settings.limitsSection')}
        </Title>
        <Stack gap="sm">
          {draft &&
            REPORT_SEVERITIES.map((s) => (
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
                  onChange={(v) => setLimit(s, { kind: v as ReportLimit['kind'] })}
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
                    onChange={(v) => setLimit(s, { minutes: v })}
                    error={errors[`limits.${s}.minutes`]}
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
        {zero && (
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
              value={zero.monthlyDueDay}
              onChange={(v) => setZero({ ...zero, monthlyDueDay: v })}
              error={errors.monthlyDueDay}
            />
            <Select
              w={260}
              label={t('reports.settings.dailyDueHour')}
              data={HOURS}
              disabled={!isAdmin}
              value={zero.dailyDueHour}
              onChange={(v) => setZero({ ...zero, dailyDueHour: v ?? '24' })}
              allowDeselect={false}
              error={errors.dailyDueHour}
            />
          </Group>
        )}
      </Card>
      {isAdmin && (
        <Group justify="flex-end">
          <Button leftSection={<IconDeviceFloppy size={16} />} loading={busy} onClick={() => void save()}>
            {t('reports.settings.save')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
