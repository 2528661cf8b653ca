/**
 * 申请作废: a mistaken registration (entered twice, wrong office, test entry) is voided with a reason, once a
 * leader approves. Nothing changes until then; the number stays used either way.
 */
import { useState } from 'react';
import type { PetitionDetail } from '../../../../shared/api';
import { t } from '../../../../shared/i18n';
import { notifySaved } from '../../platform/notify';
import { apiQueryKey, useApiMutation } from '../../platform/query';
import { useQueryClient } from '@tanstack/react-query';
import { WorkflowActionModal } from '../workflow/WorkflowActionModal';
import { ReasonField } from '../forms/LimitedText';

export function VoidModal({ petition, onClose }: { petition: PetitionDetail; onClose: () => void }) {
  const client = useQueryClient();
  const [reason, setReason] = useState('');
  const [refusal, setRefusal] = useState<string | null>(null);
  const request = useApiMutation('petitions.void.request', {
    onSuccess: (detail) => {
      client.setQueryData(apiQueryKey('petitions.get', { id: detail.id }), detail);
      notifySaved(t('approvals.void.requested'));
      onClose();
    },
    onError: (error) => setRefusal(error.message),
  });
  return (
    <WorkflowActionModal
      title={t('approvals.void.title')}
      intro={t('approvals.void.hint')}
      refusal={refusal}
      refusalTitle={t('petitions.actions.refused', { action: t('approvals.void.button') })}
      submitLabel={t('approvals.void.submit')}
      submitColor="red"
      pending={request.isPending}
      onSubmit={() => {
        setRefusal(null);
        request.mutate({ id: petition.id, reason: reason.trim() });
      }}
      onClose={onClose}
    >
      <ReasonField label={t('approvals.void.reason')} placeholder={t('approvals.void.reasonPlaceholder')} value={reason} onChange={setReason} />
    </WorkflowActionModal>
  );
}
