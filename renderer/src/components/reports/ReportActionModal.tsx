/**
 * One dialog per workflow step of an information report, with exactly the fields the core needs
 * (main/core/reports/transitions.ts): 核实 a result and how it was verified, 研判 the nature, urgency and an
 * initial handling opinion, 审核 a leader's remarks, 报送上级 the receiving body. When the core refuses, its
 * message stays in the dialog and nothing changes.
 */
import { useState } from 'react';
import { Group, Radio, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { reportTransitionInputSchema, type ReportDetail } from '../../../../shared/api';
import { URGENCIES, VERIFICATION_RESULTS, type ReportAction, type Urgency, type VerificationResult } from '../../../../shared/enums';
import { t, enumLabel, type MessageKey } from '../../../../shared/i18n';
import { officeNow, useOfficeTimeZone } from '../../platform/clock';
import { notifySaved } from '../../platform/notify';
import { apiQueryKey, useApiMutation } from '../../platform/query';
import { contractResolver, parsedInput } from '../forms/contract-resolver';
import { applyErrors } from '../forms/form-errors';
import { typedTime } from '../forms/form-fields';
import { WorkflowActionModal } from '../workflow/WorkflowActionModal';
import { DateTimeField } from '../petitions/DateTimeField';
import { toLocalInput } from '../petitions/petition-format';

interface Values {
  at: string;
  verification: VerificationResult | '';
  nature: string;
  urgency: Urgency | '';
  opinion: string;
  forwardTo: string;
  note: string;
}

const NOTE_LABEL: Readonly<Record<ReportAction, MessageKey>> = {
  verify: 'reports.actions.verifyNote',
  analyse: 'reports.actions.note',
  approve: 'reports.actions.approveNote',
  forward: 'reports.actions.note',
  resubmit: 'reports.actions.note',
};

const filled = z.string().min(1);

/** The step's input as the form holds it: the contract's fields, those this step requires made required. */
function stepSchema(action: ReportAction, timeZone: string) {
  const shape = reportTransitionInputSchema.shape;
  return z.object({
    at: typedTime(timeZone, t('reports.form.badTime')),
    note: shape.note,
    verification: action === 'verify' ? shape.verification.unwrap().unwrap() : z.literal(''),
    nature: action === 'analyse' ? shape.nature.pipe(filled) : z.literal(''),
    urgency: action === 'analyse' ? shape.urgency.unwrap().unwrap() : z.literal(''),
    opinion: action === 'analyse' ? shape.opinion.pipe(filled) : z.literal(''),
    forwardTo: action === 'forward' ? shape.forwardTo.pipe(filled) : z.literal(''),
  });
}

export function ReportActionModal({ report, action, onClose, onDone }: { report: ReportDetail; action: ReportAction; onClose: () => void; onDone: (r: ReportDetail) => void }) {
  const tz = useOfficeTimeZone();
  const client = useQueryClient();
  const label = enumLabel('reportAction', action);
  const [initialAt] = useState(() => toLocalInput(officeNow(), tz));
  const [schema] = useState(() => stepSchema(action, tz));
  const [refusal, setRefusal] = useState<string | null>(null);
  const form = useForm<Values>({
    initialValues: { at: initialAt, verification: '', nature: '', urgency: '', opinion: '', forwardTo: '', note: '' },
    validate: contractResolver(schema, {
      labels: {
        verification: t('reports.actions.verification'),
        nature: t('reports.actions.nature'),
        urgency: t('reports.actions.urgency'),
        opinion: t('reports.actions.opinion'),
        forwardTo: t('reports.actions.forwardTo'),
      },
    }),
  });
  const v = form.values;
  const transition = useApiMutation('reports.transition', {
    onSuccess: (detail) => {
      client.setQueryData(apiQueryKey('reports.get', { id: detail.id }), detail);
      notifySaved(t('reports.actions.done', { action: label }));
      onDone(detail);
    },
    onError: (error) => {
      setRefusal(error.message);
      applyErrors(form, error);
    },
  });

  const submit = form.onSubmit((values) => {
    const input = parsedInput(schema, values);
    setRefusal(null);
    transition.mutate({
      id: report.id,
      action,
      // Untouched, the time is "now" as the core sees it, so it can never fall before the step before.
      at: values.at !== initialAt ? input.at : null,
      note: input.note,
      verification: input.verification || null,
      nature: input.nature,
      urgency: input.urgency || null,
      opinion: input.opinion,
      forwardTo: input.forwardTo,
    });
  });

  return (
    <WorkflowActionModal
      title={label}
      intro={t(`reports.actions.intro.${action}` as MessageKey)}
      refusal={refusal}
      refusalTitle={t('reports.actions.refused', { action: label })}
      submitLabel={label}
      pending={transition.isPending}
      onSubmit={() => submit()}
      onClose={onClose}
    >
          {action === 'verify' && (
            <Radio.Group label={t('reports.actions.verification')} withAsterisk {...form.getInputProps('verification')}>
              <Group gap="lg" mt={4}>
                {VERIFICATION_RESULTS.map((x, i) => (
                  <Radio key={x} value={x} label={enumLabel('verification', x)} data-autofocus={i === 0 ? true : undefined} />
                ))}
              </Group>
            </Radio.Group>
          )}
          {action === 'analyse' && (
            <>
              <TextInput label={t('reports.actions.nature')} placeholder={t('reports.actions.naturePlaceholder')} withAsterisk data-autofocus {...form.getInputProps('nature')} />
              <Radio.Group label={t('reports.actions.urgency')} withAsterisk {...form.getInputProps('urgency')}>
                <Group gap="lg" mt={4}>
                  {URGENCIES.map((x) => (
                    <Radio key={x} value={x} label={enumLabel('urgency', x)} />
                  ))}
                </Group>
              </Radio.Group>
              <Textarea label={t('reports.actions.opinion')} placeholder={t('reports.actions.opinionPlaceholder')} withAsterisk autosize minRows={3} maxRows={8} {...form.getInputProps('opinion')} />
            </>
          )}
          {action === 'forward' && (
            <TextInput label={t('reports.actions.forwardTo')} placeholder={t('reports.actions.forwardToPlaceholder')} withAsterisk data-autofocus {...form.getInputProps('forwardTo')} />
          )}
          <Textarea
            label={t(NOTE_LABEL[action])}
            placeholder={action === 'verify' ? t('reports.actions.verifyNotePlaceholder') : undefined}
            autosize
            minRows={2}
            maxRows={6}
            data-autofocus={action === 'approve' ? true : undefined}
            {...form.getInputProps('note')}
          />
          <DateTimeField label={t('reports.actions.at')} description={t('reports.actions.atHint')} w={260} value={v.at} error={form.errors.at} onChange={(value) => form.setFieldValue('at', value)} />
    </WorkflowActionModal>
  );
}
