/** Marks one date as a day off, a make-up working day, or back to the normal week. */
import { useState } from 'react';
import { Alert, Button, Group, Modal, Radio, Stack, Text, TextInput } from '@mantine/core';
import type { CalendarDay } from '../../../../shared/api';
import { t } from '../../../../shared/i18n';
import { formatChineseDate } from '../../../../shared/time';
import { notifySaved } from '../../platform/notify';
import { useApiMutation } from '../../platform/query';
import { isWeekend } from './calendar-model';
import { stateLabel, weekdayName } from './calendar-labels';

type Choice = 'off' | 'work' | 'normal';

/** What a person most likely wants for this date: a weekend becomes a make-up day, a weekday a day off. */
function suggestedChoice(date: string, entry: CalendarDay | undefined): Choice {
  if (entry) return entry.isOffDay ? 'off' : 'work';
  return isWeekend(date) ? 'work' : 'off';
}

export function DayModal({ date, entry, onClose }: { date: string; entry: CalendarDay | undefined; onClose: () => void }) {
  const [choice, setChoice] = useState<Choice>(suggestedChoice(date, entry));
  const [name, setName] = useState(entry?.name ?? '');
  const current = entry ? (entry.isOffDay ? 'off' : 'work') : isWeekend(date) ? 'weekend' : 'normal';
  const update = useApiMutation('calendar.days.update', {
    onSuccess: (result) => {
      notifySaved(t('admin.calendar.daySaved', { date: formatChineseDate(date), count: result.recomputed }));
      onClose();
    },
    onError: () => undefined,
  });
  const save = () => update.mutate({ date, isOffDay: choice === 'normal' ? null : choice === 'off', name: choice === 'normal' ? '' : name.trim() });
  const error = update.error?.message ?? null;

  return (
    <Modal opened onClose={onClose} title={t('admin.calendar.dayTitle', { date: formatChineseDate(date), weekday: weekdayName(date) })} size={460} centered>
      <Stack gap="sm">
        {error && (
          <Alert color="red" variant="light" role="alert">
            {error}
          </Alert>
        )}
        <Text size="sm" c="dimmed">
          {t('admin.calendar.dayNow', { state: stateLabel(current, entry?.name ?? '') })}
        </Text>
        <Radio.Group label={t('admin.calendar.choice')} value={choice} onChange={(v) => setChoice(v as Choice)}>
          <Stack gap={8} mt={6}>
            <Radio value="off" label={t('admin.calendar.setOff')} />
            <Radio value="work" label={t('admin.calendar.setWork')} />
            <Radio value="normal" label={t('admin.calendar.setNormal')} description={t('admin.calendar.setNormalHint')} />
          </Stack>
        </Radio.Group>
        {choice !== 'normal' && (
          <TextInput
            label={t('admin.calendar.dayName')}
            description={t('admin.calendar.dayNameHint')}
            placeholder={choice === 'off' ? t('admin.calendar.dayNamePlaceholderOff') : t('admin.calendar.dayNamePlaceholderWork')}
            maxLength={20}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
          />
        )}
        <Group justify="flex-end" mt="xs">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button loading={update.isPending} onClick={save}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
