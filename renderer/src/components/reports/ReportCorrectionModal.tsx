/**
 * 更正报告: until a leader approves a report, what it says can be corrected with a reason (after a return, this
 * is how the clerk answers the leader's reason before resubmitting). The timeline shows each field old → new.
 * After approval, new facts come as a 续报 instead.
 */
import { useState } from 'react';
import { NumberInput, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import type { ReportCorrectionInput, ReportDetail } from '../../../../shared/api';
import { TEXT_LIMITS } from '../../../../shared/enums';
import { t } from '../../../../shared/i18n';
import { notifySaved } from '../../platform/notify';
import { apiQueryKey, useApiMutation } from '../../platform/query';
import { WorkflowActionModal } from '../workflow/WorkflowActionModal';
import { LimitedTextarea, LimitedTextInput, ReasonField } from '../forms/LimitedText';

type Text = 'place' | 'summary' | 'content' | 'demands';

export function ReportCorrectionModal({ report, onClose }: { report: ReportDetail; onClose: () => void }) {
  const client = useQueryClient();
  const [v, setV] = useState({ place: report.place, peopleCount: report.peopleCount as number | string, summary: report.summary, content: report.content, demands: report.demands });
  const [reason, setReason] = useState('');
  const [refusal, setRefusal] = useState<string | null>(null);
  const correct = useApiMutation('reports.correct', {
    onSuccess: (detail) => {
      client.setQueryData(apiQueryKey('reports.get', { id: detail.id }), detail);
      notifySaved(t('approvals.correction.applied'));
      onClose();
    },
    onError: (error) => setRefusal(error.message),
  });
  const setText = (field: Text, value: string) => setV((old) => ({ ...old, [field]: value }));
  const submit = () => {
    const changes: ReportCorrectionInput['changes'] = {};
    for (const field of ['place', 'summary', 'content', 'demands'] as const) if (v[field].trim() !== report[field]) changes[field] = v[field].trim();
    if (String(v.peopleCount) !== String(report.peopleCount)) changes.peopleCount = Number(v.peopleCount);
    if (Object.keys(changes).length === 0) return setRefusal(t('approvals.correction.noChange'));
    setRefusal(null);
    correct.mutate({ id: report.id, reason: reason.trim(), changes });
  };
  return (
    <WorkflowActionModal
      title={t('approvals.report.correctTitle')}
      intro={t('approvals.report.correctHint')}
      refusal={refusal}
      submitLabel={t('approvals.correction.submit')}
      pending={correct.isPending}
      onSubmit={submit}
      onClose={onClose}
    >
      <TextInput label={t('approvals.field.place')} value={v.place} onChange={(e) => setText('place', e.currentTarget.value)} />
      <NumberInput label={t('approvals.field.peopleCount')} min={0} allowDecimal={false} w={160} value={v.peopleCount} onChange={(value) => setV((old) => ({ ...old, peopleCount: value }))} />
      <LimitedTextInput label={t('approvals.field.summary')} limit={TEXT_LIMITS.summary} value={v.summary} onChange={(e) => setText('summary', e.currentTarget.value)} />
      <LimitedTextarea label={t('approvals.field.content')} limit={TEXT_LIMITS.request} autosize minRows={3} maxRows={8} value={v.content} onChange={(e) => setText('content', e.currentTarget.value)} />
      <LimitedTextarea label={t('approvals.field.demands')} limit={TEXT_LIMITS.request} autosize minRows={2} maxRows={5} value={v.demands} onChange={(e) => setText('demands', e.currentTarget.value)} />
      <ReasonField label={t('approvals.correction.reason')} placeholder={t('approvals.correction.reasonPlaceholder')} value={reason} onChange={setReason} />
    </WorkflowActionModal>
  );
}
