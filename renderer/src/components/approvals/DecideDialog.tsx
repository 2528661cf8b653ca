/**
 * The leader's decision on one request, in the leader's own session: 批准 with an optional note, or 退回 with
 * the reason the requester will read. When the core refuses (decided meanwhile, not a leader), its message
 * stays in the dialog and nothing changes.
 */
import { useState } from 'react';
import { Textarea } from '@mantine/core';
import type { Approval } from '../../../../shared/api';
import { TEXT_LIMITS } from '../../../../shared/enums';
import { t, enumLabel } from '../../../../shared/i18n';
import { notifySaved } from '../../platform/notify';
import { useApiMutation, type ApiFailure } from '../../platform/query';
import { WorkflowActionModal } from '../workflow/WorkflowActionModal';
import { LimitCounter } from '../forms/LimitedText';
import { ApprovalCard } from './ApprovalCard';

export type Decision = 'approve' | 'return';

export function DecideDialog({ approval, decision, onClose }: { approval: Approval; decision: Decision; onClose: () => void }) {
  const kind = enumLabel('approvalKind', approval.kind);
  const [note, setNote] = useState('');
  const [refusal, setRefusal] = useState<string | null>(null);
  const handlers = {
    onSuccess: () => {
      notifySaved(decision === 'approve' ? t('approvals.approved') : t('approvals.returnedDone'));
      onClose();
    },
    onError: (error: ApiFailure) => setRefusal(error.fields?.note ?? error.message),
  };
  const approve = useApiMutation('approvals.approve', handlers);
  const giveBack = useApiMutation('approvals.return', handlers);
  const returning = decision === 'return';
  const submit = () => {
    const text = note.trim();
    if (text.length > TEXT_LIMITS.reason) return setRefusal(t('errors.generic.textTooLong', { max: TEXT_LIMITS.reason, count: text.length }));
    setRefusal(null);
    (returning ? giveBack : approve).mutate({ id: approval.id, note: text });
  };
  return (
    <WorkflowActionModal
      title={t(returning ? 'approvals.returnTitle' : 'approvals.approveTitle', { kind })}
      refusal={refusal}
      submitLabel={t(returning ? 'approvals.return' : 'approvals.approve')}
      submitColor={returning ? 'red' : 'green'}
      pending={approve.isPending || giveBack.isPending}
      onSubmit={submit}
      onClose={onClose}
    >
      <ApprovalCard approval={approval} />
      <div>
        <Textarea
          label={t(returning ? 'approvals.returnNote' : 'approvals.approveNote')}
          placeholder={t(returning ? 'approvals.returnNotePlaceholder' : 'approvals.approveNotePlaceholder')}
          withAsterisk={returning}
          autosize
          minRows={2}
          maxRows={6}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          data-autofocus
        />
        <LimitCounter value={note} limit={TEXT_LIMITS.reason} />
      </div>
    </WorkflowActionModal>
  );
}
