/**
 * Recording a whole column of zero reports at once (issue 13): the month, or a run of sensitive-period days
 * (by default every day of the month that has begun), "本期无情况" for every unit but the exceptions. One call,
 * one transaction; the core checks each cell as the single entry does and skips those already filed.
 */
import { useState } from 'react';
import { Alert, Group, MultiSelect, Radio, Select, Stack, Text, Textarea } from '@mantine/core';
import { IconClockExclamation } from '@tabler/icons-react';
import type { ZeroReportGrid } from '../../../../shared/api';
import { t } from '../../../../shared/i18n';
import { localDateOf } from '../../../../shared/time';
import { zeroReportPeriodLabel } from '../../../../shared/zero-report-period';
import { useNow, useOfficeTimeZone } from '../../platform/clock';
import { notifySaved } from '../../platform/notify';
import { useApiMutation } from '../../platform/query';
import { WorkflowActionModal } from '../workflow/WorkflowActionModal';

type Which = 'monthly' | 'daily';

export function ZeroReportBulkModal({ grid, onClose }: { grid: ZeroReportGrid; onClose: () => void }) {
  const tz = useOfficeTimeZone();
  const now = useNow(15_000);
  const today = localDateOf(now, tz);
  // Only periods that have begun can be reported (the core refuses the others).
  const days = grid.periods.filter((p) => p.kind === 'daily' && p.period <= today).map((p) => p.period);
  const monthStarted = grid.month <= today.slice(0, 7);
  const [which, setWhich] = useState<Which>(days.length > 0 ? 'daily' : 'monthly');
  const [from, setFrom] = useState<string | null>(days[0] ?? null);
  const [to, setTo] = useState<string | null>(days[days.length - 1] ?? null);
  const [except, setExcept] = useState<string[]>([]);
  const [note, setNote] = useState('');
  const [refusal, setRefusal] = useState<string | null>(null);

  const periods = which === 'monthly' ? (monthStarted ? [grid.month] : []) : days.filter((d) => from !== null && to !== null && d >= from && d <= to);
  const pastDue = grid.periods.filter((p) => periods.includes(p.period) && p.dueAt < now).length;
  const unitCount = grid.units.length - except.length;
  const dayOptions = days.map((d) => ({ value: d, label: zeroReportPeriodLabel(d) }));

  const submit = useApiMutation('zeroReports.submitBulk', {
    onSuccess: (r) => {
      notifySaved(t('reports.zero.bulk.saved', r));
      onClose();
    },
    onError: (error) => setRefusal(error.message),
  });

  return (
    <WorkflowActionModal
      title={t('reports.zero.bulk.title')}
      intro={t('reports.zero.bulk.intro')}
      refusal={refusal}
      refusalTitle={t('reports.zero.bulk.refused')}
      submitLabel={t('reports.zero.bulk.save')}
      pending={submit.isPending}
      onSubmit={() => {
        setRefusal(null);
        submit.mutate({ periods, exceptUnitIds: except.map(Number), note, submittedAt: null });
      }}
      onClose={onClose}
    >
      <Radio.Group label={t('reports.zero.bulk.which')} value={which} onChange={(v) => setWhich(v as Which)}>
        <Group gap="lg" mt={4}>
          <Radio value="daily" label={t('reports.zero.bulk.daily')} disabled={days.length === 0} />
          <Radio value="monthly" label={t('reports.zero.bulk.monthly', { period: zeroReportPeriodLabel(grid.month) })} disabled={!monthStarted} />
        </Group>
      </Radio.Group>
      {which === 'daily' &&
        (days.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('reports.zero.bulk.noDays')}
          </Text>
        ) : (
          <Group gap="sm" grow>
            <Select label={t('reports.zero.bulk.from')} data={dayOptions} value={from} onChange={setFrom} allowDeselect={false} />
            <Select label={t('reports.zero.bulk.to')} data={dayOptions} value={to} onChange={setTo} allowDeselect={false} />
          </Group>
        ))}
      <MultiSelect
        label={t('reports.zero.bulk.except')}
        placeholder={except.length === 0 ? t('reports.zero.bulk.exceptPlaceholder') : undefined}
        data={grid.units.map((u) => ({ value: String(u.unitId), label: u.unitName }))}
        value={except}
        onChange={setExcept}
        searchable
        clearable
      />
      <Stack gap={4}>
        <Text size="sm" data-testid="zero-bulk-scope">
          {t('reports.zero.bulk.scope', { units: unitCount, periods: periods.length })}
        </Text>
        {pastDue > 0 && (
          <Alert color="orange" variant="light" icon={<IconClockExclamation size={18} />} p="xs" data-testid="zero-bulk-late">
            {t('reports.zero.bulk.lateNow', { count: pastDue })}
          </Alert>
        )}
      </Stack>
      <Textarea label={t('reports.zero.bulk.note')} autosize minRows={2} maxRows={4} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
    </WorkflowActionModal>
  );
}
