/**
 * Entering a unit's zero report for one period: "本期无情况", or the unit's information reports of that
 * period. Submitted after the due time it counts as late, and the dialog says so before saving.
 */
import { useState } from 'react';
import { Alert, Group, MultiSelect, Radio, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconClockExclamation } from '@tabler/icons-react';
import { z } from 'zod';
import { zeroReportSubmitInputSchema, type ZeroReportGrid } from '../../../../shared/api';
import { t, enumLabel } from '../../../../shared/i18n';
import { addDays, startOfLocalDay } from '../../../../shared/time';
import { zeroReportPeriodLabel } from '../../../../shared/zero-report-period';
import { officeNow, useNow, useOfficeTimeZone } from '../../platform/clock';
import { notifySaved } from '../../platform/notify';
import { useApiMutation, useApiQuery } from '../../platform/query';
import { contractResolver, parsedInput } from '../forms/contract-resolver';
import { applyErrors } from '../forms/form-errors';
import { typedTime } from '../forms/form-fields';
import { WorkflowActionModal } from '../workflow/WorkflowActionModal';
import { DateTimeField } from '../petitions/DateTimeField';
import { fromLocalInput, toLocalInput } from '../petitions/petition-format';
import { durationLabel, limitAtLabel } from './report-format';
import type { ZeroCell } from './ZeroReportGrid';

type Unit = ZeroReportGrid['units'][number];

/** The instants a period covers: a month ('2026-11') or a day ('2026-11-09'). */
function periodRange(period: string, timeZone: string): { from: number; to: number } {
  if (period.length === 7) {
    const [y, m] = period.split('-').map(Number) as [number, number];
    const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
    return { from: startOfLocalDay(`${period}-01`, timeZone), to: startOfLocalDay(`${next}-01`, timeZone) };
  }
  return { from: startOfLocalDay(period, timeZone), to: startOfLocalDay(addDays(period, 1), timeZone) };
}

/** "Something to report" names the unit's reports of the period. */
function submitSchema(timeZone: string) {
  const shape = zeroReportSubmitInputSchema.shape;
  return z
    .object({ kind: z.enum(['nothing', 'reports']), reportIds: z.array(z.string().transform(Number)).pipe(shape.reportIds.unwrap()), note: shape.note, submittedAt: typedTime(timeZone, t('reports.form.badTime')) })
    .refine((v) => v.kind === 'nothing' || v.reportIds.length > 0, { path: ['reportIds'], error: t('reports.zero.reportsRequired') });
}

interface Values {
  kind: 'nothing' | 'reports';
  reportIds: string[];
  note: string;
  submittedAt: string;
}

export function ZeroReportSubmitModal({ unit, cell, onClose, onDone }: { unit: Unit; cell: ZeroCell; onClose: () => void; onDone: () => void }) {
  const tz = useOfficeTimeZone();
  const now = useNow(15_000);
  const [initialAt] = useState(() => toLocalInput(officeNow(), tz));
  const [schema] = useState(() => submitSchema(tz));
  const [refusal, setRefusal] = useState<string | null>(null);
  const form = useForm<Values>({ initialValues: { kind: 'nothing', reportIds: [], note: '', submittedAt: initialAt }, validate: contractResolver(schema) });
  const v = form.values;
  const range = periodRange(cell.period, tz);
  const reports = useApiQuery('reports.list', { unitId: unit.unitId, reportedFrom: range.from, reportedTo: range.to, pageSize: 200 });
  const options = (reports.data?.rows ?? []).map((r) => ({ value: String(r.id), label: `${r.number} ${r.summary}` }));
  const periodLabel = zeroReportPeriodLabel(cell.period);
  const submittedAt = v.submittedAt !== initialAt ? fromLocalInput(v.submittedAt, tz) : now;
  const lateMs = submittedAt !== null ? submittedAt - cell.dueAt : 0;
  const submit = useApiMutation('zeroReports.submit', {
    onSuccess: (value) => {
      notifySaved(t('reports.zero.saved', { unit: unit.unitName, period: periodLabel, state: enumLabel('zeroReportState', value.state) }));
      onDone();
    },
    onError: (error) => {
      setRefusal(error.message);
      applyErrors(form, error);
    },
  });
  const save = form.onSubmit((values) => {
    const input = parsedInput(schema, values);
    setRefusal(null);
    submit.mutate({
      unitId: unit.unitId,
      period: cell.period,
      nothingToReport: input.kind === 'nothing',
      reportIds: input.kind === 'reports' ? input.reportIds : [],
      note: input.note,
      submittedAt: values.submittedAt !== initialAt ? input.submittedAt : null,
    });
  });
  const reportsError = typeof form.errors.reportIds === 'string' ? form.errors.reportIds : undefined;

  return (
    <WorkflowActionModal
      title={t('reports.zero.submitTitle')}
      refusal={refusal}
      refusalTitle={t('reports.zero.refused')}
      submitLabel={t('reports.zero.save')}
      pending={submit.isPending}
      onSubmit={() => save()}
      onClose={onClose}
    >
        <Stack gap={2}>
          <Text fw={600}>{t('reports.zero.submitFor', { unit: unit.unitName, period: periodLabel })}</Text>
          <Text size="sm" c="dimmed">
            {t('reports.zero.submitDue', { at: limitAtLabel(cell.dueAt, tz) })}
          </Text>
        </Stack>
        {lateMs > 0 && (
          <Alert color="orange" variant="light" icon={<IconClockExclamation size={18} />} p="xs" data-testid="zero-late-warning">
            {t('reports.zero.submitLateNow', { duration: durationLabel(lateMs) })}
          </Alert>
        )}
        <Radio.Group label={t('reports.zero.kind')} withAsterisk {...form.getInputProps('kind')}>
          <Group gap="lg" mt={4}>
            <Radio value="nothing" label={t('reports.zero.nothing')} data-autofocus />
            <Radio value="reports" label={t('reports.zero.hasReports')} />
          </Group>
        </Radio.Group>
        {v.kind === 'reports' &&
          (options.length === 0 && !reports.isFetching ? (
            <Alert color="gray" variant="light" p="xs">
              {t('reports.zero.noReports')}
            </Alert>
          ) : (
            <MultiSelect label={t('reports.zero.reports')} placeholder={t('reports.zero.reportsPlaceholder')} data={options} withAsterisk {...form.getInputProps('reportIds')} />
          ))}
        {v.kind === 'reports' && options.length === 0 && reportsError && (
          <Text size="sm" c="red">
            {reportsError}
          </Text>
        )}
        <Textarea label={t('reports.zero.note')} autosize minRows={2} maxRows={5} {...form.getInputProps('note')} />
        <DateTimeField
          label={t('reports.zero.submittedAt')}
          description={t('reports.zero.submittedAtHint')}
          w={260}
          value={v.submittedAt}
          error={form.errors.submittedAt}
          onChange={(value) => form.setFieldValue('submittedAt', value)}
        />
    </WorkflowActionModal>
  );
}
