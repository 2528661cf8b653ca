/**
 * One dialog per step a warning can take: feedback from the responsible unit (what was done, and who at the
 * unit said so), supervision (督办: an opinion and its own deadline, by default the configured hours from
 * now), a level change (the new level and a reason), and lifting (解除预警: the outcome and the approving
 * leader). Missing content is refused in the dialog with a message saying what to fill in; the core's own
 * refusals stay in the dialog too, and nothing changes.
 */
import { useState } from 'react';
import { SegmentedControl, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { z } from 'zod';
import { contract, type WarningDetail } from '../../../../shared/api';
import { WARNING_LEVELS, type WarningAction, type WarningLevel } from '../../../../shared/enums';
import { t, enumLabel, type MessageKey } from '../../../../shared/i18n';
import { officeNow, useOfficeTimeZone } from '../../platform/clock';
import { notifySaved } from '../../platform/notify';
import { useApiMutation, type ApiFailure } from '../../platform/query';
import { contractResolver, parsedInput } from '../forms/contract-resolver';
import { applyErrors } from '../forms/form-errors';
import { LimitedTextarea, LimitedTextInput } from '../forms/LimitedText';
import { typedTime } from '../forms/form-fields';
import { WorkflowActionModal } from '../workflow/WorkflowActionModal';
import { DateTimeField } from '../petitions/DateTimeField';
import { toLocalInput } from '../petitions/petition-format';
import { LEVEL_COLOR } from './warning-format';

interface Values {
  text: string;
  source: string;
  level: WarningLevel | '';
  dueAt: string;
}

const HOUR_MS = 3_600_000;

const TEXT_LABEL: Readonly<Record<WarningAction, MessageKey>> = {
  feedback: 'warnings.actions.feedbackContent',
  supervise: 'warnings.actions.supervisionNote',
  change_level: 'warnings.actions.reason',
  lift: 'warnings.actions.outcome',
};

const TEXT_PLACEHOLDER: Readonly<Record<WarningAction, MessageKey>> = {
  feedback: 'warnings.actions.feedbackPlaceholder',
  supervise: 'warnings.actions.supervisionPlaceholder',
  change_level: 'warnings.actions.reasonPlaceholder',
  lift: 'warnings.actions.outcomePlaceholder',
};

/** The contract's limit for each step's text ('warnings.*' procedures). */
const TEXT_LIMIT: Readonly<Record<WarningAction, number>> = { feedback: 4000, supervise: 2000, change_level: 1000, lift: 4000 };

/** The core's field names for the one text each step takes, and the form's. */
const TEXT_FIELD = { content: 'text', note: 'text', reason: 'text', outcome: 'text' } as const;

const filled = z.string().min(1);

/** Each step's input as the dialog holds it; every step needs its text, whatever the core would accept. */
function stepSchema(action: WarningAction, current: WarningLevel, timeZone: string) {
  const text = {
    feedback: contract['warnings.feedback.create'].input.shape.content,
    supervise: contract['warnings.supervise'].input.shape.note.pipe(filled),
    change_level: contract['warnings.changeLevel'].input.shape.reason.pipe(filled),
    lift: contract['warnings.lift'].input.shape.outcome.pipe(filled),
  }[action];
  const level = contract['warnings.changeLevel'].input.shape.level.refine((l) => l !== current, {
    error: t('errors.warnings.sameLevel', { level: enumLabel('warningLevel', current) }),
  });
  return z.object({
    text,
    source: contract['warnings.feedback.create'].input.shape.source,
    level: action === 'change_level' ? level : z.unknown(),
    dueAt:
      action === 'supervise'
        ? typedTime(timeZone, t('warnings.actions.badTime')).refine((due) => due > officeNow(), { error: t('errors.warnings.dueNotAfterNow') })
        : z.unknown(),
  });
}

export function WarningActionModal({
  warning,
  action,
  supervisionHours,
  onClose,
  onDone,
}: {
  warning: WarningDetail;
  action: WarningAction;
  /** The configured default for a supervision deadline, from now. */
  supervisionHours: number;
  onClose: () => void;
  onDone: () => void;
}) {
  const tz = useOfficeTimeZone();
  const label = enumLabel('warningAction', action);
  const textLabel = t(TEXT_LABEL[action]);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [initialDue] = useState(() => toLocalInput(officeNow() + supervisionHours * HOUR_MS, tz));
  const [schema] = useState(() => stepSchema(action, warning.level, tz));
  const form = useForm<Values>({
    initialValues: {
      text: '',
      source: '',
      // Raising is the usual change: default to the next level up.
      level: action === 'change_level' ? (WARNING_LEVELS[Math.max(0, WARNING_LEVELS.indexOf(warning.level) - 1)] ?? '') : '',
      dueAt: initialDue,
    },
    validate: contractResolver(schema, { labels: { text: textLabel }, messages: { level: t('warnings.actions.levelRequired') } }),
  });
  const v = form.values;
  const handlers = {
    onSuccess: () => {
      // Lifting is the leader's to give: the clerk's outcome waits in the leader's inbox.
      notifySaved(action === 'lift' ? t('approvals.lift.requested') : t('warnings.actions.done', { action: label }));
      onDone();
    },
    onError: (error: ApiFailure) => {
      setRefusal(error.message);
      applyErrors(form, error, { rename: TEXT_FIELD });
    },
  };
  const feedback = useApiMutation('warnings.feedback.create', handlers);
  const supervise = useApiMutation('warnings.supervise', handlers);
  const changeLevel = useApiMutation('warnings.changeLevel', handlers);
  const lift = useApiMutation('warnings.lift', handlers);
  const pending = feedback.isPending || supervise.isPending || changeLevel.isPending || lift.isPending;

  const submit = form.onSubmit(
    (values) => {
      const input = parsedInput(schema, values);
      setRefusal(null);
      switch (action) {
        case 'feedback':
          return feedback.mutate({ id: warning.id, content: input.text, source: input.source });
        case 'supervise':
          // Untouched, the deadline is left to the core (the configured hours from the moment it is saved).
          return supervise.mutate({ id: warning.id, note: input.text, dueAt: values.dueAt === initialDue ? null : (input.dueAt as number) });
        case 'change_level':
          return changeLevel.mutate({ id: warning.id, level: input.level as WarningLevel, reason: input.text });
        case 'lift':
          return lift.mutate({ id: warning.id, outcome: input.text });
      }
    },
    // The dialog's alert says what is missing first; the fields say the rest.
    (errors) => setRefusal(String(Object.values(errors)[0] ?? '')),
  );

  return (
    <WorkflowActionModal
      title={label}
      intro={t(`warnings.actions.intro.${action}` as MessageKey, { supervisionHours })}
      refusal={refusal}
      refusalTitle={t('warnings.actions.refused', { action: label })}
      submitLabel={t('warnings.actions.submit', { action: label })}
      submitColor={action === 'lift' ? 'green' : action === 'supervise' ? 'orange' : undefined}
      pending={pending}
      onSubmit={() => submit()}
      onClose={onClose}
    >
          {action === 'change_level' && (
            <Stack gap={4}>
              <Text size="sm" fw={500} id="new-level-label">
                {t('warnings.actions.newLevel', { current: enumLabel('warningLevel', warning.level) })}
              </Text>
              <SegmentedControl
                aria-labelledby="new-level-label"
                data={WARNING_LEVELS.map((l) => ({ value: l, label: enumLabel('warningLevel', l), disabled: l === warning.level }))}
                value={v.level}
                color={v.level ? LEVEL_COLOR[v.level] : undefined}
                onChange={(value) => form.setFieldValue('level', value as WarningLevel)}
                w={300}
              />
              {form.errors.level && (
                <Text size="xs" c="red">
                  {form.errors.level}
                </Text>
              )}
            </Stack>
          )}
          <LimitedTextarea
            label={textLabel}
            placeholder={t(TEXT_PLACEHOLDER[action])}
            withAsterisk
            autosize
            minRows={3}
            maxRows={8}
            limit={TEXT_LIMIT[action]}
            data-autofocus
            {...form.getInputProps('text')}
          />
          {action === 'feedback' && (
            <LimitedTextInput label={t('warnings.actions.source')} placeholder={t('warnings.actions.sourcePlaceholder')} limit={100} {...form.getInputProps('source')} />
          )}
          {action === 'supervise' && (
            <DateTimeField
              label={t('warnings.actions.supervisionDue')}
              description={t('warnings.actions.supervisionDueHint', { hours: supervisionHours })}
              w={300}
              value={v.dueAt}
              error={form.errors.dueAt}
              onChange={(value) => form.setFieldValue('dueAt', value)}
            />
          )}
    </WorkflowActionModal>
  );
}
