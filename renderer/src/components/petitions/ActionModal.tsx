/**
 * One dialog per workflow action, with exactly the fields that action needs (transitions.ts): forward needs
 * the receiving body, assign a unit, reject a reason, start_handling a unit and a lead leader, extend 1–30
 * days with a reason (a request the leader on duty approves in their own session, so no time and no approver
 * here), reply/review/rereview a decision (and a basis), withdraw a reason. Every other action has an optional
 * 办理时间 that defaults to now. When the core refuses, its message stays in the dialog and nothing changes.
 */
import { useState } from 'react';
import { Checkbox, Group, NumberInput, Radio, Select, Text, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { z } from 'zod';
import { transitionInputSchema, type PetitionDetail, type TransitionInput } from '../../../../shared/api';
import { DECISIONS, TEXT_LIMITS, type Decision, type PetitionAction } from '../../../../shared/enums';
import { t, enumLabel, type MessageKey } from '../../../../shared/i18n';
import { officeNow, useOfficeTimeZone } from '../../platform/clock';
import { notifySaved } from '../../platform/notify';
import { apiQueryKey, useApiMutation } from '../../platform/query';
import { useQueryClient } from '@tanstack/react-query';
import { contractResolver, parsedInput } from '../forms/contract-resolver';
import { applyErrors } from '../forms/form-errors';
import { chosenId, typedTime } from '../forms/form-fields';
import { WorkflowActionModal } from '../workflow/WorkflowActionModal';
import { LimitedTextarea } from '../forms/LimitedText';
import { DateTimeField } from './DateTimeField';
import { toLocalInput } from './petition-format';
import type { PetitionDirectory } from './use-directory';

type Field = 'targetBody' | 'unitId' | 'leaderId' | 'days' | 'decision' | 'basis' | 'noticeOnTheSpot' | 'note';

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
  extend: { fields: ['days', 'note'], reason: 'petitions.actions.extendReason' },
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
  decision: Decision | '';
  basis: string;
  noticeOnTheSpot: boolean;
  note: string;
}

/** The longest extension of the handling period (《信访工作条例》第三十四条); the core refuses more. */
const MAX_EXTENSION_DAYS = 30;

const filled = z.string().min(1);

/** The step's input as the form holds it: the contract's fields, those the step requires made required. */
function actionSchema(spec: ActionSpec, timeZone: string) {
  const has = (f: Field) => spec.fields.includes(f);
  const shape = transitionInputSchema.shape;
  // A field the step does not take is left out of its input.
  const absent = z.unknown().transform(() => undefined);
  return z.object({
    at: typedTime(timeZone, t('petitions.intake.badTime')),
    targetBody: has('targetBody') ? shape.targetBody.pipe(filled) : absent,
    unitId: has('unitId') ? chosenId : absent,
    leaderId: has('leaderId') ? chosenId : absent,
    days: has('days') ? z.number().int().min(1).max(MAX_EXTENSION_DAYS) : absent,
    decision: has('decision') ? z.enum(DECISIONS) : absent,
    basis: has('basis') ? (spec.basisRequired ? shape.basis.pipe(filled) : shape.basis) : absent,
    noticeOnTheSpot: has('noticeOnTheSpot') ? z.boolean() : absent,
    note: spec.reason ? shape.note.pipe(filled) : shape.note,
  });
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
  const client = useQueryClient();
  const spec = SPECS[action];
  const has = (f: Field) => spec.fields.includes(f);
  const actionLabel = enumLabel('action', action);
  const noteLabel = spec.reason ? t(spec.reason) : t('petitions.actions.note');
  const [initialAt] = useState(() => toLocalInput(officeNow(), tz));
  const [schema] = useState(() => actionSchema(spec, tz));
  const [refusal, setRefusal] = useState<string | null>(null);
  const form = useForm<Values>({
    initialValues: {
      at: initialAt,
      targetBody: '',
      unitId: petition.responsibleUnitId !== null ? String(petition.responsibleUnitId) : petition.unitId !== null ? String(petition.unitId) : null,
      leaderId: petition.leadLeaderId !== null ? String(petition.leadLeaderId) : null,
      days: '',
      decision: '',
      basis: '',
      noticeOnTheSpot: false,
      note: '',
    },
    validate: contractResolver(schema, {
      labels: {
        targetBody: t('petitions.actions.targetBody'),
        unitId: t('petitions.actions.unit'),
        leaderId: t('petitions.actions.leader'),
        decision: t('petitions.actions.decision'),
        basis: t('petitions.actions.basis'),
        note: noteLabel,
      },
      messages: { days: t('petitions.actions.daysRange') },
    }),
  });
  const onError = (error: Parameters<typeof applyErrors>[1]) => {
    setRefusal(error.message);
    // The alert above already says it: a field that the same message is about is only outlined in red.
    applyErrors(form, error, { outlineOnly: true });
  };
  const saved = (detail: PetitionDetail, message: string) => {
    client.setQueryData(apiQueryKey('petitions.get', { id: detail.id }), detail);
    notifySaved(message);
    onDone(detail);
  };
  const transition = useApiMutation('petitions.transition', { onSuccess: (detail) => saved(detail, t('petitions.actions.done', { action: actionLabel })), onError });
  // An extension is the leader's to give: the clerk's step is a request that waits in the leader's inbox.
  const extension = useApiMutation('petitions.extension.request', { onSuccess: (detail) => saved(detail, t('approvals.extension.requested')), onError });
  const requesting = action === 'extend';

  // The dialog opens on the first field that needs typing or choosing (a prefilled unit does not).
  const firstField = spec.fields.find((f) => f !== 'noticeOnTheSpot' && !(f === 'unitId' && form.values.unitId));
  const focusFirst = (f: Field): true | undefined => (f === firstField ? true : undefined);

  const submit = form.onSubmit((values) => {
    const v = parsedInput(schema, values);
    const input: TransitionInput = { id: petition.id, action, note: v.note };
    // Untouched, the time is "now" as the core sees it when the step is saved, so it can never fall before
    // a step saved a few seconds earlier.
    if (values.at !== initialAt) input.at = v.at;
    if (v.targetBody !== undefined) input.targetBody = v.targetBody;
    if (v.unitId !== undefined) input.unitId = v.unitId;
    if (v.leaderId !== undefined) input.leaderId = v.leaderId;
    if (v.days !== undefined) input.days = v.days;
    if (v.decision !== undefined) input.decision = v.decision;
    if (v.basis !== undefined) input.basis = v.basis;
    if (v.noticeOnTheSpot !== undefined) input.noticeOnTheSpot = v.noticeOnTheSpot;
    setRefusal(null);
    if (requesting) extension.mutate({ id: petition.id, days: input.days, note: input.note ?? '' });
    else transition.mutate(input);
  });

  const leaderSelect = (field: 'leaderId', label: MessageKey, placeholder: MessageKey) => (
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
    <WorkflowActionModal
      title={requesting ? t('approvals.extension.title') : actionLabel}
      intro={requesting ? t('approvals.extension.hint') : t(`petitions.actions.intro.${action}` as MessageKey)}
      refusal={refusal}
      refusalTitle={t('petitions.actions.refused', { action: actionLabel })}
      submitLabel={requesting ? t('approvals.extension.submit') : t('petitions.actions.submit', { action: actionLabel })}
      submitColor={action === 'withdraw' || action === 'reject' ? 'red' : undefined}
      pending={transition.isPending || extension.isPending}
      onSubmit={() => submit()}
      onClose={onClose}
    >
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
            <LimitedTextarea
              label={noteLabel}
              placeholder={spec.reason ? undefined : t('petitions.actions.notePlaceholder')}
              withAsterisk={spec.reason !== undefined}
              autosize
              minRows={2}
              maxRows={6}
              limit={requesting ? TEXT_LIMITS.reason : TEXT_LIMITS.note}
              data-autofocus={focusFirst('note')}
              {...form.getInputProps('note')}
            />
          )}
          {!requesting && (
            <DateTimeField
              label={t('petitions.actions.at')}
              description={t('petitions.actions.atHint')}
              w={260}
              value={form.values.at}
              error={form.errors.at}
              onChange={(value) => form.setFieldValue('at', value)}
            />
          )}
    </WorkflowActionModal>
  );
}
