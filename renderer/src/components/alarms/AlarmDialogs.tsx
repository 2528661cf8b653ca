/**
 * Acknowledge and snooze, the two things a person does with an alarm; the banner and the board share them.
 *
 * @example
 * const actions = useAlarmActions();
 * <Button onClick={() => actions.acknowledge(alarm)}>确认</Button>
 * {actions.dialogs}
 */
import { useState, type ReactNode } from 'react';
import { Alert, Button, Group, Modal, SegmentedControl, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { z } from 'zod';
import { contract, type Alarm } from '../../../../shared/api';
import { t, enumLabel } from '../../../../shared/i18n';
import { notifyError, notifySaved } from '../../platform/notify';
import { useApiMutation } from '../../platform/query';
import { useNow } from '../../platform/clock';
import { contractResolver } from '../forms/contract-resolver';
import { LimitCounter, LimitedTextarea } from '../forms/LimitedText';
import { useSession } from '../../platform/session';
import { applyErrors } from '../forms/form-errors';

/** The longest note the contract takes with an acknowledgement or a snooze ('alarms.acknowledge', 'alarms.snooze'). */
const ACK_NOTE_LIMIT = 500;

/** The minutes the core accepts (main/core/alarms SNOOZE_MINUTES). */
const SNOOZE_CHOICES = [15, 30, 60, 120, 240] as const;
type SnoozeMinutes = (typeof SNOOZE_CHOICES)[number];

/** A snooze says why the alarm cannot be dealt with now. */
const snoozeForm = z.object({
  reason: contract['alarms.snooze'].input.shape.reason.refine((reason) => reason !== '', { error: t('alarms.snooze.reasonRequired') }),
});

function snoozeLabel(minutes: SnoozeMinutes): string {
  return t(`alarms.snooze.m${minutes}`);
}

function subjectLabel(a: Alarm): string {
  return a.subjectNumber || t('alarms.board.noSubject');
}

function AcknowledgeDialog({ alarm, onClose }: { alarm: Alarm; onClose: () => void }) {
  const session = useSession();
  const [note, setNote] = useState('');
  const now = useNow(30_000);
  const [refusal, setRefusal] = useState<string | null>(null);
  // An alarm addressed to others is acknowledged for them only with a reason, shown on the board.
  const forOthers = !alarm.recipients.some((r) => r.id === session.user?.id);
  const acknowledge = useApiMutation('alarms.acknowledge', {
    onSuccess: () => {
      notifySaved(t('alarms.acknowledge.done'));
      onClose();
    },
    onError: (error) => setRefusal(error.message),
  });
  return (
    <Modal opened onClose={onClose} title={t('alarms.acknowledge.title')} centered>
      <Stack>
        {/* An overdue item can no longer be done on time: the promise is to do it at once. */}
        <Text size="sm" data-testid="acknowledge-intro">
          {t(alarm.dueAt <= now ? 'alarms.acknowledge.introOverdue' : 'alarms.acknowledge.intro', { number: subjectLabel(alarm), kind: enumLabel('deadlineKind', alarm.deadlineKind) })}
        </Text>
        {refusal && (
          <Alert color="red" variant="light" role="alert">
            {refusal}
          </Alert>
        )}
        <AckNoteFields
          label={forOthers ? t('fields.alarmsAck.otherReason') : t('alarms.acknowledge.note')}
          required={forOthers}
          note={note}
          onNote={setNote}
          onCancel={onClose}
          pending={acknowledge.isPending}
          onSubmit={() => acknowledge.mutate({ id: alarm.id, note: note.trim() })}
        />
      </Stack>
    </Modal>
  );
}

/** Several open alarms acknowledged with one note ('alarms.acknowledgeMany'); the note rules are those of one alarm. */
export function BulkAcknowledgeDialog({ alarms, onClose, onDone }: { alarms: readonly Alarm[]; onClose: () => void; onDone: () => void }) {
  const session = useSession();
  const [note, setNote] = useState('');
  const [refusal, setRefusal] = useState<string | null>(null);
  const forOthers = alarms.filter((a) => !a.recipients.some((r) => r.id === session.user?.id)).length;
  const acknowledge = useApiMutation('alarms.acknowledgeMany', {
    onSuccess: (r) => {
      notifySaved(t(r.skipped > 0 ? 'alarms.bulk.skipped' : 'alarms.bulk.done', r));
      onDone();
    },
    onError: (error) => setRefusal(error.message),
  });
  return (
    <Modal opened onClose={onClose} title={t('alarms.bulk.title')} centered>
      <Stack>
        <Text size="sm" data-testid="bulk-acknowledge-intro">
          {t('alarms.bulk.intro', { count: alarms.length })}
        </Text>
        <Stack gap={2}>
          {alarms.map((a) => (
            <Text key={a.id} size="sm" fw={500}>
              {subjectLabel(a)} · {enumLabel('deadlineKind', a.deadlineKind)}
            </Text>
          ))}
        </Stack>
        {refusal && (
          <Alert color="red" variant="light" role="alert">
            {refusal}
          </Alert>
        )}
        <AckNoteFields
          label={forOthers > 0 ? t('alarms.bulk.forOthers', { count: forOthers }) : t('alarms.acknowledge.note')}
          required={forOthers > 0}
          note={note}
          onNote={setNote}
          onCancel={onClose}
          pending={acknowledge.isPending}
          onSubmit={() => acknowledge.mutate({ ids: alarms.map((a) => a.id), note: note.trim() })}
        />
      </Stack>
    </Modal>
  );
}

function SnoozeDialog({ alarm, onClose }: { alarm: Alarm; onClose: () => void }) {
  const form = useForm({ initialValues: { minutes: 30 as SnoozeMinutes, reason: '' }, validate: contractResolver(snoozeForm) });
  const snooze = useApiMutation('alarms.snooze', {
    onSuccess: (_value, input) => {
      notifySaved(t('alarms.snooze.done', { duration: snoozeLabel(input.minutes as SnoozeMinutes) }));
      onClose();
    },
    onError: (error) => {
      if (applyErrors(form, error) !== null) notifyError(error);
    },
  });
  const submit = form.onSubmit((v) => snooze.mutate({ id: alarm.id, minutes: v.minutes, reason: v.reason.trim() }));
  return (
    <Modal opened onClose={onClose} title={t('alarms.snooze.title')} centered>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text size="sm" c="dimmed">
            {subjectLabel(alarm)} · {enumLabel('deadlineKind', alarm.deadlineKind)} — {t('alarms.snooze.intro')}
          </Text>
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              {t('alarms.snooze.minutes')}
            </Text>
            <SegmentedControl
              fullWidth
              aria-label={t('alarms.snooze.minutes')}
              value={String(form.values.minutes)}
              onChange={(v) => form.setFieldValue('minutes', Number(v) as SnoozeMinutes)}
              data={SNOOZE_CHOICES.map((m) => ({ value: String(m), label: snoozeLabel(m) }))}
            />
          </Stack>
          <LimitedTextarea
            label={t('alarms.snooze.reason')}
            placeholder={t('alarms.snooze.reasonPlaceholder')}
            withAsterisk
            autosize
            minRows={2}
            limit={ACK_NOTE_LIMIT}
            data-autofocus
            {...form.getInputProps('reason')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color="orange" loading={snooze.isPending}>
              {t('alarms.snooze.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

export interface AlarmActions {
  acknowledge(alarm: Alarm): void;
  snooze(alarm: Alarm): void;
  /** Render once where the actions are used. */
  readonly dialogs: ReactNode;
}

export function useAlarmActions(): AlarmActions {
  const [open, setOpen] = useState<{ kind: 'acknowledge' | 'snooze'; alarm: Alarm } | null>(null);
  const close = () => setOpen(null);
  return {
    acknowledge: (alarm) => setOpen({ kind: 'acknowledge', alarm }),
    snooze: (alarm) => setOpen({ kind: 'snooze', alarm }),
    dialogs:
      open === null ? null : open.kind === 'acknowledge' ? (
        <AcknowledgeDialog key={open.alarm.id} alarm={open.alarm} onClose={close} />
      ) : (
        <SnoozeDialog key={open.alarm.id} alarm={open.alarm} onClose={close} />
      ),
  };
}

/** The acknowledgement note with its counter, and cancel / 确认: one alarm's dialog and several alarms' share it. */
function AckNoteFields(props: { label: string; required: boolean; note: string; onNote: (note: string) => void; onCancel: () => void; pending: boolean; onSubmit: () => void }) {
  return (
    <>
      <Textarea
        label={props.label}
        withAsterisk={props.required}
        placeholder={t('alarms.acknowledge.notePlaceholder')}
        autosize
        minRows={2}
        value={props.note}
        onChange={(e) => props.onNote(e.currentTarget.value)}
        data-autofocus
      />
      <LimitCounter value={props.note} limit={ACK_NOTE_LIMIT} />
      <Group justify="flex-end">
        <Button variant="default" onClick={props.onCancel}>
          {t('common.cancel')}
        </Button>
        <Button color="green" loading={props.pending} onClick={props.onSubmit}>
          {t('alarms.acknowledge.submit')}
        </Button>
      </Group>
    </>
  );
}
