/**
 * Acknowledge and snooze, the two things a person does with an alarm; the banner and the board share them.
 *
 * @example
 * const actions = useAlarmActions();
 * <Button onClick={() => actions.acknowledge(alarm)}>确认</Button>
 * {actions.dialogs}
 */
import { useState, type ReactNode } from 'react';
import { Button, Group, Modal, SegmentedControl, Stack, Text, Textarea } from '@mantine/core';
import type { Alarm } from '../../../../shared/api';
import { t, enumLabel } from '../../../../shared/i18n';
import { api } from '../../api/client';
import { notifyError, notifySaved } from '../../app/use-api';

/** The minutes the core accepts (main/core/alarms SNOOZE_MINUTES). */
const SNOOZE_CHOICES = [15, 30, 60, 120, 240] as const;
type SnoozeMinutes = (typeof SNOOZE_CHOICES)[number];

function snoozeLabel(minutes: SnoozeMinutes): string {
  return t(`alarms.snooze.m${minutes}`);
}

function subjectLabel(a: Alarm): string {
  return a.subjectNumber || t('alarms.board.noSubject');
}

function AcknowledgeDialog({ alarm, onClose }: { alarm: Alarm; onClose: () => void }) {
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    setBusy(true);
    const r = await api.call('alarms.acknowledge', { id: alarm.id, note: note.trim() });
    setBusy(false);
    if (!r.ok) {
      notifyError(r.error);
      return;
    }
    notifySaved(t('alarms.acknowledge.done'));
    onClose();
  };
  return (
    <Modal opened onClose={onClose} title={t('alarms.acknowledge.title')} centered>
      <Stack>
        <Text size="sm">{t('alarms.acknowledge.intro', { number: subjectLabel(alarm), kind: enumLabel('deadlineKind', alarm.deadlineKind) })}</Text>
        <Textarea label={t('alarms.acknowledge.note')} placeholder={t('alarms.acknowledge.notePlaceholder')} autosize minRows={2} maxLength={500} value={note} onChange={(e) => setNote(e.currentTarget.value)} data-autofocus />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button color="green" loading={busy} onClick={() => void submit()}>
            {t('alarms.acknowledge.submit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function SnoozeDialog({ alarm, onClose }: { alarm: Alarm; onClose: () => void }) {
  const [minutes, setMinutes] = useState<SnoozeMinutes>(30);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    if (!reason.trim()) {
      setError(t('alarms.snooze.reasonRequired'));
      return;
    }
    setBusy(true);
    const r = await api.call('alarms.snooze', { id: alarm.id, minutes, reason: reason.trim() });
    setBusy(false);
    if (!r.ok) {
      if (r.error.fields?.reason) setError(r.error.fields.reason);
      else notifyError(r.error);
      return;
    }
    notifySaved(t('alarms.snooze.done', { duration: snoozeLabel(minutes) }));
    onClose();
  };
  return (
    <Modal opened onClose={onClose} title={t('alarms.snooze.title')} centered>
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
            value={String(minutes)}
            onChange={(v) => setMinutes(Number(v) as SnoozeMinutes)}
            data={SNOOZE_CHOICES.map((m) => ({ value: String(m), label: snoozeLabel(m) }))}
          />
        </Stack>
        <Textarea
          label={t('alarms.snooze.reason')}
          placeholder={t('alarms.snooze.reasonPlaceholder')}
          withAsterisk
          autosize
          minRows={2}
          maxLength={500}
          value={reason}
          error={error}
          onChange={(e) => {
            setReason(e.currentTarget.value);
            setError(null);
          }}
          data-autofocus
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button color="orange" loading={busy} onClick={() => void submit()}>
            {t('alarms.snooze.submit')}
          </Button>
        </Group>
      </Stack>
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
