/**
 * One dialog per step a warning can take: feedback from the responsible unit (what was done, and who at the
 * unit said so), supervision (督办: an opinion and its own deadline, by default the configured hours from
 * now), a level change (the new level and a reason), and lifting (解除预警: the outcome and the approving
 * leader). Missing content is refused in the dialog with a message saying what to fill in; the core's own
 * refusals stay in the dialog too, and nothing changes.
 */
import { useState } from 'react';
import { Alert, Button, Group, Modal, SegmentedControl, Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertCircle } from '@tabler/icons-react';
import type { WarningDetail } from '../../../../shared/api';
import { WARNING_LEVELS, type WarningAction, type WarningLevel } from '../../../../shared/enums';
import { t, enumLabel, type MessageKey } from '../../../../shared/i18n';
import { api } from '../../api/client';
import { officeNow, useOfficeTimeZone } from '../../app/clock';
import { notifySaved } from '../../app/use-api';
import { DateTimeField } from '../petitions/DateTimeField';
import { fromLocalInput, toLocalInput } from '../petitions/petition-format';
import type { Option } from '../petitions/use-directory';
import { LEVEL_COLOR } from './warning-format';

interface Values {
  text: string;
  source: string;
  level: WarningLevel | '';
  approverId: string | null;
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

export function WarningActionModal({
  warning,
  action,
  leaders,
  supervisionHours,
  onClose,
  onDone,
}: {
  warning: WarningDetail;
  action: WarningAction;
  leaders: readonly Option[];
  /** The configured default for a supervision deadline, from now. */
  supervisionHours: number;
  onClose: () => void;
  onDone: () => void;
}) {
  const tz = useOfficeTimeZone();
  const label = enumLabel('warningAction', action);
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [initialDue] = useState(() => toLocalInput(officeNow() + supervisionHours * HOUR_MS, tz));
  const form = useForm<Values>({
    initialValues: {
      text: '',
      source: '',
      // Raising is the usual change: default to the next level up.
      level: action === 'change_level' ? (WARNING_LEVELS[Math.max(0, WARNING_LEVELS.indexOf(warning.level) - 1)] ?? '') : '',
      approverId: String(warning.leadLeaderId),
      dueAt: initialDue,
    },
  });
  const v = form.values;
  const textLabel = t(TEXT_LABEL[action]);

  const validate = (): Record<string, string> => {
    const e: Record<string, string> = {};
    if (!v.text.trim()) e.text = t('errors.generic.required', { field: textLabel });
    if (action === 'change_level') {
      if (!v.level) e.level = t('warnings.actions.levelRequired');
      else if (v.level === warning.level) e.level = t('errors.warnings.sameLevel', { level: enumLabel('warningLevel', warning.level) });
    }
    if (action === 'lift' && !v.approverId) e.approverId = t('errors.warnings.approverRequired');
    if (action === 'supervise') {
      const due = fromLocalInput(v.dueAt, tz);
      if (due === null) e.dueAt = t('warnings.actions.badTime');
      else if (due <= officeNow()) e.dueAt = t('errors.warnings.dueNotAfterNow');
    }
    return e;
  };

  const call = () => {
    const text = v.text.trim();
    switch (action) {
      case 'feedback':
        return api.call('warnings.feedback.create', { id: warning.id, content: text, source: v.source.trim() });
      case 'supervise': {
        // Untouched, the deadline is left to the core (the configured hours from the moment it is saved).
        const dueAt = v.dueAt === initialDue ? null : fromLocalInput(v.dueAt, tz);
        return api.call('warnings.supervise', { id: warning.id, note: text, dueAt });
      }
      case 'change_level':
        return api.call('warnings.changeLevel', { id: warning.id, level: v.level as WarningLevel, reason: text });
      case 'lift':
        return api.call('warnings.lift', { id: warning.id, outcome: text, approverId: v.approverId ? Number(v.approverId) : null });
    }
  };

  const submit = async () => {
    if (busy) return;
    const errors = validate();
    form.setErrors(errors);
    if (Object.keys(errors).length > 0) {
      setRefusal(Object.values(errors)[0] ?? null);
      return;
    }
    setBusy(true);
    setRefusal(null);
    const r = await call();
    setBusy(false);
    if (!r.ok) {
      setRefusal(r.error.message);
      const rename: Record<string, string> = { content: 'text', note: 'text', reason: 'text', outcome: 'text' };
      form.setErrors(Object.fromEntries(Object.entries(r.error.fields ?? {}).map(([k, m]) => [rename[k] ?? k, m])));
      return;
    }
    notifySaved(t('warnings.actions.done', { action: label }));
    onDone();
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
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {t(`warnings.actions.intro.${action}` as MessageKey, { supervisionHours })}
          </Text>
          {refusal && (
            <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} title={t('warnings.actions.refused', { action: label })} role="alert">
              {refusal}
            </Alert>
          )}
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
          <Textarea
            label={textLabel}
            placeholder={t(TEXT_PLACEHOLDER[action])}
            withAsterisk
            autosize
            minRows={3}
            maxRows={8}
            maxLength={4000}
            data-autofocus
            {...form.getInputProps('text')}
          />
          {action === 'feedback' && (
            <TextInput label={t('warnings.actions.source')} placeholder={t('warnings.actions.sourcePlaceholder')} maxLength={100} {...form.getInputProps('source')} />
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
          {action === 'lift' && (
            <Select
              label={t('warnings.actions.approver')}
              placeholder={t('warnings.actions.approverPlaceholder')}
              data={[...leaders]}
              searchable
              withAsterisk
              {...form.getInputProps('approverId')}
            />
          )}
          <Group justify="flex-end" mt="xs">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={busy} color={action === 'lift' ? 'green' : action === 'supervise' ? 'orange' : undefined}>
              {t('warnings.actions.submit', { action: label })}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
