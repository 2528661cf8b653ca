/** Links an information report to the petition about the same matter, or removes the link. */
import { useState } from 'react';
import { Button } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import type { ReportDetail } from '../../../../shared/api';
import { t } from '../../../../shared/i18n';
import { notifySaved } from '../../platform/notify';
import { apiQueryKey, useApiMutation } from '../../platform/query';
import { contractResolver, parsedInput } from '../forms/contract-resolver';
import { chosenId } from '../forms/form-fields';
import { WorkflowActionModal } from '../workflow/WorkflowActionModal';
import { PetitionPicker } from './PetitionPicker';

const linkForm = z.object({ petitionId: chosenId });

export function LinkPetitionModal({ report, onClose, onDone }: { report: ReportDetail; onClose: () => void; onDone: (r: ReportDetail) => void }) {
  const client = useQueryClient();
  const [refusal, setRefusal] = useState<string | null>(null);
  const form = useForm({
    initialValues: { petitionId: report.petition ? String(report.petition.id) : (null as string | null) },
    validate: contractResolver(linkForm, { messages: { petitionId: t('reports.link.required') } }),
  });
  const link = useApiMutation('reports.linkPetition', {
    onSuccess: (detail) => {
      client.setQueryData(apiQueryKey('reports.get', { id: detail.id }), detail);
      notifySaved(detail.petition ? t('reports.link.saved', { number: detail.petition.number }) : t('reports.link.removed'));
      onDone(detail);
    },
    onError: (error) => setRefusal(error.message),
  });
  const save = (petitionId: number | null) => {
    setRefusal(null);
    link.mutate({ id: report.id, petitionId });
  };
  const submit = form.onSubmit((values) => save(parsedInput(linkForm, values).petitionId));

  return (
    <WorkflowActionModal
      title={t('reports.link.title')}
      intro={t('reports.link.intro')}
      refusal={refusal}
      submitLabel={t('reports.link.save')}
      pending={link.isPending}
      onSubmit={() => submit()}
      onClose={onClose}
      aside={
        report.petition ? (
          <Button variant="subtle" color="red" loading={link.isPending} onClick={() => save(null)}>
            {t('reports.link.remove')}
          </Button>
        ) : undefined
      }
    >
      <PetitionPicker
        label={t('reports.link.petition')}
        value={form.values.petitionId}
        onChange={(v) => form.setFieldValue('petitionId', v)}
        error={typeof form.errors.petitionId === 'string' ? form.errors.petitionId : undefined}
        initial={report.petition}
        autoFocus
      />
    </WorkflowActionModal>
  );
}
