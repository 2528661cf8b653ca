/**
 * A date and time typed as 年-月-日 时:分 in segments (24-hour, whatever the PC's language), with a calendar
 * for the mouse. The value is 'YYYY-MM-DD HH:mm:ss' in the office's zone, or '' while incomplete.
 *
 * @example
 * <DateTimeField label="收到时间" value={values.receivedAt} onChange={(v) => setFieldValue('receivedAt', v)} />
 */
import type { ReactNode } from 'react';
import { MaskedDateInput } from '@mantine/dates';
import { IconCalendar } from '@tabler/icons-react';
import { t } from '../../../../shared/i18n';

export function DateTimeField({
  label,
  description,
  value,
  onChange,
  error,
  w,
}: {
  label: string;
  description?: string;
  value: string;
  onChange: (value: string) => void;
  error?: ReactNode;
  w?: number;
}) {
  return (
    // Enter moves past the whole field, not from the year to the month (see the intake form).
    <div data-field-group>
      <MaskedDateInput
        label={label}
        description={description}
        error={error}
        w={w}
        withTime
        format="24h"
        fieldsOrder={['year', 'month', 'day']}
        dateSeparator="-"
        value={value || null}
        onChange={(v) => onChange(v ?? '')}
        leftSection={<IconCalendar size={16} />}
        yearInputLabel={t('petitions.dateTime.year', { label })}
        monthInputLabel={t('petitions.dateTime.month', { label })}
        dayInputLabel={t('petitions.dateTime.day', { label })}
        hoursInputLabel={t('petitions.dateTime.hours', { label })}
        minutesInputLabel={t('petitions.dateTime.minutes', { label })}
        popoverProps={{ position: 'bottom-start' }}
      />
    </div>
  );
}
