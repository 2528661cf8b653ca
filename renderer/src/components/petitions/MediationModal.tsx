/** Adding a mediation entry (人民调解 / 行政调解 / 司法调解) to a petition while it is being handled. */
import { useState } from 'react';
import { SegmentedControl, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { contract, type PetitionDetail } from '../../../../shared/api';
import { MEDIATION_KINDS, MEDIATION_OUTCOMES, type MediationKind, type MediationOutcome } from '../../../../shared/enums';
import { t, enumLabel } from '../../../../shared/i18n';
import { officeNow, useOfficeTimeZone } from '../../platform/clock';
import { notifySaved } from '../../platform/notify';
import { apiQueryKey, useApiMutation } from '../../platform/query';
import { contractResolver, parsedInput } from '../forms/contract-resolver';
import { applyErrors } from '../forms/form-errors';
import { typedTime } from '../forms/form-fields';
import { WorkflowActionModal } from '../workflow/WorkflowActionModal';
import { DateTimeField } from './DateTimeField';
import { toLocalInput } from './petition-format';

function mediationSchema(timeZone: string) {
  return contract['petitions.mediations.create'].input.pick({ kind: true, outcome: true, note: true }).extend({ at: typedTime(timeZone, t('petitions.intake.badTime')) });
}

export function MediationModal({ petition, onClose, onDone }: { petition: PetitionDetail; onClose: () => void; onDone: (detail: PetitionDetail) => void }) {
  const tz = useOfficeTimeZone();
  const client = useQueryClient();
  const [refusal, setRefusal] = useState<string | null>(null);
  const [initialAt] = useState(() => toLocalInput(officeNow(), tz));
  const [schema] = useState(() => mediationSchema(tz));
  const form = useForm({
    initialValues: { kind: 'people' as MediationKind, outcome: 'ongoing' as MediationOutcome, at: initialAt, note: '' },
    validate: contractResolver(schema),
  });
  const create = useApiMutation('petitions.mediations.create', {
    onSuccess: (detail) => {
      client.setQueryData(apiQueryKey('petitions.get', { id: detail.id }), detail);
      notifySaved(t('petitions.mediation.saved'));
      onDone(detail);
    },
    onError: (error) => {
      setRefusal(error.message);
      applyErrors(form, error, { outlineOnly: true });
    },
  });

  const submit = form.onSubmit((values) => {
    const v = parsedInput(schema, values);
    // Untouched, the time is the moment of saving, so the entry sorts after the steps taken before it.
    create.mutate({ id: petition.id, kind: v.kind, outcome: v.outcome, at: values.at === initialAt ? officeNow() : v.at, note: v.note });
  });

  return (
    <WorkflowActionModal title={t('petitions.mediation.title')} refusal={refusal} submitLabel={t('petitions.mediation.save')} pending={create.isPending} onSubmit={() => submit()} onClose={onClose}>
          <Stack gap={4}>
            <Text size="sm" fw={500} id="mediation-kind">
              {t('petitions.mediation.kind')}
            </Text>
            <SegmentedControl
              aria-labelledby="mediation-kind"
              data={MEDIATION_KINDS.map((k) => ({ value: k, label: enumLabel('mediationKind', k) }))}
              value={form.values.kind}
              onChange={(k) => form.setFieldValue('kind', k as MediationKind)}
            />
          </Stack>
          <Stack gap={4}>
            <Text size="sm" fw={500} id="mediation-outcome">
              {t('petitions.mediation.outcome')}
            </Text>
            <SegmentedControl
              aria-labelledby="mediation-outcome"
              data={MEDIATION_OUTCOMES.map((o) => ({ value: o, label: enumLabel('mediationOutcome', o) }))}
              value={form.values.outcome}
              onChange={(o) => form.setFieldValue('outcome', o as MediationOutcome)}
            />
          </Stack>
          <Textarea
            label={t('petitions.mediation.note')}
            placeholder={t('petitions.mediation.notePlaceholder')}
            autosize
            minRows={3}
            maxRows={8}
            data-autofocus
            {...form.getInputProps('note')}
          />
          <DateTimeField label={t('petitions.mediation.at')} w={260} value={form.values.at} error={form.errors.at} onChange={(value) => form.setFieldValue('at', value)} />
    </WorkflowActionModal>
  );
}
