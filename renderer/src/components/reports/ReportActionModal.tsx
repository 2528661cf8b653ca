/**
 * One dialog per workflow step of an information report, with exactly the fields the core needs
 * (main/core/reports/transitions.ts): 核实 a result and how it was verified, 研判 the nature, urgency and an
 * initial handling opinion, 审核 a leader's remarks, 报送上级 the receiving body. When the core refuses, its
 * message stays in the dialog and nothing changes.
 */
import { useState, type KeyboardEvent } from 'react';
import { Alert, Button, Group, Modal, Radio, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertCircle } from '@tabler/icons-react';
import type { ApiError, ReportDetail, ReportTransitionInput } from '../../../../shared/api';
import { URGENCIES, VERIFICATION_RESULTS, type ReportAction, type Urgency, type VerificationResult } from '../../../../shared/enums';
import { t, enumLabel, type MessageKey } from '../../../../shared/i18n';
import { api } from '../../api/client';
import { officeNow, useOfficeTimeZone } from '../../app/clock';
import { notifySaved } from '../../app/use-api';
import { DateTimeField } from '../petitions/DateTimeField';
import { fromLocalInput, toLocalInput } from '../petitions/petition-format';

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
};

export function ReportActionModal({ report, action, onClose, onDone }: { report: ReportDetail; action: ReportAction; onClose: () => void; onDone: (r: ReportDetail) => void }) {
  const tz = useOfficeTimeZone();
  const label = enumLabel('reportAction', action);
  const [initialAt] = useState(() => toLocalInput(officeNow(), tz));
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<ApiError | null>(null);
  const form = useForm<Values>({ initialValues: { at: initialAt, verification: '', nature: '', urgency: '', opinion: '', forwardTo: '', note: '' } });
  const v = form.values;

  const validate = (): Record<string, string> => {
    const e: Record<string, string> = {};
    const required = (key: MessageKey) => t('reports.actions.required', { field: t(key) });
    const pick = (key: MessageKey) => t('reports.actions.pick', { field: t(key) });
    if (fromLocalInput(v.at, tz) === null) e.at = t('reports.form.badTime');
    if (action === 'verify' && !v.verification) e.verification = pick('reports.actions.verification');
    if (action === 'analyse') {
      if (!v.nature.trim()) e.nature = required('reports.actions.nature');
      if (!v.urgency) e.urgency = pick('reports.actions.urgency');
      if (!v.opinion.trim()) e.opinion = required('reports.actions.opinion');
    }
    if (action === 'forward' && !v.forwardTo.trim()) e.forwardTo = required('reports.actions.forwardTo');
    return e;
  };

  const submit = async () => {
    if (busy) return;
    const errors = validate();
    form.setErrors(errors);
    if (Object.keys(errors).length > 0) return;
    const input: ReportTransitionInput = {
      id: report.id,
      action,
      // Untouched, the time is "now" as the core sees it, so it can never fall before the step before.
      at: v.at !== initialAt ? fromLocalInput(v.at, tz) : null,
      note: v.note.trim(),
      verification: v.verification || null,
      nature: v.nature.trim(),
      urgency: v.urgency || null,
      opinion: v.opinion.trim(),
      forwardTo: v.forwardTo.trim(),
    };
    setBusy(true);
    setRefusal(null);
    const r = await api.call('reports.transition', input);
    setBusy(false);
    if (!r.ok) {
      setRefusal(r.error);
      form.setErrors(Object.fromEntries(Object.entries(r.error.fields ?? {}).filter(([k]) => k in v)));
      return;
    }
    notifySaved(t('reports.actions.done', { action: label }));
    onDone(r.value);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key !== 'Enter' || e.nativeEvent.isComposing) return;
    if (e.ctrlKey || e.metaKey) {
      e.preventDefault();
      void submit();
    } else if (e.target instanceof HTMLInputElement) {
      e.preventDefault();
    }
  };

  return (
    <Modal opened onClose={onClose} title={label} centered size="lg" styles={{ title: { fontWeight: 700, fontSize: 'var(--mantine-font-size-lg)' } }}>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <Stack gap="sm" onKeyDown={onKeyDown}>
          <Text size="sm" c="dimmed">
            {t(`reports.actions.intro.${action}` as MessageKey)}
          </Text>
          {refusal && (
            <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} title={t('reports.actions.refused', { action: label })} role="alert">
              {refusal.message}
            </Alert>
          )}
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
          <Group justify="flex-end" mt="xs">
            <Button variant="default" onClick={onClose}>
              {t('reports.actions.cancel')}
            </Button>
            <Button type="submit" loading={busy}>
              {label}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
