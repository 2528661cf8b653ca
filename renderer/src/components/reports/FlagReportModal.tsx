/** The office marks a report 瞒报 or 漏报 when it learnt of the event from another source, with an explanation. */
import { useState } from 'react';
import { Group, Radio, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { contract, type ReportDetail } from '../../../../shared/api';
import { REPORT_FLAGS, type ReportFlag } from '../../../../shared/enums';
import { t, enumLabel } from '../../../../shared/i18n';
import { notifySaved } from '../../platform/notify';
import { apiQueryKey, useApiMutation } from '../../platform/query';
import { contractResolver } from '../forms/contract-resolver';
import { applyErrors } from '../forms/form-errors';
import { WorkflowActionModal } from '../workflow/WorkflowActionModal';

const NONE = 'none';

/** A mark needs an explanation; taking one away does not. */
const flagForm = z
  .object({ flag: z.string(), note: contract['reports.flag'].input.shape.note })
  .refine((v) => v.flag === NONE || v.note !== '', { path: ['note'], error: t('reports.flag.noteRequired') });

export function FlagReportModal({ report, onClose, onDone }: { report: ReportDetail; onClose: () => void; onDone: (r: ReportDetail) => void }) {
  const client = useQueryClient();
  const [refusal, setRefusal] = useState<string | null>(null);
  const form = useForm({ initialValues: { flag: (report.flag ?? 'concealed') as string, note: report.flagNote }, validate: contractResolver(flagForm) });
  const flag = useApiMutation('reports.flag', {
    onSuccess: (detail) => {
      client.setQueryData(apiQueryKey('reports.get', { id: detail.id }), detail);
      notifySaved(t('reports.flag.saved'));
      onDone(detail);
    },
    onError: (error) => {
      setRefusal(error.message);
      applyErrors(form, error);
    },
  });
  const submit = form.onSubmit((v) => {
    setRefusal(null);
    flag.mutate({ id: report.id, flag: v.flag === NONE ? null : (v.flag as ReportFlag), note: v.note.trim() });
  });

  return (
    <WorkflowActionModal
      title={t('reports.flag.title')}
      intro={t('reports.flag.intro')}
      refusal={refusal}
      submitLabel={t('reports.flag.save')}
      submitColor="grape"
      pending={flag.isPending}
      onSubmit={() => submit()}
      onClose={onClose}
    >
      <Radio.Group label={t('reports.flag.kind')} withAsterisk {...form.getInputProps('flag')}>
        <Group gap="lg" mt={4}>
          {REPORT_FLAGS.map((f) => (
            <Radio key={f} value={f} label={enumLabel('reportFlag', f)} />
          ))}
          {report.flag && <Radio value={NONE} label={t('reports.flag.none')} />}
        </Group>
      </Radio.Group>
      <Textarea
        label={t('reports.flag.note')}
        placeholder={t('reports.flag.notePlaceholder')}
        withAsterisk={form.values.flag !== NONE}
        autosize
        minRows={3}
        maxRows={8}
        data-autofocus
        {...form.getInputProps('note')}
      />
    </WorkflowActionModal>
  );
}
