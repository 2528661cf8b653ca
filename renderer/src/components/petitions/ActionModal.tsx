/**
 * One dialog per workflow action, with exactly the fields that action needs (transitions.ts): forward needs
 * the receiving body, assign a unit, reject a reason, start_handling a unit and a lead leader, extend 1–30
 * days with a reason and an approving leader, reply/review/rereview a decision (and a basis), withdraw a
 * reason. Every action has an optional 办理时间 that defaults to now. When the core refuses, its message
 * stays in the dialog and nothing changes.
 */
import { useState, type KeyboardEvent } from 'react';
import { Alert, Button, Checkbox, Group, Modal, NumberInput, Radio, Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertCircle } from '@tabler/icons-react';
import type { ApiError, PetitionDetail, TransitionInput } from '../../../../shared/api';
import { DECISIONS, type Decision, type PetitionAction } from '../../../../shared/enums';
import { t, enumLabel, type MessageKey } from '../../../../shared/i18n';
import { api } from '../../api/client';
import { officeNow, useOfficeTimeZone } from '../../app/clock';
import { notifySaved } from '../../app/use-api';
import { DateTimeField } from './DateTimeField';
import { fromLocalInput, toLocalInput } from './petition-format';
import type { PetitionDirectory } from './use-directory';

type Field = 'targetBody' | 'unitId' | 'leaderId' | 'days' | 'approverId' | 'decision' | 'basis' | 'noticeOnTheSpot' | 'note';

interface ActionSpec {
  readonly fields: readonly Field[];
  /** When the note is the required reason, the label it carries. */
  readonly reason?: MessageKey;
  readonly basisRequired?: boolean;
}

const SPECS: Readonly<Record<PetitionAction, ActionSpec>> = {
  forward: { fields: ['targetBody', 'note'] },
  assign: { fields: ['unitId', 'note'] },
  accept: { fields: ['noticeOnTheSpot', 'note'] },
  reject: { fields: ['note'], reason: 'petitions.actions.rejectReason' },
  start_handling: { fields: ['unitId', 'leaderId', 'note'] },
  extend: { fields: ['days', 'note', 'approverId'], reason: 'petitions.actions.extendReason' },
  reply: { fields: ['decision', 'basis', 'note'], basisRequired: true },
  request_review: { fields: ['note'] },
  review: { fields: ['decision', 'basis', 'note'] },
  request_rereview: { fields: ['note'] },
  rereview: { fields: ['decision', 'basis', 'note'] },
  close: { fields: ['note'] },
  withdraw: { fields: ['note'], reason: 'petitions.actions.withdrawReason' },
};

interface Values {
  at: string;
  targetBody: string;
  unitId: string | null;
  leaderId: string | null;
  days: number | string;
  approverId: string | null;
  decision: Decision | '';
  basis: string;
  noticeOnTheSpot: boolean;
  note: string;
}

export function ActionModal({
  petition,
  action,
  directory,
  onClose,
  onDone,
}: {
  petition: PetitionDetail;
  action: PetitionAction;
  directory: PetitionDirectory;
  onClose: () => void;
  onDone: (detail: PetitionDetail) => void;
}) {
  const tz = useOfficeTimeZone();
  const spec = SPECS[action];
  const has = (f: Field) => spec.fields.includes(f);
  const actionLabel = enumLabel('action', action);
  const [initialAt] = useState(() => toLocalInput(officeNow(), tz));
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<ApiError | null>(null);
  const form = useForm<Values>({
    initialValues: {
      at: initialAt,
      targetBody: '',
      unitId: petition.responsibleUnitId !== null ? String(petition.responsibleUnitId) : petition.unitId !== null ? String(petition.unitId) : null,
      leaderId: petition.leadLeaderId !== null ? String(petition.leadLeaderId) : null,
      days: '',
      approverId: null,
      decision: '',
      basis: '',
      noticeOnTheSpot: false,
      note: '',
    },
  });

  const noteLabel = spec.reason ? t(spec.reason) : t('petitions.actions.note');
  // The dialog opens on the first field that needs typing or choosing (a prefilled unit does not).
  const firstField = spec.fields.find((f) => f !== 'noticeOnTheSpot' && !(f === 'unitId' && form.values.unitId));
  const focusFirst = (f: Field): true | undefined => (f === firstField ? true : undefined);

  const validate = (v: Values): Record<string, string> => {
    const e: Record<string, string> = {};
    const required = (field: string) => t('petitions.actions.required', { field });
    const pick = (field: string) => t('petitions.actions.pick', { field });
    if (fromLocalInput(v.at, tz) === null) e.at = t('petitions.intake.badTime');
    if (has('targetBody') && !v.targetBody.trim()) e.targetBody = required(t('petitions.actions.targetBody'));
    if (has('unitId') && !v.unitId) e.unitId = pick(t('petitions.actions.unit'));
    if (has('leaderId') && !v.leaderId) e.leaderId = pick(t('petitions.actions.leader'));
    if (has('days')) {
      const d = Number(v.days);
      if (v.days === '' || !Number.isInteger(d) || d < 1 || d > 30) e.days = t('petitions.actions.daysRange');
    }
    if (has('approverId') && !v.approverId) e.approverId = pick(t('petitions.actions.approver'));
    if (has('decision') && !v.decision) e.decision = pick(t('petitions.actions.decision'));
    if (spec.basisRequired && !v.basis.trim()) e.basis = required(t('petitions.actions.basis'));
    if (spec.reason && !v.note.trim()) e.note = required(noteLabel);
    return e;
  };

  const submit = async () => {
    if (busy) return;
    const v = form.values;
    const errors = validate(v);
    form.setErrors(errors);
    if (Object.keys(errors).length > 0) return;
    const input: TransitionInput = { id: petition.id, action, note: v.note.trim() };
    // Untouched, the time is "now" as the core sees it when the step is saved, so it can never fall before
    // a step saved a few seconds earlier.
    if (v.at !== initialAt) input.at = fromLocalInput(v.at, tz) ?? undefined;
    if (has('targetBody')) input.targetBody = v.targetBody.trim();
    if (has('unitId') && v.unitId) input.unitId = Number(v.unitId);
    if (has('leaderId') && v.leaderId) input.leaderId = Number(v.leaderId);
    if (has('days')) input.days = Number(v.days);
    if (has('approverId') && v.approverId) input.approverId = Number(v.approverId);
    if (has('decision') && v.decision) input.decision = v.decision;
    if (has('basis')) input.basis = v.basis.trim();
    if (has('noticeOnTheSpot')) input.noticeOnTheSpot = v.noticeOnTheSpot;
    setBusy(true);
    setRefusal(null);
    const r = await api.call('petitions.transition', input);
    setBusy(false);
    if (!r.ok) {
      setRefusal(r.error);
      // The alert above already says it: a field that the same message is about is only outlined in red.
      const fields = Object.entries(r.error.fields ?? {}).filter(([k]) => k in v);
      form.setErrors(Object.fromEntries(fields.map(([k, m]) => [k, m === r.error.message ? true : m])));
      return;
    }
    notifySaved(t('petitions.actions.done', { action: actionLabel }));
    onDone(r.value);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key !== 'Enter' || e.nativeEvent.isComposing) return;
    if (e.ctrlKey || e.metaKey) {
      e.preventDefault();
      void submit();
    } else if (e.target instanceof HTMLInputElement) {
      // Enter in a one-line field does not submit the step by accident; Ctrl+Enter or the button does.
      e.preventDefault();
    }
  };

  const leaderSelect = (field: 'leaderId' | 'approverId', label: MessageKey, placeholder: MessageKey) => (
    <Select
      label={t(label)}
      placeholder={t(placeholder)}
      data={directory.leaders}
      searchable
      withAsterisk
      data-autofocus={focusFirst(field)}
      {...form.getInputProps(field)}
    />
  );

  return (
    <Modal opened onClose={onClose} title={actionLabel} centered size="lg" styles={{ title: { fontWeight: 700, fontSize: 'var(--mantine-font-size-lg)' } }}>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <Stack gap="sm" onKeyDown={onKeyDown}>
          <Text size="sm" c="dimmed">
            {t(`petitions.actions.intro.${action}` as MessageKey)}
          </Text>
          {refusal && (
            <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} title={t('petitions.actions.refused', { action: actionLabel })} role="alert">
              {refusal.message}
            </Alert>
          )}
          {has('targetBody') && (
            <TextInput
              label={t('petitions.actions.targetBody')}
              placeholder={t('petitions.actions.targetBodyPlaceholder')}
              withAsterisk
              data-autofocus={focusFirst('targetBody')}
              {...form.getInputProps('targetBody')}
            />
          )}
          {has('unitId') && (
            <Select
              label={t('petitions.actions.unit')}
              placeholder={t('petitions.actions.unitPlaceholder')}
              data={directory.units}
              searchable
              withAsterisk
              data-autofocus={focusFirst('unitId')}
              {...form.getInputProps('unitId')}
            />
          )}
          {has('leaderId') && leaderSelect('leaderId', 'petitions.actions.leader', 'petitions.actions.leaderPlaceholder')}
          {has('days') && (
            <Group gap="sm" align="flex-end" wrap="nowrap">
              <NumberInput
                label={t('petitions.actions.days')}
                min={1}
                max={30}
                w={140}
                allowDecimal={false}
                allowNegative={false}
                withAsterisk
                data-autofocus={focusFirst('days')}
                {...form.getInputProps('days')}
              />
              <Text size="xs" c="dimmed" pb={form.errors.days ? 28 : 10}>
                {t('petitions.actions.daysHint')}
              </Text>
            </Group>
          )}
          {has('decision') && (
            <Radio.Group label={t('petitions.actions.decision')} withAsterisk {...form.getInputProps('decision')}>
              <Group gap="lg" mt={4}>
                {DECISIONS.map((d, i) => (
                  <Radio key={d} value={d} label={enumLabel('decision', d)} data-autofocus={i === 0 ? focusFirst('decision') : undefined} />
                ))}
              </Group>
            </Radio.Group>
          )}
          {has('basis') && (
            <Textarea
              label={t('petitions.actions.basis')}
              placeholder={t('petitions.actions.basisPlaceholder')}
              withAsterisk={spec.basisRequired === true}
              autosize
              minRows={2}
              maxRows={6}
              {...form.getInputProps('basis')}
            />
          )}
          {has('noticeOnTheSpot') && <Checkbox label={t('petitions.actions.noticeOnTheSpot')} {...form.getInputProps('noticeOnTheSpot', { type: 'checkbox' })} />}
          {has('note') && (
            <Textarea
              label={noteLabel}
              placeholder={spec.reason ? undefined : t('petitions.actions.notePlaceholder')}
              withAsterisk={spec.reason !== undefined}
              autosize
              minRows={2}
              maxRows={6}
              data-autofocus={focusFirst('note')}
              {...form.getInputProps('note')}
            />
          )}
          {has('approverId') && leaderSelect('approverId', 'petitions.actions.approver', 'petitions.actions.approverPlaceholder')}
          <DateTimeField
            label={t('petitions.actions.at')}
            description={t('petitions.actions.atHint')}
            w={260}
            value={form.values.at}
            error={form.errors.at}
            onChange={(value) => form.setFieldValue('at', value)}
          />
          <Group justify="flex-end" mt="xs">
            <Button variant="default" onClick={onClose}>
              {t('petitions.actions.cancel')}
            </Button>
            <Button type="submit" loading={busy} color={action === 'withdraw' || action === 'reject' ? 'red' : undefined}>
              {t('petitions.actions.submit', { action: actionLabel })}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
